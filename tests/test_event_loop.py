"""Crawls run on uvloop where it is installed (it is a dependency on Linux and macOS)."""

from __future__ import annotations

import asyncio

import pytest

from praktyki.crawl import event_loop


async def loop_kind() -> str:
    await asyncio.sleep(0)
    return type(asyncio.get_running_loop()).__module__


def test_a_crawl_loop_is_uvloop_when_installed() -> None:
    pytest.importorskip("uvloop")
    assert event_loop.run(loop_kind()).startswith("uvloop")


def test_the_loop_returns_what_the_coroutine_returns_and_closes() -> None:
    assert event_loop.run(loop_kind())
    with pytest.raises(RuntimeError):
        asyncio.get_running_loop()  # nothing left running in this thread
