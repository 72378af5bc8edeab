"""Library entry points over a finished database: export, read back, search, browse, report.

Each takes the database path, opens it read-only where it only reads, and raises
:class:`~praktyki.errors.ConfigError` for a missing database or bad options (the CLI maps it
to exit 2). Re-exported by :mod:`praktyki.api`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from praktyki.errors import ConfigError
from praktyki.schemas.quality import QualityReport
from praktyki.store.db import open_database

__all__ = [
    "existing_database",
    "export_dataset",
    "quality_report",
    "render_report_html",
    "serve_dataset",
]


def existing_database(db_path: Path | str) -> Path:
    """``db_path`` if a database is there; ConfigError (one line) otherwise."""
    path = Path(db_path)
    if not path.is_file():
        raise ConfigError(f"no database at {path} (run a crawl or praktyki demo first)")
    return path


def export_dataset(
    db_path: Path | str,
    out_dir: Path | str,
    *,
    fmt: str = "csv",
    tables: Sequence[str] = (),
    raw_csv: bool = False,
) -> dict[str, int]:
    """Export the dataset tables to ``out_dir`` (csv, jsonl or parquet) with CODEBOOK.md and
    datapackage.json; rows written per table."""
    from praktyki.store.export import ExportFormat  # pyarrow loads only for an export
    from praktyki.store.export import export_dataset as _export

    try:
        export_format = ExportFormat(fmt)
    except ValueError as exc:
        raise ConfigError(f"unknown export format {fmt!r}; formats: csv, jsonl, parquet") from exc
    db = open_database(existing_database(db_path))
    try:
        return _export(db, Path(out_dir), fmt=export_format, tables=tables, raw_csv=raw_csv)
    finally:
        db.close()


def serve_dataset(db_path: Path | str, *, port: int = 8001) -> None:
    """Open the dataset in Datasette on http://127.0.0.1:PORT/ until interrupted (metadata from
    the codebook, crawl internals hidden, canned queries, folded ``?_search=``)."""
    from praktyki.browse.serve import serve_datasette

    serve_datasette(existing_database(db_path), port=port)


def quality_report(db_path: Path | str) -> QualityReport:
    """Coverage per source and field, unknown Metryka labels, failures by site and reason,
    and each run's new / changed / removed records."""
    from praktyki.store.quality import quality_report as _report

    db = open_database(existing_database(db_path))
    try:
        return _report(db)
    finally:
        db.close()


def render_report_html(report: QualityReport) -> str:
    """The report as a static HTML page (inline SVG charts, UTF-8, readable offline)."""
    from praktyki.browse.report_html import render_report_html as _render

    return _render(report)
