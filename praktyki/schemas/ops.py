"""Records parsed from OPS (social-assistance centre) sites; ``OpsPage`` is the public contract."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from praktyki.schemas.base import Record

__all__ = ["Institution", "OpsAttachment", "OpsPage"]


class Institution(Record):
    """The centre's contact block (header or footer)."""

    name: str | None = None
    street: str | None = None
    postal_code: str | None = None
    locality: str | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


class OpsAttachment(Record):
    name: str
    url: str


class OpsPage(Record):
    """One article of an OPS page (a page with several articles gives several records)."""

    kind: Literal["ops_page"] = "ops_page"
    url: str
    site_name: str | None = None
    title: str
    breadcrumb: tuple[str, ...] = ()
    published_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    author: str | None = None
    editor: str | None = None
    views: int | None = None
    body: str
    institution: Institution | None = None
    topics: tuple[str, ...] = ()
    attachments: tuple[OpsAttachment, ...] = ()
    article_index: int = 0
    # How sure the extractor is that ``body`` is the article: 1.0 when the content rules found
    # it, lower when it fell back to the page's best block of prose (``parsers.ops``).
    confidence: float = 1.0
