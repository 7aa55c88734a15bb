"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per diagnostic."""

from __future__ import annotations

from typing import TextIO

from tonelint.diagnostics import Severity
from tonelint.documents import LineIndex
from tonelint.registry import Registry
from tonelint.report import FileResult, Report

_LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "notice",
    Severity.INFO: "notice",
}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


class Sink:
    """Writes each result's annotations as it arrives; errors at the end."""

    def __init__(self, registry: Registry, out: TextIO) -> None:
        self.out = out

    def add(self, result: FileResult) -> None:
        out = self.out
        index = LineIndex(result.text)
        for d in result.diagnostics:
            line, col = index.position(d.start)
            end_line, end_col = index.position(d.end)
            props = f"file={_prop(result.path)},line={line},col={col},endLine={end_line}"
            if end_line == line:
                props += f",endColumn={end_col}"
            props += f",title={_prop(f'{d.code} {d.name}')}"
            where = (
                ""
                if result.origin.record is None
                else (f"record {result.origin.record} ({result.origin.field}): ")
            )
            out.write(f"::{_LEVEL[d.severity]} {props}::{_data(f'{where}{d.code} {d.message}')}\n")

    def finish(self, report: Report) -> None:
        for err in report.errors:
            self.out.write(f"::error file={_prop(err.path)},title=tonelint::{_data(err.message)}\n")
