"""Linting past one machine: a Dask DataFrame of posts in, a Dask DataFrame of diagnostics out.

    import dask.dataframe as dd
    import tonelint.dask

    posts = dd.read_parquet("posts/")                       # columns: id, text, author, ...
    diags = tonelint.dask.lint_dataframe(posts, settings=tonelint.Settings(audience="youth"))
    diags.groupby("code").size().compute()

Each partition is linted where it lives, by one :class:`tonelint.Linter` per worker process
(pipelines loaded once per worker). Rows are read like records of a CMS export, with the columns
``Settings.fields`` names (``fields = {...}`` of a config): the text columns are linted, a
row's own ``lang``, ``audience``, ``platform`` and ``kind`` columns override the settings, and
a row with a value in the ``reply-to`` column, when one is mapped, is a reply. A row that
cannot be read (a text column that is not text) comes back as one row with ``code`` ``""`` and
``name`` ``"bad-record"``. Requires the ``dask`` extra.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from tonelint.documents import LineIndex, RecordError
from tonelint.linter import Linter
from tonelint.pipelines import bounded_memory
from tonelint.reporters.json import diagnostic_dict
from tonelint.runner import BATCH
from tonelint.settings import Settings
from tonelint.sources.records import FieldMap, record_documents

COLUMNS = {
    "record": "object",
    "field": "object",
    "code": "object",
    "name": "object",
    "severity": "object",
    "message": "object",
    "start": "int64",
    "end": "int64",
    "line": "int64",
    "column": "int64",
    "lang": "object",
    "fixable": "bool",
}

_LINTERS: dict[str, Linter] = {}


def _linter(settings: Settings) -> Linter:
    """One Linter per worker process and settings: pipelines load once."""
    key = repr(settings)
    if key not in _LINTERS:
        _LINTERS[key] = Linter(settings)
    return _LINTERS[key]


def lint_partition(
    frame: Any,
    text: Sequence[str] | None = None,
    id: str | None = None,
    settings: Settings | None = None,
) -> Any:
    """Lint one pandas DataFrame of posts; a pandas DataFrame of diagnostics (COLUMNS)."""
    import pandas as pd

    settings = settings or Settings()
    fields = _field_map(settings, text, id)
    linter = _linter(settings)
    records = frame.to_dict("records")
    rows: list[dict[str, Any]] = []
    for start in range(0, len(records), BATCH):
        # One memory zone per batch of rows, as the CLI's runner opens, rather than one per text
        # (see pipelines.bounded_memory; entering a zone costs more than linting a short post).
        with bounded_memory():
            for number, record in enumerate(records[start : start + BATCH], start=start + 1):
                rows += _rows(linter, settings, fields, number, record)
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(COLUMNS)


def _rows(
    linter: Linter, settings: Settings, fields: FieldMap, number: int, record: dict[str, Any]
) -> list[dict[str, Any]]:
    """The diagnostic rows of one record (a bad-record row when it cannot be read)."""
    record = {k: (None if _missing(v) else v) for k, v in record.items()}
    try:
        documents = list(record_documents("<dataframe>", number, record, fields))
    except RecordError as exc:
        return [_bad(record.get(fields.id), exc.message)]
    rows = []
    for document in documents:
        index = LineIndex(document.text)
        for d in linter.lint(document, settings):
            row = diagnostic_dict(d, index, document.path, document.origin)
            row["fixable"] = d.fix is not None
            rows.append({key: row[key] for key in COLUMNS})
    return rows


def _field_map(settings: Settings, text: Sequence[str] | None, id: str | None) -> FieldMap:
    """The columns to read: the settings' ``fields`` (as an export's), then ``text`` and ``id``
    when given."""
    fields = FieldMap.from_settings(settings.fields)
    return replace(
        fields,
        text=tuple(text) if text is not None else fields.text,
        id=id if id is not None else fields.id,
    )


def lint_dataframe(
    frame: Any,
    text: str | Sequence[str] | None = None,
    id: str | None = None,
    settings: Settings | None = None,
) -> Any:
    """Lint a Dask DataFrame partition by partition; a Dask DataFrame of diagnostics. The text
    columns are ``text`` (default: the settings' ``fields``, or ``text``), the id column ``id``
    (likewise, or ``id``); the other columns as ``fields`` maps them."""
    import pandas as pd

    columns = [text] if isinstance(text, str) else text
    meta = pd.DataFrame({k: pd.Series(dtype=v) for k, v in COLUMNS.items()})
    return frame.map_partitions(
        lint_partition, text=columns, id=id, settings=settings or Settings(), meta=meta
    )


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # NaN


def _bad(record: object, message: str) -> dict[str, Any]:
    return {
        "record": None if record is None else str(record),
        "field": None,
        "code": "",
        "name": "bad-record",
        "severity": "error",
        "message": message,
        "start": 0,
        "end": 0,
        "line": 0,
        "column": 0,
        "lang": None,
        "fixable": False,
    }
