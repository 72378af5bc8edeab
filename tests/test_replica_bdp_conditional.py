"""The BDP replica answers a matching conditional GET without rendering the practice page."""

from __future__ import annotations

import httpx
import pytest
from conftest import ReplicaFactory

from praktyki_replica import parse_fault_spec
from praktyki_replica.bdp_site import BdpSite

PAGE = "/index.php?p1={p1}&p2={p2}&art={art}"


@pytest.fixture
def site() -> BdpSite:
    return BdpSite(practices=5)


def practice_url(site: BdpSite, base: str) -> str:
    spec = site.spec(site.practice_ids()[-1])
    return base + PAGE.format(p1=spec.p1, p2=spec.p2, art=spec.art)


@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_matching_etag_gets_304_without_rendering(
    site: BdpSite, replica_factory: ReplicaFactory, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    base = replica_factory([site]).base_url("bdp")
    url = practice_url(site, base)
    with httpx.Client(headers={"Accept-Encoding": encoding}) as client:
        first = client.get(url)
        rendered: list[int] = []
        original = site.render_practice
        monkeypatch.setattr(site, "render_practice", lambda *a: rendered.append(1) or original(*a))
        again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert (again.status_code, again.headers["etag"], rendered) == (304, first.headers["etag"], [])


def test_other_etag_gets_the_page(site: BdpSite, replica_factory: ReplicaFactory) -> None:
    base = replica_factory([site]).base_url("bdp")
    url = practice_url(site, base)
    with httpx.Client() as client:
        page = client.get(url, headers={"If-None-Match": '"bdp-0-v9-s1"'})
    assert page.status_code == 200
    assert len(page.content) > 1000


def test_a_malformed_fault_still_sends_a_body_to_a_conditional_get(
    site: BdpSite, replica_factory: ReplicaFactory
) -> None:
    base = replica_factory([site], faults=parse_fault_spec("malformed")).base_url("bdp")
    url = practice_url(site, base)
    with httpx.Client() as client:
        etag = f'"bdp-{site.practice_ids()[-1]}-v1-s1"'
        page = client.get(url, headers={"If-None-Match": etag})
    assert page.status_code == 200
    assert len(page.content) > 1000
