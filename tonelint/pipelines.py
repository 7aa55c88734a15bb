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

    return spacy.load(data_dir("models") / lang)
