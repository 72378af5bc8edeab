"""robots.txt handling through the fetcher (MockTransport), and the per-host rate limiter."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from praktyki.errors import RobotsDisallowed
from praktyki.scraper.fetch import Fetcher
from praktyki.scraper.policy import Politeness, RetryPolicy
from praktyki.scraper.ratelimit import HostLimiter
from praktyki.scraper.urls import Allowlist

ROBOTS = """
User-agent: praktyki
Disallow: /private/
Crawl-delay: 3

User-agent: *
Disallow: /
"""


def site(
    robots_status: int, robots_body: str = ROBOTS, limiter: HostLimiter | None = None
) -> tuple[list[str], Fetcher]:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        if request.url.path == "/robots.txt":
            return httpx.Response(robots_status, text=robots_body)
        return httpx.Response(200, text="page")

    async def no_sleep(seconds: float) -> None:
        return None

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    fetcher = Fetcher(
        client,
        allowlist=Allowlist(["site.test"]),
        policy=RetryPolicy(max_attempts=1),
        politeness=Politeness(rate_per_host=0),
        sleep=no_sleep,
        limiter=limiter,
    )
    return seen, fetcher


async def test_disallowed_path_is_refused_without_request() -> None:
    seen, fetcher = site(200)
    with pytest.raises(RobotsDisallowed):
        await fetcher.fetch("http://site.test/private/x")
    assert seen == ["/robots.txt"]


async def test_allowed_path_is_fetched_and_robots_read_once() -> None:
    seen, fetcher = site(200)
    await fetcher.fetch("http://site.test/a")
    await fetcher.fetch("http://site.test/b")
    assert seen == ["/robots.txt", "/a", "/b"]


async def test_concurrent_first_fetches_read_robots_once() -> None:
    seen, fetcher = site(200)
    await asyncio.gather(*(fetcher.fetch(f"http://site.test/{n}") for n in range(5)))
    assert seen.count("/robots.txt") == 1


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        pytest.param(404, True, id="404-allows-all"),
        pytest.param(410, True, id="410-allows-all"),
        pytest.param(500, False, id="500-disallows-all"),
        pytest.param(503, False, id="503-disallows-all"),
        pytest.param(429, False, id="429-disallows-all"),
    ],
)
async def test_robots_unavailable_or_unreachable(status: int, allowed: bool) -> None:
    _, fetcher = site(status, "User-agent: *\nDisallow: /\n")
    if allowed:
        assert (await fetcher.fetch("http://site.test/private/x")).status == 200
    else:
        with pytest.raises(RobotsDisallowed):
            await fetcher.fetch("http://site.test/a")


@pytest.mark.parametrize(
    ("robots_status", "reason"),
    [
        pytest.param(200, "robots.txt disallows it", id="rules-say-no"),
        pytest.param(503, "robots.txt of http://site.test could not be read (503)", id="unread"),
    ],
)
async def test_refusal_says_whether_robots_forbade_or_could_not_be_read(
    robots_status: int, reason: str
) -> None:
    _, fetcher = site(robots_status)
    with pytest.raises(RobotsDisallowed) as refused:
        await fetcher.fetch("http://site.test/private/x")
    assert refused.value.reason.startswith(reason)


async def test_redirect_into_disallowed_path_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text=ROBOTS)
        if request.url.path == "/a":
            return httpx.Response(302, headers={"location": "/private/a"})
        return httpx.Response(200, text="secret")

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    fetcher = Fetcher(client, allowlist=Allowlist(["site.test"]), politeness=Politeness(0))
    with pytest.raises(RobotsDisallowed, match="redirect"):
        await fetcher.fetch("http://site.test/a")


async def test_crawl_delay_raises_the_hosts_interval() -> None:
    clock = FakeClock()
    limiter = HostLimiter(rate=1.0, sleep=clock.sleep, clock=clock.now)
    _, fetcher = site(200, limiter=limiter)
    await fetcher.fetch("http://site.test/a")
    assert limiter.interval("site.test") == 3.0


class FakeClock:
    """A monotonic clock that only moves when the limiter sleeps."""

    def __init__(self) -> None:
        self.t = 0.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds


async def starts(limiter: HostLimiter, clock: FakeClock, host: str, n: int) -> list[float]:
    times = []
    for _ in range(n):
        async with limiter.slot(host):
            times.append(clock.t)
    return times


def limiter_on(clock: FakeClock, **kwargs: float) -> HostLimiter:
    return HostLimiter(clock=clock.now, sleep=clock.sleep, **kwargs)  # type: ignore[arg-type]


async def test_rate_spaces_request_starts() -> None:
    clock = FakeClock()
    assert await starts(limiter_on(clock, rate=2.0), clock, "h", 4) == [0.0, 0.5, 1.0, 1.5]


async def test_hosts_are_limited_independently() -> None:
    clock = FakeClock()
    limiter = limiter_on(clock, rate=1.0)
    await starts(limiter, clock, "a", 1)
    assert await starts(limiter, clock, "b", 1) == [0.0]


async def test_crawl_delay_larger_than_rate_wins() -> None:
    clock = FakeClock()
    limiter = limiter_on(clock, rate=1.0)
    limiter.set_crawl_delay("h", 3.0)
    assert await starts(limiter, clock, "h", 3) == [0.0, 3.0, 6.0]


async def test_crawl_delay_smaller_than_rate_is_ignored() -> None:
    clock = FakeClock()
    limiter = limiter_on(clock, rate=1.0)
    limiter.set_crawl_delay("h", 0.1)
    assert limiter.interval("h") == 1.0


async def test_penalty_doubles_interval_up_to_cap() -> None:
    limiter = limiter_on(FakeClock(), rate=1.0, max_interval=5.0)
    intervals = []
    for _ in range(4):
        limiter.penalize("h")
        intervals.append(limiter.interval("h"))
    assert intervals == [2.0, 4.0, 5.0, 5.0]


async def test_successes_decay_interval_back_to_base() -> None:
    limiter = limiter_on(FakeClock(), rate=1.0)
    limiter.penalize("h")
    limiter.penalize("h")
    decayed = []
    for _ in range(3):
        limiter.relax("h")
        decayed.append(limiter.interval("h"))
    assert decayed == [2.5, 1.75, 1.375]


async def test_rate_zero_never_waits_nor_slows_down() -> None:
    clock = FakeClock()
    limiter = limiter_on(clock, rate=0)
    limiter.penalize("h")
    limiter.set_crawl_delay("h", 10.0)
    assert await starts(limiter, clock, "h", 3) == [0.0, 0.0, 0.0]
    assert clock.sleeps == []


async def test_concurrency_per_host_is_capped() -> None:
    limiter = HostLimiter(rate=0, concurrency=2)
    active, peak = 0, 0

    async def work() -> None:
        nonlocal active, peak
        async with limiter.slot("h"):
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            active -= 1

    await asyncio.gather(*(work() for _ in range(6)))
    assert peak == 2


async def test_total_concurrency_caps_requests_over_all_hosts() -> None:
    limiter = HostLimiter(rate=0, concurrency=2, total=3)
    active, peak = 0, 0

    async def work(host: str) -> None:
        nonlocal active, peak
        async with limiter.slot(host):
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            active -= 1

    await asyncio.gather(*(work(f"h{n % 6}") for n in range(12)))
    assert peak == 3


async def test_a_request_waiting_for_its_hosts_turn_holds_no_total_slot() -> None:
    clock, turn = FakeClock(), asyncio.Event()

    async def sleep_until_released(seconds: float) -> None:
        await turn.wait()
        await clock.sleep(seconds)

    limiter = HostLimiter(rate=1.0, total=1, clock=clock.now, sleep=sleep_until_released)
    async with limiter.slot("a"):
        pass
    waiting = asyncio.create_task(starts(limiter, clock, "a", 1))  # its turn is 1 s away
    await asyncio.sleep(0)
    assert await starts(limiter, clock, "b", 1) == [0.0]  # not queued behind "a"
    assert not waiting.done()
    turn.set()
    assert await waiting == [1.0]
