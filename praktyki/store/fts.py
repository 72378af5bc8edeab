"""Full-text search over practices and OPS pages, folded the Polish way on both sides.

The FTS5 tables (``practices_fts``, ``ops_fts``) index the text and a folded copy of it (see
:mod:`praktyki.store.search_index`); queries are folded here, so ``lodz`` and ``Łódź`` both
find "Łódź". FTS5 query syntax is kept: ``"phrases"``, ``prefix*``, ``AND``/``OR``/``NOT``
(upper case, as FTS5 requires), ``NEAR(...)`` and ``column:`` filters.
"""

from __future__ import annotations

import re
import sqlite3

from sqlite_utils import Database

from praktyki.errors import ConfigError
from praktyki.store.fold import fold_polish

__all__ = ["fold_query", "search_ops", "search_practices"]

_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_WORD = re.compile(r"\w+")

_PRACTICE_SQL = """
SELECT p.source, p.practice_id, p.url, p.title, p.section, p.subsection, p.voivodeship,
       p.locality, p.status, bm25(practices_fts) AS rank
FROM practices_fts
JOIN practices AS p ON p.rowid = practices_fts.rowid
WHERE practices_fts MATCH ?
ORDER BY rank, p.source, p.practice_id
LIMIT ?
"""

_OPS_SQL = """
SELECT o.source, o.url, o.article_index, o.title, o.site_name, o.published_at, o.status,
       bm25(ops_fts) AS rank
FROM ops_fts
JOIN ops_pages AS o ON o.rowid = ops_fts.rowid
WHERE ops_fts MATCH ?
ORDER BY rank, o.source, o.url, o.article_index
LIMIT ?
"""


def fold_query(query: str) -> str:
    """Fold the words of an FTS5 query, leaving its upper-case operators alone."""

    def fold(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if word in _OPERATORS else fold_polish(word)

    return _WORD.sub(fold, query)


def _search(db: Database, sql: str, query: str, limit: int) -> list[dict[str, object]]:
    if not query.strip():
        raise ConfigError("empty search query")
    try:
        cursor = db.conn.execute(sql, (fold_query(query), limit))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]
    except sqlite3.OperationalError as exc:
        # FTS5 reports query syntax errors (and unknown column filters) this way.
        raise ConfigError(f"bad search query {query!r}: {exc}") from exc


def search_practices(db: Database, query: str, *, limit: int = 20) -> list[dict[str, object]]:
    """Practices matching ``query`` in title, summary or full presentation, best first (bm25).

    Removed practices are included (see their ``status``). Bad FTS5 syntax -> ConfigError.
    """
    return _search(db, _PRACTICE_SQL, query, limit)


def search_ops(db: Database, query: str, *, limit: int = 20) -> list[dict[str, object]]:
    """OPS articles matching ``query`` in title or body, best first (bm25)."""
    return _search(db, _OPS_SQL, query, limit)
