"""What an export reads from the database: a table's rows in key order, the sites crawled."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

__all__ = ["source_sites", "table_rows"]

_SITES = """
SELECT source, min(url) FROM practices GROUP BY source
UNION ALL
SELECT source, min(url) FROM ops_pages GROUP BY source
ORDER BY 1
"""


def table_rows(
    db: sqlite_utils.Database, table: str, columns: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    """The rows of ``table`` (only ``columns``, in that order), in primary-key order."""
    if not db[table].exists():
        return iter(())
    keys = db.table(table).pks
    quoted = ", ".join(f'"{name}"' for name in columns)
    order = ", ".join(f'"{name}"' for name in keys)
    # table and column names come from the codebook, never from the user
    return db.execute(f'SELECT {quoted} FROM "{table}" ORDER BY {order}')  # noqa: S608


def source_sites(db: sqlite_utils.Database) -> list[dict[str, str]]:
    """One Frictionless ``source`` per crawled site: its key and its base URL."""
    sites: dict[str, str] = {}
    for source, url in db.execute(_SITES).fetchall():
        parts = urlsplit(str(url))
        sites.setdefault(str(source), f"{parts.scheme}://{parts.netloc}/")
    return [{"title": source, "path": base} for source, base in sites.items()]
