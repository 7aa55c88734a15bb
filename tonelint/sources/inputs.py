"""Where an export is read from: a file or standard input, gzip-compressed or not, and how far
it has been read.

A CMS export of millions of posts is often kept compressed (``export.jsonl.gz``). An export whose
first bytes are gzip's magic number is decompressed as it is read, by the standard library's
:mod:`gzip`, whatever its name; its format comes from its name without the ``.gz``
(:func:`tonelint.sources.format_for`). The progress line follows the compressed bytes read, of the
compressed size: the share of the file read, as for any other export.

An export is UTF-8, or UTF-16 or UTF-32 with a byte order mark (Windows PowerShell's ``>`` writes
UTF-16): the CSV, JSON Lines and JSON readers get UTF-8 bytes either way (:func:`reading_utf8`).
XML says its own encoding, and its parser reads the mark itself.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from tonelint.documents import InputError, byte_order_mark

GZIP_MAGIC = b"\x1f\x8b"

# What an export is read as: bytes with a look ahead (JSON arrays peek at their first byte).
Stream = io.BufferedReader | gzip.GzipFile


class StandardInput:
    """An export read from standard input (``tonelint check - --stdin-filename export.jsonl``),
    named ``name`` in diagnostics and errors. Read once, as it comes: a pipe has no size and
    cannot be read again. It opens as an export file does; closing it leaves standard input
    open."""

    def __init__(self, name: str) -> None:
        self.name = name

    def open(self, mode: str = "rb") -> io.BufferedReader:
        if mode != "rb":
            raise ValueError("standard input is read as bytes")
        try:
            fd = sys.stdin.fileno()
        except (AttributeError, OSError, ValueError):  # replaced, as by a test runner: no fd
            return io.BufferedReader(cast(Any, io.BytesIO(sys.stdin.buffer.read())))
        return open(fd, "rb", closefd=False)

    def __str__(self) -> str:
        return self.name


# Where an export is read from.
Source = Path | StandardInput


class ReadPosition:
    """How many bytes of an export have been read so far, and its size (0 while it is not
    open, or when it has none: a pipe). The progress line takes the time left from them:
    records differ in size, and in JSON and XML a record spans lines, so neither a record
    count nor a line count of the file says how far along a run is."""

    def __init__(self) -> None:
        self._file: BinaryIO | None = None
        self.size = 0

    def track(self, fh: BinaryIO) -> None:
        """Follow ``fh``, the binary file the export is read from."""
        self._file = fh
        try:
            self.size = os.fstat(fh.fileno()).st_size
        except (OSError, ValueError):  # a stream with no file behind it: no size
            self.size = 0

    def __call__(self) -> int:
        if self._file is None:
            return 0
        try:
            return self._file.tell()
        except (OSError, ValueError):  # closed: the reading is over; or a pipe
            return self.size


@contextlib.contextmanager
def reading(source: Source, position: ReadPosition | None = None) -> Iterator[Stream]:
    """``source`` open for reading as bytes, decompressed if it is gzip; ``position`` follows
    the bytes read from the file itself. Broken gzip data raises :class:`InputError` where it
    is met, after the records before it."""
    with source.open("rb") as raw:
        if position is not None:
            position.track(raw)
        if not raw.peek(len(GZIP_MAGIC)).startswith(GZIP_MAGIC):
            yield raw
            return
        try:
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield unzipped
        except EOFError:
            raise InputError(
                str(source), "the gzip data ends early: the file is cut short"
            ) from None
        except (gzip.BadGzipFile, zlib.error) as exc:
            raise InputError(str(source), f"damaged gzip data ({exc})") from None


@contextlib.contextmanager
def reading_utf8(source: Source, position: ReadPosition | None = None) -> Iterator[Stream]:
    """``source`` open for reading as UTF-8 bytes, its byte order mark read: an export in UTF-16
    or UTF-32 is decoded as it is read, and its text given as UTF-8; see :func:`reading`."""
    with reading(source, position) as stream:
        marked = byte_order_mark(stream.peek(4)[:4])
        if marked is None:
            yield stream
            return
        bom, codec = marked
        stream.read(len(bom))
        yield (
            stream
            if codec == "utf-8"
            else io.BufferedReader(_AsUtf8(stream, codec, str(source), len(bom)))
        )


class _AsUtf8(io.RawIOBase):
    """The text of ``stream``, in ``codec`` (UTF-16 or UTF-32, its byte order mark read), as
    UTF-8 bytes. Bytes not valid in ``codec`` raise :class:`InputError` with their offset in
    the file."""

    def __init__(self, stream: Stream, codec: str, name: str, offset: int) -> None:
        self._stream = stream
        self._codec = codec
        self._name = name
        self._decoder = codecs.getincrementaldecoder(codec)()
        self._offset = offset  # bytes of the file handed to the decoder
        self._out = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._out:
            chunk = self._stream.read(io.DEFAULT_BUFFER_SIZE)
            held = len(self._decoder.getstate()[0])  # bytes of the last chunk not yet decoded
            try:
                text = self._decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                at = self._offset - held + exc.start
                raise InputError(
                    self._name, f"not valid {self._codec.upper()} at byte {at}"
                ) from None
            self._offset += len(chunk)
            self._out = memoryview(text.encode("utf-8"))
            if not chunk:
                break
        n = min(len(buffer), len(self._out))
        buffer[:n] = self._out[:n]
        self._out = self._out[n:]
        return n


@contextlib.contextmanager
def reading_text(
    source: Source, position: ReadPosition | None = None, newline: str | None = None
) -> Iterator[io.TextIOWrapper]:
    """``source`` open for reading as text (its byte order mark read); see
    :func:`reading_utf8`. Bytes that are not UTF-8 raise :class:`InputError` with their offset
    in the file (in the decompressed data of a gzip file; none for a pipe, which cannot say
    how far it has been read)."""
    with reading_utf8(source, position) as stream:
        try:
            yield io.TextIOWrapper(stream, encoding="utf-8", newline=newline)
        except UnicodeDecodeError as exc:
            try:  # the decoder was given the bytes just read: exc.object ends at tell()
                at = f" at byte {stream.tell() - len(exc.object) + exc.start}"
            except OSError:
                at = ""
            raise InputError(
                str(source), f"not valid UTF-8{at} (save the export as UTF-8)"
            ) from None
