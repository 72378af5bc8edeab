"""The BDP and OPS replicas over real HTTP on loopback: what a crawler sees on the wire."""

from __future__ import annotations

import html
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from praktyki.parsers.decode import decode_html
from praktyki_replica import RunningReplica, running_replica
from praktyki_replica.bdp_site import BdpSite
from praktyki_replica.ops_sites import build_ops_sites


@pytest.fixture(scope="module")
def replica() -> Iterator[RunningReplica]:
    with running_replica([BdpSite(practices=12, seed=5), *build_ops_sites()]) as running:
        yield running


@pytest.fixture(scope="module")
def bdp(replica: RunningReplica) -> str:
    return replica.base_urls["bdp"]


@pytest.fixture(scope="module")
def practice_url(replica: RunningReplica, bdp: str) -> str:
    site = replica.sites["bdp"]
    assert isinstance(site, BdpSite)
    return site.ground_truth(bdp)[0].url


def test_robots_disallows_search_and_sets_crawl_delay(bdp: str) -> None:
    robots = httpx.get(f"{bdp}/robots.txt").text
    assert "Disallow: /szukaj.php" in robots
    assert "Crawl-delay: 1" in robots


@pytest.mark.parametrize("old_host", ["www.dobrepraktyki.pl", "dobrepraktyki.pl"])
def test_old_host_redirects_to_the_archive_on_the_same_port(bdp: str, old_host: str) -> None:
    port = urlsplit(bdp).port
    response = httpx.get(
        f"{bdp}/index.php?p1=111", headers={"Host": f"{old_host}:{port}"}, follow_redirects=False
    )
    assert response.status_code == 301
    assert response.headers["location"] == f"http://127.0.0.1:{port}/index.php?p1=111"


def test_unknown_practice_is_404(bdp: str) -> None:
    assert httpx.get(f"{bdp}/index.php?p1=3&p2=14&art=999999").status_code == 404


def test_conditional_get_answers_304(practice_url: str) -> None:
    first = httpx.get(practice_url)
    etag = first.headers["etag"]
    again = httpx.get(practice_url, headers={"If-None-Match": etag})
    assert (first.status_code, again.status_code, again.content) == (200, 304, b"")


def test_visitor_counter_changes_the_bytes_of_an_unchanged_page(practice_url: str) -> None:
    first, second = httpx.get(practice_url), httpx.get(practice_url)
    assert first.headers["etag"] == second.headers["etag"]
    assert first.content != second.content


def test_gzip_when_asked(practice_url: str) -> None:
    with httpx.stream("GET", practice_url, headers={"Accept-Encoding": "gzip"}) as response:
        assert response.headers["content-encoding"] == "gzip"
        assert b"Metryka praktyki" in response.read()


def test_head_has_no_body_but_the_length_of_one(practice_url: str) -> None:
    response = httpx.head(practice_url, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["content-length"]) > 1000


def test_practice_pages_decode_to_polish_text_whatever_their_charset(
    replica: RunningReplica, bdp: str
) -> None:
    site = replica.sites["bdp"]
    assert isinstance(site, BdpSite)
    charsets = set()
    for practice in site.ground_truth(bdp):
        response = httpx.get(practice.url)
        charsets.add(response.headers["content-type"].split("charset=")[-1].lower())
        text = html.unescape(decode_html(response.content, None).text)
        assert practice.title in " ".join(text.split())
    assert len(charsets) >= 2


def test_attachments_are_served_with_real_bytes(replica: RunningReplica, bdp: str) -> None:
    site = replica.sites["bdp"]
    assert isinstance(site, BdpSite)
    with_files = [s for s in map(site.spec, site.practice_ids()) if s.attachments]
    assert with_files, "the replica gives some practices attachments"
    spec = with_files[0]
    page = httpx.get(f"{bdp}/index.php?p1={spec.p1}&p2={spec.p2}&art={spec.art}&s=3")
    assert page.status_code == 200
    magic = {b"%PDF": "pdf", b"{\\rtf": "rtf", b"\xff\xd8\xff": "jpg"}
    for attachment in spec.attachments:
        body = httpx.get(f"{bdp}/pliki/{spec.art}/{attachment.filename}").content
        assert any(body.startswith(prefix) for prefix in magic)


@pytest.mark.parametrize("site_name", [site.name for site in build_ops_sites()])
def test_every_ops_article_is_served(replica: RunningReplica, site_name: str) -> None:
    base = replica.base_urls[site_name]
    site = replica.sites[site_name]
    urls = {record.url for record in site.ground_truth(base)}  # type: ignore[attr-defined]
    assert urls
    assert all(httpx.get(url).status_code == 200 for url in urls)
