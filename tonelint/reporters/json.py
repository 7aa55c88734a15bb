"""JSON output, schema version 1 (documented in the README, "JSON output").

    {"version": 1, "tool": {"name", "version"}, "diagnostics": [...], "errors": [...],
     "summary": {"files", "diagnostics", "errors", "exit_code"}}

Each diagnostic: path, code, name, severity, message, start, end (character offsets, code points),
line, column, end_line, end_column (1-based, columns in code points), lang, fix (null or
{title, applicability, edits: [{start, end, replacement}]}), and for a record of a CMS export
record (its id), record_number (from 1), field, meta ({"author": ..., "date": ...}); these are
null (meta {}) for plain files. Offsets, lines and columns are then inside that field's text.
"""

from __future__ import annotations

from typing import Any, TextIO

from tonelint.diagnostics import Diagnostic
from tonelint.documents import LineIndex, Origin
from tonelint.registry import Registry
from tonelint.report import FileResult, Report
from tonelint.reporters.streaming import HOLE, StreamedArray

SCHEMA_VERSION = 1


def diagnostic_dict(d: Diagnostic, index: LineIndex, path: str, origin: Origin) -> dict[str, Any]:
    """One diagnostic as schema version 1 describes it; line and column computed here."""
    line, col = index.position(d.start)
    end_line, end_col = index.position(d.end)
    return {
        "path": path,
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": d.message,
        "start": d.start,
        "end": d.end,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "lang": d.lang,
        "fix": d.fix.to_dict() if d.fix else None,
        "record": origin.record,
        "record_number": origin.number,
        "field": origin.field,
        "meta": dict(origin.meta),
    }


def as_dicts(result: FileResult) -> list[dict[str, Any]]:
    index = LineIndex(result.text)
    return [diagnostic_dict(d, index, result.path, result.origin) for d in result.diagnostics]


class Sink:
    """Writes each result's diagnostics as it arrives (see :mod:`.streaming`)."""

    def __init__(self, registry: Registry, out: TextIO) -> None:
        # Only what comes before the diagnostics is taken from this first, empty report.
        self.array = StreamedArray(out, _document(Report()))

    def add(self, result: FileResult) -> None:
        for item in as_dicts(result):
            self.array.add(item)

    def finish(self, report: Report) -> None:
        self.array.close(_document(report))


def _document(report: Report) -> dict[str, Any]:
    from tonelint import __version__

    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "tonelint", "version": __version__},
        "diagnostics": [HOLE],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "summary": {
            "files": report.texts,
            "diagnostics": report.diagnostic_count,
            "errors": len(report.errors),
            "exit_code": report.exit_code,
        },
    }
