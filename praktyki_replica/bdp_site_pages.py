"""The BDP replica's pages as blocks, and what is true of each (menu, listing, tabs).

Links are written relative (``index.php?…``) in several equivalent spellings, as the real site's
templates did; the ``*_truth`` functions resolve them the way a browser would.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import urljoin

from praktyki.schemas.bdp import (
    Attachment,
    AttachmentsPage,
    Listing,
    ListingEntry,
    Menu,
    MenuSection,
    MenuSubsection,
    Presentation,
    PresentationSection,
)
from praktyki_replica import bdp_vocab as vocab
from praktyki_replica.bdp_content import PracticeSpec
from praktyki_replica.bdp_page import (
    Block,
    Category,
    Chrome,
    Heading,
    Links,
    MenuItem,
    Metryka,
    Pager,
    Paragraphs,
    Tabs,
    Title,
)

__all__ = [
    "PER_PAGE",
    "SEARCH_PATH",
    "attachment_href",
    "attachments_truth",
    "chrome",
    "listing_blocks",
    "listing_truth",
    "menu_truth",
    "practice_blocks",
    "presentation_truth",
    "size_text",
]

PER_PAGE = 20
SEARCH_PATH = "/szukaj.php"
_NORWAY = (
    "Wsparcie udzielone przez Norwegię poprzez dofinansowanie ze środków Norweskiego Mechanizmu Finansowego",  # noqa: E501
    "Związek Miast Polskich · Związek Gmin Wiejskich RP · Związek Powiatów Polskich",
    "Norweski Związek Władz Lokalnych i Regionalnych",
)
_EU = (
    "Projekt współfinansowany przez Unię Europejską w ramach Europejskiego Funduszu Społecznego",
)


def section_href(p1: int) -> str:
    return f"index.php?p1={p1}"


def subsection_href(p1: int, p2: int, page: int | None = None) -> str:
    return f"index.php?p1={p1}&amp;p2={p2}" + (f"&amp;str={page}" if page else "")


def tab_href(spec: PracticeSpec, tab: int) -> str:
    return f"index.php?p1={spec.p1}&amp;p2={spec.p2}&amp;art={spec.art}&amp;s={tab}"


def attachment_href(spec: PracticeSpec, filename: str) -> str:
    return f"pliki/{spec.art}/{filename}"


def entry_href(spec: PracticeSpec, position: int, base_url: str, session: str) -> str:
    """One practice link in one of the equivalent spellings the real templates mixed."""
    p1, p2, art = spec.p1, spec.p2, spec.art
    forms = (
        f"index.php?p1={p1}&p2={p2}&art={art}",
        f"index.php?p1={p1}&amp;p2={p2}&amp;art={art}",
        f"index.php?art={art}&amp;p1={p1}&amp;p2={p2}&amp;s=1",
        f"/index.php?p1={p1}&amp;p2={p2}&amp;art={art}&amp;PHPSESSID={session}",
        f"{base_url}/index.php?p2={p2}&p1={p1}&art={art}",
    )
    return forms[(art + position) % len(forms)]


def chrome(counter: int, current_p1: int | None, title: str) -> Chrome:
    """Banner, menu (the current section's subsections shown as "» Name"), counter, footer."""
    sections = list(vocab.SECTIONS)
    banner = vocab.BANNERS.get(current_p1 or -1)
    if banner:  # the project sections list themselves first, as seed 001 shows
        sections.sort(key=lambda s: s.p1 != current_p1)
    menu = [MenuItem("Strona główna", section_href(vocab.HOME_P1))]
    for section in sections:
        menu.append(MenuItem(section.name, section.external or section_href(section.p1)))
        if section.p1 == current_p1:
            menu += [
                MenuItem(n, subsection_href(section.p1, p2), sub=True)
                for p2, n in section.subsections
            ]
    footer = _EU if banner else _NORWAY
    return Chrome(
        f"Baza Dobrych Praktyk - {title}",
        banner,
        tuple(menu),
        counter,
        footer,
        SEARCH_PATH.lstrip("/"),
    )


def practice_tabs(spec: PracticeSpec) -> Tabs:
    items = [("Skrót i Metryka", tab_href(spec, 1)), ("Pełna prezentacja", tab_href(spec, 2))]
    if spec.attachments:
        items.append(("Załączniki", tab_href(spec, 3)))
    return Tabs(tuple(items))


def size_text(size: int) -> str:
    return f"{size} B" if size < 1024 else f"{size / 1024:.1f} KB".replace(".", ",")


def practice_blocks(spec: PracticeSpec, tab: int) -> list[Block]:
    tabs = practice_tabs(spec)
    head: list[Block] = [Category(spec.section, spec.subsection), Title(spec.title), tabs]
    content: list[Block]
    if tab == 1:
        content = [Paragraphs(spec.summary), Metryka(spec.metryka)]
    elif tab == 2:
        content = []
        for part in spec.presentation:
            content += [Heading(part.heading, part.level), Paragraphs(part.paragraphs)]
    else:
        items = tuple(
            (
                a.name,
                attachment_href(spec, a.filename),
                f"({a.file_type}, {size_text(len(a.data))})",
            )
            for a in spec.attachments
        )
        content = [Links("Załączniki", items)]
    return [*head, *content, tabs]


def listing_blocks(
    section: vocab.Section,
    p2: int,
    name: str,
    page_specs: Sequence[PracticeSpec],
    page: int,
    pages: int,
    base_url: str,
    session: str,
) -> list[Block]:
    entries = tuple(
        (spec.title, entry_href(spec, i, base_url, session), f"– {spec.facts.locality or ''}")
        for i, spec in enumerate(page_specs)
    )
    pager: list[tuple[str, str | None]] = [
        (str(n), None if n == page else subsection_href(section.p1, p2, n))
        for n in range(1, pages + 1)
    ]
    if page < pages:
        pager.append(("następna »", subsection_href(section.p1, p2, page + 1)))
    return [Category(section.name, name), Title(name), Links(None, entries), Pager(tuple(pager))]


def _absolute(page_url: str, href: str) -> str:
    return urljoin(page_url, html.unescape(href))


def menu_truth(page_url: str, current_p1: int | None) -> Menu:
    sections = []
    for item_section in vocab.SECTIONS:
        subs: tuple[MenuSubsection, ...] = ()
        if item_section.p1 == current_p1:
            subs = tuple(
                MenuSubsection(
                    name=n,
                    url=_absolute(page_url, subsection_href(item_section.p1, p2)),
                    p1=str(item_section.p1),
                    p2=str(p2),
                )
                for p2, n in item_section.subsections
            )
        href = item_section.external or section_href(item_section.p1)
        p1 = None if item_section.external else str(item_section.p1)
        sections.append(
            MenuSection(
                name=item_section.name, url=_absolute(page_url, href), p1=p1, subsections=subs
            )
        )
    home = MenuSection(
        name="Strona główna",
        url=_absolute(page_url, section_href(vocab.HOME_P1)),
        p1=str(vocab.HOME_P1),
    )
    if vocab.BANNERS.get(current_p1 or -1):
        sections.sort(key=lambda s: s.p1 != str(current_p1))
    return Menu(url=page_url, sections=(home, *sections))


def listing_truth(
    page_url: str,
    section: vocab.Section,
    p2: int,
    name: str,
    blocks: Sequence[Block],
    page_specs: Sequence[PracticeSpec],
) -> Listing:
    links = next(b for b in blocks if isinstance(b, Links))
    pager = next(b for b in blocks if isinstance(b, Pager))
    entries = tuple(
        ListingEntry(
            practice_id=s.practice_id,
            title=s.title,
            url=_absolute(page_url, href),
            p1=str(s.p1),
            p2=str(s.p2),
        )
        for s, (_, href, _) in zip(page_specs, links.items, strict=True)
    )
    next_url = next(
        (_absolute(page_url, h) for label, h in pager.items if h and label.startswith("następna")),
        None,
    )
    page_urls = tuple(_absolute(page_url, h) for label, h in pager.items if h and label.isdigit())
    return Listing(
        url=page_url,
        section=section.name,
        subsection=name,
        entries=entries,
        next_url=next_url,
        page_urls=page_urls,
    )


def presentation_truth(spec: PracticeSpec, page_url: str) -> Presentation:
    sections = tuple(
        PresentationSection(
            heading=p.heading,
            level=p.level,
            text="\n\n".join(" ".join(x.split()) for x in p.paragraphs),
        )
        for p in spec.presentation
    )
    text = "\n\n".join(f"{s.heading}\n\n{s.text}" for s in sections)
    return Presentation(
        url=page_url,
        practice_id=spec.practice_id,
        section=spec.section,
        subsection=spec.subsection,
        title=spec.title,
        text=text,
        sections=sections,
    )


def attachments_truth(spec: PracticeSpec, page_url: str) -> AttachmentsPage:
    files = tuple(
        Attachment(
            name=a.name,
            url=_absolute(page_url, attachment_href(spec, a.filename)),
            file_type=a.file_type,
            size_text=size_text(len(a.data)),
            size_bytes=len(a.data),
        )
        for a in spec.attachments
    )
    return AttachmentsPage(
        url=page_url, practice_id=spec.practice_id, title=spec.title, attachments=files
    )
