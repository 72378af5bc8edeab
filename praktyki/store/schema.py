"""Version 1 of the dataset schema, written out explicitly (types, keys, NOT NULL, indexes).

Migration 1 of :mod:`praktyki.store.db` creates exactly this; later schema changes are new
numbered migrations, never edits here (a database created at version 1 must stay what it was).
Every table and column is described for people in :mod:`praktyki.store.codebook`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

__all__ = [
    "FTS_TABLES",
    "TABLES_V1",
    "TableSpec",
    "create_v1",
]

PRACTICE_KEY = ("source", "practice_id")
OPS_KEY = ("source", "url", "article_index")


@dataclass(frozen=True)
class TableSpec:
    """One table: ordered columns with types, primary key, NOT NULL set, foreign keys, indexes."""

    name: str
    columns: dict[str, type]
    pk: tuple[str, ...]
    not_null: frozenset[str] = frozenset()
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    indexes: tuple[tuple[str, ...], ...] = field(default=())


def _child(
    name: str,
    key_types: dict[str, type],
    parent: str,
    required: tuple[str, ...],
    columns: dict[str, type],
) -> TableSpec:
    """A list-valued child of ``parent``: one row per item, ``position`` keeps the page order."""
    key = tuple(key_types)
    return TableSpec(
        name=name,
        columns={**key_types, "position": int, **columns},
        pk=(*key, "position"),
        not_null=frozenset({*key, "position", *required}),
        foreign_keys=((key, parent, key),),
    )


def _practice_child(table: str, required: tuple[str, ...], /, **columns: type) -> TableSpec:
    return _child(table, {"source": str, "practice_id": str}, "practices", required, columns)


def _ops_child(table: str, required: tuple[str, ...], /, **columns: type) -> TableSpec:
    key_types = {"source": str, "url": str, "article_index": int}
    return _child(table, key_types, "ops_pages", required, columns)


_SEEN = {
    "status": str,
    "first_seen_run": int,
    "last_seen_run": int,
    "removed_run": int,
    "content_hash": str,
    "fetched_at": str,
    "archive_id": int,
    "parser_version": str,
}
_SEEN_NOT_NULL = {"status", "first_seen_run", "last_seen_run", "content_hash"}
_SEEN_FKS: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = tuple(
    ((column,), "runs", ("run_id",))
    for column in ("first_seen_run", "last_seen_run", "removed_run")
)

RUNS = TableSpec(
    name="runs",
    columns={
        "run_id": int,
        "kind": str,
        "status": str,
        "started_at": str,
        "finished_at": str,
        "duration_s": float,
        "options": str,
        "pid": int,
        "requests": int,
        "bytes": int,
        "not_modified": int,
        "new": int,
        "changed": int,
        "removed": int,
        "unchanged": int,
        "failed": int,
        "exit_code": int,
    },
    pk=("run_id",),
    not_null=frozenset({"run_id", "kind", "status", "started_at", "options"}),
    indexes=(("kind", "status"),),
)

SECTIONS = TableSpec(
    name="sections",
    columns={"source": str, "section": str, "subsection": str, "p1": str, "p2": str},
    pk=("source", "section", "subsection"),
    not_null=frozenset({"source", "section", "subsection"}),
)

PRACTICES = TableSpec(
    name="practices",
    columns={
        "source": str,
        "practice_id": str,
        "url": str,
        "section": str,
        "subsection": str,
        "title": str,
        "summary": str,
        "presentation": str,
        "date_added": str,
        "date_updated": str,
        "unit_type": str,
        "locality": str,
        "county": str,
        "voivodeship": str,
        "postal_code": str,
        "post_office": str,
        "implementing_unit": str,
        "street": str,
        "population": int,
        **_SEEN,
    },
    pk=PRACTICE_KEY,
    not_null=frozenset(
        {*PRACTICE_KEY, "url", "section", "subsection", "title", "summary", *_SEEN_NOT_NULL}
    ),
    foreign_keys=(
        (("source", "section", "subsection"), "sections", ("source", "section", "subsection")),
        *_SEEN_FKS,
    ),
    indexes=(
        ("voivodeship",),
        ("unit_type",),
        ("section", "subsection"),
        ("status",),
        ("date_added",),
        ("source", "status"),
    ),
)

OPS_PAGES = TableSpec(
    name="ops_pages",
    columns={
        "source": str,
        "url": str,
        "article_index": int,
        "site_name": str,
        "title": str,
        "published_at": str,
        "modified_at": str,
        "author": str,
        "editor": str,
        "views": int,
        "body": str,
        **_SEEN,
    },
    pk=OPS_KEY,
    not_null=frozenset({*OPS_KEY, "title", "body", *_SEEN_NOT_NULL}),
    foreign_keys=_SEEN_FKS,
    indexes=(("status",), ("source", "status"), ("published_at",)),
)

INSTITUTIONS = TableSpec(
    name="institutions",
    columns={
        "source": str,
        "name": str,
        "street": str,
        "postal_code": str,
        "locality": str,
        "phones": str,
        "emails": str,
        "url": str,
        "first_seen_run": int,
        "last_seen_run": int,
    },
    pk=("source",),
    not_null=frozenset({"source", "phones", "emails", "url", "first_seen_run", "last_seen_run"}),
    foreign_keys=_SEEN_FKS[:2],
    indexes=(("locality",),),
)

HISTORY = TableSpec(
    name="history",
    columns={
        "id": int,
        "source": str,
        "entity": str,
        "key": str,
        "field": str,
        "old_value": str,
        "new_value": str,
        "run_id": int,
    },
    pk=("id",),
    not_null=frozenset({"id", "source", "entity", "key", "field", "run_id"}),
    foreign_keys=((("run_id",), "runs", ("run_id",)),),
    indexes=(("source", "entity", "key"), ("run_id",), ("field",)),
)

TABLES_V1: tuple[TableSpec, ...] = (
    RUNS,
    SECTIONS,
    PRACTICES,
    _practice_child("practice_phones", ("value",), value=str),
    _practice_child("practice_emails", ("value",), value=str),
    _practice_child("practice_websites", ("value",), value=str),
    _practice_child("contacts", ("phones", "emails"), name=str, role=str, phones=str, emails=str),
    _practice_child(
        "attachments",
        ("name", "url"),
        name=str,
        url=str,
        file_type=str,
        size_bytes=int,
        size_text=str,
    ),
    _practice_child("metryka_raw", ("label", "value"), label=str, value=str, field=str),
    OPS_PAGES,
    _ops_child("ops_topics", ("topic",), topic=str),
    _ops_child("ops_breadcrumbs", ("name",), name=str),
    _ops_child("ops_attachments", ("name", "attachment_url"), name=str, attachment_url=str),
    INSTITUTIONS,
    HISTORY,
)

# Version 1's FTS5 tables: folded copies of the text keyed by the owner's primary key in
# UNINDEXED columns. Migration 3 replaces them with external-content tables that Datasette
# and sqlite-utils can use (praktyki.store.search_index); this is what version 1 created.
FTS_TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "practices_fts": (PRACTICE_KEY, ("title", "summary", "presentation")),
    "ops_fts": (OPS_KEY, ("title", "body")),
}


def _create(db: Database, spec: TableSpec) -> None:
    table = db.create_table(
        spec.name,
        spec.columns,
        pk=spec.pk[0] if len(spec.pk) == 1 else spec.pk,
        not_null=spec.not_null,
        foreign_keys=list(spec.foreign_keys),
        strict=True,
    )
    for columns in spec.indexes:
        table.create_index(columns, index_name=f"idx_{spec.name}_{'_'.join(columns)}")


def _create_fts(db: Database, name: str, key: tuple[str, ...], text: tuple[str, ...]) -> None:
    columns = ", ".join([*(f"{c} UNINDEXED" for c in key), *text])
    db.execute(
        f"CREATE VIRTUAL TABLE {name} USING fts5({columns}, "  # noqa: S608 (names are constants)
        "tokenize = 'unicode61 remove_diacritics 2')"
    )


def create_v1(db: Database) -> None:
    """Create every version-1 table, index and FTS table (inside the caller's transaction)."""
    for spec in TABLES_V1:
        _create(db, spec)
    for name, (key, text) in FTS_TABLES.items():
        _create_fts(db, name, key, text)


def add_ops_confidence(db: Database) -> None:
    """Migration 6: ``ops_pages.confidence``, how sure the extractor was of the article (1.0
    found by its rules, lower for the best block of prose taken as a fallback); rows loaded
    before it stay NULL until their page is seen again."""
    db.execute("ALTER TABLE ops_pages ADD COLUMN confidence REAL")
