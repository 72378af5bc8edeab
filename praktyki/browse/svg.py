"""Tiny inline-SVG bar charts for the static report (no JavaScript, no external files)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["Bar", "GroupedBars", "horizontal_bars", "grouped_bars"]

_LABEL_W = 230
_BAR_W = 360
_ROW_H = 22


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # the bar's length, in units of ``maximum``
    text: str  # what is written after the bar


@dataclass(frozen=True)
class GroupedBars:
    label: str  # under the group
    values: tuple[int, ...]  # one per series


def horizontal_bars(title: str, bars: Sequence[Bar], *, maximum: float, css: str = "bar") -> str:
    """One row per bar: label, bar, text. ``title`` is the chart's accessible name."""
    height = _ROW_H * len(bars) + 8
    width = _LABEL_W + _BAR_W + 140
    rows = []
    for index, bar in enumerate(bars):
        y = 4 + index * _ROW_H
        length = 0.0 if maximum <= 0 else max(0.0, min(1.0, bar.value / maximum)) * _BAR_W
        rows.append(
            f'<text x="{_LABEL_W - 6}" y="{y + 15}" text-anchor="end">{escape(bar.label)}</text>'
            f'<rect class="{css}" x="{_LABEL_W}" y="{y + 3}" width="{length:.1f}" height="15">'
            f"<title>{escape(bar.label)}: {escape(bar.text)}</title></rect>"
            f'<text x="{_LABEL_W + length + 6:.1f}" y="{y + 15}">{escape(bar.text)}</text>'
        )
    return _svg(title, width, height, "".join(rows))


def grouped_bars(
    title: str, groups: Sequence[GroupedBars], series: Sequence[str], *, css: Sequence[str]
) -> str:
    """Vertical bars, one group per item (e.g. per run), one bar per series, with a legend."""
    plot_h, bar_w, gap = 160, 14, 18
    top = max((max(group.values, default=0) for group in groups), default=0) or 1
    group_w = bar_w * len(series) + gap
    width = max(60 + 110 * len(series), 50 + group_w * len(groups))
    height = plot_h + 70
    parts = []
    for g_index, group in enumerate(groups):
        x0 = 40 + g_index * group_w
        for s_index, value in enumerate(group.values):
            h = plot_h * value / top
            x = x0 + s_index * bar_w
            parts.append(
                f'<rect class="{css[s_index]}" x="{x}" y="{20 + plot_h - h:.1f}" '
                f'width="{bar_w - 2}" height="{h:.1f}"><title>{escape(group.label)} '
                f"{escape(series[s_index])}: {value}</title></rect>"
            )
        parts.append(f'<text x="{x0}" y="{plot_h + 36}">{escape(group.label)}</text>')
    parts.append(f'<text x="4" y="16">{top}</text><line x1="36" x2="{width}" y1="20" y2="20" />')
    for s_index, name in enumerate(series):
        x = 40 + s_index * 110
        parts.append(
            f'<rect class="{css[s_index]}" x="{x}" y="{plot_h + 50}" width="12" height="12" />'
            f'<text x="{x + 16}" y="{plot_h + 61}">{escape(name)}</text>'
        )
    return _svg(title, width, height, "".join(parts))


def _svg(title: str, width: int, height: int, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )
