"""Signal handling around a crawl: who catches SIGINT / SIGTERM, and that it is undone."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from praktyki.cli.common import interruptible
from praktyki.crawl.stopping import SIGNALS, stop_on_signals


def test_sigterm_raises_keyboard_interrupt_inside_a_command() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), interruptible():
        os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) is before


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: s.name)
def test_the_first_signal_stops_the_crawl_and_the_handlers_are_restored(
    signum: signal.Signals,
) -> None:
    before = {s: signal.getsignal(s) for s in SIGNALS}
    reasons: list[str] = []

    async def crawl() -> None:
        with stop_on_signals(reasons.append, None):
            os.kill(os.getpid(), signum)
            await asyncio.sleep(0.05)  # the loop runs the handler

    asyncio.run(crawl())
    assert reasons == ["signal"]
    assert {s: signal.getsignal(s) for s in SIGNALS} == before


def test_max_duration_stops_the_crawl_once() -> None:
    reasons: list[str] = []

    async def crawl() -> None:
        with stop_on_signals(reasons.append, 0.01):
            await asyncio.sleep(0.1)

    asyncio.run(crawl())
    assert reasons == ["max_duration"]
