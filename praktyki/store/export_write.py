"""Writing one table's rows as CSV, JSON lines or Parquet.

CSV cells that a spreadsheet would run as a formula (a text starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) are neutralized by default the OWASP way: one ``'`` in
front. A text that already starts with quotes before such a character gets one more quote, so
the change can always be undone exactly (:func:`unneutralize`, which ``read_export`` applies).
JSON lines and Parquet keep every value exactly as stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from praktyki.store.export_fields import FieldKind, TypedColumn

__all__ = ["neutralize", "unneutralize", "write_csv", "write_jsonl", "write_parquet"]

_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_NEUTRALIZED = re.compile(r"'+[=+\-@\t\r]")

_ARROW_TYPES: dict[FieldKind, pa.DataType] = {
    FieldKind.STRING: pa.string(),
    FieldKind.INTEGER: pa.int64(),
    FieldKind.NUMBER: pa.float64(),
    FieldKind.DATE: pa.date32(),
}


def neutralize(value: object) -> object:
    """``"=HYPERLINK(…)"`` -> ``"'=HYPERLINK(…)"``; other values and non-text unchanged."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def unneutralize(value: str) -> str:
    """Undo :func:`neutralize` on a text read back from a neutralized CSV."""
    return value[1:] if _NEUTRALIZED.match(value) else value


def write_csv(
    path: Path, columns: Sequence[TypedColumn], rows: Iterable[Sequence[Any]], *, raw: bool
) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([column.name for column in columns])
        for row in rows:
            writer.writerow(row if raw else [neutralize(value) for value in row])
            count += 1
    return count


def write_jsonl(path: Path, columns: Sequence[TypedColumn], rows: Iterable[Sequence[Any]]) -> int:
    """One JSON object per row; an empty table gets one line, its column names as a JSON array
    (Frictionless' own header line: a 0-byte file cannot be validated against its schema)."""
    names = [column.name for column in columns]
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n")
            count += 1
        if count == 0:
            out.write(json.dumps(names, ensure_ascii=False) + "\n")
    return count


def write_parquet(path: Path, columns: Sequence[TypedColumn], rows: Iterable[Sequence[Any]]) -> int:
    values: list[list[Any]] = [[] for _ in columns]
    for row in rows:
        for index, value in enumerate(row):
            values[index].append(value)
    arrays = [_array(column, cells) for column, cells in zip(columns, values, strict=True)]
    table = pa.Table.from_arrays(arrays, schema=arrow_schema(columns))
    pq.write_table(table, path)
    return int(table.num_rows)


def arrow_schema(columns: Sequence[TypedColumn]) -> pa.Schema:
    return pa.schema([pa.field(column.name, _arrow_type(column)) for column in columns])


def _arrow_type(column: TypedColumn) -> pa.DataType:
    if column.kind is FieldKind.DATETIME:
        return pa.timestamp("us", tz="UTC") if column.utc else pa.timestamp("us")
    return _ARROW_TYPES[column.kind]


def _array(column: TypedColumn, cells: list[Any]) -> pa.Array:
    if column.kind is FieldKind.DATE:
        cells = [None if cell is None else dt.date.fromisoformat(cell) for cell in cells]
    elif column.kind is FieldKind.DATETIME:
        cells = [None if cell is None else _datetime(cell, utc=column.utc) for cell in cells]
    return pa.array(cells, type=_arrow_type(column))


def _datetime(text: str, *, utc: bool) -> dt.datetime:
    """UTC stamps stay UTC; a page's date-time is kept as the wall-clock time the page shows
    (an offset, when the page gave one, is dropped: Parquet cannot mix zoned and naive)."""
    value = dt.datetime.fromisoformat(text)
    if utc:
        return value.astimezone(dt.UTC)
    return value.replace(tzinfo=None)
