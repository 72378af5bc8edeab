"""Links taken from pages, read without ever raising.

A page is input from anyone: ``<a href="http://[1]/">``, ``http://[::1`` or ``//[zz]/x`` make
:func:`urllib.parse.urljoin` and :func:`~urllib.parse.urlsplit` raise ``ValueError``. Every
URL read from a page goes through these helpers, which answer "no link" (None) instead, so
one malformed link costs that link and nothing else.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import SplitResult, urljoin, urlsplit

__all__ = ["join_href", "split_url", "url_path"]


@lru_cache(maxsize=4096)  # a listing asks for the parts of each link and of the page 3-5 times
def split_url(url: str) -> SplitResult | None:
    """``urlsplit(url)`` with its port checked, or None for a URL urllib cannot read."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises for a non-numeric or out-of-range port
    except ValueError:
        return None
    return parts


@lru_cache(maxsize=4096)  # pages link to one place several times (a title and "więcej »")
def join_href(base: str, href: str) -> str | None:
    """``href`` (stripped) resolved against ``base``, or None when either is malformed."""
    try:
        joined = urljoin(base, href.strip())
    except ValueError:
        return None
    return joined if split_url(joined) is not None else None


def url_path(url: str) -> str:
    """The path of ``url`` ("" for a URL urllib cannot read)."""
    parts = split_url(url)
    return parts.path if parts is not None else ""
