"""End-to-end crawls of the BDP replica over loopback into real SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest
from crawl_support import (
    FAST,
    dump,
    expected_practice,
    query,
    stored_practice,
)

from praktyki.crawl.service import crawl_bdp, reparse
from praktyki.schemas.run import RunSummary
from praktyki_replica import parse_fault_spec
from praktyki_replica.bdp_site import BdpSite

PRACTICES = 40

pytestmark = pytest.mark.slow


@pytest.fixture
def site() -> BdpSite:
    return BdpSite(practices=PRACTICES)


@pytest.fixture
def base_url(site: BdpSite, replica_factory) -> str:  # type: ignore[no-untyped-def]
    return replica_factory([site]).base_url("bdp")


def crawl(db: Path, base_url: str) -> RunSummary:
    return crawl_bdp(db, base_url, FAST)


def test_every_practice_equals_the_replica_ground_truth(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    db = tmp_path / "p.db"
    summary = crawl(db, base_url)
    assert (summary.new, summary.failed, summary.exit_code) == (PRACTICES, 0, 0)
    for truth in site.ground_truth(base_url):
        assert stored_practice(db, str(truth.practice_id)) == expected_practice(truth)


def test_attachments_are_loaded_and_their_files_archived(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url)
    with_files = [pid for pid in site.practice_ids() if site.spec(pid).attachments]
    assert with_files
    for pid in with_files:
        names = [
            n for (n,) in query(db, "SELECT name FROM attachments WHERE practice_id = ?", (pid,))
        ]
        assert names == [a.name for a in site.spec(pid).attachments]
    files = query(
        db, "SELECT COUNT(*) FROM archive_responses WHERE url LIKE '%/pliki/%' AND status = 200"
    )
    assert files[0][0] == sum(len(site.spec(pid).attachments) for pid in with_files)


def test_search_page_disallowed_by_robots_is_never_fetched(tmp_path: Path, base_url: str) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url)
    assert query(db, "SELECT COUNT(*) FROM frontier WHERE url LIKE '%szukaj%'") == [(0,)]


def test_sections_come_from_the_menus(tmp_path: Path, site: BdpSite, base_url: str) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url)
    stored = set(query(db, "SELECT section, subsection FROM sections WHERE p2 IS NOT NULL"))
    used = {(site.spec(p).section, site.spec(p).subsection) for p in site.practice_ids()}
    assert used <= stored


def test_second_crawl_of_an_unchanged_site_costs_304s_and_writes_no_history(
    tmp_path: Path, base_url: str
) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url)
    history = query(db, "SELECT COUNT(*) FROM history")
    second = crawl(db, base_url)
    assert (second.new, second.changed, second.removed) == (0, 0, 0)
    assert second.unchanged == PRACTICES
    assert second.not_modified > 2 * PRACTICES
    assert query(db, "SELECT COUNT(*) FROM history") == history


def test_a_changed_practice_is_exactly_one_history_entry(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url)
    pid = site.practice_ids()[5]
    site.update_practice(pid, title="Nowy tytuł praktyki")
    second = crawl(db, base_url)
    assert (second.new, second.changed, second.unchanged) == (0, 1, PRACTICES - 1)
    rows = query(
        db, "SELECT key, field, new_value, run_id FROM history WHERE run_id = ?", (second.run_id,)
    )
    assert rows == [(pid, "title", "Nowy tytuł praktyki", second.run_id)]


def test_a_removed_practice_is_marked_removed_with_the_run(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url)
    pid = site.practice_ids()[7]
    site.remove_practice(pid)
    second = crawl(db, base_url)
    assert second.removed == 1
    assert query(db, "SELECT status, removed_run FROM practices WHERE practice_id = ?", (pid,)) == [
        ("removed", second.run_id)
    ]


def test_a_partial_crawl_removes_nothing(tmp_path: Path, site: BdpSite, base_url: str) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url)
    site.remove_practice(site.practice_ids()[0])
    partial = crawl_bdp(db, base_url, FAST.replace(max_pages=10))
    assert partial.removed == 0
    assert query(db, "SELECT COUNT(*) FROM practices WHERE status = 'removed'") == [(0,)]


def test_reparse_rebuilds_exactly_what_the_crawls_loaded(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url)
    site.update_practice(site.practice_ids()[3], summary="Inny skrót.\n\nDrugi akapit.")
    site.remove_practice(site.practice_ids()[9])
    crawl(db, base_url)
    before = dump(db)
    summary = reparse(db)
    assert summary.failed == 0
    assert dump(db) == before


# -- faults -------------------------------------------------------------------------------


def test_transient_faults_still_load_every_practice(
    tmp_path: Path,
    site: BdpSite,
    replica_factory,  # type: ignore[no-untyped-def]
) -> None:
    plan = parse_fault_spec("500:0.1,429:0.05,reset:0.05,truncate:0.05,offhost:0.03", seed=3)
    base_url = replica_factory([site], faults=plan).base_url("bdp")
    db = tmp_path / "p.db"
    summary = crawl(db, base_url)
    assert (summary.new, summary.failed, summary.exit_code) == (PRACTICES, 0, 0)
    assert summary.requests > query(db, "SELECT COUNT(*) FROM frontier")[0][0]  # retries


@pytest.mark.parametrize(
    ("fault", "tab", "error"),
    [
        ("500", "", "HTTPStatusError: HTTP 500"),
        ("offhost", "", "OffAllowlist: redirect"),
        ("oversize", "&s=2", "TooLarge"),
        ("gzipbomb", "&s=2", "TooLarge"),
        ("redirectloop", "&s=2", "RedirectError"),
    ],
    ids=["persistent-500", "off-host-redirect", "oversized-body", "gzip-bomb", "redirect-loop"],
)
def test_a_persistently_failing_page_is_recorded_and_the_crawl_goes_on(
    tmp_path: Path,
    site: BdpSite,
    replica_factory,  # type: ignore[no-untyped-def]
    fault: str,
    tab: str,
    error: str,
) -> None:
    spec = site.spec(site.practice_ids()[4])
    target = f"/index.php?p1={spec.p1}&p2={spec.p2}&art={spec.art}{tab}"
    base_url = replica_factory([site], faults=parse_fault_spec(f"{fault}@{target}")).base_url("bdp")
    db = tmp_path / "p.db"
    summary = crawl(db, base_url)
    assert (summary.new, summary.exit_code) == (PRACTICES - 1, 1)
    assert summary.failed >= 1
    assert query(
        db, "SELECT COUNT(*) FROM practices WHERE practice_id = ?", (spec.practice_id,)
    ) == [(0,)]
    ((state, last_error),) = query(
        db, "SELECT state, last_error FROM frontier WHERE url = ?", (base_url + target,)
    )
    assert state == "failed"
    assert last_error.startswith(error)
    archived = query(
        db,
        "SELECT error FROM archive_responses WHERE url = ? AND error IS NOT NULL",
        (base_url + target,),
    )
    assert archived
    assert archived[0][0].startswith(error.split(":")[0])
