"""spaCy pipelines per language, loaded from ``models/`` on first use and cached."""

from __future__ import annotations

from functools import cache
from typing import Any

from tonelint.resources import data_dir

LANGUAGES = ("nl", "fr", "en")


@cache
def pipeline(lang: str) -> Any:
    """The ``spacy.Language`` for ``lang`` (``nl``, ``fr`` or ``en``) from ``models/<lang>``."""
    if lang not in LANGUAGES:
        raise ValueError(f"no pipeline for language {lang!r}; tonelint has {', '.join(LANGUAGES)}")
    import spacy

    import tonelint.languages  # noqa: F401  (registers tonelint's language classes with spaCy)

    return spacy.load(data_dir("models") / lang)


@cache
def lexicon_tables(lang: str, lexicon: str) -> dict[str, list[dict[str, Any]]]:
    """The phrase tables of one lexicon in ``lang``'s pipeline: table name -> entries."""
    component = pipeline(lang).get_pipe("tonelint_phrases")
    return {
        table: component.entries(table)
        for table in sorted(component.tables)
        if table.split("/", 1)[0] == lexicon
    }
