"""`praktyki parse` without --json: the page as shown, then what it normalizes to."""

from __future__ import annotations

from pathlib import Path

import pytest

from praktyki.parsers.bdp import parse_practice
from praktyki.parsers.ops import parse_ops_page
from praktyki.render import render_record

FIXTURES = Path(__file__).parent / "fixtures"
SEED_000 = FIXTURES / "bdp" / "handmade" / "practice_dlugosiodlo_table.html"
SEED_004 = FIXTURES / "ops" / "handmade" / "004_table_iso8859_2.html"


@pytest.fixture(scope="module")
def practice_text() -> str:
    record = parse_practice(SEED_000.read_bytes(), "https://x.test/index.php?p1=3&p2=14&art=1")
    return render_record(record.to_json_dict())


@pytest.mark.parametrize(
    "shown",
    [
        "Liczba mieszkańców:       8.000",  # as on the page
        "population         8000",  # normalized
        "phones             +48297412158",
        "contact  Katarzyna Piórkowska | pracownik socjalny | +48297412158 | gops@dlugosiodlo.pl",
    ],
)
def test_practice_shows_raw_pairs_and_normalized_fields(practice_text: str, shown: str) -> None:
    assert shown in practice_text


@pytest.mark.parametrize(
    "shown", ["views: 3561", "author: Zbigniew Sowa", "published_at: 2008-04-30T12:52:47"]
)
def test_ops_article_shows_its_metadata(shown: str) -> None:
    (record,) = parse_ops_page(SEED_004.read_bytes(), "https://ops.test/cal")
    assert shown in render_record(record.to_json_dict())
