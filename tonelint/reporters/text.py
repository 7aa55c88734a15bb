"""``path:line:col: CODE message`` lines and a one-line summary; colour on a terminal."""

from __future__ import annotations

import os
from typing import TextIO

from tonelint.diagnostics import Applicability, Severity
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


def render(report: Report, registry: Registry, out: TextIO, colour: bool = False) -> None:
    def paint(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if colour else s

    for result in report.files:
        index = LineIndex(result.text)
        for d in result.diagnostics:
            line, col = index.position(d.start)
            safe = d.fix is not None and d.fix.applicability is Applicability.SAFE
            fixable = " [*]" if safe else ""
            out.write(
                f"{paint(_BOLD, f'{location(result)}{line}:{col}:')} "
                f"{paint(_COLOURS[d.severity], d.code)} {d.message}{paint(_DIM, fixable)}\n"
            )
    for err in report.errors:
        out.write(
            f"{paint(_BOLD, err.path + ':')} {paint(_COLOURS[Severity.ERROR], 'error')}: "
            f"{err.message}\n"
        )
    out.write(report.summary() + "\n")
