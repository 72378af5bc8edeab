"""``praktyki crawl ops`` in-process: usage errors, a bare URL, the registry with replica bases."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from praktyki.cli import cli
from praktyki.replica import RunningReplica, running_replica
from praktyki.replica.ops_sites import build_ops_sites

FAST = ["--rate", "0", "--concurrency", "6", "--quiet"]


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def replica() -> Iterator[RunningReplica]:
    sites = [s for s in build_ops_sites() if s.name in ("ops-gora", "gops-drupal")]
    with running_replica(sites) as running:
        yield running


def test_crawl_ops_has_help() -> None:
    code, out, _ = run_cli("crawl", "ops", "--help")
    assert code == 0
    assert "--sites" in out
    assert "--replica-base" in out


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "registry file not found"),
        ("[[site]\nname =", "not valid TOML"),
        ('[[site]]\nname = "x"\npage_budget = 0\n', "page_budget"),
        ('[[site]]\nname = "Bad Name"\nstart_urls = ["https://a.example/"]\n', "name"),
    ],
    ids=["missing file", "bad toml", "budget below 1", "bad site name"],
)
def test_a_bad_sites_file_is_one_line_and_exit_2(
    tmp_path: Path, content: str | None, reason: str
) -> None:
    path = tmp_path / "sites.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, _, err = run_cli("crawl", "ops", "--sites", str(path), "--db", str(tmp_path / "p.db"))
    assert code == 2
    assert reason in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["not-a-url"],
        ["--replica-base", "ops-gora"],
        ["--source", "x", "http://127.0.0.1:9/"],
    ],
    ids=["relative URL", "replica base without URL", "--source"],
)
def test_bad_usage_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    code, _, err = run_cli("crawl", "ops", *args, "--db", str(tmp_path / "p.db"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1


def test_the_default_registry_without_a_replica_has_no_site(tmp_path: Path) -> None:
    code, _, err = run_cli("crawl", "ops", "--db", str(tmp_path / "p.db"), "--quiet")
    assert code == 2
    assert "no OPS site to crawl" in err


def test_a_bare_url_is_crawled_and_summarized(replica: RunningReplica, tmp_path: Path) -> None:
    base = replica.base_url("gops-drupal")
    summary = tmp_path / "s.json"
    code, _, _ = run_cli(
        "crawl",
        "ops",
        base + "/",
        "--db",
        str(tmp_path / "p.db"),
        *FAST,
        "--json-summary",
        str(summary),
    )
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert (code, data["exit_code"], data["new"], data["failed"]) == (0, 0, 6, 0)


def test_replica_bases_fill_the_registry_entries(replica: RunningReplica, tmp_path: Path) -> None:
    summary = tmp_path / "s.json"
    code, _, _ = run_cli(
        "crawl",
        "ops",
        "--db",
        str(tmp_path / "p.db"),
        *FAST,
        "--json-summary",
        str(summary),
        "--replica-base",
        f"ops-gora={replica.base_url('ops-gora')}",
    )
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert (code, data["new"]) == (0, 7)  # seven article pages (eight articles)


@pytest.mark.slow
def test_demo_crawls_the_ops_replica_sites_too(tmp_path: Path) -> None:
    code, out, _ = run_cli("demo", "--practices", "3", "--db", str(tmp_path / "p.db"))
    assert code == 0
    assert "(ops): 79 new" in out  # 79 article pages of the five OPS replica sites
    assert "ops_topics" in out
