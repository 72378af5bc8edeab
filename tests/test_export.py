"""`praktyki export`: flat files per table, the codebook, a Frictionless datapackage.json;
`praktyki search`: folded full-text search from the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_helpers import new_database, new_run, seed_bundle

from praktyki.cli import cli
from praktyki.errors import ConfigError
from praktyki.store import load_practice
from praktyki.store.export import ExportFormat, export_dataset, exportable_tables


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    db = new_database(tmp_path)
    run = new_run(db)
    load_practice(db, seed_bundle(), run_id=run)
    load_practice(
        db, seed_bundle(practice_id="99", title="Centrum Aktywności Lokalnej w Łodzi"), run_id=run
    )
    db.close()
    return tmp_path / "data" / "praktyki.db"


def cli_run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_csv_export_has_a_header_and_every_row(db_path: Path, tmp_path: Path) -> None:
    code, _ = cli_run("export", str(tmp_path / "out"), "--db", str(db_path))
    with (tmp_path / "out" / "practices.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert code == 0
    assert [row["practice_id"] for row in rows] == ["1234", "99"]
    assert rows[0]["population"] == "8000"
    assert rows[0]["postal_code"] == "07-210"


def test_jsonl_export_keeps_types(db_path: Path, tmp_path: Path) -> None:
    cli_run("export", str(tmp_path / "out"), "--format", "jsonl", "--db", str(db_path))
    lines = (tmp_path / "out" / "practices.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert first["population"] == 8000
    assert first["title"].startswith("Aktywne formy")


def test_every_exported_file_is_described_in_the_datapackage(db_path: Path, tmp_path: Path) -> None:
    cli_run("export", str(tmp_path / "out"), "--db", str(db_path))
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    described = {resource["path"] for resource in package["resources"]}
    written = {path.name for path in (tmp_path / "out").glob("*.csv")}
    assert described == written == {f"{t.name}.csv" for t in exportable_tables()}
    assert (tmp_path / "out" / "CODEBOOK.md").exists()


def test_population_is_an_integer_field_in_the_datapackage(db_path: Path, tmp_path: Path) -> None:
    cli_run("export", str(tmp_path / "out"), "--db", str(db_path))
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    practices = next(r for r in package["resources"] if r["name"] == "practices")
    types = {field["name"]: field["type"] for field in practices["schema"]["fields"]}
    assert types["population"] == "integer"


def test_unknown_table_is_a_config_error(db_path: Path, tmp_path: Path) -> None:
    from praktyki.store import open_database

    with pytest.raises(ConfigError, match="no dataset table nope"):
        export_dataset(open_database(db_path), tmp_path, fmt=ExportFormat.CSV, tables=["nope"])


@pytest.mark.parametrize("command", ["export", "search"])
def test_missing_database_is_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    args = [str(tmp_path / "out")] if command == "export" else ["lodz"]
    code, output = cli_run(command, *args, "--db", str(tmp_path / "none.db"))
    assert code == 2
    assert "no database at" in output


@pytest.mark.parametrize("query", ["lodzi", "Łodzi", "centrum aktywnosci"])
def test_search_folds_polish_letters(db_path: Path, query: str) -> None:
    code, output = cli_run("search", query, "--db", str(db_path))
    assert code == 0
    assert "bdp/99  Centrum Aktywności Lokalnej w Łodzi" in output


def test_search_json_lines(db_path: Path) -> None:
    _, output = cli_run("search", "lodzi", "--json", "--db", str(db_path))
    assert json.loads(output.splitlines()[0])["practice_id"] == "99"


def test_bad_search_syntax_is_exit_2(db_path: Path) -> None:
    code, output = cli_run("search", "AND OR", "--db", str(db_path))
    assert code == 2
    assert output.count("\n") == 1
