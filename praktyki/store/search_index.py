"""The FTS5 indexes as Datasette and ``sqlite-utils search`` expect them, folded both ways.

``practices_fts`` and ``ops_fts`` are *external-content* FTS5 tables (``content="practices"``,
``content="ops_pages"``): their rowid is the owner row's rowid and their columns carry the
owner's column names. That is what lets Datasette's ``?_search=`` and ``sqlite-utils search``
find them (both look for ``content="<table>"``) and join them (both join on rowid), with no
plugin.

Folding on both sides without a custom tokenizer (Python's sqlite3 cannot register one): the
``unicode61 remove_diacritics 2`` tokenizer already folds ``ś`` to ``s`` on both sides, but
``ł`` has no diacritic to strip, so ``Łódź`` is indexed and queried as ``łodz``. Every indexed
value that :func:`~praktyki.store.fold.fold_polish` changes beyond what the tokenizer does is
therefore indexed *twice*: as shown, then folded (``Łódź`` -> ``Łódź\\nlodz``). A query typed
with Polish letters (``współpraca``, ``Łódź``) matches the first copy, one typed without
(``wspolpraca``, ``lodz``) the second; praktyki's own search folds the query too.

External content means FTS5 does not store the text, and deleting a row's entries needs the
exact text indexed for it: :func:`reindex` is given the old values. FTS5's ``rebuild``
(``sqlite-utils rebuild-fts``) would re-read the table without the folded copies: use
:func:`rebuild_search_index` instead (also after a VACUUM, which may renumber rowids).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlite_utils import Database

from praktyki.store.fold import fold_polish

__all__ = [
    "SEARCH_INDEXES",
    "clear_search_index",
    "create_search_indexes",
    "index_text",
    "rebuild_search_index",
    "reindex",
]

_TOKENIZE = "unicode61 remove_diacritics 2"

#: FTS table -> (owner table, indexed columns)
SEARCH_INDEXES: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "practices_fts": ("practices", ("title", "summary", "presentation")),
    "ops_fts": ("ops_pages", ("title", "body")),
}


def index_text(value: str | None) -> str:
    """What the index holds for one value: the value, then its folded copy
    (``"Łódź"`` -> ``"Łódź\\nlodz"``). Always both, even where they tokenize alike, so that
    every document's term counts and lengths scale alike and bm25 ranks as over one copy."""
    text = value or ""
    return f"{text}\n{fold_polish(text)}" if text else ""


def create_search_indexes(db: Database) -> None:
    """(Re)create both FTS tables as external-content tables and fill them from their owners."""
    for fts, (owner, columns) in SEARCH_INDEXES.items():
        db.execute(f"DROP TABLE IF EXISTS {fts}")
        db.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({', '.join(columns)}, "  # noqa: S608
            f"content=\"{owner}\", tokenize = '{_TOKENIZE}')"
        )
        rebuild_search_index(db, fts)


def rebuild_search_index(db: Database, fts: str) -> None:
    """Empty ``fts`` and index every row of its owner again (folded copies included)."""
    owner, columns = SEARCH_INDEXES[fts]
    clear_search_index(db, fts)
    selected = ", ".join(columns)
    rows = db.execute(f"SELECT rowid, {selected} FROM {owner}").fetchall()  # noqa: S608
    db.conn.executemany(
        _insert_sql(fts, columns),
        [(row[0], *(index_text(value) for value in row[1:])) for row in rows],
    )


def clear_search_index(db: Database, fts: str) -> None:
    """Drop every entry of ``fts`` (FTS5's delete-all: a DELETE would re-read the owner)."""
    db.execute(f"INSERT INTO {fts}({fts}) VALUES ('delete-all')")  # noqa: S608


def reindex(
    db: Database,
    fts: str,
    rowid: int,
    old: Mapping[str, object] | None,
    new: Mapping[str, object],
) -> None:
    """Replace the entries of owner row ``rowid``: ``old`` are the values indexed so far (None
    for a new row), ``new`` the values to index."""
    _, columns = SEARCH_INDEXES[fts]
    if old is not None:
        db.conn.execute(
            f"INSERT INTO {fts}({fts}, rowid, {', '.join(columns)}) "  # noqa: S608
            f"VALUES ('delete', ?, {', '.join('?' for _ in columns)})",
            (rowid, *_texts(old, columns)),
        )
    db.conn.execute(_insert_sql(fts, columns), (rowid, *_texts(new, columns)))


def _texts(values: Mapping[str, object], columns: Sequence[str]) -> list[str]:
    return [index_text(None if values[c] is None else str(values[c])) for c in columns]


def _insert_sql(fts: str, columns: Sequence[str]) -> str:
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {fts}(rowid, {names}) VALUES (?, {marks})"  # noqa: S608
