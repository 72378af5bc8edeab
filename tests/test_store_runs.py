"""The runs table: begin, finish, unfinished runs, summary round trip."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from crawl_support import SUMMARY_CONTRACT_KEYS
from sqlite_utils import Database
from store_helpers import new_database

from praktyki.errors import StorageError
from praktyki.schemas.run import RunStatus, RunSummary
from praktyki.store.runs import begin_run, finish_run, get_run, unfinished_runs

START = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return new_database(tmp_path)


def summary(run_id: int, **changes: object) -> RunSummary:
    values: dict[str, object] = {
        "run_id": run_id,
        "kind": "bdp",
        "started_at": START,
        "finished_at": START + dt.timedelta(seconds=90),
        "duration_s": 90.0,
        "requests": 1500,
        "bytes": 52_428_800,
        "not_modified": 1200,
        "new": 3,
        "changed": 1,
        "removed": 2,
        "unchanged": 450,
        "failed": 1,
        "exit_code": 1,
    }
    return RunSummary.model_validate(values | changes)


def test_begin_run_records_a_running_row(db: Database) -> None:
    run = begin_run(db, kind="bdp", options={"rate": 1.0, "max_pages": None}, started_at=START)
    row = db["runs"].get(run)
    assert (row["kind"], row["status"], row["started_at"], row["pid"]) == (
        "bdp",
        "running",
        "2024-05-01T12:00:00+00:00",
        os.getpid(),
    )
    assert row["options"] == '{"max_pages":null,"rate":1.0}'


def test_runs_are_numbered_in_order(db: Database) -> None:
    assert [begin_run(db, kind="bdp", options={}) for _ in range(3)] == [1, 2, 3]


def test_finish_run_round_trips_the_summary(db: Database) -> None:
    run = begin_run(db, kind="bdp", options={}, started_at=START)
    finish_run(db, run, summary(run))
    assert get_run(db, run) == summary(run)


def test_summary_json_has_the_contract_fields(db: Database) -> None:
    fields = set(summary(1).to_json_dict())
    assert fields >= SUMMARY_CONTRACT_KEYS


def test_unfinished_runs_lists_only_running_of_that_kind(db: Database) -> None:
    done = begin_run(db, kind="bdp", options={})
    killed = begin_run(db, kind="bdp", options={})
    begin_run(db, kind="ops", options={})
    finish_run(db, done, summary(done))
    assert unfinished_runs(db, "bdp") == [killed]
    finish_run(db, killed, summary(killed, status=RunStatus.INTERRUPTED, exit_code=None))
    assert unfinished_runs(db, "bdp") == []


@pytest.mark.parametrize(
    ("run_id", "summary_id", "message"), [(5, 5, "no run 5"), (1, 2, "summary of run 2")]
)
def test_finish_run_refuses_wrong_ids(
    db: Database, run_id: int, summary_id: int, message: str
) -> None:
    begin_run(db, kind="bdp", options={})
    with pytest.raises(StorageError, match=message):
        finish_run(db, run_id, summary(summary_id))


def test_options_must_be_json(db: Database) -> None:
    with pytest.raises(StorageError, match="JSON"):
        begin_run(db, kind="bdp", options={"path": Path("/x")})
