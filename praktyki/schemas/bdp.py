"""Records parsed from BDP (Baza Dobrych Praktyk) pages.

``Practice``, ``Metryka`` and ``Contact`` are exactly the public contract
(``praktyki parse --json``, kind ``bdp_practice``); the other page kinds are praktyki's own.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from praktyki.schemas.base import Record

__all__ = [
    "Attachment",
    "AttachmentsPage",
    "Contact",
    "Listing",
    "ListingEntry",
    "Menu",
    "MenuSection",
    "MenuSubsection",
    "Metryka",
    "Practice",
    "Presentation",
    "PresentationSection",
]


class Contact(Record):
    """One contact person from "Osoby kontaktowe"."""

    name: str | None = None
    role: str | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


class Metryka(Record):
    """The "Metryka praktyki" block: normalized fields plus every raw pair."""

    date_added: dt.date | None = None
    date_updated: dt.date | None = None
    unit_type: str | None = None
    locality: str | None = None
    county: str | None = None
    voivodeship: str | None = None
    postal_code: str | None = None
    post_office: str | None = None
    implementing_unit: str | None = None
    street: str | None = None
    phones: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    population: int | None = None
    contacts: tuple[Contact, ...] = ()
    raw: tuple[tuple[str, str], ...] = ()
    unknown_labels: tuple[str, ...] = ()


class Practice(Record):
    """A practice's "Skrót i Metryka" tab (no ``s`` or ``s=1``)."""

    kind: Literal["bdp_practice"] = "bdp_practice"
    url: str
    practice_id: str | None = None
    section: str
    subsection: str
    title: str
    summary: str
    metryka: Metryka


class PresentationSection(Record):
    """One heading of the "Pełna prezentacja" tab and the text under it."""

    heading: str | None = None
    level: int = Field(default=1, ge=1, le=6)
    text: str = ""


class Presentation(Record):
    """A practice's "Pełna prezentacja" tab (``s=2``)."""

    kind: Literal["bdp_presentation"] = "bdp_presentation"
    url: str
    practice_id: str | None = None
    section: str | None = None
    subsection: str | None = None
    title: str | None = None
    text: str
    sections: tuple[PresentationSection, ...] = ()


class Attachment(Record):
    """A file listed on the "Załączniki" tab."""

    name: str
    url: str
    file_type: str | None = None
    size_text: str | None = None
    size_bytes: int | None = None


class AttachmentsPage(Record):
    """A practice's "Załączniki" tab (``s=3``)."""

    kind: Literal["bdp_attachments"] = "bdp_attachments"
    url: str
    practice_id: str | None = None
    title: str | None = None
    attachments: tuple[Attachment, ...] = ()


class ListingEntry(Record):
    """A practice link on a listing page."""

    practice_id: str
    title: str
    url: str
    p1: str | None = None
    p2: str | None = None


class Listing(Record):
    """A subsection's list of practices (one page of it)."""

    kind: Literal["bdp_listing"] = "bdp_listing"
    url: str
    section: str | None = None
    subsection: str | None = None
    entries: tuple[ListingEntry, ...] = ()
    next_url: str | None = None
    page_urls: tuple[str, ...] = ()


class MenuSubsection(Record):
    name: str
    url: str
    p1: str | None = None
    p2: str | None = None


class MenuSection(Record):
    name: str
    url: str
    p1: str | None = None
    subsections: tuple[MenuSubsection, ...] = ()


class Menu(Record):
    """The site menu: sections and, for the current section, its subsections."""

    kind: Literal["bdp_menu"] = "bdp_menu"
    url: str
    sections: tuple[MenuSection, ...] = ()
