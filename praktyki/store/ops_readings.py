"""What an OPS run's pages were read as, kept for the run's last phase (table ``ops_readings``).

During a large OPS crawl a worker process parses each page soon after it is archived (on the
other core, while the crawler fetches) and keeps the result here, keyed by the run and the
archived response that holds the page's body; the run's last phase then loads from these
instead of parsing every page after the crawl. The readings are JSON text the caller makes and
reads (:class:`~praktyki.crawl.ops_reading.PageReading`); they are only ever used by the run
that wrote them, and dropped when it ends: a reading is worth as much as the parser that made it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

__all__ = ["forget_readings", "get_reading", "put_readings", "read_ids"]


def put_readings(db: sqlite_utils.Database, run_id: int, rows: Sequence[tuple[int, str]]) -> None:
    """Keep ``(archive_id, reading JSON)`` rows for run ``run_id`` (the first kept stays)."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO ops_readings (run_id, archive_id, reading) VALUES (?, ?, ?)",
        [(run_id, archive_id, reading) for archive_id, reading in rows],
    )


def get_reading(db: sqlite_utils.Database, run_id: int, archive_id: int) -> str | None:
    """The reading run ``run_id`` kept for the body archived as ``archive_id``, or None."""
    row = db.execute(
        "SELECT reading FROM ops_readings WHERE run_id = ? AND archive_id = ?",
        [run_id, archive_id],
    ).fetchone()
    return None if row is None else str(row[0])


def read_ids(db: sqlite_utils.Database, run_id: int) -> set[int]:
    """The archived bodies run ``run_id`` has readings for."""
    rows = db.execute("SELECT archive_id FROM ops_readings WHERE run_id = ?", [run_id])
    return {int(archive_id) for (archive_id,) in rows.fetchall()}


def forget_readings(db: sqlite_utils.Database, run_id: int) -> None:
    """Drop run ``run_id``'s readings (its last phase has used them)."""
    db.execute("DELETE FROM ops_readings WHERE run_id = ?", [run_id])
