"""OPS replica sites, exercised in-process through ``handle()``: routing, HTTP metadata, truth."""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from praktyki.parsers.decode import decode_html
from praktyki_replica.ops_content import CAL_SHARED
from praktyki_replica.ops_sites import VARIANT_PARAMS, OpsSite, build_ops_sites
from praktyki_replica.site import Request, Resource

BASE = "http://127.0.0.1:8765"
SEEDS = Path(__file__).parent / "fixtures" / "ops" / "replica"  # copies of shared/seeds
SITES = {site.name: site for site in build_ops_sites()}


def get(site: OpsSite, url: str, method: str = "GET") -> Resource:
    parts = urlsplit(url)
    return site.handle(Request(method, parts.path or "/", parts.query, {"host": "127.0.0.1:8765"}))


def page_text(resource: Resource) -> str:
    text = decode_html(resource.body, resource.content_type).text
    return LexborHTMLParser(text).body.text(separator="\n", strip=True)  # type: ignore[union-attr]


def links(resource: Resource, url: str) -> list[str]:
    tree = LexborHTMLParser(decode_html(resource.body, resource.content_type).text)
    hrefs = (a.attributes.get("href") or "" for a in tree.css("a[href]"))
    return [urldefrag(urljoin(url, h)).url for h in hrefs if not h.startswith("mailto:")]


def without_variants(url: str) -> str:
    parts = urlsplit(url)
    kept = [q for q in parts.query.split("&") if q and q.split("=")[0] not in VARIANT_PARAMS]
    return parts._replace(query="&".join(kept)).geturl()


def crawl(site: OpsSite) -> dict[str, Resource]:
    """Every in-site page reachable from the home page (widget parameters not followed)."""
    seen: dict[str, Resource] = {}
    queue = deque([BASE + "/"])
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen[url] = get(site, url)
        if "html" in seen[url].content_type:
            for link in links(seen[url], url):
                if link.startswith(BASE):
                    queue.append(without_variants(link))
    return seen


CRAWLS = {name: crawl(site) for name, site in SITES.items()}
site_names = pytest.mark.parametrize("name", sorted(SITES))


def test_there_are_five_sites_in_distinct_styles() -> None:
    assert sorted(SITES) == ["gops-drupal", "mopr-bip", "mops-wp", "ops-gora", "ops-janow"]


@site_names
def test_every_link_resolves_within_the_site_or_is_a_declared_offsite_link(name: str) -> None:
    site = SITES[name]
    bad = []
    for url, resource in CRAWLS[name].items():
        if "html" not in resource.content_type:
            continue
        for link in links(resource, url):
            if link.startswith(BASE):
                if get(site, link).status != 200:
                    bad.append((url, link))
            elif link not in site.offsite_links():
                bad.append((url, link))
    assert bad == []


@site_names
def test_every_article_page_is_reachable_from_the_home_page(name: str) -> None:
    assert set(SITES[name].article_urls(BASE)) <= set(CRAWLS[name])


@site_names
def test_every_reachable_page_is_an_article_a_print_duplicate_a_listing_or_a_file(
    name: str,
) -> None:
    site = SITES[name]
    known = set(site.article_urls(BASE) + site.print_urls(BASE) + site.listing_urls(BASE))
    html_pages = {u for u, r in CRAWLS[name].items() if "html" in r.content_type}
    assert html_pages - known == set()


@site_names
def test_ground_truth_covers_every_article_page(name: str) -> None:
    truth_urls = {record.url for record in SITES[name].ground_truth(BASE)}
    assert truth_urls == set(SITES[name].article_urls(BASE))


@site_names
def test_topic_urls_are_some_but_not_all_article_pages(name: str) -> None:
    site = SITES[name]
    topics, articles = set(site.topic_urls(BASE)), set(site.article_urls(BASE))
    assert topics
    assert topics < articles


@site_names
def test_topic_pages_have_topics_in_their_truth(name: str) -> None:
    tagged = {r.url for r in SITES[name].ground_truth(BASE) if r.topics}
    assert tagged == set(SITES[name].topic_urls(BASE))


@site_names
def test_unknown_path_is_a_404_html_page(name: str) -> None:
    resource = get(SITES[name], BASE + "/no/such/page")
    assert (resource.status, resource.content_type.startswith("text/html")) == (404, True)


@site_names
def test_post_is_not_allowed(name: str) -> None:
    assert get(SITES[name], BASE + "/", method="POST").status == 405


@site_names
def test_robots_txt_disallows_something(name: str) -> None:
    resource = get(SITES[name], BASE + "/robots.txt")
    assert re.search(r"^Disallow: /\S+", resource.body.decode(), re.MULTILINE)


@site_names
def test_article_pages_carry_etag_and_last_modified(name: str) -> None:
    resource = get(SITES[name], SITES[name].article_urls(BASE)[0])
    assert resource.etag
    assert resource.last_modified is not None


@site_names
def test_print_duplicates_exist_and_point_to_their_canonical_page(name: str) -> None:
    site = SITES[name]
    page_url, print_url = site.article_urls(BASE)[0], site.print_urls(BASE)[0]
    resource = get(site, print_url)
    assert f'rel="canonical" href="{page_url}"'.encode() in resource.body


@site_names
def test_offsite_links_never_point_at_the_replica(name: str) -> None:
    hosts = {urlsplit(u).hostname for u in SITES[name].offsite_links()}
    assert all(h and ".example" in h for h in hosts)


@site_names
def test_sites_are_deterministic(name: str) -> None:
    again = {s.name: s for s in build_ops_sites()}[name]
    urls = SITES[name].article_urls(BASE)
    assert [get(again, u).body for u in urls] == [get(SITES[name], u).body for u in urls]


def test_a_different_seed_changes_only_generated_numbers() -> None:
    other = {s.name: s for s in build_ops_sites(seed=7)}["ops-janow"]
    assert other.article_urls(BASE) == SITES["ops-janow"].article_urls(BASE)
    assert other.ground_truth(BASE) != SITES["ops-janow"].ground_truth(BASE)


def test_calendar_widget_links_multiply_urls_of_the_same_page() -> None:
    site = SITES["mops-wp"]
    plain = get(site, BASE + "/?page_id=219")
    month = get(site, BASE + "/?page_id=219&ajaxCalendar=1&mo=2&yr=2023")
    assert month.status == 200
    assert month.body != plain.body
    assert "mo=1&amp;yr=2023" in month.body.decode()


def test_sort_parameters_reorder_the_news_list() -> None:
    site = SITES["mops-wp"]
    newest = page_text(get(site, BASE + "/aktualnosci/"))
    oldest = page_text(get(site, BASE + "/aktualnosci/?orderby=date&order=asc"))
    assert newest != oldest


def test_the_seed_003_page_gives_two_articles() -> None:
    records = [r for r in SITES["ops-gora"].ground_truth(BASE) if "cal-cis" in r.url]
    assert [(r.title, r.article_index) for r in records] == [
        ("CIS - Centrum Interwencji Socjalnej", 0),
        ("CAL - Centrum Aktywności Lokalnej", 1),
    ]


def test_the_seed_004_truth_has_the_values_its_text_shows() -> None:
    record = next(r for r in SITES["ops-janow"].ground_truth(BASE) if r.url.endswith("id=21"))
    shown = (record.published_at, record.modified_at, record.author, record.editor, record.views)
    assert [str(v) for v in shown] == [
        "2008-04-30 12:52:47",
        "2008-04-30 13:02:48",
        "Zbigniew Sowa",
        "Zbigniew Sowa",
        "3561",
    ]


def test_the_legacy_site_sends_iso_8859_2_bytes_with_entities_for_what_it_lacks() -> None:
    resource = get(SITES["ops-janow"], BASE + "/index.php?id=21")
    assert resource.content_type == "text/html; charset=iso-8859-2"
    assert "Ośrodek".encode("iso-8859-2") in resource.body
    assert b"&#8222;" in resource.body


def test_the_legacy_print_page_declares_windows_1250_only_in_meta() -> None:
    resource = get(SITES["ops-janow"], BASE + "/drukuj.php?id=21")
    assert resource.content_type == "text/html"
    assert b'charset="windows-1250"' in resource.body


def test_a_cal_paragraph_is_shared_word_for_word_by_several_centres() -> None:
    holders = [
        name
        for name, site in SITES.items()
        if any(CAL_SHARED in record.body for record in site.ground_truth(BASE))
    ]
    assert len(holders) >= 2


def test_attachments_are_served_as_pdf() -> None:
    site = SITES["mopr-bip"]
    attachment = next(a for r in site.ground_truth(BASE) for a in r.attachments)
    resource = get(site, attachment.url)
    assert (resource.content_type, resource.body[:5]) == ("application/pdf", b"%PDF-")


def _seed_lines(path: Path) -> list[str]:
    lines = (re.sub(r"\s+", " ", line).strip(" •-") for line in path.read_text().splitlines())
    return [line for line in lines if line]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(
    ("seed", "site", "url"),
    [
        ("003_c52266269e6d9e79.txt", "ops-gora", "/kategoria/7/cal-cis-informacje"),
        ("004_76d3c0f92061f21a.txt", "ops-janow", "/index.php?id=21"),
    ],
    ids=["seed-003-gora", "seed-004-janow"],
)
def test_seed_text_lines_appear_verbatim_in_the_page(seed: str, site: str, url: str) -> None:
    resource = get(SITES[site], BASE + url)
    html = decode_html(resource.body, resource.content_type).text
    glued = _squash(LexborHTMLParser(html).body.text(separator="", strip=False))  # type: ignore[union-attr]
    missing = [line for line in _seed_lines(SEEDS / seed) if line not in glued]
    assert missing == []
