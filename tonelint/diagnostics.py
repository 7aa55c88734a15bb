"""What a rule finds: diagnostics, with fixes made of edits."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How serious a diagnostic is, from least to most. ``fail-on`` picks a threshold."""

    INFO = "info"
    SUGGESTION = "suggestion"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls(value)


_RANK = {Severity.INFO: 0, Severity.SUGGESTION: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Applicability(str, Enum):
    """``safe``: meaning kept, applied by ``--fix``. ``unsafe``: only with ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    def to_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "applicability": self.applicability.value,
            "edits": [
                {"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.edits
            ],
        }


@dataclass(frozen=True)
class Diagnostic:
    """One finding. ``start``/``end`` are character offsets into the linted text."""

    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    lang: str | None = None
    fix: Fix | None = None
    path: str = "<text>"
    explanation: str = field(default="", compare=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.start, self.end, self.code, self.message)
