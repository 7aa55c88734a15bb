"""JSON array exports (``.json``): the objects of a top-level array, as records. An X
archive's data files (``data/tweets.js``: ``window.YTD.tweets.part0 = [...]``) are read as the
array they assign.

The file is read as a stream: ijson's parser (its C backend, yajl) gives events, which are built
into one element at a time, so memory does not grow with the export. A syntax error ends the
file, after the records before it were read; an element nested deeper than
:data:`MAX_JSON_DEPTH` is refused and skipped without being built. A byte order mark and a
file read from a pipe are fine, and so is UTF-16 or UTF-32 with its byte order mark.
"""

from __future__ import annotations

from collections.abc import Iterator

from tonelint.documents import InputError, Record, RecordError
from tonelint.sources.inputs import ReadPosition, Source, Stream, reading_utf8

# What a JSON value starts with, for a file that holds something other than an array.
_JSON_KINDS = {
    ord("{"): "a JSON object",
    ord('"'): "a JSON string",
    ord("t"): "a JSON boolean",
    ord("f"): "a JSON boolean",
    ord("n"): "JSON null",
    **{ord(c): "a JSON number" for c in "-0123456789"},
}


# How deep a record may nest. A post is an object of strings and numbers, perhaps a level or two
# of metadata; a record nested deeper is refused, and skipped without being built, so a small
# file of brackets cannot exhaust memory (ijson's `items` builds a path string per level:
# quadratic in the depth).
MAX_JSON_DEPTH = 100


def records(path: Source, position: ReadPosition | None = None) -> Iterator[Record | RecordError]:
    """The elements of a JSON array, read as a stream: ijson's parser gives events, which are
    built into one element at a time. A syntax error ends the file: the records before it were
    read and are linted."""
    import ijson

    name = str(path)
    with reading_utf8(path, position) as fh:
        first = _first_byte(fh)
        if first == ord("w") and _skip_archive_assignment(fh):
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
                    yield RecordError(name, number, f"is {json_kind(item)}, not an object")
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


def _first_byte(fh: Stream) -> int | None:
    """The first byte of ``fh`` after JSON whitespace (a byte order mark was read by
    :func:`reading_utf8`); the whitespace is read, the byte itself only peeked at (no seeking:
    a pipe works too). None at the end."""
    while head := fh.peek(1)[:1]:
        if head not in b" \t\r\n":
            return head[0]
        fh.read(1)
    return None


# An X (Twitter) archive's data files (data/tweets.js, data/like.js ...) are a JavaScript
# assignment of a JSON array: `window.YTD.tweets.part0 = [ ... ]`.
_ARCHIVE = b"window.YTD."
_ARCHIVE_NAME_MAX = 200  # bytes of `window.YTD.<name>.part<n> ` before its `=`


def _skip_archive_assignment(fh: Stream) -> bool:
    """Read past ``window.YTD.<name>.part<n> =`` at the start of ``fh``, if it is there."""
    head = fh.peek(_ARCHIVE_NAME_MAX)[:_ARCHIVE_NAME_MAX]
    equals = head.find(b"=")
    if not head.startswith(_ARCHIVE) or equals == -1:
        return False
    fh.read(equals + 1)
    return True


def _json_error(exc: Exception, records: int) -> str:
    """ijson's (yajl's) message, first line: it goes on with a picture of the context."""
    raw = exc.args[0] if exc.args else ""
    message = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    reason = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    where = f"after record {records}" if records else "in the first record"
    if "invalid bytes in UTF8" in reason:
        return f"not valid UTF-8 {where} (save the export as UTF-8)"
    return f"invalid JSON {where}: {reason}"


def json_kind(value: object) -> str:
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
