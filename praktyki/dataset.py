"""Reading an existing dataset: export its tables, search it, write its archive as WARC.

Each function takes the database's path, refuses one that does not exist (a typo must not
create an empty database) and closes what it opens.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from praktyki.errors import ConfigError

__all__ = ["export_archive", "export_tables", "require_database", "search"]


def require_database(db_path: Path | str) -> Path:
    """``db_path`` if a database is there, else a ConfigError saying how to make one."""
    path = Path(db_path)
    if not path.exists():
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
    db_path: Path | str, out_dir: Path, *, fmt: str = "csv", tables: Sequence[str] = ()
) -> dict[str, int]:
    """Write the dataset tables (default: all) to ``out_dir`` with the codebook and a
    datapackage.json; rows written per table."""
    from praktyki.store.export import ExportFormat, export_dataset

    with _existing(db_path) as db:
        return export_dataset(db, out_dir, fmt=ExportFormat(fmt), tables=tables)


def search(
    db_path: Path | str, query: str, *, ops: bool = False, limit: int = 20
) -> list[dict[str, object]]:
    """Practices (or, with ``ops``, OPS articles) matching ``query``, best first."""
    from praktyki.store import search_ops, search_practices

    with _existing(db_path) as db:
        return (search_ops if ops else search_practices)(db, query, limit=limit)


def export_archive(db_path: Path | str, out: Path, *, run_id: int | None = None) -> int:
    """Write the raw archive (or one run of it) as a WARC file; the record count."""
    from praktyki.crawl.service import export_archive as export_warc_file

    return export_warc_file(require_database(db_path), out, run_id=run_id)
