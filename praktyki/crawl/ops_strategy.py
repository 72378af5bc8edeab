"""The focused crawl of OPS sites: many small municipal sites in one run, topic pages first.

Each site (a registry entry, or a bare URL: site = that URL's host) is crawled breadth-first
from its start URLs, within its host and ``allowed_prefixes``, up to ``max_depth`` links from a
start URL and at most ``page_budget`` URLs queued (so fetched; the last :data:`TOPIC_RESERVE`
of it only for topic links). Links are ranked by
:func:`~praktyki.parsers.topics.link_score` (the topic vocabulary in ``data/topics.toml``: CAL,
PAL, KIS, PIO, Klub Seniora, wolontariat … in the anchor text or the URL) minus a step per
level, so a topic link is fetched before its neighbours and the budget goes to the topic pages.

What is never followed (data, below; extend the tuples, not the code):

- other hosts (BIP, ePUAP, social media: the engine's allowlist also refuses them);
- URLs with a parameter of :data:`VARIANT_PARAMS` (calendar months, sort orders, printer
  versions, comment replies, share buttons): they show a page already known under another URL,
  and a calendar alone multiplies a site into thousands of URLs;
- paths matching :data:`SKIP_PATHS` (printer-friendly copies ``/print/…``, ``drukuj.php``,
  ``…/drukuj``; search, login and admin pages; BIP change registers and visit statistics);
- binary files, except documents (:data:`ATTACHMENT_EXTENSIONS`) linked from a page: those
  are fetched as ``file`` (archived, never parsed or followed).

Many sites run concurrently; the fetcher's per-host limiter keeps each host polite.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from praktyki.crawl.engine import Link, Page
from praktyki.errors import ConfigError
from praktyki.parsers.hrefs import join_href
from praktyki.parsers.html import parse_tree
from praktyki.parsers.topics import Topics, link_score, load_topics
from praktyki.schemas.archive import FrontierItem
from praktyki.schemas.registry import Registry, SiteEntry, SiteHints
from praktyki.scraper.urls import (
    Allowlist,
    canonical_link,
    canonical_netloc,
    canonicalize,
    is_http_url,
)

__all__ = [
    "ATTACHMENT_EXTENSIONS",
    "is_html",
    "DEFAULT_BUDGET",
    "DEFAULT_DEPTH",
    "SKIP_PATHS",
    "TOPIC_RESERVE",
    "VARIANT_PARAMS",
    "is_continuation",
    "PAGINATION_PARAMS",
    "OpsSiteSpec",
    "OpsStrategy",
    "sites_from_registry",
    "sites_from_urls",
    "sites_key",
]

log = logging.getLogger(__name__)

DEFAULT_BUDGET = 200  # as SiteEntry's default
DEFAULT_DEPTH = 5

#: Query parameters (compared lower-case) whose URLs show a page already known under another
#: URL: calendar widgets, sort orders, printer versions, comment replies, share buttons.
VARIANT_PARAMS: frozenset[str] = frozenset(
    {
        # calendars (WordPress ajaxCalendar/mo/yr, events plugins, Joomla JEvents)
        "ajaxcalendar",
        "mo",
        "yr",
        "month",
        "year",
        "calendar",
        "kalendarz",
        "ical",
        # sort orders and list views
        "orderby",
        "order",
        "sort",
        "sortby",
        "sort_by",
        "dir",
        # printer-friendly and other renderings of the same page
        "print",
        "druk",
        "drukuj",
        "printable",
        "tmpl",
        "format",
        "pdf",
        # comments, sharing, feeds
        "replytocom",
        "share",
        "feed",
        "lang_switch",
    }
)
#: Path patterns never followed (searched case-insensitively in the URL path).
SKIP_PATHS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"(^|/)print(/|$)",  # Drupal /print/node/N
        r"(^|/)drukuj(\.php)?(/|$)",  # drukuj.php?id=N, /artykul/N/drukuj
        r"(^|/)(druk|wersja-do-druku|print\.php)(/|$)",
        r"(^|/)(szukaj|wyszukiwarka|search)(/|$)",
        r"(^|/)(wp-admin|wp-login\.php|wp-json|xmlrpc\.php|admin|administrator|user|login)(/|$)",
        r"(^|/)(feed|rss|comments/feed)(/|$)",
        r"(^|/)rejestr-zmian/?$",  # BIP change registers
        r"(^|/)(statystyk[ai]|statystyka-odwiedzin)(/|$)",  # BIP visit statistics
        r"(^|/)(kalendarz|calendar|events?/(day|month|week))(/|$)",
    )
)
#: Documents fetched (archived) as attachments when a page links them.
ATTACHMENT_EXTENSIONS = re.compile(r"\.(pdf|docx?|odt|ods|xlsx?|rtf|pptx?|odp|zip)$", re.I)
#: Other binary files: never fetched.
_BINARY = re.compile(
    r"\.(jpe?g|png|gif|bmp|webp|svg|ico|tiff?|mp3|mp4|avi|mov|wmv|flv|wav|ogg|exe|msi|dmg|"
    r"rar|7z|gz|tar|iso|css|js|woff2?|ttf|eot)$",
    re.IGNORECASE,
)
#: A list's later pages (``?strona=2``, ``&start=3``, ``?page=1``, ``/page/2/``): followed
#: first among non-topic links (lists lead to articles) and never stored as articles.
PAGINATION_PARAMS = frozenset({"page", "strona", "start", "limitstart", "paged", "pg", "offset"})
_PAGINATION_PATH = re.compile(r"/(page|strona)/\d+/?$", re.IGNORECASE)
_PAGINATION_BONUS = 15

#: Share of a site's budget kept for topic links: links with no topic word stop being queued
#: when the rest is used, so topic pages found deeper (a news list's later entries) still fit.
TOPIC_RESERVE = 0.25
_DEPTH_STEP = 20  # a level deeper costs more than one topic in the URL, less than in the text
_FILE_PRIORITY = -10_000  # attachments after every page
_JUDGED_MAX = 20_000  # links remembered across pages (a few MB)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class OpsSiteSpec:
    """One site of a run, resolved: absolute start URLs on one host."""

    name: str
    host: str  # canonical netloc of the start URLs
    start_urls: tuple[str, ...]
    allowed_prefixes: tuple[str, ...] = ("/",)
    page_budget: int = DEFAULT_BUDGET
    max_depth: int = DEFAULT_DEPTH
    hints: SiteHints | None = None

    def to_json(self) -> str:
        data = {
            "name": self.name,
            "host": self.host,
            "start_urls": list(self.start_urls),
            "allowed_prefixes": list(self.allowed_prefixes),
            "page_budget": self.page_budget,
            "max_depth": self.max_depth,
            "hints": self.hints.model_dump() if self.hints else None,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> OpsSiteSpec:
        data = json.loads(text)
        hints = SiteHints.model_validate(data["hints"]) if data["hints"] else None
        return cls(
            name=data["name"],
            host=data["host"],
            start_urls=tuple(data["start_urls"]),
            allowed_prefixes=tuple(data["allowed_prefixes"]),
            page_budget=int(data["page_budget"]),
            max_depth=int(data["max_depth"]),
            hints=hints,
        )


def _spec(
    name: str, urls: Sequence[str], entry: SiteEntry | None, hints: SiteHints | None
) -> OpsSiteSpec:
    canonical = []
    for url in urls:
        if not is_http_url(url):
            raise ConfigError(f"site {name!r}: not an absolute http(s) URL", url=url)
        canonical.append(canonicalize(url))
    hosts = {canonical_netloc(url) for url in canonical}
    if len(hosts) != 1:
        raise ConfigError(f"site {name!r}: start URLs on several hosts: {sorted(hosts)}")
    return OpsSiteSpec(
        name=name,
        host=hosts.pop(),
        start_urls=tuple(dict.fromkeys(canonical)),
        allowed_prefixes=entry.allowed_prefixes if entry else ("/",),
        page_budget=entry.page_budget if entry else DEFAULT_BUDGET,
        max_depth=entry.max_depth if entry else DEFAULT_DEPTH,
        hints=hints,
    )


def sites_from_urls(urls: Iterable[str]) -> list[OpsSiteSpec]:
    """One site per host of the given URLs (its name: the host), default budget and depth."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        if not is_http_url(url):
            raise ConfigError("not an absolute http(s) URL", url=url)
        by_host.setdefault(canonical_netloc(url), []).append(url)
    return [_spec(host, found, None, None) for host, found in by_host.items()]


def sites_from_registry(registry: Registry) -> list[OpsSiteSpec]:
    """The registry's sites, each with its budget, depth, prefixes and hints."""
    return [_spec(entry.name, entry.start_urls, entry, entry.hints) for entry in registry.sites]


def sites_key(sites: Sequence[OpsSiteSpec]) -> str:
    """A stable key of a set of sites: a run resumes only with the same sites."""
    text = "\n".join(sorted(site.to_json() for site in sites))
    return "ops-sites:" + hashlib.sha256(text.encode()).hexdigest()[:16]


def is_continuation(url: str) -> bool:
    """Whether ``url`` is a later page of a paginated list (by its pagination parameter/path)."""
    parts = urlsplit(url)
    if _PAGINATION_PATH.search(parts.path):
        return True
    return any(name.lower() in PAGINATION_PARAMS for name, _ in parse_qsl(parts.query))


def _has_variant_param(query: str) -> bool:
    return any(
        name.lower() in VARIANT_PARAMS for name, _ in parse_qsl(query, keep_blank_values=True)
    )


def skipped_url_reason(url: str) -> str | None:
    """Why a canonical on-site URL is never followed (None: it may be)."""
    parts = urlsplit(url)
    if _has_variant_param(parts.query):
        return "variant parameter"
    if any(pattern.search(parts.path) for pattern in SKIP_PATHS):
        return "skipped path"
    if _BINARY.search(parts.path):
        return "binary file"
    return None


class OpsStrategy:
    """Many OPS sites as one :class:`~praktyki.crawl.engine.Strategy`.

    ``admitted`` (url → site name) are the URLs the run's frontier already holds (a resumed
    run), so the budgets keep counting from where the run stopped.
    """

    def __init__(
        self,
        sites: Sequence[OpsSiteSpec],
        *,
        admitted: Mapping[str, str] | None = None,
        topics: Topics | None = None,
    ) -> None:
        if not sites:
            raise ConfigError("no OPS sites to crawl")
        self.sites = {site.host: site for site in sites}
        if len(self.sites) != len(sites):
            raise ConfigError("two OPS sites on one host: give each host one registry entry")
        names = [site.name for site in sites]
        if len(set(names)) != len(names):
            raise ConfigError("two OPS sites with one name")
        self.topics = topics or load_topics()
        self._allowlist = Allowlist(self.sites)
        self._queued: dict[str, int] = dict.fromkeys(names, 0)
        for name in (admitted or {}).values():
            if name in self._queued:
                self._queued[name] += 1
        self._admitted = set(admitted or {})
        #: Sites whose budget refused a link: their discovery is incomplete (no removals).
        self.exhausted: set[str] = set()
        self._judged: dict[tuple[str, str, str], tuple[str, str, int] | None] = {}

    def budget_spent(self, name: str) -> bool:
        """Whether the site's budget refused a link (or is used up: a resumed run may not
        have seen the refusal): its discovery is then incomplete."""
        budget = next(site.page_budget for site in self.sites.values() if site.name == name)
        return name in self.exhausted or self._queued[name] >= budget

    @property
    def allowlist(self) -> Allowlist:
        return self._allowlist

    @property
    def aliases(self) -> Mapping[str, str]:
        return {}

    def seeds(self) -> Sequence[Link]:
        links = []
        for site in self.sites.values():
            for url in site.start_urls:
                link = self._admit(site, Link(url, "page", 0, 0))
                if link is not None:
                    links.append(link)
        return links

    def wants_validators(self, item: FrontierItem) -> bool:
        return True  # a 304's archived body is what discovery and assembly read

    def is_navigation(self, kind: str) -> bool:
        return kind == "page"

    def site_of(self, url: str) -> OpsSiteSpec | None:
        return self.sites.get(urlsplit(url).netloc)

    def discover(self, item: FrontierItem, page: Page) -> Sequence[Link]:
        site = self.site_of(item.url)
        if item.kind != "page" or site is None or item.depth >= site.max_depth:
            return []
        if not is_html(page.content_type) or not 200 <= page.status < 300:
            return []
        ranked: dict[str, Link] = {}
        for href, text in _anchors(page):
            link = self._link(site, href, text, page.url, item.depth + 1)
            known = ranked.get(link.url) if link is not None else None
            if link is not None and (known is None or known.priority < link.priority):
                ranked[link.url] = link
        links = sorted(ranked.values(), key=lambda link: -link.priority)
        return [link for link in (self._admit(site, link) for link in links) if link is not None]

    def _link(
        self, site: OpsSiteSpec, href: str, text: str, page_url: str, depth: int
    ) -> Link | None:
        key = (site.host, href, text)
        if key in self._judged:
            judged = self._judged[key]
        else:
            judged = self._judge(site, href, text)
            if len(self._judged) >= _JUDGED_MAX:  # oldest first: menus come back, pages do not
                del self._judged[next(iter(self._judged))]
            self._judged[key] = judged
        if judged is None or judged[0] == page_url:
            return None
        url, kind, score = judged
        if kind == "file":
            return Link(url, kind, score, depth)
        return Link(url, kind, score - _DEPTH_STEP * depth, depth)

    def _judge(self, site: OpsSiteSpec, href: str, text: str) -> tuple[str, str, int] | None:
        """Where a link leads, as what, and how strongly it points at a topic; None when it
        is not followed. The same on every page: menus and footers are judged once."""
        url = canonical_link(href, href)
        if url is None:
            return None
        parts = urlsplit(url)
        if parts.netloc != site.host:
            return None
        if not any(parts.path.startswith(prefix) for prefix in site.allowed_prefixes):
            return None
        if ATTACHMENT_EXTENSIONS.search(parts.path) and not _has_variant_param(parts.query):
            return url, "file", _FILE_PRIORITY
        if skipped_url_reason(url) is not None:
            return None
        score = link_score(url, text, self.topics)
        if is_continuation(url):
            score += _PAGINATION_BONUS
        return url, "page", score

    def _admit(self, site: OpsSiteSpec, link: Link) -> Link | None:
        """Count ``link`` against the site's budget; None when over it, and for a URL admitted
        before (menus and footers link the same pages from every page: the frontier has them,
        and checking them against robots.txt and the frontier again on every page is waste)."""
        if link.url in self._admitted:
            return None
        limit = site.page_budget
        if link.priority + _DEPTH_STEP * link.depth <= 0:  # no topic, not a list's next page
            limit -= int(site.page_budget * TOPIC_RESERVE)
        if self._queued[site.name] >= limit:
            if site.name not in self.exhausted:
                log.info("site %s: page budget of %d reached", site.name, site.page_budget)
            self.exhausted.add(site.name)
            return None
        self._queued[site.name] += 1
        self._admitted.add(link.url)
        return link


def is_html(content_type: str | None) -> bool:
    """Whether a response of ``content_type`` is a page to read (no type: assume it is)."""
    return not content_type or content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _anchors(page: Page) -> list[tuple[str, str]]:
    """``(href, visible text)`` of every ``<a href>``, resolved against ``<base href>``."""
    tree, _ = parse_tree(page.body, page.content_type, page.url)
    base = tree.css_first("base[href]")
    base_url = page.url
    if base is not None:
        base_url = join_href(page.url, base.attributes.get("href") or "") or page.url
    out = []
    for node in tree.css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        text = node.text(separator=" ", strip=True)
        title = node.attributes.get("title") or ""
        out.append((join_href(base_url, href) or "", f"{text} {title}".strip()))
    return out
