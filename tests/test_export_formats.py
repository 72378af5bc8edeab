"""`praktyki export` in every format: a Frictionless package that validates, typed Parquet,
the CSV formula guard, package updates, and `read_export` reading each format back typed."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import frictionless
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from store_helpers import new_database, new_run, seed_bundle

from praktyki.cli import cli
from praktyki.load import load_practice
from praktyki.store.export_write import neutralize, unneutralize
from praktyki.store.read_export import read_export

FORMATS = ["csv", "jsonl", "parquet"]
FORMULAS = ['=HYPERLINK("http://x.invalid","klik")', "+48 formula", "-2+3", "@SUM(A1)"]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("export")
    db = new_database(root)
    run = new_run(db)
    load_practice(db, seed_bundle(), run_id=run)
    for number, title in enumerate(FORMULAS, start=1):
        load_practice(db, seed_bundle(practice_id=f"0{number}", title=title), run_id=run)
    db.close()
    return root / "data" / "praktyki.db"


def export(db_path: Path, out: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["export", str(out), "--db", str(db_path), *args])
    assert result.exit_code == 0, result.output


def titles_in_csv(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row["title"] for row in csv.DictReader(f)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_package_validates_with_frictionless(db_path: Path, tmp_path: Path, fmt: str) -> None:
    export(db_path, tmp_path, "--format", fmt)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "message"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_table_is_a_valid_resource(db_path: Path, tmp_path: Path, fmt: str) -> None:
    export(db_path, tmp_path, "--format", fmt, "--table", "history")
    path = tmp_path / f"history.{fmt}"
    assert path.stat().st_size > 0
    assert frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_the_package_declares_keys_types_licence_and_sources(db_path: Path, tmp_path: Path) -> None:
    export(db_path, tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    practices = next(r for r in package["resources"] if r["name"] == "practices")
    types = {field["name"]: field["type"] for field in practices["schema"]["fields"]}
    contacts = next(r for r in package["resources"] if r["name"] == "contacts")
    assert practices["schema"]["primaryKey"] == ["source", "practice_id"]
    assert {
        "fields": ["source", "practice_id"],
        "reference": {"resource": "practices", "fields": ["source", "practice_id"]},
    } in contacts["schema"]["foreignKeys"]
    assert (types["date_added"], types["fetched_at"], types["practice_id"]) == (
        "date",
        "datetime",
        "string",
    )
    assert package["licenses"]
    assert package["created"].endswith("Z")
    assert package["sources"] == [{"title": "bdp", "path": "https://archiwum.dobrepraktyki.pl/"}]


def test_exporting_one_table_updates_the_package(db_path: Path, tmp_path: Path) -> None:
    export(db_path, tmp_path)
    export(db_path, tmp_path, "--table", "practices", "--format", "jsonl")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in package["resources"]}
    assert paths["practices"] == "practices.jsonl"
    assert paths["contacts"] == "contacts.csv"
    assert frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_csv_cells_that_look_like_formulas_are_neutralized(db_path: Path, tmp_path: Path) -> None:
    export(db_path, tmp_path)
    titles = titles_in_csv(tmp_path / "practices.csv")
    assert sorted(t for t in titles if t.startswith("'")) == sorted(f"'{f}" for f in FORMULAS)


def test_raw_csv_keeps_formulas_as_stored(db_path: Path, tmp_path: Path) -> None:
    export(db_path, tmp_path, "--raw-csv")
    assert set(FORMULAS) <= set(titles_in_csv(tmp_path / "practices.csv"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_export_gives_the_stored_values_back(db_path: Path, tmp_path: Path, fmt: str) -> None:
    export(db_path, tmp_path, "--format", fmt)
    titles = set(read_export(tmp_path, "practices")["title"])
    assert set(FORMULAS) <= titles


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_export_keeps_phones_and_ids_as_strings(
    db_path: Path, tmp_path: Path, fmt: str
) -> None:
    export(db_path, tmp_path, "--format", fmt)
    phones = read_export(tmp_path, "practice_phones")
    practices = read_export(tmp_path, "practices")
    assert phones["value"].iloc[0] == "+48297412158"
    assert "01" in set(practices["practice_id"])
    assert str(practices["population"].dtype) == "Int64"
    assert practices["date_added"].iloc[0].isoformat().startswith("2010-03-14")
    assert str(practices["fetched_at"].dtype).endswith("UTC]")


def test_parquet_columns_have_real_types(db_path: Path, tmp_path: Path) -> None:
    export(db_path, tmp_path, "--format", "parquet")
    schema = pq.read_schema(tmp_path / "practices.parquet")
    assert schema.field("date_added").type == pa.date32()
    assert schema.field("fetched_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("population").type == pa.int64()
    assert schema.field("practice_id").type == pa.string()


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+48297412158", "'+48297412158"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=already quoted", "''=already quoted"),
        ("Łódź", "Łódź"),
        ("'quoted text", "'quoted text"),
        (8000, 8000),
        (None, None),
    ],
)
def test_the_formula_guard(value: object, written: object) -> None:
    assert neutralize(value) == written


@given(st.text())
def test_the_formula_guard_can_always_be_undone(value: str) -> None:
    guarded = neutralize(value)
    assert isinstance(guarded, str)
    assert unneutralize(guarded) == value
