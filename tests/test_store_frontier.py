"""The persisted crawl frontier on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from praktyki.errors import StorageError
from praktyki.store import open_database
from praktyki.store.frontier import Frontier


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "f.db"


@pytest.fixture
def db(path: Path) -> sqlite_utils.Database:
    return open_database(path)


def test_reopening_keeps_the_frontier_in_wal_mode(path: Path, db: sqlite_utils.Database) -> None:
    db.close()
    again = open_database(path)
    assert "frontier" in again.table_names()
    assert again.journal_mode == "wal"


def test_add_reports_whether_url_is_new(db: sqlite_utils.Database) -> None:
    frontier = Frontier(db, run_id=1)
    assert frontier.add("http://s/a", kind="listing") is True
    assert frontier.add("http://s/a", kind="practice") is False


def test_same_url_is_new_in_another_run(db: sqlite_utils.Database) -> None:
    Frontier(db, run_id=1).add("http://s/a", kind="listing")
    assert Frontier(db, run_id=2).add("http://s/a", kind="listing") is True


def test_claim_takes_highest_priority_then_fifo(db: sqlite_utils.Database) -> None:
    frontier = Frontier(db, run_id=1)
    for name, priority in [("a", 0), ("b", 5), ("c", 0), ("d", 5)]:
        frontier.add(f"http://s/{name}", kind="page", priority=priority)
    first = frontier.claim(3)
    assert [item.url for item in first] == ["http://s/b", "http://s/d", "http://s/a"]
    assert {item.state for item in first} == {"in_progress"}
    assert [item.url for item in frontier.claim(3)] == ["http://s/c"]
    assert frontier.claim(3) == []


def fill(frontier: Frontier, hosts: dict[str, list[int]]) -> None:
    """Queue each host's pages in turn, the host's priorities as given, in FIFO order."""
    for host, priorities in hosts.items():
        for n, priority in enumerate(priorities):
            frontier.add(f"http://{host}/{n}", kind="page", priority=priority)


def test_a_fair_claim_lets_hosts_take_turns(db: sqlite_utils.Database) -> None:
    frontier = Frontier(db, run_id=1)
    fill(frontier, {"a:81": [9, 9, 9], "b": [0, 0, 0], "c": [5]})
    claimed = [item.url for item in frontier.claim(5, per_host=3)]
    # each host's best first (by priority), then each host's second
    assert claimed == ["http://a:81/0", "http://c/0", "http://b/0", "http://a:81/1", "http://b/1"]


def test_a_fair_claim_counts_what_each_host_has_in_hand(db: sqlite_utils.Database) -> None:
    frontier = Frontier(db, run_id=1)
    fill(frontier, {"a": [9, 9, 9], "b": [0, 0, 0]})
    claimed = [item.url for item in frontier.claim(10, per_host=2, load={"a": 1})]
    assert claimed == ["http://b/0", "http://a/0", "http://b/1"]
    assert frontier.claim(10, per_host=2, load={"a": 2, "b": 2}) == []


def test_claim_keeps_item_fields(db: sqlite_utils.Database) -> None:
    frontier = Frontier(db, run_id=1)
    frontier.add("http://s/p", kind="practice", depth=2, priority=1, parent="http://s/l")
    (item,) = frontier.claim(1)
    assert (item.kind, item.depth, item.priority, item.parent, item.attempts) == (
        "practice",
        2,
        1,
        "http://s/l",
        1,
    )


def test_done_records_status_and_archive_id(db: sqlite_utils.Database) -> None:
    frontier = Frontier(db, run_id=1)
    frontier.add("http://s/a", kind="page")
    frontier.claim(1)
    frontier.done("http://s/a", status=200, archive_id=42)
    item = frontier.get("http://s/a")
    assert item is not None
    assert (item.state, item.status, item.archive_id) == ("done", 200, 42)
    assert frontier.counts() == {"pending": 0, "in_progress": 0, "done": 1, "failed": 0}


@pytest.mark.parametrize(
    ("retryable", "claims", "state"),
    [
        pytest.param(True, 1, "pending", id="retryable-goes-back-to-pending"),
        pytest.param(True, 3, "failed", id="retryable-out-of-attempts-fails"),
        pytest.param(False, 1, "failed", id="permanent-fails-at-once"),
    ],
)
def test_failed(db: sqlite_utils.Database, retryable: bool, claims: int, state: str) -> None:
    frontier = Frontier(db, run_id=1, max_attempts=3)
    frontier.add("http://s/a", kind="page")
    for _ in range(claims):
        frontier.claim(1)
        frontier.failed("http://s/a", error="TransportError: reset", retryable=retryable)
    item = frontier.get("http://s/a")
    assert item is not None
    assert (item.state, item.last_error, item.attempts) == (state, "TransportError: reset", claims)


def test_marking_unknown_url_is_an_error(db: sqlite_utils.Database) -> None:
    with pytest.raises(StorageError):
        Frontier(db, run_id=1).done("http://s/nope", status=200, archive_id=None)


def test_recover_requeues_in_progress_but_not_done(db: sqlite_utils.Database) -> None:
    frontier = Frontier(db, run_id=1)
    for name in "abc":
        frontier.add(f"http://s/{name}", kind="page")
    frontier.claim(3)
    frontier.done("http://s/a", status=200, archive_id=1)
    assert frontier.recover() == 2
    assert [item.url for item in frontier.claim(10)] == ["http://s/b", "http://s/c"]


def test_progress_survives_reopening_the_file(path: Path, db: sqlite_utils.Database) -> None:
    frontier = Frontier(db, run_id=1)
    for name in "abc":
        frontier.add(f"http://s/{name}", kind="page")
    frontier.claim(2)
    frontier.done("http://s/a", status=200, archive_id=1)
    # another connection, as a resumed process would open, sees every committed step
    resumed = Frontier(sqlite_utils.Database(path), run_id=1)
    assert resumed.counts() == {"pending": 1, "in_progress": 1, "done": 1, "failed": 0}
    assert resumed.recover() == 1
    assert [item.url for item in resumed.claim(10)] == ["http://s/b", "http://s/c"]


def test_done_inside_callers_transaction_commits_with_it(
    path: Path, db: sqlite_utils.Database
) -> None:
    frontier = Frontier(db, run_id=1)
    frontier.add("http://s/a", kind="page")
    frontier.claim(1)
    other = Frontier(sqlite_utils.Database(path), run_id=1)
    with db.atomic():
        frontier.done("http://s/a", status=200, archive_id=1)
        assert other.counts()["done"] == 0  # not visible before the caller commits
    assert other.counts()["done"] == 1
