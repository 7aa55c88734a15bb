"""Rules are declared once, as values; the code table is derived from the declarations.

Built-in rules live in ``tonelint.checks`` (each module exports ``RULES``). Third parties add rules
through the entry-point group ``tonelint.rules``: the entry point must resolve to a :class:`Rule`
or to a sequence of them (checked by type, never guessed from a signature).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING

from tonelint.diagnostics import Severity

if TYPE_CHECKING:
    from tonelint.context import Context, Violation

CODE_RE = re.compile(r"^TL\d{3}$")
NAME_RE = re.compile(r"^[a-z]+(-[a-z0-9]+)*$")
STATUSES = ("preview", "stable", "deprecated", "removed")
FAMILIES = {0: "engine", 1: "address", 2: "jargon", 3: "length", 4: "engagement"}
ANY_LANGUAGE = "*"


@dataclass(frozen=True)
class Example:
    """A text the rule must flag (``bad``) or must leave alone; run as a test."""

    text: str
    bad: bool
    lang: str = "en"
    settings: Mapping[str, object] = field(default_factory=dict)
    # For bad examples: the exact flagged text of the first diagnostic, when it is worth pinning.
    flagged: str | None = None


@dataclass(frozen=True)
class Docs:
    what: str
    why: str
    fix_safety: str


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    docs: Docs
    examples: tuple[Example, ...]
    # None for the engine's own rules (TL0xx), which the linter emits itself.
    check: Callable[[Context], Iterable[Violation]] | None
    languages: tuple[str, ...] = (ANY_LANGUAGE,)
    status: str = "stable"
    # Where the declaration came from: "tonelint" or the entry point that provided it.
    origin: str = "tonelint"

    @property
    def family(self) -> str:
        return family_of(self.code)

    def applies_to(self, lang: str) -> bool:
        return ANY_LANGUAGE in self.languages or lang in self.languages

    def problems(self) -> list[str]:
        """What is wrong with this declaration (empty when it is complete)."""
        out = []
        if not CODE_RE.match(self.code):
            out.append(f"code {self.code!r} is not TL + three digits")
        if not NAME_RE.match(self.name):
            out.append(f"name {self.name!r} is not kebab-case")
        if self.status not in STATUSES:
            out.append(f"status {self.status!r} not in {STATUSES}")
        for part in ("what", "why", "fix_safety"):
            if not getattr(self.docs, part).strip():
                out.append(f"docs.{part} is empty")
        langs = [ANY_LANGUAGE] if ANY_LANGUAGE in self.languages else list(self.languages)
        for lang in langs:
            mine = [e for e in self.examples if ANY_LANGUAGE in langs or e.lang == lang]
            if not any(e.bad for e in mine):
                out.append(f"no bad example for {lang}")
            if not any(not e.bad for e in mine):
                out.append(f"no good example for {lang}")
        return out


def family_of(code: str) -> str:
    """The family a code belongs to, by its hundreds digit (TL1xx: address, ...)."""
    digit = code[2:3]
    return FAMILIES.get(int(digit), "other") if digit.isdigit() else "other"


class RegistryError(Exception):
    pass


class Registry:
    """All rules by code, in code order."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        table: dict[str, Rule] = {}
        names: dict[str, str] = {}
        for rule in rules:
            problems = rule.problems()
            if problems:
                raise RegistryError(f"rule {rule.code} ({rule.origin}): " + "; ".join(problems))
            if rule.code in table:
                first = table[rule.code].origin
                raise RegistryError(f"code {rule.code} declared twice ({first}, {rule.origin})")
            if rule.name in names:
                raise RegistryError(
                    f"rule name {rule.name} used by {names[rule.name]} and {rule.code}"
                )
            table[rule.code] = rule
            names[rule.name] = rule.code
        self._rules = dict(sorted(table.items()))

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def get(self, code: str) -> Rule | None:
        key = code.upper()
        if key in self._rules:
            return self._rules[key]
        return next((r for r in self._rules.values() if r.name == code), None)

    def matching(self, prefix: str) -> list[Rule]:
        return [r for r in self._rules.values() if r.code.startswith(prefix)]


def builtin_rules() -> list[Rule]:
    from tonelint.checks import address, engagement, engine, jargon, length

    return [*engine.RULES, *address.RULES, *jargon.RULES, *length.RULES, *engagement.RULES]


def plugin_rules() -> list[Rule]:
    rules: list[Rule] = []
    for ep in sorted(metadata.entry_points(group="tonelint.rules"), key=lambda e: e.name):
        value = ep.load()
        items: Sequence[object] = value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            if not isinstance(item, Rule):
                raise RegistryError(
                    f"entry point {ep.name} = {ep.value} in group tonelint.rules must be a "
                    f"tonelint.Rule or a list of them, not {type(item).__name__}"
                )
            rules.append(item if item.origin != "tonelint" else _with_origin(item, ep.value))
    return rules


def _with_origin(rule: Rule, origin: str) -> Rule:
    from dataclasses import replace

    return replace(rule, origin=origin)


_default: Registry | None = None


def default_registry() -> Registry:
    global _default
    if _default is None:
        _default = Registry([*builtin_rules(), *plugin_rules()])
    return _default
