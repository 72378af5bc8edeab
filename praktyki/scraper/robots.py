"""robots.txt, fetched once per origin and run, parsed by protego.

RFC 9309 outcomes of fetching ``/robots.txt``:

- 2xx: the rules as parsed (UTF-8, undecodable bytes replaced — rules are ASCII);
- 4xx (other than 429), or a redirect off the allowlist / a redirect loop ("unavailable"):
  no rules, everything allowed;
- 5xx, 429, a transport failure or an oversized file ("unreachable"): everything disallowed
  for the rest of the run.

The file is fetched through the same fetcher as pages (same politeness, retries, limits), but
is of course not checked against itself.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from protego import Protego

from praktyki.errors import (
    FetchError,
    HTTPStatusError,
    OffAllowlist,
    RedirectError,
)
from praktyki.schemas.archive import FetchedResponse
from praktyki.scraper.urls import origin

__all__ = ["RobotsCache", "RobotsRules"]

log = logging.getLogger(__name__)

FetchRobots = Callable[[str], Awaitable[FetchedResponse]]


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The outcome for one origin: parsed rules, or a blanket allow/disallow."""

    parser: Protego | None
    allow_all: bool = False
    disallow_all: bool = False
    reason: str = ""

    def can_fetch(self, url: str, user_agent: str) -> bool:
        if self.disallow_all:
            return False
        if self.allow_all or self.parser is None:
            return True
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


class RobotsCache:
    """Per-origin robots.txt rules for one user agent, fetched lazily, once."""

    def __init__(self, user_agent: str) -> None:
        self.user_agent = user_agent
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str, fetch: FetchRobots) -> bool:
        """Whether ``url`` (canonical) may be fetched; fetches the origin's robots.txt once."""
        rules = await self.rules(origin(url), fetch)
        return rules.can_fetch(url, self.user_agent)

    async def rules(self, site: str, fetch: FetchRobots) -> RobotsRules:
        """The rules of origin ``site`` (``scheme://host[:port]``)."""
        cached = self._rules.get(site)
        if cached is not None:
            return cached
        lock = self._locks.setdefault(site, asyncio.Lock())
        async with lock:
            if site not in self._rules:
                self._rules[site] = await self._load(site, fetch)
        return self._rules[site]

    def crawl_delay(self, site: str) -> float | None:
        """The Crawl-delay for our user agent at origin ``site``, once its rules are loaded."""
        rules = self._rules.get(site)
        return rules.crawl_delay(self.user_agent) if rules else None

    async def _load(self, site: str, fetch: FetchRobots) -> RobotsRules:
        url = f"{site}/robots.txt"
        try:
            response = await fetch(url)
        except HTTPStatusError as exc:
            if 400 <= exc.status < 500 and exc.status != 429:
                return _logged(site, RobotsRules(None, allow_all=True, reason=f"{exc.status}"))
            return _logged(site, RobotsRules(None, disallow_all=True, reason=f"{exc.status}"))
        except (OffAllowlist, RedirectError) as exc:
            return _logged(site, RobotsRules(None, allow_all=True, reason=exc.reason))
        except FetchError as exc:
            return _logged(site, RobotsRules(None, disallow_all=True, reason=exc.reason))
        if not 200 <= response.status < 300:
            return _logged(site, RobotsRules(None, allow_all=True, reason=f"{response.status}"))
        text = response.body.decode("utf-8", errors="replace")
        return RobotsRules(Protego.parse(text), reason="parsed")


def _logged(site: str, rules: RobotsRules) -> RobotsRules:
    verdict = "disallowing everything" if rules.disallow_all else "allowing everything"
    log.warning("robots.txt of %s: %s, %s", site, rules.reason, verdict)
    return rules
