"""BDP replica routing, called in-process: every URL kind, 404s, redirect, robots, files."""

from __future__ import annotations

import pytest

from praktyki_replica.bdp_site import BdpSite
from praktyki_replica.site import Request, Resource

HOST = "127.0.0.1:8765"


@pytest.fixture(scope="module")
def site() -> BdpSite:
    return BdpSite(practices=60, seed=0)


def get(site: BdpSite, target: str, host: str = HOST, method: str = "GET") -> Resource:
    path, _, query = target.partition("?")
    return site.handle(Request(method, path, query, {"host": host}))


@pytest.mark.parametrize(
    ("target", "status", "content_type"),
    [
        ("/", 200, "text/html; charset=ISO-8859-2"),
        ("/index.php?p1=111", 200, "text/html; charset=ISO-8859-2"),
        ("/index.php?p1=3", 200, "text/html; charset=ISO-8859-2"),
        ("/index.php?p1=12", 200, "text/html; charset=ISO-8859-2"),
        ("/index.php?p1=3&p2=12", 200, "text/html; charset=ISO-8859-2"),
        ("/index.php?p1=3&p2=12&str=1", 200, "text/html; charset=ISO-8859-2"),
        ("/index.php?p1=3&p2=12&art=402", 200, "text/html; charset=ISO-8859-2"),
        ("/index.php?art=402&p2=12&p1=3&s=1", 200, "text/html; charset=ISO-8859-2"),
        ("/index.php?p1=3&p2=12&art=402&s=2", 200, "text/html; charset=ISO-8859-2"),
        ("/index.php?p1=7&p2=24&art=1187", 200, "text/html"),
        ("/index.php?p1=3&p2=12&art=219&s=3", 200, "text/html; charset=utf-8"),
        ("/robots.txt", 200, "text/plain; charset=utf-8"),
        ("/szukaj.php?q=gmina", 200, "text/html; charset=utf-8"),
    ],
    ids=lambda v: str(v),
)
def test_url_kind_answers_with_status_and_content_type(
    site: BdpSite, target: str, status: int, content_type: str
) -> None:
    resource = get(site, target)
    assert (resource.status, resource.content_type) == (status, content_type)


@pytest.mark.parametrize(
    "target",
    [
        "/index.php?p1=3&p2=12&art=999999",
        "/index.php?p1=3&p2=12&art=abc",
        "/index.php?p1=4&p2=41&art=402",
        "/index.php?p1=3&p2=12&art=402&s=3",
        "/index.php?p1=3&p2=12&art=402&s=7",
        "/index.php?p1=77",
        "/index.php?p1=3&p2=99",
        "/index.php?p1=3&p2=12&str=50",
        "/pliki/219/nie_ma.pdf",
        "/nowhere.html",
    ],
    ids=[
        "unknown-art",
        "non-numeric-art",
        "art-under-another-section",
        "attachments-tab-without-attachments",
        "unknown-tab",
        "unknown-section",
        "unknown-subsection",
        "listing-page-past-the-end",
        "unknown-attachment",
        "unknown-path",
    ],
)
def test_unknown_things_answer_404_with_a_page(site: BdpSite, target: str) -> None:
    resource = get(site, target)
    assert resource.status == 404
    assert b"Nie znaleziono" in resource.body


@pytest.mark.parametrize(
    ("host", "location"),
    [
        ("www.dobrepraktyki.pl:8765", "http://127.0.0.1:8765/index.php?p1=3&p2=12&art=402"),
        ("dobrepraktyki.pl:8765", "http://127.0.0.1:8765/index.php?p1=3&p2=12&art=402"),
        ("www.dobrepraktyki.pl", "http://127.0.0.1/index.php?p1=3&p2=12&art=402"),
    ],
)
def test_old_host_is_redirected_permanently_to_loopback(
    site: BdpSite, host: str, location: str
) -> None:
    resource = get(site, "/index.php?p1=3&p2=12&art=402", host=host)
    assert resource.status == 301
    assert dict(resource.headers)["Location"] == location


def test_robots_disallows_the_search_endpoint_with_a_crawl_delay(site: BdpSite) -> None:
    body = get(site, "/robots.txt").body.decode()
    assert "Disallow: /szukaj.php" in body
    assert "Crawl-delay: 1" in body


def test_search_endpoint_is_linked_from_pages(site: BdpSite) -> None:
    assert b"szukaj.php" in get(site, "/index.php?p1=3&p2=12&art=402").body


def test_post_is_not_allowed(site: BdpSite) -> None:
    assert get(site, "/", method="POST").status == 405


MAGIC = {
    "application/pdf": b"%PDF-",
    "application/msword": b"{\\rtf1",
    "image/jpeg": b"\xff\xd8\xff",
}


def test_every_attachment_starts_with_the_magic_number_of_its_type(site: BdpSite) -> None:
    checked = 0
    for practice_id in site.practice_ids():
        spec = site.spec(practice_id)
        for attachment in spec.attachments:
            resource = get(site, f"/pliki/{spec.art}/{attachment.filename}")
            assert resource.status == 200
            assert resource.body.startswith(MAGIC[resource.content_type]), attachment.filename
            checked += 1
    assert checked > 3


def test_jpeg_has_start_frame_scan_and_end_markers() -> None:
    from praktyki_replica.files import tiny_jpeg

    data = tiny_jpeg(4, 3, 7)
    assert data.startswith(b"\xff\xd8\xff\xe0")
    assert b"\xff\xc0" in data
    assert b"\xff\xda" in data
    assert data.endswith(b"\xff\xd9")


def test_pdf_has_a_cross_reference_table_pointing_at_its_objects() -> None:
    from praktyki_replica.files import tiny_pdf

    data = tiny_pdf("Próba")
    xref_at = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert data[xref_at:].startswith(b"xref")
    first_object = int(data[xref_at:].split(b"\n")[3].split()[0])
    assert data[first_object:].startswith(b"1 0 obj")


def test_practice_etag_and_last_modified_are_set(site: BdpSite) -> None:
    resource = get(site, "/index.php?p1=3&p2=12&art=402")
    assert resource.etag == '"bdp-402-v1-s1"'
    assert resource.last_modified is not None
    assert resource.last_modified.date().isoformat() == "2013-07-09"


def test_listing_has_a_next_link_when_there_is_a_second_page() -> None:
    big = BdpSite(practices=600, seed=0)
    first = get(big, "/index.php?p1=3&p2=12").body
    assert b"str=2" in first
    assert get(big, "/index.php?p1=3&p2=12&str=2").status == 200
