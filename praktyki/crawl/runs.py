"""The store (one SQLite file: dataset + archive + frontier + crawl bookkeeping) and runs.

Table ``crawl_runs`` (owned here): one row per crawl run with what reparse must replay —
``run_id``, ``strategy`` (``bdp``), ``source``, ``base_url``, ``complete`` (discovery saw every
navigation page) and ``removals_applied``. Table ``crawl_failures``: the practices of a run
that could not be assembled (``run_id``, ``url``, ``reason``), rewritten by each assembly.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from praktyki.errors import StorageError
from praktyki.load import open_database
from praktyki.scraper import archive, frontier

__all__ = [
    "CrawlRun",
    "crawl_run",
    "ensure_schema",
    "finished_crawl_runs",
    "immediate_transaction",
    "open_store",
    "record_crawl_run",
    "resumable_run",
    "set_removals",
]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS crawl_runs (
    run_id INTEGER PRIMARY KEY REFERENCES runs(run_id),
    strategy TEXT NOT NULL,
    source TEXT NOT NULL,
    base_url TEXT NOT NULL,
    complete INTEGER,
    removals_applied INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS crawl_failures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL,
    url TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_crawl_failures_run_id ON crawl_failures (run_id)
"""


class CrawlRun:
    """A ``crawl_runs`` row."""

    __slots__ = ("base_url", "complete", "removals_applied", "run_id", "source", "strategy")

    def __init__(
        self,
        run_id: int,
        strategy: str,
        source: str,
        base_url: str,
        complete: bool | None,
        removals_applied: bool,
    ) -> None:
        self.run_id = run_id
        self.strategy = strategy
        self.source = source
        self.base_url = base_url
        self.complete = complete
        self.removals_applied = removals_applied


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the crawl bookkeeping tables if missing (idempotent)."""
    with db.atomic():
        for statement in filter(str.strip, _SCHEMA.split(";")):
            db.execute(statement)


def open_store(path: Path | str) -> sqlite_utils.Database:
    """Open the database at ``path`` with every table a crawl uses (created if missing)."""
    # the crawl modules import this one: imported here, every table is made at open time
    from praktyki.crawl import assemble, engine, ops_assemble

    db = open_database(path)
    try:
        archive.ensure_schema(db)
        frontier.ensure_schema(db)
        ensure_schema(db)
        engine.ensure_schema(db)
        assemble.ensure_schema(db)
        ops_assemble.ensure_schema(db)
    except sqlite3.Error as exc:
        db.close()
        raise StorageError(f"cannot prepare {path}: {exc}") from exc
    return db


@contextlib.contextmanager
def immediate_transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """A write transaction that takes the write lock at BEGIN (``BEGIN IMMEDIATE``).

    Two processes write the store during a crawl (the crawler and its assembly worker). A
    deferred transaction that reads first and writes later fails at once with "database is
    locked" when the other committed in between (its snapshot is stale, and no busy timeout
    helps); one that takes the lock first waits out the other's (short) transaction instead.
    Inside an open transaction this just joins it.
    """
    if db.conn.in_transaction:
        yield
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        db.conn.rollback()
        raise


def record_crawl_run(
    db: sqlite_utils.Database, run_id: int, *, strategy: str, source: str, base_url: str
) -> None:
    with db.atomic():
        db.execute(
            "INSERT OR IGNORE INTO crawl_runs (run_id, strategy, source, base_url) "
            "VALUES (?, ?, ?, ?)",
            [run_id, strategy, source, base_url],
        )


def set_removals(db: sqlite_utils.Database, run_id: int, *, complete: bool, applied: bool) -> None:
    db.execute(
        "UPDATE crawl_runs SET complete = ?, removals_applied = ? WHERE run_id = ?",
        [int(complete), int(applied), run_id],
    )


def _row(values: tuple[object, ...]) -> CrawlRun:
    run_id, strategy, source, base_url, complete, applied = values
    return CrawlRun(
        int(str(run_id)),
        str(strategy),
        str(source),
        str(base_url),
        None if complete is None else bool(complete),
        bool(applied),
    )


_COLUMNS = "c.run_id, c.strategy, c.source, c.base_url, c.complete, c.removals_applied"


def crawl_run(db: sqlite_utils.Database, run_id: int) -> CrawlRun | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM crawl_runs c WHERE c.run_id = ?",  # noqa: S608 - constant
        [run_id],
    ).fetchone()
    return _row(row) if row else None


def resumable_run(db: sqlite_utils.Database, strategy: str, source: str) -> int | None:
    """The newest unfinished run of ``strategy`` on ``source`` (hold the lock first)."""
    row = db.execute(
        "SELECT c.run_id FROM crawl_runs c JOIN runs r ON r.run_id = c.run_id "
        "WHERE c.strategy = ? AND c.source = ? AND r.status = 'running' "
        "ORDER BY c.run_id DESC LIMIT 1",
        [strategy, source],
    ).fetchone()
    return int(row[0]) if row else None


def finished_crawl_runs(db: sqlite_utils.Database, strategy: str) -> list[CrawlRun]:
    """Finished runs of ``strategy``, oldest first (what reparse replays)."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM crawl_runs c JOIN runs r ON r.run_id = c.run_id "  # noqa: S608
        "WHERE c.strategy = ? AND r.status = 'finished' ORDER BY c.run_id",
        [strategy],
    ).fetchall()
    return [_row(row) for row in rows]
