"""Applying fixes: edits that never overlap, applied from the end of the text backwards."""

from __future__ import annotations

from collections.abc import Iterable

from tonelint.diagnostics import Applicability, Diagnostic, Edit, Fix


def applicable(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Fix]:
    return [
        d.fix
        for d in diagnostics
        if d.fix is not None and (unsafe or d.fix.applicability is Applicability.SAFE)
    ]


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> str:
    """Apply the safe fixes of ``diagnostics`` to ``text`` (and the unsafe ones if asked)."""
    return apply(text, diagnostics, unsafe)[0]


def apply(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> tuple[str, int]:
    """Apply the safe fixes of ``diagnostics`` to ``text`` (and the unsafe ones if asked).

    A fix is applied whole or not at all. A fix with an edit that overlaps an edit of a fix
    already chosen is skipped in this pass; lint the result again to apply it (the CLI does so
    until nothing changes).
    """
    chosen: list[Edit] = []
    count = 0
    for fix in sorted(
        applicable(diagnostics, unsafe), key=lambda f: min((e.start, e.end) for e in f.edits)
    ):
        if any(_overlap(e, c) for e in fix.edits for c in chosen):
            continue
        if any(not 0 <= e.start <= e.end <= len(text) for e in fix.edits):
            continue
        chosen.extend(fix.edits)
        count += 1
    out = text
    for edit in sorted(chosen, key=lambda e: (e.start, e.end), reverse=True):
        out = out[: edit.start] + edit.replacement + out[edit.end :]
    return out, count


def _overlap(a: Edit, b: Edit) -> bool:
    # Two insertions at one point, or an insertion inside a replacement, conflict too.
    return (a.start < b.end and b.start < a.end) or (a.start == b.start)
