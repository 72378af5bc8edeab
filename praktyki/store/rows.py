"""Small SQL helpers the loaders share: canonical JSON, row inserts, list-valued child tables.

Writes go through explicit column lists (never sqlite-utils' schema-inferring ``insert``), so a
record can never add or silently NULL a column; they run inside the caller's transaction.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from sqlite_utils import Database

from praktyki.errors import StorageError

__all__ = [
    "storage_errors",
    "as_scalar",
    "Child",
    "Scalar",
    "content_hash",
    "delete_where",
    "insert_rows",
    "read_children",
    "to_json",
    "write_children",
]

Scalar = str | int | float | None


def as_scalar(value: object) -> Scalar:
    """A stored column value, checked to be one of SQLite's non-BLOB types."""
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"unexpected stored value {value!r}")


@contextlib.contextmanager
def storage_errors(what: str) -> Iterator[None]:
    """Turn SQLite errors (constraint violations, a locked or broken file) into StorageError."""
    try:
        yield
    except sqlite3.Error as exc:
        raise StorageError(f"{what}: {exc}") from exc


def to_json(value: object) -> str:
    """Canonical JSON: sorted keys, no spaces, UTF-8 kept (stable for hashing and diffs)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(content: Mapping[str, object]) -> str:
    """sha256 of a record's normalized content (its canonical JSON)."""
    return hashlib.sha256(to_json(content).encode("utf-8")).hexdigest()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _where(key: Mapping[str, object]) -> str:
    return " AND ".join(f"{_quote(column)} = ?" for column in key)


def insert_rows(db: Database, table: str, rows: Sequence[Mapping[str, object]]) -> None:
    """INSERT complete rows (all with the same columns) into ``table``."""
    if not rows:
        return
    columns = list(rows[0])
    sql = (
        f"INSERT INTO {_quote(table)} ({', '.join(map(_quote, columns))}) "  # noqa: S608
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    db.conn.executemany(sql, [[row[column] for column in columns] for row in rows])


def update_row(
    db: Database, table: str, key: Mapping[str, object], values: Mapping[str, object]
) -> None:
    """UPDATE the columns in ``values`` of the row identified by ``key``."""
    assignments = ", ".join(f"{_quote(column)} = ?" for column in values)
    db.conn.execute(
        f"UPDATE {_quote(table)} SET {assignments} WHERE {_where(key)}",  # noqa: S608
        [*values.values(), *key.values()],
    )


def delete_where(db: Database, table: str, key: Mapping[str, object]) -> None:
    db.conn.execute(
        f"DELETE FROM {_quote(table)} WHERE {_where(key)}",  # noqa: S608
        list(key.values()),
    )


def select_rows(
    db: Database, table: str, key: Mapping[str, object], order_by: str | None = None
) -> list[dict[str, object]]:
    order = f" ORDER BY {_quote(order_by)}" if order_by else ""
    cursor = db.conn.execute(
        f"SELECT * FROM {_quote(table)} WHERE {_where(key)}{order}",  # noqa: S608
        list(key.values()),
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


@dataclass(frozen=True)
class Child:
    """A list-valued field stored as rows of ``table`` (key columns, ``position``, ``columns``).

    Items are dicts over ``columns``; ``json_columns`` hold lists stored as JSON text.
    A one-column child's content is the plain list of values.
    """

    table: str
    columns: tuple[str, ...]
    json_columns: frozenset[str] = field(default=frozenset())

    def content(self, items: Sequence[Mapping[str, object]]) -> str:
        """The field's normalized content, as canonical JSON (what history stores)."""
        if len(self.columns) == 1:
            return to_json([item[self.columns[0]] for item in items])
        return to_json([dict(item) for item in items])


def write_children(
    db: Database,
    child: Child,
    key: Mapping[str, object],
    items: Sequence[Mapping[str, object]],
    *,
    replace: bool = True,
) -> None:
    """Replace the child rows of ``key`` with ``items`` (positions 0, 1, …);
    ``replace=False`` skips the DELETE for a record known to be new."""
    if replace:
        delete_where(db, child.table, key)
    rows = [
        {
            **key,
            "position": position,
            **{
                column: to_json(item[column]) if column in child.json_columns else item[column]
                for column in child.columns
            },
        }
        for position, item in enumerate(items)
    ]
    insert_rows(db, child.table, rows)


def read_children(db: Database, child: Child, key: Mapping[str, object]) -> list[dict[str, object]]:
    """The items of ``key`` as :func:`write_children` was given them."""
    items = []
    for row in select_rows(db, child.table, key, order_by="position"):
        items.append(
            {
                column: json.loads(str(row[column]))
                if column in child.json_columns
                else row[column]
                for column in child.columns
            }
        )
    return items
