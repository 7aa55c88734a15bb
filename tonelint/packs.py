"""Rule packs: an organisation's own house-style rules, written as data.

A pack is a TOML file named in the config (``rule-packs = ["house-style.toml"]``, relative to
the config file). It is read with ``tomllib`` and nothing else: a pack cannot run code (rules
that need code come from installed packages, through the ``tonelint.rules`` entry point).

    [[rule]]
    code = "TL901"                 # TL900-TL999 are the packs' codes
    name = "no-cheap"              # kebab-case
    message = "Say “affordable”: “cheap” sounds like poor quality."
    phrases = ["cheap", "cheapest"]  # whole words, any case; or instead:
    # regex = '\\bcheap(?:est)?\\b'  # a regular expression (the `regex` module's syntax)
    replacement = "affordable"     # optional: offered as an unsafe fix
    severity = "warning"           # optional: error, warning (default), suggestion, info
    languages = ["en"]             # optional: nl, fr, en; default every language

A regular expression from a pack runs with a time limit (:data:`MATCH_TIMEOUT` per text): one
with catastrophic backtracking, such as ``(a|aa)+$``, is stopped and reported as an error that
names the rule and its pack, and the run goes on with the other files and records.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import regex

from tonelint.context import Context, Violation
from tonelint.diagnostics import Applicability, Edit, Fix, Severity
from tonelint.documents import InputError, RecordError
from tonelint.registry import ANY_LANGUAGE, NAME_RE, Docs, Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["MATCH_TIMEOUT", "PackError", "load_pack"]

MATCH_TIMEOUT = 0.25  # seconds one rule's expression may take on one text
MAX_PATTERN = 2_000  # characters of a regular expression
CODE = regex.compile(r"TL9\d\d")
KEYS = {"code", "name", "message", "phrases", "regex", "replacement", "severity", "languages"}
LANGUAGES = ("nl", "fr", "en")


class PackError(InputError):
    """A pack that cannot be used; the message names the pack, the rule and what is wrong."""


def _fail(path: Path, message: str) -> PackError:
    return PackError(str(path), message)


@cache
def load_pack(path: Path) -> tuple[Rule, ...]:
    """The rules of the pack at ``path`` (absolute), checked; :class:`PackError` if invalid."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read rule pack: {exc}") from None
    unknown = sorted(set(data) - {"rule"})
    if unknown:
        raise _fail(path, f"unknown key {unknown[0]!r}; a pack has [[rule]] tables only")
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise _fail(path, "`rule` must be an array of tables: [[rule]]")
    rules: list[Rule] = []
    for i, table in enumerate(tables):
        rule = _rule(path, i, table)
        if any(r.code == rule.code for r in rules):
            raise _fail(path, f"rule[{i}]: code {rule.code} is used twice")
        rules.append(rule)
    return tuple(rules)


def _text(path: Path, where: str, table: dict[str, Any], key: str, required: bool) -> str | None:
    value = table.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, f"{where}: `{key}` must be a non-empty string")
    return value


def _rule(path: Path, i: int, table: dict[str, Any]) -> Rule:
    where = f"rule[{i}]"
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise _fail(path, f"{where}: unknown key {unknown[0]!r}; keys: {', '.join(sorted(KEYS))}")
    code = _text(path, where, table, "code", True) or ""
    if not CODE.fullmatch(code):
        raise _fail(path, f"{where}: code {code!r} is not TL900-TL999, the codes of rule packs")
    where = f"rule {code}"
    name = _text(path, where, table, "name", True) or ""
    if not NAME_RE.match(name):
        raise _fail(path, f"{where}: name {name!r} is not kebab-case, like 'no-cheap'")
    message = _text(path, where, table, "message", True) or ""
    severity = table.get("severity", "warning")
    if severity not in {s.value for s in Severity}:
        allowed = ", ".join(s.value for s in Severity)
        raise _fail(path, f"{where}: severity {severity!r} is not one of {allowed}")
    languages = table.get("languages", [ANY_LANGUAGE])
    if not isinstance(languages, list) or not all(
        lang in (*LANGUAGES, ANY_LANGUAGE) for lang in languages
    ):
        raise _fail(path, f"{where}: languages must be a list of {', '.join(LANGUAGES)}")
    pattern = _pattern(path, where, table)
    replacement = table.get("replacement")
    if replacement is not None and not isinstance(replacement, str):
        raise _fail(path, f"{where}: `replacement` must be a string")
    return Rule(
        code=code,
        name=name,
        severity=Severity(severity),
        summary=message,
        docs=Docs(
            what=f"From the rule pack {path.name}: {message}",
            why="The organisation's own house style.",
            fix_safety="Unsafe: a plain text replacement, to be read before it is kept."
            if replacement is not None
            else "No fix.",
        ),
        examples=(),
        check=_check(path, code, pattern, message, replacement),
        languages=tuple(languages),
        origin=str(path),
    )


def _pattern(path: Path, where: str, table: dict[str, Any]) -> regex.Pattern[str]:
    phrases, expression = table.get("phrases"), table.get("regex")
    if (phrases is None) == (expression is None):
        raise _fail(path, f"{where}: give either `phrases` or `regex`")
    if phrases is not None:
        if not isinstance(phrases, list) or not phrases:
            raise _fail(path, f"{where}: `phrases` must be a non-empty list of strings")
        if not all(isinstance(p, str) and p.strip() for p in phrases):
            raise _fail(path, f"{where}: `phrases` must be a non-empty list of strings")
        words = "|".join(regex.escape(p.strip()) for p in sorted(phrases, key=len, reverse=True))
        return regex.compile(rf"(?<!\w)(?:{words})(?!\w)", regex.IGNORECASE)
    if not isinstance(expression, str) or not expression:
        raise _fail(path, f"{where}: `regex` must be a non-empty string")
    if len(expression) > MAX_PATTERN:
        raise _fail(path, f"{where}: `regex` is longer than {MAX_PATTERN} characters")
    try:
        return regex.compile(expression)
    except (regex.error, ValueError) as exc:
        raise _fail(path, f"{where}: invalid regular expression: {exc}") from None


def _check(
    path: Path, code: str, pattern: regex.Pattern[str], message: str, replacement: str | None
) -> Any:
    def check(ctx: Context) -> Iterator[Violation]:
        try:
            found = [m.span() for m in pattern.finditer(ctx.prose, timeout=MATCH_TIMEOUT)]
        except TimeoutError:
            problem = (
                f"rule {code} of the rule pack {path}: its regular expression ran for over "
                f"{MATCH_TIMEOUT} s on this text and was stopped; simplify it (nested "
                "repetition such as (a+)+ backtracks without end)"
            )
            origin = ctx.document.origin
            if origin.number is not None:
                raise RecordError(ctx.document.path, origin.number, problem) from None
            raise InputError(ctx.document.path, problem) from None
        for start, end in found:
            if start == end:
                continue  # an empty match points at nothing
            fix = None
            if replacement is not None:
                fix = Fix(
                    f"Replace with “{replacement}”",
                    (Edit(start, end, replacement),),
                    Applicability.UNSAFE,
                )
            yield Violation(start, end, message, fix)

    return check
