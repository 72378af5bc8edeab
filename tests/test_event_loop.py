"""Crawls run on uvloop where it is installed (it is a dependency on Linux and macOS)."""

from __future__ import annotations

import asyncio

import pytest

from praktyki.crawl import event_loop


async def running_loop() -> asyncio.AbstractEventLoop:
    await asyncio.sleep(0)
    return asyncio.get_running_loop()


def test_a_crawl_loop_is_uvloop_when_installed() -> None:
    uvloop = pytest.importorskip("uvloop")
    assert isinstance(event_loop.run(running_loop()), uvloop.Loop)


def test_the_loop_is_closed_when_the_crawl_returns() -> None:
    assert event_loop.run(running_loop()).is_closed()
