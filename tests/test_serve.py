"""`praktyki serve`: Datasette over the dataset, with codebook metadata, hidden internals,
canned queries, linked practice keys and folded `?_search=` (checked in-process)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from browse_support import browse_database

from praktyki.browse.serve import build_datasette
from praktyki.store.browse import CANNED_QUERIES
from praktyki.store.codebook import TABLES
from praktyki.store.schema import FTS_TABLES


@pytest.fixture(scope="module")
def datasette(tmp_path_factory: pytest.TempPathFactory) -> Any:
    ds = build_datasette(browse_database(tmp_path_factory.mktemp("serve")))
    asyncio.run(ds.invoke_startup())
    return ds


def get(ds: Any, path: str) -> Any:
    return asyncio.run(ds.client.get(path))


@pytest.mark.parametrize("table", ["practices", "ops_pages"])
@pytest.mark.parametrize("query", ["współpraca", "wspolpraca", "WSPÓŁPRACA", "Łódź", "lodz"])
def test_search_folds_both_sides(datasette: Any, table: str, query: str) -> None:
    response = get(datasette, f"/praktyki/{table}.json?_search={query}&_shape=array")
    plain = get(datasette, f"/praktyki/{table}.json?_search={query.lower()}&_shape=array")
    assert response.status_code == 200
    assert response.json() == plain.json()


@pytest.mark.parametrize(
    ("query", "ids"), [("współpraca", ["77"]), ("wspolpraca", ["77"]), ("lodz", ["1234", "77"])]
)
def test_search_finds_the_practices(datasette: Any, query: str, ids: list[str]) -> None:
    rows = get(datasette, f"/praktyki/practices.json?_search={query}&_shape=array").json()
    assert sorted(row["practice_id"] for row in rows) == ids


def test_only_dataset_tables_are_listed(datasette: Any) -> None:
    tables = get(datasette, "/praktyki.json").json()["tables"]
    shown = {table["name"] for table in tables if not table["hidden"]}
    assert shown == {table.name for table in TABLES if table.name not in FTS_TABLES}


def test_every_column_has_its_codebook_description(datasette: Any) -> None:
    metadata = get(datasette, "/-/metadata.json").json()["databases"]["praktyki"]["tables"]
    for table in TABLES:
        if table.name not in FTS_TABLES:
            described = metadata[table.name]["columns"]
            assert set(described) == {column.name for column in table.columns}, table.name
            assert all(described.values())


def test_the_site_names_licence_and_source(datasette: Any) -> None:
    page = get(datasette, "/").text
    assert "Baza Dobrych Praktyk" in page
    assert "re-use" in page


@pytest.mark.parametrize("query", sorted(CANNED_QUERIES))
def test_canned_queries_run(datasette: Any, query: str) -> None:
    response = get(datasette, f"/praktyki/{query}.json?_shape=array")
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("query", ["Łodzi", "lodzi", "ŁODZI", "współpraca", "wspolpraca"])
def test_search_finds_the_ops_article(datasette: Any, query: str) -> None:
    rows = get(datasette, f"/praktyki/ops_pages.json?_search={query}&_shape=array").json()
    assert [row["source"] for row in rows] == ["ops-lodz"]


def test_ops_child_rows_link_to_their_article(datasette: Any) -> None:
    page = get(datasette, "/praktyki/ops_topics").text
    assert 'href="/praktyki/ops_pages/ops-lodz,https~3A~2F~2Fops-lodz' in page


def test_practices_by_voivodeship_counts(datasette: Any) -> None:
    rows = get(datasette, "/praktyki/practices_by_voivodeship.json?_shape=array").json()
    assert rows == [{"voivodeship": "mazowieckie", "practices": 2}]


def test_a_practice_page_shows_its_contacts(datasette: Any) -> None:
    page = get(datasette, "/praktyki/practices/bdp,77").text
    assert "Osoby kontaktowe" in page
    assert "Katarzyna Piórkowska" in page
    assert "+48297412158" in page


@pytest.mark.parametrize("table", ["contacts", "practice_phones", "attachments", "metryka_raw"])
def test_child_rows_link_to_their_practice(datasette: Any, table: str) -> None:
    page = get(datasette, f"/praktyki/{table}").text
    assert 'href="/praktyki/practices/bdp,77"' in page
