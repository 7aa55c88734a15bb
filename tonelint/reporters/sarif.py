"""SARIF 2.1.0: one run, rule metadata from the registry, regions in code points.

Columns are Unicode code points (``columnKind: unicodeCodePoints``), like ``charOffset`` and
``charLength``, so a region is exact for emoji and combining accents. Safe and unsafe fixes are
both given as SARIF fixes; their applicability is in the fix's properties.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from tonelint.diagnostics import Diagnostic, Severity
from tonelint.documents import LineIndex
from tonelint.registry import Registry, Rule
from tonelint.report import FileResult, Report
from tonelint.reporters.streaming import HOLE, StreamedArray

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/tonelint/tonelint"
_LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "note",
    Severity.INFO: "note",
}


def _uri(path: str) -> str:
    p = Path(path)
    return quote(p.as_posix()) if not p.is_absolute() else p.as_uri()


def _rule(rule: Rule) -> dict[str, Any]:
    examples = "\n\n".join(
        f"{'Bad' if e.bad else 'Good'} ({e.lang}): {e.text.strip()}" for e in rule.examples
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.docs.what},
        "help": {
            "text": f"{rule.docs.what}\n\nWhy is this bad? {rule.docs.why}\n\n"
            f"Fix safety: {rule.docs.fix_safety}\n\n{examples}",
        },
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {
            "family": rule.family,
            "status": rule.status,
            "languages": list(rule.languages),
            "tags": [rule.family],
        },
    }


def _region(index: LineIndex, start: int, end: int) -> dict[str, int]:
    line, col = index.position(start)
    end_line, end_col = index.position(end)
    return {
        "startLine": line,
        "startColumn": col,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": start,
        "charLength": end - start,
    }


def _location(file: FileResult, uri: str, region: dict[str, int]) -> dict[str, Any]:
    """A physical location; for a record of an export also the record and field, as logical
    locations (the region is then inside that field's text)."""
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}
    }
    origin = file.origin
    if origin.record is not None:
        location["logicalLocations"] = [
            {
                "name": origin.record,
                "kind": "object",
                "fullyQualifiedName": f"record {origin.record}",
            },
            {
                "name": origin.field,
                "kind": "member",
                "fullyQualifiedName": f"record {origin.record}.{origin.field}",
            },
        ]
        location["properties"] = {"recordNumber": origin.number}
    return location


class Sink:
    """Writes each result as it arrives (see :mod:`.streaming`); errors and the invocation
    come after the results."""

    def __init__(self, registry: Registry, out: TextIO) -> None:
        self.rules = list(registry)
        self.rule_index = {r.code: i for i, r in enumerate(self.rules)}
        # Only what comes before the results is taken from this first, empty report.
        self.array = StreamedArray(out, self._log(Report()))

    def add(self, file: FileResult) -> None:
        index = LineIndex(file.text)
        uri = _uri(file.path)
        for d in file.diagnostics:
            self.array.add(self._result(file, index, uri, d))

    def finish(self, report: Report) -> None:
        self.array.close(self._log(report))

    def _result(self, file: FileResult, index: LineIndex, uri: str, d: Diagnostic) -> Any:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": _LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [_location(file, uri, _region(index, d.start, d.end))],
            "properties": {"name": d.name, "severity": d.severity.value, "lang": d.lang},
        }
        if d.code in self.rule_index:
            result["ruleIndex"] = self.rule_index[d.code]
        if d.fix:
            result["fixes"] = [
                {
                    "description": {"text": d.fix.title},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": uri},
                            "replacements": [
                                {
                                    "deletedRegion": {
                                        "charOffset": e.start,
                                        "charLength": e.end - e.start,
                                    },
                                    "insertedContent": {"text": e.replacement},
                                }
                                for e in d.fix.edits
                            ],
                        }
                    ],
                    "properties": {"applicability": d.fix.applicability.value},
                }
            ]
        return result

    def _log(self, report: Report) -> dict[str, Any]:
        from tonelint import __version__

        errors = report.errors
        return {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "tonelint",
                            "version": __version__,
                            "informationUri": INFORMATION_URI,
                            "rules": [_rule(r) for r in self.rules],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": [HOLE],
                    "invocations": [
                        {
                            "executionSuccessful": not errors,
                            "toolExecutionNotifications": [
                                {
                                    "level": "error",
                                    "message": {"text": e.message},
                                    "locations": [
                                        {
                                            "physicalLocation": {
                                                "artifactLocation": {"uri": _uri(e.path)}
                                            }
                                        }
                                    ],
                                }
                                for e in errors
                            ],
                        }
                    ],
                }
            ],
        }
