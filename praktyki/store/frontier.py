"""The crawl frontier of one run, persisted in SQLite so a killed run resumes where it stopped.

Table ``frontier`` (made by :mod:`praktyki.store.schema_crawl`): one row per ``(run_id, url)``
with ``kind`` (what the orchestrator will parse it as), ``depth``, ``priority``, ``parent``,
``state`` (``pending`` → ``in_progress`` → ``done`` | ``failed``; a retryable failure goes back
to ``pending`` until ``max_attempts`` claims were spent), ``attempts`` (claims), ``last_error``,
``status`` and ``archive_id`` of the outcome (a done row with a NULL ``status`` was skipped by
the revalidation policy: no request, ``archive_id`` is the archived body that stands for it),
``forced`` and ``fingerprint`` (see :mod:`praktyki.crawl.revalidate`), ``seq`` (insertion
order, for FIFO within a priority).

Every method writes through ``db.atomic()``: outside a transaction it commits at once (the
frontier is committed as it goes; use WAL so readers are not blocked), inside the caller's
``db.atomic()`` block it commits with the caller's archive and dataset writes.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any, get_args

import sqlite_utils

from praktyki.errors import StorageError
from praktyki.schemas.archive import FrontierItem, FrontierState

__all__ = ["Frontier", "NewLink", "done_rows", "tab_rows"]

STATES: tuple[str, ...] = get_args(FrontierState)

_FIELDS = (
    "url, kind, depth, priority, parent, state, attempts, last_error, status, archive_id, "
    "forced, fingerprint"
)
# ``host[:port]`` of a canonical URL (``scheme://host[:port]/path?query``), as urlsplit's netloc.
_REST = "substr(url, instr(url, '//') + 2)"
_HOST = f"substr({_REST}, 1, instr({_REST} || '/', '/') - 1)"
# Each pending URL's turn within its host (1 = the host's best), shifted by what the caller
# already holds of that host; turns first, so hosts alternate, then priority and FIFO.
_FAIR_CLAIM = f"""
WITH pending AS (
    SELECT seq, {_FIELDS}, {_HOST} AS host,
           ROW_NUMBER() OVER (PARTITION BY {_HOST} ORDER BY priority DESC, seq) AS turn
    FROM frontier WHERE run_id = ? AND state = 'pending'
)
SELECT seq, {_FIELDS} FROM (
    SELECT pending.*, turn + coalesce(held.value, 0) AS place
    FROM pending LEFT JOIN json_each(?) AS held ON held.key = pending.host
)
WHERE place <= ? ORDER BY place, priority DESC, seq LIMIT ?
"""  # noqa: S608 - constant columns
#: What :meth:`Frontier.add_many` queues: url, kind, depth, priority, parent, forced, fingerprint.
NewLink = tuple[str, str, int, int, str | None, bool, str | None]


class Frontier:
    """The frontier of run ``run_id`` in ``db`` (opened with ``praktyki.store.open_database``)."""

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

    def add_many(self, links: Sequence[NewLink]) -> int:
        """Queue many :data:`NewLink` rows; returns how many were new."""
        if not links:
            return 0
        sql = (
            "INSERT OR IGNORE INTO frontier "
            "(run_id, url, kind, depth, priority, parent, forced, fingerprint) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        rows = [(self.run_id, *link) for link in links]
        with self._transaction():
            cursor = self._executemany(sql, rows)
        return cursor.rowcount

    def done_many(self, outcomes: Sequence[tuple[str, int | None, int | None]]) -> None:
        """:meth:`done` for many ``(url, status, archive_id)`` in one statement (``status``
        None: skipped by the revalidation policy, ``archive_id`` the body that stands)."""
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

    def claim(
        self, limit: int, *, per_host: int | None = None, load: Mapping[str, int] | None = None
    ) -> list[FrontierItem]:
        """Move up to ``limit`` pending URLs to in_progress: highest priority first, then FIFO.

        With ``per_host``, no host gets more than that many URLs in hand, counting the ``load``
        the caller already holds (``host[:port]`` → URLs claimed and not finished), and the
        hosts take turns: every host's best URL before any host's second. A crawl of many
        polite hosts thus keeps every host busy instead of filling its window with one host's
        queue while the others wait in the frontier."""
        if per_host is None:
            sql = (
                f"SELECT seq, {_FIELDS} FROM frontier "  # noqa: S608 - constant columns
                "WHERE run_id = ? AND state = 'pending' ORDER BY priority DESC, seq LIMIT ?"
            )
            params: list[Any] = [self.run_id, limit]
        else:
            sql = _FAIR_CLAIM
            params = [self.run_id, json.dumps(dict(load or {})), per_host, limit]
        with self.db.atomic():
            rows = self._rows(sql, params)
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

    def kind_counts(self) -> dict[str, int]:
        """Number of URLs of each kind this run knows (any state)."""
        rows = self._rows(
            "SELECT kind, COUNT(*) AS n FROM frontier WHERE run_id = ? GROUP BY kind",
            [self.run_id],
        )
        return {row["kind"]: row["n"] for row in rows}

    def get(self, url: str) -> FrontierItem | None:
        """The frontier entry of ``url`` in this run, or None."""
        rows = self._rows(
            f"SELECT {_FIELDS} FROM frontier WHERE run_id = ? AND url = ?",  # noqa: S608
            [self.run_id, url],
        )
        return FrontierItem(**rows[0]) if rows else None

    def set_outcome(self, url: str, *, status: int, archive_id: int) -> None:
        """Record the response of ``url`` (status and archive id) without changing its state."""
        self._update(url, "status = ?, archive_id = ?", [status, archive_id])

    def open_kinds(self) -> set[str]:
        """The kinds of this run's URLs that are not done yet."""
        rows = self._execute(
            "SELECT DISTINCT kind FROM frontier WHERE run_id = ? AND state != 'done'",
            [self.run_id],
        ).fetchall()
        return {kind for (kind,) in rows}

    def failures(self) -> list[tuple[str, str | None]]:
        """``(url, last_error)`` of this run's failed URLs."""
        rows = self._execute(
            "SELECT url, last_error FROM frontier WHERE run_id = ? AND state = 'failed'",
            [self.run_id],
        ).fetchall()
        return [(url, error) for url, error in rows]

    def urls(self, *, kind: str | None = None, open_only: bool = False) -> list[str]:
        """This run's URLs (of one ``kind``; only those not done with ``open_only``)."""
        sql = "SELECT url FROM frontier WHERE run_id = ? AND (? IS NULL OR kind = ?)"
        if open_only:
            sql += " AND state != 'done'"
        rows = self._execute(sql, [self.run_id, kind, kind]).fetchall()
        return [url for (url,) in rows]

    def kind_progress(self, kinds: Collection[str]) -> tuple[int, int]:
        """How many URLs of these kinds the run has, and how many of them are not done."""
        marks = ", ".join("?" for _ in kinds)
        total, open_ = self._execute(
            "SELECT COUNT(*), COALESCE(SUM(state != 'done'), 0) FROM frontier "  # noqa: S608
            f"WHERE run_id = ? AND kind IN ({marks})",
            [self.run_id, *kinds],
        ).fetchone()
        return int(total), int(open_)

    def fetched(self, kinds: Collection[str]) -> int:
        """How many URLs of these kinds are done with a body this run (a 2xx answer)."""
        marks = ", ".join("?" for _ in kinds)
        (count,) = self._execute(
            "SELECT COUNT(*) FROM frontier WHERE run_id = ? AND state = 'done' "  # noqa: S608
            f"AND status BETWEEN 200 AND 299 AND kind IN ({marks})",
            [self.run_id, *kinds],
        ).fetchone()
        return int(count)

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


def tab_rows(
    db: sqlite_utils.Database,
    run_id: int,
    kinds: Collection[str],
    *,
    from_seq: int = 0,
    to_seq: int | None = None,
    done_after: int | None = None,
) -> list[tuple[int, str, str, str, int | None, int | None, str | None]]:
    """``(seq, url, kind, state, status, archive_id, last_error)`` of run ``run_id``'s URLs of
    these kinds in frontier order: from ``from_seq`` (to ``to_seq``) on; with ``done_after``,
    only the rows marked done with an archive id above it."""
    marks = ", ".join("?" for _ in kinds)
    where = f"run_id = ? AND kind IN ({marks}) AND seq >= ?"
    params: list[object] = [run_id, *kinds, from_seq]
    if to_seq is not None:
        where += " AND seq <= ?"
        params.append(to_seq)
    if done_after is not None:
        where += " AND state = 'done' AND archive_id > ?"
        params.append(done_after)
    rows = db.execute(
        "SELECT seq, url, kind, state, status, archive_id, last_error FROM frontier "  # noqa: S608
        f"WHERE {where} ORDER BY seq",
        params,
    ).fetchall()
    return [tuple(row) for row in rows]


def done_rows(
    db: sqlite_utils.Database, run_id: int, kinds: Collection[str]
) -> list[tuple[str, str, int, int]]:
    """``(url, kind, status, archive_id)`` of run ``run_id``'s done URLs of these kinds, in
    frontier order."""
    marks = ", ".join("?" for _ in kinds)
    try:
        rows = db.execute(
            "SELECT url, kind, status, archive_id FROM frontier WHERE run_id = ? "  # noqa: S608
            f"AND state = 'done' AND kind IN ({marks}) ORDER BY seq",
            [run_id, *kinds],
        ).fetchall()
    except sqlite3.Error as exc:
        raise StorageError(f"frontier: {exc}") from exc
    return [(url, kind, int(status), int(archive_id)) for url, kind, status, archive_id in rows]
