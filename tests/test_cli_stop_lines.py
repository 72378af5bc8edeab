"""What the crawl commands print when a run stopped early, a URL limit kept links out, or a
time budget ran out."""

from __future__ import annotations

import datetime as dt

import pytest

from praktyki.cli.common import Common
from praktyki.cli.output import report_summary
from praktyki.schemas.run import RunSummary

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        ({"stop_reason": "signal"}, "interrupted by a signal: the next run resumes it"),
        ({"stop_reason": "max_duration"}, "interrupted at --max-duration: the next run resumes it"),
        (
            {"stop_reason": "page_budget", "page_budget": 720},
            "page budget of 720 pages reached: a partial run, no removals "
            "(--max-pages N crawls further)",
        ),
        (
            {"stop_reason": "max_pages", "page_budget": 5},
            "stopped at --max-pages 5: a partial run, no removals",
        ),
        (
            {"dropped_links": {"param:p1": 56, "depth": 2}},
            "links not followed (URL limits against traps): 2 by depth, 56 by param:p1",
        ),
        (
            {"out_of_time": 2},
            "2 URLs out of their request-time budget (hung or too slow): recorded as failed",
        ),
        (
            {"deferred": 7, "paused_hosts": ("a.example:80", "b.example")},
            "hosts paused after repeated connection failures: a.example:80, b.example "
            "(7 URLs deferred to the next run)",
        ),
    ],
    ids=[
        "signal",
        "max-duration",
        "page-budget",
        "max-pages",
        "dropped-links",
        "out-of-time",
        "paused-hosts",
    ],
)
def test_an_early_stop_is_one_line_of_the_summary(
    fields: dict[str, object], line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = RunSummary.model_validate({"run_id": 1, "kind": "bdp", "started_at": START, **fields})
    report_summary(summary, Common(), None)
    assert capsys.readouterr().out.splitlines()[2:] == [line]


def test_a_run_to_the_end_prints_no_stop_line(capsys: pytest.CaptureFixture[str]) -> None:
    report_summary(RunSummary(run_id=1, kind="bdp", started_at=START), Common(), None)
    assert len(capsys.readouterr().out.splitlines()) == 2
