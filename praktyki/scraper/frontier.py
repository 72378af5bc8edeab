"""The crawl frontier of one run, persisted in SQLite so a killed run resumes where it stopped.

Table ``frontier`` (owned here): one row per ``(run_id, url)`` with ``kind`` (what the
orchestrator will parse it as), ``depth``, ``priority``, ``parent``, ``state`` (``pending`` →
``in_progress`` → ``done`` | ``failed``; a retryable failure goes back to ``pending`` until
``max_attempts`` claims were spent), ``attempts`` (claims), ``last_error``, ``status`` and
``archive_id`` of the outcome, ``seq`` (insertion order, for FIFO within a priority).

Every method writes through ``db.atomic()``: outside a transaction it commits at once (the
frontier is committed as it goes; use WAL so readers are not blocked), inside the caller's
``db.atomic()`` block it commits with the caller's archive and dataset writes.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, get_args

import sqlite_utils

from praktyki.errors import StorageError
from praktyki.schemas.archive import FrontierItem, FrontierState

__all__ = ["Frontier", "ensure_schema"]

STATES: tuple[str, ...] = get_args(FrontierState)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS frontier (
    seq INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL,
    url TEXT NOT NULL,
    kind TEXT NOT NULL,
    depth INTEGER NOT NULL DEFAULT 0,
    priority INTEGER NOT NULL DEFAULT 0,
    parent TEXT,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'in_progress', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    status INTEGER,
    archive_id INTEGER,
    UNIQUE (run_id, url)
);
CREATE INDEX IF NOT EXISTS idx_frontier_claim ON frontier (run_id, state, priority DESC, seq)
"""
_FIELDS = "url, kind, depth, priority, parent, state, attempts, last_error, status, archive_id"


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the frontier table if missing (idempotent); switch a file database to WAL."""
    if not db.memory and not db.conn.in_transaction:
        db.enable_wal()
    with db.atomic():
        for statement in filter(str.strip, _SCHEMA.split(";")):
            db.execute(statement)


class Frontier:
    """The frontier of run ``run_id`` in ``db`` (call :func:`ensure_schema` first)."""

    def __init__(self, db: sqlite_utils.Database, run_id: int, *, max_attempts: int = 3) -> None:
        self.db = db
        self.run_id = run_id
        self.max_attempts = max_attempts

    def add(
        self,
        url: str,
        *,
        kind: str,
        depth: int = 0,
        priority: int = 0,
        parent: str | None = None,
    ) -> bool:
        """Queue ``url`` (canonical); False when this run already knows it."""
        sql = (
            "INSERT OR IGNORE INTO frontier (run_id, url, kind, depth, priority, parent) "
            "VALUES (?, ?, ?, ?, ?, ?)"
        )
        with self.db.atomic():
            cursor = self._execute(sql, [self.run_id, url, kind, depth, priority, parent])
        return cursor.rowcount == 1

    def add_many(self, links: Sequence[tuple[str, str, int, int, str | None]]) -> int:
        """Queue many ``(url, kind, depth, priority, parent)``; returns how many were new."""
        if not links:
            return 0
        sql = (
            "INSERT OR IGNORE INTO frontier (run_id, url, kind, depth, priority, parent) "
            "VALUES (?, ?, ?, ?, ?, ?)"
        )
        rows = [(self.run_id, *link) for link in links]
        with self._transaction():
            cursor = self._executemany(sql, rows)
        return cursor.rowcount

    def done_many(self, outcomes: Sequence[tuple[str, int, int | None]]) -> None:
        """:meth:`done` for many ``(url, status, archive_id)`` in one statement."""
        if not outcomes:
            return
        sql = (
            "UPDATE frontier SET state = 'done', status = ?, archive_id = ? "
            "WHERE run_id = ? AND url = ?"
        )
        rows = [(status, archive_id, self.run_id, url) for url, status, archive_id in outcomes]
        with self._transaction():
            cursor = self._executemany(sql, rows)
        if cursor.rowcount != len(rows):
            raise StorageError(f"{len(rows) - cursor.rowcount} URLs not in run {self.run_id}")

    def claim(self, limit: int) -> list[FrontierItem]:
        """Move up to ``limit`` pending URLs to in_progress: highest priority first, then FIFO."""
        with self.db.atomic():
            rows = self._rows(
                f"SELECT seq, {_FIELDS} FROM frontier "  # noqa: S608 - constant columns
                "WHERE run_id = ? AND state = 'pending' ORDER BY priority DESC, seq LIMIT ?",
                [self.run_id, limit],
            )
            seqs = [row.pop("seq") for row in rows]
            marks = ", ".join("?" for _ in seqs)
            claimed = "state = 'in_progress', attempts = attempts + 1"
            sql = f"UPDATE frontier SET {claimed} WHERE seq IN ({marks})"  # noqa: S608
            if seqs:
                self._execute(sql, seqs)
        return [
            FrontierItem(**(row | {"state": "in_progress", "attempts": row["attempts"] + 1}))
            for row in rows
        ]

    def done(self, url: str, *, status: int, archive_id: int | None) -> None:
        """Mark ``url`` finished with HTTP ``status`` (and where its response is archived)."""
        self._update(url, "state = 'done', status = ?, archive_id = ?", [status, archive_id])

    def failed(self, url: str, *, error: str, retryable: bool) -> None:
        """Record a failure: back to pending if retryable and claims remain, else failed."""
        sql = (
            "state = CASE WHEN ? AND attempts < ? THEN 'pending' ELSE 'failed' END, last_error = ?"
        )
        self._update(url, sql, [retryable, self.max_attempts, error])

    def requeue(self, urls: list[str]) -> int:
        """Failed URLs back to pending (another pass after transient failures); returns how many."""
        with self.db.atomic():
            count = 0
            for url in urls:
                cursor = self._execute(
                    "UPDATE frontier SET state = 'pending' "
                    "WHERE run_id = ? AND url = ? AND state = 'failed'",
                    [self.run_id, url],
                )
                count += cursor.rowcount
        return count

    def recover(self) -> int:
        """After a crash: in_progress → pending; returns how many. Done stays done."""
        with self.db.atomic():
            cursor = self._execute(
                "UPDATE frontier SET state = 'pending' WHERE run_id = ? AND state = 'in_progress'",
                [self.run_id],
            )
        return cursor.rowcount

    def counts(self) -> dict[str, int]:
        """Number of URLs in each state (every state present)."""
        rows = self._rows(
            "SELECT state, COUNT(*) AS n FROM frontier WHERE run_id = ? GROUP BY state",
            [self.run_id],
        )
        return {state: 0 for state in STATES} | {row["state"]: row["n"] for row in rows}

    def get(self, url: str) -> FrontierItem | None:
        """The frontier entry of ``url`` in this run, or None."""
        rows = self._rows(
            f"SELECT {_FIELDS} FROM frontier WHERE run_id = ? AND url = ?",  # noqa: S608
            [self.run_id, url],
        )
        return FrontierItem(**rows[0]) if rows else None

    def _update(self, url: str, assignments: str, params: list[Any]) -> None:
        sql = f"UPDATE frontier SET {assignments} WHERE run_id = ? AND url = ?"  # noqa: S608
        with self.db.atomic():
            cursor = self._execute(sql, [*params, self.run_id, url])
        if cursor.rowcount != 1:
            raise StorageError(f"not in the frontier of run {self.run_id}", url=url)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """Join the caller's transaction as is (no savepoint: a failure there rolls the
        caller back anyway), else run in one of our own."""
        if self.db.conn.in_transaction:
            yield
        else:
            with self.db.atomic():
                yield

    def _executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> sqlite3.Cursor:
        try:
            return self.db.conn.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StorageError(f"frontier: {exc}") from exc

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self._execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def _execute(self, sql: str, params: list[Any]) -> sqlite3.Cursor:
        try:
            return self.db.execute(sql, params)
        except sqlite3.Error as exc:
            raise StorageError(f"frontier: {exc}") from exc
