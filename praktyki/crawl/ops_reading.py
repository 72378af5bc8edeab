"""One archived OPS page read for assembly: its articles and its links, or why it has none.

:func:`read_page` is the per-page half of :mod:`praktyki.crawl.ops_assemble` (the other half,
the site-level rules on teasers and lists, needs every page of the site). It depends only on
the page's body, URL and the site's hints, so its result can be computed by the parse worker
while the crawl goes on (:mod:`praktyki.crawl.worker`), kept as JSON in ``ops_readings``, and
used by the run's last phase exactly as if it had read the page itself.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict
from selectolax.lexbor import LexborHTMLParser

from praktyki.crawl.ops_strategy import OpsSiteSpec, is_html
from praktyki.errors import ParseError
from praktyki.parsers.html import parse_tree
from praktyki.parsers.ops import SiteHints as ParserHints
from praktyki.parsers.ops import parse_ops_page
from praktyki.schemas.archive import ArchivedResponse
from praktyki.schemas.ops import OpsPage
from praktyki.scraper.urls import canonical_link

__all__ = ["Outcome", "PageReading", "norm", "read_page"]

#: ``article``: records (and links) follow; ``not_html``: not a page to read (no count);
#: ``duplicate``: the page declares itself a copy; ``no_article``: the extractor found none;
#: ``failed``: not parsable (``error`` says why).
Outcome = Literal["article", "not_html", "duplicate", "no_article", "failed"]


class PageReading(BaseModel):
    """What one archived page gave (see :data:`Outcome`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    outcome: Outcome
    error: str | None = None
    archive_id: int
    fetched_at: dt.datetime
    records: tuple[OpsPage, ...] = ()
    links: dict[str, tuple[str, ...]] = {}  # normalized anchor text -> on-site URLs (not itself)


def read_page(site: OpsSiteSpec, url: str, body: ArchivedResponse) -> PageReading:
    """Read ``body`` (the archived response holding ``url``'s content) as a page of ``site``."""
    base = {"archive_id": body.id, "fetched_at": body.fetched_at}
    content_type = body.content_type
    if not is_html(content_type):
        return PageReading(outcome="not_html", **base)
    try:
        tree, _ = parse_tree(body.body, content_type, url)
    except ParseError as exc:  # not HTML after all, or past the parser's bounds
        return PageReading(outcome="failed", error=f"{type(exc).__name__}: {exc.reason}", **base)
    if _declared_duplicate(tree, url):
        return PageReading(outcome="duplicate", **base)
    try:
        records = parse_ops_page(body.body, url, content_type, hints=_hints(site))
    except ParseError:
        return PageReading(outcome="no_article", **base)
    return PageReading(outcome="article", records=tuple(records), links=_links(tree, url), **base)


def norm(text: str) -> str:
    """Text as titles and anchors are compared: whitespace collapsed, case folded."""
    return " ".join(text.split()).casefold()


def _hints(site: OpsSiteSpec) -> ParserHints | None:
    if site.hints is None:
        return None
    return ParserHints(
        title_selector=site.hints.title,
        body_selector=site.hints.body,
        date_selector=site.hints.date,
    )


def _declared_duplicate(tree: LexborHTMLParser, url: str) -> bool:
    """``rel=canonical`` to another URL, or ``noindex``: the page says it is a copy."""
    for meta in tree.css("meta[name]"):
        name = (meta.attributes.get("name") or "").lower()
        if name == "robots" and "noindex" in (meta.attributes.get("content") or "").lower():
            return True
    link = tree.css_first('link[rel="canonical"][href]')
    if link is None:
        return False
    target = canonical_link(link.attributes.get("href") or "", url)
    return target is not None and target != url


def _links(tree: LexborHTMLParser, url: str) -> dict[str, tuple[str, ...]]:
    host = urlsplit(url).netloc
    out: dict[str, set[str]] = defaultdict(set)
    for node in tree.css("a[href]"):
        target = canonical_link(node.attributes.get("href") or "", url)
        if target is None or target == url or urlsplit(target).netloc != host:
            continue
        text = norm(node.text(separator=" ", strip=True))
        if text:
            out[text].add(target)
    return {text: tuple(sorted(targets)) for text, targets in out.items()}
