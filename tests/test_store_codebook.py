"""The codebook documents exactly the tables and columns a fresh database has."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from praktyki.store.codebook import TABLES, TableDoc, render_markdown, write_codebook
from praktyki.store.codebook_crawl import CRAWL_TABLES
from praktyki.store.db import open_database
from praktyki.store.schema import FTS_TABLES

CODEBOOK = Path(__file__).parent.parent / "docs" / "CODEBOOK.md"
FTS_SHADOW = ("_data", "_idx", "_content", "_docsize", "_config")


@pytest.fixture(scope="module")
def db() -> Database:
    return open_database(":memory:")


def dataset_tables(db: Database) -> set[str]:
    shadow = {name + suffix for name in FTS_TABLES for suffix in FTS_SHADOW}
    return set(db.table_names()) - shadow


def test_every_table_documented_and_nothing_more(db: Database) -> None:
    """The whole file: dataset, archive, frontier and crawl bookkeeping."""
    documented = {table.name for table in (*TABLES, *CRAWL_TABLES)}
    assert documented == dataset_tables(db)


@pytest.mark.parametrize("table", [*TABLES, *CRAWL_TABLES], ids=lambda table: table.name)
def test_columns_and_types_match_the_database(db: Database, table: TableDoc) -> None:
    documented = [(c.name, c.type) for c in table.columns]
    info = db.execute(f'PRAGMA table_info("{table.name}")').fetchall()
    assert documented == [(row[1], row[2]) for row in info]


@pytest.mark.parametrize("table", [*TABLES, *CRAWL_TABLES], ids=lambda table: table.name)
def test_every_column_has_a_meaning(table: TableDoc) -> None:
    assert all(column.meaning for column in table.columns)


def test_docs_codebook_is_up_to_date(update_golden: bool) -> None:
    if update_golden:
        write_codebook(CODEBOOK)
    assert CODEBOOK.read_text(encoding="utf-8") == render_markdown()
