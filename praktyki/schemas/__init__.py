"""Pydantic models at praktyki's boundaries (pure: no I/O)."""

from praktyki.schemas.base import Record
from praktyki.schemas.bdp import (
    Attachment,
    AttachmentsPage,
    Contact,
    Listing,
    ListingEntry,
    Menu,
    MenuSection,
    MenuSubsection,
    Metryka,
    Practice,
    Presentation,
    PresentationSection,
)
from praktyki.schemas.dataset import OpsBundle, PracticeBundle, Provenance
from praktyki.schemas.ops import Institution, OpsAttachment, OpsPage

__all__ = [
    "Attachment",
    "AttachmentsPage",
    "Contact",
    "Institution",
    "Listing",
    "ListingEntry",
    "Menu",
    "MenuSection",
    "MenuSubsection",
    "Metryka",
    "OpsAttachment",
    "OpsBundle",
    "OpsPage",
    "PracticeBundle",
    "Provenance",
    "Practice",
    "Presentation",
    "PresentationSection",
    "Record",
]
