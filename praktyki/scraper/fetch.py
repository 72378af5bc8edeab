"""The fetcher: one URL in, one :class:`FetchedResponse` (or one :class:`FetchError`) out.

Steps for a URL, each hop of a redirect chain going through all of them:

1. canonicalize (host aliases folded) and check the allowlist — a redirect off the allowlist is
   refused before the other host is contacted;
2. check robots.txt (fetched once per origin, through this same fetcher);
3. wait for the host's turn (:class:`~praktyki.scraper.ratelimit.HostLimiter`);
4. GET with streaming; retryable statuses and transport errors are retried by tenacity
   (``Retry-After`` honoured with a cap, else exponential backoff with jitter);
5. redirects are followed by hand (the client must use ``follow_redirects=False``), loops and
   chains longer than ``max_redirects`` refused;
6. the body is read raw and decompressed here with a cap on the *decompressed* size, so a
   gzip bomb is cut after ``max_body_bytes`` rather than inflated in memory (httpx's own
   decoder inflates a whole network chunk at once). Only ``gzip`` and ``deflate`` are asked
   for (``Accept-Encoding``) and accepted.

The response keeps what a web archive replays: the status line, the headers with their names
as sent, the body as received (still content-encoded) beside the decoded one, and the
request's headers as sent. robots.txt answers are kept for the crawl to archive
(:meth:`Fetcher.take_robots`).

Time is budgeted (:class:`~praktyki.scraper.policy.Limits`): each attempt is cut at
``total_timeout``, and all attempts and hops of one URL together at ``fetch_budget``
(:class:`OutOfTime`); a host with ``host_failures`` transport failures in a row is paused for
the rest of the run, its URLs answered at once with :class:`HostPaused` (deferred to the next
run) instead of costing a timeout each.

A 304 (conditional GET with the validators given) is a result, not an error, with an empty
body. Any other 4xx/5xx that is not retryable, or a retryable one that outlived the attempts,
raises :class:`HTTPStatusError`; exhausted transport failures raise :class:`TransportError`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from types import MappingProxyType
from urllib.parse import urlsplit

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt

from praktyki.errors import (
    ConfigError,
    FetchError,
    HostPaused,
    HTTPStatusError,
    OffAllowlist,
    OutOfTime,
    RedirectError,
    RobotsDisallowed,
    TooLarge,
    TransportError,
)
from praktyki.schemas.archive import FetchedResponse
from praktyki.scraper.body import BodyDecoder, Retryable
from praktyki.scraper.policy import Limits, Politeness, RetryPolicy
from praktyki.scraper.ratelimit import HostHealth, HostLimiter
from praktyki.scraper.robots import RobotsCache
from praktyki.scraper.urls import Allowlist, canonical_link, canonicalize, origin

__all__ = ["FetchStats", "Fetcher", "parse_retry_after"]

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
DRAIN_MAX_BYTES = 64 * 1024  # unkept bodies read to keep a connection alive, at most
_TRANSPORT_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
_EMPTY: Mapping[str, str] = MappingProxyType({})


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _is_retryable(exc: BaseException) -> bool:
    return isinstance(exc, (Retryable, *_TRANSPORT_ERRORS))


def parse_retry_after(value: str | None, now: dt.datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP-date), or None."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max((when - now).total_seconds(), 0.0)


@dataclass(slots=True)
class FetchStats:
    """Counters over the fetcher's lifetime (for the run summary)."""

    requests: int = 0
    bytes_received: int = 0
    retries: int = 0
    not_modified: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    out_of_time: int = 0  # URLs given up on when their request-time budget ran out
    deferred: int = 0  # URLs not requested because their host was paused
    paused_hosts: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Budget:
    """Request time left to one URL (all attempts and hops), in seconds."""

    total: float
    left: float


@dataclass(frozen=True, slots=True)
class _Hop:
    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    location: str | None
    exchange: _Exchange | None = None


@dataclass(frozen=True, slots=True)
class _Exchange:
    """The rest of what was sent and received, for the archive."""

    http_version: str
    reason: str
    raw_body: bytes | None
    request_headers: tuple[tuple[str, str], ...]


def _as_sent(headers: httpx.Headers) -> tuple[tuple[str, str], ...]:
    """Header names with their case as sent (httpx's ``multi_items`` lower-cases them)."""
    encoding = headers.encoding
    return tuple((k.decode(encoding), v.decode(encoding)) for k, v in headers.raw)


class Fetcher:
    """Fetches URLs politely and safely; see the module docstring for the steps."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        allowlist: Allowlist,
        policy: RetryPolicy | None = None,
        limits: Limits | None = None,
        politeness: Politeness | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        robots: RobotsCache | None = None,
        aliases: Mapping[str, str] = _EMPTY,
        limiter: HostLimiter | None = None,
        health: HostHealth | None = None,
        now: Callable[[], dt.datetime] = _utc_now,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        if client.follow_redirects:
            raise ConfigError("the fetcher follows redirects itself: use follow_redirects=False")
        self._client = client
        self._allowlist = allowlist
        self._policy = policy or RetryPolicy()
        self._limits = limits or Limits()
        self._politeness = politeness or Politeness()
        self._sleep = sleep
        self._aliases = aliases
        self._now = now
        self._clock = clock
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not crypto
        pol = self._politeness
        self._robots = robots or (RobotsCache(pol.user_agent) if pol.obey_robots else None)
        self._limiter = limiter or HostLimiter(
            rate=pol.rate_per_host,
            concurrency=pol.concurrency_per_host,
            max_interval=pol.max_interval,
            sleep=sleep,
        )
        lim = self._limits
        self._timeout = httpx.Timeout(
            connect=lim.connect_timeout,
            read=lim.read_timeout,
            write=lim.read_timeout,
            pool=lim.total_timeout,
        )
        self._health = health or HostHealth(lim.host_failures)
        self.stats = FetchStats(paused_hosts=self._health.paused)
        self._robots_fetched: list[FetchedResponse | FetchError] = []

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchedResponse:
        """Fetch ``url``; conditional when ``etag`` / ``last_modified`` are given."""
        headers = self._headers(etag, last_modified)
        return await self._fetch(url, headers, check_robots=True, max_body=None)

    async def allowed_by_robots(self, url: str) -> bool:
        """Whether robots.txt lets us fetch canonical ``url`` (True when robots are not obeyed).

        Lets a crawler drop disallowed links at discovery instead of queueing them.
        """
        if self._robots is None:
            return True
        return await self._robots.allowed(url, self._fetch_robots)

    def take_robots(self) -> list[FetchedResponse | FetchError]:
        """The robots.txt fetches (answers or errors) since the last call, for the archive."""
        taken, self._robots_fetched = self._robots_fetched, []
        return taken

    def _headers(self, etag: str | None, last_modified: str | None) -> dict[str, str]:
        headers = dict(self._politeness.extra_headers)
        headers["User-Agent"] = self._politeness.user_agent
        headers["Accept-Encoding"] = "gzip, deflate"
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return headers

    async def _fetch(
        self, url: str, headers: dict[str, str], *, check_robots: bool, max_body: int | None
    ) -> FetchedResponse:
        start = self._clock()
        requested = canonicalize(url, aliases=self._aliases)
        chain: list[str] = []
        budget = _Budget(self._limits.fetch_budget, self._limits.fetch_budget)
        current, attempts = requested, 0
        while True:
            self._check_allowed(requested, current)
            if check_robots:
                await self._check_robots(requested, current)
            hop, tries = await self._request(current, requested, headers, max_body, budget)
            attempts += tries
            if hop.location is None:
                break
            current = self._next_hop(requested, current, hop.location, chain)
        if hop.status == 304:
            self.stats.not_modified += 1
        exchange = hop.exchange
        return FetchedResponse(
            url=requested,
            final_url=current,
            status=hop.status,
            headers=hop.headers,
            body=hop.body,
            content_type=next((v for k, v in hop.headers if k.lower() == "content-type"), None),
            fetched_at=self._now(),
            elapsed_s=max(self._clock() - start, 0.0),
            attempts=attempts,
            redirects=tuple(chain),
            http_version=exchange.http_version if exchange else "HTTP/1.1",
            reason=exchange.reason if exchange else None,
            raw_body=exchange.raw_body if exchange else None,
            request_headers=exchange.request_headers if exchange else (),
        )

    def _check_allowed(self, requested: str, hop: str) -> None:
        if self._allowlist.allows(hop):
            return
        if hop == requested:
            raise OffAllowlist("host is not on the allowlist", url=requested)
        log.warning("refused redirect of %s to %s: off the allowlist", requested, hop)
        raise OffAllowlist(f"redirect to {hop} leaves the allowlist", url=requested)

    async def _check_robots(self, requested: str, hop: str) -> None:
        if self._robots is None:
            return
        allowed = await self._robots.allowed(hop, self._fetch_robots)
        site = origin(hop)
        self._limiter.set_crawl_delay(urlsplit(hop).netloc, self._robots.crawl_delay(site))
        if not allowed:
            where = "" if hop == requested else f" (redirect to {hop})"
            rules = await self._robots.rules(site, self._fetch_robots)
            if rules.disallow_all:
                # RFC 9309: an unreachable robots.txt means "disallow all"; say which it was
                reason = f"robots.txt of {site} could not be read ({rules.reason}), so nothing "
                raise RobotsDisallowed(f"{reason}there is fetched{where}", url=requested)
            raise RobotsDisallowed(f"robots.txt disallows it{where}", url=requested)

    async def _fetch_robots(self, url: str) -> FetchedResponse:
        max_body = min(ROBOTS_MAX_BYTES, self._limits.max_body_bytes)
        headers = self._headers(None, None) | {"Accept": "text/plain,*/*;q=0.5"}
        try:
            response = await self._fetch(url, headers, check_robots=False, max_body=max_body)
        except FetchError as exc:
            self._robots_fetched.append(exc)
            raise
        self._robots_fetched.append(response)
        return response

    def _next_hop(self, requested: str, current: str, location: str, chain: list[str]) -> str:
        target = canonical_link(location, current, aliases=self._aliases)
        if target is None:
            raise RedirectError(f"redirect to unusable Location {location!r}", url=requested)
        if target == requested or target in chain:
            raise RedirectError(f"redirect loop at {target}", url=requested)
        if len(chain) >= self._limits.max_redirects:
            raise RedirectError(f"more than {self._limits.max_redirects} redirects", url=requested)
        chain.append(target)
        return target

    async def _request(
        self,
        url: str,
        requested: str,
        headers: dict[str, str],
        max_body: int | None,
        budget: _Budget,
    ) -> tuple[_Hop, int]:
        """One hop with retries: the hop and the number of attempts it took."""
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._policy.max_attempts),
            wait=self._wait,
            retry=retry_if_exception(_is_retryable),
            sleep=self._sleep,
            before_sleep=self._before_sleep,
            reraise=True,
        )
        tries = 0
        hop: _Hop | None = None
        where = "" if url == requested else f" at {url}"
        try:
            async for attempt in retrying:
                with attempt:
                    tries = attempt.retry_state.attempt_number
                    hop = await self._attempt(url, requested, headers, max_body, budget)
        except Retryable as exc:
            log.warning("giving up on %s after %d attempts: %s", url, tries, exc.reason)
            if exc.status is None:
                reason = f"{exc.reason}{where} ({tries} attempts)"
                raise TransportError(reason, url=requested) from exc
            reason = f"HTTP {exc.status}{where} after {tries} attempts"
            raise HTTPStatusError(reason, url=requested, status=exc.status) from exc
        except _TRANSPORT_ERRORS as exc:
            log.warning("giving up on %s after %d attempts: %r", url, tries, exc)
            reason = f"{type(exc).__name__}{where}: {exc} ({tries} attempts)"
            raise TransportError(reason, url=requested) from exc
        if hop is None:  # pragma: no cover - tenacity runs at least one attempt
            raise TransportError("no attempt was made", url=requested)
        return hop, tries

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, Retryable) and exc.retry_after is not None:
            return self._policy.retry_after_delay(exc.retry_after)
        return self._policy.backoff(state.attempt_number, self._rng)

    def _before_sleep(self, state: RetryCallState) -> None:
        self.stats.retries += 1
        exc = state.outcome.exception() if state.outcome else None
        wait = state.upcoming_sleep
        log.info("retrying after %r (attempt %d), waiting %.2fs", exc, state.attempt_number, wait)

    async def _attempt(
        self,
        url: str,
        requested: str,
        headers: dict[str, str],
        max_body: int | None,
        budget: _Budget,
    ) -> _Hop:
        host = urlsplit(url).netloc
        self._check_time(host, requested, budget)
        async with self._limiter.slot(host):
            self._check_time(host, requested, budget)  # the host may have been paused meanwhile
            self.stats.requests += 1
            timeout = min(self._limits.total_timeout, budget.left)
            started = self._clock()
            try:
                async with asyncio.timeout(timeout):
                    request = self._client.stream(
                        "GET", url, headers=headers, timeout=self._timeout
                    )
                    async with request as response:
                        return await self._handle(url, requested, response, max_body)
            except TimeoutError as exc:
                self._health.failed(host)
                raise Retryable(f"no complete answer in {timeout:g}s") from exc
            except (httpx.InvalidURL, httpx.RemoteProtocolError) as exc:
                # httpx parses Location itself even with follow_redirects=False
                if isinstance(exc, httpx.InvalidURL) or "location header" in str(exc):
                    raise RedirectError(f"unusable Location: {exc}", url=requested) from exc
                self._health.failed(host)
                raise
            except _TRANSPORT_ERRORS:
                self._health.failed(host)
                raise
            finally:
                budget.left -= max(self._clock() - started, 0.0)

    def _check_time(self, host: str, requested: str, budget: _Budget) -> None:
        """Refuse to start an attempt on a paused host or with the URL's budget spent."""
        if self._health.is_paused(host):
            self.stats.deferred += 1
            raise HostPaused(
                f"deferred: {host} is paused for this run after "
                f"{self._health.failures(host)} transport failures in a row",
                url=requested,
            )
        if budget.left <= 0:
            self.stats.out_of_time += 1
            log.warning("giving up on %s: %gs request-time budget spent", requested, budget.total)
            raise OutOfTime(
                f"no complete answer within its {budget.total:g}s request-time budget",
                url=requested,
            )

    async def _handle(
        self, url: str, requested: str, response: httpx.Response, max_body: int | None
    ) -> _Hop:
        host = urlsplit(url).netloc
        self._health.answered(host)
        status = response.status_code
        self.stats.statuses[status] = self.stats.statuses.get(status, 0) + 1
        headers = _as_sent(response.headers)
        if status in self._policy.statuses:
            await _drain(response)
            if status in (429, 503):
                self._limiter.penalize(host)
            retry_after = parse_retry_after(response.headers.get("retry-after"), self._now())
            raise Retryable(f"HTTP {status}", status=status, retry_after=retry_after)
        location = response.headers.get("location")
        if status in REDIRECT_STATUSES and location:
            await _drain(response)
            return _Hop(url, status, headers, b"", location)
        if status >= 400:
            await _drain(response)
            where = "" if url == requested else f" at {url}"
            raise HTTPStatusError(f"HTTP {status}{where}", url=requested, status=status)
        raw: bytes | None = None
        if status == 304:
            await _drain(response)
            body = b""
        else:
            body, raw = await self._read_body(requested, response, max_body)
        self._limiter.relax(host)
        exchange = _Exchange(
            response.http_version,
            response.reason_phrase,
            raw,
            _as_sent(response.request.headers),
        )
        return _Hop(url, status, headers, body, None, exchange)

    async def _read_body(
        self, url: str, response: httpx.Response, max_body: int | None
    ) -> tuple[bytes, bytes | None]:
        """The body decoded, and as received when that differs (None when it does not)."""
        limit = self._limits.max_body_bytes if max_body is None else max_body
        length = response.headers.get("content-length", "").strip()
        if length.isdigit() and int(length) > limit:
            raise TooLarge(f"Content-Length {length} over {limit} bytes", url=url)
        if response.is_stream_consumed:
            # a response built in memory (httpx.MockTransport): already read and decoded
            if len(response.content) > limit:
                raise TooLarge(f"body over {limit} bytes", url=url)
            return response.content, None
        decoder = BodyDecoder(url, response.headers.get("content-encoding"), limit)
        async for chunk in response.aiter_raw():
            self.stats.bytes_received += len(chunk)
            decoder.feed(chunk)
        return decoder.finish(), decoder.raw


async def _drain(response: httpx.Response, limit: int = DRAIN_MAX_BYTES) -> None:
    """Read a body we do not keep (304, redirect, error page) to its end, so the connection
    goes back to the pool: httpcore closes a connection whose response was not read through.
    A body over ``limit`` is left unread (that connection is then closed, which is cheaper)."""
    if response.is_stream_consumed:
        return
    seen = 0
    async for chunk in response.aiter_raw():
        seen += len(chunk)
        if seen > limit:
            return
