"""``path:line:col: CODE message`` lines and a one-line summary; colour on a terminal."""

from __future__ import annotations

import os
from typing import TextIO

from tonelint.diagnostics import Severity
from tonelint.documents import LineIndex
from tonelint.registry import Registry
from tonelint.report import FileResult, Report

_COLOURS = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.SUGGESTION: "\x1b[1;36m",
    Severity.INFO: "\x1b[1;34m",
}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def use_colour(stream: TextIO, choice: str = "auto") -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"


def location(result: FileResult) -> str:
    """``path:`` for a file; ``path:record ID:FIELD:`` for a record of a CMS export."""
    origin = result.origin
    if origin.record is None:
        return f"{result.path}:"
    return f"{result.path}:record {origin.record}:{origin.field}:"


class Sink:
    """Writes each result's diagnostics as it arrives; errors and the summary at the end."""

    def __init__(self, registry: Registry, out: TextIO, colour: bool = False) -> None:
        self.out = out
        self.colour = colour

    def paint(self, code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if self.colour else s

    def add(self, result: FileResult) -> None:
        paint = self.paint
        index = LineIndex(result.text)
        for d in result.diagnostics:
            line, col = index.position(d.start)
            fixable = " [*]" if result.fixable(d) else ""
            self.out.write(
                f"{paint(_BOLD, f'{location(result)}{line}:{col}:')} "
                f"{paint(_COLOURS[d.severity], d.code)} {d.message}{paint(_DIM, fixable)}\n"
            )

    def finish(self, report: Report) -> None:
        for err in report.errors:
            self.out.write(
                f"{self.paint(_BOLD, err.path + ':')} "
                f"{self.paint(_COLOURS[Severity.ERROR], 'error')}: {err.message}\n"
            )
        self.out.write(report.summary() + "\n")
