"""tonelint: a tone-of-voice linter for social posts in Dutch, French and English.

import tonelint
diags = tonelint.lint(text, audience="youth", platform="x")
fixed = tonelint.apply_fixes(text, diags)
"""

from __future__ import annotations

from tonelint.context import Context, Violation
from tonelint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from tonelint.documents import Document, InputError
from tonelint.fixes import apply_fixes
from tonelint.langid import detect_language
from tonelint.linter import Linter
from tonelint.registry import Docs, Example, Rule
from tonelint.settings import ConfigError, Settings

__version__ = "0.1.0"

__all__ = [
    "Applicability",
    "ConfigError",
    "Context",
    "Diagnostic",
    "Docs",
    "Document",
    "Edit",
    "Example",
    "Fix",
    "InputError",
    "Linter",
    "Rule",
    "Settings",
    "Severity",
    "Violation",
    "__version__",
    "apply_fixes",
    "detect_language",
    "lint",
]


def lint(
    text: str,
    lang: str | None = None,
    audience: str = "general",
    platform: str = "none",
    *,
    kind: str = "post",
    markdown: bool = False,
    settings: Settings | None = None,
) -> list[Diagnostic]:
    """Lint one text; returns its diagnostics sorted by position.

    ``lang=None`` detects the language. ``settings`` replaces the keyword settings when given.
    Raises :class:`ConfigError` for a setting value that is not allowed.
    """
    from tonelint import sources

    if settings is None:
        settings = Settings().merged(
            {"lang": lang or "auto", "audience": audience, "platform": platform, "kind": kind},
            "tonelint.lint()",
        )
    document = sources.from_string(text, fmt="markdown" if markdown else "text")
    return Linter(settings).lint(document)
