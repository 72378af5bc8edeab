"""Crawl settings as data: what ``praktyki crawl`` and the library entry points accept."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

from praktyki.crawl.bounds import Bounds
from praktyki.crawl.revalidate import DEFAULT_REVALIDATE_AFTER, RevalidationPolicy
from praktyki.errors import ConfigError
from praktyki.scraper.policy import DEFAULT_USER_AGENT, Limits, Politeness, RetryPolicy

__all__ = ["CrawlSettings"]


@dataclass(frozen=True, slots=True)
class CrawlSettings:
    """Options of one crawl.

    ``rate`` is requests per second per host (``0`` = no limit: the setting for the local
    replica; robots.txt is obeyed either way). ``concurrency`` caps requests in flight in
    total; per host it is capped at :attr:`POLITE_PER_HOST` unless the rate is unlimited.
    ``max_pages`` stops claiming new URLs after that many fetches (the run is then partial:
    no removals are applied). ``extra_passes`` is how many more times URLs that failed for a
    transient reason are tried after the frontier ran dry.

    ``bounds`` are the URL-pattern, depth and page-budget limits against traps
    (:mod:`praktyki.crawl.bounds`; ``None``: the strategy's defaults, e.g.
    :data:`~praktyki.crawl.bdp_strategy.BDP_BOUNDS`). ``max_duration`` (seconds) stops the run
    like a signal would once that much wall-clock time has passed: what was fetched is written
    and the next run resumes (for cron jobs with a time slot).

    ``assembly_worker`` lets a BDP crawl load practices in a second process while it fetches
    (:mod:`praktyki.crawl.worker`; the result is the same either way), and an OPS crawl parse
    its pages there (:mod:`praktyki.crawl.ops_worker`). It is started once the BDP run's
    navigation is complete and it has fetched ``worker_min_practices`` practice summaries
    with a body (a refresh of unchanged practices only re-sights them), once an OPS run has
    fetched ``worker_min_pages`` pages with a body: below a few
    hundred, assembling at the end takes less than a second, about what spawning a Python
    process costs, so small runs and tests stay in one process. Off by default in the
    library: the worker is started with "spawn", which re-imports the caller's ``__main__``, so
    a script must keep its crawl under ``if __name__ == "__main__":``; the command line (whose
    entry point is guarded) turns it on.

    ``revalidate_after`` (days) is the revalidation policy of a refresh
    (:mod:`praktyki.crawl.revalidate`): unchanged pages are asked about again on a rotating
    schedule, each at least every that many days; ``0`` asks about every page every run.
    """

    POLITE_PER_HOST = 2
    WAITING_WINDOW = 1024
    #: Seconds of a polite host's requests the engine keeps in hand for it (see host_window).
    HOST_LOOKAHEAD_SECONDS = 2.0

    rate: float = 1.0
    concurrency: int = 4
    user_agent: str = DEFAULT_USER_AGENT
    max_pages: int | None = None
    source: str | None = None
    obey_robots: bool = True
    extra_passes: int = 2
    assembly_worker: bool = False
    worker_min_practices: int = 300
    worker_min_pages: int = 300
    revalidate_after: int = DEFAULT_REVALIDATE_AFTER
    max_duration: float | None = None
    bounds: Bounds | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        if self.rate < 0:
            raise ConfigError("--rate must be 0 (no limit) or more")
        if self.concurrency < 1:
            raise ConfigError("--concurrency must be at least 1")
        if self.max_pages is not None and self.max_pages < 1:
            raise ConfigError("--max-pages must be at least 1")
        if not self.user_agent.strip():
            raise ConfigError("--user-agent must not be empty")
        if self.extra_passes < 0:
            raise ConfigError("extra_passes must be >= 0")
        if self.max_duration is not None and not self.max_duration > 0:
            raise ConfigError("--max-duration must be more than 0 seconds")
        if self.worker_min_practices < 0 or self.worker_min_pages < 0:
            raise ConfigError("worker_min_practices and worker_min_pages must be >= 0")
        self.revalidation()  # validates revalidate_after

    def politeness(self) -> Politeness:
        per_host = (
            self.concurrency if self.rate == 0 else min(self.concurrency, self.POLITE_PER_HOST)
        )
        return Politeness(
            rate_per_host=self.rate,
            concurrency_per_host=per_host,
            concurrency_total=self.concurrency,
            obey_robots=self.obey_robots,
            user_agent=self.user_agent,
        )

    def revalidation(self) -> RevalidationPolicy:
        return RevalidationPolicy(self.revalidate_after)

    def task_window(self) -> int:
        """URLs the engine works on at once. Without a rate limit, ``concurrency`` (each is a
        request in flight). With one, most of them wait for their host's turn (holding no
        request slot: the fetcher caps those at ``concurrency``), so the window is wide enough
        for every host of a many-site crawl to have its next URL waiting."""
        return self.concurrency if self.rate == 0 else max(self.concurrency, self.WAITING_WINDOW)

    def host_window(self) -> int | None:
        """URLs one host may have in hand at once (None: no cap, without a rate limit). With a
        rate limit a host starts ``rate`` requests a second, so a few seconds' worth keeps it
        busy between claims; more would only keep other hosts' URLs out of the window."""
        if self.rate == 0:
            return None
        per_host = min(self.concurrency, self.POLITE_PER_HOST)
        return per_host + max(2, math.ceil(self.rate * self.HOST_LOOKAHEAD_SECONDS))

    def replace(self, **changes: Any) -> CrawlSettings:
        return dataclasses.replace(self, **changes)

    def as_options(self) -> dict[str, object]:
        """The effective settings, JSON-ready (kept on the run row)."""
        return {
            "rate": self.rate,
            "concurrency": self.concurrency,
            "user_agent": self.user_agent,
            "max_pages": self.max_pages,
            "source": self.source,
            "obey_robots": self.obey_robots,
            "extra_passes": self.extra_passes,
            "assembly_worker": self.assembly_worker,
            "revalidate_after": self.revalidate_after,
            "max_duration": self.max_duration,
            "bounds": None if self.bounds is None else _bounds_options(self.bounds),
        }


def _bounds_options(bounds: Bounds) -> dict[str, object]:
    fields = {f.name: getattr(bounds, f.name) for f in dataclasses.fields(bounds)}
    return fields | {"max_values": dict(bounds.max_values)}
