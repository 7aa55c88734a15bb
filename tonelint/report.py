"""The outcome of a run: per-file results and input errors. It owns the exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from tonelint.diagnostics import Applicability, Diagnostic, Severity
from tonelint.documents import InputError, Origin, RecordError
from tonelint.settings import Settings

EXIT_CLEAN = 0
EXIT_FOUND = 1
EXIT_ERROR = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the output's reader left, as `git log | head` ends git


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

    def fixable(self, d: Diagnostic, unsafe: bool = False) -> bool:
        """Whether ``--fix`` (with ``unsafe``: ``--unsafe-fixes``) fixes ``d``: never in a
        record of an export, which fixes are not written into."""
        if d.fix is None or self.origin.record is not None:
            return False
        return unsafe or d.fix.applicability is Applicability.SAFE


class Sink(Protocol):
    """Where results go as they are made: a reporter that writes them out as it gets them."""

    def add(self, result: FileResult) -> None: ...


@dataclass
class Report:
    """The outcome of a run, counted as results arrive.

    With ``keep`` (the default) every result stays in ``files`` (those of an export's records
    too, unless ``keep_records`` is false); a run over a CMS export streams results to a
    ``sink`` and keeps only the counts, so memory does not grow with the number of records.
    Fixes are counted as fixable only outside exports: they are not written into one.
    """

    files: list[FileResult] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    keep: bool = True
    sink: Sink | None = None
    keep_records: bool = True
    texts: int = field(default=0, init=False)  # files and record fields linted
    records: int = field(default=0, init=False)  # of those, record fields
    fixed: int = field(default=0, init=False)
    severities: Counter[Severity] = field(default_factory=Counter, init=False)
    safe_fixes: int = field(default=0, init=False)
    unsafe_fixes: int = field(default=0, init=False)
    failing: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        given, self.files = self.files, []
        for result in given:
            self.add(result)

    def add(self, result: FileResult) -> None:
        self.texts += 1
        self.records += result.origin.record is not None
        self.fixed += result.fixes_applied
        for d in result.diagnostics:
            self.severities[d.severity] += 1
            safe = result.fixable(d)
            self.safe_fixes += safe
            self.unsafe_fixes += result.fixable(d, unsafe=True) and not safe
        self.failing = self.failing or result.failing
        if self.sink is not None:
            self.sink.add(result)
        if self.keep and (self.keep_records or result.origin.record is None):
            self.files.append(result)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """The diagnostics of the kept results."""
        return [d for f in self.files for d in f.diagnostics]

    @property
    def diagnostic_count(self) -> int:
        return sum(self.severities.values())

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        return EXIT_FOUND if self.failing else EXIT_CLEAN

    def fixable(self, unsafe: bool = False) -> int:
        return self.safe_fixes + (self.unsafe_fixes if unsafe else 0)

    def summary(self) -> str:
        plain = self.texts - self.records
        linted = plural(plain, "file")
        if self.records:
            linted = (f"{linted} and " if plain else "") + plural(self.records, "record field")
        parts = []
        if self.fixed:
            parts.append(f"Fixed {plural(self.fixed, 'problem')}.")
        if not self.diagnostic_count:
            parts.append(f"No problems found in {linted}.")
        else:
            detail = ", ".join(
                f"{n} {sev.value}" if sev.value == "info" else plural(n, sev.value)
                for sev, n in sorted(self.severities.items(), key=_by_name)
            )
            parts.append(
                f"Found {plural(self.diagnostic_count, 'problem')} ({detail}) in {linted}."
            )
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


def _by_name(item: tuple[Severity, int]) -> str:
    return item[0].value


def plural(n: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
