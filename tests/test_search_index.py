"""The FTS tables as Datasette and sqlite-utils find them: attached to their tables
(external content, rowid = the owner's rowid) and folded on both sides of a search."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database
from store_helpers import SEED_URL, new_database, new_run, seed_bundle

from praktyki.store.practices import load_practice
from praktyki.store.search_index import index_text, rebuild_search_index

# the seed practice (1234) mentions Łódź too
SPELLINGS = [
    ("współpraca", ["77"]),
    ("wspolpraca", ["77"]),
    ("WSPÓŁPRACA", ["77"]),
    ("Łódź", ["1234", "77"]),
    ("lodz", ["1234", "77"]),
    ("ŁÓDŹ", ["1234", "77"]),
    ("międzysektorowa", ["77"]),
    ("miedzysektorowa", ["77"]),
]


@pytest.fixture
def db(tmp_path: Path) -> Database:
    db = new_database(tmp_path)
    run = new_run(db)
    load_practice(db, seed_bundle(), run_id=run)
    load_practice(
        db,
        seed_bundle(
            practice_id="77",
            url=SEED_URL + "7",
            title="Współpraca z organizacjami w Łodzi",
            summary="Łódź i współpraca międzysektorowa.",
        ),
        run_id=run,
    )
    return db


def found(db: Database, query: str) -> list[str]:
    return sorted(str(row["practice_id"]) for row in db.table("practices").search(query))


@pytest.mark.parametrize("table", ["practices", "ops_pages"])
def test_the_fts_table_is_attached_to_its_table(db: Database, table: str) -> None:
    assert db.table(table).detect_fts() == {"practices": "practices_fts"}.get(table, "ops_fts")


@pytest.mark.parametrize(("query", "ids"), SPELLINGS)
def test_sqlite_utils_search_folds_both_sides(db: Database, query: str, ids: list[str]) -> None:
    assert found(db, query) == ids


def test_a_changed_text_leaves_no_stale_entries(db: Database) -> None:
    load_practice(
        db,
        seed_bundle(practice_id="77", url=SEED_URL + "7", title="Gdańsk", summary="Sopot."),
        run_id=new_run(db),
    )
    assert found(db, "wspolpraca") == found(db, "współpraca") == []
    assert found(db, "gdansk") == ["77"]


def test_rebuilding_keeps_the_folded_copies(db: Database) -> None:
    rebuild_search_index(db, "practices_fts")
    assert found(db, "wspolpraca") == found(db, "współpraca") == ["77"]


@pytest.mark.parametrize(
    ("value", "indexed"), [("Łódź", "Łódź\nlodz"), ("Kraków", "Kraków\nkrakow"), (None, "")]
)
def test_index_text_holds_the_value_and_its_folded_copy(value: str | None, indexed: str) -> None:
    assert index_text(value) == indexed
