"""One renderer per output format. Line and column are computed here, and only here.

Each format is a module of this package with a ``render(report, registry, out)`` function,
imported when the format is used (start-up matters in a pre-commit hook).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from tonelint.registry import Registry
from tonelint.report import Report

Renderer = Callable[[Report, Registry, TextIO], None]

FORMATS = ("text", "json", "sarif", "github", "html")


def renderer(name: str) -> Renderer:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; formats: {', '.join(FORMATS)}")
    module = importlib.import_module(f"tonelint.reporters.{name}")
    render: Renderer = module.render
    return render
