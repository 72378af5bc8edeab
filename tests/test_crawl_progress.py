"""The crawl's progress: the bar's total and ETA (pure), what the engine reports, and where a
bar is shown at all (a terminal with text logs, never with --quiet or --log-format json)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from praktyki.cli import cli
from praktyki.cli.common import Common
from praktyki.cli.output import progress_for
from praktyki.crawl.progress import (
    BarProgress,
    EtaTracker,
    LogProgress,
    Rates,
    bar_total,
    eta_seconds,
    format_eta,
    smoothed,
)
from praktyki.crawl.service import crawl_bdp, crawl_ops
from praktyki.crawl.settings import CrawlSettings
from praktyki_replica import RunningReplica, running_replica
from praktyki_replica.bdp_site import BdpSite
from praktyki_replica.ops_sites import build_ops_sites

FAST = CrawlSettings(rate=0, concurrency=6)


@pytest.mark.parametrize(
    ("processed", "known", "expected", "total"),
    [
        (10, 40, None, 40),  # nothing announced: the pages queued so far
        (10, 40, 300, 300),  # the listings announce 300 pages
        (10, 4, 300, 300),  # ... before their links are queued
        (50, 60, 40, 50),  # never below the pages already processed
    ],
    ids=["queued", "announced", "announced-early", "floor"],
)
def test_bar_total(processed: int, known: int, expected: int | None, total: int) -> None:
    assert bar_total(processed=processed, known=known, expected=expected) == total


@pytest.mark.parametrize(
    ("processed", "total", "rates", "eta"),
    [
        (100, 400, Rates(done=10.0, found=0.0), 30.0),  # a known total: left / rate
        (100, 400, Rates(done=10.0, found=5.0), 60.0),  # the total still grows: net rate
        (100, 400, Rates(done=10.0, found=10.0), None),  # found as fast as done: unknown
        (100, 400, Rates(done=0.0, found=0.0), None),  # nothing finished lately
        (400, 400, Rates(done=0.0, found=0.0), 0.0),  # done
    ],
    ids=["fixed-total", "growing-total", "discovery-outpaces", "stalled", "finished"],
)
def test_eta_seconds(processed: int, total: int, rates: Rates, eta: float | None) -> None:
    assert eta_seconds(processed=processed, total=total, rates=rates) == eta


@pytest.mark.parametrize(
    ("previous", "delta", "seconds", "rate"),
    [(None, 20, 2.0, 10.0), (10.0, 40, 2.0, 13.0), (10.0, -5, 1.0, 7.0)],
    ids=["first", "moving-average", "shrinking-counts-are-zero"],
)
def test_smoothed(previous: float | None, delta: float, seconds: float, rate: float) -> None:
    assert smoothed(previous, delta, seconds) == pytest.approx(rate)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(None, "ETA ?"), (0.0, "ETA 0:00"), (65.4, "ETA 1:05"), (3723.0, "ETA 1:02:03")],
)
def test_format_eta(seconds: float | None, text: str) -> None:
    assert format_eta(seconds) == text


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_eta_tracker_discounts_a_growing_total() -> None:
    """Each second 10 pages are done and the total grows by 5: 300 left at a net 5 pages/s."""
    clock = FakeClock()
    tracker = EtaTracker(clock)
    assert tracker.eta(0, 100) is None  # nothing measured yet
    for second in range(1, 4):
        clock.now = float(second)
        eta = tracker.eta(10 * second, 100 + 5 * second)
    assert eta == pytest.approx((115 - 30) / 5)


def test_eta_tracker_is_unknown_while_discovery_outpaces_the_crawl() -> None:
    clock = FakeClock()
    tracker = EtaTracker(clock)
    tracker.eta(0, 1)
    clock.now = 1.0
    assert tracker.eta(10, 50) is None


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int, int, int | None]] = []

    def update(self, *, done: int, failed: int, known: int, expected: int | None = None) -> None:
        self.calls.append((done, failed, known, expected))


@pytest.mark.slow
def test_a_bdp_crawl_reports_what_its_listings_announce(tmp_path: Path) -> None:
    recorder = Recorder()
    with running_replica([BdpSite(practices=6)]) as replica:
        crawl_bdp(tmp_path / "p.db", replica.base_urls["bdp"], FAST, progress=recorder)
    announced = [expected for *_, expected in recorder.calls[:-1]]
    assert all(expected is not None for expected in announced)
    assert max(e for e in announced if e is not None) >= 3 * 6  # three tabs per practice
    done, failed, _, expected = recorder.calls[-1]
    assert expected == done + failed  # the last report fills the bar


@pytest.fixture(scope="module")
def ops_replica() -> Iterator[RunningReplica]:
    sites = [s for s in build_ops_sites() if s.name in ("ops-gora", "gops-drupal")]
    with running_replica(sites) as running:
        yield running


@pytest.mark.slow
def test_an_ops_crawl_announces_nothing_until_it_ends(
    tmp_path: Path, ops_replica: RunningReplica
) -> None:
    recorder = Recorder()
    urls = list(ops_replica.base_urls.values())
    crawl_ops(tmp_path / "p.db", urls, settings=FAST, progress=recorder)
    assert {expected for *_, expected in recorder.calls[:-1]} == {None}
    done, failed, _, expected = recorder.calls[-1]
    assert expected == done + failed


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("common", "sink"),
    [
        (Common(), BarProgress),
        (Common(log_format="json"), LogProgress),
        (Common(quiet=True), type(None)),
    ],
    ids=["text", "json-logs", "quiet"],
)
def test_a_bar_only_on_a_terminal_with_text_logs(
    common: Common, sink: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stderr", Terminal())
    with progress_for(common) as progress:
        assert isinstance(progress, sink)


@pytest.mark.slow
def test_a_crawl_off_a_terminal_prints_no_bar(tmp_path: Path, ops_replica: RunningReplica) -> None:
    urls = list(ops_replica.base_urls.values())
    args = ["crawl", "ops", *urls, "--rate", "0", "--db", str(tmp_path / "p.db")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    assert "━" not in result.stderr
    assert "\x1b[" not in result.stderr
    assert "\r" not in result.stderr
