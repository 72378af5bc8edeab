"""Bad input on the command line: one line and exit 2, bounded reads, a closed stdout, and
exit 5's details where the message says they are."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from praktyki.cli import cli
from praktyki.cli.common import EXIT_STDOUT_CLOSED

SCRIPT = str(Path(sys.executable).parent / "praktyki")


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["crawl", "bdp", "http://127.0.0.1:9/"],
        ["crawl", "ops", "http://127.0.0.1:9/"],
        ["reparse"],
        ["search", "x"],
    ],
    ids=" ".join,
)
def test_a_db_in_a_missing_folder_is_one_line_and_exit_2(
    tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "no" / "such" / "x.db"
    code, out, err = run_cli(*command, "--db", str(db))
    assert (code, out) == (2, "")
    assert (
        err == f"praktyki: error: --db {db}: folder {db.parent} does not exist (create it first)\n"
    )
    assert not (tmp_path / "no").exists()


def test_a_json_summary_in_a_missing_folder_fails_before_the_crawl(tmp_path: Path) -> None:
    db, summary = tmp_path / "p.db", tmp_path / "no" / "s.json"
    code, _, err = run_cli(
        "crawl", "bdp", "http://127.0.0.1:9/", "--db", str(db), "--json-summary", str(summary)
    )
    assert code == 2
    assert err.count("\n") == 1
    assert "--json-summary" in err
    assert not db.exists()


def test_export_warc_into_a_missing_folder_is_exit_2(tmp_path: Path) -> None:
    code, _, err = run_cli("export-warc", str(tmp_path / "no" / "a.warc.gz"))
    assert code == 2
    assert err.startswith("praktyki: error: export-warc ")


def test_parse_reads_no_more_than_the_page_size_cap(tmp_path: Path) -> None:
    tracemalloc.start()
    try:
        code, out, err = run_cli("parse", "/dev/zero", "--kind", "bdp", "--json")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (code, err) == (1, "")
    assert json.loads(out) == {
        "path": "/dev/zero",
        "error": "larger than 10 MiB, the page size cap: not parsed",
    }
    assert peak < 40 * 2**20  # the cap plus a few copies, not the endless file


def test_a_closed_stdout_ends_the_command_quietly(tmp_path: Path) -> None:
    registry = tmp_path / "sites.toml"
    registry.write_text(
        "".join(
            f'[[site]]\nname = "s{n}"\nstart_urls = ["https://s{n}.example.pl/"]\n'
            for n in range(3000)
        ),
        encoding="utf-8",
    )
    process = subprocess.Popen(  # noqa: S603 - our own console script
        [SCRIPT, "sites", "list", "--sites", str(registry)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    code = process.wait(timeout=60)
    with process.stderr:
        err = process.stderr.read()
    assert (code, err) == (EXIT_STDOUT_CLOSED, b"")


@pytest.fixture
def broken_db(tmp_path: Path) -> Path:
    db = tmp_path / "junk.db"
    db.write_bytes(b"not a database, " * 100)
    return db


def test_exit_5_names_a_file_with_the_traceback(broken_db: Path) -> None:
    code, _, err = run_cli("search", "x", "--db", str(broken_db))
    assert code == 5
    assert err.count("\n") == 1
    name = err.rsplit("(traceback in ", 1)[1].removesuffix(")\n")
    text = Path(name).read_text(encoding="utf-8")
    Path(name).unlink()
    assert "Traceback (most recent call last)" in text
    assert "file is not a database" in text


def test_exit_5_puts_the_traceback_in_the_json_log(broken_db: Path) -> None:
    code, _, err = run_cli("search", "x", "--db", str(broken_db), "--log-format", "json")
    logged = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert code == 5
    assert [entry["level"] for entry in logged] == ["error"]
    assert "Traceback (most recent call last)" in logged[0]["traceback"]


@pytest.mark.slow
def test_demo_quiet_prints_nothing(tmp_path: Path) -> None:
    code, out, err = run_cli("demo", "--quiet", "--practices", "3", "--db", str(tmp_path / "d.db"))
    assert (code, out, err) == (0, "", "")
