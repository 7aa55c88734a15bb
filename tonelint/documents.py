"""Documents: the text to lint, where it came from, and character spans into it.

Every span is a pair of character offsets (Python ``str`` indices, i.e. Unicode code points)
into ``Document.text``, the original text as decoded, newlines untouched. Line and column are
derived only when reporting, by :class:`LineIndex`.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path


class InputError(Exception):
    """Input that cannot be linted. The message names what is wrong; ``path`` names the file."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:  # for --jobs: sent to a worker
        return type(self), (self.path, self.message)


class RecordError(InputError):
    """One bad record in an export: named by its number; the rest of the export is still linted."""

    def __init__(self, path: str, number: int, message: str) -> None:
        super().__init__(path, f"record {number}: {message}")
        self.number = number
        self.reason = message

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), (self.path, self.number, self.reason)


# A record of an export as its reader gives it: its number (from 1) and its fields.
Record = tuple[int, Mapping[str, object]]


@dataclass(frozen=True)
class Origin:
    """Where in a CMS export a document comes from (all None for a plain file)."""

    record: str | None = None  # the record's id
    number: int | None = None  # the record's number in the export, from 1
    field: str | None = None  # the field the text is from
    meta: tuple[tuple[str, str], ...] = ()  # author, date and the like, as the export has them


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")


class Region(Enum):
    """Why a span of a document is not prose to lint."""

    FRONT_MATTER = "front-matter"
    CODE = "code"
    HTML = "html"
    LINK_TARGET = "link-target"
    DIRECTIVE = "directive"  # a tonelint-disable/enable comment
    OTHER_LANGUAGE = "other-language"  # a paragraph linted with another language's rules


@dataclass(frozen=True)
class Excluded:
    span: Span
    region: Region


@dataclass(frozen=True)
class Decoded:
    """A span of the text that reads as other text: an HTML character reference in a record
    (``&#8217;``, ``&amp;``) reads as the character it stands for."""

    span: Span
    text: str


class OffsetMap:
    """Maps offsets between a document's text as written and as it reads
    (:meth:`Document.reading`). A span that starts or ends inside what a :class:`Decoded` span
    reads as is widened to the whole of what was written for it."""

    def __init__(self, decoded: tuple[Decoded, ...]) -> None:
        self._read_starts: list[int] = []  # where each decoded span starts as read
        self._read_ends: list[int] = []  # and ends
        self._written: list[Span] = []  # where it stands as written
        self._shifts: list[int] = []  # written minus read, after each decoded span
        shift = 0
        for d in decoded:
            start = d.span.start - shift
            self._read_starts.append(start)
            self._read_ends.append(start + len(d.text))
            self._written.append(d.span)
            shift += d.span.end - d.span.start - len(d.text)
            self._shifts.append(shift)
        self._written_ends = [w.end for w in self._written]

    def read(self, offset: int) -> int:
        """Where ``offset`` as written is as read (an offset outside every decoded span)."""
        i = bisect.bisect_right(self._written_ends, offset)  # decoded spans before it
        return offset - self._shifts[i - 1] if i else offset

    def start(self, offset: int) -> int:
        """Where a span that starts at ``offset`` as read starts as written."""
        i = bisect.bisect_right(self._read_starts, offset) - 1  # last one starting at or before
        if i < 0:
            return offset
        if offset < self._read_ends[i]:  # inside what one reference reads as, or at its start
            return self._written[i].start
        return offset + self._shifts[i]

    def end(self, offset: int) -> int:
        """Where a span that ends at ``offset`` as read ends as written."""
        i = bisect.bisect_left(self._read_starts, offset) - 1  # last one starting before it
        if i < 0:
            return offset
        if offset <= self._read_ends[i]:
            return self._written[i].end
        return offset + self._shifts[i]


@dataclass(frozen=True)
class Encoding:
    """How a file was stored, so ``--fix`` can write it back the same way."""

    codec: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


@dataclass(frozen=True)
class Document:
    text: str
    path: str = "<text>"
    excluded: tuple[Excluded, ...] = ()
    # Settings that the document itself carries (Markdown front matter, a record's own fields),
    # as raw key/values; validated and applied over config and CLI flags by the linter.
    front_matter: dict[str, object] = field(default_factory=dict)
    encoding: Encoding = Encoding()
    origin: Origin = Origin()
    # Spans of the text that read as other text (HTML character references in a record), in
    # order, none inside an excluded span; rules see the text as it reads (:meth:`reading`).
    decoded: tuple[Decoded, ...] = ()

    @property
    def where(self) -> str:
        """How to name where the document's settings come from, in an error message."""
        if self.origin.number is not None:
            return f" in record {self.origin.number}"
        return " in front matter"

    def reading(self) -> tuple[Document, OffsetMap | None]:
        """The document as it reads: each :class:`Decoded` span replaced by its text, excluded
        spans moved with the text; and the map of its offsets back to this document's. Without
        decoded spans, the document itself and no map."""
        if not self.decoded:
            return self, None
        pieces: list[str] = []
        pos = 0
        for d in self.decoded:
            pieces += (self.text[pos : d.span.start], d.text)
            pos = d.span.end
        pieces.append(self.text[pos:])
        offsets = OffsetMap(self.decoded)
        excluded = tuple(
            Excluded(Span(offsets.read(ex.span.start), offsets.read(ex.span.end)), ex.region)
            for ex in self.excluded
        )
        return replace(self, text="".join(pieces), excluded=excluded, decoded=()), offsets

    def prose(self) -> str:
        """The text with every excluded region blanked to spaces: same length, same offsets.

        Newlines inside excluded regions are kept so that paragraphs and lines stay where they are.
        """
        if not self.excluded:
            return self.text
        chars = list(self.text)
        for ex in self.excluded:
            for i in range(ex.span.start, ex.span.end):
                if chars[i] not in "\r\n":
                    chars[i] = " "
        return "".join(chars)

    def prose_pieces(self) -> list[Span]:
        """The spans of the text that are not excluded, in order."""
        pieces: list[Span] = []
        pos = 0
        for ex in sorted(self.excluded, key=lambda e: e.span):
            if ex.span.start > pos:
                pieces.append(Span(pos, ex.span.start))
            pos = max(pos, ex.span.end)
        if pos < len(self.text):
            pieces.append(Span(pos, len(self.text)))
        return pieces

    def is_excluded(self, offset: int) -> bool:
        return any(ex.span.start <= offset < ex.span.end for ex in self.excluded)


_NEWLINE = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps character offsets to 1-based (line, column).

    A line ends at ``\\r\\n``, ``\\n`` or a lone ``\\r``. Columns count Unicode code points from
    1: a tab, an emoji or a combining accent is one column each, as in ruff and in SARIF's
    ``unicodeCodePoints`` column kind.
    """

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self._len = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        if not 0 <= offset <= self._len:
            raise ValueError(f"offset {offset} outside text of length {self._len}")
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_end(self, line: int, text: str) -> int:
        """Offset of the end of ``line``, before its newline."""
        end = self._starts[line] if line < len(self._starts) else len(text)
        while end > self._starts[line - 1] and text[end - 1] in "\r\n":
            end -= 1
        return end


# Byte order marks and the encodings they mark, the longer first (UTF-32-LE's starts with
# UTF-16-LE's).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def byte_order_mark(data: bytes) -> tuple[bytes, str] | None:
    """The byte order mark ``data`` starts with and the encoding it marks; None for none."""
    return next(((bom, codec) for bom, codec in BOMS if data.startswith(bom)), None)


def decode(data: bytes, path: str) -> tuple[str, Encoding]:
    """Decode a file's bytes: UTF-8, or UTF-8/16/32 with a byte-order mark.

    Raises :class:`InputError` naming the file and what is wrong for binary data or bytes that
    are not valid in the encoding.
    """
    if marked := byte_order_mark(data):
        bom, codec = marked
        try:
            return data[len(bom) :].decode(codec), Encoding(codec, bom)
        except UnicodeDecodeError as exc:
            raise InputError(
                path,
                f"not valid {codec.upper()} (file has a {codec.upper()} byte-order mark) "
                f"at byte {exc.start + len(bom)}",
            ) from None
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes); tonelint reads text files")
    try:
        return data.decode("utf-8"), Encoding()
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"not valid UTF-8 at byte {exc.start} (save the file as UTF-8)"
        ) from None


def read(path: Path) -> tuple[str, Encoding]:
    name = str(path)
    if path.is_dir():
        raise InputError(name, "is a directory")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror}") from None
    return decode(data, name)
