"""The interface between the replica HTTP server and the sites it serves.

The server (``replica.server``) owns sockets, HTTP/1.1 framing, keep-alive, HEAD, gzip,
conditional GET and fault injection; a ``Site`` only maps a request to a ``Resource``.
A site builds absolute links from ``request.base_url`` so it works on any port.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import parse_qsl

__all__ = ["Request", "Resource", "Site"]


@dataclass(frozen=True, slots=True)
class Request:
    """One parsed HTTP request as a site sees it."""

    method: str
    path: str
    query: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)  # names lower-case

    @property
    def host(self) -> str:
        """The Host header as sent (may carry a port), lower-case."""
        return self.headers.get("host", "").lower()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}"

    @property
    def target(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path

    @property
    def params(self) -> dict[str, str]:
        return dict(parse_qsl(self.query, keep_blank_values=True))


@dataclass(frozen=True, slots=True)
class Resource:
    """What a site answers; the server adds framing, compression and 304 handling."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    etag: str | None = None
    last_modified: dt.datetime | None = None


class Site(Protocol):
    """A replica site: a name and a pure-ish request handler."""

    @property
    def name(self) -> str: ...

    def handle(self, request: Request) -> Resource: ...
