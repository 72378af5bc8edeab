"""Opening the database and migrating every table in it (``PRAGMA user_version``).

One SQLite file holds the raw archive, the frontier, the crawl's bookkeeping and the dataset,
and this package owns all of it. One schema version, in ``PRAGMA user_version``, covers every
table; it is raised by numbered migrations, each in its own transaction together with the
version bump, so a crash leaves the file at the old version or the new one, never between.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path

from sqlite_utils import Database

from praktyki.errors import StorageError
from praktyki.store.fields import add_model_columns
from praktyki.store.rows import storage_errors
from praktyki.store.schema import add_ops_confidence, create_v1
from praktyki.store.schema_crawl import (
    add_revalidation,
    create_archive_exchanges,
    create_crawl_tables,
    create_ops_readings,
)
from praktyki.store.search_index import create_search_indexes

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "ensure_schema", "open_database", "schema_version"]

logger = logging.getLogger(__name__)

Migration = Callable[[Database], None]

#: Migration N takes a database at version N-1 to version N. Never edit a released one.
# 1: the dataset tables. 2: the crawl's tables (archive, frontier, crawl bookkeeping, link
# cache), which version 1 left to each crawl module to create when the store was opened.
# 3: the FTS tables as external-content tables over their owners, folded both ways
# (praktyki.store.search_index), so that Datasette and sqlite-utils search use them.
# 4: archive_exchanges (status lines, bodies as received, request headers: WARC export).
# 5: the revalidation policy's frontier columns and fingerprint table.
# 6: ops_pages.confidence (the extractor's confidence, so users can filter fallback articles).
# 7: ops_readings (what the OPS parse worker read during a run, for the run's last phase).
MIGRATIONS: Mapping[int, Migration] = {
    1: create_v1,
    2: create_crawl_tables,
    3: create_search_indexes,
    4: create_archive_exchanges,
    5: add_revalidation,
    6: add_ops_confidence,
    7: create_ops_readings,
}
SCHEMA_VERSION: int = max(MIGRATIONS)

BUSY_TIMEOUT_MS = 10_000


def open_database(path: Path | str) -> Database:
    """Open (creating if needed) the database at ``path``, tuned and migrated.

    WAL (readers never block the writer), ``synchronous=NORMAL`` (durable at checkpoints, safe
    in WAL), foreign keys enforced, and a busy timeout so a reader's brief lock is waited out
    rather than failing. ``":memory:"`` gives a private in-memory database (tests).
    """
    try:
        db = _connect(path)
        _tune(db)
        ensure_schema(db)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"cannot open database {path}: {exc}") from exc
    return db


def _connect(path: Path | str) -> Database:
    if str(path) == ":memory:":
        return Database(memory=True)
    file = Path(path)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create the directory for {file}: {exc}") from exc
    return Database(sqlite3.connect(file, timeout=BUSY_TIMEOUT_MS / 1000))


def _tune(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not db.memory:
        db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")


def schema_version(db: Database) -> int:
    """The schema version recorded in the file (0 for a new or foreign file)."""
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def ensure_schema(db: Database, *, migrations: Mapping[int, Migration] = MIGRATIONS) -> None:
    """Bring every table up to the newest version; refuse a file from a newer praktyki."""
    newest = max(migrations)
    current = schema_version(db)
    if current > newest:
        raise StorageError(
            f"the database has schema version {current}, newer than this praktyki knows "
            f"({newest}); upgrade praktyki"
        )
    for version in range(current + 1, newest + 1):
        logger.info("migrating the schema to version %d", version)
        with storage_errors(f"migrating to schema version {version}"), db.atomic():
            migrations[version](db)
            # user_version is transactional: it commits or rolls back with the migration.
            db.execute(f"PRAGMA user_version = {int(version)}")
    if "practices" in db.table_names():
        with storage_errors("adding the models' new columns"), db.atomic():
            add_model_columns(db)
