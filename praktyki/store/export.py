"""Export the dataset as flat files a researcher can open anywhere.

One file per dataset table (CSV with a header row, JSON lines, or Parquet with real types),
rows in primary-key order, plus the codebook (``CODEBOOK.md``) and a Frictionless
``datapackage.json`` describing every table and field with its type, keys and meaning (see
:mod:`praktyki.store.export_package`). The raw archive and the crawl bookkeeping are not
exported (``praktyki export-warc`` covers the archive); neither are the FTS indexes.
:func:`praktyki.store.read_export.read_export` reads a table back into pandas, typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

import sqlite_utils

from praktyki.errors import ConfigError
from praktyki.store.codebook import TABLES, TableDoc, render_markdown
from praktyki.store.export_fields import typed_column
from praktyki.store.export_package import build_package, read_package, resource_for, write_package
from praktyki.store.export_rows import source_sites, table_rows
from praktyki.store.export_write import write_csv, write_jsonl, write_parquet
from praktyki.store.schema import FTS_TABLES

__all__ = ["ExportFormat", "export_dataset", "exportable_tables"]


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"


def exportable_tables() -> tuple[TableDoc, ...]:
    """The dataset tables (codebook order), without the FTS indexes."""
    return tuple(table for table in TABLES if table.name not in FTS_TABLES)


def export_dataset(
    db: sqlite_utils.Database,
    out_dir: Path,
    *,
    fmt: ExportFormat = ExportFormat.CSV,
    tables: Sequence[str] = (),
    raw_csv: bool = False,
) -> dict[str, int]:
    """Write the chosen tables (default: all) to ``out_dir``; return rows written per table.

    ``raw_csv`` turns off the CSV formula guard (see :mod:`praktyki.store.export_write`). A
    ``datapackage.json`` already in ``out_dir`` is updated, not replaced.
    """
    chosen = _choose(tables)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create {out_dir}: {exc.strerror or exc}") from exc
    counts = {table.name: _write_table(db, table, out_dir, fmt, raw_csv) for table in chosen}
    (out_dir / "CODEBOOK.md").write_text(render_markdown(), encoding="utf-8")
    _update_package(db, out_dir, chosen, fmt, neutralized=not raw_csv)
    return counts


def _choose(names: Sequence[str]) -> tuple[TableDoc, ...]:
    available = exportable_tables()
    if not names:
        return available
    by_name = {table.name: table for table in available}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise ConfigError(f"no dataset table {', '.join(unknown)}; tables: {', '.join(by_name)}")
    return tuple(by_name[name] for name in dict.fromkeys(names))


def _write_table(
    db: sqlite_utils.Database, table: TableDoc, out_dir: Path, fmt: ExportFormat, raw_csv: bool
) -> int:
    path = out_dir / f"{table.name}.{fmt.value}"
    columns = [typed_column(column) for column in table.columns]
    rows = table_rows(db, table.name, [column.name for column in columns])
    if fmt is ExportFormat.CSV:
        return write_csv(path, columns, rows, raw=raw_csv)
    if fmt is ExportFormat.JSONL:
        return write_jsonl(path, columns, rows)
    return write_parquet(path, columns, rows)


def _update_package(
    db: sqlite_utils.Database,
    out_dir: Path,
    chosen: Sequence[TableDoc],
    fmt: ExportFormat,
    *,
    neutralized: bool,
) -> None:
    existing = read_package(out_dir) or {}
    known = {table.name for table in exportable_tables()}
    kept = [
        resource
        for resource in existing.get("resources", [])
        if resource.get("name") in known and (out_dir / str(resource.get("path"))).exists()
    ]
    fresh = [resource_for(table, fmt.value, neutralized=neutralized) for table in chosen]
    package = build_package(
        [*kept, *fresh],
        order=[table.name for table in exportable_tables()],
        sources=source_sites(db),
        created=dt.datetime.now(dt.UTC),
    )
    write_package(out_dir, package)
