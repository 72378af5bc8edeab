"""Export the dataset as flat files a researcher can open anywhere.

One file per dataset table (CSV with a header row, or JSON lines), rows in primary-key order,
plus the codebook (``CODEBOOK.md``) and a Frictionless ``datapackage.json`` describing every
table and field with its type and meaning, so that R, pandas or a spreadsheet read the
columns typed. The raw archive and the crawl bookkeeping are not exported (``praktyki
export-warc`` covers the archive); neither are the FTS indexes, which only hold folded copies.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

import sqlite_utils

from praktyki import __version__
from praktyki.errors import ConfigError
from praktyki.store.codebook import TABLES, TableDoc, render_markdown
from praktyki.store.schema import FTS_TABLES

__all__ = ["ExportFormat", "export_dataset", "exportable_tables"]

_FRICTIONLESS_TYPES = {"TEXT": "string", "INTEGER": "integer", "REAL": "number", "BLOB": "string"}


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


def exportable_tables() -> tuple[TableDoc, ...]:
    """The dataset tables (codebook order), without the FTS indexes."""
    return tuple(table for table in TABLES if table.name not in FTS_TABLES)


def export_dataset(
    db: sqlite_utils.Database,
    out_dir: Path,
    *,
    fmt: ExportFormat = ExportFormat.CSV,
    tables: Sequence[str] = (),
) -> dict[str, int]:
    """Write the chosen tables (default: all) to ``out_dir``; return rows written per table."""
    chosen = _choose(tables)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create {out_dir}: {exc.strerror or exc}") from exc
    counts = {table.name: _write_table(db, table, out_dir, fmt) for table in chosen}
    (out_dir / "CODEBOOK.md").write_text(render_markdown(), encoding="utf-8")
    package = _datapackage(chosen, fmt)
    (out_dir / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return counts


def _choose(names: Sequence[str]) -> tuple[TableDoc, ...]:
    available = exportable_tables()
    if not names:
        return available
    by_name = {table.name: table for table in available}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise ConfigError(f"no dataset table {', '.join(unknown)}; tables: {', '.join(by_name)}")
    return tuple(by_name[name] for name in names)


def _write_table(
    db: sqlite_utils.Database, table: TableDoc, out_dir: Path, fmt: ExportFormat
) -> int:
    path = out_dir / f"{table.name}.{fmt.value}"
    columns = [column.name for column in table.columns]
    rows = _rows(db, table.name, columns)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        if fmt is ExportFormat.CSV:
            writer.writerow(columns)
        for row in rows:
            if fmt is ExportFormat.CSV:
                writer.writerow(row)
            else:
                out.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False))
                out.write("\n")
            count += 1
    return count


def _rows(db: sqlite_utils.Database, table: str, columns: list[str]) -> Iterator[tuple[Any, ...]]:
    if not db[table].exists():
        return iter(())
    keys = db.table(table).pks
    quoted = ", ".join(f'"{name}"' for name in columns)
    order = ", ".join(f'"{name}"' for name in keys)
    # table and column names come from the codebook, never from the user
    return db.execute(f'SELECT {quoted} FROM "{table}" ORDER BY {order}')  # noqa: S608


def _datapackage(tables: Sequence[TableDoc], fmt: ExportFormat) -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": "praktyki",
        "title": "Polish local-government good practices (BDP, OPS sites)",
        "created_by": f"praktyki {__version__}",
        "resources": [_resource(table, fmt) for table in tables],
    }


def _resource(table: TableDoc, fmt: ExportFormat) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "name": table.name,
        "path": f"{table.name}.{fmt.value}",
        "description": table.description,
        "schema": {
            "fields": [
                {
                    "name": column.name,
                    "type": _FRICTIONLESS_TYPES.get(column.type, "string"),
                    "description": column.meaning,
                }
                for column in table.columns
            ],
        },
    }
    if fmt is ExportFormat.CSV:
        resource |= {"profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8"}
    else:
        resource |= {"format": "jsonl", "mediatype": "application/x-ndjson"}
    return resource
