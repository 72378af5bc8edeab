"""Discovery on a BDP-style site (the Baza Dobrych Praktyk archive and its replica).

Home → its menu → every section → the section's menu → every subsection listing → every
listing page (pagination) → every practice's summary tab → its ``s=2`` tab always, its ``s=3``
tab when the summary links it → the attachment files the ``s=3`` tab lists. No section
number is known in advance. Links are canonicalized with the BDP host aliases (the site
writes one practice several ways: ``&amp;``, ``PHPSESSID``, reordered parameters, old hosts).

Revalidation (:mod:`praktyki.crawl.revalidate`): navigation pages are always fetched; a
practice's pages (summary, tabs, attachment files) share one schedule key, its ``art``; a
listing entry's title is its summary link's fingerprint, so a changed title makes the whole
practice due at once.
"""

from __future__ import annotations

import dataclasses
import html
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from urllib.parse import urlsplit

from praktyki import __version__
from praktyki.crawl.bounds import Bounds
from praktyki.crawl.engine import Link, Page
from praktyki.errors import ConfigError, NotAPracticePage
from praktyki.parsers.bdp import classify_bdp_url, parse_attachments, parse_listing, parse_menu
from praktyki.parsers.bdp_page import query_param
from praktyki.schemas.archive import FrontierItem
from praktyki.scraper.urls import (
    Allowlist,
    canonical_link,
    canonical_netloc,
    canonicalize,
    is_http_url,
)

__all__ = [
    "BDP_ALIASES",
    "BDP_BOUNDS",
    "DEFAULT_BDP_URL",
    "NAVIGATION",
    "TABS",
    "BdpStrategy",
    "art_of",
    "default_source",
]

log = logging.getLogger(__name__)

DEFAULT_BDP_URL = "https://archiwum.dobrepraktyki.pl/"
_ARCHIVE_HOST = "archiwum.dobrepraktyki.pl"
BDP_ALIASES: Mapping[str, str] = MappingProxyType(
    {"www.dobrepraktyki.pl": _ARCHIVE_HOST, "dobrepraktyki.pl": _ARCHIVE_HOST}
)
#: Page kinds whose every page must be fetched for a run's discovery to be complete.
NAVIGATION = frozenset({"home", "section", "listing"})
#: The practice tabs assembly reads (kind → ``s`` parameter).
TABS = {"practice": None, "presentation": "2", "attachments": "3"}
# Navigation first (so the total is known early and the ETA means something), files last. A
# summary's tabs go before the next summaries: practices complete one by one as the crawl
# goes, and the assembly worker can load them meanwhile (not all at the end).
_PRIORITY = {
    "home": 50,
    "section": 40,
    "listing": 30,
    "presentation": 25,
    "attachments": 25,
    "practice": 20,
    "file": 0,
}
#: A BDP crawl's default bounds (:mod:`praktyki.crawl.bounds`), generous for the real archive
#: (about 15 sections, a few hundred listing pages, a few thousand practices; at most five
#: links from home: section, listing, practice, tab, file) and finite on any trap.
BDP_BOUNDS = Bounds(
    max_values=MappingProxyType(
        {"p1": 100, "p2": 2_000, "str": 2_000, "art": 100_000, "s": 10, "q": 100}
    ),
    other_values=100,
    max_depth=8,
    headroom=2.0,
    slack=200,
    hard_cap=200_000,
)
_ART = re.compile(r"[?&]art=(\d+)(?=&|$)")
_HREF = re.compile(rb"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def default_source(base_url: str) -> str:
    """``bdp`` for the dobrepraktyki hosts, else the base URL's ``host[:port]``."""
    netloc = canonical_netloc(base_url)
    if netloc == _ARCHIVE_HOST or netloc in BDP_ALIASES:
        return "bdp"
    return netloc


class BdpStrategy:
    """The BDP site as the :class:`~praktyki.crawl.engine.Engine` sees it."""

    #: ``discover`` is a pure function of (URL, kind, body) for this version: the engine may
    #: reuse an archived body's links on a 304. Bump it when discovery changes.
    discovery_version = f"bdp/{__version__}/1"
    #: A listing's next page, or a section reached from another's menu, is no deeper.
    same_level_kinds = frozenset({"section", "listing"})

    def __init__(self, base_url: str) -> None:
        if not is_http_url(base_url):
            raise ConfigError("the base URL must be an absolute http(s) URL", url=base_url)
        self.base_url = canonicalize(base_url, aliases=BDP_ALIASES)
        self._allowlist = Allowlist([canonical_netloc(self.base_url)])

    @property
    def allowlist(self) -> Allowlist:
        return self._allowlist

    @property
    def aliases(self) -> Mapping[str, str]:
        return BDP_ALIASES

    def seeds(self) -> Sequence[Link]:
        return [Link(self.base_url, "home", _PRIORITY["home"])]

    def wants_validators(self, item: FrontierItem) -> bool:
        # Navigation pages are always re-read: they are how removals and new practices show.
        return item.kind not in NAVIGATION

    def is_navigation(self, kind: str) -> bool:
        return kind in NAVIGATION

    def revalidation_key(self, item: FrontierItem) -> str | None:
        """A practice's pages share its ``art`` (revalidated together); navigation: None."""
        if item.kind in NAVIGATION:
            return None
        if item.kind == "file":
            parts = urlsplit(item.url).path.split("/")  # "", "pliki", art, name
            return f"art={parts[2]}" if len(parts) > 3 else item.url
        art = art_of(item.url)
        return f"art={art}" if art else item.url

    @staticmethod
    def announced_pages(counts: Mapping[str, int]) -> int:
        """The pages a run of the site needs, from the frontier's URLs by kind: every
        navigation page, three tabs per practice the listings show, every file listed."""
        navigation = sum(counts.get(kind, 0) for kind in NAVIGATION)
        return navigation + len(TABS) * counts.get("practice", 0) + counts.get("file", 0)

    def discover(self, item: FrontierItem, page: Page) -> Sequence[Link]:
        if item.kind in ("home", "section"):
            return self._from_menu(page)
        if item.kind == "listing":
            return self._from_listing(page)
        if item.kind == "practice":
            return self._tabs(page)
        if item.kind == "attachments":
            return self._files(page)
        return []

    def kind_of(self, url: str) -> str | None:
        """The kind of a canonical on-site URL, or None for one we do not follow."""
        if urlsplit(url).path.startswith("/pliki/"):
            return "file"
        kind = classify_bdp_url(url)
        if kind == "listing":
            return "section" if query_param(url, "p2") is None else "listing"
        if kind in ("practice", "presentation", "attachments"):
            return kind
        return None  # "home" is the seed; "other" (search, unknown) is not followed

    def _link(self, href: str, page_url: str, wanted: frozenset[str]) -> Link | None:
        url = canonical_link(href, page_url, aliases=BDP_ALIASES)
        if url is None or not self._allowlist.allows(url):
            return None
        kind = self.kind_of(url)
        if kind is None or kind not in wanted:
            return None
        return Link(url, kind, _PRIORITY[kind])

    def _from_menu(self, page: Page) -> list[Link]:
        menu = parse_menu(page.body, page.url, page.content_type)
        wanted = frozenset({"section", "listing"})
        hrefs = []
        for section in menu.sections:
            hrefs.append(section.url)
            hrefs.extend(sub.url for sub in section.subsections)
        return _unique(self._link(h, page.url, wanted) for h in hrefs)

    def _from_listing(self, page: Page) -> list[Link]:
        try:
            listing = parse_listing(page.body, page.url, page.content_type)
        except NotAPracticePage:
            # A subsection with no practices yet. Only a page that still shows the site's
            # menu counts as such (parse_menu raises otherwise): a broken page must fail,
            # or its practices would be marked removed.
            parse_menu(page.body, page.url, page.content_type)
            log.info("no practices listed on %s", page.url)
            return []
        wanted = frozenset({"practice", "listing"})
        entries = [
            _with_fingerprint(self._link(e.url, page.url, wanted), e.title) for e in listing.entries
        ]
        pages = [*listing.page_urls, *([listing.next_url] if listing.next_url else [])]
        return _unique([*entries, *(self._link(h, page.url, wanted) for h in pages)])

    def _tabs(self, page: Page) -> list[Link]:
        """The summary's ``s=2`` tab always; ``s=3`` when linked. A regex over ``href``s is
        enough here (and much cheaper than a parse, which matters on a 304 refresh)."""
        art = query_param(page.url, "art")
        presentation = self._link(_with_tab(page.url, "2"), page.url, frozenset({"presentation"}))
        links = [presentation]
        for match in _HREF.finditer(page.body):
            raw = next(g for g in match.groups() if g is not None)
            if b"s=3" not in raw:
                continue
            href = html.unescape(raw.decode("ascii", errors="replace"))
            link = self._link(href, page.url, frozenset({"attachments"}))
            if link is not None and query_param(link.url, "art") == art:
                links.append(link)
        return _unique(links)

    def _files(self, page: Page) -> list[Link]:
        found = parse_attachments(page.body, page.url, page.content_type)
        return _unique(
            self._link(item.url, page.url, frozenset({"file"})) for item in found.attachments
        )


def art_of(url: str) -> str | None:
    """``query_param(url, "art")``, read without parsing the query when it is the one plain
    ``art=<digits>`` a canonical practice URL has (asked of every practice page each run,
    and again by assembly)."""
    match = _ART.search(url)
    if match is not None and "#" not in url and url.lower().count("art=") == 1:
        return match.group(1)
    return query_param(url, "art")


def _with_fingerprint(link: Link | None, title: str) -> Link | None:
    """A listing entry's link, fingerprinted with the title it shows (whitespace folded)."""
    if link is None:
        return None
    return dataclasses.replace(link, fingerprint=" ".join(title.split()))


def _with_tab(url: str, tab: str) -> str:
    return f"{url}&s={tab}"


def _unique(links: Iterable[Link | None]) -> list[Link]:
    seen: dict[str, Link] = {}
    for link in links:
        if link is not None and link.url not in seen:
            seen[link.url] = link
    return list(seen.values())
