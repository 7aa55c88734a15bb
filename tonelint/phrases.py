"""The ``tonelint_phrases`` pipeline component: finds lexicon phrases in a Doc.

Lexicons in ``rules/`` (for example ``rules/jargon/<lang>.toml``) are compiled by
``scripts/build_models.py`` into token sequences: groups expanded, lemmas expanded into their
inflected forms (from spaCy's lookup tables), each phrase tokenized by the pipeline's own
tokenizer. The component stores them with the pipeline (``models/<lang>/tonelint_phrases``) and at
run time only looks tokens up in a dict: no lookup tables, no lemmatizer to load.

Tables are named ``<lexicon>/<category>`` (``jargon/buzzword``). For each table with a match the
component writes ``doc.spans[<table>]``, longest match first, no overlaps; a span's label
is the entry's index (as a string) into the table's ``entries``, which hold the lexicon's data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from tonelint.lexicons import norm


class PhraseTables:
    def __init__(self, name: str = "tonelint_phrases") -> None:
        self.name = name
        # table -> {"entries": [data...], "phrases": [[tokens..., entry_index], ...]}
        self.tables: dict[str, dict[str, Any]] = {}
        # first token -> (tokens, table, entry index), longest first: one pass finds all tables
        self._index: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
        self._normed: dict[int, str] = {}  # orth id -> normalised text

    def add(
        self,
        table: str,
        entries: list[Mapping[str, Any]],
        phrases: Iterable[tuple[tuple[str, ...], int]],
    ) -> None:
        unique = sorted(set(phrases))
        self.tables[table] = {
            "entries": [dict(e) for e in entries],
            "phrases": [[*tokens, idx] for tokens, idx in unique],
        }
        self._build(table)

    def copy_from(self, other: PhraseTables) -> None:
        """Take over another pipeline's tables (for a trained pipeline tonelint adds them to)."""
        for table, data in other.tables.items():
            self.tables[table] = data
            self._build(table)

    def entries(self, table: str) -> list[dict[str, Any]]:
        return list(self.tables.get(table, {}).get("entries", []))

    def _build(self, table: str) -> None:
        for candidates in self._index.values():
            candidates[:] = [c for c in candidates if c[1] != table]
        for *tokens, idx in self.tables[table]["phrases"]:
            self._index.setdefault(tokens[0], []).append((tuple(tokens), table, int(idx)))
        for candidates in self._index.values():
            candidates.sort(key=lambda c: (-len(c[0]), c[1]))

    def __call__(self, doc: Doc) -> Doc:
        """Each table's matches, longest first and without overlaps within a table."""
        strings, normed = doc.vocab.strings, self._normed
        if len(normed) > 100_000:
            normed.clear()
        words = []  # read from the token array: no Token objects made
        for orth in doc.to_array(ORTH).tolist():
            word = normed.get(orth)
            if word is None:
                word = normed[orth] = norm(strings[orth])
            words.append(word)
        found: dict[str, list[Span]] = {table: [] for table in self.tables}
        free = dict.fromkeys(self.tables, 0)  # table -> first token a new match may start at
        index = self._index
        for i, word in enumerate(words):
            candidates = index.get(word)
            if candidates is None:
                continue
            for tokens, table, idx in candidates:
                end = i + len(tokens)
                if free[table] <= i and (len(tokens) == 1 or tuple(words[i:end]) == tokens):
                    found[table].append(Span(doc, i, end, label=str(idx)))
                    free[table] = end
        for table, spans in found.items():
            if spans:  # a table with no match has no span group (most tables, most texts)
                doc.spans[table] = spans
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for table, data in sorted(self.tables.items()):
            with (path / f"{table.replace('/', '.')}.json").open("w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PhraseTables:
        for file in sorted(Path(path).glob("*.json")):
            table = file.stem.replace(".", "/")
            self.tables[table] = json.loads(file.read_text("utf-8"))
            self._build(table)
        return self


@Language.factory("tonelint_phrases")
def make_phrase_tables(nlp: Language, name: str) -> PhraseTables:
    return PhraseTables(name)
