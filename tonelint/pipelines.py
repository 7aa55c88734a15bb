"""spaCy pipelines per language, loaded from ``models/`` on first use and cached."""

from __future__ import annotations

from functools import cache
from typing import Any

from tonelint.resources import data_dir

LANGUAGES = ("nl", "fr", "en")


class PipelineError(Exception):
    """A configured spaCy pipeline that cannot be used."""


def pipeline(lang: str, trained: str | None = None) -> Any:
    """The pipeline for ``lang``: see :func:`_load` (cached per language and trained name)."""
    return _load(lang, trained)


@cache
def _load(lang: str, trained: str | None) -> Any:
    """The ``spacy.Language`` for ``lang`` (``nl``, ``fr`` or ``en``).

    tonelint's own pipeline from ``models/<lang>``; or, when ``trained`` names an installed
    trained pipeline (``nl_core_news_sm``, or a path), that pipeline with tonelint's tokenizer
    and phrase tables added, so rules can use its part-of-speech tags and morphology.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no pipeline for language {lang!r}; tonelint has {', '.join(LANGUAGES)}")
    import spacy

    import tonelint.languages  # noqa: F401  (registers tonelint's language classes with spaCy)

    ours: Any = spacy.load(data_dir("models") / lang)
    if trained is None:
        return ours
    from spacy.tokenizer import Tokenizer

    try:
        nlp: Any = spacy.load(trained, exclude=["ner"])
    except (OSError, ValueError, ImportError) as exc:
        raise PipelineError(
            f"pipelines.{lang} = {trained!r} cannot be loaded ({exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0]}); install it, or remove the setting"
        ) from None
    tokenizer = Tokenizer(nlp.vocab)
    tokenizer.from_bytes(ours.tokenizer.to_bytes())
    nlp.tokenizer = tokenizer
    if not any(nlp.has_pipe(name) for name in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer")
    phrases = nlp.add_pipe("tonelint_phrases", last=True)
    phrases.copy_from(ours.get_pipe("tonelint_phrases"))
    return nlp


@cache
def lexicon_tables(lang: str, lexicon: str) -> dict[str, list[dict[str, Any]]]:
    """The phrase tables of one lexicon in ``lang``'s pipeline: table name -> entries."""
    component = pipeline(lang).get_pipe("tonelint_phrases")
    return {
        table: component.entries(table)
        for table in sorted(component.tables)
        if table.split("/", 1)[0] == lexicon
    }
