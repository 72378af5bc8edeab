"""Answers whose body the fetcher does not keep (304, 404) leave the connection reusable."""

from __future__ import annotations

import httpx
import pytest
from conftest import ReplicaFactory, ToySite

from praktyki.errors import HTTPStatusError
from praktyki.scraper.fetch import Fetcher
from praktyki.scraper.policy import Politeness
from praktyki.scraper.urls import Allowlist, canonical_netloc


def fetcher(client: httpx.AsyncClient, base: str) -> Fetcher:
    return Fetcher(
        client,
        allowlist=Allowlist([canonical_netloc(base)]),
        politeness=Politeness(rate_per_host=0, obey_robots=False),
    )


async def test_not_modified_answers_keep_the_connection(replica_factory: ReplicaFactory) -> None:
    replica = replica_factory([ToySite("toy")])
    base = replica.base_url("toy")
    async with httpx.AsyncClient() as client:
        fetch = fetcher(client, base)
        first = await fetch.fetch(f"{base}/page?id=1")
        etag = dict((k.lower(), v) for k, v in first.headers)["etag"]
        statuses = [(await fetch.fetch(f"{base}/page?id=1", etag=etag)).status for _ in range(4)]
    assert statuses == [304] * 4
    assert replica.stats.connections["toy"] == 1


async def test_error_pages_keep_the_connection(replica_factory: ReplicaFactory) -> None:
    replica = replica_factory([ToySite("toy")])
    base = replica.base_url("toy")
    async with httpx.AsyncClient() as client:
        fetch = fetcher(client, base)
        for _ in range(3):
            with pytest.raises(HTTPStatusError):
                await fetch.fetch(f"{base}/missing")
        await fetch.fetch(f"{base}/page?id=1")
    assert replica.stats.connections["toy"] == 1
