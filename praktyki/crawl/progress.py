"""Progress of a crawl: a rich bar on a terminal, periodic plain log lines otherwise.

Both implement :class:`~praktyki.crawl.engine.ProgressSink`. The bar writes to stderr only,
so stdout keeps just the final summary (scripts parse it).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
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
    TimeRemainingColumn,
)

__all__ = ["BarProgress", "LogProgress"]

log = logging.getLogger(__name__)


class LogProgress:
    """One INFO line every ``interval`` seconds: pages done / known, failed, pages/s."""

    def __init__(
        self, interval: float = 10.0, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._interval = interval
        self._clock = clock
        self._start = clock()
        self._last = self._start

    def update(self, *, done: int, failed: int, known: int) -> None:
        now = self._clock()
        if now - self._last < self._interval:
            return
        self._last = now
        rate = done / max(now - self._start, 1e-9)
        log.info("%d of %d pages done, %d failed, %.1f pages/s", done, known, failed, rate)


class BarProgress:
    """A rich progress bar (counts, rate, ETA); use as a context manager."""

    def __init__(self, stream: IO[str]) -> None:
        self._progress = Progress(
            TextColumn("[bold]crawl"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(file=stream),
            transient=True,
        )
        self._task: TaskID | None = None
        self._start = time.monotonic()
        self._logger = logging.getLogger("praktyki")
        self._saved_handlers = list(self._logger.handlers)

    def __enter__(self) -> BarProgress:
        self._progress.start()
        self._task = self._progress.add_task("crawl", total=None, failed=0, rate="")
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

    def update(self, *, done: int, failed: int, known: int) -> None:
        if self._task is None:
            return
        rate = done / max(time.monotonic() - self._start, 1e-9)
        self._progress.update(
            self._task,
            completed=done + failed,
            total=known,
            failed=failed,
            rate=f"{rate:.0f} pages/s",
        )
