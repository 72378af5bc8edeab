"""The dataset schema: keys, indexes, pragmas, migrations and version checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from store_helpers import new_database

from praktyki.errors import StorageError
from praktyki.store.db import (
    MIGRATIONS,
    SCHEMA_VERSION,
    ensure_schema,
    open_database,
    schema_version,
)


@pytest.mark.parametrize(
    ("table", "pk"),
    [
        ("practices", ["source", "practice_id"]),
        ("practice_phones", ["source", "practice_id", "position"]),
        ("contacts", ["source", "practice_id", "position"]),
        ("attachments", ["source", "practice_id", "position"]),
        ("metryka_raw", ["source", "practice_id", "position"]),
        ("sections", ["source", "section", "subsection"]),
        ("ops_pages", ["source", "url", "article_index"]),
        ("ops_topics", ["source", "url", "article_index", "position"]),
        ("institutions", ["source"]),
        ("history", ["id"]),
        ("runs", ["run_id"]),
    ],
)
def test_primary_keys(tmp_path: Path, table: str, pk: list[str]) -> None:
    assert new_database(tmp_path)[table].pks == pk


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("practices", ["voivodeship"]),
        ("practices", ["unit_type"]),
        ("practices", ["section", "subsection"]),
        ("practices", ["status"]),
        ("practices", ["date_added"]),
        ("history", ["source", "entity", "key"]),
        ("ops_pages", ["status"]),
    ],
)
def test_indexes_for_common_queries(tmp_path: Path, table: str, columns: list[str]) -> None:
    assert columns in [index.columns for index in new_database(tmp_path)[table].indexes]


@pytest.mark.parametrize(
    ("table", "other_table", "columns"),
    [
        ("contacts", "practices", ("source", "practice_id")),
        ("practices", "sections", ("source", "section", "subsection")),
        ("practices", "runs", ("first_seen_run",)),
        ("history", "runs", ("run_id",)),
        ("ops_topics", "ops_pages", ("source", "url", "article_index")),
    ],
)
def test_foreign_keys(
    tmp_path: Path, table: str, other_table: str, columns: tuple[str, ...]
) -> None:
    keys = {(fk.other_table, fk.columns) for fk in new_database(tmp_path)[table].foreign_keys}
    assert (other_table, columns) in keys


def test_tables_are_strict_and_not_null_where_required(tmp_path: Path) -> None:
    db = new_database(tmp_path)
    assert db["practices"].strict
    with pytest.raises(sqlite3.IntegrityError, match="NOT NULL"):
        db.execute("INSERT INTO runs (kind, status, started_at) VALUES ('bdp', 'running', 'x')")


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("foreign_keys", 1), ("synchronous", 1), ("busy_timeout", 10000)],
)
def test_connection_settings(tmp_path: Path, pragma: str, expected: object) -> None:
    assert new_database(tmp_path).execute(f"PRAGMA {pragma}").fetchone()[0] == expected


def test_open_creates_parent_directory_and_sets_version(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "praktyki.db"
    db = open_database(path)
    assert path.exists()
    assert schema_version(db) == SCHEMA_VERSION


def test_empty_file_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    assert schema_version(open_database(path)) == SCHEMA_VERSION


def test_old_file_keeps_foreign_tables_when_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Database(path)["my_notes"].insert({"id": 1, "url": "https://x.pl/"}, pk="id")
    db = open_database(path)
    assert db["my_notes"].count == 1
    assert db["practices"].exists()


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    schema = open_database(path).schema
    assert open_database(path).schema == schema


def test_later_migration_applies_on_top_of_v1(tmp_path: Path) -> None:
    db = new_database(tmp_path)

    def add_notes(db: Database) -> None:
        db.execute("ALTER TABLE practices ADD COLUMN notes TEXT")

    ensure_schema(db, migrations={**MIGRATIONS, SCHEMA_VERSION + 1: add_notes})
    assert schema_version(db) == SCHEMA_VERSION + 1
    assert "notes" in db["practices"].columns_dict


def test_failed_migration_leaves_the_old_version(tmp_path: Path) -> None:
    db = new_database(tmp_path)

    def broken(db: Database) -> None:
        db.execute("CREATE TABLE extra (x TEXT)")
        db.execute("THIS IS NOT SQL")

    with pytest.raises(StorageError, match=f"version {SCHEMA_VERSION + 1}"):
        ensure_schema(db, migrations={**MIGRATIONS, SCHEMA_VERSION + 1: broken})
    assert schema_version(db) == SCHEMA_VERSION
    assert not db["extra"].exists()


def test_newer_version_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StorageError, match="newer"):
        open_database(path)


def test_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database, just some text " * 200)
    with pytest.raises(StorageError, match="cannot open"):
        open_database(path)
