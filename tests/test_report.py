"""What a run changed, record by record: in the library and in the crawl's JSON summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ReplicaFactory
from store_helpers import new_database, new_run, seed_bundle

from praktyki import api
from praktyki.cli import cli
from praktyki.store import load_practice, mark_removed
from praktyki.store.report import RunChange, run_changes
from praktyki_replica.bdp_site import BdpSite


def test_new_changed_and_removed_records_of_each_run(tmp_path: Path) -> None:
    db = new_database(tmp_path)
    first = new_run(db)
    load_practice(db, seed_bundle(practice_id="1"), run_id=first)
    load_practice(db, seed_bundle(practice_id="2"), run_id=first)
    second = new_run(db)
    load_practice(db, seed_bundle(practice_id="1", title="Nowy tytuł"), run_id=second)
    mark_removed(db, "bdp", {"1"}, run_id=second)
    assert run_changes(db, first) == [
        RunChange(entity="practice", source="bdp", key="1", change="new"),
        RunChange(entity="practice", source="bdp", key="2", change="new"),
    ]
    assert run_changes(db, second) == [
        RunChange(entity="practice", source="bdp", key="2", change="removed"),
        RunChange(entity="practice", source="bdp", key="1", change="changed", fields=("title",)),
    ]


@pytest.mark.slow
def test_crawl_json_summary_lists_what_changed(
    replica_factory: ReplicaFactory, tmp_path: Path
) -> None:
    site = BdpSite(practices=6, seed=2)
    base = replica_factory([site]).base_urls["bdp"]
    db, summary = tmp_path / "p.db", tmp_path / "summary.json"
    crawl = ["crawl", "bdp", base, "--rate", "0", "--db", str(db), "--json-summary", str(summary)]
    assert CliRunner().invoke(cli, crawl).exit_code == 0
    changed, removed = site.practice_ids()[:2]
    site.update_practice(changed, title="Tytuł po zmianie")
    site.remove_practice(removed)
    result = CliRunner().invoke(cli, crawl)
    changes = json.loads(summary.read_text(encoding="utf-8"))["changes"]
    assert result.exit_code == 0
    assert {(c["key"], c["change"], tuple(c["fields"])) for c in changes} == {
        (changed, "changed", ("title",)),
        (removed, "removed", ()),
    }
    assert f"/{changed} (title)" in result.output


@pytest.mark.slow
def test_a_library_crawl_returns_the_changes_the_cli_writes(
    replica_factory: ReplicaFactory, tmp_path: Path
) -> None:
    site = BdpSite(practices=4, seed=3)
    base = replica_factory([site]).base_urls["bdp"]
    db, summary_file = tmp_path / "p.db", tmp_path / "summary.json"
    api.crawl_bdp(db, base, api.CrawlSettings(rate=0))
    site.update_practice(site.practice_ids()[0], title="Nowy tytuł")
    summary = api.crawl_bdp(db, base, api.CrawlSettings(rate=0))
    crawl = ["crawl", "bdp", base, "--rate", "0", "--db", str(db), "--json-summary"]
    assert CliRunner().invoke(cli, [*crawl, str(summary_file)]).exit_code == 0
    assert [c.change for c in summary.changes] == ["changed"]
    written = json.loads(summary_file.read_text(encoding="utf-8"))
    assert set(written) == set(summary.to_json_dict())  # the contract's fields plus changes
