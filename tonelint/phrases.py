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

# orth id -> normalised text. An orth id is the hash of the text, the same in every pipeline.
_NORMED: dict[int, str] = {}
# doc.user_data key: the component leaves normed_words(doc) there for the rules (Context.words).
WORDS = "tonelint_words"


def normed_words(doc: Doc) -> list[str]:
    """Each token's text as lexicons compare it (:func:`~tonelint.lexicons.norm`), read from
    the Doc's token array: no Token objects are made."""
    strings = doc.vocab.strings
    if len(_NORMED) > 100_000:  # bounded over millions of posts
        _NORMED.clear()
    words = []
    for orth in doc.to_array(ORTH).tolist():
        word = _NORMED.get(orth)
        if word is None:
            word = _NORMED[orth] = norm(strings[orth])
        words.append(word)
    return words


def words_without_spaces(doc: Doc) -> list[str]:
    """:func:`normed_words` without the whitespace tokens, from what the component left on the
    Doc (every tonelint pipeline ends with it; a token is whitespace exactly when its
    normalised text is)."""
    return [w for w in doc.user_data[WORDS] if not w.isspace()]


class PhraseTables:
    def __init__(self, name: str = "tonelint_phrases") -> None:
        self.name = name
        # table -> {"entries": [data...], "phrases": [[tokens..., entry_index], ...]}
        self.tables: dict[str, dict[str, Any]] = {}
        # One-word phrases by their word, longer ones by their first two words, each as
        # (tokens, table, entry index), longest first: one pass over a Doc finds all tables.
        self._index: dict[str | tuple[str, str], list[tuple[tuple[str, ...], str, int]]] = {}
        self._firsts: frozenset[str] = frozenset()  # words some phrase starts with

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
        self._reindex()

    def copy_from(self, other: PhraseTables) -> None:
        """Take over another pipeline's tables (for a trained pipeline tonelint adds them to)."""
        self.tables.update(other.tables)
        self._reindex()

    def entries(self, table: str) -> list[dict[str, Any]]:
        return list(self.tables.get(table, {}).get("entries", []))

    def _reindex(self) -> None:
        """Derive the index from all the tables (after they change)."""
        index: dict[str | tuple[str, str], list[tuple[tuple[str, ...], str, int]]] = {}
        for table, data in self.tables.items():
            for *tokens, idx in data["phrases"]:
                key = tokens[0] if len(tokens) == 1 else (tokens[0], tokens[1])
                index.setdefault(key, []).append((tuple(tokens), table, int(idx)))
        for candidates in index.values():
            candidates.sort(key=lambda c: (-len(c[0]), c[1]))
        self._index = index
        self._firsts = frozenset(k if isinstance(k, str) else k[0] for k in index)

    def __call__(self, doc: Doc) -> Doc:
        """Each table's matches, longest first and without overlaps within a table."""
        words = doc.user_data[WORDS] = normed_words(doc)
        found: dict[str, list[Span]] = {}  # only tables with a match get a span group
        free: dict[str, int] = {}  # table -> first token a new match may start at
        index, firsts = self._index, self._firsts
        for i, word in enumerate(words):
            if word not in firsts:  # most words: no tuple made, no lookups
                continue
            longer = index.get((word, words[i + 1])) if i + 1 < len(words) else None
            single = index.get(word)
            if longer is None and single is None:
                continue
            for tokens, table, idx in (*(longer or ()), *(single or ())):
                end = i + len(tokens)
                if free.get(table, 0) <= i and (len(tokens) <= 2 or tuple(words[i:end]) == tokens):
                    found.setdefault(table, []).append(Span(doc, i, end, label=str(idx)))
                    free[table] = end
        for table, spans in found.items():
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
        self._reindex()
        return self


@Language.factory("tonelint_phrases")
def make_phrase_tables(nlp: Language, name: str) -> PhraseTables:
    return PhraseTables(name)
