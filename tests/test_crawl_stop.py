"""Stopping a crawl cleanly: SIGTERM / SIGINT (exit 4) and --max-duration, then resuming."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crawl_support import FAST, RUN_COLUMNS, dump, query

from praktyki.crawl.service import crawl_bdp, crawl_ops
from praktyki.store import DatabaseLock
from praktyki_replica import running_replica
from praktyki_replica.bdp_site import BdpSite
from praktyki_replica.ops_sites import build_ops_sites
from praktyki_replica.registry import replica_registry

PRACTICES = 20
SCRIPT = str(Path(sys.executable).parent / "praktyki")
SLOW = FAST.replace(rate=25)  # ~90 pages at 25/s: a few seconds to stop it in

pytestmark = pytest.mark.slow


@pytest.fixture
def base_url(replica_factory) -> str:  # type: ignore[no-untyped-def]
    return replica_factory([BdpSite(practices=PRACTICES)]).base_url("bdp")


@pytest.fixture
def reference(tmp_path: Path, base_url: str) -> Path:
    db = tmp_path / "reference.db"
    crawl_bdp(db, base_url, FAST)
    return db


def _done(db: Path) -> int:
    try:
        return int(query(db, "SELECT COUNT(*) FROM frontier WHERE state = 'done'")[0][0])
    except Exception:  # noqa: BLE001 - the file may not have its tables yet
        return 0


def _signal_when_started(db: Path, base_url: str, summary: Path, signum: int) -> int:
    args = [SCRIPT, "crawl", "bdp", base_url, "--db", str(db), "--rate", "25", "--quiet"]
    process = subprocess.Popen([*args, "--json-summary", str(summary)])  # noqa: S603 - ours
    deadline = time.monotonic() + 60
    while _done(db) < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.poll() is None, "the crawl ended before it could be signalled"
    os.kill(process.pid, signum)
    return process.wait(timeout=60)


def _assert_resumes_to(db: Path, base_url: str, reference: Path) -> None:
    (run_id,) = query(db, "SELECT run_id FROM runs")[0]
    summary = crawl_bdp(db, base_url, FAST)
    assert (summary.run_id, summary.exit_code, summary.stop_reason) == (run_id, 0, None)
    assert dump(db, exclude=RUN_COLUMNS) == dump(reference, exclude=RUN_COLUMNS)
    assert query(db, "SELECT status FROM runs") == [("finished",)]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signalled_crawl_exits_4_and_the_next_run_resumes_it(
    tmp_path: Path, base_url: str, reference: Path, signum: int
) -> None:
    db, summary_file = tmp_path / "p.db", tmp_path / "summary.json"
    code = _signal_when_started(db, base_url, summary_file, signum)
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    assert code == 4
    assert (summary["exit_code"], summary["status"], summary["stop_reason"]) == (
        4,
        "interrupted",
        "signal",
    )
    with DatabaseLock(db):  # released
        pass
    assert query(db, "SELECT COUNT(*) FROM frontier WHERE state = 'in_progress'") == [(0,)]
    assert query(db, "SELECT status, exit_code FROM runs") == [("interrupted", 4)]
    _assert_resumes_to(db, base_url, reference)


def test_max_duration_stops_the_crawl_as_interrupted(
    tmp_path: Path, base_url: str, reference: Path
) -> None:
    db = tmp_path / "p.db"
    summary = crawl_bdp(db, base_url, SLOW.replace(max_duration=0.5))
    assert (summary.exit_code, summary.status, summary.stop_reason) == (
        4,
        "interrupted",
        "max_duration",
    )
    assert 0 < summary.requests < 90
    assert query(db, "SELECT COUNT(*) FROM frontier WHERE state = 'in_progress'") == [(0,)]
    _assert_resumes_to(db, base_url, reference)


def test_max_duration_on_the_command_line_exits_4(tmp_path: Path, base_url: str) -> None:
    db, summary_file = tmp_path / "p.db", tmp_path / "summary.json"
    args = [SCRIPT, "crawl", "bdp", base_url, "--db", str(db), "--rate", "25", "--quiet"]
    done = subprocess.run(  # noqa: S603 - our own console script
        [*args, "--max-duration", "0.5", "--json-summary", str(summary_file)], check=False
    )
    assert done.returncode == 4
    assert json.loads(summary_file.read_text(encoding="utf-8"))["stop_reason"] == "max_duration"


def test_an_interrupted_ops_crawl_resumes_to_the_same_pages(tmp_path: Path) -> None:
    with running_replica(build_ops_sites()) as replica:
        registry = replica_registry(replica.base_urls)
        reference, db = tmp_path / "reference.db", tmp_path / "p.db"
        crawl_ops(reference, settings=FAST, registry=registry)
        stopped = crawl_ops(db, settings=SLOW.replace(max_duration=0.5), registry=registry)
        resumed = crawl_ops(db, settings=FAST, registry=registry)
    assert (stopped.exit_code, stopped.stop_reason) == (4, "max_duration")
    assert (resumed.run_id, resumed.stop_reason) == (stopped.run_id, None)
    pages = "SELECT url, title, body FROM ops_pages ORDER BY url, article_index"
    assert query(db, pages) == query(reference, pages)
