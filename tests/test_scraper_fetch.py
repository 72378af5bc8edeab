"""Fetcher behaviour against httpx.MockTransport handlers (no network, no real waiting)."""

from __future__ import annotations

import datetime as dt
import gzip
import random
import zlib
from collections.abc import AsyncIterator, Callable
from email.utils import format_datetime

import httpx
import pytest

from praktyki.errors import (
    ConfigError,
    HTTPStatusError,
    OffAllowlist,
    RedirectError,
    TooLarge,
    TransportError,
)
from praktyki.scraper.fetch import Fetcher, parse_retry_after
from praktyki.scraper.policy import DEFAULT_USER_AGENT, Limits, Politeness, RetryPolicy
from praktyki.scraper.urls import Allowlist

BASE = "http://site.test"
NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
Handler = Callable[[httpx.Request], httpx.Response]
Make = Callable[[], httpx.Response]


class Recorder:
    """A handler wrapper that counts requests, and the sleeps the fetcher asked for."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.handler(request)

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


def make_fetcher(
    rec: Recorder,
    *,
    policy: RetryPolicy | None = None,
    limits: Limits | None = None,
) -> Fetcher:
    client = httpx.AsyncClient(transport=httpx.MockTransport(rec))
    return Fetcher(
        client,
        allowlist=Allowlist(["site.test", "other.test"]),
        policy=policy or RetryPolicy(jitter=False),
        limits=limits or Limits(),
        politeness=Politeness(rate_per_host=0, obey_robots=False),
        sleep=rec.sleep,
        now=lambda: NOW,
        rng=random.Random(1),
    )


class Raw(httpx.AsyncByteStream):
    """Bytes as a raw network stream (``httpx.Response(content=bytes)`` is pre-read)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for i in range(0, len(self.data), 4096):
            yield self.data[i : i + 4096]


def reply(status: int = 200, body: bytes = b"", **headers: str) -> Make:
    """A factory of fresh responses (a response's stream can be read only once)."""
    sent = {k.replace("_", "-"): v for k, v in headers.items()}
    sent.setdefault("content-length", str(len(body)))
    return lambda: httpx.Response(status, stream=Raw(body), headers=sent)


def sequence(*replies: Make) -> Handler:
    """Answer with the given replies in turn, repeating the last one."""
    answers = list(replies)

    def handler(request: httpx.Request) -> httpx.Response:
        return (answers.pop(0) if len(answers) > 1 else answers[0])()

    return handler


def ok(body: bytes = b"<html>ok</html>") -> Make:
    return reply(200, body, content_type="text/html")


async def test_plain_fetch_returns_body_headers_and_metadata() -> None:
    rec = Recorder(sequence(ok()))
    result = await make_fetcher(rec).fetch(f"{BASE}/index.php?art=5&p1=6#x")
    assert (result.status, result.body, result.content_type) == (
        200,
        b"<html>ok</html>",
        "text/html",
    )
    assert result.url == result.final_url == f"{BASE}/index.php?p1=6&art=5"
    assert (result.attempts, result.redirects, result.fetched_at) == (1, (), NOW)


async def test_sends_honest_user_agent_and_only_encodings_it_can_cut() -> None:
    rec = Recorder(sequence(ok()))
    await make_fetcher(rec).fetch(f"{BASE}/")
    sent = rec.requests[0].headers
    assert sent["user-agent"] == DEFAULT_USER_AGENT
    assert "+https://" in sent["user-agent"]
    assert sent["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
async def test_retryable_status_is_retried_after_retry_after_seconds(status: int) -> None:
    rec = Recorder(sequence(reply(status, retry_after="3"), ok()))
    result = await make_fetcher(rec).fetch(f"{BASE}/")
    assert (result.status, result.attempts, rec.sleeps) == (200, 2, [3.0])


async def test_retry_after_http_date_is_honoured() -> None:
    when = format_datetime(NOW + dt.timedelta(seconds=7), usegmt=True)
    rec = Recorder(sequence(reply(503, retry_after=when), ok()))
    await make_fetcher(rec).fetch(f"{BASE}/")
    assert rec.sleeps == [7.0]


async def test_retry_after_is_capped() -> None:
    rec = Recorder(sequence(reply(429, retry_after="86400"), ok()))
    await make_fetcher(rec).fetch(f"{BASE}/")
    assert rec.sleeps == [60.0]


async def test_backoff_is_exponential_without_retry_after_then_gives_up() -> None:
    rec = Recorder(sequence(reply(503)))
    with pytest.raises(HTTPStatusError) as info:
        await make_fetcher(rec).fetch(f"{BASE}/")
    assert info.value.status == 503
    assert rec.sleeps == [0.5, 1.0, 2.0]
    assert len(rec.requests) == 4


async def test_backoff_is_capped_at_backoff_max() -> None:
    policy = RetryPolicy(max_attempts=6, backoff_base=1.0, backoff_max=4.0, jitter=False)
    rec = Recorder(sequence(reply(500)))
    with pytest.raises(HTTPStatusError):
        await make_fetcher(rec, policy=policy).fetch(f"{BASE}/")
    assert rec.sleeps == [1.0, 2.0, 4.0, 4.0, 4.0]


async def test_jittered_backoff_stays_between_half_and_full_delay() -> None:
    rec = Recorder(sequence(reply(502)))
    with pytest.raises(HTTPStatusError):
        await make_fetcher(rec, policy=RetryPolicy(jitter=True)).fetch(f"{BASE}/")
    for slept, full in zip(rec.sleeps, [0.5, 1.0, 2.0], strict=True):
        assert full / 2 <= slept <= full


async def test_give_up_message_counts_attempts() -> None:
    rec = Recorder(sequence(reply(500)))
    with pytest.raises(HTTPStatusError, match="after 2 attempts"):
        await make_fetcher(rec, policy=RetryPolicy(max_attempts=2, jitter=False)).fetch(BASE)


async def test_non_retryable_404_fails_at_once() -> None:
    rec = Recorder(sequence(reply(404)))
    with pytest.raises(HTTPStatusError) as info:
        await make_fetcher(rec).fetch(f"{BASE}/missing")
    assert (info.value.status, info.value.url, len(rec.requests), rec.sleeps) == (
        404,
        f"{BASE}/missing",
        1,
        [],
    )


async def test_connection_errors_are_retried_then_raised_as_transport_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    rec = Recorder(refuse)
    with pytest.raises(TransportError, match="ConnectError"):
        await make_fetcher(rec).fetch(f"{BASE}/")
    assert len(rec.requests) == 4


def redirects(routes: dict[str, str]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        target = routes.get(str(request.url))
        return reply(302, location=target)() if target else ok()()

    return handler


async def test_redirect_is_followed_and_chain_kept() -> None:
    rec = Recorder(redirects({f"{BASE}/a": "/b", f"{BASE}/b": "http://OTHER.test/c"}))
    result = await make_fetcher(rec).fetch(f"{BASE}/a")
    assert (result.url, result.final_url) == (f"{BASE}/a", "http://other.test/c")
    assert result.redirects == (f"{BASE}/b", "http://other.test/c")
    assert result.attempts == 3


async def test_off_host_redirect_refused_without_contacting_other_host() -> None:
    rec = Recorder(redirects({f"{BASE}/a": "http://evil.test/steal"}))
    with pytest.raises(OffAllowlist, match=r"evil\.test") as info:
        await make_fetcher(rec).fetch(f"{BASE}/a")
    assert info.value.url == f"{BASE}/a"
    assert [r.url.host for r in rec.requests] == ["site.test"]


async def test_redirect_loop_is_refused() -> None:
    rec = Recorder(redirects({f"{BASE}/a": "/b", f"{BASE}/b": "/a"}))
    with pytest.raises(RedirectError, match="loop"):
        await make_fetcher(rec).fetch(f"{BASE}/a")
    assert len(rec.requests) == 2


async def test_more_than_max_redirects_is_refused() -> None:
    def endless(request: httpx.Request) -> httpx.Response:
        n = int(request.url.path.strip("/") or 0)
        return reply(301, location=f"/{n + 1}")()

    rec = Recorder(endless)
    with pytest.raises(RedirectError, match="more than 3"):
        await make_fetcher(rec, limits=Limits(max_redirects=3)).fetch(f"{BASE}/0")
    assert len(rec.requests) == 4


async def test_redirect_to_non_http_location_is_refused() -> None:
    rec = Recorder(redirects({f"{BASE}/a": "mailto:x@y.pl"}))
    with pytest.raises(RedirectError, match="Location"):
        await make_fetcher(rec).fetch(f"{BASE}/a")


async def test_conditional_get_sends_validators_and_returns_304() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        fresh = request.headers.get("if-none-match") == '"v1"'
        return reply(304, etag='"v1"')() if fresh else ok()()

    rec = Recorder(handler)
    fetcher = make_fetcher(rec)
    last_modified = "Wed, 01 May 2024 10:00:00 GMT"
    result = await fetcher.fetch(f"{BASE}/", etag='"v1"', last_modified=last_modified)
    assert (result.status, result.body, result.etag) == (304, b"", '"v1"')
    assert rec.requests[0].headers["if-modified-since"] == last_modified
    assert fetcher.stats.not_modified == 1


class Body:
    """A streamed body of ``chunks`` chunks (None: endless), counting what was pulled."""

    def __init__(self, chunk: bytes, chunks: int | None = None) -> None:
        self.chunk, self.chunks, self.pulled = chunk, chunks, 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.chunks is None or self.pulled < self.chunks:
            self.pulled += 1
            yield self.chunk


async def test_content_length_over_limit_is_refused_before_reading() -> None:
    body = Body(b"x" * 1000, 5)
    rec = Recorder(lambda r: httpx.Response(200, content=body, headers={"content-length": "5000"}))
    with pytest.raises(TooLarge, match="Content-Length"):
        await make_fetcher(rec, limits=Limits(max_body_bytes=4000)).fetch(f"{BASE}/")
    assert body.pulled == 0


async def test_streamed_body_is_cut_at_the_limit() -> None:
    body = Body(b"x" * 1024)  # endless, no Content-Length
    rec = Recorder(lambda r: httpx.Response(200, content=body))
    with pytest.raises(TooLarge):
        await make_fetcher(rec, limits=Limits(max_body_bytes=10 * 1024)).fetch(f"{BASE}/")
    assert body.pulled == 11


async def test_gzip_bomb_is_cut_after_the_limit() -> None:
    bomb = gzip.compress(b"\0" * (16 * 1024 * 1024), compresslevel=9)  # 16 MiB of zeros
    assert len(bomb) < 32 * 1024
    rec = Recorder(sequence(reply(200, bomb, content_encoding="gzip")))
    with pytest.raises(TooLarge, match="after decompression"):
        await make_fetcher(rec, limits=Limits(max_body_bytes=256 * 1024)).fetch(f"{BASE}/")


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        pytest.param("gzip", gzip.compress, id="gzip"),
        pytest.param("deflate", zlib.compress, id="deflate-zlib-wrapped"),
        pytest.param("deflate", lambda b: zlib.compress(b, wbits=-15), id="deflate-raw"),
        pytest.param("identity", lambda b: b, id="identity"),
    ],
)
async def test_compressed_body_is_decoded(encoding: str, encode: Callable[[bytes], bytes]) -> None:
    text = "Zażółć gęślą jaźń ".encode() * 500
    response = reply(200, encode(text), content_encoding=encoding)
    result = await make_fetcher(Recorder(sequence(response))).fetch(f"{BASE}/")
    assert result.body == text


async def test_two_gzip_members_are_both_decoded() -> None:
    payload = gzip.compress(b"first ") + gzip.compress(b"second")
    response = reply(200, payload, content_encoding="gzip")
    result = await make_fetcher(Recorder(sequence(response))).fetch(f"{BASE}/")
    assert result.body == b"first second"


async def test_unsupported_content_encoding_is_a_transport_error() -> None:
    response = reply(200, b"??", content_encoding="br")
    with pytest.raises(TransportError, match="Content-Encoding"):
        await make_fetcher(Recorder(sequence(response))).fetch(f"{BASE}/")


async def test_truncated_gzip_body_is_retried() -> None:
    whole = gzip.compress(b"a" * 10_000 + bytes(range(256)) * 100)
    cut = reply(200, whole[: len(whole) // 2], content_encoding="gzip")
    full = reply(200, whole, content_encoding="gzip")
    rec = Recorder(sequence(cut, full))
    result = await make_fetcher(rec).fetch(f"{BASE}/")
    assert (result.attempts, len(result.body)) == (2, 10_000 + 25_600)


class Truncated:
    """A body stream that breaks off like a connection closed mid-body."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b"<html>half"
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")


async def test_truncated_body_is_retried() -> None:
    rec = Recorder(sequence(lambda: httpx.Response(200, content=Truncated()), ok(b"whole")))
    result = await make_fetcher(rec).fetch(f"{BASE}/")
    assert (result.body, result.attempts) == (b"whole", 2)


async def test_client_following_redirects_itself_is_refused() -> None:
    client = httpx.AsyncClient(transport=httpx.MockTransport(sequence(ok())), follow_redirects=True)
    with pytest.raises(ConfigError):
        Fetcher(client, allowlist=Allowlist(["site.test"]))


async def test_url_off_allowlist_is_refused_without_request() -> None:
    rec = Recorder(sequence(ok()))
    with pytest.raises(OffAllowlist):
        await make_fetcher(rec).fetch("http://elsewhere.test/")
    assert rec.requests == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        (" 5 ", 5.0),
        (format_datetime(NOW + dt.timedelta(minutes=2), usegmt=True), 120.0),
        (format_datetime(NOW - dt.timedelta(minutes=2), usegmt=True), 0.0),
        ("soon", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, NOW) == expected
