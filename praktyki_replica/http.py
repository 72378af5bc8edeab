"""HTTP/1.1 framing for the replica server: reading a request head, writing a response head.

Small and strict on purpose: the replica is a test double for real servers, so it parses what
real clients send (CRLF or bare LF line ends, origin-form or absolute-form targets) and answers
anything else with the status a real server would (400, 414, 431, 501, 505).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import time
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = [
    "MAX_HEADERS",
    "MAX_HEADER_BYTES",
    "MAX_LINE",
    "BadRequest",
    "RequestHead",
    "accepts_gzip",
    "etag_matches",
    "format_etag",
    "gzip_body",
    "http_date",
    "not_modified",
    "parse_http_date",
    "read_request_head",
    "response_head",
]

MAX_LINE = 8 * 1024
MAX_HEADER_BYTES = 32 * 1024
MAX_HEADERS = 100

REASONS = {
    200: "OK",
    204: "No Content",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    304: "Not Modified",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    410: "Gone",
    413: "Content Too Large",
    414: "URI Too Long",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
}

_TOKEN_CHARS = frozenset(
    "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)


class BadRequest(Exception):  # noqa: N818 - an HTTP status carrier, internal to the replica
    """The request cannot be served; answer ``status`` and close the connection."""

    def __init__(self, status: int, reason: str) -> None:
        self.status = status
        self.reason = reason
        super().__init__(f"{status} {reason}")


@dataclass(frozen=True, slots=True)
class RequestHead:
    """A parsed request line and header block."""

    method: str
    path: str
    query: str
    version: str  # "HTTP/1.1" or "HTTP/1.0"
    headers: dict[str, str]  # lower-case names; repeated headers joined with ", "

    @property
    def target(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path

    @property
    def wants_close(self) -> bool:
        tokens = {t.strip().lower() for t in self.headers.get("connection", "").split(",")}
        if self.version == "HTTP/1.0":
            return "keep-alive" not in tokens
        return "close" in tokens


async def _read_line(reader: asyncio.StreamReader) -> bytes:
    try:
        line = await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as exc:
        raise BadRequest(431, "header line too long") from exc
    if len(line) > MAX_LINE:
        raise BadRequest(431, "header line too long")
    return line.rstrip(b"\r\n")


async def read_request_head(reader: asyncio.StreamReader) -> RequestHead | None:
    """Read one request head; ``None`` when the client closed cleanly between requests.

    Raises :class:`BadRequest` for anything malformed or too large, and
    ``asyncio.IncompleteReadError`` when the client goes away mid-head.
    """
    try:
        first = await reader.readuntil(b"\n")
    except asyncio.IncompleteReadError as exc:
        if not exc.partial.strip():
            return None
        raise
    except asyncio.LimitOverrunError as exc:
        raise BadRequest(414, "request line too long") from exc
    if len(first) > MAX_LINE:
        raise BadRequest(414, "request line too long")
    method, path, query, version = _parse_request_line(first.rstrip(b"\r\n"))
    headers = await _read_headers(reader)
    if version == "HTTP/1.1" and "host" not in headers:
        raise BadRequest(400, "HTTP/1.1 request without Host")
    return RequestHead(method, path, query, version, headers)


def _parse_request_line(line: bytes) -> tuple[str, str, str, str]:
    try:
        text = line.decode("ascii")
    except UnicodeDecodeError as exc:
        raise BadRequest(400, "non-ASCII request line") from exc
    parts = text.split(" ")
    if len(parts) != 3 or not parts[0] or not set(parts[0]) <= _TOKEN_CHARS:
        raise BadRequest(400, "malformed request line")
    method, target, version = parts
    if version not in ("HTTP/1.1", "HTTP/1.0"):
        if version.startswith("HTTP/"):
            raise BadRequest(505, "unsupported HTTP version")
        raise BadRequest(400, "malformed request line")
    if target.startswith(("http://", "https://")):
        split = urlsplit(target)
        return method, split.path or "/", split.query, version
    if not target.startswith("/"):
        if method == "OPTIONS" and target == "*":
            return method, "*", "", version
        raise BadRequest(400, "request target is not origin-form")
    path, _, query = target.partition("?")
    return method, path, query.partition("#")[0], version


async def _read_headers(reader: asyncio.StreamReader) -> dict[str, str]:
    headers: dict[str, str] = {}
    total = 0
    count = 0
    while True:
        line = await _read_line(reader)
        if not line:
            return headers
        total += len(line)
        count += 1
        if total > MAX_HEADER_BYTES or count > MAX_HEADERS:
            raise BadRequest(431, "header block too large")
        name, sep, value = line.partition(b":")
        if not sep or not name or name != name.strip() or line[:1] in b" \t":
            # no colon, empty name, whitespace before the colon, or obsolete line folding
            raise BadRequest(400, "malformed header line")
        try:
            key = name.decode("ascii").lower()
        except UnicodeDecodeError as exc:
            raise BadRequest(400, "non-ASCII header name") from exc
        if not set(key) <= _TOKEN_CHARS:
            raise BadRequest(400, "malformed header name")
        text = value.strip(b" \t").decode("latin-1")
        headers[key] = f"{headers[key]}, {text}" if key in headers else text


def response_head(status: int, headers: list[tuple[str, str]]) -> bytes:
    """Serialize a status line and header block (with the terminating blank line)."""
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Unknown')}"]
    lines.extend(f"{name}: {value}" for name, value in headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


_date_cache: tuple[int, str] = (0, "")


def http_date(when: dt.datetime | None = None) -> str:
    """An IMF-fixdate; ``None`` means now (cached per second: it is on every response)."""
    global _date_cache  # noqa: PLW0603 - a one-entry cache of a pure function of the clock
    if when is not None:
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return email.utils.format_datetime(when.astimezone(dt.UTC), usegmt=True)
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache = (now, email.utils.formatdate(now, usegmt=True))
    return _date_cache[1]


def parse_http_date(value: str) -> dt.datetime | None:
    """Parse an HTTP date (any of the three historic formats); ``None`` when unreadable."""
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def format_etag(etag: str) -> str:
    """Quote a bare entity tag; keep ``"x"`` and ``W/"x"`` as given."""
    if etag.startswith(('"', 'W/"')):
        return etag
    return f'"{etag}"'


def _opaque(tag: str) -> str:
    return tag.strip().removeprefix("W/")


def etag_matches(if_none_match: str, etag: str) -> bool:
    """Weak comparison (RFC 9110 13.1.2): ``W/"x"`` matches ``"x"``; ``*`` matches anything."""
    if if_none_match.strip() == "*":
        return True
    ours = _opaque(etag)
    return any(_opaque(tag) == ours for tag in if_none_match.split(",") if tag.strip())


def accepts_gzip(accept_encoding: str) -> bool:
    """True when ``gzip`` (or ``*``) is acceptable with a non-zero q-value."""
    star = False
    for item in accept_encoding.split(","):
        coding, _, params = item.strip().partition(";")
        coding = coding.strip().lower()
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if coding in ("gzip", "x-gzip"):
            return q > 0
        if coding == "*":
            star = q > 0
    return star


def not_modified(head: RequestHead, etag: str | None, last_modified: dt.datetime | None) -> bool:
    """RFC 9110 13.2.2: If-None-Match decides when present; else If-Modified-Since."""
    if_none_match = head.headers.get("if-none-match")
    if if_none_match is not None:
        return etag is not None and etag_matches(if_none_match, etag)
    since = head.headers.get("if-modified-since")
    if since is None or last_modified is None:
        return False
    parsed = parse_http_date(since)
    if parsed is None:
        return False
    modified = last_modified
    if modified.tzinfo is None:
        modified = modified.replace(tzinfo=dt.UTC)  # naive means UTC, as in http_date
    return modified.replace(microsecond=0) <= parsed


def gzip_body(body: bytes, level: int) -> bytes:
    # zlib's gzip container writes mtime 0, so the same body always compresses to the same bytes
    compressor = zlib.compressobj(level, zlib.DEFLATED, 31)
    return compressor.compress(body) + compressor.flush()
