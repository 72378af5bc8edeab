"""The crawl commands through the CLI: exit codes, summary output, --json-summary, --quiet,
the lock, --help; and kill -9 of a crawl subprocess, then resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from crawl_support import FAST, RUN_COLUMNS, SUMMARY_CONTRACT_KEYS, dump, query

from praktyki.cli import cli
from praktyki.crawl.service import crawl_bdp
from praktyki.store import DatabaseLock
from praktyki_replica import parse_fault_spec
from praktyki_replica.bdp_site import BdpSite

PRACTICES = 20
SCRIPT = str(Path(sys.executable).parent / "praktyki")


@pytest.fixture
def site() -> BdpSite:
    return BdpSite(practices=PRACTICES)


@pytest.fixture
def base_url(site: BdpSite, replica_factory) -> str:  # type: ignore[no-untyped-def]
    return replica_factory([site]).base_url("bdp")


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "command",
    [["crawl"], ["crawl", "bdp"], ["demo"], ["reparse"], ["export-warc"]],
    ids=" ".join,
)
def test_every_command_has_help(command: list[str]) -> None:
    code, out, _ = run_cli(*command, "--help")
    assert code == 0
    assert "Usage:" in out


@pytest.mark.slow
def test_json_summary_holds_the_contract_fields(tmp_path: Path, base_url: str) -> None:
    out = tmp_path / "summary.json"
    db = str(tmp_path / "p.db")
    code, stdout, _ = run_cli(
        "crawl", "bdp", base_url, "--db", db, "--rate", "0", "--json-summary", str(out)
    )
    assert code == 0
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert set(summary) >= SUMMARY_CONTRACT_KEYS
    assert (summary["new"], summary["failed"], summary["exit_code"]) == (PRACTICES, 0, 0)
    assert f"{PRACTICES} new" in stdout


@pytest.mark.slow
def test_revalidate_after_0_asks_about_every_practice_page_again(
    tmp_path: Path, base_url: str
) -> None:
    db, out = str(tmp_path / "p.db"), tmp_path / "summary.json"
    run_cli("crawl", "bdp", base_url, "--db", db, "--rate", "0", "--quiet")
    code, _, _ = run_cli(
        *("crawl", "bdp", base_url, "--db", db, "--rate", "0", "--quiet"),
        *("--revalidate-after", "0", "--json-summary", str(out)),
    )
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0
    assert summary["skipped_by_policy"] == 0
    assert summary["revalidated"] == summary["not_modified"] > PRACTICES


def test_a_negative_revalidate_after_is_exit_2(tmp_path: Path) -> None:
    code, _, stderr = run_cli(
        "crawl",
        "bdp",
        "http://127.0.0.1:9/",
        "--db",
        str(tmp_path / "p.db"),
        "--revalidate-after",
        "-1",
    )
    assert code == 2
    assert "--revalidate-after" in stderr


@pytest.mark.slow
def test_quiet_prints_nothing(tmp_path: Path, base_url: str) -> None:
    code, stdout, stderr = run_cli(
        "crawl", "bdp", base_url, "--db", str(tmp_path / "p.db"), "--rate", "0", "--quiet"
    )
    assert (code, stdout, stderr) == (0, "", "")


@pytest.mark.slow
def test_a_page_that_stays_failed_exits_1(
    tmp_path: Path,
    site: BdpSite,
    replica_factory,  # type: ignore[no-untyped-def]
) -> None:
    spec = site.spec(site.practice_ids()[2])
    target = f"/index.php?p1={spec.p1}&p2={spec.p2}&art={spec.art}&s=2"
    url = replica_factory([site], faults=parse_fault_spec(f"oversize@{target}")).base_url("bdp")
    code, _, _ = run_cli(
        "crawl", "bdp", url, "--db", str(tmp_path / "p.db"), "--rate", "0", "--quiet"
    )
    assert code == 1


@pytest.mark.parametrize(
    "url", ["not a url", "ftp://example.org/", "http://"], ids=["words", "ftp", "no-host"]
)
def test_a_malformed_base_url_is_one_line_and_exit_2(tmp_path: Path, url: str) -> None:
    code, stdout, stderr = run_cli("crawl", "bdp", url, "--db", str(tmp_path / "p.db"))
    assert code == 2
    assert stderr.count("\n") == 1
    assert stderr.startswith("praktyki: error:")


def test_a_second_run_while_the_lock_is_held_exits_3(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    with DatabaseLock(db):
        code, _, stderr = run_cli("crawl", "bdp", "http://127.0.0.1:9/", "--db", str(db))
    assert code == 3
    assert stderr.count("\n") == 1
    assert "holds the lock" in stderr


@pytest.mark.slow
def test_export_warc_writes_every_archived_response(tmp_path: Path, base_url: str) -> None:
    db = tmp_path / "p.db"
    crawl_bdp(db, base_url, FAST)
    out = tmp_path / "a.warc.gz"
    code, stdout, _ = run_cli("export-warc", str(out), "--db", str(db))
    archived = query(db, "SELECT COUNT(*) FROM archive_responses WHERE error IS NULL")[0][0]
    assert code == 0
    # warcinfo, then per response a response (or revisit) record and its request record
    assert stdout.startswith(f"{2 * archived + 1} WARC records")
    assert f"{archived} index lines written to {tmp_path / 'a.cdxj'}" in stdout


# -- kill -9 and resume -------------------------------------------------------------------


# Kill points: a few pages in, mid-way, and once the fetch phase is over (assembly).
AFTER_3_PAGES = "SELECT COUNT(*) >= 3 FROM frontier WHERE state = 'done'"
MID_WAY = "SELECT COUNT(*) >= 30 FROM frontier WHERE state = 'done'"
FETCHED_ALL = "SELECT COUNT(*) > 10 AND SUM(state IN ('pending', 'in_progress')) = 0 FROM frontier"


def _reached(db: Path, predicate: str) -> bool:
    if not db.exists():
        return False
    try:
        return bool(query(db, predicate)[0][0])
    except Exception:  # noqa: BLE001 - the file may not have its tables yet
        return False


def _kill_when(db: Path, base_url: str, predicate: str) -> int:
    args = [SCRIPT, "crawl", "bdp", base_url, "--db", str(db), "--rate", "0", "--quiet"]
    process = subprocess.Popen(args)  # noqa: S603 - our own console script
    deadline = time.monotonic() + 60
    while not _reached(db, predicate) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    return process.wait()


@pytest.mark.slow
@pytest.mark.parametrize(
    "predicate",
    [AFTER_3_PAGES, MID_WAY, FETCHED_ALL],
    ids=["after-a-few-pages", "mid-way", "after-the-fetch-phase"],
)
def test_a_killed_crawl_resumes_to_the_same_dataset(
    tmp_path: Path, base_url: str, predicate: str
) -> None:
    reference = tmp_path / "reference.db"
    crawl_bdp(reference, base_url, FAST)
    db = tmp_path / "killed.db"
    code = _kill_when(db, base_url, predicate)
    summary = crawl_bdp(db, base_url, FAST)
    assert code in (-signal.SIGKILL, 0)  # 0: it finished before the kill landed
    assert summary.failed == 0
    assert dump(db, exclude=RUN_COLUMNS) == dump(reference, exclude=RUN_COLUMNS)
    assert query(db, "SELECT COUNT(*) FROM runs WHERE status = 'running'") == [(0,)]
