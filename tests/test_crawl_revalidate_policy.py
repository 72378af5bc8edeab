"""The revalidation schedule as a pure function of (key, last confirmation, now)."""

from __future__ import annotations

import datetime as dt

import pytest

from praktyki.crawl.bdp_strategy import BdpStrategy
from praktyki.crawl.revalidate import RevalidationPolicy, slot
from praktyki.errors import ConfigError
from praktyki.schemas.archive import FrontierItem

NOW = dt.datetime(2026, 3, 10, 3, 15, tzinfo=dt.UTC)
KEYS = [f"art={n}" for n in range(200)]


def days_ago(days: int, *, hours: int = 0) -> dt.datetime:
    return NOW - dt.timedelta(days=days, hours=hours)


@pytest.mark.parametrize(
    ("after", "checked", "due"),
    [
        (0, days_ago(0), True),
        (7, days_ago(7), True),
        (7, days_ago(30), True),
        (7, days_ago(0), False),
        (1, days_ago(1), True),
    ],
    ids=["0-means-always", "window-reached", "long-overdue", "same-day", "daily"],
)
def test_age_decides_regardless_of_the_slot(after: int, checked: dt.datetime, due: bool) -> None:
    policy = RevalidationPolicy(after)
    assert {policy.due(key, checked, NOW) for key in KEYS} == {due}


def test_calendar_days_count_not_hours() -> None:
    # confirmed late on the evening 7 days before a 03:15 run: 6.2 days, yet 7 calendar days
    policy = RevalidationPolicy(7)
    checked = dt.datetime(2026, 3, 3, 22, 0, tzinfo=dt.UTC)
    assert all(policy.due(key, checked, NOW) for key in KEYS)


def test_nightly_runs_ask_about_each_key_every_7_days() -> None:
    policy = RevalidationPolicy(7)
    for key in KEYS:
        checked, asked = NOW, []
        for day in range(1, 29):
            if policy.due(key, checked, NOW + dt.timedelta(days=day)):
                checked = NOW + dt.timedelta(days=day)
                asked.append(day)
        assert asked[0] <= 7, key
        assert {b - a for a, b in zip(asked, asked[1:], strict=False)} == {7}, key


def test_the_slots_spread_the_keys_over_the_window() -> None:
    counts = [sum(slot(key, 7) == day for key in KEYS) for day in range(7)]
    assert min(counts) > len(KEYS) / 7 / 2


def test_a_negative_window_is_refused() -> None:
    with pytest.raises(ConfigError, match="revalidate-after"):
        RevalidationPolicy(-1)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://h/index.php?p1=3&art=12", "art=12"),
        ("https://h/index.php?art=12&s=2", "art=12"),
        ("https://h/index.php?ART=7&s=3", "art=7"),
        ("https://h/index.php?part=5&art=6", "art=6"),
        ("https://h/index.php?art=%35", "art=5"),
        ("https://h/index.php?art=&art=9", "https://h/index.php?art=&art=9"),
        ("https://h/pliki/41/plan.pdf", "art=41"),
        ("https://h/index.php?s=2", "https://h/index.php?s=2"),
    ],
    ids=[
        "last",
        "first",
        "upper-case",
        "part-param",
        "escaped",
        "blank-first-value",
        "file",
        "none",
    ],
)
def test_a_practice_page_is_scheduled_by_its_art(url: str, key: str) -> None:
    kind = "file" if "/pliki/" in url else "presentation"
    item = FrontierItem(url=url, kind=kind)
    assert BdpStrategy("https://h/").revalidation_key(item) == key
