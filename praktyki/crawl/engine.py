"""The generic crawl loop: frontier → fetch → archive + discovery → frontier, one URL at a time.

A :class:`Strategy` knows a site (seeds, allowed hosts, what each page links to, how to turn
the archive into dataset rows); the :class:`Engine` knows none of that. For each claimed
frontier item a worker:

1. asks for validators (``ETag`` / ``Last-Modified`` of the URL's latest archived 2xx) when
   the strategy wants a conditional GET for that item;
2. fetches with the shared :class:`~praktyki.scraper.fetch.Fetcher` (per-host limiter,
   robots.txt, retries, size limits);
3. runs discovery on the body, drops links robots.txt disallows (counted as skipped, never
   queued). On a 304 the links are those the strategy found in the same archived body before
   (table ``crawl_links``, keyed by URL, body hash, kind and the strategy's
   ``discovery_version``: links are a pure function of those), so a 304 costs no
   decompression and no parse; without a cached entry (or a ``discovery_version``) the
   latest archived 2xx body is read and discovered again;
4. hands the outcome to the writer, which stores outcomes in small groups, each in ONE
   transaction: archive the responses (or failures) and the robots.txt answers the fetcher
   read meanwhile, queue the new links, mark the items done or failed. A group is written
   when it holds ``batch_size`` outcomes, when its oldest
   is ``batch_seconds`` old, or when the frontier has nothing else to hand out. So a killed
   run loses at most the pages in flight and the unwritten group, all still ``in_progress``
   in the frontier, which :meth:`~praktyki.store.frontier.Frontier.recover` puts back.

With a revalidation policy (:mod:`praktyki.crawl.revalidate`) an item the strategy gives a
``revalidation_key`` and that is not due is not fetched: the archived body stands (the item
is marked done with no status and that body's archive id) and its links are the archived
body's, as on a 304. Links carry ``forced`` (due whatever the schedule) from the page that
found them: a forced page's links are forced, and so is a link whose ``fingerprint`` (what
the linking page says about it, e.g. a listing entry's title) differs from the one recorded
when its URL was last fetched.

Bounds (:mod:`praktyki.crawl.bounds`): links past the URL-pattern or depth limits are
dropped before they are queued, and claiming stops at ``max_pages`` or, without it, at the
derived page budget (the run is then "cut": partial, no removals). :meth:`Engine.stop` (a
signal, ``--max-duration``) stops claiming at once: the in-flight fetches are cancelled and
their items put back to pending, the outcomes already in hand are written, and the run can be
resumed where it stopped.

When the frontier runs dry, items that failed for a transient reason (transport errors,
exhausted 5xx/429, a redirect off the site or a redirect loop — the kinds of failure a later
attempt can cure) are queued again, up to ``extra_passes`` times. Persistent failures stay
recorded with their reason in the frontier and the archive.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import re
import time
from collections import Counter, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

import sqlite_utils

from praktyki.crawl.bounds import LinkBounds, PageBudget
from praktyki.crawl.revalidate import RevalidationPolicy
from praktyki.errors import FetchError, ParseError, StorageError
from praktyki.schemas.archive import FetchedResponse, FrontierItem
from praktyki.scraper.fetch import Fetcher
from praktyki.scraper.urls import Allowlist
from praktyki.store.archive import Archive
from praktyki.store.crawl_runs import immediate_transaction
from praktyki.store.frontier import Frontier
from praktyki.store.links import cached_links, store_links
from praktyki.store.revalidation import (
    Freshness,
    freshness,
    record_fingerprints,
    recorded_fingerprints,
)

__all__ = [
    "Engine",
    "EngineStats",
    "Link",
    "Page",
    "ProgressSink",
    "StopReason",
    "Strategy",
    "is_transient",
]

log = logging.getLogger(__name__)

#: With a wide window, how long an unwritten link may wait while the frontier has nothing.
FLUSH_SECONDS = 0.1
#: After a short per-host claim, the pause before the frontier is scanned again.
CLAIM_PAUSE_SECONDS = 0.25

# Failures a later attempt may cure (the error text is "ClassName: reason", as archived).
# Not among them: a redirect loop (both hops answered: the site is built that way), an
# OutOfTime URL (it already spent its whole request-time budget on a hung or dripping
# server). HostPaused is: while the host stays paused its pages fail at once, without a
# request, and a resumed run (a new process) tries them again.
_TRANSIENT = re.compile(
    r"^(TransportError:|HTTPStatusError: HTTP (408|429|5\d\d)\b|OffAllowlist: redirect"
    r"|HostPaused:)"
)


def is_transient(error: str | None) -> bool:
    """Whether a recorded failure (``"ClassName: reason"``) is worth another pass."""
    return bool(error and _TRANSIENT.match(error))


class StopReason:
    """Why a run stopped before its frontier ran dry (``RunSummary.stop_reason``)."""

    MAX_PAGES = "max_pages"  # --max-pages: partial, finished
    PAGE_BUDGET = "page_budget"  # the derived page budget: partial, finished
    SIGNAL = "signal"  # SIGINT / SIGTERM: resumable
    MAX_DURATION = "max_duration"  # --max-duration: resumable

    #: Reasons that leave the run unfinished, for the next run to resume.
    RESUMABLE = frozenset({SIGNAL, MAX_DURATION})


@dataclass(frozen=True, slots=True)
class Link:
    """A URL found on a page: canonical, allowed, with the kind the strategy will parse it as."""

    url: str
    kind: str
    priority: int = 0
    depth: int = 0  # link distance from a seed, kept in the frontier (strategies may use it)
    fingerprint: str | None = None  # what the linking page says about it (a listing title)
    forced: bool = False  # due whatever the revalidation schedule (set by the engine)


@dataclass(frozen=True, slots=True)
class Page:
    """What discovery reads: the body that answers for ``url`` now (a 304's is the archived one)."""

    url: str
    status: int
    body: bytes
    content_type: str | None


class Strategy(Protocol):
    """What the engine needs to know about a site."""

    @property
    def allowlist(self) -> Allowlist: ...

    @property
    def aliases(self) -> Mapping[str, str]: ...

    def seeds(self) -> Sequence[Link]:
        """Where a new run starts."""
        ...

    def wants_validators(self, item: FrontierItem) -> bool:
        """Whether ``item`` is fetched conditionally (navigation pages never are)."""
        ...

    def discover(self, item: FrontierItem, page: Page) -> Sequence[Link]:
        """Links to queue from ``page`` (may raise :class:`ParseError` for a broken page)."""
        ...

    def is_navigation(self, kind: str) -> bool:
        """Pages that must all be fetched for the run's discovery to be complete."""
        ...

    # Optional: ``same_level_kinds: frozenset[str]``, kinds whose links to a page of their own
    # kind add no depth (pagination of a listing).
    # Optional: a ``discovery_version: str`` attribute says that ``discover`` is a pure
    # function of (item URL, kind, body bytes) for that version, so the engine may reuse
    # the links of an archived body on a 304. Strategies without it are always re-run.
    # Optional: ``revalidation_key(item) -> str | None`` puts an item under the revalidation
    # policy (items of one key share a schedule slot); without it every item is fetched.


class ProgressSink(Protocol):
    """Receives the engine's counts as it goes (a progress bar, periodic log lines):
    ``known`` URLs queued so far, ``expected`` the pages the run should come to when the
    site announces it (None when only the frontier's growth tells)."""

    def update(
        self, *, done: int, failed: int, known: int, expected: int | None = None
    ) -> None: ...


@dataclass(slots=True)
class EngineStats:
    """What the engine did in this process (a resumed run adds to what its frontier holds)."""

    fetched: int = 0
    failed: int = 0
    not_modified: int = 0
    skipped_by_policy: int = 0
    skipped_robots: int = 0
    dropped_offsite: int = 0
    passes: int = 0
    cut: bool = False
    stop_reason: str | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def interrupted(self) -> bool:
        """Stopped by a signal or the wall-clock limit: the run is to be resumed."""
        return self.stop_reason in StopReason.RESUMABLE


@dataclass(slots=True)
class _Outcome:
    """One claimed item's result, waiting to be written."""

    item: FrontierItem
    response: FetchedResponse | None = None
    links: Sequence[Link] = ()
    error: str | None = None
    fetch_error: FetchError | None = None
    cache_key: tuple[str, str, str, str] | None = None  # (url, sha256, kind, version) to store
    sha256: str | None = None  # of the body, when already computed
    stands_on: int | None = None  # skipped by the policy: the archived body that stands


class Engine:
    """Runs one run's frontier to exhaustion (or ``max_pages``); see the module docstring."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        run_id: int,
        strategy: Strategy,
        fetcher: Fetcher,
        *,
        concurrency: int = 4,
        max_pages: int | None = None,
        extra_passes: int = 2,
        progress: ProgressSink | None = None,
        batch_size: int = 32,
        batch_seconds: float = 1.0,
        after_write: Callable[[], None] | None = None,
        revalidation: RevalidationPolicy | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        window: int | None = None,
        per_host: int | None = None,
        bounds: LinkBounds | None = None,
        budget: PageBudget | None = None,
    ) -> None:
        self.db = db
        self.run_id = run_id
        self.strategy = strategy
        self.fetcher = fetcher
        self.archive = Archive(db, compress_level=1)
        # One claim per pass: the engine's passes, not the frontier, decide on another try.
        self.frontier = Frontier(db, run_id, max_attempts=1)
        self.concurrency = concurrency
        # items worked on at once (most may wait for their host's turn in the fetcher)
        self.window = max(window or concurrency, concurrency)
        # URLs one host may have in hand (None: no cap); see Frontier.claim
        self.per_host = per_host
        self._held: Counter[str] = Counter()  # host → URLs claimed and not yet collected
        self._claim_after = 0.0  # (monotonic) no fair claim before, while URLs are in hand
        self.max_pages = max_pages
        self.extra_passes = extra_passes
        self.progress = progress
        self.batch_size = max(1, batch_size)
        self.batch_seconds = batch_seconds
        self.after_write = after_write
        self.bounds = bounds
        self.budget = budget
        self.stats = EngineStats()
        self._stop = asyncio.Event()
        self._earlier = 0
        self._same_level: frozenset[str] = getattr(strategy, "same_level_kinds", frozenset())
        self._claimed = 0
        self._queue: deque[FrontierItem] = deque()
        self._unwritten: list[_Outcome] = []
        self._oldest = 0.0
        self._version: str | None = getattr(strategy, "discovery_version", None)
        self.revalidation = revalidation
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._key_of: Callable[[FrontierItem], str | None] | None = getattr(
            strategy, "revalidation_key", None
        )
        self._announced: tuple[int, int] | None = None  # (known, announced) for progress

    def seed(self) -> None:
        """Queue the strategy's seeds (idempotent: known URLs are ignored)."""
        with self.db.atomic():
            for link in self.strategy.seeds():
                self.frontier.add(
                    link.url, kind=link.kind, priority=link.priority, depth=link.depth
                )

    async def run(self) -> EngineStats:
        recovered = self.frontier.recover()
        if recovered:
            log.info(
                "run %d: %d pages in flight when it stopped are queued again",
                self.run_id,
                recovered,
            )
        counts = self.frontier.counts()
        self._done = counts["done"]
        self._failed = counts["failed"]
        self._known = sum(counts.values())
        self._earlier = self._done + self._failed  # a resumed run's budget counts them
        if self.bounds is not None:
            self.bounds.prime(self.frontier.urls())
        await self._pass()
        for _ in range(self.extra_passes):
            if self.stats.cut or not self._requeue_transient():
                break
            self.stats.passes += 1
            await self._pass()
        self._report(finished=True)
        return self.stats

    def stop(self, reason: str) -> None:
        """Stop claiming; the current pass writes what it has and puts in-flight pages back."""
        if not self.stats.interrupted:
            log.warning("stopping (%s): writing what was fetched; the next run resumes", reason)
            self.stats.stop_reason = reason
        self.stats.cut = True
        self._stop.set()

    def complete(self) -> bool:
        """Whether discovery saw everything: not cut short, no link dropped by a URL limit
        (it may have led to records), every navigation page fetched."""
        if self.stats.cut or (self.bounds is not None and self.bounds.dropped):
            return False
        return not any(self.strategy.is_navigation(kind) for kind in self.frontier.open_kinds())

    async def _pass(self) -> None:
        in_flight: set[asyncio.Task[_Outcome]] = set()
        self._held.clear()  # nothing is in hand between passes
        # finished tasks arrive here (None: asked to stop): O(1) per completion, where
        # asyncio.wait over a wide window of tasks waiting for their hosts' turns costs
        # O(window) each time
        finished: asyncio.Queue[asyncio.Task[_Outcome] | None] = asyncio.Queue()
        stopping = asyncio.ensure_future(self._stop.wait())
        stopping.add_done_callback(lambda _: finished.put_nowait(None))
        try:
            while not self._stop.is_set():
                room = self.window - len(in_flight)
                if room > 0 and (self._queue or not self.stats.cut):
                    items = self._claim(room)
                    if self._unwritten and self._lacking(room, len(items), len(in_flight)):
                        # the frontier ran short: the unwritten links may be what it lacks
                        self._write()
                        items += self._claim(room - len(items))
                    for item in items:
                        task = asyncio.create_task(self._process(item))
                        task.add_done_callback(finished.put_nowait)
                        in_flight.add(task)
                if not in_flight:
                    if not self._unwritten:
                        return
                    self._write()
                    continue
                done = [await finished.get()]
                while not finished.empty():
                    done.append(finished.get_nowait())
                for task in filter(None, done):
                    in_flight.discard(task)
                    self._collect(task.result())  # a storage error stops the run (resumable)
                if len(self._unwritten) >= self.batch_size or (
                    self._unwritten and time.monotonic() - self._oldest >= self.batch_seconds
                ):
                    self._write()
        finally:
            stopping.cancel()
            for task in in_flight:
                task.cancel()
        if self._stop.is_set():
            await asyncio.gather(*in_flight, return_exceptions=True)
            self._stop_cleanly()

    def _stop_cleanly(self) -> None:
        """Write the outcomes in hand; claimed but unfinished pages back to pending."""
        if self._unwritten:
            self._write()
        self._queue.clear()
        with immediate_transaction(self.db):
            requeued = self.frontier.recover()
        if requeued:
            log.info("run %d: %d pages in flight are queued again", self.run_id, requeued)

    def _lacking(self, room: int, claimed: int, in_flight: int) -> bool:
        """Whether the frontier ran short and the unwritten outcomes should be written now:
        at once when fewer than ``concurrency`` URLs are being worked on; with a wide window
        (many hosts waiting for their turns) once the oldest is ``FLUSH_SECONDS`` old, so that
        a host's next link waits that long at most, not a whole batch."""
        if claimed >= room:
            return False
        if in_flight + claimed < self.concurrency:
            return True
        return time.monotonic() - self._oldest >= FLUSH_SECONDS

    def _claim(self, room: int) -> list[FrontierItem]:
        if len(self._queue) < room:
            self._queue.extend(self._claim_from_frontier(max(room, self.concurrency * 2)))
        return [self._queue.popleft() for _ in range(min(room, len(self._queue)))]

    def _claim_from_frontier(self, room: int) -> list[FrontierItem]:
        room, reason = self._room(room)
        if room <= 0:
            if self._unwritten:
                self._write()  # their links decide whether anything is left pending
            self.stats.cut = self.frontier.counts()["pending"] > 0
            if self.stats.cut and reason and self.stats.stop_reason is None:
                self.stats.stop_reason = reason
                self._warn_cut(reason)
            return []
        if self._held and time.monotonic() < self._claim_after:
            return []  # the last claim came back short: hosts free up one turn at a time
        with immediate_transaction(self.db):  # claim reads, then writes
            items = self.frontier.claim(room, per_host=self.per_host, load=self._held)
        self._claimed += len(items)
        if self.per_host is not None:
            self._held.update(_host(item.url) for item in items)
            if len(items) < room:
                # every host with pending URLs has its share in hand: what frees up next is one
                # host's turn at a time, not worth a scan of the whole frontier each time
                self._claim_after = time.monotonic() + CLAIM_PAUSE_SECONDS
        return items

    def _room(self, room: int) -> tuple[int, str]:
        """How many more pages may be claimed now, and which limit says so."""
        if self.max_pages is not None:
            return min(room, self.max_pages - self._claimed), StopReason.MAX_PAGES
        if self.budget is not None:
            fetched = self._earlier + self._claimed
            if fetched + room > self.budget.pages and self._unwritten:
                self._write()  # the links in hand count in the estimate
            self.budget.allows(fetched + room - 1)  # re-estimated when reached
            return min(room, self.budget.pages - fetched), StopReason.PAGE_BUDGET
        return room, ""

    def _warn_cut(self, reason: str) -> None:
        if reason == StopReason.MAX_PAGES:
            log.info("stopping after %d pages (--max-pages)", self._claimed)
        elif self.budget is not None:
            log.warning(
                "page budget reached: %d pages (%gx what the site announces, at most %s); "
                "the run is partial (no removals); give --max-pages to crawl further",
                self.budget.pages,
                self.budget.bounds.headroom,
                self.budget.bounds.hard_cap,
            )

    async def _process(self, item: FrontierItem) -> _Outcome:
        standing = self._not_due(item)
        if standing is not None:
            return await self._skip(item, standing)
        previous = None
        if self.strategy.wants_validators(item):
            previous = self.archive.validators(item.url) or ({}, None)
        headers = previous[0] if previous else {}
        try:
            response = await self.fetcher.fetch(
                item.url, etag=headers.get("etag"), last_modified=headers.get("last-modified")
            )
        except FetchError as exc:
            return _Outcome(item, error=f"{type(exc).__name__}: {exc.reason}", fetch_error=exc)
        outcome = _Outcome(item, response)
        try:
            outcome.links = self._discover(item, response, previous, outcome)
        except (ParseError, StorageError) as exc:
            return _unusable(outcome, f"{type(exc).__name__}: {exc.reason}")
        except Exception as exc:  # a page can fail, a run cannot: recorded on the page
            log.exception("discovery failed on %s", item.url)
            return _unusable(outcome, f"internal error: {type(exc).__name__}: {exc}")
        outcome.links = self._forced(item, outcome.links)
        outcome.links = self._bounded(item, await self._robots_filter(outcome.links))
        return outcome

    def _not_due(self, item: FrontierItem) -> Freshness | None:
        """The archived state of ``item`` when the policy lets it stand, else None (fetch)."""
        if self.revalidation is None or self._key_of is None or item.forced:
            return None
        key = self._key_of(item)
        if key is None:
            return None
        fresh = freshness(self.db, item.url)
        if fresh is None or self.revalidation.due(key, fresh.checked_at, self.clock()):
            return None
        return fresh

    async def _skip(self, item: FrontierItem, standing: Freshness) -> _Outcome:
        """``item`` not fetched: its archived body stands, its links are that body's."""
        outcome = _Outcome(item, stands_on=standing.body_id)
        try:
            links = self._archived_links(item, standing.sha256, outcome)
        except (ParseError, StorageError) as exc:
            # a body we cannot read is no body to stand on: fetch the page after all
            log.warning("cannot reuse the archived %s (%s): fetching it", item.url, exc)
            return await self._process(item.model_copy(update={"forced": True}))
        links = await self._robots_filter(self._forced(item, links))
        outcome.links = self._bounded(item, links)
        return outcome

    def _forced(self, item: FrontierItem, links: Sequence[Link]) -> list[Link]:
        """``links`` with ``forced`` set: all of a forced page's, and those whose fingerprint
        differs from the one recorded when their URL was last fetched (or has none)."""
        if item.forced:
            return [_force(link) for link in links]
        printed = [link.url for link in links if link.fingerprint is not None]
        if not printed:
            return list(links)
        recorded = recorded_fingerprints(self.db, printed)
        return [
            _force(link)
            if link.fingerprint is not None and recorded.get(link.url) != link.fingerprint
            else link
            for link in links
        ]

    def _bounded(self, item: FrontierItem, links: Sequence[Link]) -> list[Link]:
        """The links with their depth from the seeds, within the URL-pattern limits."""
        kept = []
        for link in links:
            same_level = link.kind == item.kind and link.kind in self._same_level
            depth = item.depth + (0 if same_level else 1)
            if self.bounds is None or self.bounds.admit(depth, link.url):
                kept.append(dataclasses.replace(link, depth=depth))
        return kept

    def _discover(
        self,
        item: FrontierItem,
        response: FetchedResponse,
        previous: tuple[dict[str, str], str | None] | None,
        outcome: _Outcome,
    ) -> Sequence[Link]:
        """Links on the page; a 304's come from the link cache when it has them."""
        version = self._version
        if response.status == 304:
            return self._archived_links(item, previous[1] if previous else None, outcome)
        page = Page(response.url, response.status, response.body, response.content_type)
        links = list(self.strategy.discover(item, page))
        # kept for the next run's 304 (only items fetched conditionally can get one)
        if version is not None and 200 <= response.status < 300 and previous is not None:
            outcome.sha256 = hashlib.sha256(response.body).hexdigest()
            outcome.cache_key = (item.url, outcome.sha256, item.kind, version)
        return links

    def _archived_links(self, item: FrontierItem, sha: str | None, outcome: _Outcome) -> list[Link]:
        """The links of ``item``'s archived body (``sha``): cached, else discovered again."""
        version = self._version
        if version is not None and sha:
            cached = self._cached_links(item, sha, version)
            if cached is not None:
                return cached
        links = list(self.strategy.discover(item, self._archived_page(item.url)))
        if version is not None and sha:
            outcome.cache_key = (item.url, sha, item.kind, version)
        return links

    def _cached_links(self, item: FrontierItem, sha: str, version: str) -> list[Link] | None:
        links = cached_links(self.db, (item.url, sha, item.kind, version))
        if links is None:
            return None
        return [Link(*fields) for fields in json.loads(links)]

    def _collect(self, outcome: _Outcome) -> None:
        if self.per_host is not None:
            host = _host(outcome.item.url)
            self._held[host] -= 1
            if self._held[host] <= 0:
                del self._held[host]
        if not self._unwritten:
            self._oldest = time.monotonic()
        self._unwritten.append(outcome)

    def _write(self) -> None:
        """Store the unwritten outcomes in one transaction, then count them."""
        outcomes, self._unwritten = self._unwritten, []
        now = dt.datetime.now(dt.UTC)
        done: list[tuple[str, int | None, int | None]] = []
        prints: list[tuple[str, str, int]] = []
        with immediate_transaction(self.db):
            for outcome in outcomes:
                item, response, error = outcome.item, outcome.response, outcome.error
                if outcome.stands_on is not None:
                    self._add_links(outcome)
                    done.append((item.url, None, outcome.stands_on))
                    continue
                if outcome.fetch_error is not None or response is None:
                    if outcome.fetch_error is not None:
                        self.archive.put_failure(item.url, outcome.fetch_error, self.run_id, now)
                    self.frontier.failed(item.url, error=error or "no response", retryable=False)
                    continue
                archive_id = self.archive.put(response, self.run_id, sha256=outcome.sha256)
                if outcome.error is not None:
                    self._store_unusable(item, response, archive_id, outcome.error)
                    continue
                self._add_links(outcome)
                done.append((item.url, response.status, archive_id))
                if item.fingerprint is not None:
                    prints.append((item.url, item.fingerprint, self.run_id))
            self.frontier.done_many(done)
            record_fingerprints(self.db, prints)
            self._archive_robots(now)
        for outcome in outcomes:
            if outcome.stands_on is not None:
                self.stats.skipped_by_policy += 1
                self._done += 1
            elif outcome.error is not None:
                log.warning("failed %s: %s", outcome.item.url, outcome.error)
                self.stats.failed += 1
                self._failed += 1
            elif outcome.response is not None:
                self.stats.fetched += 1
                self.stats.not_modified += outcome.response.status == 304
                self._done += 1
        self._report()
        if self.after_write is not None:
            self.after_write()

    def _add_links(self, outcome: _Outcome) -> None:
        if outcome.cache_key is not None:
            self._store_links(outcome)
        parent = outcome.item.url
        self._known += self.frontier.add_many(
            [
                (ln.url, ln.kind, ln.depth, ln.priority, parent, ln.forced, ln.fingerprint)
                for ln in outcome.links
            ]
        )

    def _archive_robots(self, now: dt.datetime) -> None:
        """robots.txt is archived like any response (a replay and a reader need it too)."""
        for fetched in self.fetcher.take_robots():
            if isinstance(fetched, FetchError):
                url = fetched.url or "robots.txt"
                self.archive.put_failure(url, fetched, self.run_id, now)
            else:
                self.archive.put(fetched, self.run_id)

    def _store_unusable(
        self, item: FrontierItem, response: FetchedResponse, archive_id: int, error: str
    ) -> None:
        """A response that arrived but cannot be used for discovery: archived, item failed."""
        self.frontier.failed(item.url, error=error, retryable=False)
        self.frontier.set_outcome(item.url, status=response.status, archive_id=archive_id)

    def _store_links(self, outcome: _Outcome) -> None:
        assert outcome.cache_key is not None
        links = json.dumps(
            [[ln.url, ln.kind, ln.priority, ln.depth, ln.fingerprint] for ln in outcome.links]
        )
        store_links(self.db, outcome.cache_key, links)

    async def _robots_filter(self, links: Sequence[Link]) -> list[Link]:
        kept = []
        for link in links:
            if await self.fetcher.allowed_by_robots(link.url):
                kept.append(link)
            else:
                self.stats.skipped_robots += 1
        return kept

    def _archived_page(self, url: str) -> Page:
        """The latest archived 2xx body of ``url`` (a 304's, a skipped page's), as discovery
        reads it."""
        latest = self.archive.latest_body(url)
        if latest is None:
            raise StorageError("304 Not Modified but no earlier body is archived", url=url)
        content_type, body = latest
        return Page(url, 200, body, content_type)

    def _requeue_transient(self) -> int:
        urls = [url for url, error in self.frontier.failures() if is_transient(error)]
        if urls:
            log.info("trying %d pages that failed transiently once more", len(urls))
            with immediate_transaction(self.db):
                self.frontier.requeue(urls)
            self._failed -= len(urls)
        return len(urls)

    def _report(self, *, finished: bool = False) -> None:
        if self.progress is None:
            return
        # once the run is over, the pages it handled are all it comes to (a full bar)
        expected = self._done + self._failed if finished else self._expected()
        self.progress.update(
            done=self._done, failed=self._failed, known=self._known, expected=expected
        )

    def _expected(self) -> int | None:
        """What the site announces (the page budget's estimate: a frontier query by kind, so
        re-read only when URLs were queued), within --max-pages and the budget's hard cap; None
        without a page budget (OPS: its per-site budgets cap the crawl but announce nothing)."""
        if self.budget is None:
            return None
        if self._announced is None or self._announced[0] != self._known:
            self._announced = (self._known, self.budget.estimate())
        caps = [self.budget.bounds.hard_cap]
        if self.max_pages is not None:
            caps.append(self._earlier + self.max_pages)
        return min([self._announced[1], *(cap for cap in caps if cap is not None)])


def _host(url: str) -> str:
    return urlsplit(url).netloc


def _force(link: Link) -> Link:
    return link if link.forced else dataclasses.replace(link, forced=True)


def _unusable(outcome: _Outcome, error: str) -> _Outcome:
    """``outcome`` as a response that arrived but gave no links: archived, its item failed."""
    outcome.error = error
    outcome.links = ()
    outcome.cache_key = None
    return outcome
