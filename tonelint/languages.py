"""spaCy language classes for tonelint's own pipelines (``models/<lang>``).

They are light on purpose: a pipeline's tokenizer rules (prefixes, suffixes, infixes, special
cases, token and URL matches) are compiled by ``scripts/build_models.py`` from spaCy's language
data plus tonelint's social-post rules, and restored from ``models/<lang>/tokenizer`` at load
time. So loading a pipeline never imports ``spacy.lang.<lang>`` (for French that import alone
takes seconds, most of it the tokenizer exception list).

The classes are registered as spaCy languages ``tonelint_nl``, ``tonelint_fr`` and
``tonelint_en`` (here and through the ``spacy_languages`` entry point), so ``spacy.load`` on a
directory in ``models/`` works in any process where tonelint is installed.
"""

from __future__ import annotations

from typing import Any

from spacy.language import BaseDefaults, Language
from spacy.util import registry

from tonelint import phrases  # noqa: F401  (registers the tonelint_phrases component)


class _Defaults(BaseDefaults):
    # Rules come from the serialized tokenizer; start from nothing rather than spaCy's defaults,
    # which would be compiled at start-up only to be replaced (~0.1 s).
    tokenizer_exceptions: dict[str, Any] = {}  # noqa: RUF012
    prefixes = None
    suffixes = None
    infixes = None


class Dutch(Language):
    lang = "tonelint_nl"
    Defaults = _Defaults


class French(Language):
    lang = "tonelint_fr"
    Defaults = _Defaults


class English(Language):
    lang = "tonelint_en"
    Defaults = _Defaults


CLASSES: dict[str, type[Language]] = {"nl": Dutch, "fr": French, "en": English}

for _cls in CLASSES.values():
    registry.languages.register(_cls.lang, func=_cls)
