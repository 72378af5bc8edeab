"""What the crawl's revalidation policy (:mod:`praktyki.crawl.revalidate`) reads and records.

- :func:`freshness`: when a URL was last *confirmed* (its newest archived 2xx or 304 response),
  dated by the start of the run that fetched it, so the schedule follows runs (and an injected
  clock), not the seconds a fetch happened to take; and which archived body stands for it.
- ``crawl_fingerprints``: per URL, the fingerprint its linking page gave it (a BDP listing
  entry's title) when it was last fetched; :func:`recorded_fingerprints` /
  :func:`record_fingerprints`.
- :func:`revalidation_counts`: a run's revalidated and skipped pages and its oldest
  confirmation, for the run summary.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Collection, Sequence
from typing import Any, NamedTuple

import sqlite_utils

from praktyki.errors import StorageError

__all__ = [
    "Freshness",
    "RevalidationCounts",
    "freshness",
    "record_fingerprints",
    "recorded_fingerprints",
    "revalidation_counts",
]

# The start of the run of the newest response that confirmed url X (2xx, or a 304).
_CHECKED = (
    "SELECT COALESCE(r.started_at, a.fetched_at) FROM archive_responses a "
    "LEFT JOIN runs r ON r.run_id = a.run_id WHERE a.url = {url} AND a.error IS NULL "
    "AND (a.status BETWEEN 200 AND 299 OR a.status = 304) ORDER BY a.id DESC LIMIT 1"
)


class Freshness(NamedTuple):
    """An archived URL as the policy sees it."""

    checked_at: dt.datetime  # start of the run that last confirmed it (2xx or 304)
    body_id: int  # its newest archived 2xx response: the body that stands for it
    sha256: str


class RevalidationCounts(NamedTuple):
    """One run's pages under the policy."""

    revalidated: int  # fetched again (conditionally, or in full) after an earlier confirmation
    skipped: int  # not fetched: the policy let the archived body stand
    oldest_checked_at: dt.datetime | None  # the oldest confirmation among the skipped ones


def freshness(db: sqlite_utils.Database, url: str) -> Freshness | None:
    """When ``url`` was last confirmed and which body stands; None when no 2xx is archived."""
    checked = _CHECKED.format(url="b.url")
    row = _execute(
        db,
        f"SELECT b.id, b.body_sha256, ({checked}) FROM archive_responses b "  # noqa: S608
        "WHERE b.url = ? AND b.status BETWEEN 200 AND 299 AND b.error IS NULL "
        "ORDER BY b.id DESC LIMIT 1",
        [url],
    ).fetchone()
    if row is None or row[2] is None:
        return None
    return Freshness(_moment(row[2]), int(row[0]), str(row[1] or ""))


def recorded_fingerprints(db: sqlite_utils.Database, urls: Collection[str]) -> dict[str, str]:
    """The recorded fingerprint of each of ``urls`` that has one."""
    found: dict[str, str] = {}
    batch = list(urls)
    for start in range(0, len(batch), 500):  # below SQLite's bound-parameter limit
        part = batch[start : start + 500]
        marks = ", ".join("?" for _ in part)
        rows = _execute(
            db,
            f"SELECT url, fingerprint FROM crawl_fingerprints WHERE url IN ({marks})",  # noqa: S608
            part,
        ).fetchall()
        found.update((str(url), str(print_)) for url, print_ in rows)
    return found


def record_fingerprints(db: sqlite_utils.Database, rows: Sequence[tuple[str, str, int]]) -> None:
    """Record ``(url, fingerprint, run_id)`` rows (inside the caller's transaction)."""
    if not rows:
        return
    try:
        db.conn.executemany(
            "INSERT INTO crawl_fingerprints (url, fingerprint, run_id) VALUES (?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET fingerprint = excluded.fingerprint, "
            "run_id = excluded.run_id",
            rows,
        )
    except sqlite3.Error as exc:
        raise StorageError(f"crawl fingerprints: {exc}") from exc


def revalidation_counts(
    db: sqlite_utils.Database, run_id: int, *, exclude_kinds: Collection[str] = ()
) -> RevalidationCounts:
    """Run ``run_id``'s pages (but those of ``exclude_kinds``, e.g. navigation) revalidated
    and skipped, and the oldest confirmation of a skipped one."""
    marks = ", ".join("?" for _ in exclude_kinds) or "NULL"
    where = f"f.run_id = ? AND f.state = 'done' AND f.kind NOT IN ({marks})"
    params: list[Any] = [run_id, *exclude_kinds]
    earlier = (
        "EXISTS (SELECT 1 FROM archive_responses a WHERE a.url = f.url AND a.id < f.archive_id "
        "AND a.error IS NULL AND (a.status BETWEEN 200 AND 299 OR a.status = 304))"
    )
    revalidated, skipped = _execute(
        db,
        f"SELECT COALESCE(SUM(f.status IS NOT NULL AND {earlier}), 0), "  # noqa: S608
        f"COALESCE(SUM(f.status IS NULL), 0) FROM frontier f WHERE {where}",
        params,
    ).fetchone()
    (oldest,) = _execute(
        db,
        f"SELECT MIN(({_CHECKED.format(url='f.url')})) FROM frontier f "  # noqa: S608
        f"WHERE {where} AND f.status IS NULL",
        params,
    ).fetchone()
    return RevalidationCounts(
        int(revalidated), int(skipped), _moment(oldest) if oldest is not None else None
    )


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _execute(db: sqlite_utils.Database, sql: str, params: list[Any]) -> sqlite3.Cursor:
    try:
        return db.execute(sql, params)
    except sqlite3.Error as exc:
        raise StorageError(f"revalidation: {exc}") from exc
