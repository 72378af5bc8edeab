"""One entry point for any saved page: pick the parser by URL, then by content.

``kind="bdp"`` routes by the URL's query (``classify_bdp_url``) and, for a page saved without a
meaningful URL, by its visible text; ``kind="ops"`` hands the page to the OPS parser;
``kind="auto"`` takes BDP when the URL or the text says so, OPS otherwise.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from typing import Literal

from praktyki.errors import NotAPracticePage, ParseError
from praktyki.parsers import bdp
from praktyki.parsers.decode import decode_html
from praktyki.schemas.base import Record

__all__ = ["Kind", "parse_page"]

Kind = Literal["bdp", "ops", "auto"]
Parser = Callable[[bytes, str, str | None], Record]

_PARSERS: dict[str, Parser] = {
    "practice": bdp.parse_practice,
    "presentation": bdp.parse_presentation,
    "attachments": bdp.parse_attachments,
    "listing": bdp.parse_listing,
    "home": bdp.parse_menu,
}
_TABS = re.compile(r"Skrót\s+i\s+Metryka")
_METRYKA = re.compile(r"Metryka\s+praktyki")
_ART_LINK = re.compile(r"""href\s*=\s*["']?[^"'>]*[?&;]art=\d""", re.IGNORECASE)
_FILE_LINK = re.compile(r"""href\s*=\s*["']?[^"'>\s]+\.(pdf|docx?|xlsx?|od[ts]|rtf|zip)\b""", re.I)


def parse_page(
    body: bytes, url: str, content_type: str | None = None, kind: Kind = "auto"
) -> list[Record]:
    """The records on one page (an OPS page may hold several articles)."""
    if kind == "ops":
        return _parse_ops(body, url, content_type)
    page_kind = bdp.classify_bdp_url(url)
    if page_kind == "other":
        try:
            page_kind = _sniff_bdp(decode_html(body, content_type).text)
        except ParseError as exc:  # not text at all, or no encoding fits: say which page
            raise type(exc)(exc.reason, url=url) from exc
    if page_kind == "other":
        if kind == "bdp":
            raise NotAPracticePage("neither the URL nor the text looks like a BDP page", url=url)
        return _parse_ops(body, url, content_type)
    return [_PARSERS[page_kind](body, url, content_type)]


def _sniff_bdp(text: str) -> str:
    """The BDP page kind the visible text suggests, for a page saved without its URL."""
    if _TABS.search(text):
        if _METRYKA.search(text):
            return "practice"
        return "attachments" if _FILE_LINK.search(text) else "presentation"
    if _ART_LINK.search(text):
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
