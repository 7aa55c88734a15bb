"""``check --statistics``: how often each rule was found, most often first, instead of every
diagnostic (as ruff's ``--statistics``): the first thing to read over an export of a million
posts, in a terminal.

In text, one line per rule (count, code, ``[*]`` when some of its diagnostics have a safe fix
that ``--fix`` can apply, name), then the errors and the summary line as the text format writes
them::

    15617  TL303  long-sentence
      133  TL002  [*] unused-suppression

With ``--format json``, a JSON array of ``{"code", "name", "count", "fixable"}`` in the same
order, ``fixable`` counting the diagnostics ``--fix`` can fix; errors go to standard error.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from tonelint.registry import Registry
from tonelint.report import FileResult, Report
from tonelint.reporters import text


class Sink:
    """Counts diagnostics by rule as results arrive; writes the table at the end."""

    def __init__(
        self, registry: Registry, out: TextIO, colour: bool = False, as_json: bool = False
    ) -> None:
        self.out = out
        self.as_json = as_json
        self.summary = text.Sink(registry, out, colour)  # writes errors and the summary line
        self.counts: Counter[str] = Counter()
        self.fixable: Counter[str] = Counter()
        self.names: dict[str, str] = {}

    def add(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.counts[d.code] += 1
            self.names.setdefault(d.code, d.name)
            self.fixable[d.code] += result.fixable(d)

    def finish(self, report: Report) -> None:
        rows = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        if self.as_json:
            table = [
                {"code": code, "name": self.names[code], "count": n, "fixable": self.fixable[code]}
                for code, n in rows
            ]
            self.out.write(json.dumps(table, ensure_ascii=False, indent=2) + "\n")
            return
        width = len(str(rows[0][1])) if rows else 0
        for code, n in rows:
            mark = "[*] " if self.fixable[code] else ""
            self.out.write(f"{n:>{width}}  {code}  {mark}{self.names[code]}\n")
        self.summary.finish(report)
