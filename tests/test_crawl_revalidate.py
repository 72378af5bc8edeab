"""The refresh's revalidation policy, end to end over the loopback BDP replica.

The days pass on an injected clock: each crawl is dated by it, and the schedule reads it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from crawl_support import FAST, query

from praktyki.crawl.service import crawl_bdp
from praktyki.schemas.run import RunSummary
from praktyki_replica.bdp_site import BdpSite

PRACTICES = 40
DAY0 = dt.datetime(2026, 1, 5, 3, 15, tzinfo=dt.UTC)

pytestmark = pytest.mark.slow


@pytest.fixture
def site() -> BdpSite:
    return BdpSite(practices=PRACTICES)


@pytest.fixture
def base_url(site: BdpSite, replica_factory) -> str:  # type: ignore[no-untyped-def]
    return replica_factory([site]).base_url("bdp")


def on_day(day: int) -> Callable[[], dt.datetime]:
    return lambda: DAY0 + dt.timedelta(days=day)


def crawl(db: Path, base_url: str, day: int, *, after: int = 7) -> RunSummary:
    return crawl_bdp(db, base_url, FAST.replace(revalidate_after=after), clock=on_day(day))


def practice_pages(db: Path, run_id: int) -> set[str]:
    kinds = "('practice', 'presentation', 'attachments', 'file')"
    rows = query(db, f"SELECT url FROM frontier WHERE run_id = ? AND kind IN {kinds}", (run_id,))  # noqa: S608
    return {url for (url,) in rows}


def asked(db: Path, run_id: int) -> set[str]:
    """Practice pages run ``run_id`` requested (a 2xx or 304 came back)."""
    rows = query(
        db,
        "SELECT url FROM frontier WHERE run_id = ? AND state = 'done' AND status IS NOT NULL "
        "AND kind IN ('practice', 'presentation', 'attachments', 'file')",
        (run_id,),
    )
    return {url for (url,) in rows}


def test_revalidate_after_0_asks_about_every_page_every_run(tmp_path: Path, base_url: str) -> None:
    db = tmp_path / "p.db"
    first = crawl(db, base_url, 0, after=0)
    second = crawl(db, base_url, 1, after=0)
    assert (second.skipped_by_policy, second.oldest_revalidation_age_days) == (0, 0)
    assert second.revalidated == len(practice_pages(db, first.run_id))
    assert asked(db, second.run_id) == practice_pages(db, first.run_id)


def test_a_same_day_refresh_asks_about_no_practice_page_and_removes_nothing(
    tmp_path: Path, base_url: str
) -> None:
    db = tmp_path / "p.db"
    first = crawl(db, base_url, 0)
    second = crawl(db, base_url, 0)
    assert asked(db, second.run_id) == set()
    assert second.skipped_by_policy == len(practice_pages(db, first.run_id))
    assert (second.unchanged, second.removed, second.failed) == (PRACTICES, 0, 0)
    assert query(
        db, "SELECT COUNT(*) FROM practices WHERE last_seen_run = ?", (second.run_id,)
    ) == [(PRACTICES,)]


def test_a_next_day_refresh_asks_about_a_share_of_the_practices(
    tmp_path: Path, base_url: str
) -> None:
    db = tmp_path / "p.db"
    first = crawl(db, base_url, 0)
    second = crawl(db, base_url, 1)
    pages = len(practice_pages(db, first.run_id))
    assert 0 < second.revalidated < pages / 2
    assert second.revalidated + second.skipped_by_policy == pages
    assert second.unchanged == PRACTICES


def test_every_page_is_asked_about_within_the_window(tmp_path: Path, base_url: str) -> None:
    db = tmp_path / "p.db"
    first = crawl(db, base_url, 0)
    runs = [crawl(db, base_url, day) for day in range(1, 8)]
    seen = set().union(*(asked(db, run.run_id) for run in runs))
    assert seen == practice_pages(db, first.run_id)


def test_the_summary_gives_the_oldest_revalidation_age(tmp_path: Path, base_url: str) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url, 0)
    crawl(db, base_url, 1)
    third = crawl(db, base_url, 3)  # no run on day 2
    assert third.oldest_revalidation_age_days == 3


def test_a_title_changed_in_the_listing_is_picked_up_by_the_next_refresh(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url, 0)
    pid = site.practice_ids()[5]
    site.update_practice(pid, title="Nowy tytuł praktyki")
    second = crawl(db, base_url, 0)  # the same day: nothing is due by the schedule
    assert (second.changed, second.unchanged) == (1, PRACTICES - 1)
    assert query(db, "SELECT title FROM practices WHERE practice_id = ?", (pid,)) == [
        ("Nowy tytuł praktyki",)
    ]


def test_a_change_only_on_the_practice_page_is_picked_up_within_the_window(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url, 0)
    pid = site.practice_ids()[5]
    site.update_practice(pid, summary="Zmieniony skrót.\n\nTylko na stronie praktyki.")
    changed_on = [day for day in range(1, 8) if crawl(db, base_url, day).changed]
    assert len(changed_on) == 1
    assert query(db, "SELECT summary FROM practices WHERE practice_id = ?", (pid,)) == [
        ("Zmieniony skrót.\n\nTylko na stronie praktyki.",)
    ]


def test_a_removed_practice_is_still_removed_when_the_others_are_skipped(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    db = tmp_path / "p.db"
    crawl(db, base_url, 0)
    site.remove_practice(site.practice_ids()[7])
    second = crawl(db, base_url, 0)
    assert (second.removed, second.unchanged) == (1, PRACTICES - 1)


def test_a_practice_recorded_removed_and_listed_again_is_loaded_not_re_sighted(
    tmp_path: Path, site: BdpSite, base_url: str
) -> None:
    db = tmp_path / "p.db"
    first = crawl(db, base_url, 0)
    pid = site.practice_ids()[3]
    conn = sqlite3.connect(db)
    with conn:  # as if a run had missed it in the listings
        conn.execute(
            "UPDATE practices SET status = 'removed', removed_run = ? WHERE practice_id = ?",
            (first.run_id, pid),
        )
    conn.close()
    second = crawl(db, base_url, 0)  # every page skipped: the others are only re-sighted
    assert (second.changed, second.unchanged) == (1, PRACTICES - 1)
    assert query(db, "SELECT DISTINCT status, removed_run, last_seen_run FROM practices") == [
        ("active", None, second.run_id)
    ]
