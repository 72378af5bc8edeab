"""The OPS parse worker: a large OPS crawl reads its pages in a second process while it
fetches, and its last phase loads from those readings. The dataset must be exactly that of a
one-process crawl, the last phase must really use the readings, and none may outlive the run."""

from __future__ import annotations

import json
import logging
import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from crawl_support import FAST, RUN_COLUMNS, dump

from praktyki.crawl.ops_assemble import assemble_ops
from praktyki.crawl.ops_worker import read_until_finished
from praktyki.crawl.service import OPS_STRATEGY, crawl_ops
from praktyki.store import open_database
from praktyki_replica import RunningReplica, running_replica
from praktyki_replica.ops_sites import build_ops_sites
from praktyki_replica.registry import replica_registry

#: The worker for every run, however small (by default only runs of a few hundred pages get one).
WORKER = FAST.replace(assembly_worker=True, worker_min_pages=1)
ONE_PROCESS = FAST.replace(assembly_worker=False)


@pytest.fixture(scope="module")
def replica():  # type: ignore[no-untyped-def]
    with running_replica(build_ops_sites()) as running:
        yield running


def count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


@pytest.mark.slow
def test_a_crawl_with_the_worker_stores_what_a_one_process_crawl_stores(
    replica: RunningReplica, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    registry = replica_registry(replica.base_urls)
    alone = crawl_ops(tmp_path / "one.db", settings=ONE_PROCESS, registry=registry)
    with caplog.at_level(logging.INFO, logger="praktyki.crawl.worker"):
        paired = crawl_ops(tmp_path / "two.db", settings=WORKER, registry=registry)
    read = [r.args[1] for r in caplog.records if "worker done" in r.getMessage()]
    assert [counts[0] > 0 for counts in read] == [True]  # the worker ran and read pages
    assert (paired.new, paired.failed) == (alone.new, alone.failed)
    assert paired.new > 0
    assert dump(tmp_path / "two.db", exclude=RUN_COLUMNS) == dump(
        tmp_path / "one.db", exclude=RUN_COLUMNS
    )


@pytest.mark.slow
def test_no_reading_outlives_its_run(replica: RunningReplica, tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    crawl_ops(db, settings=WORKER, registry=replica_registry(replica.base_urls))
    assert count(db, "SELECT COUNT(*) FROM ops_readings") == 0


def read_run(db: Path, run_id: int) -> int:
    """The worker's job run here to its end: asked to finish before it starts, it reads
    every page the run has done in one round."""
    ours, theirs = multiprocessing.Pipe()
    ours.send("finish")
    (read,) = read_until_finished(theirs, str(db), run_id, OPS_STRATEGY)
    return read


@pytest.mark.slow
def test_the_last_phase_loads_what_the_worker_read(replica: RunningReplica, tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    summary = crawl_ops(db, settings=ONE_PROCESS, registry=replica_registry(replica.base_urls))
    pages = count(db, "SELECT COUNT(*) FROM frontier WHERE kind = 'page' AND status = 200")
    assert read_run(db, summary.run_id) == pages
    assert read_run(db, summary.run_id) == 0  # read once
    # a reading the last phase takes at its word: its title must reach the dataset
    store = open_database(db)
    archive_id, text = store.execute(
        "SELECT archive_id, reading FROM ops_readings WHERE reading LIKE '%\"article\"%' LIMIT 1"
    ).fetchone()
    reading = json.loads(text)
    reading["records"][0]["title"] = "Czytane przez pracownika"
    with store.atomic():
        store.execute(
            "UPDATE ops_readings SET reading = ? WHERE archive_id = ?",
            [json.dumps(reading), archive_id],
        )
        assemble_ops(store, summary.run_id, OPS_STRATEGY, complete=True)
    titles = {title for (title,) in store.execute("SELECT title FROM ops_pages").fetchall()}
    store.close()
    assert "Czytane przez pracownika" in titles
