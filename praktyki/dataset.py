"""Reading an existing dataset: export its tables, search it, browse it in Datasette, report
on its quality, write its archive as WARC.

Each function takes the database's path, refuses one that does not exist (a typo must not
create an empty database; ConfigError, which the CLI maps to exit 2) and closes what it opens.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from praktyki.errors import ConfigError
from praktyki.schemas.archive import ArchiveExport
from praktyki.schemas.quality import QualityReport

__all__ = [
    "export_archive",
    "export_tables",
    "quality_report",
    "render_report_html",
    "require_database",
    "search",
    "serve_dataset",
]

_FORMATS = ("csv", "jsonl", "parquet")


def require_database(db_path: Path | str) -> Path:
    """``db_path`` if a database is there, else a ConfigError saying how to make one."""
    path = Path(db_path)
    if not path.is_file():
        raise ConfigError(f"no database at {path} (run a crawl or praktyki demo first)")
    return path


@contextmanager
def _existing(db_path: Path | str) -> Iterator[sqlite_utils.Database]:
    from praktyki.store import open_database

    db = open_database(require_database(db_path))
    try:
        yield db
    finally:
        db.close()


def export_tables(
    db_path: Path | str,
    out_dir: Path | str,
    *,
    fmt: str = "csv",
    tables: Sequence[str] = (),
    raw_csv: bool = False,
) -> dict[str, int]:
    """Write the dataset tables (default: all) to ``out_dir`` as csv, jsonl or parquet, with
    the codebook and a Frictionless datapackage.json (updated, not replaced, when one is
    there); rows written per table. ``raw_csv`` turns off the CSV formula guard."""
    from praktyki.store.export import ExportFormat, export_dataset  # pyarrow: only here

    if fmt not in _FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; formats: {', '.join(_FORMATS)}")
    with _existing(db_path) as db:
        return export_dataset(
            db, Path(out_dir), fmt=ExportFormat(fmt), tables=tables, raw_csv=raw_csv
        )


def search(
    db_path: Path | str, query: str, *, ops: bool = False, limit: int = 20
) -> list[dict[str, object]]:
    """Practices (or, with ``ops``, OPS articles) matching ``query``, best first."""
    from praktyki.store import search_ops, search_practices

    with _existing(db_path) as db:
        return (search_ops if ops else search_practices)(db, query, limit=limit)


def export_archive(
    db_path: Path | str, out: Path, *, run_id: int | None = None, wacz: bool = False
) -> ArchiveExport:
    """Write the raw archive (or one run of it) as a WARC file as received, its CDXJ index
    beside it and, with ``wacz``, a WACZ package; what was written (see
    :mod:`praktyki.crawl.archive_export`)."""
    from praktyki.crawl.archive_export import export_archive as export_warc_file

    return export_warc_file(require_database(db_path), out, run_id=run_id, wacz=wacz)


def serve_dataset(db_path: Path | str, *, port: int = 8001) -> None:
    """Open the dataset in Datasette on http://127.0.0.1:PORT/ until interrupted (metadata from
    the codebook, crawl internals hidden, canned queries, folded ``?_search=``)."""
    from praktyki.browse.serve import serve_datasette

    serve_datasette(require_database(db_path), port=port)


def quality_report(db_path: Path | str) -> QualityReport:
    """Coverage per source and field, unknown Metryka labels, failures by site and reason,
    and each run's new / changed / removed records."""
    from praktyki.store.quality_queries import quality_report as build_report

    with _existing(db_path) as db:
        return build_report(db)


def render_report_html(report: QualityReport) -> str:
    """The report as a static HTML page (inline SVG charts, UTF-8, readable offline)."""
    from praktyki.browse.report_html import render_report_html as render

    return render(report)
