"""Each fault kind as a client sees it, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import threading

import httpx
import pytest
from conftest import ReplicaFactory, ToySite

from praktyki_replica import RunningReplica, parse_fault_spec, running_replica

MB = 1024 * 1024
SHORT = httpx.Timeout(5.0, read=0.5)


def start(factory: ReplicaFactory, spec: str, seed: int = 0, **sizes: int) -> RunningReplica:
    plan = dataclasses.replace(parse_fault_spec(spec, seed=seed), **sizes)
    return factory([ToySite("toy")], faults=plan)


def url(replica: RunningReplica, target: str = "/page?id=1") -> str:
    return replica.base_url("toy") + target


@pytest.mark.parametrize("status", [500, 502])
def test_server_errors(replica_factory: ReplicaFactory, status: int) -> None:
    replica = start(replica_factory, str(status))
    assert httpx.get(url(replica)).status_code == status


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_statuses(replica_factory: ReplicaFactory, status: int) -> None:
    replica = start(replica_factory, str(status))
    response = httpx.get(url(replica))
    assert response.status_code == status
    assert response.headers["retry-after"] == "1"


def test_transient_fault_clears_on_retry_over_one_connection(
    replica_factory: ReplicaFactory,
) -> None:
    replica = start(replica_factory, "503x2")
    with httpx.Client() as client:
        statuses = [client.get(url(replica)).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert replica.stats.connections["toy"] == 1


def test_persistent_fault_never_clears(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "500@/page?id=7")
    with httpx.Client() as client:
        statuses = [client.get(url(replica, "/page?id=7")).status_code for _ in range(4)]
        other = client.get(url(replica, "/page?id=8")).status_code
    assert statuses == [500] * 4
    assert other == 200


def test_robots_txt_is_never_faulted_by_default(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "500!")
    assert httpx.get(url(replica, "/robots.txt")).status_code == 200
    assert httpx.get(url(replica, "/")).status_code == 500


def test_hang_times_out_the_client(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "hang")
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(url(replica), timeout=SHORT)


def test_a_hang_does_not_block_other_requests(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "hang@/page?id=1")
    with httpx.Client(timeout=SHORT) as hanging, pytest.raises(httpx.ReadTimeout):
        hanging.get(url(replica))
    assert httpx.get(url(replica, "/page?id=2"), timeout=SHORT).status_code == 200


def test_hang_ends_with_a_close_after_its_bound(replica_factory: ReplicaFactory) -> None:
    plan = dataclasses.replace(parse_fault_spec("hang"), hang_seconds=0.2)
    replica = replica_factory([ToySite("toy")], faults=plan)
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(url(replica), timeout=5)


def test_reset_breaks_the_connection(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "reset")
    with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        httpx.get(url(replica))


def test_truncate_sends_fewer_bytes_than_announced(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "truncate")
    with pytest.raises(httpx.RemoteProtocolError, match="incomplete|closed"):
        httpx.get(url(replica), headers={"Accept-Encoding": "identity"})


def test_oversize_body_is_streamed_in_full(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "oversize", oversize_bytes=20 * MB)
    with httpx.stream("GET", url(replica)) as response:
        assert response.headers["content-length"] == str(20 * MB)
        received = sum(len(chunk) for chunk in response.iter_raw())
    assert received == 20 * MB


def test_oversize_reader_may_give_up_early(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "oversize@/page?id=1", oversize_bytes=20 * MB)
    with httpx.Client() as client:
        with client.stream("GET", url(replica)) as response:
            next(response.iter_raw())
        assert client.get(url(replica, "/page?id=2")).status_code == 200


def test_gzip_bomb_inflates_past_a_limit(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "gzipbomb", bomb_bytes=64 * MB)
    inflated = 0
    with httpx.stream("GET", url(replica)) as response:
        compressed = int(response.headers["content-length"])
        assert response.headers["content-encoding"] == "gzip"
        for chunk in response.iter_bytes():
            inflated += len(chunk)
            if inflated > 16 * MB:
                break
    assert compressed < MB
    assert inflated > 16 * MB


def test_redirect_loop_bounces_between_two_urls(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "redirectloop")
    with httpx.Client(base_url=replica.base_url("toy")) as client:
        first = client.get("/page?id=1").headers["location"]
        second = client.get(first).headers["location"]
        third = client.get(second).headers["location"]
    assert first != second
    assert third == first


def test_redirect_loop_defeats_a_following_client(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "redirectloop")
    with pytest.raises(httpx.TooManyRedirects):
        httpx.get(url(replica), follow_redirects=True)


def test_offhost_redirect_points_away(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "offhost")
    response = httpx.get(url(replica))
    assert response.status_code == 302
    assert httpx.URL(response.headers["location"]).host == "offsite.invalid"


@pytest.mark.parametrize("target", ["/page?id=1", "/legacy"], ids=["utf-8-page", "iso-8859-2-page"])
def test_badcharset_header_lies_about_the_bytes(
    replica_factory: ReplicaFactory, target: str
) -> None:
    replica = start(replica_factory, "badcharset")
    response = httpx.get(url(replica, target))
    assert response.charset_encoding == "utf-8"
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")


def test_malformed_html_is_served_as_200(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "malformed")
    with httpx.Client() as client:
        broken = client.get(url(replica))
        intact = client.get(url(replica))
    assert broken.status_code == 200
    assert b"</html>" not in broken.content
    assert intact.content.endswith(b"</html>")


def test_faults_are_counted_by_kind(replica_factory: ReplicaFactory) -> None:
    replica = start(replica_factory, "500@/page?id=1,429@/page?id=2")
    with httpx.Client() as client:
        for target in ["/page?id=1", "/page?id=1", "/page?id=2", "/page?id=3"]:
            client.get(url(replica, target))
    assert replica.stats.faults == {"500": 2, "429": 1}
    assert replica.stats.requests["toy"] == 4


def fetch_statuses(replica: RunningReplica, targets: list[str]) -> dict[str, int]:
    with httpx.Client(timeout=SHORT) as client:
        return {target: client.get(url(replica, target)).status_code for target in targets}


def test_same_seed_same_faults_over_http(replica_factory: ReplicaFactory) -> None:
    targets = [f"/page?id={n}" for n in range(40)]
    first = fetch_statuses(start(replica_factory, "500:0.3,429:0.2", seed=3), targets)
    second = fetch_statuses(start(replica_factory, "500:0.3,429:0.2", seed=3), targets[::-1])
    assert first == second
    assert set(first.values()) == {200, 429, 500}


def test_stop_ends_hanging_and_idle_connections() -> None:
    plan = parse_fault_spec("hang@/page?id=1")
    errors: list[Exception] = []

    def hang(base: str) -> None:
        try:
            httpx.get(f"{base}/page?id=1", timeout=10)
        except httpx.HTTPError as exc:
            errors.append(exc)

    # the replica stops first (inner context) while the idle client still holds its connection
    with httpx.Client() as idle, running_replica([ToySite("toy")], faults=plan) as replica:
        idle.get(url(replica, "/page?id=2"))  # leaves an idle keep-alive connection open
        waiter = threading.Thread(target=hang, args=(replica.base_url("toy"),))
        waiter.start()
        for _ in range(500):
            if replica.stats.faults.get("hang"):
                break
            threading.Event().wait(0.01)
    waiter.join(5)
    assert not waiter.is_alive()
    assert isinstance(errors[0], httpx.RemoteProtocolError)
    with pytest.raises(httpx.ConnectError):
        httpx.get(url(replica, "/page?id=2"))
    assert replica.stats.requests["toy"] == 2  # still readable after the stop
