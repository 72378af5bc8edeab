"""Folded full-text search: Polish letters, query syntax, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database
from store_helpers import SEED_URL, new_database, new_run, seed_bundle, seed_metryka

from praktyki.errors import ConfigError
from praktyki.store.fold import fold_polish
from praktyki.store.fts import fold_query, search_practices
from praktyki.store.practices import load_practice


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Łódź", "lodz"),
        ("ŁÓDŹ", "lodz"),
        ("Świętokrzyskie", "swietokrzyskie"),
        ("Długosiodło", "dlugosiodlo"),
        ("zażółć gęślą jaźń", "zazolc gesla jazn"),
        ("Straße", "strasse"),
        ("lodz", "lodz"),
    ],
)
def test_fold_polish(text: str, folded: str) -> None:
    assert fold_polish(text) == folded


@pytest.mark.parametrize(
    ("query", "folded"),
    [
        ("Łódź OR Kraków", "lodz OR krakow"),
        ('"Gminny Ośrodek"', '"gminny osrodek"'),
        ("pomoc*", "pomoc*"),
        ("title:Łódź NOT Świętokrzyskie", "title:lodz NOT swietokrzyskie"),
    ],
)
def test_fold_query_keeps_operators(query: str, folded: str) -> None:
    assert fold_query(query) == folded


@pytest.fixture
def db(tmp_path: Path) -> Database:
    db = new_database(tmp_path)
    run = new_run(db)
    load_practice(db, seed_bundle(), run_id=run)
    other = seed_bundle(
        practice_id="55",
        url=SEED_URL + "5",
        title="Budżet obywatelski w Krakowie",
        summary="Mieszkańcy decydują o wydatkach.",
        presentation="Opis: Kraków, Małopolska.",
        metryka=seed_metryka(voivodeship="małopolskie"),
    )
    load_practice(db, other, run_id=run)
    return db


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("lodz", ["1234"]),
        ("Łódź", ["1234"]),
        ("LODZ", ["1234"]),
        ("swietokrzyskie", ["1234"]),
        ("dlugosiodlo", ["1234"]),
        ("krakow", ["55"]),
        ("budzet obywatelski", ["55"]),
        ('"gminny osrodek"', ["1234"]),
        ("wydatk*", ["55"]),
        ("title:krakowie", ["55"]),
        ("lodz OR krakow", ["1234", "55"]),
        ("warszawa", []),
    ],
)
def test_search_practices_folded(db: Database, query: str, ids: list[str]) -> None:
    found = [row["practice_id"] for row in search_practices(db, query)]
    assert sorted(found) == ids


def test_search_orders_by_bm25(db: Database) -> None:
    load_practice(
        db,
        seed_bundle(practice_id="9", url=SEED_URL + "9", title="Kraków Kraków Kraków"),
        run_id=new_run(db),
    )
    results = search_practices(db, "krakow")
    assert [row["practice_id"] for row in results] == ["9", "55"]
    assert results[0]["rank"] <= results[1]["rank"]


def test_search_reflects_changed_text(db: Database) -> None:
    changed = seed_bundle(presentation="Tylko Gdańsk.")
    load_practice(db, changed, run_id=new_run(db))
    assert search_practices(db, "lodz") == []
    assert [row["practice_id"] for row in search_practices(db, "gdansk")] == ["1234"]
    assert db["practices_fts"].count == 2


def test_search_limit(db: Database) -> None:
    assert len(search_practices(db, "lodz OR krakow", limit=1)) == 1


@pytest.mark.parametrize(
    "query", ['"unbalanced', "AND", "lodz AND", "nosuchcolumn:lodz", "(lodz", "   "]
)
def test_bad_query_is_config_error(db: Database, query: str) -> None:
    with pytest.raises(ConfigError, match="query"):
        search_practices(db, query)
