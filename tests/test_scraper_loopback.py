"""The fetcher over real HTTP on 127.0.0.1 (tests/scraper_http.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from praktyki.errors import TransportError
from praktyki.scraper.fetch import Fetcher
from praktyki.scraper.policy import Limits, Politeness, RetryPolicy
from praktyki.scraper.urls import Allowlist
from tests.scraper_http import BODY, LoopbackServer, no_sleep, serving


@pytest.fixture
async def server() -> AsyncIterator[LoopbackServer]:
    async with serving() as running:
        yield running


def fetcher(client: httpx.AsyncClient, server: LoopbackServer, **limits: float) -> Fetcher:
    return Fetcher(
        client,
        allowlist=Allowlist([f"127.0.0.1:{server.port}"]),
        policy=RetryPolicy(max_attempts=3, jitter=False),
        limits=Limits(**limits),  # type: ignore[arg-type]
        politeness=Politeness(rate_per_host=0, obey_robots=False),
        sleep=no_sleep,
    )


async def test_keep_alive_reuses_one_connection(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    fetch = fetcher(client, server)
    for _ in range(3):
        assert (await fetch.fetch(f"{server.base}/ok")).body == BODY
    assert (server.requests["/ok"], server.connections) == (3, 1)


async def test_truncated_body_is_retried(server: LoopbackServer, client: httpx.AsyncClient) -> None:
    result = await fetcher(client, server).fetch(f"{server.base}/truncated")
    assert (result.body, result.attempts) == (BODY, 2)


async def test_connection_closed_without_answer_is_retried(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    result = await fetcher(client, server).fetch(f"{server.base}/reset")
    assert (result.status, result.attempts) == (200, 2)


async def test_hang_times_out_and_gives_up_as_transport_error(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    with pytest.raises(TransportError, match="3 attempts"):
        await fetcher(client, server, read_timeout=0.2).fetch(f"{server.base}/hang?n=9")
    assert server.requests["/hang"] == 3


async def test_hang_shorter_than_attempts_recovers(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    result = await fetcher(client, server, read_timeout=0.2).fetch(f"{server.base}/hang?n=1")
    assert (result.body, result.attempts) == (BODY, 2)
