"""What the fetcher returns and the raw archive stores (pure models, no I/O)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from praktyki.schemas.base import Record

__all__ = ["ArchiveExport", "ArchivedResponse", "FetchedResponse", "FrontierItem", "FrontierState"]

FrontierState = Literal["pending", "in_progress", "done", "failed"]


class FetchedResponse(Record):
    """One fetched URL, after redirects and retries.

    ``url`` is the canonical URL asked for, ``final_url`` the canonical URL that answered,
    ``redirects`` the canonical URLs of the hops in between and the final one (empty when
    there was no redirect). ``headers`` are the final response's headers as received, in
    order, names as sent; ``body`` is the decoded payload (``Content-Encoding`` undone), empty
    for 304. ``attempts`` counts every request made (retries and redirect hops included).
    """

    url: str
    final_url: str
    status: int
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    content_type: str | None = None
    fetched_at: dt.datetime
    elapsed_s: float = 0.0
    attempts: int = 1
    redirects: tuple[str, ...] = ()
    http_version: str = "HTTP/1.1"
    reason: str | None = None
    raw_body: bytes | None = None
    request_headers: tuple[tuple[str, str], ...] = ()

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (case-insensitive), or None."""
        wanted = name.lower()
        return next((v for k, v in self.headers if k.lower() == wanted), None)

    @property
    def etag(self) -> str | None:
        return self.header("etag")

    @property
    def last_modified(self) -> str | None:
        return self.header("last-modified")


class ArchivedResponse(FetchedResponse):
    """A response as stored in the raw archive: its row id, run and body hash."""

    id: int
    run_id: int
    sha256: str


class FrontierItem(Record):
    """One URL of a run's crawl frontier."""

    url: str
    kind: str
    depth: int = 0
    priority: int = 0
    parent: str | None = None
    state: FrontierState = "pending"
    attempts: int = 0
    last_error: str | None = None
    status: int | None = None
    archive_id: int | None = None


class ArchiveExport(Record):
    """What ``praktyki export-warc`` wrote: the WARC file, its CDXJ index and, when asked
    for, the WACZ package (``pages``: entries of its page list)."""

    warc: Path
    records: int
    record_types: dict[str, int]
    index: Path
    index_lines: int
    wacz: Path | None = None
    pages: int = 0
