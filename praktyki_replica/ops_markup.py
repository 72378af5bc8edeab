"""Markup helpers shared by the OPS replica styles (``ops_markup_legacy``, ``ops_markup_cms``).

A style turns content records (``ops_content``) into an HTML string; ``encode`` then writes it
in the site's charset, characters the charset lacks as numeric entities (old Polish sites in
ISO-8859-2 write „ ” – © that way).
"""

from __future__ import annotations

import html
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import parse_qsl, urlencode

from praktyki_replica.ops_content import Blocks, Bullets, Page, SiteContent

__all__ = [
    "Ctx",
    "Listing",
    "Style",
    "blocks_html",
    "encode",
    "esc",
    "paginate",
    "strip_params",
    "teaser",
]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def encode(markup: str, charset: str) -> bytes:
    return markup.encode(charset, errors="xmlcharrefreplace")


@dataclass(frozen=True, slots=True)
class Ctx:
    """What a style needs to render one response."""

    site: SiteContent
    base: str  # scheme://host[:port], no trailing slash
    target: str  # the requested path[?query], as asked
    params: dict[str, str] = field(default_factory=dict)

    def url(self, target: str) -> str:
        return f"{self.base}{target}"


@dataclass(frozen=True, slots=True)
class Listing:
    """A list of article links with pagination (a news list, a BIP menu page)."""

    heading: str
    entries: tuple[Page, ...]
    page_targets: tuple[str, ...] = ()  # every page of this list, 1..n
    current: int = 0  # index into page_targets
    notes: tuple[str, ...] = ()  # extra lines (e.g. a "Rejestr zmian" table)


class Style(Protocol):
    def article(self, ctx: Ctx, page: Page, printable: bool) -> str: ...

    def listing(self, ctx: Ctx, listing: Listing) -> str: ...

    def home(self, ctx: Ctx) -> str: ...

    def not_found(self, ctx: Ctx) -> str: ...


def blocks_html(blocks: Blocks, *, text_bullets: bool = False) -> str:
    """Paragraphs as ``<p>`` (``\\n`` → ``<br>``); lists as ``<ul>`` or as "•" text lines."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Bullets):
            if text_bullets:
                lines = "<br>\n".join(f" • {esc(item)}" for item in block.items)
                out.append(f"<p>{lines}</p>")
            else:
                items = "".join(f"<li>{esc(item)}</li>\n" for item in block.items)
                out.append(f"<ul>\n{items}</ul>")
        else:
            lines = "<br>\n".join(esc(line) for line in block.text.split("\n"))
            out.append(f"<p>{lines}</p>")
    return "\n".join(out)


def paginate(entries: tuple[Page, ...], size: int, index: int) -> tuple[Page, ...]:
    return entries[index * size : (index + 1) * size]


def teaser(page: Page, words: int = 18) -> str:
    """The first words of a page's first paragraph, for list entries."""
    for block in page.articles[0].blocks:
        text = " ".join(block.items) if isinstance(block, Bullets) else block.text
        tokens = text.split()
        if tokens:
            more = "…" if len(tokens) > words else ""
            return " ".join(tokens[:words]) + more
    return ""


def strip_params(target: str, names: Collection[str]) -> str:
    """``target`` without the query parameters ``names`` (order of the others kept)."""
    path, _, query = target.partition("?")
    kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in names]
    return f"{path}?{urlencode(kept)}" if kept else path
