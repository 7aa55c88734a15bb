"""The progress line of a run over a CMS export, on standard error."""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable

from tonelint.sources import inputs


class Progress:
    """A progress bar for a CMS export: the share of the file read, records linted, records per
    second and the time left; on an interactive terminal only (standard error a terminal, not
    in CI). The line is cleared before results are written, which go to the same terminal when
    standard output is one too.

    The share and the time left come from how much of the file has been read (``position``, in
    bytes, of its size): a record's size varies, but a run's pace per byte holds steady. An
    export read from a pipe has no size: the line shows records and records per second."""

    BAR = 20  # characters

    def __init__(
        self,
        enabled: bool,
        position: inputs.ReadPosition | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.enabled = enabled and sys.stderr.isatty() and not os.environ.get("CI")
        self.count = 0
        self.clock = clock
        self.start = clock()
        self.shown = 0.0
        self.width = 0  # of the line on the terminal, 0 when there is none
        self.position = position
        self.blocks = _bar_blocks(sys.stderr.encoding) if self.enabled else "█░"

    def share(self) -> float | None:
        """The share of the file read so far; None before any of it is, or with no size."""
        if self.position is None:
            return None
        done, size = self.position(), self.position.size
        return min(done / size, 1.0) if done > 0 and size > 0 else None

    def time_left(self) -> float | None:
        """Seconds left, at the pace so far; None while there is no share to go by."""
        share = self.share()
        return None if share is None else self._left(share)

    def _left(self, share: float) -> float:
        return (self.clock() - self.start) * (1 - share) / share

    def line(self) -> str:
        """What the progress line says now."""
        rate = self.count / max(self.clock() - self.start, 1e-9)
        text = f"{self.count:,} records, {rate:,.0f}/s"
        share = self.share()
        if share is None:
            return text
        filled = int(share * self.BAR)
        bar = self.blocks[0] * filled + self.blocks[1] * (self.BAR - filled)
        return f"{bar} {share:4.0%} {text}, about {self._left(share):,.0f} s left"

    def advance(self, n: int) -> None:
        self.count += n
        now = self.clock()
        if not self.enabled or (self.width and now - self.shown < 0.2):
            return
        self.shown = now
        line = self.line()[: max(_columns() - 1, 0)]
        sys.stdout.flush()  # results first, then the line under them
        sys.stderr.write(f"\r{line:<{self.width}}")
        sys.stderr.flush()
        self.width = max(self.width, len(line))

    def hide(self) -> None:
        if self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()
            self.width = 0

    def done(self) -> None:
        self.hide()


def _columns() -> int:
    """The width of the terminal standard error is on (standard output may be a file)."""
    try:
        columns = os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        columns = 0
    return columns or shutil.get_terminal_size().columns  # unknown (0): COLUMNS, or 80


def _bar_blocks(encoding: str | None) -> str:
    """Full and empty blocks for the bar; ASCII where the terminal's encoding has no blocks."""
    try:
        "█░".encode(encoding or "ascii")
    except (LookupError, UnicodeEncodeError):
        return "#-"
    return "█░"
