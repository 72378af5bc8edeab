"""Fetch policy as data: what to retry, how long to wait, what to refuse, how polite to be.

Nothing here does I/O; the :class:`~praktyki.scraper.fetch.Fetcher` reads these values. The
retryable statuses follow Scrapy's ``RETRY_HTTP_CODES`` (minus 522/524, which are a CDN's).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from praktyki import __version__
from praktyki.errors import ConfigError

__all__ = ["DEFAULT_USER_AGENT", "Limits", "Politeness", "RetryPolicy"]

DEFAULT_USER_AGENT = (
    f"praktyki/{__version__} (+https://github.com/praktyki/praktyki; research crawler)"
)
MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Which failures are retried, how often, and how long to wait in between.

    ``max_attempts`` counts every request for one URL (hop), the first included. The wait
    before attempt ``n + 1`` is the server's ``Retry-After`` (capped at ``retry_after_cap``)
    when it sent one, else ``backoff_base * 2 ** (n - 1)`` capped at ``backoff_max``, with
    "equal jitter" when ``jitter`` is on: half the delay fixed, half uniformly random, so
    retries never collapse to zero delay yet clients do not retry in lockstep.
    """

    statuses: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504})
    max_attempts: int = 4
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    retry_after_cap: float = 60.0
    jitter: bool = True

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ConfigError("max_attempts must be at least 1")

    def backoff(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based), no Retry-After."""
        delay = min(self.backoff_max, self.backoff_base * 2.0 ** max(attempt - 1, 0))
        if not self.jitter:
            return delay
        spread: float = (rng or random).uniform(0, delay / 2)  # noqa: S311 - not crypto
        return delay / 2 + spread

    def retry_after_delay(self, seconds: float) -> float:
        """A server-requested wait, clamped to ``[0, retry_after_cap]``."""
        return min(max(seconds, 0.0), self.retry_after_cap)


@dataclass(frozen=True, slots=True)
class Limits:
    """Timeouts (seconds), time budgets and size limits.

    ``total_timeout`` bounds one request from connect to the last body byte (a server that
    trickles a byte every few seconds never trips ``read_timeout``). ``fetch_budget`` bounds
    the request time one URL may spend over all its attempts and redirect hops (waits between
    attempts and for the host's turn not counted): a hung or dripping server costs a URL this
    much, not attempts × passes × timeout. ``host_failures`` consecutive transport failures
    pause a host for the rest of the run (0: never). ``max_body_bytes`` is measured after
    decompression, so a gzip bomb is cut at the same size as a plain body.
    """

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 45.0
    fetch_budget: float = 45.0
    host_failures: int = 5
    max_body_bytes: int = 10 * MIB
    max_redirects: int = 5

    def __post_init__(self) -> None:
        if min(self.connect_timeout, self.read_timeout, self.total_timeout) <= 0:
            raise ConfigError("timeouts must be positive")
        if self.fetch_budget <= 0:
            raise ConfigError("fetch_budget must be positive")
        if self.host_failures < 0:
            raise ConfigError("host_failures must be >= 0")


@dataclass(frozen=True, slots=True)
class Politeness:
    """How the crawler treats a host.

    ``rate_per_host`` is requests per second (``0`` = no limit, and then no adaptive
    slow-down either); robots.txt ``Crawl-delay`` wins when it asks for a longer interval.
    ``max_interval`` caps the slow-down after 429/503 answers.
    """

    rate_per_host: float = 1.0
    concurrency_per_host: int = 2
    obey_robots: bool = True
    user_agent: str = DEFAULT_USER_AGENT
    max_interval: float = 60.0
    extra_headers: tuple[tuple[str, str], ...] = field(
        default=(("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),)
    )

    def __post_init__(self) -> None:
        if self.rate_per_host < 0:
            raise ConfigError("rate_per_host must be >= 0")
        if self.concurrency_per_host < 1:
            raise ConfigError("concurrency_per_host must be >= 1")
