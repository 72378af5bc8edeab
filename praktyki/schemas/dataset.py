"""What the loader takes: a practice assembled from its tabs, an OPS page's articles."""

from __future__ import annotations

import datetime as dt

from praktyki.schemas.base import Record
from praktyki.schemas.bdp import Attachment, Practice, Presentation
from praktyki.schemas.ops import OpsPage

__all__ = ["OpsBundle", "PracticeBundle", "Provenance"]


class Provenance(Record):
    """Where a record's bytes came from."""

    url: str
    archive_id: int | None = None
    fetched_at: dt.datetime | None = None
    parser_version: str


class PracticeBundle(Record):
    """One BDP practice assembled from its tabs (summary, full presentation, attachments).

    ``source`` is a short key of the site (e.g. ``"bdp"``); the practice's identity is
    ``(source, practice.practice_id)``, not its URL, because one practice is reachable on
    several hosts.
    """

    source: str
    practice: Practice
    presentation: Presentation | None = None
    attachments: tuple[Attachment, ...] = ()
    provenance: tuple[Provenance, ...] = ()


class OpsBundle(Record):
    """The article records of one OPS page (one page may hold several articles)."""

    source: str
    url: str
    pages: tuple[OpsPage, ...]
    provenance: tuple[Provenance, ...] = ()
