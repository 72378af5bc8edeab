"""click's own usage errors, on every command, are one line on stderr and exit 2, like every
other error message; ``--help`` and a bare group still print their usage."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from praktyki.cli import cli

BAD = [
    (["--bogus"], "No such option '--bogus' (see 'praktyki --help')"),
    (["nope"], "No such command 'nope' (see 'praktyki --help')"),
    (["--log-format", "xml", "search", "x"], "Invalid value for '--log-format'"),
    (["crawl", "nope"], "No such command 'nope' (see 'praktyki crawl --help')"),
    (["crawl", "bdp", "--bogus"], "(see 'praktyki crawl bdp --help')"),
    (["crawl", "bdp", "--rate", "abc"], "Invalid value for '--rate'"),
    (["crawl", "bdp", "--max-pages", "0"], "Invalid value for '--max-pages'"),
    (["crawl", "ops", "--concurrency", "x"], "Invalid value for '--concurrency'"),
    (["crawl", "ops", "--log-format", "xml"], "Invalid value for '--log-format'"),
    (["parse"], "Missing argument 'PATHS...'"),
    (["parse", "x.html", "--kind", "pdf"], "Invalid value for '--kind'"),
    (["search"], "Missing argument 'QUERY'"),
    (["search", "x", "--limit", "0"], "Invalid value for '--limit'"),
    (["report", "--bogus"], "No such option '--bogus'"),
    (["serve", "--port", "70000"], "Invalid value for '--port'"),
    (["export"], "Missing argument 'OUT_DIR'"),
    (["export", "out", "--format", "xls"], "Invalid value for '--format'"),
    (["export-warc"], "Missing argument 'FILE'"),
    (["export-warc", "a.warc.gz", "--run", "x"], "Invalid value for '--run'"),
    (["reparse", "extra"], "Got unexpected extra argument (extra)"),
    (["demo", "--practices", "x"], "Invalid value for '--practices'"),
    (["serve-replica", "--seed", "x"], "Invalid value for '--seed'"),
    (["sites", "nope"], "No such command 'nope'"),
    (["sites", "check"], "Missing argument 'FILE'"),
    (["sites", "list", "--bogus"], "No such option '--bogus'"),
]


@pytest.mark.parametrize(("args", "fragment"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_a_usage_error_is_one_line_and_exit_2(args: list[str], fragment: str) -> None:
    result = CliRunner().invoke(cli, args, prog_name="praktyki")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("praktyki: error: ")
    assert result.stderr.count("\n") == 1
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["crawl", "bdp", "--help"], ["sites", "--help"]])
def test_help_still_prints_the_usage(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args, prog_name="praktyki")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: praktyki")
    assert "Options:" in result.stdout


def test_a_bare_group_still_prints_its_help() -> None:
    result = CliRunner().invoke(cli, ["crawl"], prog_name="praktyki")
    assert "Usage: praktyki crawl" in result.output
    assert "Commands:" in result.output
