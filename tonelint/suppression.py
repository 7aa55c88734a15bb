"""Inline suppression: ``<!-- tonelint-... -->`` comments, in Markdown and plain-text drafts alike.

    <!-- tonelint-disable TL301 -->            until a matching enable, or the end of the file
    <!-- tonelint-enable TL301 -->
    <!-- tonelint-disable-next-line TL201 -->  diagnostics that start on the next line
    <!-- tonelint-disable-file TL3 -->         the whole file

Codes are full codes or prefixes, separated by commas or spaces; no code means every rule.
A diagnostic is suppressed when its start lies in a range disabled for its code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from tonelint.documents import LineIndex, Span

_DIRECTIVE = regex.compile(
    r"<!--[ \t]*tonelint-(?P<kind>disable-next-line|disable-file|disable|enable)"
    r"(?P<codes>(?:[ \t,]+TL\d{0,3})*)[ \t]*-->",
    regex.IGNORECASE,
)
_CODE = regex.compile(r"TL\d{0,3}", regex.IGNORECASE)


@dataclass(frozen=True)
class Directive:
    kind: str  # disable | enable | disable-next-line | disable-file
    codes: tuple[str, ...]  # empty: all rules
    span: Span  # the comment itself
    codes_span: Span  # where the codes are written inside the comment

    def covers(self, code: str) -> bool:
        return not self.codes or any(code.startswith(c) for c in self.codes)

    def matching(self, code: str) -> str | None:
        """The directive code that matches ``code`` ("" for a directive without codes)."""
        if not self.codes:
            return ""
        return next((c for c in self.codes if code.startswith(c)), None)


@dataclass(frozen=True)
class Scope:
    directive: Directive
    start: int
    end: int


def find_directives(text: str) -> list[Directive]:
    out = []
    for m in _DIRECTIVE.finditer(text):
        codes = tuple(c.upper() for c in _CODE.findall(m.group("codes")))
        out.append(
            Directive(
                kind=m.group("kind").lower(),
                codes=codes,
                span=Span(m.start(), m.end()),
                codes_span=Span(m.start("codes"), m.end("codes")),
            )
        )
    return out


def scopes(text: str, directives: Iterable[Directive]) -> list[Scope]:
    """The ranges of text each disabling directive covers."""
    index = LineIndex(text)
    out: list[Scope] = []
    open_: list[Directive] = []
    for d in directives:
        if d.kind == "disable-file":
            out.append(Scope(d, 0, len(text)))
        elif d.kind == "disable-next-line":
            line, _ = index.position(d.span.end)
            try:
                start = index.line_start(line + 1)
            except IndexError:
                out.append(Scope(d, len(text), len(text)))
                continue
            out.append(Scope(d, start, index.line_end(line + 1, text)))
        elif d.kind == "disable":
            open_.append(d)
        else:  # enable: closes every open disable it overlaps with
            still_open = []
            for o in open_:
                closes = not d.codes or not o.codes or set(o.codes) <= set(d.codes)
                if closes:
                    out.append(Scope(o, o.span.end, d.span.start))
                else:
                    still_open.append(o)
            open_ = still_open
    out.extend(Scope(o, o.span.end, len(text)) for o in open_)
    return out
