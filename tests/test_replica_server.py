"""The replica server over real HTTP on 127.0.0.1: framing, keep-alive, HEAD, gzip, 304, errors."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import httpx
import pytest
from conftest import ReplicaFactory, ToySite, free_port_run

from praktyki.errors import ConfigError
from praktyki_replica import ReplicaServer, Request, Resource, RunningReplica

IDENTITY = {"Accept-Encoding": "identity"}


def raw_exchange(base_url: str, payload: bytes) -> bytes:
    """Send raw bytes, half-close, and read everything the server answers until it closes."""
    split = urlsplit(base_url)
    with socket.create_connection((split.hostname, split.port), timeout=5) as sock:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status_of(raw: bytes) -> int:
    return int(raw.split(b" ", 2)[1])


@pytest.fixture
def toy(replica_factory: ReplicaFactory) -> RunningReplica:
    return replica_factory([ToySite("toy"), ToySite("other")])


def test_base_urls_list_sites_in_order_on_loopback(toy: RunningReplica) -> None:
    assert list(toy.base_urls) == ["toy", "other"]
    assert all(url.startswith("http://127.0.0.1:") for url in toy.base_urls.values())
    assert len(set(toy.base_urls.values())) == 2


def test_each_site_answers_on_its_own_port(toy: RunningReplica) -> None:
    with httpx.Client() as client:
        titles = [
            client.get(f"{url}/").text.split("<title>")[1][:5] for url in toy.base_urls.values()
        ]
    assert titles == ["toy 0", "other"]


def test_keep_alive_reuses_one_connection(toy: RunningReplica) -> None:
    with httpx.Client() as client:
        for page in range(5):
            assert client.get(f"{toy.base_url('toy')}/page?id={page}").status_code == 200
    assert toy.stats.connections["toy"] == 1
    assert toy.stats.requests["toy"] == 5


def test_connection_close_is_honoured(toy: RunningReplica) -> None:
    with httpx.Client(headers={"Connection": "close"}) as client:
        first = client.get(f"{toy.base_url('toy')}/")
        client.get(f"{toy.base_url('toy')}/")
    assert first.headers["connection"] == "close"
    assert toy.stats.connections["toy"] == 2


def test_pipelined_requests_are_answered_in_order(toy: RunningReplica) -> None:
    host = urlsplit(toy.base_url("toy")).netloc.encode()
    requests = b"".join(
        b"GET /page?id=%d HTTP/1.1\r\nHost: %s\r\n\r\n" % (page, host) for page in (7, 8)
    )
    raw = raw_exchange(
        toy.base_url("toy"), requests + b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    assert raw.count(b"HTTP/1.1 200 OK") == 3
    assert raw.index(b"Strona 7") < raw.index(b"Strona 8") < raw.index(b"Strona 0")


def test_http10_request_without_host_is_served_and_closed(toy: RunningReplica) -> None:
    raw = raw_exchange(toy.base_url("toy"), b"GET /page?id=5 HTTP/1.0\r\n\r\n")
    assert status_of(raw) == 200
    assert b"Connection: close" in raw
    assert f'href="{toy.base_url("toy")}/page?id=51"'.encode() in raw


def test_date_and_server_headers(toy: RunningReplica) -> None:
    response = httpx.get(f"{toy.base_url('toy')}/")
    assert response.headers["server"].startswith("praktyki-replica/")
    assert response.headers["date"].endswith(" GMT")


@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_head_has_get_headers_and_no_body(toy: RunningReplica, encoding: str) -> None:
    url = f"{toy.base_url('toy')}/page?id=1"
    headers = {"Accept-Encoding": encoding}
    with httpx.Client() as client:
        get = client.get(url, headers=headers)
        head = client.head(url, headers=headers)
        after = client.get(url, headers=headers)  # the connection is still in sync
    assert head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"]
    assert head.headers.get("content-encoding") == get.headers.get("content-encoding")
    assert after.text == get.text
    assert toy.stats.connections["toy"] == 1


@pytest.mark.parametrize(
    ("accept_encoding", "gzipped"),
    [
        ("gzip", True),
        ("gzip, deflate, br", True),
        ("deflate;q=1, gzip;q=0.5", True),
        ("*", True),
        ("identity", False),
        ("gzip;q=0", False),
        ("br", False),
    ],
)
def test_gzip_follows_accept_encoding(
    toy: RunningReplica, accept_encoding: str, gzipped: bool
) -> None:
    response = httpx.get(f"{toy.base_url('toy')}/", headers={"Accept-Encoding": accept_encoding})
    assert (response.headers.get("content-encoding") == "gzip") is gzipped
    assert response.headers["vary"] == "Accept-Encoding"
    assert "Zażółć" in response.text


def test_gzip_shrinks_a_20_kb_page(toy: RunningReplica) -> None:
    response = httpx.get(f"{toy.base_url('toy')}/", headers={"Accept-Encoding": "gzip"})
    assert int(response.headers["content-length"]) < len(response.content) // 5


def test_binary_files_are_not_gzipped(toy: RunningReplica) -> None:
    response = httpx.get(f"{toy.base_url('toy')}/file.pdf", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in response.headers
    assert response.content.startswith(b"%PDF")


def test_gzip_weakens_a_strong_etag(toy: RunningReplica) -> None:
    url = f"{toy.base_url('toy')}/page?id=2"
    assert httpx.get(url, headers=IDENTITY).headers["etag"] == '"toy-2"'
    assert httpx.get(url, headers={"Accept-Encoding": "gzip"}).headers["etag"] == 'W/"toy-2"'


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"If-None-Match": '"toy-3"'}, 304),
        ({"If-None-Match": 'W/"toy-3"'}, 304),
        ({"If-None-Match": '"nope", "toy-3"'}, 304),
        ({"If-None-Match": "*"}, 304),
        ({"If-None-Match": '"toy-4"'}, 200),
        ({"If-Modified-Since": "Fri, 01 Mar 2024 12:00:00 GMT"}, 304),
        ({"If-Modified-Since": "Sat, 02 Mar 2024 00:00:00 GMT"}, 304),
        ({"If-Modified-Since": "Fri, 01 Mar 2024 11:59:59 GMT"}, 200),
        ({"If-Modified-Since": "not a date"}, 200),
        # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
        ({"If-None-Match": '"old"', "If-Modified-Since": "Sat, 02 Mar 2024 00:00:00 GMT"}, 200),
    ],
    ids=[
        "etag-strong",
        "etag-weak-matches-strong",
        "etag-in-list",
        "etag-star",
        "etag-other",
        "ims-equal",
        "ims-later",
        "ims-earlier",
        "ims-garbage",
        "inm-beats-ims",
    ],
)
def test_conditional_get(toy: RunningReplica, headers: dict[str, str], status: int) -> None:
    response = httpx.get(f"{toy.base_url('toy')}/page?id=3", headers=headers)
    assert response.status_code == status


def test_304_has_validators_and_no_body(toy: RunningReplica) -> None:
    url = f"{toy.base_url('toy')}/page?id=3"
    with httpx.Client() as client:
        response = client.get(url, headers={"If-None-Match": '"toy-3"', **IDENTITY})
        again = client.get(url, headers=IDENTITY)
    assert response.content == b""
    assert response.headers["etag"] == '"toy-3"'
    assert response.headers["last-modified"] == "Fri, 01 Mar 2024 12:00:00 GMT"
    assert again.status_code == 200


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
        (b"GET relative HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        (b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 20_000 + b"\r\n\r\n", 431),
        (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-H: 1\r\n" * 200 + b"\r\n", 431),
        (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
        (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n", 413),
        (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", 405),
        (b"DELETE / HTTP/1.1\r\nHost: x\r\n\r\n", 405),
        (b"GET /missing HTTP/1.1\r\nHost: x\r\n\r\n", 404),
        (b"GET http://x/page?id=1 HTTP/1.1\r\nHost: x\r\n\r\n", 200),
        (b"GET / HTTP/1.1\nHost: x\n\n", 200),
    ],
    ids=[
        "no-request-line",
        "http11-without-host",
        "header-without-colon",
        "obsolete-line-folding",
        "relative-target",
        "http2-version",
        "uri-too-long",
        "header-too-long",
        "too-many-headers",
        "bad-content-length",
        "chunked-request-body",
        "request-body-too-large",
        "post",
        "delete",
        "unknown-path-from-site",
        "absolute-form-target",
        "bare-lf-line-ends",
    ],
)
def test_request_errors_get_their_status(toy: RunningReplica, payload: bytes, status: int) -> None:
    assert status_of(raw_exchange(toy.base_url("toy"), payload)) == status


def test_405_names_the_allowed_methods(toy: RunningReplica) -> None:
    response = httpx.post(f"{toy.base_url('toy')}/", content=b"x")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"


def test_bad_request_is_not_counted_as_served(toy: RunningReplica) -> None:
    raw_exchange(toy.base_url("toy"), b"GARBAGE\r\n\r\n")
    assert toy.stats.requests.get("toy", 0) == 0


class BrokenSite:
    name = "broken"

    def handle(self, request: Request) -> Resource:
        raise RuntimeError(f"bug on {request.path}")


def test_a_failing_site_answers_500_and_keeps_serving(
    replica_factory: ReplicaFactory, caplog: pytest.LogCaptureFixture
) -> None:
    replica = replica_factory([BrokenSite()])
    with httpx.Client() as client:
        statuses = [client.get(f"{replica.base_url('broken')}/x").status_code for _ in range(2)]
    assert statuses == [500, 500]
    assert "site broken failed on /x" in caplog.text


def test_port_fixes_consecutive_ports_for_the_sites(replica_factory: ReplicaFactory) -> None:
    port = free_port_run(2)
    replica = replica_factory([ToySite("first"), ToySite("second")], port=port)
    assert replica.base_url("first") == f"http://127.0.0.1:{port}"
    assert replica.base_url("second") == f"http://127.0.0.1:{port + 1}"


def test_port_in_use_is_a_config_error(replica_factory: ReplicaFactory) -> None:
    busy = replica_factory([ToySite("busy")])
    port = int(busy.base_url("busy").rsplit(":", 1)[1])
    with pytest.raises(ConfigError, match="cannot listen"):
        replica_factory([ToySite("again")], port=port)


@pytest.mark.parametrize("host", ["0.0.0.0", "10.0.0.1", "::1", "example.org", ""])
def test_non_loopback_hosts_are_refused(host: str) -> None:
    with pytest.raises(ConfigError):
        ReplicaServer([ToySite()], host=host)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost"])
def test_loopback_hosts_are_accepted(host: str) -> None:
    ReplicaServer([ToySite()], host=host)


def test_duplicate_site_names_are_refused() -> None:
    with pytest.raises(ConfigError, match="unique"):
        ReplicaServer([ToySite("same"), ToySite("same")])


def test_unknown_site_name_is_a_config_error(toy: RunningReplica) -> None:
    with pytest.raises(ConfigError, match="nope"):
        toy.base_url("nope")
