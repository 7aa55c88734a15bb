"""One renderer per output format. Line and column are computed here, and only here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from tonelint.registry import Registry
from tonelint.report import Report
from tonelint.reporters import github, html, json, sarif, text

Renderer = Callable[[Report, Registry, TextIO], None]

RENDERERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "github": github.render,
    "html": html.render,
}
FORMATS = tuple(RENDERERS)
