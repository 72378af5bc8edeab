"""BDP replica state: determinism, the visitor counter, live updates and removals."""

from __future__ import annotations

import io
import json
import re

from praktyki_replica.bdp_site import BdpSite
from praktyki_replica.site import Request, Resource

PAGE = "/index.php?p1=3&p2=12&art=402"
LISTING = "/index.php?p1=3&p2=12"
_COUNTER = re.compile(rb"\d{1,3}(?:\.\d{3}){2}")


def get(site: BdpSite, target: str) -> Resource:
    path, _, query = target.partition("?")
    return site.handle(Request("GET", path, query, {"host": "127.0.0.1:8765"}))


def without_counter(body: bytes) -> bytes:
    return _COUNTER.sub(b"COUNTER", body)


def test_same_seed_gives_same_bytes_apart_from_the_counter() -> None:
    first, second = BdpSite(practices=40, seed=3), BdpSite(practices=40, seed=3)
    get(second, "/")  # move the second site's counter on
    for target in (PAGE, LISTING, "/", "/index.php?p1=3&p2=12&art=219&s=3"):
        assert without_counter(get(first, target).body) == without_counter(get(second, target).body)


def test_different_seeds_give_different_practices() -> None:
    assert (
        BdpSite(practices=40, seed=1).practice_ids() != BdpSite(practices=40, seed=2).practice_ids()
    )


def test_visitor_counter_changes_on_every_request() -> None:
    site = BdpSite(practices=10)
    first, second = get(site, PAGE), get(site, PAGE)
    assert first.body != second.body
    assert without_counter(first.body) == without_counter(second.body)
    assert first.etag == second.etag


def test_update_bumps_etag_last_modified_and_ground_truth() -> None:
    site = BdpSite(practices=10)
    before = get(site, PAGE)
    site.update_practice("402", title="Nowy tytuł praktyki", population=9100)
    after = get(site, PAGE)
    assert after.etag != before.etag
    assert after.last_modified is not None
    assert before.last_modified is not None
    assert after.last_modified > before.last_modified
    truth = next(p for p in site.ground_truth("http://h") if p.practice_id == "402")
    assert (truth.title, truth.metryka.population) == ("Nowy tytuł praktyki", 9100)
    assert ("Liczba mieszkańców", "9.100") in truth.metryka.raw
    assert "Nowy tytuł praktyki".encode("iso-8859-2") in after.body


def test_update_of_summary_follows_into_ground_truth() -> None:
    site = BdpSite(practices=10)
    site.update_practice("402", summary="Pierwszy akapit.\n\nDrugi   akapit.")
    truth = next(p for p in site.ground_truth("http://h") if p.practice_id == "402")
    assert truth.summary == "Pierwszy akapit.\n\nDrugi akapit."


def test_update_changes_listing_etag() -> None:
    site = BdpSite(practices=10)
    before = get(site, LISTING).etag
    site.update_practice("402", title="Inny tytuł")
    assert get(site, LISTING).etag != before
    assert "Inny tytuł".encode("iso-8859-2") in get(site, LISTING).body


def test_removed_practice_answers_404_and_leaves_listing_and_truth() -> None:
    site = BdpSite(practices=10)
    site.remove_practice("402")
    assert get(site, PAGE).status == 404
    assert b"art=402" not in get(site, LISTING).body
    assert "402" not in {p.practice_id for p in site.ground_truth("http://h")}


def test_export_writes_one_json_line_per_listed_practice() -> None:
    site = BdpSite(practices=12)
    out = io.StringIO()
    count = site.export_ground_truth("http://127.0.0.1:9", out)
    lines = out.getvalue().splitlines()
    assert count == len(lines) == 12
    first = json.loads(lines[0])
    assert first["url"] == "http://127.0.0.1:9/index.php?p1=3&p2=12&art=402"
