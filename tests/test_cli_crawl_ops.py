"""``praktyki crawl ops`` in-process: usage errors, a bare URL, a registry moved by ``--base``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from praktyki.cli import cli
from praktyki_replica import RunningReplica, running_replica
from praktyki_replica.ops_sites import build_ops_sites

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
    assert "--base" in out
    assert "--replica-base" not in out  # the old name still works, unlisted


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "registry file not found"),
        ("[[site]\nname =", "not valid TOML"),
        (
            '[[site]]\nname = "x"\nstart_urls = ["https://a.example/"]\npage_budget = 0\n',
            "page_budget",
        ),
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
        ["--base", "ops-gora"],
        ["--replica-base", "ops-gora"],
        ["--base", "no-such-site=http://127.0.0.1:9"],
        ["--base", "x=http://127.0.0.1:9", "http://127.0.0.1:9/"],
        ["--source", "x", "http://127.0.0.1:9/"],
    ],
    ids=[
        "relative URL",
        "base without URL",
        "old name",
        "base of no site",
        "base, no registry",
        "--source",
    ],
)
def test_bad_usage_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    code, _, err = run_cli("crawl", "ops", *args, "--db", str(tmp_path / "p.db"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1


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


GORA_ELSEWHERE = """
[[site]]
name = "ops-gora"
start_urls = ["https://ops-gora.invalid/"]
page_budget = 60
"""


@pytest.mark.parametrize("option", ["--base", "--replica-base"])
def test_base_moves_a_registry_site_to_a_running_server(
    replica: RunningReplica, tmp_path: Path, option: str
) -> None:
    sites = tmp_path / "sites.toml"
    sites.write_text(GORA_ELSEWHERE, encoding="utf-8")
    summary = tmp_path / "s.json"
    code, _, _ = run_cli(
        "crawl",
        "ops",
        "--sites",
        str(sites),
        "--db",
        str(tmp_path / "p.db"),
        *FAST,
        "--json-summary",
        str(summary),
        option,
        f"ops-gora={replica.base_url('ops-gora')}",
    )
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert (code, data["new"]) == (0, 7)  # seven article pages (eight articles)
    assert len(data["changes"]) == 8  # one per article


@pytest.mark.slow
def test_demo_crawls_the_ops_replica_sites_too(tmp_path: Path) -> None:
    code, out, _ = run_cli("demo", "--practices", "3", "--db", str(tmp_path / "p.db"))
    assert code == 0
    assert "(ops): 79 new" in out  # 79 article pages of the five OPS replica sites
    assert "ops_topics" in out
