"""The fetcher against hostile servers on loopback (tests/hostile/hostile_http.py).

Each case asserts the exact error and, where a server tries to exhaust memory, a bound on the
memory the test process allocated. Time is bounded by the fetcher's budgets, not asserted
here (``read_timeout`` and ``fetch_budget`` are set short so the suite stays fast).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import AsyncIterator

import httpx
import pytest
from hostile_http import PAGE, HostileServer, serving

from praktyki.crawl.engine import is_transient
from praktyki.errors import (
    HostPaused,
    NotHtml,
    OffAllowlist,
    OutOfTime,
    RedirectError,
    TooLarge,
)
from praktyki.parsers.dispatch import parse_page
from praktyki.scraper.fetch import Fetcher
from praktyki.scraper.policy import Limits, Politeness, RetryPolicy
from praktyki.scraper.urls import Allowlist
from tests.scraper_http import no_sleep

MiB = 1024 * 1024


@pytest.fixture
async def server() -> AsyncIterator[HostileServer]:
    async with serving() as running:
        yield running


def fetcher(client: httpx.AsyncClient, server: HostileServer, *, host_failures: int = 5) -> Fetcher:
    return Fetcher(
        client,
        allowlist=Allowlist([f"127.0.0.1:{server.port}"]),
        policy=RetryPolicy(max_attempts=4, jitter=False),
        limits=Limits(
            read_timeout=0.3,
            total_timeout=0.5,
            fetch_budget=0.8,
            host_failures=host_failures,
            max_body_bytes=2 * MiB,
        ),
        politeness=Politeness(rate_per_host=0, obey_robots=False),
        sleep=no_sleep,
    )


@pytest.mark.parametrize(
    ("path", "requests"),
    [
        ("/hang", 3),  # idle 0.3 s, 0.3 s, then the 0.2 s left
        ("/drip", 2),  # never idle: cut at 0.5 s, then at the 0.3 s left
    ],
)
async def test_a_slow_server_costs_one_request_time_budget(
    server: HostileServer, client: httpx.AsyncClient, path: str, requests: int
) -> None:
    fetch = fetcher(client, server)
    with pytest.raises(OutOfTime, match=r"within its 0\.8s request-time budget"):
        await fetch.fetch(server.base + path)
    assert server.requests[path] == requests  # not the 4 attempts of 0.5 s each
    assert fetch.stats.out_of_time == 1


def test_an_out_of_time_url_is_not_fetched_again_in_extra_passes() -> None:
    assert not is_transient("OutOfTime: no complete answer within its 45s request-time budget")
    assert is_transient("TransportError: ReadTimeout: timed out (4 attempts)")


async def test_a_host_failing_in_a_row_is_paused_and_its_pages_deferred(
    server: HostileServer, client: httpx.AsyncClient
) -> None:
    fetch = fetcher(client, server, host_failures=3)
    with pytest.raises(HostPaused):
        await fetch.fetch(f"{server.base}/reset")  # attempts 1-3 fail, the 4th is refused
    with pytest.raises(HostPaused, match="paused for this run after 3 transport failures"):
        await fetch.fetch(f"{server.base}/ok")
    assert (server.requests["/reset"], server.requests["/ok"]) == (3, 0)
    assert fetch.stats.paused_hosts == {f"127.0.0.1:{server.port}"}
    assert fetch.stats.deferred == 2
    assert is_transient("HostPaused: deferred: 127.0.0.1:1 is paused for this run")


async def test_an_answer_resets_the_failure_count(
    server: HostileServer, client: httpx.AsyncClient
) -> None:
    fetch = fetcher(client, server, host_failures=5)
    for _ in range(3):
        with pytest.raises(OutOfTime):
            await fetch.fetch(f"{server.base}/hang")  # two timeouts each
        assert (await fetch.fetch(f"{server.base}/ok")).body == PAGE
    assert fetch.stats.paused_hosts == set()


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/bomb", "over 2097152 bytes"), ("/huge", "over 2097152 bytes")],
    ids=["gzip-bomb", "huge-body"],
)
async def test_a_body_past_the_cap_is_cut_in_bounded_memory(
    server: HostileServer, client: httpx.AsyncClient, path: str, reason: str
) -> None:
    tracemalloc.start()
    with pytest.raises(TooLarge, match=reason):
        await fetcher(client, server).fetch(server.base + path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 16 * MiB  # the server sends 64 MiB (inflated)


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.2/",
        "http://localhost:{port}/ok",
        "http://[::1]:{port}/ok",
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:{port}@169.254.169.254/",
        "http://0x7f000001:{port}/ok",
        "http://127.0.0.1:1/ok",
    ],
    ids=["loopback-2", "localhost", "ipv6-loopback", "metadata", "userinfo", "hex-ip", "port"],
)
async def test_a_redirect_off_the_host_is_refused_before_contact(
    server: HostileServer, client: httpx.AsyncClient, location: str
) -> None:
    target = location.format(port=server.port)
    with pytest.raises(OffAllowlist, match="leaves the allowlist"):
        await fetcher(client, server).fetch(f"{server.base}/to?u={target}")
    assert server.requests["/ok"] == 0


async def test_a_redirect_loop_is_an_error_not_retried_in_extra_passes(
    server: HostileServer, client: httpx.AsyncClient
) -> None:
    with pytest.raises(RedirectError, match="redirect loop") as caught:
        await fetcher(client, server).fetch(f"{server.base}/loop")
    assert not is_transient(f"RedirectError: {caught.value.reason}")


@pytest.mark.parametrize(
    ("path", "what"),
    [("/pdf", "a PDF document"), ("/noise", "binary data")],
)
async def test_a_binary_body_under_an_html_label_is_fetched_but_not_parsed(
    server: HostileServer, client: httpx.AsyncClient, path: str, what: str
) -> None:
    response = await fetcher(client, server).fetch(server.base + path)
    assert response.content_type == "text/html"
    with pytest.raises(NotHtml, match=what):
        parse_page(response.body, response.url, response.content_type)


async def test_html_under_a_wrong_label_is_still_html(
    server: HostileServer, client: httpx.AsyncClient
) -> None:
    response = await fetcher(client, server).fetch(f"{server.base}/octet")
    [record] = parse_page(response.body, response.url, response.content_type, kind="ops")
    assert record.model_dump()["body"].startswith("Ośrodek prowadzi")
