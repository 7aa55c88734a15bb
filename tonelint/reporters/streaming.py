"""A JSON document with one array written item by item, laid out as ``json.dump(indent=2)``.

A report over a million records must not hold a million diagnostics in memory to print them.
The document is given twice, as a dict with :data:`HOLE` in the place of the streamed array:
at the start (everything before the array must then be final) and at the end (everything
after it, such as counts and errors, is taken from this one).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

HOLE = "\x00tonelint: streamed array\x00"


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _split(document: Any) -> tuple[str, str, str]:
    """``document`` laid out, split at the hole: text before its line, its indent, the rest."""
    text = _dump(document)
    hole = _dump(HOLE)
    at = text.index(hole)
    line = text.rindex("\n", 0, at) + 1
    return text[:line], text[line:at], text[at + len(hole) :]


class StreamedArray:
    """Nothing is written before the first item (or the close): a run that stops on an error
    before linting anything leaves no half document behind."""

    def __init__(self, out: TextIO, head: Any) -> None:
        self.out = out
        self.before, self.indent, _ = _split(head)
        self.empty = True

    def add(self, item: Any) -> None:
        self.out.write(",\n" if not self.empty else self.before)
        self.out.write(self.indent + _dump(item).replace("\n", "\n" + self.indent))
        self.empty = False

    def close(self, tail: Any) -> None:
        before, _, after = _split(tail)
        if before != self.before:
            raise ValueError("the streamed document changed before its array")
        # ``after`` starts with the newline that ends the hole's line
        self.out.write(before + after[1:] if self.empty else after)
        self.out.write("\n")
