"""A database written by the previous release (schema version 1, crawl tables made by each
crawl module) opens, migrates in place, and reparses to the same tables.

``fixtures/store/v1-release.db.gz`` was written by praktyki 0.1.0 at commit 8d7928a (before the
store package): ``crawl bdp`` of a 3-practice replica, ``crawl ops`` of one replica site with
``--max-pages 12``, and ``crawl bdp`` again; then VACUUMed and gzipped.
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

import pytest

from praktyki.crawl.service import reparse
from praktyki.store import SCHEMA_VERSION, open_database, search_practices
from praktyki.store.db import schema_version

RELEASE = Path(__file__).parent / "fixtures" / "store" / "v1-release.db.gz"
Tables = dict[str, list[tuple[object, ...]]]


@pytest.fixture
def release_db(tmp_path: Path) -> Path:
    path = tmp_path / "praktyki.db"
    with gzip.open(RELEASE) as packed, path.open("wb") as out:
        shutil.copyfileobj(packed, out)
    return path


def tables(path: Path, *, skip: tuple[str, ...] = ()) -> Tables:
    """Every table's rows, sorted (the FTS tables, which migration 3 rebuilds over their
    owners, their shadow tables and ``skip`` left out)."""
    with sqlite3.connect(path) as conn:
        names = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith(("sqlite_", "practices_fts", "ops_fts")) and name not in skip
        ]
        return {name: sorted(conn.execute(f'SELECT * FROM "{name}"'), key=repr) for name in names}


def test_the_fixture_is_a_version_1_file(release_db: Path) -> None:
    with sqlite3.connect(release_db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)


#: Added by migration 5 (the revalidation policy): frontier columns at their defaults, a table.
V5_FRONTIER_DEFAULTS = (0, None)  # forced, fingerprint
#: Added by migration 6: ops_pages.confidence, unknown for rows loaded before it.
V6_OPS_DEFAULTS = (None,)


def test_a_release_file_migrates_in_place(release_db: Path) -> None:
    before = tables(release_db)
    db = open_database(release_db)
    assert schema_version(db) == SCHEMA_VERSION
    db.close()
    after = tables(release_db)
    frontier = after.pop("frontier")
    assert {row[-2:] for row in frontier} == {V5_FRONTIER_DEFAULTS}
    assert sorted((row[:-2] for row in frontier), key=repr) == before.pop("frontier")
    ops_pages = after.pop("ops_pages")
    assert ops_pages
    assert {row[-1:] for row in ops_pages} == {V6_OPS_DEFAULTS}
    assert sorted((row[:-1] for row in ops_pages), key=repr) == before.pop("ops_pages")
    assert {name: after[name] for name in before} == before


def test_tables_added_since_the_release_start_empty(release_db: Path) -> None:
    before = tables(release_db)
    open_database(release_db).close()
    added = {name: rows for name, rows in tables(release_db).items() if name not in before}
    assert added == {"archive_exchanges": [], "crawl_fingerprints": [], "ops_readings": []}


def test_a_migrated_release_file_searches_both_ways(release_db: Path) -> None:
    db = open_database(release_db)
    plain = search_practices(db, "pomoc spoleczna")
    assert plain
    assert db.table("practices").detect_fts() == "practices_fts"
    assert len(list(db.table("practices").search("pomoc społeczna"))) == len(plain)


def test_reparse_of_a_release_file_gives_the_same_tables(release_db: Path) -> None:
    # reparse adds its own run and rewrites each run's failures (new row ids)
    skip = ("runs", "crawl_failures")
    open_database(release_db).close()  # migrated first: reparse compares like with like
    before = tables(release_db, skip=skip)
    summary = reparse(release_db)
    assert summary.failed == 0
    after = tables(release_db, skip=skip)
    # reparse fills in what the release did not store (ops_pages.confidence, the last column)
    assert all(row[-1] is not None for row in after["ops_pages"])
    for rows in (before, after):
        rows["ops_pages"] = sorted((row[:-1] for row in rows["ops_pages"]), key=repr)
    assert {name: after[name] for name in before} == before
