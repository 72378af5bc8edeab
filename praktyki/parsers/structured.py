"""Structured data a page declares about its article: JSON-LD, OpenGraph, microdata.

What a page *declares* is evidence, not truth: CMS plugins stamp every page with the same
``WebPage`` dates, themes copy the site name into ``og:title``, and some scripts hold JSON that
only a browser forgives. So this module only collects claims, each with how strong it is; the
article parser checks them against what the page shows (:mod:`praktyki.parsers.ops_evidence`).

Read here:

* JSON-LD (``<script type="application/ld+json">``, objects, arrays and ``@graph``): for an
  article type (``Article``, ``NewsArticle``, ``BlogPosting``, …) ``headline`` / ``name``,
  ``datePublished``, ``dateModified``, ``author`` and whether it has an ``articleBody``; for a
  ``WebPage`` the same claims, marked weak (plugins give every page these dates);
* OpenGraph and similar ``<meta>``: ``og:title``, ``twitter:title``, ``article:published_time``,
  ``article:modified_time`` (not ``<meta name="author">``: themes fill it with the web agency);
* microdata ``itemprop``: ``headline``, ``datePublished``, ``dateModified``, ``author``.

Malformed JSON is repaired where a browser would have read it (comments, CDATA, trailing
commas, raw newlines in strings) and otherwise skipped; nothing here raises.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from praktyki.parsers.dates import find_datetime

__all__ = ["DateClaim", "Evidence", "read_evidence", "structured_datetime"]

ARTICLE_TYPES: Final = frozenset(
    {
        *("article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle"),
        *("opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "report"),
        *("scholarlyarticle", "techarticle", "socialmediaposting", "liveblogposting"),
        "pressrelease",
    }
)
PAGE_TYPES: Final = frozenset({"webpage", "itempage", "collectionpage", "aboutpage", "contactpage"})
_FIRST_YEAR: Final = 1993  # no web page is older: an earlier year is a placeholder or a typo
_LAST_YEAR: Final = 2099
# microdata items whose dates are never the article's
_NOT_ARTICLE_ITEMS: Final = frozenset(
    {
        *("review", "comment", "product", "offer", "aggregaterating", "rating", "question"),
        *("answer", "userreview", "criticreview", "employeereview", "event", "jobposting"),
    }
)
_TITLE_META: Final = ('meta[property="og:title"]', 'meta[name="twitter:title"]')
_PUBLISHED_META: Final = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[property="og:article:published_time"]',
    'meta[name="dcterms.issued"]',
    'meta[name="DC.date.issued"]',
)
_MODIFIED_META: Final = (
    'meta[property="article:modified_time"]',
    'meta[name="article:modified_time"]',
)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^\s*<!--|-->\s*$")


@dataclass(frozen=True, slots=True)
class DateClaim:
    """A declared date-time and whether it names the article (strong) or only the page."""

    value: dt.datetime
    strong: bool
    source: str
    near_midnight_utc: bool = False  # a UTC time the page may print as the next/previous day


@dataclass(frozen=True)
class Evidence:
    """Everything the page declares about its article, strongest claims first."""

    headlines: tuple[str, ...] = ()
    published: tuple[DateClaim, ...] = ()
    modified: tuple[DateClaim, ...] = ()
    authors: tuple[str, ...] = ()
    article_body: bool = False
    types: frozenset[str] = field(default_factory=frozenset)


def read_evidence(tree: LexborHTMLParser) -> Evidence:
    """The claims of the page's JSON-LD, ``<meta>`` and microdata (see module doc)."""
    items = list(_json_ld_items(tree))
    articles = [item for item in items if _types(item) & ARTICLE_TYPES]
    pages = [item for item in items if _types(item) & PAGE_TYPES and item not in articles]
    items_md = tree.css("[itemprop]")  # read once: four properties are looked up
    headlines = [*_ld_texts(articles, "headline", "name"), *_microdata_texts(items_md, "headline")]
    headlines += _meta_texts(tree, _TITLE_META)
    headlines += _ld_texts(pages, "headline", "name")
    published = [
        *_ld_dates(articles, "datePublished", strong=True),
        *_meta_dates(tree, _PUBLISHED_META),
        *_microdata_dates(items_md, "datePublished"),
        *_ld_dates(pages, "datePublished", strong=False),
    ]
    modified = [
        *_ld_dates(articles, "dateModified", strong=True),
        *_meta_dates(tree, _MODIFIED_META),
        *_microdata_dates(items_md, "dateModified"),
        *_ld_dates(pages, "dateModified", strong=False),
    ]
    authors = [*_ld_authors(articles), *_microdata_authors(items_md)]
    return Evidence(
        headlines=_unique(headlines),
        published=tuple(published),
        modified=tuple(modified),
        authors=_unique(authors),
        article_body=any(isinstance(item.get("articleBody"), str) for item in articles),
        types=frozenset(t for item in items for t in _types(item)),
    )


def structured_datetime(value: object) -> dt.datetime | None:
    """An ISO 8601 date or date-time as the page wrote it (local time, offset dropped)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    parsed: dt.datetime | None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = find_datetime(text[:40])
    if parsed is None or not _FIRST_YEAR <= parsed.year <= _LAST_YEAR:
        return None
    return parsed.replace(tzinfo=None)


def _near_midnight_utc(raw: object, value: dt.datetime) -> bool:
    utc = isinstance(raw, str) and raw.strip().endswith(("Z", "+00:00", "+0000"))
    return utc and (value.hour >= 21 or value.hour < 3)


# ------------------------------------------------------------------------------ JSON-LD


def _json_ld_items(tree: LexborHTMLParser) -> Iterator[dict[str, Any]]:
    for script in tree.css("script"):
        if "ld+json" not in (script.attributes.get("type") or "").lower():
            continue
        data = _loads(script.text(deep=True, strip=False))
        if data is not None:
            yield from _flatten(data, depth=0)


def _loads(text: str) -> object | None:
    """JSON as a browser's JSON-LD reader would take it, or None."""
    lines = [line for line in text.splitlines() if not _CDATA.fullmatch(line)]
    cleaned = _CDATA.sub("", "\n".join(lines)).strip()
    for candidate in (cleaned, _TRAILING_COMMA.sub(r"\1", cleaned)):
        try:
            data: object = json.loads(candidate, strict=False)  # raw newlines in strings
        except (ValueError, RecursionError):
            continue
        return data
    return None


def _flatten(data: object, depth: int) -> Iterator[dict[str, Any]]:
    """Every typed object: top level, in lists, in ``@graph`` and as ``mainEntity``."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data[:50]:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _flatten(data[key], depth + 1)


def _types(item: dict[str, Any]) -> frozenset[str]:
    value = item.get("@type")
    names = value if isinstance(value, list) else [value]
    return frozenset(name.casefold() for name in names if isinstance(name, str))


def _ld_texts(items: list[dict[str, Any]], *keys: str) -> list[str]:
    texts = []
    for item in items:
        for key in keys:
            text = _text(item.get(key))
            if text:
                texts.append(text)
                break  # "name" only where there is no "headline"
    return texts


def _ld_dates(items: list[dict[str, Any]], key: str, *, strong: bool) -> list[DateClaim]:
    claims = []
    for item in items:
        value = structured_datetime(item.get(key))
        if value is not None:
            edge = _near_midnight_utc(item.get(key), value)
            claims.append(DateClaim(value, strong, f"json-ld {key}", edge))
    return claims


def _ld_authors(items: list[dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for item in items:
        value = item.get("author")
        for author in value if isinstance(value, list) else [value]:
            name = _text(author.get("name")) if isinstance(author, dict) else _text(author)
            if name:
                names.append(name)
    return names


def _text(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text if text and len(text) <= 300 else None


# ------------------------------------------------------------------ <meta> and microdata


def _meta_texts(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> list[str]:
    texts = []
    for selector in selectors:
        for node in tree.css(selector):
            text = _text(node.attributes.get("content"))
            if text and not text.startswith(("http://", "https://")):
                texts.append(text)
    return texts


def _meta_dates(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> list[DateClaim]:
    claims = []
    for selector in selectors:
        for node in tree.css(selector):
            raw = node.attributes.get("content")
            value = structured_datetime(raw)
            if value is not None:
                claims.append(DateClaim(value, True, selector, _near_midnight_utc(raw, value)))
    return claims


def _itemprop(nodes: list[LexborNode], name: str) -> list[LexborNode]:
    return [node for node in nodes if name in (node.attributes.get("itemprop") or "").split()]


def _microdata_texts(nodes: list[LexborNode], name: str) -> list[str]:
    texts = []
    for node in _itemprop(nodes, name):
        text = _text(node.attributes.get("content") or node.text(separator=" ", strip=True))
        if text:
            texts.append(text)
    return texts


def _microdata_dates(nodes: list[LexborNode], name: str) -> list[DateClaim]:
    """Dates of the article's own item (a review's or a comment's item is not the article)."""
    claims = []
    for node in _itemprop(nodes, name):
        if not _in_article_item(node):
            continue
        attrs = node.attributes
        raw = attrs.get("content") or attrs.get("datetime") or node.text(strip=True)
        value = structured_datetime(raw)
        if value is not None:
            claims.append(DateClaim(value, True, f"itemprop {name}"))
    return claims


def _in_article_item(node: LexborNode) -> bool:
    """The nearest ``itemscope`` around ``node`` is not a review, comment, product or such."""
    parent: LexborNode | None = node
    while parent is not None:
        attrs = parent.attributes if parent.is_element_node else {}
        if "itemscope" in attrs:
            kind = (attrs.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1].casefold()
            return kind not in _NOT_ARTICLE_ITEMS
        parent = parent.parent
    return True


def _microdata_authors(nodes: list[LexborNode]) -> list[str]:
    names = []
    for node in _itemprop(nodes, "author"):
        named = next(iter(_itemprop_within(node, "name")), node)
        text = _text(named.attributes.get("content") or named.text(separator=" ", strip=True))
        if text:
            names.append(text)
    return names


def _itemprop_within(node: LexborNode, name: str) -> list[LexborNode]:
    return [n for n in node.css("[itemprop]") if name in (n.attributes.get("itemprop") or "")]


def _unique(texts: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(texts))
