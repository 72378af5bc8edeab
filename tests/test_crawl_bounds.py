"""Bounded crawls: URL-pattern limits, depth, the derived page budget, and a trap site."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from crawl_support import FAST, query

from praktyki.crawl.bdp_strategy import BDP_BOUNDS, BdpStrategy
from praktyki.crawl.bounds import Bounds, LinkBounds, PageBudget
from praktyki.crawl.service import crawl_bdp
from praktyki_replica import parse_fault_spec
from praktyki_replica.bdp_site import BdpSite

PRACTICES = 20
BASE = "http://bdp.test/index.php"


@pytest.mark.parametrize(
    ("bounds", "links", "admitted"),
    [
        (Bounds(max_values={"p1": 2}), ["?p1=1", "?p1=2", "?p1=3"], [True, True, False]),
        (Bounds(max_values={"p1": 2}), ["?p1=1", "?p1=2", "?p1=1&p2=5"], [True, True, True]),
        (Bounds(other_values=1), ["?x=1", "?x=1&y=1", "?x=2"], [True, True, False]),
        (Bounds(max_values={"p1": 1}, other_values=None), ["?p1=1&x=1", "?x=2"], [True, True]),
        (Bounds(), [f"?art={n}" for n in range(50)], [True] * 50),
    ],
    ids=["distinct-values-capped", "known-values-pass", "other-params", "per-name", "no-limit"],
)
def test_link_bounds_cap_distinct_values_per_parameter(
    bounds: Bounds, links: list[str], admitted: list[bool]
) -> None:
    limits = LinkBounds(bounds)
    assert [limits.admit(1, BASE + link) for link in links] == admitted


def test_link_bounds_count_dropped_links_by_reason() -> None:
    limits = LinkBounds(Bounds(max_values={"p1": 1}, max_depth=2))
    results = [
        limits.admit(1, f"{BASE}?p1=1"),
        limits.admit(1, f"{BASE}?p1=2"),
        limits.admit(1, f"{BASE}?p1=3"),
        limits.admit(3, f"{BASE}?p1=1"),
    ]
    assert results == [True, False, False, False]
    assert dict(limits.dropped) == {"param:p1": 2, "depth": 1}


def test_a_resumed_run_counts_the_values_already_queued() -> None:
    limits = LinkBounds(Bounds(max_values={"p1": 2}))
    limits.prime([f"{BASE}?p1=1", f"{BASE}?p1=2&p2=3"])
    assert not limits.admit(1, f"{BASE}?p1=3")


def test_the_page_budget_grows_with_what_the_site_announces_up_to_the_hard_cap() -> None:
    announced = [10]
    budget = PageBudget(Bounds(headroom=2.0, slack=5, hard_cap=60), lambda: announced[0])
    assert budget.allows(0)  # the first claim estimates it
    assert budget.pages == 25
    announced[0] = 20
    assert budget.allows(24)  # below the budget: not re-estimated
    assert budget.pages == 25
    assert budget.allows(25)  # reached: re-estimated to 45
    assert budget.pages == 45
    announced[0] = 1000
    assert not budget.allows(60)
    assert budget.pages == 60


def test_bdp_announced_pages_are_navigation_three_tabs_per_practice_and_files() -> None:
    counts = {"home": 1, "section": 3, "listing": 6, "practice": 20, "presentation": 20, "file": 7}
    assert BdpStrategy.announced_pages(counts) == 10 + 60 + 7


@pytest.fixture
def site() -> BdpSite:
    return BdpSite(practices=PRACTICES)


@pytest.mark.slow
def test_a_trap_site_stops_by_itself_with_every_real_practice(
    tmp_path: Path, site: BdpSite, replica_factory, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    # every page links a new section, subsection and practices, and any page answers 200
    base_url = replica_factory([site], faults=parse_fault_spec("trap!")).base_url("bdp")
    db = tmp_path / "p.db"
    with caplog.at_level(logging.WARNING, logger="praktyki.crawl.bounds"):
        summary = crawl_bdp(db, base_url, FAST)
    assert summary.status == "finished"
    assert summary.dropped_links.get("param:p1", 0) > 0
    assert "URL limit reached (more than 100 distinct p1= values)" in caplog.text
    stored = {pid for (pid,) in query(db, "SELECT practice_id FROM practices")}
    assert set(site.practice_ids()) <= stored
    assert summary.requests < 2_000  # finite: the trap alone would go on for ever
    assert query(db, "SELECT removals_applied FROM crawl_runs") == [(0,)]


@pytest.mark.slow
def test_the_page_budget_stops_a_crawl_with_a_warning(
    tmp_path: Path, site: BdpSite, replica_factory, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    base_url = replica_factory([site]).base_url("bdp")
    bounds = Bounds(max_values=BDP_BOUNDS.max_values, slack=0, hard_cap=30)
    db = tmp_path / "p.db"
    with caplog.at_level(logging.WARNING, logger="praktyki.crawl.engine"):
        summary = crawl_bdp(db, base_url, FAST.replace(bounds=bounds))
    assert (summary.stop_reason, summary.page_budget) == ("page_budget", 30)
    assert query(db, "SELECT COUNT(*) FROM frontier WHERE state != 'pending'") == [(30,)]
    assert "page budget reached: 30 pages" in caplog.text


@pytest.mark.slow
def test_a_whole_site_fits_in_the_default_budget(
    tmp_path: Path, site: BdpSite, replica_factory
) -> None:  # type: ignore[no-untyped-def]
    base_url = replica_factory([site]).base_url("bdp")
    summary = crawl_bdp(tmp_path / "p.db", base_url, FAST)
    assert (summary.stop_reason, summary.new, summary.dropped_links) == (None, PRACTICES, {})
    assert summary.page_budget is not None
    assert summary.requests < summary.page_budget
