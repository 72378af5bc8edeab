"""Bounds of one crawl against traps: URL-pattern limits, depth, and the page budget.

A site that answers every URL with a page linking to new URLs (a calendar, a session id in
every link, a CMS that echoes any ``?p1=N``) would keep a crawl going for ever. Three limits,
all data, keep a run finite whatever the site does:

- **URL-pattern limits** (:class:`LinkBounds`): a cap on the distinct values each query
  parameter may take in one run (``p1`` = BDP sections: a real archive has about ten; ``art``
  = practices: thousands), and on the link depth from the seeds. A link past a limit is
  dropped before it reaches the frontier, counted by reason, and warned about once.
- **The page budget** (:class:`PageBudget`): how many pages the run may fetch, derived from
  what the site announces (navigation pages, plus the tabs of every practice the listings
  show, plus the files the attachment tabs list), times a generous headroom, never above a
  hard cap. It is re-estimated as discovery goes, only when the pages fetched reach it.
- ``--max-pages`` (an explicit budget) replaces the derived one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from urllib.parse import parse_qsl, urlsplit

__all__ = ["Bounds", "LinkBounds", "PageBudget"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Bounds:
    """The limits of a run (see the module docstring); ``None`` turns one off."""

    #: Distinct values a query parameter may take in one run (by name; others: ``other_values``).
    max_values: Mapping[str, int] = field(default_factory=dict)
    other_values: int | None = None
    #: Links further than this from a seed are not followed (same-level links add nothing).
    max_depth: int | None = None
    #: Page budget = ``headroom`` × the pages the site announces + ``slack``, at most ``hard_cap``.
    headroom: float = 2.0
    slack: int = 200
    hard_cap: int | None = None


class LinkBounds:
    """Admits links within the URL-pattern and depth limits; counts what it drops."""

    def __init__(self, bounds: Bounds) -> None:
        self.bounds = bounds
        self._values: dict[str, set[str]] = {}
        self._dropped: dict[str, int] = {}

    @property
    def dropped(self) -> Mapping[str, int]:
        """Links dropped so far, by reason (``depth``, ``param:p1``, …)."""
        return MappingProxyType(self._dropped)

    def prime(self, urls: Iterable[str]) -> None:
        """Count the values of URLs already queued (a resumed run's frontier)."""
        for url in urls:
            for name, value in _params(url):
                self._values.setdefault(name, set()).add(value)

    def admit(self, depth: int, url: str) -> bool:
        """Whether a link at ``depth`` to ``url`` is within bounds (its values are then kept)."""
        limit = self.bounds.max_depth
        if limit is not None and depth > limit:
            return self._drop("depth", f"links deeper than {limit} from the home page")
        params = _params(url)
        for name, value in params:
            cap = self.bounds.max_values.get(name, self.bounds.other_values)
            seen = self._values.get(name, ())
            if cap is not None and value not in seen and len(seen) >= cap:
                return self._drop(f"param:{name}", f"more than {cap} distinct {name}= values")
        for name, value in params:
            self._values.setdefault(name, set()).add(value)
        return True

    def _drop(self, reason: str, why: str) -> bool:
        if reason not in self._dropped:
            log.warning("URL limit reached (%s): such links are not followed in this run", why)
        self._dropped[reason] = self._dropped.get(reason, 0) + 1
        return False


class PageBudget:
    """The derived page budget: ``estimate()`` is what the site announces (in pages)."""

    def __init__(self, bounds: Bounds, estimate: Callable[[], int]) -> None:
        self.bounds = bounds
        self.estimate = estimate
        self.pages = 0  # estimated at the first claim, once the seeds are queued

    def allows(self, claimed: int) -> bool:
        """Whether one more page fits (re-estimated once the pages reach the budget)."""
        if claimed < self.pages:
            return True
        self.pages = max(self.pages, self._compute())
        return claimed < self.pages

    def _compute(self) -> int:
        pages = int(self.bounds.headroom * self.estimate()) + self.bounds.slack
        cap = self.bounds.hard_cap
        return pages if cap is None else min(pages, cap)


def _params(url: str) -> Sequence[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)
