"""Crawl runs: what ``praktyki reparse`` must replay, the run's unassembled records, and the
write transaction both crawl processes use.

Table ``crawl_runs``: one row per crawl run with what reparse must replay — ``run_id``,
``strategy`` (``bdp`` or ``ops``), ``source``, ``base_url``, ``complete`` (discovery saw every
navigation page) and ``removals_applied``. Table ``crawl_failures``: the records of a run that
could not be assembled (``run_id``, ``url``, ``reason``), rewritten by each assembly. Both are
made by :mod:`praktyki.store.schema_crawl`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

import sqlite_utils

__all__ = [
    "CrawlRun",
    "crawl_run",
    "finished_crawl_runs",
    "immediate_transaction",
    "read_snapshot",
    "record_crawl_run",
    "record_failures",
    "resumable_run",
    "set_removals",
]


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
    """The newest run of ``strategy`` on ``source`` when it did not finish: still marked
    running (killed, stopped by an error) or interrupted (a signal, a time limit). Only the
    newest: an older one was given up when a newer run began. Hold the lock first."""
    row = db.execute(
        "SELECT c.run_id, r.status FROM crawl_runs c JOIN runs r ON r.run_id = c.run_id "
        "WHERE c.strategy = ? AND c.source = ? ORDER BY c.run_id DESC LIMIT 1",
        [strategy, source],
    ).fetchone()
    return int(row[0]) if row and row[1] in ("running", "interrupted") else None


def finished_crawl_runs(db: sqlite_utils.Database, strategy: str) -> list[CrawlRun]:
    """Finished runs of ``strategy``, oldest first (what reparse replays)."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM crawl_runs c JOIN runs r ON r.run_id = c.run_id "  # noqa: S608
        "WHERE c.strategy = ? AND r.status = 'finished' ORDER BY c.run_id",
        [strategy],
    ).fetchall()
    return [_row(row) for row in rows]


def record_failures(
    db: sqlite_utils.Database, run_id: int, failures: Iterable[tuple[str, str]]
) -> None:
    """Replace run ``run_id``'s unassembled records with ``(url, reason)`` pairs."""
    db.execute("DELETE FROM crawl_failures WHERE run_id = ?", [run_id])
    db.conn.executemany(
        "INSERT INTO crawl_failures (run_id, url, reason) VALUES (?, ?, ?)",
        [(run_id, url, reason) for url, reason in failures],
    )


@contextlib.contextmanager
def read_snapshot(db: sqlite_utils.Database) -> Iterator[None]:
    """One read transaction: every query inside sees the same snapshot of the file."""
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.execute("COMMIT")
