"""CMS exports: one Document per text field of each record.

Formats: CSV (``.csv``), JSON Lines (``.jsonl``, ``.ndjson``), a JSON array of objects
(``.json``, in :mod:`tonelint.sources.json_array`) and WordPress WXR (``.xml``, in
:mod:`tonelint.sources.wxr`); each from a file or standard input, gzip-compressed or not
(:mod:`tonelint.sources.inputs`). Every format is read as a stream, record by record, so memory
does not grow with the size of the export.

Which field is which comes from :class:`FieldMap` (``fields = {...}`` in the config, or
``--text-field``/``--id-field`` on the command line). A record's own ``lang``, ``audience``,
``platform`` and ``kind`` fields override the file's settings for that record. A bad record
(a broken row, a missing text field, a field of the wrong type) is reported as a
:class:`RecordError` naming its number; the other records are still linted.
"""

from __future__ import annotations

import csv
import datetime
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import chain

from tonelint.documents import Document, InputError, Origin, Record, RecordError
from tonelint.settings import ConfigError, Settings
from tonelint.sources import html
from tonelint.sources.inputs import ReadPosition, Source, reading_text
from tonelint.sources.json_array import json_kind

EXPORT_FORMATS = ("csv", "jsonl", "json", "wxr")
SUFFIXES = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".js": "json",  # an X archive's data/tweets.js: a JSON array behind `window.YTD... =`
    ".xml": "wxr",
}
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
    # A record with a value in this field is a reply, unless its own kind says otherwise: the
    # id of the post it answers (an X archive's tweet.in_reply_to_status_id_str). None by default:
    # a field named "parent" also holds a page's parent page.
    reply_to: str = ""

    def names(self) -> frozenset[str]:
        """Every field name tonelint reads."""
        return frozenset(self.text) | {
            name
            for key in self.__dataclass_fields__
            if key != "text" and (name := getattr(self, key))
        }

    @classmethod
    def from_settings(cls, fields: Mapping[str, tuple[str, ...]]) -> FieldMap:
        values: dict[str, object] = {}
        for key, names in fields.items():
            values[key.replace("-", "_")] = tuple(names) if key == "text" else names[0]
        return cls(**values)  # type: ignore[arg-type]


# Excel writes CSV with the list separator of the user's locale: a semicolon in Dutch and French
# (and most of Europe), a comma in English; some CMSes write tabs.
CSV_DELIMITERS = (",", ";", "\t", "|")


def _delimiter(header: str) -> str:
    """The delimiter that splits the header line into the most fields (a comma on a tie; a
    header that does not parse is reported by the reader that uses the comma)."""

    def fields(delimiter: str) -> int:
        try:
            return len(next(csv.reader([header], delimiter=delimiter), []))
        except csv.Error:
            return 0

    return max(CSV_DELIMITERS, key=fields)


def _csv(
    path: Source, position: ReadPosition, read: frozenset[str]
) -> Iterator[Record | RecordError]:
    with reading_text(path, position, newline="") as fh:
        first = fh.readline()
        reader = csv.reader(chain([first], fh), delimiter=_delimiter(first))
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise InputError(str(path), f"malformed CSV header: {exc}") from None
        if not header:
            return
        _check_header(str(path), header, read)
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


def _check_header(path: str, header: list[str], read: frozenset[str]) -> None:
    """An InputError if two columns have a name tonelint reads: which one it should read
    cannot be told (other repeated names, of columns it does not read, are fine)."""
    first: dict[str, int] = {}
    for column, name in enumerate(header, 1):
        if name in first and name in read:
            raise InputError(
                path,
                f"the CSV header names {name!r} twice (columns {first[name]} and {column}); "
                "tonelint cannot tell which to read",
            )
        first.setdefault(name, column)


def _jsonl(path: Source, position: ReadPosition) -> Iterator[Record | RecordError]:
    with reading_text(path, position) as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RecordError(str(path), number, f"invalid JSON on line {number}: {exc.msg}")
                continue
            if not isinstance(value, dict):
                message = f"line {number} is {json_kind(value)}, not an object"
                if number == 1 and isinstance(value, list):  # the whole export on one line?
                    message += " (for a JSON array of records, use --input-format json)"
                yield RecordError(str(path), number, message)
                continue
            yield number, value


def records(
    path: Source, fmt: str, position: ReadPosition | None = None, fields: FieldMap | None = None
) -> Iterator[Record | RecordError]:
    """The export's records, numbered from 1, or errors for the bad ones; ``position`` follows
    how far the file has been read. A CSV whose header repeats a name of ``fields`` is refused."""
    position = position or ReadPosition()
    if fmt == "csv":
        return _csv(path, position, (fields or FieldMap()).names())
    if fmt == "jsonl":
        return _jsonl(path, position)
    if fmt == "json":
        from tonelint.sources import json_array

        return json_array.records(path, position)
    if fmt == "wxr":
        from tonelint.sources import wxr

        return wxr.records(path, position)
    raise ValueError(f"unknown export format {fmt!r}")


def _text(value: object) -> str | None:
    """A scalar field's value as text: a string, a number (a post id in JSON), a date or time
    (a datetime column of a DataFrame, in ISO 8601); None for anything else."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value if isinstance(value, str) else None


def documents(
    path: Source, fmt: str, fields: FieldMap, position: ReadPosition | None = None
) -> Iterator[Document | InputError]:
    """One Document per text field per record, in export order; errors for bad records."""
    name = str(path)
    try:
        for item in records(path, fmt, position, fields):
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
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")


_MISSING = object()


def _lookup(record: Mapping[str, object], name: str) -> object:
    """The value of field ``name``; a dotted name reaches into nested objects when the record
    has no field of that name (``content.rendered`` in WordPress's REST API, ``tweet.full_text``
    in an X archive). :data:`_MISSING` when there is none."""
    if name in record:
        return record[name]
    if "." not in name:
        return _MISSING
    value: object = record
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return _MISSING
        value = value[part]
    return value


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
    if "kind" not in own and fields.reply_to and get(fields.reply_to) not in (None, ""):
        own["kind"] = "reply"
    if own:
        try:
            Settings().merged(own, path)
        except ConfigError as exc:
            raise RecordError(path, number, exc.message) from None

    def scalar(key: str) -> str | None:
        """The text of the field ``key`` names; a RecordError if it is an object, an array or a
        boolean (not silently dropped: the id names the record in every output)."""
        name = getattr(fields, key)
        value = get(name)
        text = _text(value)
        if value is not None and text is None:
            raise RecordError(
                path, number, f"field {name!r} is {json_kind(value)}, expected text or a number"
            )
        return text

    record_id = scalar("id")
    meta = tuple((key, text) for key in META if (text := scalar(key)) not in (None, ""))
    for field_name, value in present:
        if value is None:
            continue
        text = value if isinstance(value, str) else None
        if text is None:
            raise RecordError(
                path, number, f"field {field_name!r} is {json_kind(value)}, expected text"
            )
        tags, references = html.scan(text)
        yield Document(
            text=text,
            path=path,
            excluded=tags,
            decoded=references,
            front_matter=own,
            origin=Origin(record_id or str(number), number, field_name, meta),
        )
