"""The exceptions praktyki raises, as one tree.

Library code raises only these (third-party errors are wrapped with ``raise ... from exc`` at
the boundary); ``praktyki.cli`` is the one place that turns them into one-line messages and
exit codes::

    PraktykiError                 base; carries ``reason`` and, where known, ``url``
    ├── ConfigError               bad option, missing or malformed file, bad registry entry
    ├── FetchError                a URL could not be fetched into the archive
    │   ├── OffAllowlist          host not allowed (also: a redirect that leaves the site)
    │   ├── RobotsDisallowed      robots.txt forbids the URL for our User-Agent
    │   ├── TooLarge              body over the size limit (or a decompression bomb)
    │   ├── HTTPStatusError       final status is an error after retries (``status``)
    │   ├── RedirectError         redirect loop, too many redirects, bad Location
    │   ├── TransportError        timeout, reset, truncated body, DNS, TLS
    │   │   └── OutOfTime         the URL's request-time budget ran out (not retried this run)
    │   └── HostPaused            the host failed too often in a row: deferred to the next run
    ├── ParseError                bytes that are not the page we expected
    │   ├── DecodeError           no encoding yields valid text
    │   ├── NotHtml               the bytes are a PDF, an image, an archive or binary data
    │   ├── TooComplex            nesting, elements or text past the parser's bounds
    │   ├── NotAPracticePage      a BDP parser was given some other page
    │   └── MissingBlock          a required labelled block is absent
    └── StorageError              the database cannot be used
        └── LockHeld              another run holds the database lock (exit code 3)
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DecodeError",
    "FetchError",
    "HTTPStatusError",
    "LockHeld",
    "MissingBlock",
    "NotAPracticePage",
    "NotHtml",
    "OutOfTime",
    "HostPaused",
    "OffAllowlist",
    "ParseError",
    "PraktykiError",
    "RedirectError",
    "RobotsDisallowed",
    "StorageError",
    "TooComplex",
    "TooLarge",
    "TransportError",
]


class PraktykiError(Exception):
    """Base of every error praktyki raises on purpose."""

    def __init__(self, reason: str, *, url: str | None = None) -> None:
        self.reason = reason
        self.url = url
        super().__init__(f"{url}: {reason}" if url else reason)


class ConfigError(PraktykiError):
    """A wrong option, a missing file or a malformed configuration."""


class FetchError(PraktykiError):
    """A URL could not be fetched."""


class OffAllowlist(FetchError):
    """The URL's host is not one the crawl may contact."""


class RobotsDisallowed(FetchError):
    """robots.txt forbids this URL for our User-Agent."""


class TooLarge(FetchError):
    """The body exceeded the size limit (after decompression)."""


class HTTPStatusError(FetchError):
    """The server answered with an error status that retries did not cure."""

    def __init__(self, reason: str, *, url: str | None = None, status: int) -> None:
        self.status = status
        super().__init__(reason, url=url)


class RedirectError(FetchError):
    """A redirect loop, too many redirects or an unusable Location header."""


class TransportError(FetchError):
    """The connection failed: timeout, reset, truncated body."""


class OutOfTime(TransportError):
    """The URL used up its request-time budget over all its attempts (a hung or dripping
    server); a later pass of the same run would only spend it again."""


class HostPaused(FetchError):
    """The host had too many transport failures in a row and is paused for the rest of the
    run: the URL was not requested and is deferred to the next run."""


class ParseError(PraktykiError):
    """The bytes are not the page the parser expects."""


class DecodeError(ParseError):
    """No encoding turns the bytes into valid text."""


class NotHtml(ParseError):
    """The bytes are not text: a PDF, an image, an archive or other binary data."""


class TooComplex(ParseError):
    """The page is past a parser bound (nesting depth, elements, characters)."""


class NotAPracticePage(ParseError):
    """A BDP practice parser was given a page that is not a practice."""


class MissingBlock(ParseError):
    """A block the page must have (e.g. "Metryka praktyki") is missing."""


class StorageError(PraktykiError):
    """The database cannot be opened, migrated or written."""


class LockHeld(StorageError):
    """Another run holds the database lock."""
