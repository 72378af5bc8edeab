"""How a run's summary is shown: lines on stdout, and the ``--json-summary`` file."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from praktyki.cli.common import Common
from praktyki.errors import ConfigError

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from praktyki.crawl.progress import BarProgress, LogProgress
    from praktyki.schemas.run import RunChange, RunSummary

__all__ = ["progress_for", "report_summary"]

_SHOWN_CHANGES = 10


def progress_for(
    common: Common,
) -> AbstractContextManager[BarProgress | LogProgress | None]:
    """A rich bar on a terminal (text logs only), periodic log lines otherwise, nothing with
    --quiet."""
    from praktyki.crawl.progress import BarProgress, LogProgress  # rich: only when crawling

    if common.quiet:
        return contextlib.nullcontext(None)
    if sys.stderr.isatty() and common.log_format == "text":
        return BarProgress(sys.stderr)
    return contextlib.nullcontext(LogProgress())


def report_summary(summary: RunSummary, common: Common, json_summary: Path | None) -> None:
    """The summary and what changed on stdout (nothing with --quiet), and the summary with
    ``changes`` (one object per record) as JSON to ``json_summary``."""
    if json_summary is not None:
        _write_json(summary, json_summary)
    if common.quiet:
        return
    s = summary
    click.echo(
        f"run {s.run_id} ({s.kind}): {s.new} new, {s.changed} changed, "
        f"{s.removed} removed, {s.unchanged} unchanged, {s.failed} failed"
    )
    click.echo(
        f"{s.requests} requests ({s.not_modified} not modified), "
        f"{s.bytes / 1024:.1f} KiB, {s.duration_s or 0:.1f} s"
    )
    for line in _stop_lines(s):
        click.echo(line)
    _echo_changes([c for c in s.changes if c.change != "new"])


def _stop_lines(summary: RunSummary) -> list[str]:
    """Why the run stopped early, the links a URL limit kept out, and the time budgets that ran
    out (nothing otherwise)."""
    lines = []
    reason = summary.stop_reason
    if reason in ("signal", "max_duration"):
        cause = "by a signal" if reason == "signal" else "at --max-duration"
        lines.append(f"interrupted {cause}: the next run resumes it")
    elif reason == "page_budget":
        lines.append(
            f"page budget of {summary.page_budget} pages reached: a partial run, no removals "
            "(--max-pages N crawls further)"
        )
    elif reason == "max_pages":
        lines.append(f"stopped at --max-pages {summary.page_budget}: a partial run, no removals")
    if summary.dropped_links:
        counts = ", ".join(f"{n} by {limit}" for limit, n in sorted(summary.dropped_links.items()))
        lines.append(f"links not followed (URL limits against traps): {counts}")
    return lines + _time_lines(summary)


def _time_lines(summary: RunSummary) -> list[str]:
    """The time budgets that ran out (nothing when none did)."""
    lines = []
    if summary.out_of_time:
        lines.append(
            f"{summary.out_of_time} URLs out of their request-time budget (hung or too slow): "
            "recorded as failed"
        )
    if summary.paused_hosts or summary.deferred:
        hosts = ", ".join(summary.paused_hosts)
        lines.append(
            f"hosts paused after repeated connection failures: {hosts} "
            f"({summary.deferred} URLs deferred to the next run)"
        )
    return lines


def _write_json(summary: RunSummary, path: Path) -> None:
    text = json.dumps(summary.to_json_dict(), ensure_ascii=False, sort_keys=True, indent=2)
    try:
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _echo_changes(changes: list[RunChange]) -> None:
    """Changed and removed records (new ones are only counted: a first crawl adds them all)."""
    for change in changes[:_SHOWN_CHANGES]:
        fields = f" ({', '.join(change.fields)})" if change.fields else ""
        click.echo(f"  {change.change:<8} {change.entity} {change.source}/{change.key}{fields}")
    if len(changes) > _SHOWN_CHANGES:
        click.echo(f"  … and {len(changes) - _SHOWN_CHANGES} more (see --json-summary)")
