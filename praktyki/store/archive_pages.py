"""Which archived URLs are pages a reader opens: the practices and the OPS articles.

A web archive's page list (WACZ ``pages.jsonl``) names them with their titles; everything else
in the archive (listings, tabs, attachments, robots.txt) is what those pages are made of.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from praktyki.errors import StorageError

__all__ = ["page_titles"]

# An OPS page with several articles has a row per article: its first article names it.
_PAGES = """
SELECT url, title FROM practices
UNION ALL
SELECT url, title FROM (SELECT url, title, MIN(article_index) FROM ops_pages GROUP BY url)
"""


def page_titles(db: sqlite_utils.Database) -> dict[str, str]:
    """URL → title of every practice and OPS article page in the dataset."""
    try:
        return {str(url): str(title) for url, title in db.execute(_PAGES)}
    except sqlite3.Error as exc:
        raise StorageError(f"reading the page list: {exc}") from exc
