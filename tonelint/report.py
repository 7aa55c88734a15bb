"""The outcome of a run: per-file results and input errors. It owns the exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tonelint.diagnostics import Applicability, Diagnostic
from tonelint.documents import InputError, Origin, RecordError
from tonelint.settings import Settings

EXIT_CLEAN = 0
EXIT_FOUND = 1
EXIT_ERROR = 2


@dataclass
class FileResult:
    path: str
    text: str  # the text the diagnostics point into (after fixes, when fixes were applied)
    diagnostics: list[Diagnostic]
    settings: Settings
    original: str | None = None  # the text before fixes, when fixes changed it
    fixes_applied: int = 0
    # record id, number, field and meta for a record of an export
    origin: Origin = field(default_factory=Origin)

    @property
    def failing(self) -> bool:
        return any(self.settings.fails(d.severity) for d in self.diagnostics)


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        return EXIT_FOUND if any(f.failing for f in self.files) else EXIT_CLEAN

    def fixable(self, unsafe: bool = False) -> int:
        return sum(
            1
            for d in self.diagnostics
            if d.fix and (unsafe or d.fix.applicability is Applicability.SAFE)
        )

    def summary(self) -> str:
        records = sum(1 for f in self.files if f.origin.record is not None)
        plain = len(self.files) - records
        linted = plural(plain, "file")
        if records:
            linted = (f"{linted} and " if plain else "") + plural(records, "record field")
        diags = self.diagnostics
        fixed = sum(f.fixes_applied for f in self.files)
        parts = []
        if fixed:
            parts.append(f"Fixed {plural(fixed, 'problem')}.")
        if not diags:
            parts.append(f"No problems found in {linted}.")
        else:
            by_severity = Counter(d.severity.value for d in diags)
            detail = ", ".join(f"{n} {sev}" for sev, n in sorted(by_severity.items()))
            parts.append(f"Found {plural(len(diags), 'problem')} ({detail}) in {linted}.")
            safe = self.fixable()
            if safe:
                parts.append(f"{safe} fixable with --fix.")
            hidden = self.fixable(unsafe=True) - safe
            if hidden:
                parts.append(f"{hidden} more with --unsafe-fixes.")
        bad_records = sum(1 for e in self.errors if isinstance(e, RecordError))
        bad_files = len(self.errors) - bad_records
        if bad_files:
            parts.append(f"{plural(bad_files, 'file')} could not be linted.")
        if bad_records:
            parts.append(f"{plural(bad_records, 'record')} could not be read.")
        return " ".join(parts)


def plural(n: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
