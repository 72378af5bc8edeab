"""The OPS extractor agrees with the replica's ground truth on every article page, every field.

Each replica article page is rendered in-process (``praktyki_replica.ops_truth``), parsed with
``parse_ops_page`` and compared record by record with ``OpsSite.ground_truth``. Bodies must match
exactly (every replica page does today); token F1 >= 0.9 is the floor a change may not go below.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from praktyki.parsers.ops import parse_ops_page
from praktyki.parsers.topics import load_topics
from praktyki.schemas.ops import OpsPage
from praktyki_replica.ops_truth import TruthPage, truth_pages

PAGES = list(truth_pages())
FIELDS = (
    "title",
    "published_at",
    "modified_at",
    "author",
    "editor",
    "views",
    "breadcrumb",
    "site_name",
    "institution",
    "topics",
    "attachments",
)
_TOKEN = re.compile(r"\w+")


def _id(page: TruthPage) -> str:
    return f"{page.site}:{page.url.split('/', 3)[3]}"


def _parsed(page: TruthPage) -> list[OpsPage]:
    return parse_ops_page(page.body, page.url, page.content_type)


def _f1(got: str, expected: str) -> float:
    a = Counter(t.casefold() for t in _TOKEN.findall(got))
    b = Counter(t.casefold() for t in _TOKEN.findall(expected))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module", params=PAGES, ids=_id)
def parsed(request: pytest.FixtureRequest) -> tuple[TruthPage, list[OpsPage]]:
    page: TruthPage = request.param
    return page, _parsed(page)


def test_one_record_per_article(parsed: tuple[TruthPage, list[OpsPage]]) -> None:
    page, records = parsed
    assert len(records) == len(page.records)


@pytest.mark.parametrize("field", FIELDS)
def test_field_agrees(parsed: tuple[TruthPage, list[OpsPage]], field: str) -> None:
    page, records = parsed
    got = [getattr(record, field) for record in records]
    assert got == [getattr(record, field) for record in page.records]


def test_body_token_f1_at_least_0_9(parsed: tuple[TruthPage, list[OpsPage]]) -> None:
    page, records = parsed
    for got, want in zip(records, page.records, strict=True):
        assert _f1(got.body, want.body) >= 0.9, got.body


def test_body_exact(parsed: tuple[TruthPage, list[OpsPage]]) -> None:
    page, records = parsed
    assert [r.body for r in records] == [r.body for r in page.records]


def test_replica_tags_come_from_the_vocabulary() -> None:
    tags = set(load_topics().tags)
    used = {tag for page in PAGES for record in page.records for tag in record.topics}
    assert used <= tags
    assert used  # the replica does tag some articles
