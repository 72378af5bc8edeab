"""Stopping a crawl cleanly: on SIGINT / SIGTERM, and at its wall-clock limit.

While a crawl's engine runs, the first SIGINT or SIGTERM (and the ``--max-duration`` timer)
calls :meth:`~praktyki.crawl.engine.Engine.stop`: no new page is claimed, the in-flight ones
are put back, what was fetched is written, and the caller records the run as interrupted
(exit code 4; the next run of the same source resumes it). A second signal is not caught
again: the handlers from before the crawl act (Python's SIGINT raises ``KeyboardInterrupt``;
the command line makes SIGTERM do the same, see :func:`praktyki.cli.common.interruptible`;
the run is resumable either way: every write is a transaction).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType

from praktyki.crawl.engine import StopReason

__all__ = ["SIGNALS", "stop_on_signals"]

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGINT, signal.SIGTERM)

_Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None


@contextlib.contextmanager
def stop_on_signals(stop: Callable[[str], None], max_duration: float | None) -> Iterator[None]:
    """Within the block, call ``stop(reason)`` on the first signal or after ``max_duration``
    seconds. Signal handlers are only installed in the main thread (Python allows no other)."""
    loop = asyncio.get_running_loop()
    installed: dict[signal.Signals, _Handler] = {}

    def on_signal(signum: signal.Signals) -> None:
        log.warning("%s received", signum.name)
        _remove(loop, installed)  # a second one acts as if we were not here
        stop(StopReason.SIGNAL)

    if threading.current_thread() is threading.main_thread():
        for signum in SIGNALS:
            previous = signal.getsignal(signum)
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on this platform
                loop.add_signal_handler(signum, on_signal, signum)
                installed[signum] = previous
    timer = None
    if max_duration is not None:
        timer = loop.call_later(max_duration, _out_of_time, stop, max_duration)
    try:
        yield
    finally:
        if timer is not None:
            timer.cancel()
        _remove(loop, installed)


def _out_of_time(stop: Callable[[str], None], max_duration: float) -> None:
    log.warning("--max-duration of %g s reached", max_duration)
    stop(StopReason.MAX_DURATION)


def _remove(loop: asyncio.AbstractEventLoop, installed: dict[signal.Signals, _Handler]) -> None:
    """Our handlers off, the ones before them back (asyncio would reset them to defaults)."""
    while installed:
        signum, previous = installed.popitem()
        loop.remove_signal_handler(signum)
        if previous is not None:
            signal.signal(signum, previous)
