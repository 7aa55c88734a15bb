"""The outcome of a run: per-file results and input errors. It owns the exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tonelint.diagnostics import Applicability, Diagnostic
from tonelint.documents import InputError
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
        n_files = len(self.files)
        files = f"{n_files} file{'s' if n_files != 1 else ''}"
        diags = self.diagnostics
        fixed = sum(f.fixes_applied for f in self.files)
        parts = []
        if fixed:
            parts.append(f"Fixed {fixed} problem{'s' if fixed != 1 else ''}.")
        if not diags:
            parts.append(f"No problems found in {files}.")
        else:
            by_severity = Counter(d.severity.value for d in diags)
            detail = ", ".join(f"{n} {sev}" for sev, n in sorted(by_severity.items()))
            parts.append(
                f"Found {len(diags)} problem{'s' if len(diags) != 1 else ''} ({detail}) in {files}."
            )
            safe = self.fixable()
            if safe:
                parts.append(f"{safe} fixable with --fix.")
            hidden = self.fixable(unsafe=True) - safe
            if hidden:
                parts.append(f"{hidden} more with --unsafe-fixes.")
        if self.errors:
            n = len(self.errors)
            parts.append(f"{n} file{'s' if n != 1 else ''} could not be linted.")
        return " ".join(parts)
