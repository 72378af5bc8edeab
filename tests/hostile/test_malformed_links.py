"""Links that urllib cannot read (``http://[1]/``) cost that link, never the page or the run.

The replica's ``badlinks`` fault adds such links to every HTML page it serves; the crawls
must finish, store every record exactly as without the fault, and record no failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from crawl_support import FAST, expected_practice, stored_practice

from praktyki.crawl.service import crawl_bdp, crawl_ops
from praktyki.parsers.bdp import parse_attachments, parse_listing, parse_menu, parse_practice
from praktyki.parsers.hrefs import join_href
from praktyki.parsers.ops import parse_ops_page
from praktyki.scraper.urls import canonical_link
from praktyki_replica import parse_fault_spec
from praktyki_replica.bdp_site import BdpSite
from praktyki_replica.faults import BAD_HREFS, add_bad_links
from praktyki_replica.ops_sites import build_ops_sites
from praktyki_replica.registry import replica_registry

FIXTURES = Path(__file__).parent.parent / "fixtures"
BASE = "https://ops.example.pl/aktualnosci/"


@pytest.mark.parametrize("href", BAD_HREFS)
def test_a_malformed_href_is_no_link(href: str) -> None:
    assert join_href(BASE, href) is None
    assert canonical_link(href, BASE) is None


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("../o-nas/", "https://ops.example.pl/o-nas/"),
        ("  /kontakt#mapa ", "https://ops.example.pl/kontakt"),
        ("mailto:ops@example.pl", None),
        ("HTTP://OPS.example.pl:80/x", "http://ops.example.pl/x"),
    ],
)
def test_a_usable_href_is_canonical(href: str, expected: str | None) -> None:
    assert canonical_link(href, BASE) == expected


@pytest.mark.parametrize(
    ("fixture", "url", "parse"),
    [
        ("bdp/handmade/practice_srem_table.html", "http://b/index.php?p1=3&art=1", parse_practice),
        ("bdp/handmade/attachments_wloclawek.html", "http://b/?art=2&s=3", parse_attachments),
        ("bdp/handmade/listing_pomoc_spoleczna_page2.html", "http://b/?p1=3", parse_listing),
        ("bdp/handmade/home_menu.html", "http://b/index.php", parse_menu),
        ("ops/handmade/003_html5_semantic.html", BASE, parse_ops_page),
    ],
    ids=["practice", "attachments", "listing", "menu", "ops"],
)
def test_parsers_read_a_page_with_malformed_links_as_without(
    fixture: str, url: str, parse: object
) -> None:
    body = (FIXTURES / fixture).read_bytes()
    assert callable(parse)
    assert parse(add_bad_links(body), url) == parse(body, url)


@pytest.mark.slow
def test_a_bdp_crawl_over_malformed_links_stores_every_practice(
    tmp_path: Path,
    replica_factory,  # type: ignore[no-untyped-def]
) -> None:
    site = BdpSite(practices=12)
    base_url = replica_factory([site], faults=parse_fault_spec("badlinks!")).base_url("bdp")
    db = tmp_path / "p.db"
    summary = crawl_bdp(db, base_url, FAST)
    assert (summary.new, summary.failed, summary.exit_code) == (12, 0, 0)
    for truth in site.ground_truth(base_url):
        assert stored_practice(db, str(truth.practice_id)) == expected_practice(truth)


@pytest.mark.slow
def test_an_ops_crawl_over_malformed_links_stores_every_article(
    tmp_path: Path,
    replica_factory,  # type: ignore[no-untyped-def]
) -> None:
    sites = build_ops_sites()
    replica = replica_factory(sites, faults=parse_fault_spec("badlinks!"))
    summary = crawl_ops(
        tmp_path / "p.db", settings=FAST, registry=replica_registry(replica.base_urls)
    )
    expected = sum(len(site.article_urls(replica.base_url(site.name))) for site in sites)
    assert (summary.new, summary.failed, summary.exit_code) == (expected, 0, 0)
