"""The crawler transport: httpx's own over streams with cheap liveness checks."""

from __future__ import annotations

import asyncio

import httpx
from conftest import ReplicaFactory, ToySite

from praktyki.replica import ServerLimits
from praktyki.scraper.transport import crawler_transport

LIMITS = httpx.Limits(max_connections=4, max_keepalive_connections=4)


async def test_keep_alive_connections_are_reused(replica_factory: ReplicaFactory) -> None:
    replica = replica_factory([ToySite("toy")])
    base = replica.base_url("toy")
    async with httpx.AsyncClient(transport=crawler_transport(LIMITS)) as client:
        statuses = [(await client.get(f"{base}/page?id={i}")).status_code for i in range(6)]
    assert statuses == [200] * 6
    assert replica.stats.connections["toy"] == 1


async def test_a_connection_the_server_closed_is_replaced(
    replica_factory: ReplicaFactory,
) -> None:
    replica = replica_factory([ToySite("toy")], limits=ServerLimits(idle_timeout=0.05))
    base = replica.base_url("toy")
    async with httpx.AsyncClient(transport=crawler_transport(LIMITS)) as client:
        first = await client.get(f"{base}/page?id=1")
        await asyncio.sleep(0.3)  # the server drops the idle connection meanwhile
        second = await client.get(f"{base}/page?id=2")
    assert (first.status_code, second.status_code) == (200, 200)
    assert replica.stats.connections["toy"] == 2
