"""What practices and OPS pages share: upsert with change detection, history, removal, FTS.

A *tracked record* has a key, normalized content (scalar columns on its row plus list-valued
child tables), provenance that is not content (URL, archive id, fetch time, parser version),
and a life cycle: ``active`` while seen, ``removed`` once a crawl no longer finds it. Content
is compared by value (through ``content_hash`` first, so an unchanged record costs one
SELECT and one UPDATE), never by raw bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from sqlite_utils import Database

from praktyki.store.history import changed_fields, record_change, record_history
from praktyki.store.rows import (
    Child,
    Scalar,
    as_scalar,
    content_hash,
    insert_rows,
    read_children,
    select_rows,
    update_row,
    write_children,
)
from praktyki.store.search_index import reindex

__all__ = ["ACTIVE", "REMOVED", "Change", "ChangeKind", "EntityKind", "TrackedRecord"]

ACTIVE = "active"
REMOVED = "removed"


class ChangeKind(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Change:
    """What a load did to one record: its kind and the names of the fields that changed."""

    kind: ChangeKind
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityKind:
    """How one kind of tracked record is stored."""

    entity: str  # the history table's ``entity`` value
    table: str
    key_columns: tuple[str, ...]
    scalar_fields: tuple[str, ...]  # content columns of the main row
    children: Mapping[str, Child]  # list-valued content field -> its child table
    fts_table: str
    fts_columns: tuple[str, ...]
    history_key: Callable[[Mapping[str, Scalar]], str]


@dataclass(frozen=True)
class TrackedRecord:
    """One record ready to load; ``meta`` is provenance (written with content, not compared),
    ``volatile`` is observed on every sighting and never counted as a change (view counters)."""

    key: dict[str, Scalar]
    scalars: dict[str, Scalar]
    children: dict[str, list[dict[str, object]]]
    meta: dict[str, Scalar] = field(default_factory=dict)
    volatile: dict[str, Scalar] = field(default_factory=dict)

    def content(self, kind: EntityKind) -> dict[str, Scalar]:
        lists = {name: kind.children[name].content(self.children[name]) for name in kind.children}
        return {**self.scalars, **lists}


def upsert(db: Database, kind: EntityKind, record: TrackedRecord, *, run_id: int) -> Change:
    """Insert, update or just re-sight ``record``; history for every changed field."""
    content = record.content(kind)
    digest = content_hash(content)
    with db.atomic():
        existing = select_rows(db, kind.table, record.key)
        if not existing:
            _insert(db, kind, record, content, digest, run_id)
            return Change(ChangeKind.NEW)
        row = existing[0]
        if row["content_hash"] == digest and row["status"] == ACTIVE:
            seen = {"last_seen_run": run_id, **_reader(record.meta), **record.volatile}
            update_row(db, kind.table, record.key, seen)
            return Change(ChangeKind.UNCHANGED)
        return _update(db, kind, record, row, content, digest, run_id)


def _reader(meta: Mapping[str, Scalar]) -> dict[str, Scalar]:
    """The parser that read an unchanged record this time: the row says the content was read
    by it (else a refresh would take the row for stale and re-parse it on every run)."""
    return {"parser_version": meta["parser_version"]} if "parser_version" in meta else {}


def _insert(
    db: Database,
    kind: EntityKind,
    record: TrackedRecord,
    content: Mapping[str, Scalar],
    digest: str,
    run_id: int,
) -> None:
    row = {
        **record.key,
        **record.scalars,
        **record.meta,
        **record.volatile,
        "status": ACTIVE,
        "first_seen_run": run_id,
        "last_seen_run": run_id,
        "removed_run": None,
        "content_hash": digest,
    }
    insert_rows(db, kind.table, [row])
    for name, child in kind.children.items():
        write_children(db, child, record.key, record.children[name], replace=False)
    _index(db, kind, record.key, None, content)


def _update(
    db: Database,
    kind: EntityKind,
    record: TrackedRecord,
    row: Mapping[str, object],
    content: Mapping[str, Scalar],
    digest: str,
    run_id: int,
) -> Change:
    old = stored_content(db, kind, record.key, row) if row["content_hash"] != digest else content
    fields = changed_fields(old, content)
    key_text = kind.history_key(record.key)
    source = str(record.key["source"])
    if row["status"] != ACTIVE:
        record_change(
            db,
            source=source,
            entity=kind.entity,
            key=key_text,
            changes={"status": (str(row["status"]), ACTIVE)},
            run_id=run_id,
        )
    record_history(
        db,
        source=source,
        entity=kind.entity,
        key=key_text,
        old=old,
        new=content,
        fields=fields,
        run_id=run_id,
    )
    values: dict[str, Scalar] = {
        **record.scalars,
        **record.meta,
        **record.volatile,
        "status": ACTIVE,
        "last_seen_run": run_id,
        "removed_run": None,
        "content_hash": digest,
    }
    update_row(db, kind.table, record.key, values)
    for name in fields:
        if name in kind.children:
            write_children(db, kind.children[name], record.key, record.children[name])
    if set(fields) & set(kind.fts_columns):
        _index(db, kind, record.key, old, content)
    status = ("status",) if row["status"] != ACTIVE else ()
    return Change(ChangeKind.CHANGED, (*status, *fields))


def stored_content(
    db: Database, kind: EntityKind, key: Mapping[str, Scalar], row: Mapping[str, object]
) -> dict[str, Scalar]:
    """The content of a stored record, in the shape :meth:`TrackedRecord.content` gives."""
    scalars = {name: as_scalar(row[name]) for name in kind.scalar_fields}
    lists = {
        name: child.content(read_children(db, child, key)) for name, child in kind.children.items()
    }
    return {**scalars, **lists}


def _index(
    db: Database,
    kind: EntityKind,
    key: Mapping[str, Scalar],
    old: Mapping[str, Scalar] | None,
    content: Mapping[str, Scalar],
) -> None:
    """(Re)index the record's text (see :mod:`praktyki.load.search_index`); ``old`` is the
    content indexed so far, None for a new record."""
    names = list(key)
    row = db.conn.execute(
        f"SELECT rowid FROM {kind.table} WHERE "  # noqa: S608 - constant names
        + " AND ".join(f"{name} = ?" for name in names),
        [key[name] for name in names],
    ).fetchone()
    reindex(db, kind.fts_table, int(row[0]), old, content)


def active_keys(db: Database, kind: EntityKind, source: str) -> list[dict[str, Scalar]]:
    """Keys of the active records of ``source``."""
    columns = ", ".join(kind.key_columns)
    cursor = db.conn.execute(
        f"SELECT {columns} FROM {kind.table} WHERE source = ? AND status = ?",  # noqa: S608
        (source, ACTIVE),
    )
    return [dict(zip(kind.key_columns, row, strict=True)) for row in cursor]


def remove(
    db: Database, kind: EntityKind, keys: Iterable[Mapping[str, Scalar]], *, run_id: int
) -> None:
    """Mark records removed (never deleted), with a history row each."""
    for key in keys:
        update_row(db, kind.table, key, {"status": REMOVED, "removed_run": run_id})
        record_change(
            db,
            source=str(key["source"]),
            entity=kind.entity,
            key=kind.history_key(key),
            changes={"status": (ACTIVE, REMOVED)},
            run_id=run_id,
        )
