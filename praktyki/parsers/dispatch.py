"""One entry point for any saved page: pick the parser by URL, then by what a reader sees.

``kind="bdp"`` routes by the URL's query (``classify_bdp_url``) and, for a page saved without a
meaningful URL, by its visible text (any page with a "Metryka praktyki" block is a practice);
``kind="ops"`` hands the page to the OPS parser; ``kind="auto"`` takes BDP when the URL or the
text says so, OPS otherwise.

The text is the *decoded, entity-resolved visible text* of the parsed tree, never the raw
source: ``Skr&#243;t i Metryka``, ``<TD>`` or a missing ``</td>`` read the same as clean markup.
A page saved by a browser carries ``<!-- saved from url=(0062)http://… -->``; when the caller has
no real URL (a ``file:`` URI, or none), that address is the page's URL.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from typing import Literal

from praktyki.errors import NotAPracticePage, ParseError
from praktyki.parsers import bdp
from praktyki.parsers.hrefs import split_url, url_path
from praktyki.parsers.html import parse_tree
from praktyki.schemas.base import Record

__all__ = ["Kind", "parse_page", "saved_from_url"]

Kind = Literal["bdp", "ops", "auto"]
Parser = Callable[[bytes, str, str | None], Record]

_PARSERS: dict[str, Parser] = {
    "practice": bdp.parse_practice,
    "presentation": bdp.parse_presentation,
    "attachments": bdp.parse_attachments,
    "listing": bdp.parse_listing,
    "home": bdp.parse_menu,
}
_TABS = re.compile(r"Skr[óo]t\s+i\s+Metryka", re.IGNORECASE)
_METRYKA = re.compile(rf"(?m)^\s*{bdp.METRYKA_HEADING_TEXT.pattern}", re.IGNORECASE)
_ART_QUERY = re.compile(r"(?:^|[?&;])art=\d")
_FILE_PATH = re.compile(r"\.(?:pdf|docx?|xlsx?|od[ts]|rtf|zip)$", re.IGNORECASE)
# IE/Edge "Save as": <!-- saved from url=(0062)http://... --> in the first lines of the file.
# Searched in the raw bytes, as if they were read as ASCII with every other byte replaced: the
# space class is what \s matches in such text (the ASCII whitespace of str.isspace(), which
# has \x1c-\x1f), and a non-ASCII byte is a non-space. Decoding the window with replacement
# characters first cost as much as reading the file, on a page in a legacy encoding.
_SPACE_BYTES = rb" \t\n\r\x0b\x0c\x1c-\x1f"
_SAVED_FROM = re.compile(
    rb"<!--[%s]*saved from url=\(\d+\)[%s]*([^%s]+?)[%s]*-->" % ((_SPACE_BYTES,) * 4),
    re.IGNORECASE,
)
_SAVED_FROM_WINDOW = 4096  # bytes: the comment precedes <html>


def parse_page(
    body: bytes, url: str, content_type: str | None = None, kind: Kind = "auto"
) -> list[Record]:
    """The records on one page (an OPS page may hold several articles)."""
    url = _page_url(body, url)
    if kind == "ops":
        return _parse_ops(body, url, content_type)
    page_kind = bdp.classify_bdp_url(url)
    if page_kind == "other":
        # a NotHtml/DecodeError from reading the page names its URL (parse_tree adds it)
        page_kind = _sniff_bdp(body, content_type, url, metryka_alone=kind == "bdp")
    if page_kind == "other":
        if kind == "bdp":
            raise NotAPracticePage("neither the URL nor the text looks like a BDP page", url=url)
        return _parse_ops(body, url, content_type)
    return [_PARSERS[page_kind](body, url, content_type)]


def saved_from_url(body: bytes) -> str | None:
    """The address in a browser's ``<!-- saved from url=… -->`` comment, if it is http(s)."""
    match = _SAVED_FROM.search(body, 0, _SAVED_FROM_WINDOW)
    if match is None:
        return None
    url = match.group(1).decode("ascii", "replace")
    parts = split_url(url)
    return url if parts is not None and parts.scheme in ("http", "https") else None


def _page_url(body: bytes, url: str) -> str:
    """The caller's URL, unless it is only where the file lies and the page says where it was."""
    parts = split_url(url)
    if parts is not None and parts.scheme in ("http", "https"):
        return url
    return saved_from_url(body) or url


def _sniff_bdp(body: bytes, content_type: str | None, url: str, *, metryka_alone: bool) -> str:
    """The BDP page kind the visible text suggests, for a page saved without its URL."""
    tree, _ = parse_tree(body, content_type, url)
    root = tree.body or tree.root
    text = root.text(separator="\n", strip=True) if root is not None else ""
    has_metryka = _METRYKA.search(text) is not None
    if _TABS.search(text):
        if has_metryka:
            return "practice"
        hrefs = (url_path(a.attributes.get("href") or "") for a in tree.css("a[href]"))
        return "attachments" if any(_FILE_PATH.search(h) for h in hrefs) else "presentation"
    if metryka_alone and has_metryka:
        return "practice"
    # Only a link with "art=" can match _ART_QUERY: lexbor picks those out (a page of another
    # site has none, and used to cost a dict of attributes per link).
    queries = (a.attributes.get("href") or "" for a in tree.css('a[href*="art="]'))
    if any(_ART_QUERY.search(q.partition("?")[2]) for q in queries):
        return "listing"
    return "other"


def _parse_ops(body: bytes, url: str, content_type: str | None) -> list[Record]:
    # Imported lazily: the OPS parser is a separate, heavier module.
    try:
        module = importlib.import_module("praktyki.parsers.ops")
    except ImportError as exc:
        raise ParseError("the OPS parser is not available", url=url) from exc
    parse_ops_page: Callable[[bytes, str, str | None], Sequence[Record]] = module.parse_ops_page
    return list(parse_ops_page(body, url, content_type))
