"""The link cache (table ``crawl_links``): the links discovery found in an archived body, so a
304 re-uses them without decompressing and re-parsing the page. A cache: safe to empty."""

from __future__ import annotations

import sqlite_utils

__all__ = ["LinkKey", "cached_links", "store_links"]

#: ``(url, body sha256, kind, discovery version)``
LinkKey = tuple[str, str, str, str]


def cached_links(db: sqlite_utils.Database, key: LinkKey) -> str | None:
    """The links stored for ``key`` (JSON text as stored), or None."""
    row = db.execute(
        "SELECT links FROM crawl_links WHERE url = ? AND sha256 = ? AND kind = ? AND version = ?",
        list(key),
    ).fetchone()
    return None if row is None else str(row[0])


def store_links(db: sqlite_utils.Database, key: LinkKey, links: str) -> None:
    """Keep ``links`` (JSON text) for ``key``; the first stored for a key stays."""
    db.execute(
        "INSERT OR IGNORE INTO crawl_links (url, sha256, kind, version, links) "
        "VALUES (?, ?, ?, ?, ?)",
        [*key, links],
    )
