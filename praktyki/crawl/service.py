"""Library entry points: ``crawl_bdp``, ``crawl_ops``, ``reparse``.

Each takes the database lock (:class:`~praktyki.store.DatabaseLock`; a second writer gets
:class:`~praktyki.errors.LockHeld`), opens the store and runs to the end. A crawl resumes the
unfinished run of the same strategy and source (killed, stopped by an error, a signal or
``max_duration``): pages its frontier marked done are not fetched again. A run stopped by a
signal or ``max_duration`` is recorded as interrupted, its summary with ``exit_code`` 4.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import logging
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import sqlite_utils

from praktyki.crawl import event_loop, ops_assemble
from praktyki.crawl.assemble import Assembly, assemble_bdp
from praktyki.crawl.bdp_strategy import (
    BDP_BOUNDS,
    DEFAULT_BDP_URL,
    NAVIGATION,
    BdpStrategy,
    default_source,
)
from praktyki.crawl.bounds import LinkBounds, PageBudget
from praktyki.crawl.engine import Engine, EngineStats, ProgressSink, Strategy
from praktyki.crawl.ops_strategy import (
    OpsSiteSpec,
    OpsStrategy,
    sites_from_registry,
    sites_from_urls,
    sites_key,
)
from praktyki.crawl.ops_worker import read_until_finished
from praktyki.crawl.settings import CrawlSettings
from praktyki.crawl.site_registry import apply_bases, default_registry_path, load_registry
from praktyki.crawl.stopping import stop_on_signals
from praktyki.crawl.worker import AssemblyWorker, WorkerLauncher
from praktyki.errors import ConfigError
from praktyki.schemas.registry import Registry
from praktyki.schemas.run import RunStatus, RunSummary
from praktyki.scraper.fetch import Fetcher
from praktyki.store import (
    DatabaseLock,
    begin_run,
    finish_run,
    get_run,
    open_database,
    resume_run,
)
from praktyki.store.archive import Archive
from praktyki.store.crawl_runs import (
    crawl_run,
    finished_crawl_runs,
    record_crawl_run,
    resumable_run,
    set_removals,
)
from praktyki.store.frontier import Frontier
from praktyki.store.ops_readings import forget_readings
from praktyki.store.report import run_changes
from praktyki.store.revalidation import revalidation_counts
from praktyki.store.wipe import WipeKind, wipe

__all__ = [
    "DEFAULT_BDP_URL",
    "crawl_bdp",
    "crawl_bdp_async",
    "crawl_ops",
    "crawl_ops_async",
    "resolve_ops_sites",
    "reparse",
]

log = logging.getLogger(__name__)

STRATEGY = "bdp"
#: A run stopped by a signal or --max-duration (resumable): the contract's exit code 4.
EXIT_INTERRUPTED = 4
OPS_STRATEGY = "ops"  # also the OPS runs' crawl_runs.source (each site is a dataset source)


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
        db = open_database(db_path)
        try:
            yield db
        finally:
            db.close()


Clock = Callable[[], dt.datetime]


def crawl_bdp(
    db_path: Path | str,
    base_url: str = DEFAULT_BDP_URL,
    settings: CrawlSettings | None = None,
    *,
    progress: ProgressSink | None = None,
    clock: Clock | None = None,
) -> RunSummary:
    """Crawl (or refresh, or resume) a BDP-style site into ``db_path``; the run's summary.

    ``clock`` (default: now, UTC) dates the run and is what the revalidation schedule
    (``settings.revalidate_after``) reads: tests pass one to let days pass without waiting.

    A run of many practices assembles them in a second process
    (:mod:`praktyki.crawl.worker`, ``settings.assembly_worker``), started with
    multiprocessing's "spawn": a script calling this must keep its top-level code under
    ``if __name__ == "__main__":`` (the CLI, the tests and the benchmarks do)."""
    return event_loop.run(
        crawl_bdp_async(db_path, base_url, settings, progress=progress, clock=clock)
    )


async def crawl_bdp_async(
    db_path: Path | str,
    base_url: str = DEFAULT_BDP_URL,
    settings: CrawlSettings | None = None,
    *,
    progress: ProgressSink | None = None,
    clock: Clock | None = None,
) -> RunSummary:
    """:func:`crawl_bdp` for callers that already run an event loop."""
    settings = settings or CrawlSettings()
    _skip_missing_sniffio_lookups()
    strategy = BdpStrategy(base_url)
    source = settings.source or default_source(strategy.base_url)
    with _store(db_path) as db:
        return await _crawl(db, Path(db_path), strategy, source, settings, progress, clock or _now)


def _start_run(
    db: sqlite_utils.Database,
    strategy: BdpStrategy,
    source: str,
    settings: CrawlSettings,
    clock: Clock,
) -> tuple[int, dt.datetime, bool]:
    """Resume the unfinished run of this source, or begin one: (run_id, started_at, resumed)."""
    return _start_or_resume(db, STRATEGY, source, strategy.base_url, settings, clock)


def _start_or_resume(
    db: sqlite_utils.Database,
    kind: str,
    source: str,
    base_url: str,
    settings: CrawlSettings,
    clock: Clock = _now,
) -> tuple[int, dt.datetime, bool]:
    run_id = resumable_run(db, kind, source)
    if run_id is not None:
        previous = crawl_run(db, run_id)
        started = get_run(db, run_id).started_at
        if previous is not None and previous.base_url == base_url:
            log.info("resuming run %d (started %s)", run_id, started.isoformat())
            resume_run(db, run_id)
            return run_id, started, True
        log.warning("run %d of %s crawled another base URL: not resumed", run_id, source)
        if get_run(db, run_id).status == RunStatus.RUNNING:
            summary = RunSummary(
                run_id=run_id, kind=kind, status=RunStatus.INTERRUPTED, started_at=started
            )
            finish_run(db, run_id, summary)
    started = clock()
    options = settings.as_options() | {"base_url": base_url, "source": source}
    run_id = begin_run(db, kind=kind, options=options, started_at=started)
    record_crawl_run(db, run_id, strategy=kind, source=source, base_url=base_url)
    return run_id, started, False


def _archived_so_far(db: sqlite_utils.Database, run_id: int) -> tuple[int, int]:
    return Archive(db).run_totals(run_id)


async def _crawl(
    db: sqlite_utils.Database,
    db_path: Path,
    strategy: BdpStrategy,
    source: str,
    settings: CrawlSettings,
    progress: ProgressSink | None,
    clock: Clock,
) -> RunSummary:
    run_id, started, resumed = _start_run(db, strategy, source, settings, clock)
    earlier_requests, earlier_bytes = _archived_so_far(db, run_id)
    worker = AssemblyWorker(db_path, run_id, source)
    launcher = None
    if settings.assembly_worker:
        launcher = WorkerLauncher(db, worker, min_fetched=settings.worker_min_practices)
    bounds = settings.bounds or BDP_BOUNDS
    frontier = Frontier(db, run_id)
    budget = PageBudget(bounds, lambda: strategy.announced_pages(frontier.kind_counts()))
    try:
        engine, fetcher, stats = await _run_engine(
            db,
            run_id,
            strategy,
            settings,
            progress,
            resumed,
            after_write=launcher,
            bounds=LinkBounds(bounds),
            budget=budget,
            clock=clock,
        )
        if not stats.interrupted:
            worker.finish()  # its last round: every practice final by now that it has not done
    finally:
        worker.stop()
    run = _Run(run_id, STRATEGY, started, fetcher, earlier_requests, earlier_bytes, engine, clock)
    if stats.interrupted:
        return _interrupted(db, run)
    complete = engine.complete()
    if not complete:
        log.warning(
            "discovery was incomplete (failed listing pages, --max-pages, the page budget or "
            "a URL limit): no removals"
        )
    summary = _finish(db, run, complete, functools.partial(assemble_bdp, db, run_id, source))
    log.info(
        "run %d: %d pages fetched here, %d not due for revalidation, %d skipped by robots.txt",
        run_id,
        stats.fetched,
        stats.skipped_by_policy,
        stats.skipped_robots,
    )
    return summary


async def _run_engine(
    db: sqlite_utils.Database,
    run_id: int,
    strategy: Strategy,
    settings: CrawlSettings,
    progress: ProgressSink | None,
    resumed: bool,
    *,
    after_write: Callable[[], None] | None = None,
    bounds: LinkBounds | None = None,
    budget: PageBudget | None = None,
    clock: Clock = _now,
) -> tuple[Engine, Fetcher, EngineStats]:
    """Run the frontier of ``run_id`` to its end (or a stop) with a fresh HTTP client."""
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
            after_write=after_write,
            revalidation=settings.revalidation(),
            clock=clock,
            window=settings.task_window(),
            per_host=settings.host_window(),
            bounds=bounds,
            budget=budget,
        )
        if not resumed:
            engine.seed()
        with stop_on_signals(engine.stop, settings.max_duration):
            stats = await engine.run()
    return engine, fetcher, stats


@dataclass(frozen=True, slots=True)
class _Run:
    """A crawl run as its summary needs it (requests and bytes of earlier attempts included)."""

    run_id: int
    kind: str
    started: dt.datetime
    fetcher: Fetcher
    earlier_requests: int
    earlier_bytes: int
    engine: Engine
    clock: Clock = _now


def _interrupted(db: sqlite_utils.Database, run: _Run) -> RunSummary:
    """Record a run stopped by a signal or --max-duration: counts so far, no assembly (the
    next run resumes it and assembles everything), exit code 4."""
    summary = _summary(db, run, Assembly()).model_copy(
        update={"status": RunStatus.INTERRUPTED, "exit_code": EXIT_INTERRUPTED}
    )
    finish_run(db, run.run_id, summary)
    log.warning("run %d interrupted: the next run of this source resumes it", run.run_id)
    return summary


def _finish(
    db: sqlite_utils.Database,
    run: _Run,
    complete: bool,
    assemble: Callable[..., Assembly],
) -> RunSummary:
    """The last step of every crawl, in one transaction: assemble the run's records
    (``assemble(complete=...)``), record whether removals were applied, finish the run."""
    with db.atomic():
        assembly = assemble(complete=complete)
        set_removals(db, run.run_id, complete=complete, applied=assembly.removals_applied)
        summary = _summary(db, run, assembly)
        finish_run(db, run.run_id, summary)
    return _with_changes(db, summary)


def _with_changes(db: sqlite_utils.Database, summary: RunSummary) -> RunSummary:
    """The summary with every record the run added, changed or removed (``--json-summary``)."""
    changes = tuple(run_changes(db, summary.run_id))
    return summary.model_copy(update={"changes": changes})


def _summary(db: sqlite_utils.Database, run: _Run, assembly: Assembly) -> RunSummary:
    run_id, started, fetcher = run.run_id, run.started, run.fetcher
    counts = Frontier(db, run_id).counts()
    not_modified = Archive(db).not_modified(run_id)
    failed = counts["failed"] + assembly.failed
    finished = run.clock()
    engine = run.engine
    budget = engine.max_pages or (engine.budget.pages if engine.budget else None)
    policy = revalidation_counts(db, run_id, exclude_kinds=NAVIGATION)
    oldest = policy.oldest_checked_at
    age = (finished.date() - oldest.astimezone(dt.UTC).date()).days if oldest else 0
    return RunSummary(
        run_id=run_id,
        kind=run.kind,
        started_at=started,
        finished_at=finished,
        duration_s=max((finished - started).total_seconds(), 0.0),
        requests=run.earlier_requests + fetcher.stats.requests,
        bytes=run.earlier_bytes + fetcher.stats.bytes_received,
        not_modified=int(not_modified),
        new=assembly.new,
        changed=assembly.changed,
        removed=assembly.removed,
        unchanged=assembly.unchanged,
        failed=failed,
        exit_code=1 if failed else 0,
        stop_reason=engine.stats.stop_reason,
        page_budget=budget,
        dropped_links=dict(engine.bounds.dropped) if engine.bounds else {},
        revalidated=policy.revalidated,
        skipped_by_policy=policy.skipped,
        oldest_revalidation_age_days=max(age, 0),
        out_of_time=fetcher.stats.out_of_time,
        deferred=fetcher.stats.deferred,
        paused_hosts=tuple(sorted(fetcher.stats.paused_hosts)),
    )


# -- OPS ----------------------------------------------------------------------------------


def resolve_ops_sites(
    urls: Sequence[str] = (),
    sites_file: Path | str | None = None,
    bases: Mapping[str, str] | None = None,
    *,
    registry: Registry | None = None,
) -> list[OpsSiteSpec]:
    """The sites of an OPS crawl: one per host of ``urls``, plus the registry's (``registry``,
    else ``sites_file``, else the shipped one when no URL is given), with the sites named in
    ``bases`` moved to those base URLs (see :func:`praktyki.crawl.site_registry.apply_bases`)."""
    sites = sites_from_urls(urls)
    if registry is None and (sites_file is not None or not urls):
        registry = load_registry(Path(sites_file) if sites_file else default_registry_path())
    if registry is not None:
        sites += sites_from_registry(apply_bases(registry, bases or {}))
    elif bases:
        raise ConfigError("--base applies to registry sites: give --sites or no URL")
    if not sites:
        raise ConfigError("no OPS site to crawl: give URLs or a --sites file")
    return sites


def crawl_ops(
    db_path: Path | str,
    urls: Sequence[str] = (),
    *,
    sites_file: Path | str | None = None,
    settings: CrawlSettings | None = None,
    progress: ProgressSink | None = None,
    bases: Mapping[str, str] | None = None,
    registry: Registry | None = None,
) -> RunSummary:
    """Focused crawl (or refresh, or resume) of OPS sites into ``db_path``; see
    :func:`resolve_ops_sites` for which sites and :mod:`praktyki.crawl.ops_strategy` for the
    rules."""
    sites = resolve_ops_sites(urls, sites_file, bases, registry=registry)
    return event_loop.run(crawl_ops_async(db_path, sites, settings, progress=progress))


async def crawl_ops_async(
    db_path: Path | str,
    sites: Sequence[OpsSiteSpec],
    settings: CrawlSettings | None = None,
    *,
    progress: ProgressSink | None = None,
) -> RunSummary:
    """:func:`crawl_ops` over resolved sites, for callers that already run an event loop."""
    settings = settings or CrawlSettings()
    _skip_missing_sniffio_lookups()
    OpsStrategy(sites)  # validates the site set before the lock is taken
    with _store(db_path) as db:
        return await _crawl_ops(db, Path(db_path), list(sites), settings, progress)


async def _crawl_ops(
    db: sqlite_utils.Database,
    db_path: Path,
    sites: list[OpsSiteSpec],
    settings: CrawlSettings,
    progress: ProgressSink | None,
) -> RunSummary:
    key = sites_key(sites)
    run_id, started, resumed = _start_or_resume(db, OPS_STRATEGY, OPS_STRATEGY, key, settings)
    ops_assemble.record_run_sites(db, run_id, sites)
    hosts = {site.host: site.name for site in sites}
    admitted = {url: hosts.get(urlsplit(url).netloc, "") for url in Frontier(db, run_id).urls()}
    strategy = OpsStrategy(sites, admitted=admitted)
    earlier_requests, earlier_bytes = _archived_so_far(db, run_id)
    worker = AssemblyWorker(db_path, run_id, OPS_STRATEGY, read_until_finished, what="(read)")
    launcher = None
    if settings.assembly_worker:
        launcher = WorkerLauncher(
            db,
            worker,
            min_fetched=settings.worker_min_pages,
            kinds=["page"],
            after_navigation=False,
        )
    try:
        engine, fetcher, stats = await _run_engine(
            db, run_id, strategy, settings, progress, resumed, after_write=launcher
        )
        if not stats.interrupted:
            worker.finish()  # its last round: every page done by now that it has not read
    finally:
        worker.stop()
    run = _Run(run_id, OPS_STRATEGY, started, fetcher, earlier_requests, earlier_bytes, engine)
    if stats.interrupted:
        forget_readings(db, run_id)  # the resumed run reads its pages again
        return _interrupted(db, run)
    unfinished = {
        urlsplit(url).netloc for url in Frontier(db, run_id).urls(kind="page", open_only=True)
    }

    def assemble(*, complete: bool) -> Assembly:
        # removals per site: each one's own crawl decides (the run-wide flag is recorded only)
        for site in sites:
            done = not (stats.cut or site.host in unfinished or strategy.budget_spent(site.name))
            if not done:
                log.warning("site %s: crawl incomplete, no removals", site.name)
            ops_assemble.set_site_complete(db, run_id, site.name, complete=done)
        assembly = ops_assemble.assemble_ops(db, run_id, OPS_STRATEGY, complete=True)
        forget_readings(db, run_id)
        return assembly

    summary = _finish(db, run, engine.complete(), assemble)
    log.info(
        "run %d: %d pages fetched here over %d sites, %d skipped by robots.txt",
        run_id,
        stats.fetched,
        len(sites),
        stats.skipped_robots,
    )
    return summary


# -- reparse ------------------------------------------------------------------------------


#: Strategy → (the dataset tables its runs fill, how one run is assembled again).
REPLAYERS: dict[str, tuple[WipeKind, Callable[..., Assembly]]] = {
    STRATEGY: ("bdp", functools.partial(assemble_bdp, replay=True)),
    OPS_STRATEGY: ("ops", ops_assemble.assemble_ops),
}


def reparse(db_path: Path | str) -> RunSummary:
    """Rebuild the dataset tables from the archive, replaying every finished crawl run in
    order (removals where the run applied them); no network. One transaction."""
    with _store(db_path) as db:
        started = _now()
        run_id = begin_run(db, kind="reparse", options={}, started_at=started)
        total = Assembly()
        with db.atomic():
            for strategy, (tables, assemble) in REPLAYERS.items():
                wipe(db, tables)
                for run in finished_crawl_runs(db, strategy):
                    total.add(assemble(db, run.run_id, run.source, complete=run.removals_applied))
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
        return _with_changes(db, summary)


# -- demo ---------------------------------------------------------------------------------
