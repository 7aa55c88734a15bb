"""One reporter per output format. Line and column are computed here, and only here.

Each format is a module of this package with a ``Sink(registry, out)`` class: ``add(result)``
as each file or record is linted, then ``finish(report)`` with the run's counts and errors.
A sink writes as it goes where the format allows it (text, GitHub, JSON, JSON Lines, SARIF) and
keeps only aggregates otherwise (HTML), so a run over a million records does not hold them all.
Modules are imported when their format is used (start-up matters in a pre-commit hook).
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol, TextIO

from tonelint.registry import Registry
from tonelint.report import Report, Sink

FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")


class ReportSink(Sink, Protocol):
    """A :class:`~tonelint.report.Sink` that writes the document when the run is over."""

    def finish(self, report: Report) -> None: ...


def sink(name: str, registry: Registry, out: TextIO, **options: Any) -> ReportSink:
    """The sink of format ``name`` writing to ``out`` (``colour=`` for text)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; formats: {', '.join(FORMATS)}")
    module = importlib.import_module(f"tonelint.reporters.{name}")
    made: ReportSink = module.Sink(registry, out, **options)
    return made


def render(name: str, report: Report, registry: Registry, out: TextIO, **options: Any) -> None:
    """Write a whole report (its kept results) in format ``name``."""
    target = sink(name, registry, out, **options)
    for result in report.files:
        target.add(result)
    target.finish(report)
