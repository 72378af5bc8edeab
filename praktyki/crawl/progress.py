"""Progress of a crawl: a rich bar on a terminal, periodic plain log lines otherwise.

Both implement :class:`~praktyki.crawl.engine.ProgressSink`. The bar writes to stderr only,
so stdout keeps just the final summary (scripts parse it).

The ETA: a crawl's total grows as pages are found, so "pages left / pages per second" is
wrong while discovery runs. The bar's total is what the site announces when the engine knows
it (BDP: the listings' practices, see :meth:`PageBudget.estimate`), else the pages queued so
far; the ETA divides the pages left by the smoothed rate at which pages are finished *minus*
the rate at which that total grows, and is unknown while the total grows as fast as pages are
done. Once discovery settles (every listing read, every OPS site at its budget or out of
links) the two agree.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import IO

from rich.console import Console
from rich.logging import RichHandler
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

__all__ = [
    "BarProgress",
    "EtaTracker",
    "LogProgress",
    "Rates",
    "bar_total",
    "eta_seconds",
    "format_eta",
    "smoothed",
]

log = logging.getLogger(__name__)


# -- the estimate (pure) -------------------------------------------------------------------

#: Weight of the newest measurement in the smoothed rates (an exponential moving average).
SMOOTHING = 0.3
#: Rates are measured over at least this many seconds (shorter gaps are noise).
RATE_WINDOW = 1.0


@dataclass(frozen=True, slots=True)
class Rates:
    """Smoothed pages finished per second, and growth of the bar's total per second."""

    done: float = 0.0
    found: float = 0.0


def bar_total(*, processed: int, known: int, expected: int | None) -> int:
    """The bar's length: the pages the run is expected to come to when that is known, else
    the pages queued so far; never below the pages already processed."""
    return max(known if expected is None else expected, processed)


def smoothed(previous: float | None, delta: float, seconds: float) -> float:
    """The moving average of a rate after ``delta`` more units in ``seconds``."""
    rate = max(delta, 0.0) / seconds
    return rate if previous is None else SMOOTHING * rate + (1 - SMOOTHING) * previous


def eta_seconds(*, processed: int, total: int, rates: Rates) -> float | None:
    """Seconds left, or None while the total grows as fast as pages are finished (or nothing
    has been measured yet)."""
    left = total - processed
    if left <= 0:
        return 0.0
    net = rates.done - rates.found
    return left / net if net > 0 else None


def format_eta(seconds: float | None) -> str:
    """``ETA 1:05`` / ``ETA 1:02:03``, or ``ETA ?`` when unknown."""
    if seconds is None:
        return "ETA ?"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"ETA {hours}:{minutes:02d}:{secs:02d}" if hours else f"ETA {minutes}:{secs:02d}"


class EtaTracker:
    """Feeds successive counts into :class:`Rates` (at most once per :data:`RATE_WINDOW`)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._at: float | None = None
        self._processed = 0
        self._total = 0
        self._done_rate: float | None = None
        self._found_rate: float | None = None

    def eta(self, processed: int, total: int) -> float | None:
        now = self._clock()
        if self._at is None:  # the first count: a resumed run starts from its earlier pages
            self._at, self._processed, self._total = now, processed, total
        elif now - self._at >= RATE_WINDOW:
            seconds = now - self._at
            self._done_rate = smoothed(self._done_rate, processed - self._processed, seconds)
            self._found_rate = smoothed(self._found_rate, total - self._total, seconds)
            self._at, self._processed, self._total = now, processed, total
        if self._done_rate is None or self._found_rate is None:
            return None
        return eta_seconds(
            processed=processed, total=total, rates=Rates(self._done_rate, self._found_rate)
        )


# -- the sinks ------------------------------------------------------------------------------


class LogProgress:
    """One INFO line every ``interval`` seconds: pages done / total, failed, pages/s, ETA."""

    def __init__(
        self,
        interval: float = 10.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        label: str = "",
    ) -> None:
        self._interval = interval
        self._clock = clock
        self._start = clock()
        self._last = self._start
        self._eta = EtaTracker(clock)
        self._label = f"{label}: " if label else ""

    def phase(self, label: str) -> LogProgress:
        """A sink of its own for one phase of a command (the demo's BDP and OPS crawls)."""
        return LogProgress(self._interval, clock=self._clock, label=label)

    def update(self, *, done: int, failed: int, known: int, expected: int | None = None) -> None:
        processed = done + failed
        total = bar_total(processed=processed, known=known, expected=expected)
        eta = self._eta.eta(processed, total)
        now = self._clock()
        if now - self._last < self._interval:
            return
        self._last = now
        rate = done / max(now - self._start, 1e-9)
        log.info(
            "%s%d of %d pages done, %d failed, %.1f pages/s, %s",
            self._label,
            done,
            total,
            failed,
            rate,
            format_eta(eta),
        )


class BarProgress:
    """A rich progress bar (counts, rate, ETA) on ``stream``; use as a context manager.
    :meth:`update` drives the one bar of a crawl; :meth:`phase` gives a command with several
    crawls a bar each, shown once its crawl reports."""

    def __init__(self, stream: IO[str], *, clock: Callable[[], float] = time.monotonic) -> None:
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("{task.fields[eta]}"),
            console=Console(file=stream),
            transient=True,
        )
        self._clock = clock
        self._logger = logging.getLogger("praktyki")
        self._saved_handlers = list(self._logger.handlers)
        self._default: _BarTask | None = None

    def __enter__(self) -> BarProgress:
        self._progress.start()
        self._route_logs_above_the_bar()
        return self

    def _route_logs_above_the_bar(self) -> None:
        # Plain stream handlers would write through the bar's line; rich prints above it.
        handler = RichHandler(
            console=self._progress.console, show_time=False, show_path=False, markup=False
        )
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        self._logger.handlers[:] = [handler]

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()
        self._logger.handlers[:] = self._saved_handlers

    def phase(self, label: str) -> _BarTask:
        return _BarTask(self._progress, label, self._clock)

    def update(self, *, done: int, failed: int, known: int, expected: int | None = None) -> None:
        if self._default is None:
            self._default = self.phase("crawl")
        self._default.update(done=done, failed=failed, known=known, expected=expected)


class _BarTask:
    """One bar of a :class:`BarProgress`, added at its first update."""

    def __init__(self, progress: Progress, label: str, clock: Callable[[], float]) -> None:
        self._progress = progress
        self._label = label
        self._clock = clock
        self._task: TaskID | None = None
        self._start = clock()
        self._eta = EtaTracker(clock)

    def update(self, *, done: int, failed: int, known: int, expected: int | None = None) -> None:
        if self._task is None:
            self._start = self._clock()
            self._task = self._progress.add_task(self._label, total=None, failed=0, rate="", eta="")
        processed = done + failed
        total = bar_total(processed=processed, known=known, expected=expected)
        rate = done / max(self._clock() - self._start, 1e-9)
        self._progress.update(
            self._task,
            completed=processed,
            total=total,
            failed=failed,
            rate=f"{rate:.0f} pages/s",
            eta=format_eta(self._eta.eta(processed, total)),
        )
