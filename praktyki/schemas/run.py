"""A crawl run's summary: the ``runs`` row and the contract's ``--json-summary`` object."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field

from praktyki.schemas.base import Record

__all__ = ["RunChange", "RunStatus", "RunSummary"]


class RunStatus(StrEnum):
    RUNNING = "running"  # begun, not finished (or killed: see load.runs.unfinished_runs)
    FINISHED = "finished"  # ran to the end (exit_code says whether some pages failed)
    FAILED = "failed"  # stopped by an error
    INTERRUPTED = "interrupted"  # stopped by a signal, or found unfinished by a later run


class RunChange(Record):
    """One record a run added, changed or removed."""

    entity: str  # practice, ops_page, institution
    source: str
    key: str  # practice_id, or "url#article_index" for OPS articles
    change: Literal["new", "changed", "removed"]
    fields: tuple[str, ...] = ()


class RunSummary(Record):
    """Counts and timings of one run, and what it changed record by record (``--json-summary``
    writes ``to_json_dict()``; the ``runs`` row holds everything but ``changes``)."""

    run_id: int
    kind: str
    status: RunStatus = RunStatus.FINISHED
    started_at: dt.datetime
    finished_at: dt.datetime | None = None
    duration_s: float | None = Field(default=None, ge=0)
    requests: int = Field(default=0, ge=0)
    bytes: int = Field(default=0, ge=0)
    not_modified: int = Field(default=0, ge=0)
    new: int = Field(default=0, ge=0)
    changed: int = Field(default=0, ge=0)
    removed: int = Field(default=0, ge=0)
    unchanged: int = Field(default=0, ge=0)
    failed: int = Field(default=0, ge=0)
    exit_code: int | None = None
    changes: tuple[RunChange, ...] = ()
