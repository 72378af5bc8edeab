"""Library entry points: ``crawl_bdp``, ``reparse``, ``export_archive``, ``run_demo``.

Each takes the database lock (:class:`~praktyki.load.DatabaseLock`; a second writer gets
:class:`~praktyki.errors.LockHeld`), opens the store and runs to the end. A crawl resumes the
unfinished run of the same strategy and source (killed, or stopped by an error): pages its
frontier marked done are not fetched again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import sqlite_utils

from praktyki.crawl.assemble import Assembly, assemble_bdp
from praktyki.crawl.bdp import DEFAULT_BDP_URL, BdpStrategy, default_source
from praktyki.crawl.engine import Engine, ProgressSink
from praktyki.crawl.runs import (
    crawl_run,
    finished_crawl_runs,
    open_store,
    record_crawl_run,
    resumable_run,
    set_removals,
)
from praktyki.crawl.settings import CrawlSettings
from praktyki.load import DatabaseLock, begin_run, finish_run, get_run
from praktyki.load.practices import PRACTICE
from praktyki.schemas.run import RunStatus, RunSummary
from praktyki.scraper.fetch import Fetcher
from praktyki.scraper.frontier import Frontier
from praktyki.scraper.warc import export_warc

__all__ = [
    "DEFAULT_BDP_URL",
    "DemoResult",
    "crawl_bdp",
    "crawl_bdp_async",
    "export_archive",
    "reparse",
    "run_demo",
]

log = logging.getLogger(__name__)

STRATEGY = "bdp"
DEMO_SOURCE = "bdp-replica"


def _skip_missing_sniffio_lookups() -> None:
    """httpcore tries ``import sniffio`` on every request; without sniffio installed each
    failed import searches sys.path again (~15% of a crawl's CPU in profiles). A ``None``
    entry in sys.modules makes that import fail at once, as it would anyway."""
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@contextmanager
def _store(db_path: Path | str) -> Iterator[sqlite_utils.Database]:
    with DatabaseLock(db_path):
        db = open_store(db_path)
        try:
            yield db
        finally:
            db.close()


def crawl_bdp(
    db_path: Path | str,
    base_url: str = DEFAULT_BDP_URL,
    settings: CrawlSettings | None = None,
    *,
    progress: ProgressSink | None = None,
) -> RunSummary:
    """Crawl (or refresh, or resume) a BDP-style site into ``db_path``; the run's summary."""
    return asyncio.run(crawl_bdp_async(db_path, base_url, settings, progress=progress))


async def crawl_bdp_async(
    db_path: Path | str,
    base_url: str = DEFAULT_BDP_URL,
    settings: CrawlSettings | None = None,
    *,
    progress: ProgressSink | None = None,
) -> RunSummary:
    """:func:`crawl_bdp` for callers that already run an event loop."""
    settings = settings or CrawlSettings()
    _skip_missing_sniffio_lookups()
    strategy = BdpStrategy(base_url)
    source = settings.source or default_source(strategy.base_url)
    with _store(db_path) as db:
        return await _crawl(db, strategy, source, settings, progress)


def _start_run(
    db: sqlite_utils.Database, strategy: BdpStrategy, source: str, settings: CrawlSettings
) -> tuple[int, dt.datetime, bool]:
    """Resume the unfinished run of this source, or begin one: (run_id, started_at, resumed)."""
    run_id = resumable_run(db, STRATEGY, source)
    if run_id is not None:
        previous = crawl_run(db, run_id)
        started = get_run(db, run_id).started_at
        if previous is not None and previous.base_url == strategy.base_url:
            log.info("resuming run %d (started %s)", run_id, started.isoformat())
            return run_id, started, True
        log.warning("run %d of %s crawled another base URL: not resumed", run_id, source)
        finish_run(
            db,
            run_id,
            RunSummary(
                run_id=run_id, kind=STRATEGY, status=RunStatus.INTERRUPTED, started_at=started
            ),
        )
    started = _now()
    options = settings.as_options() | {"base_url": strategy.base_url, "source": source}
    run_id = begin_run(db, kind=STRATEGY, options=options, started_at=started)
    record_crawl_run(db, run_id, strategy=STRATEGY, source=source, base_url=strategy.base_url)
    return run_id, started, False


def _archived_so_far(db: sqlite_utils.Database, run_id: int) -> tuple[int, int]:
    row = db.execute(
        "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM archive_responses WHERE run_id = ?",
        [run_id],
    ).fetchone()
    return int(row[0]), int(row[1])


async def _crawl(
    db: sqlite_utils.Database,
    strategy: BdpStrategy,
    source: str,
    settings: CrawlSettings,
    progress: ProgressSink | None,
) -> RunSummary:
    run_id, started, resumed = _start_run(db, strategy, source, settings)
    earlier_requests, earlier_bytes = _archived_so_far(db, run_id)
    pool = httpx.Limits(
        max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency
    )
    async with httpx.AsyncClient(follow_redirects=False, limits=pool) as client:
        fetcher = Fetcher(
            client,
            allowlist=strategy.allowlist,
            policy=settings.retry,
            limits=settings.limits,
            politeness=settings.politeness(),
            aliases=strategy.aliases,
        )
        engine = Engine(
            db,
            run_id,
            strategy,
            fetcher,
            concurrency=settings.concurrency,
            max_pages=settings.max_pages,
            extra_passes=settings.extra_passes,
            progress=progress,
        )
        if not resumed:
            engine.seed()
        stats = await engine.run()
    complete = engine.complete()
    if not complete:
        log.warning("discovery was incomplete (failed listing pages or --max-pages): no removals")
    with db.atomic():
        assembly = assemble_bdp(db, run_id, source, complete=complete)
        set_removals(db, run_id, complete=complete, applied=assembly.removals_applied)
        counts = Frontier(db, run_id).counts()
        not_modified = db.execute(
            "SELECT COUNT(*) FROM archive_responses WHERE run_id = ? AND status = 304", [run_id]
        ).fetchone()[0]
        failed = counts["failed"] + assembly.failed
        finished = _now()
        summary = RunSummary(
            run_id=run_id,
            kind=STRATEGY,
            started_at=started,
            finished_at=finished,
            duration_s=max((finished - started).total_seconds(), 0.0),
            requests=earlier_requests + fetcher.stats.requests,
            bytes=earlier_bytes + fetcher.stats.bytes_received,
            not_modified=int(not_modified),
            new=assembly.new,
            changed=assembly.changed,
            removed=assembly.removed,
            unchanged=assembly.unchanged,
            failed=failed,
            exit_code=1 if failed else 0,
        )
        finish_run(db, run_id, summary)
    log.info(
        "run %d: %d pages fetched here, %d skipped by robots.txt",
        run_id,
        stats.fetched,
        stats.skipped_robots,
    )
    return summary


# -- reparse ------------------------------------------------------------------------------


def _wipe_bdp(db: sqlite_utils.Database) -> None:
    """Empty the BDP dataset tables (archive, frontier and runs stay)."""
    db.execute(f"DELETE FROM {PRACTICE.fts_table}")  # noqa: S608 - constant names
    for child in PRACTICE.children.values():
        db.execute(f"DELETE FROM {child.table}")  # noqa: S608
    db.execute("DELETE FROM history WHERE entity = ?", [PRACTICE.entity])
    db.execute(f"DELETE FROM {PRACTICE.table}")  # noqa: S608
    db.execute("DELETE FROM sections")


#: Strategy → (wipe its dataset tables, assemble one run). The OPS crawl adds its entry here.
Replayer = tuple[
    Callable[[sqlite_utils.Database], None],
    Callable[..., Assembly],
]
REPLAYERS: dict[str, Replayer] = {STRATEGY: (_wipe_bdp, assemble_bdp)}


def reparse(db_path: Path | str) -> RunSummary:
    """Rebuild the dataset tables from the archive, replaying every finished crawl run in
    order (removals where the run applied them); no network. One transaction."""
    with _store(db_path) as db:
        started = _now()
        run_id = begin_run(db, kind="reparse", options={}, started_at=started)
        total = Assembly()
        with db.atomic():
            for strategy, (wipe, assemble) in REPLAYERS.items():
                wipe(db)
                for run in finished_crawl_runs(db, strategy):
                    done = assemble(db, run.run_id, run.source, complete=run.removals_applied)
                    for name in ("new", "changed", "unchanged", "removed", "failed"):
                        setattr(total, name, getattr(total, name) + getattr(done, name))
            finished = _now()
            summary = RunSummary(
                run_id=run_id,
                kind="reparse",
                started_at=started,
                finished_at=finished,
                duration_s=max((finished - started).total_seconds(), 0.0),
                new=total.new,
                changed=total.changed,
                removed=total.removed,
                unchanged=total.unchanged,
                failed=total.failed,
                exit_code=1 if total.failed else 0,
            )
            finish_run(db, run_id, summary)
        return summary


def export_archive(db_path: Path | str, out: Path, *, run_id: int | None = None) -> int:
    """Write the raw archive (or one run of it) as a WARC file; returns the record count."""
    db = open_store(db_path)
    try:
        return export_warc(db, out, run_id=run_id)
    finally:
        db.close()


# -- demo ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoResult:
    """What ``praktyki demo`` did: the replica's URLs and each crawl's summary."""

    base_urls: dict[str, str]
    bdp: RunSummary
    # ops: RunSummary | None  -- the OPS crawl of the demo goes here (see run_demo)


def run_demo(
    db_path: Path | str,
    *,
    practices: int = 60,
    concurrency: int = 8,
    progress: ProgressSink | None = None,
) -> DemoResult:
    """Serve the replica sites on 127.0.0.1 and crawl them politeness-off into ``db_path``."""
    from praktyki.replica import running_replica

    settings = CrawlSettings(rate=0, concurrency=concurrency, source=DEMO_SOURCE)
    with running_replica(practices=practices) as replica:
        base_urls = replica.base_urls
        bdp = crawl_bdp(db_path, base_urls["bdp"], settings, progress=progress)
        # The OPS part of the demo: crawl the replica's OPS sites here (a later task).
    return DemoResult(base_urls=base_urls, bdp=bdp)
