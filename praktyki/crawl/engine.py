"""The generic crawl loop: frontier → fetch → archive + discovery → frontier, one URL at a time.

A :class:`Strategy` knows a site (seeds, allowed hosts, what each page links to, how to turn
the archive into dataset rows); the :class:`Engine` knows none of that. For each claimed
frontier item a worker:

1. asks for validators (``ETag`` / ``Last-Modified`` of the URL's latest archived 2xx) when
   the strategy wants a conditional GET for that item;
2. fetches with the shared :class:`~praktyki.scraper.fetch.Fetcher` (per-host limiter,
   robots.txt, retries, size limits);
3. runs discovery on the body (on a 304: the latest archived 2xx body of the URL), drops
   links robots.txt disallows (counted as skipped, never queued);
4. in ONE transaction: archives the response (or the failure), queues the new links and
   marks the item done or failed — so a killed run loses at most the pages in flight, which
   :meth:`~praktyki.scraper.frontier.Frontier.recover` puts back.

When the frontier runs dry, items that failed for a transient reason (transport errors,
exhausted 5xx/429, a redirect off the site or a redirect loop — the kinds of failure a later
attempt can cure) are queued again, up to ``extra_passes`` times. Persistent failures stay
recorded with their reason in the frontier and the archive.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import sqlite_utils

from praktyki.errors import FetchError, ParseError, StorageError
from praktyki.schemas.archive import FetchedResponse, FrontierItem
from praktyki.scraper.archive import Archive
from praktyki.scraper.fetch import Fetcher
from praktyki.scraper.frontier import Frontier
from praktyki.scraper.urls import Allowlist

__all__ = [
    "Engine",
    "EngineStats",
    "Link",
    "Page",
    "ProgressSink",
    "Strategy",
    "is_transient",
]

log = logging.getLogger(__name__)

# Failures a later attempt may cure (the error text is "ClassName: reason", as archived).
_TRANSIENT = re.compile(
    r"^(TransportError:|HTTPStatusError: HTTP (408|429|5\d\d)\b|OffAllowlist: redirect"
    r"|RedirectError: redirect loop)"
)
_OK = "r.status BETWEEN 200 AND 299 AND r.error IS NULL"


def is_transient(error: str | None) -> bool:
    """Whether a recorded failure (``"ClassName: reason"``) is worth another pass."""
    return bool(error and _TRANSIENT.match(error))


@dataclass(frozen=True, slots=True)
class Link:
    """A URL found on a page: canonical, allowed, with the kind the strategy will parse it as."""

    url: str
    kind: str
    priority: int = 0
    depth: int = 0  # link distance from a seed, kept in the frontier (strategies may use it)


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


class ProgressSink(Protocol):
    """Receives the engine's counts as it goes (a progress bar, periodic log lines)."""

    def update(self, *, done: int, failed: int, known: int) -> None: ...


@dataclass(slots=True)
class EngineStats:
    """What the engine did in this process (a resumed run adds to what its frontier holds)."""

    fetched: int = 0
    failed: int = 0
    not_modified: int = 0
    skipped_robots: int = 0
    dropped_offsite: int = 0
    passes: int = 0
    cut: bool = False
    errors: list[str] = field(default_factory=list)


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
    ) -> None:
        self.db = db
        self.run_id = run_id
        self.strategy = strategy
        self.fetcher = fetcher
        self.archive = Archive(db, compress_level=1)
        # One claim per pass: the engine's passes, not the frontier, decide on another try.
        self.frontier = Frontier(db, run_id, max_attempts=1)
        self.concurrency = concurrency
        self.max_pages = max_pages
        self.extra_passes = extra_passes
        self.progress = progress
        self.stats = EngineStats()
        self._claimed = 0

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
        await self._pass()
        for _ in range(self.extra_passes):
            if self.stats.cut or not self._requeue_transient():
                break
            self.stats.passes += 1
            await self._pass()
        self._report()
        return self.stats

    def complete(self) -> bool:
        """Whether discovery saw everything: not cut short, every navigation page fetched."""
        if self.stats.cut:
            return False
        rows = self.db.execute(
            "SELECT kind, state FROM frontier WHERE run_id = ? AND state != 'done'",
            [self.run_id],
        ).fetchall()
        return not any(self.strategy.is_navigation(kind) for kind, _ in rows)

    async def _pass(self) -> None:
        in_flight: set[asyncio.Task[None]] = set()
        while True:
            room = self.concurrency - len(in_flight)
            if room > 0 and not self.stats.cut:
                for item in self._claim(room):
                    in_flight.add(asyncio.create_task(self._process(item)))
            if not in_flight:
                return
            done, in_flight = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()  # a storage error stops the run (it stays resumable)

    def _claim(self, room: int) -> list[FrontierItem]:
        if self.max_pages is not None:
            room = min(room, self.max_pages - self._claimed)
            if room <= 0:
                self.stats.cut = self.frontier.counts()["pending"] > 0
                if not self.stats.cut:
                    return []
                log.info("stopping after %d pages (--max-pages)", self._claimed)
                return []
        items = self.frontier.claim(room)
        self._claimed += len(items)
        return items

    async def _process(self, item: FrontierItem) -> None:
        etag, modified = (
            self._validators(item) if self.strategy.wants_validators(item) else (None, None)
        )
        try:
            response = await self.fetcher.fetch(item.url, etag=etag, last_modified=modified)
        except FetchError as exc:
            self._record_failure(item, exc)
            return
        try:
            page = self._page(response)
            links = list(self.strategy.discover(item, page))
        except (ParseError, StorageError) as exc:
            self._record_unusable(item, response, exc)
            return
        links = await self._robots_filter(links)
        with self.db.atomic():
            archive_id = self.archive.put(response, self.run_id)
            for link in links:
                if self.frontier.add(
                    link.url,
                    kind=link.kind,
                    priority=link.priority,
                    depth=link.depth,
                    parent=item.url,
                ):
                    self._known += 1
            self.frontier.done(item.url, status=response.status, archive_id=archive_id)
        self.stats.fetched += 1
        self.stats.not_modified += response.status == 304
        self._done += 1
        self._report()

    def _record_failure(self, item: FrontierItem, exc: FetchError) -> None:
        error = f"{type(exc).__name__}: {exc.reason}"
        log.warning("failed %s: %s", item.url, error)
        with self.db.atomic():
            self.archive.put_failure(item.url, exc, self.run_id, dt.datetime.now(dt.UTC))
            self.frontier.failed(item.url, error=error, retryable=False)
        self._count_failure(error)

    def _record_unusable(
        self, item: FrontierItem, response: FetchedResponse, exc: Exception
    ) -> None:
        """A response that arrived but cannot be used for discovery: archived, item failed."""
        error = f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"
        log.warning("cannot read %s: %s", item.url, error)
        with self.db.atomic():
            archive_id = self.archive.put(response, self.run_id)
            self.frontier.failed(item.url, error=error, retryable=False)
            self.db.execute(
                "UPDATE frontier SET status = ?, archive_id = ? WHERE run_id = ? AND url = ?",
                [response.status, archive_id, self.run_id, item.url],
            )
        self._count_failure(error)

    def _count_failure(self, error: str) -> None:
        self.stats.failed += 1
        self._failed += 1
        self._report()

    async def _robots_filter(self, links: list[Link]) -> list[Link]:
        kept = []
        for link in links:
            if await self.fetcher.allowed_by_robots(link.url):
                kept.append(link)
            else:
                self.stats.skipped_robots += 1
        return kept

    def _validators(self, item: FrontierItem) -> tuple[str | None, str | None]:
        row = self.db.execute(
            f"SELECT r.headers FROM archive_responses r WHERE r.url = ? AND {_OK} "  # noqa: S608
            "ORDER BY r.id DESC LIMIT 1",
            [item.url],
        ).fetchone()
        if row is None:
            return None, None
        headers = {str(k).lower(): str(v) for k, v in json.loads(row[0])}
        return headers.get("etag"), headers.get("last-modified")

    def _page(self, response: FetchedResponse) -> Page:
        if response.status != 304:
            return Page(response.url, response.status, response.body, response.content_type)
        row = self.db.execute(
            "SELECT r.content_type, b.data FROM archive_responses r "  # noqa: S608 - constant
            f"JOIN archive_blobs b ON b.sha256 = r.body_sha256 WHERE r.url = ? AND {_OK} "
            "ORDER BY r.id DESC LIMIT 1",
            [response.url],
        ).fetchone()
        if row is None:
            raise StorageError("304 Not Modified but no earlier body is archived", url=response.url)
        return Page(response.url, 200, zlib.decompress(row[1]), row[0])

    def _requeue_transient(self) -> int:
        rows = self.db.execute(
            "SELECT url, last_error FROM frontier WHERE run_id = ? AND state = 'failed'",
            [self.run_id],
        ).fetchall()
        urls = [url for url, error in rows if is_transient(error)]
        if urls:
            log.info("trying %d pages that failed transiently once more", len(urls))
            self.frontier.requeue(urls)
            self._failed -= len(urls)
        return len(urls)

    def _report(self) -> None:
        if self.progress is not None:
            self.progress.update(done=self._done, failed=self._failed, known=self._known)
