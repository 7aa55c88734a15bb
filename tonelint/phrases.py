"""The ``tonelint_phrases`` pipeline component: finds lexicon phrases in a Doc.

Lexicons in ``rules/`` (for example ``rules/jargon/<lang>.toml``) are compiled by
``scripts/build_models.py`` into token sequences: groups expanded, lemmas expanded into their
inflected forms (from spaCy's lookup tables), each phrase tokenized by the pipeline's own
tokenizer. The component stores them with the pipeline (``models/<lang>/tonelint_phrases``) and at
run time only looks tokens up in a dict: no lookup tables, no lemmatizer to load.

Tables are named ``<lexicon>/<category>`` (``jargon/buzzword``). For each table the component
writes ``doc.spans[<table>]``, longest match first, no overlaps; a span's label
is the entry's index (as a string) into the table's ``entries``, which hold the lexicon's data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from tonelint.lexicons import norm


class PhraseTables:
    def __init__(self, name: str = "tonelint_phrases") -> None:
        self.name = name
        # table -> {"entries": [data...], "phrases": [[tokens..., entry_index], ...]}
        self.tables: dict[str, dict[str, Any]] = {}
        self._index: dict[str, dict[str, list[tuple[tuple[str, ...], int]]]] = {}

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
        index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for *tokens, idx in self.tables[table]["phrases"]:
            index.setdefault(tokens[0], []).append((tuple(tokens), int(idx)))
        for candidates in index.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self._index[table] = index

    def __call__(self, doc: Doc) -> Doc:
        words = [norm(t.text) for t in doc]
        for table, index in self._index.items():
            spans: list[Span] = []
            i = 0
            while i < len(words):
                match = next(
                    (
                        (tokens, idx)
                        for tokens, idx in index.get(words[i], ())
                        if tuple(words[i : i + len(tokens)]) == tokens
                    ),
                    None,
                )
                if match is None:
                    i += 1
                    continue
                tokens, idx = match
                spans.append(Span(doc, i, i + len(tokens), label=str(idx)))
                i += len(tokens)
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
