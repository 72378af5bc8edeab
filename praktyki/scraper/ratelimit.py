"""Per-host politeness: a minimum interval between request starts and a concurrency cap.

For each host the interval is ``max(1 / rate, robots Crawl-delay)``. A 429 or 503 answer
doubles the host's current interval (at most ``max_interval``); each success halves the extra
back towards the base. ``rate == 0`` means no limit at all (no spacing, no slow-down) — the
setting for tests and benchmarks against the local replica.

Clock and sleep are injected so tests run on a fake clock without waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

__all__ = ["HostHealth", "HostLimiter"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _HostState:
    base: float
    interval: float
    next_start: float
    semaphore: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class HostLimiter:
    """Spaces request starts per host and caps concurrent requests per host."""

    def __init__(
        self,
        *,
        rate: float = 1.0,
        concurrency: int = 2,
        max_interval: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._base = 1.0 / rate if rate > 0 else 0.0
        self._unlimited = rate <= 0
        self._concurrency = concurrency
        self._max_interval = max_interval
        self._clock = clock
        self._sleep = sleep
        self._hosts: dict[str, _HostState] = {}

    def _state(self, host: str) -> _HostState:
        state = self._hosts.get(host)
        if state is None:
            sem = asyncio.Semaphore(self._concurrency)
            state = _HostState(self._base, self._base, float("-inf"), sem)
            self._hosts[host] = state
        return state

    def interval(self, host: str) -> float:
        """The host's current minimum interval between request starts (seconds)."""
        return self._state(host).interval

    def set_crawl_delay(self, host: str, delay: float | None) -> None:
        """Raise the host's base interval to robots.txt's Crawl-delay (never lowers it)."""
        if delay is None or self._unlimited:
            return
        state = self._state(host)
        delay = min(delay, self._max_interval)
        if delay > state.base:
            state.interval = max(state.interval, delay)
            state.base = delay

    def penalize(self, host: str) -> None:
        """The host said 429/503: double its interval (capped)."""
        if self._unlimited:
            return
        state = self._state(host)
        state.interval = min(self._max_interval, max(state.interval * 2, state.base, 1.0))
        log.info("slowing down on %s: %.2fs between requests", host, state.interval)

    def relax(self, host: str) -> None:
        """A success: halve the extra interval above the base."""
        state = self._state(host)
        if state.interval > state.base:
            extra = (state.interval - state.base) / 2
            state.interval = state.base if extra < 0.01 else state.base + extra

    @contextlib.asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold one of the host's concurrency slots, started no sooner than its interval allows."""
        state = self._state(host)
        async with state.semaphore:
            await self._wait_turn(state)
            yield

    async def _wait_turn(self, state: _HostState) -> None:
        if self._unlimited:
            return
        # The lock queues waiters, so each takes the next free start time in turn.
        async with state.lock:
            wait = state.next_start - self._clock()
            if wait > 0:
                await self._sleep(wait)
            state.next_start = max(self._clock(), state.next_start) + state.interval


class HostHealth:
    """A per-host failure budget: after ``max_failures`` consecutive transport failures
    (timeouts, refused or reset connections) the host is paused for the rest of the run.

    Any HTTP answer, error statuses included, resets the count: the host is up. A paused host
    costs its remaining pages nothing; they are recorded as deferred (``HostPaused``) for the
    next run to retry. ``max_failures == 0`` never pauses.
    """

    def __init__(self, max_failures: int = 5) -> None:
        self._max = max_failures
        self._failures: dict[str, int] = {}
        self.paused: set[str] = set()

    def is_paused(self, host: str) -> bool:
        return host in self.paused

    def failures(self, host: str) -> int:
        """The host's current run of consecutive transport failures."""
        return self._failures.get(host, 0)

    def failed(self, host: str) -> None:
        self._failures[host] = self._failures.get(host, 0) + 1
        if self._max and self._failures[host] >= self._max and host not in self.paused:
            self.paused.add(host)
            log.warning(
                "pausing %s for the rest of the run: %d transport failures in a row",
                host,
                self._failures[host],
            )

    def answered(self, host: str) -> None:
        self._failures.pop(host, None)
