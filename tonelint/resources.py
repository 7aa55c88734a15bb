"""Where the data shipped with tonelint lives: ``rules/`` and ``models/``.

In a source checkout (or an editable install) they are the top-level folders of the repository;
in an installed wheel they are copied to ``tonelint/_data/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The directory ``rules`` or ``models``, wherever this installation keeps it."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"tonelint's {name}/ directory is missing from this installation")
