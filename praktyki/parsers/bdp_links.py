"""BDP navigation: listing pages (practice links, pagination) and the menu.

Section and subsection numbers (``p1``/``p2``) are read from the links themselves; only
``p1=111`` (the home page) is known in advance, and nothing here depends on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from praktyki.errors import NotAPracticePage
from praktyki.parsers.bdp_page import query_param, read_lines
from praktyki.parsers.hrefs import join_href, split_url
from praktyki.parsers.html import normalize_space
from praktyki.schemas.bdp import Listing, ListingEntry, Menu, MenuSection, MenuSubsection

__all__ = ["parse_listing", "parse_menu"]

_NEXT = re.compile(r"^(następn\w*|dalej|next)\b|^[>»›]+$|(następn\w*|dalej|next)\s*[>»›]*$", re.I)
_PREVIOUS = re.compile(r"^(poprzedni\w*|wstecz|prev\w*)\b|^[<«‹]+$", re.I)
_PAGE_NUMBER = re.compile(r"^\[?\d{1,4}\]?$")
_CATEGORY = re.compile(r"^(?P<section>[^:]{2,80}?)\s+:\s+(?P<subsection>[^:]{2,80})$")
_BULLET = re.compile(r"^[»›>\-–•·]+\s*")


@dataclass(frozen=True, slots=True)
class _Link:
    text: str
    url: str
    p1: str | None
    p2: str | None
    art: str | None


def parse_listing(body: bytes, url: str, content_type: str | None = None) -> Listing:
    """Practice links (one per ``art``, in page order) and the pagination links."""
    tree, lines = read_lines(body, content_type, url)
    links = [link for _, link in _links(tree.css("a[href]"), url)]
    entries = _entries(links, url)
    pages = [link for link in links if link.art is None and _is_pagination(link.text)]
    if not entries and not pages:
        raise NotAPracticePage("no practice links on the listing page", url=url)
    category = next((m for line in lines if (m := _CATEGORY.match(line.text))), None)
    return Listing(
        url=url,
        section=category["section"].strip() if category else None,
        subsection=category["subsection"].strip() if category else None,
        entries=tuple(entries),
        next_url=next((link.url for link in pages if _NEXT.search(link.text)), None),
        page_urls=tuple(dict.fromkeys(link.url for link in pages if link.url != url)),
    )


def parse_menu(body: bytes, url: str, content_type: str | None = None) -> Menu:
    """Sections (links with ``p1`` only) and subsections (``p1`` and ``p2``) in page order.

    A link without ``p1`` (e.g. "Portal jst.org.pl", off-site) is a section too when it sits
    in the same menu container as the ``p1`` links.
    """
    tree, _ = read_lines(body, content_type, url)
    anchors = tree.css("a[href]")
    links = list(_links(anchors, url, same_site=False))
    containers = {_container(node) for node, link in links if _is_section(link)}
    sections: dict[str, tuple[_Link, list[MenuSubsection]]] = {}
    last: str | None = None
    seen_subsections: set[tuple[str, str]] = set()
    for node, link in links:
        if link.art is not None or _is_pagination(link.text):
            continue
        if link.p1 is None:
            if _container(node) in containers:
                sections.setdefault(link.url, (link, []))
            continue
        if link.p2 is None:
            sections.setdefault(link.p1, (link, []))
            last = link.p1
            continue
        owner = link.p1 if link.p1 in sections else last
        if owner is None or (link.p1, link.p2) in seen_subsections:
            continue
        seen_subsections.add((link.p1, link.p2))
        sections[owner][1].append(
            MenuSubsection(name=link.text, url=link.url, p1=link.p1, p2=link.p2)
        )
    if not sections:
        raise NotAPracticePage("no menu links (p1=…) on the page", url=url)
    return Menu(
        url=url,
        sections=tuple(
            MenuSection(name=link.text, url=link.url, p1=link.p1, subsections=tuple(subs))
            for link, subs in sections.values()
        ),
    )


def _is_section(link: _Link) -> bool:
    return link.p1 is not None and link.p2 is None and link.art is None


# Elements that wrap one menu item; the menu container is the first ancestor above them.
_ITEM_WRAPPERS = frozenset(
    ("li", "td", "th", "tr", "tbody", "thead", "dt", "dd", "font", "b", "strong", "span", "i", "em")
)


def _container(anchor: LexborNode) -> int:
    node = anchor.parent
    while node is not None and node.tag in _ITEM_WRAPPERS:
        node = node.parent
    return node.mem_id if node is not None else 0


def _links(
    anchors: list[LexborNode], base: str, *, same_site: bool = True
) -> Iterator[tuple[LexborNode, _Link]]:
    """The usable links with their anchors; off-site ones only when ``same_site`` is off."""
    site = _netloc(base)
    for anchor in anchors:
        href = (anchor.attributes.get("href") or "").strip()
        text = _BULLET.sub("", normalize_space(anchor.text(separator=" ", strip=False) or ""))
        if not href or href.startswith(("#", "javascript:", "mailto:")) or not text:
            continue
        absolute = join_href(base, href)
        if absolute is None:
            continue  # malformed ("http://[1]/"): not a link
        on_site = _netloc(absolute) == site
        if same_site and not on_site:
            continue  # another site (e.g. "Portal jst.org.pl")
        p1 = query_param(absolute, "p1") if on_site else None
        yield (
            anchor,
            _Link(text, absolute, p1, query_param(absolute, "p2"), query_param(absolute, "art")),
        )


def _netloc(url: str) -> str | None:
    parts = split_url(url)
    return parts.netloc if parts is not None else None


def _entries(links: list[_Link], url: str) -> list[ListingEntry]:
    """One entry per ``art``; the longest link text wins ("więcej »" loses to the title)."""
    best: dict[str, _Link] = {}
    for link in links:
        if link.art is None or query_param(link.url, "s") not in (None, "1"):
            continue
        if link.art not in best or len(link.text) > len(best[link.art].text):
            best[link.art] = link
    return [
        ListingEntry(
            practice_id=art,
            title=link.text,
            url=link.url,
            p1=link.p1 or query_param(url, "p1"),
            p2=link.p2 or query_param(url, "p2"),
        )
        for art, link in best.items()
    ]


def _is_pagination(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text) or _NEXT.search(text) or _PREVIOUS.search(text))
