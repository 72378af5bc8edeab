"""A crawl run's summary: the ``runs`` row and the contract's ``--json-summary`` object."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field

from praktyki.schemas.base import Record

__all__ = ["RunChange", "RunStatus", "RunStopReason", "RunSummary"]

RunStopReason = Literal["max_pages", "page_budget", "signal", "max_duration"]


class RunStatus(StrEnum):
    RUNNING = "running"  # begun, not finished (or killed: see load.runs.unfinished_runs)
    FINISHED = "finished"  # ran to the end (exit_code says whether some pages failed)
    FAILED = "failed"  # stopped by an error
    # stopped by a signal or --max-duration (the next run of its source resumes it), or
    # found unfinished by a later run of another base URL (then never resumed)
    INTERRUPTED = "interrupted"


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
    #: Why the run stopped before its frontier ran dry: ``max_pages`` / ``page_budget`` (a
    #: partial run, finished, no removals), ``signal`` / ``max_duration`` (interrupted, exit
    #: code 4, resumed by the next run); null when it ran to the end. Not kept in ``runs``.
    stop_reason: RunStopReason | None = None
    #: The page budget in effect (derived from what the site announces, or --max-pages).
    page_budget: int | None = None
    #: Links not followed because of a URL limit, by limit (``depth``, ``param:p1``, …).
    dropped_links: dict[str, int] = Field(default_factory=dict)
    #: URLs given up on when their request-time budget (all attempts and hops) ran out. These
    #: three are not kept in ``runs`` either.
    out_of_time: int = Field(default=0, ge=0)
    #: URLs not requested because their host was paused (after N consecutive timeouts or
    #: connection failures): failed at once without a request, tried again by a later run.
    deferred: int = Field(default=0, ge=0)
    #: Hosts paused for the rest of the run, sorted.
    paused_hosts: tuple[str, ...] = ()
    changes: tuple[RunChange, ...] = ()
