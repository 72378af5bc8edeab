"""Golden files: every ``tests/fixtures/bdp/**/<case>.html`` with a sibling ``<case>.json``.

The JSON's ``url`` is the URL handed to the parser; an ``error`` key names the ParseError
subclass the page must raise instead of a record. ``pytest --update-golden`` rewrites the
expectations from the current parser output (review the diff against the seeds by eye).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from praktyki.errors import ParseError
from praktyki.parsers.dispatch import parse_page

FIXTURES = Path(__file__).parent / "fixtures" / "bdp"
CASES = sorted(p for p in FIXTURES.rglob("*.html") if p.with_suffix(".json").exists())
PRACTICE_MARKUPS = ("table", "html5", "br")


def case_id(path: Path) -> str:
    return path.relative_to(FIXTURES).with_suffix("").as_posix()


def load(path: Path) -> dict[str, Any]:
    expected: dict[str, Any] = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return expected


def content_type(path: Path) -> str | None:
    """The Content-Type header saved beside a fixture (``<case>.headers``), if any."""
    headers = path.with_suffix(".headers")
    return headers.read_text(encoding="ascii").strip() or None if headers.exists() else None


def parse_fixture(path: Path, url: str) -> dict[str, Any]:
    """The page's outcome in the golden file's shape: the record, or the error's class name."""
    try:
        records = parse_page(path.read_bytes(), url, content_type(path), kind="bdp")
    except ParseError as exc:
        return {"url": url, "error": type(exc).__name__}
    assert len(records) == 1, "a BDP page gives exactly one record"
    return records[0].to_json_dict()


def write(path: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)
    path.with_suffix(".json").write_text(text + "\n", encoding="utf-8")


def test_fixtures_are_discovered() -> None:
    assert len(CASES) >= 9 + 4


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_page_parses_to_its_golden_json(path: Path, update_golden: bool) -> None:
    expected = load(path)
    actual = parse_fixture(path, expected["url"])
    if update_golden:
        write(path, actual)
        return
    assert actual == expected


SEED_CASES = sorted(
    {p.stem.rsplit("_", 1)[0] for p in FIXTURES.glob("handmade/practice_*_br.html")}
)


@pytest.mark.parametrize("case", SEED_CASES)
def test_same_text_in_every_markup_gives_the_same_record(case: str) -> None:
    records = []
    for markup in PRACTICE_MARKUPS:
        path = FIXTURES / "handmade" / f"{case}_{markup}.html"
        record = parse_fixture(path, load(path)["url"])
        records.append({key: value for key, value in record.items() if key != "url"})
    assert records[0] == records[1] == records[2]
