"""The BDP page model: ``Chrome`` (banner, menu, visitor counter, footer) plus content blocks,
and :class:`Templates`, the table of HTML templates (one per kind of block) each markup fills in.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from praktyki_replica.bdp_parts import MetrykaLine

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
    "Templates",
    "Title",
    "counter_text",
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


def text(value: str) -> str:
    """Text content escaped for HTML (``&``, ``<``, ``>``); quotes stay as typed."""
    return html.escape(value, quote=False)


def counter_text(value: int) -> str:
    """``1.591.345``: the visitor counter as the real page prints it."""
    return f"{value:,}".replace(",", ".")


@dataclass(frozen=True, slots=True)
class Templates:
    """One markup's HTML for each kind of block; :meth:`block` picks the template."""

    category: Callable[[Category], str]
    title: Callable[[Title], str]
    tabs: Callable[[Tabs], str]
    paragraphs: Callable[[Paragraphs], str]
    heading: Callable[[Heading], str]
    metryka: Callable[[Metryka], str]
    links: Callable[[Links], str]
    pager: Callable[[Pager], str]

    def block(self, block: Block) -> str:
        match block:
            case Category():
                return self.category(block)
            case Title():
                return self.title(block)
            case Tabs():
                return self.tabs(block)
            case Paragraphs():
                return self.paragraphs(block)
            case Heading():
                return self.heading(block)
            case Metryka():
                return self.metryka(block)
            case Links():
                return self.links(block)
            case Pager():
                return self.pager(block)
