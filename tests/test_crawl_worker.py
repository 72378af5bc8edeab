"""The assembly worker: a BDP crawl that loads practices in a second process while it fetches
must give exactly the dataset of a one-process crawl — over runs, under faults, through
reparse, and after a kill -9 during the overlapped phase (which must leave no process)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crawl_support import FAST, RUN_COLUMNS, dump, expected_practice, query, stored_practice

from praktyki.crawl.service import crawl_bdp, reparse
from praktyki.crawl.settings import CrawlSettings
from praktyki.crawl.worker import ReadyPractices
from praktyki.schemas.run import RunSummary
from praktyki.store import begin_run, open_database
from praktyki.store.frontier import Frontier
from praktyki_replica import parse_fault_spec
from praktyki_replica.bdp_site import BdpSite

PRACTICES = 60
#: The worker for every run, however small (by default only runs of a few hundred get one).
WORKER = FAST.replace(assembly_worker=True, worker_min_practices=1)
ONE_PROCESS = FAST.replace(assembly_worker=False)
COUNTS = ("new", "changed", "unchanged", "removed", "failed", "not_modified", "exit_code")


@pytest.fixture
def site() -> BdpSite:
    return BdpSite(practices=PRACTICES)


@pytest.fixture
def base_url(site: BdpSite, replica_factory) -> str:  # type: ignore[no-untyped-def]
    return replica_factory([site]).base_url("bdp")


def counts(summary: RunSummary) -> tuple[object, ...]:
    return tuple(getattr(summary, name) for name in COUNTS)


def worker_loaded(db: Path, run_id: int) -> int:
    return int(query(db, "SELECT COUNT(*) FROM crawl_assembled WHERE run_id = ?", (run_id,))[0][0])


@pytest.mark.slow
def test_the_worker_loads_practices_and_they_equal_the_ground_truth(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    db = tmp_path / "w.db"
    summary = crawl_bdp(db, base_url, WORKER)
    assert (summary.new, summary.failed, summary.exit_code) == (PRACTICES, 0, 0)
    assert worker_loaded(db, summary.run_id) > 0
    for truth in site.ground_truth(base_url):
        assert stored_practice(db, str(truth.practice_id)) == expected_practice(truth)


@pytest.mark.slow
def test_runs_with_the_worker_equal_runs_without_it(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    """Full crawl, a change and a removal, then a no-change refresh: same rows, same counts."""
    alone, with_worker = tmp_path / "alone.db", tmp_path / "worker.db"
    steps = [
        lambda: None,
        lambda: site.update_practice(site.practice_ids()[3], title="Zmieniony tytuł"),
        lambda: site.remove_practice(site.practice_ids()[9]),
        lambda: None,
    ]
    for step in steps:
        step()
        one = crawl_bdp(alone, base_url, ONE_PROCESS)
        two = crawl_bdp(with_worker, base_url, WORKER)
        assert counts(two) == counts(one)
    assert dump(with_worker, exclude=RUN_COLUMNS) == dump(alone, exclude=RUN_COLUMNS)


@pytest.mark.slow
def test_reparse_after_worker_runs_rebuilds_them_exactly(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    """Several practices change in one run: reparse writes their history in the worker's
    order, so even the history ids are the same."""
    db = tmp_path / "w.db"
    crawl_bdp(db, base_url, WORKER)
    for pid in site.practice_ids()[:6]:
        site.update_practice(pid, summary=f"Nowy skrót {pid}.")
    second = crawl_bdp(db, base_url, WORKER)
    assert second.changed == 6
    before = dump(db)
    assert reparse(db).failed == 0
    assert dump(db) == before


@pytest.mark.slow
def test_transient_faults_with_the_worker_still_load_every_practice(
    tmp_path: Path,
    site: BdpSite,
    replica_factory,  # type: ignore[no-untyped-def]
) -> None:
    plan = parse_fault_spec("500:0.1,429:0.05,reset:0.05,truncate:0.05", seed=5)
    base_url = replica_factory([site], faults=plan).base_url("bdp")
    db = tmp_path / "w.db"
    summary = crawl_bdp(db, base_url, WORKER)
    assert (summary.new, summary.failed, summary.exit_code) == (PRACTICES, 0, 0)
    for truth in site.ground_truth(base_url):
        assert stored_practice(db, str(truth.practice_id)) == expected_practice(truth)


@pytest.mark.slow
def test_a_practice_with_a_failed_tab_is_left_to_the_last_phase(
    tmp_path: Path,
    site: BdpSite,
    replica_factory,  # type: ignore[no-untyped-def]
) -> None:
    spec = site.spec(site.practice_ids()[4])
    target = f"/index.php?p1={spec.p1}&p2={spec.p2}&art={spec.art}&s=2"
    base_url = replica_factory([site], faults=parse_fault_spec(f"oversize@{target}")).base_url(
        "bdp"
    )
    db = tmp_path / "w.db"
    summary = crawl_bdp(db, base_url, WORKER)
    assert (summary.new, summary.exit_code) == (PRACTICES - 1, 1)
    assert query(db, "SELECT COUNT(*) FROM crawl_assembled WHERE art = ?", (str(spec.art),)) == [
        (0,)
    ]
    assert query(db, "SELECT url FROM crawl_failures WHERE run_id = ?", (summary.run_id,)) == [
        (base_url + target.removesuffix("&s=2"),)
    ]


# -- kill -9 during the overlapped phase --------------------------------------------------

# The crawl in a child whose main module is not a file (spawn does not re-import it).
CHILD = """
import sys
from praktyki.crawl.service import crawl_bdp
from praktyki.crawl.settings import CrawlSettings
from praktyki.crawl.worker import ReadyPractices
from praktyki.store import begin_run
settings = CrawlSettings(rate=0, concurrency=2, assembly_worker=True, worker_min_practices=1)
crawl_bdp(sys.argv[1], sys.argv[2], settings)
"""


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found.update(int(child) for child in text.split())
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper counts as gone: it runs no code)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _kill_while_the_worker_loads(db: Path, base_url: str) -> tuple[int, set[int]]:
    args = [sys.executable, "-c", CHILD, str(db), base_url]
    process = subprocess.Popen(args)  # noqa: S603 - our own code
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        workers |= _children(process.pid)
        try:
            if workers and query(db, "SELECT COUNT(*) >= 5 FROM crawl_assembled")[0][0]:
                break
        except Exception:  # noqa: BLE001, S110 - the file or table may not exist yet
            pass
        time.sleep(0.005)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    return process.wait(), workers


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_while_the_worker_loads_leaves_no_worker_and_resumes_to_the_same_dataset(
    tmp_path: Path,
    replica_factory,  # type: ignore[no-untyped-def]
) -> None:
    base_url = replica_factory([BdpSite(practices=150)]).base_url("bdp")
    reference = tmp_path / "reference.db"
    crawl_bdp(reference, base_url, ONE_PROCESS)
    db = tmp_path / "killed.db"
    code, workers = _kill_while_the_worker_loads(db, base_url)
    assert code == -signal.SIGKILL
    assert workers
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not any(_alive(pid) for pid in workers)
    assert query(db, "SELECT COUNT(*) FROM crawl_assembled")[0][0] >= 5
    summary = crawl_bdp(db, base_url, WORKER)
    assert (summary.new, summary.failed) == (150, 0)
    assert dump(db, exclude=RUN_COLUMNS) == dump(reference, exclude=RUN_COLUMNS)


def test_settings_refuse_a_negative_worker_threshold() -> None:
    with pytest.raises(Exception, match="worker_min_practices"):
        CrawlSettings(worker_min_practices=-1)


# -- which practices are final: the worker's incremental view of the frontier ---------------

P = "http://bdp.test/index.php?p1=1&p2=2&art="


@pytest.fixture
def frontier(tmp_path: Path) -> Frontier:
    db = open_database(tmp_path / "f.db")
    run_id = begin_run(db, kind="bdp", options={}, started_at=dt.datetime.now(dt.UTC))
    return Frontier(db, run_id)


def add(frontier: Frontier, *rows: tuple[str, str]) -> None:
    frontier.add_many([(url, kind, 0, 0, None) for url, kind in rows])


def done(frontier: Frontier, *urls_and_ids: tuple[str, int]) -> None:
    frontier.done_many([(url, 200, archive_id) for url, archive_id in urls_and_ids])


def test_nothing_is_ready_before_the_navigation_is_complete(frontier: Frontier) -> None:
    add(
        frontier, ("http://bdp.test/", "home"), (P + "1", "practice"), (P + "1&s=2", "presentation")
    )
    done(frontier, (P + "1", 1), (P + "1&s=2", 2))
    view = ReadyPractices(frontier.db, frontier.run_id)
    assert view.poll() == {}
    done(frontier, ("http://bdp.test/", 3))
    assert list(view.poll()) == ["1"]
    assert view.poll() == {}  # handed out once


def test_a_tab_done_before_a_newer_row_appeared_is_seen(frontier: Frontier) -> None:
    """Between two polls: practice 1's tab is marked done (archive id 10) in the transaction
    that marks practice 2 done and queues its tab, which a later one marks done (id 12): the
    new row's higher id must not hide the older rows' changes."""
    add(frontier, ("http://bdp.test/", "home"), (P + "1", "practice"), (P + "2", "practice"))
    with frontier.db.atomic():
        done(frontier, ("http://bdp.test/", 1), (P + "1", 2))
        add(frontier, (P + "1&s=2", "presentation"))
    view = ReadyPractices(frontier.db, frontier.run_id)
    assert view.poll() == {}
    with frontier.db.atomic():
        done(frontier, (P + "1&s=2", 10), (P + "2", 11))
        add(frontier, (P + "2&s=2", "presentation"))
    done(frontier, (P + "2&s=2", 12))
    assert sorted(view.poll()) == ["1", "2"]


def test_a_practice_with_a_failed_tab_is_not_ready(frontier: Frontier) -> None:
    add(
        frontier, ("http://bdp.test/", "home"), (P + "1", "practice"), (P + "1&s=2", "presentation")
    )
    done(frontier, ("http://bdp.test/", 1), (P + "1", 2))
    frontier.failed(P + "1&s=2", error="TransportError: reset", retryable=False)
    view = ReadyPractices(frontier.db, frontier.run_id)
    assert view.poll() == {}
    frontier.requeue([P + "1&s=2"])
    done(frontier, (P + "1&s=2", 5))  # the engine's next pass
    assert list(view.poll()) == ["1"]
