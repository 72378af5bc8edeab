"""The data-quality report as one static HTML page: inline SVG charts and CSS, UTF-8, no
scripts and no external resources, so it reads the same offline and from an e-mail."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from praktyki.browse.svg import Bar, GroupedBars, grouped_bars, horizontal_bars
from praktyki.schemas.quality import FailureGroup, QualityReport, RunChanges, SourceCoverage

__all__ = ["render_report_html"]

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:3px 8px;
text-align:left;vertical-align:top}th{background:#f4f4f4}
svg.chart{display:block;margin:.5em 0;font-size:12px}svg text{fill:#222}
svg line{stroke:#bbb}.bar{fill:#4c78a8}.low{fill:#e45756}.new{fill:#54a24b}
.changed{fill:#f58518}.removed{fill:#e45756}.fail{fill:#b279a2}.muted{color:#777}
"""


def render_report_html(report: QualityReport) -> str:
    sections = [
        _coverage(report.coverage),
        _unknown(report),
        _failures(report.failures),
        _runs(report.runs),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>praktyki: data-quality report</title>"
        f"<style>{_STYLE}</style></head><body>"
        "<h1>praktyki: data-quality report</h1>"
        f'<p class="muted">Generated {escape(report.generated_at)}. Active records only; a '
        "field is covered when it has a non-empty value (lists: at least one item).</p>"
        + "".join(sections)
        + "</body></html>\n"
    )


def _coverage(coverage: Sequence[SourceCoverage]) -> str:
    if not coverage:
        return "<h2>Coverage per field</h2><p>No records yet.</p>"
    parts = ["<h2>Coverage per field</h2>"]
    for source in coverage:
        bars = [
            Bar(f.field, f.share, f"{f.share:.0%} ({f.filled}/{source.records})")
            for f in source.fields
        ]
        title = f"Coverage of {source.entity} fields, source {source.source}"
        parts.append(
            f"<h3>{escape(source.source)} ({source.entity}, {source.records} records)</h3>"
        )
        parts.append(horizontal_bars(title, bars, maximum=1.0))
    return "".join(parts)


def _unknown(report: QualityReport) -> str:
    head = "<h2>Unknown Metryka labels</h2>"
    if not report.unknown_labels:
        return head + "<p>None: every label on every page is mapped.</p>"
    rows = "".join(
        f"<tr><td>{escape(item.label)}</td><td>{item.count}</td><td>{item.practices}</td><td>"
        + "<br>".join(
            f"{escape(source)}/{escape(pid)}: {escape(value)}"
            for source, pid, value in item.examples
        )
        + "</td></tr>"
        for item in report.unknown_labels
    )
    return (
        head + "<table><tr><th>label</th><th>pairs</th><th>practices</th><th>examples</th></tr>"
        f"{rows}</table>"
    )


def _failures(failures: Sequence[FailureGroup]) -> str:
    head = "<h2>Failures by site and reason</h2>"
    if not failures:
        return head + "<p>No failed pages.</p>"
    top = max(group.count for group in failures)
    bars = [Bar(f"{g.site} · {g.stage} · {g.reason}", g.count, str(g.count)) for g in failures[:30]]
    rows = "".join(
        f"<tr><td>{escape(g.site)}</td><td>{g.stage}</td><td>{escape(g.reason)}</td>"
        f"<td>{g.count}</td><td>{', '.join(map(str, g.runs))}</td>"
        f"<td>{escape(g.example_url)}</td></tr>"
        for g in failures
    )
    return (
        head
        + horizontal_bars("Failed pages by site and reason", bars, maximum=top, css="fail")
        + "<table><tr><th>site</th><th>stage</th><th>reason</th><th>pages</th><th>runs</th>"
        f"<th>example</th></tr>{rows}</table>"
    )


def _runs(runs: Sequence[RunChanges]) -> str:
    head = "<h2>Records new, changed and removed per run</h2>"
    if not runs:
        return head + "<p>No runs yet.</p>"
    groups = [GroupedBars(f"#{r.run_id}", (r.new, r.changed, r.removed)) for r in runs]
    chart = grouped_bars(
        "Records new, changed and removed per run",
        groups,
        ("new", "changed", "removed"),
        css=("new", "changed", "removed"),
    )
    rows = "".join(
        f"<tr><td>{r.run_id}</td><td>{escape(r.kind)}</td><td>{escape(r.status)}</td>"
        f"<td>{escape(r.started_at)}</td><td>{r.new}</td><td>{r.changed}</td><td>{r.removed}</td>"
        f"<td>{r.unchanged}</td><td>{r.failed}</td></tr>"
        for r in runs
    )
    return (
        head
        + chart
        + "<table><tr><th>run</th><th>kind</th><th>status</th><th>started</th><th>new</th>"
        f"<th>changed</th><th>removed</th><th>unchanged</th><th>failed</th></tr>{rows}</table>"
    )
