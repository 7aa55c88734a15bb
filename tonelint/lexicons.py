"""Lexicon packs in ``rules/``: reading them and expanding their match patterns.

Used when building the pipelines (``scripts/build_models.py``) and by tests; at run time the
compiled tables inside the pipelines are used instead.

Pattern syntax: lowercase words separated by spaces; ``{a|b c}`` is a group of alternatives of
one or more words. A pattern that is one bare word is a lemma, matched in all its inflected forms.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


def norm(text: str) -> str:
    """How a token is compared with a lexicon: lowercase, typographic apostrophes straight."""
    return text.lower().translate(APOSTROPHES)


_PART = regex.compile(r"\{([^{}]*)\}|([^\s{}]+)")


def expand(pattern: str) -> list[str]:
    """All phrases a pattern stands for, in order: ``"{we are|we're} proud"`` gives two."""
    choices: list[list[str]] = []
    for m in _PART.finditer(pattern):
        if m.group(1) is not None:
            choices.append([alt.strip() for alt in m.group(1).split("|")])
        else:
            choices.append([m.group(2)])
    return [" ".join(p for p in combo if p) for combo in itertools.product(*choices)]


def is_lemma(pattern: str) -> bool:
    return " " not in pattern and "{" not in pattern


def load_pack(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        pack: dict[str, Any] = tomllib.load(fh)
    return pack
