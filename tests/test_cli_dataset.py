"""The dataset commands' command-line behaviour: `search` says "0 results", `crawl --export`
writes the export after the run, and every documented error is one line with exit 2."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from browse_support import browse_database
from click.testing import CliRunner

from praktyki.cli import cli
from praktyki_replica.bdp_site import BdpSite

PRACTICES = 5


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return browse_database(tmp_path_factory.mktemp("cli"))


def test_search_without_hits_says_0_results(db_path: Path) -> None:
    code, stdout, _ = run_cli("search", "warszawa", "--db", str(db_path))
    assert (code, stdout) == (0, "0 results\n")


def test_search_json_without_hits_prints_nothing(db_path: Path) -> None:
    assert run_cli("search", "warszawa", "--json", "--db", str(db_path))[:2] == (0, "")


@pytest.fixture
def taken_port() -> object:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


ERRORS = {
    "export to a file": (["export", "{file}"], "cannot create"),
    "export of an unknown table": (["export", "{tmp}/out", "--table", "nope"], "no dataset table"),
    "report into a missing folder": (["report", "--html", "{tmp}/no/such/r.html"], "cannot write"),
    "serve on a taken port": (["serve", "--port", "{port}"], "cannot listen"),
    "crawl --export to a file": (
        ["crawl", "bdp", "http://127.0.0.1:9/", "--export", "{file}"],
        "cannot create",
    ),
}


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_error_is_one_line_and_exit_2(
    case: str, db_path: Path, tmp_path: Path, taken_port: int
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    args, message = ERRORS[case]
    values = {"tmp": str(tmp_path), "file": str(tmp_path / "file"), "port": str(taken_port)}
    filled = [arg.format(**values) for arg in args]
    code, _, stderr = run_cli(*filled, "--db", str(db_path))
    assert code == 2
    assert stderr.count("\n") == 1
    assert message in stderr


@pytest.mark.parametrize("command", [["serve"], ["report"], ["export", "out"], ["search", "x"]])
def test_missing_database_is_one_line_and_exit_2(tmp_path: Path, command: list[str]) -> None:
    code, _, stderr = run_cli(*command, "--db", str(tmp_path / "none.db"))
    assert code == 2
    assert stderr.startswith("praktyki: error: no database at")
    assert stderr.count("\n") == 1


def test_crawl_export_writes_the_package_after_the_run(tmp_path: Path, replica_factory) -> None:  # type: ignore[no-untyped-def]
    base_url = replica_factory([BdpSite(practices=PRACTICES)]).base_url("bdp")
    out = tmp_path / "out"
    code, stdout, _ = run_cli(
        "crawl", "bdp", base_url, "--rate", "0", "--db", str(tmp_path / "p.db"),
        "--export", str(out), "--export-format", "jsonl",
    )  # fmt: skip
    lines = (out / "practices.jsonl").read_text(encoding="utf-8").splitlines()
    assert code == 0
    assert len(lines) == PRACTICES
    assert json.loads((out / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    assert f"to {out}" in stdout
