"""The ``runs`` table: one row per crawl/reparse run, begun before work and finished after."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from sqlite_utils import Database

from praktyki.errors import StorageError
from praktyki.schemas.run import RunStatus, RunSummary
from praktyki.store.rows import insert_rows, select_rows, storage_errors, to_json, update_row

__all__ = ["begin_run", "finish_run", "get_run", "resume_run", "unfinished_runs"]

_COUNTS = (
    "requests",
    "bytes",
    "not_modified",
    "new",
    "changed",
    "removed",
    "unchanged",
    "failed",
)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def begin_run(
    db: Database,
    *,
    kind: str,
    options: Mapping[str, object],
    started_at: dt.datetime | None = None,
) -> int:
    """Record the start of a run (status ``running``) and return its ``run_id``.

    ``options`` (the effective settings, JSON-serializable) are kept so a run can be
    explained later; ``started_at`` defaults to now (UTC).
    """
    start = started_at or _utc_now()
    try:
        options_json = to_json(dict(options))
    except TypeError as exc:
        raise StorageError(f"run options are not JSON-serializable: {exc}") from exc
    row: dict[str, object] = {
        "kind": kind,
        "status": RunStatus.RUNNING.value,
        "started_at": start.isoformat(),
        "options": options_json,
        "pid": os.getpid(),
        **dict.fromkeys(_COUNTS, 0),
    }
    with storage_errors("recording a run"), db.atomic():
        insert_rows(db, "runs", [row])
        run_id = db.conn.execute("SELECT last_insert_rowid()").fetchone()[0]
    return int(run_id)


def finish_run(db: Database, run_id: int, summary: RunSummary) -> None:
    """Store the run's final counts, timings, status and exit code."""
    if summary.run_id != run_id:
        raise StorageError(f"summary of run {summary.run_id} given for run {run_id}")
    values: dict[str, object] = {
        "status": summary.status.value,
        "finished_at": summary.finished_at.isoformat() if summary.finished_at else None,
        "duration_s": summary.duration_s,
        "exit_code": summary.exit_code,
        **{name: getattr(summary, name) for name in _COUNTS},
    }
    with storage_errors(f"finishing run {run_id}"), db.atomic():
        if not select_rows(db, "runs", {"run_id": run_id}):
            raise StorageError(f"no run {run_id} in the database")
        update_row(db, "runs", {"run_id": run_id}, values)


def resume_run(db: Database, run_id: int) -> None:
    """Mark an interrupted run running again (its counts are rewritten when it finishes)."""
    with storage_errors(f"resuming run {run_id}"), db.atomic():
        update_row(
            db,
            "runs",
            {"run_id": run_id},
            {"status": RunStatus.RUNNING.value, "exit_code": None, "pid": os.getpid()},
        )


def unfinished_runs(db: Database, kind: str) -> list[int]:
    """Runs of ``kind`` still marked running (killed, or running now: hold the lock first)."""
    cursor = db.conn.execute(
        "SELECT run_id FROM runs WHERE kind = ? AND status = ? ORDER BY run_id",
        (kind, RunStatus.RUNNING.value),
    )
    return [int(row[0]) for row in cursor]


def get_run(db: Database, run_id: int) -> RunSummary:
    """A stored run as a :class:`RunSummary`."""
    rows = select_rows(db, "runs", {"run_id": run_id})
    if not rows:
        raise StorageError(f"no run {run_id} in the database")
    row = rows[0]
    return RunSummary.model_validate(
        {name: row[name] for name in RunSummary.model_fields if name in row}
    )
