"""Page kind from what a reader sees: BDP pages saved in any markup parse as with their URL.

Each ``tests/fixtures/bdp/saved/<case>.html`` is a hand-written BDP page re-saved with character
references, upper-case or unclosed tags, or a legacy encoding (``make_saved.py``); ``cases.toml``
names its BDP address. Saved without a URL (the CLI passes the file's ``file:`` URI), the page
must give the record it gives with that address; only what the URL itself decides (the
record's ``url``, links resolved against it) may differ, unless the page says where it was
saved from.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from praktyki.errors import NotAPracticePage
from praktyki.parsers.dispatch import parse_page, saved_from_url

SAVED = Path(__file__).parent / "fixtures" / "bdp" / "saved"
CASES: dict[str, dict[str, Any]] = tomllib.loads((SAVED / "cases.toml").read_text("utf-8"))
OPS_PAGE = Path(__file__).parent / "fixtures" / "ops" / "handmade" / "drupal_node_pal.html"


def parse_one(name: str, url: str) -> dict[str, Any]:
    [record] = parse_page((SAVED / f"{name}.html").read_bytes(), url, kind="auto")
    return record.to_json_dict()


def without_location(record: dict[str, Any]) -> dict[str, Any]:
    """The record minus what the URL decides: its ``url`` and where relative links point."""
    files = [
        {**item, "url": item["url"].rsplit("/", 1)[-1]} for item in record.get("attachments", [])
    ]
    rest = {key: value for key, value in record.items() if key != "url"}
    return {**rest, "attachments": files} if "attachments" in record else rest


@pytest.mark.parametrize("name", sorted(CASES))
def test_saved_page_parses_as_with_its_bdp_url(name: str) -> None:
    file_uri = (SAVED / f"{name}.html").resolve().as_uri()
    from_file, from_url = parse_one(name, file_uri), parse_one(name, CASES[name]["url"])
    if CASES[name].get("saved_from"):
        assert from_file == from_url
    else:
        assert without_location(from_file) == without_location(from_url)


@pytest.mark.parametrize("name", sorted(CASES))
def test_saved_page_is_a_bdp_record(name: str) -> None:
    kind = parse_one(name, (SAVED / f"{name}.html").resolve().as_uri())["kind"]
    assert kind == "bdp_" + name.split("_", 1)[0]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<!-- saved from url=(0022)http://example.org/a -->\n<html>", "http://example.org/a"),
        (b"<!-- Saved From Url=(0014)https://x.pl/ -->", "https://x.pl/"),
        (b"<!-- saved from url=(0014)about:internet -->", None),
        (b"<html><!-- a comment --></html>", None),
        (b"<!-- saved from url=(0015)http://[::1/x -->", None),
    ],
)
def test_saved_from_url_reads_the_browser_comment(head: bytes, expected: str | None) -> None:
    assert saved_from_url(head) == expected


def test_a_real_url_beats_the_saved_from_comment() -> None:
    body = (SAVED / "practice_srem_saved_from_hex_refs.html").read_bytes()
    other = "https://archiwum.dobrepraktyki.pl/index.php?p1=5&p2=17&art=999"
    [record] = parse_page(body, other, kind="auto")
    assert record.to_json_dict()["url"] == other


def test_ops_page_stays_ops_under_auto() -> None:
    records = parse_page(OPS_PAGE.read_bytes(), OPS_PAGE.resolve().as_uri(), kind="auto")
    assert {record.to_json_dict()["kind"] for record in records} == {"ops_page"}


def test_ops_page_under_kind_bdp_is_not_a_practice() -> None:
    with pytest.raises(NotAPracticePage):
        parse_page(OPS_PAGE.read_bytes(), OPS_PAGE.resolve().as_uri(), kind="bdp")
