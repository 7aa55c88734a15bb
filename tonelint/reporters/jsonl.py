"""JSON Lines: one diagnostic per line, written as each file or record is linted, each an object
of JSON output's schema (:mod:`.json`: path, code, ..., record, field, meta), with no document
around them: for tools that read a line at a time (``jq -c``, ``pandas.read_json(lines=True)``, a
database's bulk load) over the diagnostics of a million posts. Errors go to standard error, as
for the other machine formats; the exit code says how the run went.
"""

from __future__ import annotations

import json
from typing import TextIO

from tonelint.registry import Registry
from tonelint.report import FileResult, Report
from tonelint.reporters.json import as_dicts


class Sink:
    def __init__(self, registry: Registry, out: TextIO) -> None:
        self.out = out

    def add(self, result: FileResult) -> None:
        for item in as_dicts(result):
            self.out.write(json.dumps(item, ensure_ascii=False) + "\n")

    def finish(self, report: Report) -> None:
        """Nothing: a line per diagnostic is all there is."""
