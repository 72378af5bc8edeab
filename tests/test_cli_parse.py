"""`praktyki parse`: one JSON line per record in input order, error lines, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from praktyki.cli import cli

HANDMADE = Path(__file__).parent / "fixtures" / "bdp" / "handmade"
SREM = HANDMADE / "practice_srem_table.html"
WLOCLAWEK = HANDMADE / "practice_wloclawek_html5.html"
NOT_FOUND = HANDMADE / "not_found_404.html"
PRACTICE_URL = "https://archiwum.dobrepraktyki.pl/index.php?p1=5&p2=17&art=387"


def run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["parse", *args])
    return result.exit_code, result.stdout.splitlines()


def test_json_lines_come_in_input_order() -> None:
    code, lines = run("--json", str(WLOCLAWEK), str(SREM))
    assert code == 0
    assert [json.loads(line)["practice_id"] for line in lines] == ["163", "387"]


def test_json_is_utf8_without_ascii_escapes() -> None:
    _, lines = run("--json", str(SREM))
    assert "Śrem" in lines[0]


def test_url_option_is_the_record_url() -> None:
    _, lines = run("--json", "--url", PRACTICE_URL, str(SREM))
    assert json.loads(lines[0])["url"] == PRACTICE_URL


def test_default_url_is_the_file_uri() -> None:
    _, lines = run("--json", str(SREM))
    assert json.loads(lines[0])["url"] == SREM.resolve().as_uri()


def test_unparseable_page_gets_an_error_line_and_exit_1() -> None:
    code, lines = run("--json", "--kind", "bdp", str(SREM), str(NOT_FOUND))
    assert code == 1
    error = json.loads(lines[1])
    assert set(error) == {"path", "error"}
    assert error["path"] == str(NOT_FOUND)
    assert error["error"]


def test_every_record_line_carries_its_path() -> None:
    _, lines = run("--json", str(WLOCLAWEK), str(SREM))
    assert [json.loads(line)["path"] for line in lines] == [str(WLOCLAWEK), str(SREM)]


def run_bad_input(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["parse", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["{missing}", str(SREM)], "no such file"),
        (["{dir}"], "is a directory"),
        (["--url", "http://[::1", str(SREM)], "not a valid URL"),
        (["--url", "no-scheme", str(SREM)], "not an absolute URL"),
    ],
    ids=["missing file", "directory", "malformed url", "relative url"],
)
def test_bad_input_is_one_line_exit_2_and_no_output(
    tmp_path: Path, args: list[str], reason: str
) -> None:
    filled = [a.format(missing=tmp_path / "missing.html", dir=tmp_path) for a in args]
    code, out, err = run_bad_input("--json", *filled)
    assert (code, out) == (2, "")
    assert reason in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_text_rendering_aligns_metryka_fields() -> None:
    code, lines = run(str(SREM))
    assert code == 0
    assert lines[0].startswith("Ożywienie mechanizmów partnerstwa lokalnego")
    values = [line for line in lines if line.startswith(("  Ulica:", "  Typ jednostki:"))]
    assert len({line.index(line.split(":", 1)[1].strip()) for line in values}) == 1


def test_unknown_kind_is_a_usage_error() -> None:
    code, _ = run("--kind", "pdf", str(SREM))
    assert code == 2


OPS_PAGE = sorted((Path(__file__).parent / "fixtures" / "ops" / "handmade").glob("*.html"))[0]


@pytest.mark.parametrize("kind", ["auto", "ops"])
def test_ops_page_gives_ops_records(kind: str) -> None:
    code, lines = run("--json", "--kind", kind, str(OPS_PAGE))
    assert code == 0
    assert lines
    assert {json.loads(line)["kind"] for line in lines} == {"ops_page"}


def test_ops_page_under_kind_bdp_is_an_error_line() -> None:
    code, lines = run("--json", "--kind", "bdp", str(OPS_PAGE))
    assert code == 1
    assert set(json.loads(lines[0])) == {"path", "error"}


def many_copies(tmp_path: Path, count: int) -> list[str]:
    """``count`` saved pages, a bad one every tenth: enough to go through the process pool."""
    paths = []
    for n in range(count):
        source = NOT_FOUND if n % 10 == 9 else (SREM, WLOCLAWEK)[n % 2]
        path = tmp_path / f"{n:03d}.html"
        path.write_bytes(source.read_bytes())
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("json_flag", [["--json"], []], ids=["json", "text"])
def test_jobs_print_what_one_process_prints(tmp_path: Path, json_flag: list[str]) -> None:
    paths = many_copies(tmp_path, 100)
    one = CliRunner().invoke(cli, ["parse", *json_flag, "--kind", "bdp", "--jobs", "1", *paths])
    two = CliRunner().invoke(cli, ["parse", *json_flag, "--kind", "bdp", "--jobs", "2", *paths])
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)


def test_jobs_keep_error_lines_in_input_order(tmp_path: Path) -> None:
    paths = many_copies(tmp_path, 100)
    code, lines = run("--json", "--kind", "bdp", "--jobs", "2", *paths)
    assert code == 1
    assert [json.loads(line)["path"] for line in lines] == paths
    assert ["error" in json.loads(line) for line in lines] == [n % 10 == 9 for n in range(100)]


def test_jobs_must_be_positive() -> None:
    code, _ = run("--jobs", "0", str(SREM))
    assert code == 2
