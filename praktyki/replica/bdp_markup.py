"""BDP page model and its three markups.

A page is ``Chrome`` (banner, menu, visitor counter, footer) plus a list of content blocks; a
style module turns them into HTML text and :func:`render_page` encodes it. Characters the target
encoding lacks (ISO-8859-2 has no „ ” – —) become numeric character references, as browsers and
old CMSs wrote them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from praktyki.replica.bdp_content import MetrykaLine

__all__ = [
    "Block",
    "Category",
    "Chrome",
    "Heading",
    "Links",
    "MenuItem",
    "Metryka",
    "Pager",
    "Paragraphs",
    "Tabs",
    "Title",
    "render_page",
    "text",
]


@dataclass(frozen=True, slots=True)
class MenuItem:
    name: str
    href: str  # already HTML-escaped or deliberately raw (old pages wrote bare "&")
    sub: bool = False


@dataclass(frozen=True, slots=True)
class Chrome:
    page_title: str
    banner: str | None
    menu: tuple[MenuItem, ...]
    counter: int
    footer: tuple[str, ...]
    search_href: str


@dataclass(frozen=True, slots=True)
class Category:
    section: str
    subsection: str | None


@dataclass(frozen=True, slots=True)
class Title:
    text: str


@dataclass(frozen=True, slots=True)
class Tabs:
    items: tuple[tuple[str, str], ...]  # (label, href)


@dataclass(frozen=True, slots=True)
class Paragraphs:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True, slots=True)
class Metryka:
    lines: tuple[MetrykaLine, ...]


@dataclass(frozen=True, slots=True)
class Links:
    """A list of links with an optional note after each (listing entries, attachments)."""

    heading: str | None
    items: tuple[tuple[str, str, str], ...]  # (text, href, note)


@dataclass(frozen=True, slots=True)
class Pager:
    items: tuple[tuple[str, str | None], ...]  # (label, href or None for the current page)


Block = Category | Title | Tabs | Paragraphs | Heading | Metryka | Links | Pager

Renderer = Callable[[Chrome, Sequence[Block], str], str]


def text(value: str) -> str:
    """Text content escaped for HTML (``&``, ``<``, ``>``); quotes stay as typed."""
    return html.escape(value, quote=False)


def counter_text(value: int) -> str:
    """``1.591.345``: the visitor counter as the real page prints it."""
    return f"{value:,}".replace(",", ".")


def render_page(
    style: str, chrome: Chrome, blocks: Sequence[Block], meta_charset: str, encoding: str
) -> bytes:
    """The page's bytes in ``encoding``; ``meta_charset`` is what its ``<meta>`` claims."""
    from praktyki.replica import bdp_markup_br, bdp_markup_html5, bdp_markup_table

    renderers: dict[str, Renderer] = {
        "table": bdp_markup_table.render,
        "br": bdp_markup_br.render,
        "html5": bdp_markup_html5.render,
    }
    return renderers[style](chrome, blocks, meta_charset).encode(encoding, "xmlcharrefreplace")
