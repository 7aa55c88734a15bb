"""CMS exports: one Document per text field of each record.

Formats: CSV (``.csv``), JSON Lines (``.jsonl``, ``.ndjson``), a JSON array of objects
(``.json``), and WordPress WXR (``.xml``, in :mod:`tonelint.sources.wxr`). Every format is read as
a stream, record by record, so memory does not grow with the size of the export.

Which field is which comes from :class:`FieldMap` (``fields = {...}`` in the config, or
``--text-field``/``--id-field`` on the command line). A record's own ``lang``, ``audience``,
``platform`` and ``kind`` fields override the file's settings for that record. A bad record
(a broken row, a missing text field, a field of the wrong type) is reported as a
:class:`RecordError` naming its number; the other records are still linted.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from markdown_it.common.html_re import HTML_TAG_RE

from tonelint.documents import Document, Excluded, InputError, Origin, RecordError, Region, Span
from tonelint.settings import ConfigError, Settings

EXPORT_FORMATS = ("csv", "jsonl", "json", "wxr")
SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".xml": "wxr"}
RECORD_SETTINGS = ("lang", "audience", "platform", "kind")
META = ("author", "date")

# csv refuses fields over 128 KiB by default; a long post body may be larger.
csv.field_size_limit(16 * 1024 * 1024)


@dataclass(frozen=True)
class FieldMap:
    """The export's field names for what tonelint reads; defaults need no option."""

    text: tuple[str, ...] = ("text",)
    id: str = "id"
    lang: str = "lang"
    audience: str = "audience"
    platform: str = "platform"
    kind: str = "kind"
    author: str = "author"
    date: str = "date"

    @classmethod
    def from_settings(cls, fields: Mapping[str, tuple[str, ...]]) -> FieldMap:
        values: dict[str, object] = {}
        for key, names in fields.items():
            values[key] = tuple(names) if key == "text" else names[0]
        return cls(**values)  # type: ignore[arg-type]


Record = tuple[int, Mapping[str, object]]


class ReadPosition:
    """How many bytes of an export have been read so far. The progress line takes the time
    left from it: records differ in size, and in JSON and XML a record spans lines, so neither
    a record count nor a line count of the file says how far along a run is."""

    def __init__(self) -> None:
        self._file: BinaryIO | None = None
        self._size = 0

    def track(self, fh: BinaryIO) -> None:
        """Follow ``fh``, the binary file the export is read from."""
        self._file = fh
        self._size = os.fstat(fh.fileno()).st_size

    def open_text(self, path: Path, newline: str | None = None) -> io.TextIOWrapper:
        """``path`` opened as UTF-8 text (a byte order mark skipped), followed."""
        raw = path.open("rb")
        self.track(raw)
        return io.TextIOWrapper(raw, encoding="utf-8-sig", newline=newline)

    def __call__(self) -> int:
        if self._file is None:
            return 0
        try:
            return self._file.tell()
        except (OSError, ValueError):  # closed: the reading is over
            return self._size


# Excel writes CSV with the list separator of the user's locale: a semicolon in Dutch and French
# (and most of Europe), a comma in English; some CMSes write tabs.
CSV_DELIMITERS = (",", ";", "\t", "|")


def _delimiter(header: str) -> str:
    """The delimiter that splits the header line into the most fields (a comma on a tie)."""
    return max(CSV_DELIMITERS, key=lambda d: len(next(csv.reader([header], delimiter=d), [])))


def _csv(path: Path, position: ReadPosition) -> Iterator[Record | RecordError]:
    with position.open_text(path, newline="") as fh:
        first = fh.readline()
        reader = csv.reader(chain([first], fh), delimiter=_delimiter(first))
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise InputError(str(path), f"malformed CSV header: {exc}") from None
        if not header:
            return
        number = 0
        while True:
            number += 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield RecordError(
                    str(path), number, f"malformed CSV row (line {reader.line_num}): {exc}"
                )
                continue
            if not row:
                number -= 1
                continue
            if len(row) != len(header):
                yield RecordError(
                    str(path),
                    number,
                    f"row on line {reader.line_num} has {len(row)} fields, "
                    f"the header {len(header)}",
                )
                continue
            yield number, dict(zip(header, row, strict=True))


def _jsonl(path: Path, position: ReadPosition) -> Iterator[Record | RecordError]:
    with position.open_text(path) as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RecordError(str(path), number, f"invalid JSON on line {number}: {exc.msg}")
                continue
            if not isinstance(value, dict):
                message = f"line {number} is {_json_kind(value)}, not an object"
                if number == 1 and isinstance(value, list):  # the whole export on one line?
                    message += " (for a JSON array of records, use --input-format json)"
                yield RecordError(str(path), number, message)
                continue
            yield number, value


# What a JSON value starts with, for a file that holds something other than an array.
_JSON_KINDS = {
    ord("{"): "a JSON object",
    ord('"'): "a JSON string",
    ord("t"): "a JSON boolean",
    ord("f"): "a JSON boolean",
    ord("n"): "JSON null",
    **{ord(c): "a JSON number" for c in "-0123456789"},
}
_BOM = b"\xef\xbb\xbf"


# How deep a record may nest. A post is an object of strings and numbers, perhaps a level or two
# of metadata; a record nested deeper is refused, and skipped without being built, so a small
# file of brackets cannot exhaust memory (ijson's `items` builds a path string per level:
# quadratic in the depth).
MAX_JSON_DEPTH = 100


def _json(path: Path, position: ReadPosition) -> Iterator[Record | RecordError]:
    """The elements of a JSON array, read as a stream: ijson's parser gives events, which are
    built into one element at a time. A syntax error ends the file: the records before it were
    read and are linted."""
    import ijson

    name = str(path)
    with path.open("rb") as fh:
        position.track(fh)
        first = _first_byte(fh)
        if first != ord("["):
            found = "an empty file" if first is None else _JSON_KINDS.get(first, "no JSON value")
            raise InputError(name, f"expected a JSON array of objects, found {found}")
        number = 0
        try:
            for number, item in enumerate(_elements(ijson.basic_parse(fh, use_float=True)), 1):
                if item is _TOO_DEEP:
                    yield RecordError(name, number, f"nests deeper than {MAX_JSON_DEPTH} levels")
                elif not isinstance(item, dict):
                    yield RecordError(name, number, f"is {_json_kind(item)}, not an object")
                else:
                    yield number, item
        except ijson.JSONError as exc:
            raise InputError(name, _json_error(exc, number)) from None


_TOO_DEEP = object()  # stands for an element nested deeper than MAX_JSON_DEPTH
_OPEN = frozenset({"start_map", "start_array"})
_CLOSE = frozenset({"end_map", "end_array"})


def _elements(events: Iterator[tuple[str, object]]) -> Iterator[object]:
    """The elements of the array ``events`` describe (ijson's basic_parse of a file that starts
    with ``[``), each built when it ends; :data:`_TOO_DEEP` for one nested too deep."""
    import ijson

    next(events)  # the array's start
    depth = 0  # inside the current element
    builder = None  # None while skipping an element that is too deep
    for event, value in events:
        if depth == 0:
            if event in _OPEN:
                builder, depth = ijson.ObjectBuilder(), 1
                builder.event(event, value)
            elif event not in _CLOSE:  # a scalar element; the array's end is not one
                yield value
            continue
        depth += 1 if event in _OPEN else -1 if event in _CLOSE else 0
        if builder is not None:
            if depth > MAX_JSON_DEPTH:
                builder = None
            else:
                builder.event(event, value)
        if depth == 0:
            yield builder.value if builder is not None else _TOO_DEEP


def _first_byte(fh: io.BufferedReader) -> int | None:
    """The first byte of ``fh`` after a byte order mark and JSON whitespace, which are read;
    it is not (peeked, not sought: a pipe works too). None at the end."""
    if fh.peek(len(_BOM)).startswith(_BOM):
        fh.read(len(_BOM))
    while head := fh.peek(1)[:1]:
        if head not in b" \t\r\n":
            return head[0]
        fh.read(1)
    return None


def _json_error(exc: Exception, records: int) -> str:
    """ijson's (yajl's) message, first line: it goes on with a picture of the context."""
    raw = exc.args[0] if exc.args else ""
    message = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    reason = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    where = f"after record {records}" if records else "in the first record"
    if "invalid bytes in UTF8" in reason:
        return f"not valid UTF-8 {where} (save the export as UTF-8)"
    return f"invalid JSON {where}: {reason}"


def records(
    path: Path, fmt: str, position: ReadPosition | None = None
) -> Iterator[Record | RecordError]:
    """The export's records, numbered from 1, or errors for the bad ones; ``position`` follows
    how far the file has been read."""
    position = position or ReadPosition()
    if fmt == "csv":
        return _csv(path, position)
    if fmt == "jsonl":
        return _jsonl(path, position)
    if fmt == "json":
        return _json(path, position)
    if fmt == "wxr":
        from tonelint.sources import wxr

        return wxr.records(path, position.track)
    raise ValueError(f"unknown export format {fmt!r}")


def _json_kind(value: object) -> str:
    """What a decoded JSON value is, in JSON's words ("an array", not "a list")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None


def documents(
    path: Path, fmt: str, fields: FieldMap, position: ReadPosition | None = None
) -> Iterator[Document | InputError]:
    """One Document per text field per record, in export order; errors for bad records."""
    name = str(path)
    try:
        for item in records(path, fmt, position):
            if isinstance(item, RecordError):
                yield item
                continue
            number, record = item
            try:
                yield from record_documents(name, number, record, fields)
            except RecordError as exc:
                yield exc
    except InputError as exc:  # a broken file found part-way: after the records read before it
        yield exc
    except UnicodeDecodeError as exc:
        yield InputError(name, f"not valid UTF-8 at byte {exc.start} (save the export as UTF-8)")
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")


_MISSING = object()


def html_regions(text: str) -> tuple[Excluded, ...]:
    """The HTML tags and comments in a record's text, to leave out of the prose: CMS fields
    hold HTML (WordPress content, ``<!-- wp:paragraph -->`` blocks), and a tag is not words.
    Tags are recognised as CommonMark defines raw HTML (markdown-it's pattern), so "<3" or
    "a < b" stay text."""
    if "<" not in text:
        return ()
    return tuple(
        Excluded(Span(m.start(), m.end()), Region.HTML) for m in HTML_TAG_RE.finditer(text)
    )


def _lookup(record: Mapping[str, object], name: str) -> object:
    """The value of field ``name``; a dotted name reaches into nested objects when the record
    has no field of that name (``content.rendered`` in WordPress's REST API, ``tweet.full_text``
    in an X archive). :data:`_MISSING` when there is none."""
    if name in record:
        return record[name]
    value: object = record
    for part in name.split(".") if "." in name else ():
        if not isinstance(value, Mapping) or part not in value:
            return _MISSING
        value = value[part]
    return value if value is not record else _MISSING


def record_documents(
    path: str, number: int, record: Mapping[str, object], fields: FieldMap
) -> Iterator[Document]:
    """The documents of one record (one per text field present); RecordError if it is bad."""

    def get(name: str) -> object:
        value = _lookup(record, name)
        return None if value is _MISSING else value

    present = [(f, v) for f in fields.text if (v := _lookup(record, f)) is not _MISSING]
    if not present:
        wanted = " or ".join(repr(f) for f in fields.text)
        raise RecordError(path, number, f"missing text field {wanted}")
    own: dict[str, object] = {}
    for key in RECORD_SETTINGS:
        value = get(getattr(fields, key))
        if value not in (None, ""):
            own[key] = value
    if own:
        try:
            Settings().merged(own, path)
        except ConfigError as exc:
            raise RecordError(path, number, exc.message) from None
    record_id = _text(get(fields.id))
    meta = tuple(
        (key, text) for key in META if (text := _text(get(getattr(fields, key)))) not in (None, "")
    )
    for field_name, value in present:
        if value is None:
            continue
        text = value if isinstance(value, str) else None
        if text is None:
            raise RecordError(
                path, number, f"field {field_name!r} is {_json_kind(value)}, expected text"
            )
        yield Document(
            text=text,
            path=path,
            excluded=html_regions(text),
            front_matter=own,
            origin=Origin(record_id or str(number), number, field_name, meta),
        )
