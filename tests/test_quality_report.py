"""`praktyki report`: coverage per source and field, unknown labels, failures by site and
reason, changes per run; as JSON and as a static HTML page with inline SVG charts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_helpers import SEED_URL, new_run, seed_bundle

from praktyki.cli import cli
from praktyki.load import load_practice
from praktyki.schemas.quality import QualityReport
from praktyki.store import open_database as open_store
from praktyki.store.quality_queries import quality_report


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "praktyki.db"
    db = open_store(path)
    run = new_run(db)
    load_practice(db, seed_bundle(), run_id=run)
    load_practice(db, seed_bundle(practice_id="8", url=SEED_URL + "8", attachments=()), run_id=run)
    failures = [
        ("https://archiwum.dobrepraktyki.pl/a", "HTTPStatus: 500 Internal Server Error", 500),
        ("https://archiwum.dobrepraktyki.pl/b", "HTTPStatus: 500 Internal Server Error", 500),
        ("https://ops.example.pl/c", "TooLarge: body over 10 MiB", None),
    ]
    for seq, (url, error, status) in enumerate(failures, start=1):
        db.execute(
            "INSERT INTO frontier (seq, run_id, url, kind, depth, priority, state, attempts, "
            "last_error, status) VALUES (?, ?, ?, 'practice', 1, 0, 'failed', 3, ?, ?)",
            [seq, run, url, error, status],
        )
    db.execute(
        "INSERT INTO crawl_failures (run_id, url, reason) VALUES (?, ?, ?)",
        [run, "https://archiwum.dobrepraktyki.pl/d", "MissingBlock: no Metryka"],
    )
    db.conn.commit()
    db.close()
    return path


@pytest.fixture(scope="module")
def report(db_path: Path) -> QualityReport:
    return quality_report(open_store(db_path))


def coverage(report: QualityReport, field: str) -> tuple[int, float]:
    practices = next(c for c in report.coverage if c.entity == "practice")
    found = next(f for f in practices.fields if f.field == field)
    return found.filled, found.share


@pytest.mark.parametrize(
    ("field", "expected"),
    [("population", (2, 1.0)), ("attachments", (1, 0.5)), ("title", (2, 1.0))],
)
def test_coverage_per_field(report: QualityReport, field: str, expected: tuple[int, float]) -> None:
    assert coverage(report, field) == expected


def test_unknown_labels_come_with_examples(report: QualityReport) -> None:
    (label,) = report.unknown_labels
    assert (label.label, label.count, label.practices) == ("Sołectwa", 2, 2)
    assert label.examples[0] == ("bdp", "1234", "12")


def test_failures_are_grouped_by_site_and_reason(report: QualityReport) -> None:
    groups = {(g.site, g.stage, g.reason): g.count for g in report.failures}
    assert groups == {
        ("archiwum.dobrepraktyki.pl", "fetch", "HTTPStatus"): 2,
        ("ops.example.pl", "fetch", "TooLarge"): 1,
        ("archiwum.dobrepraktyki.pl", "assemble", "MissingBlock"): 1,
    }


def test_json_holds_the_same_numbers(db_path: Path, report: QualityReport) -> None:
    result = CliRunner().invoke(cli, ["report", "--json", "--db", str(db_path)])
    data = json.loads(result.output)
    assert result.exit_code == 0
    assert data["coverage"] == report.to_json_dict()["coverage"]
    assert len(data["runs"]) == 1


def test_html_is_static_utf8_with_svg_charts(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", "--html", str(out), "--db", str(db_path)])
    html = out.read_text(encoding="utf-8")
    assert result.exit_code == 0
    assert '<meta charset="utf-8">' in html
    assert html.count("<svg") >= 3
    assert "Sołectwa" in html
    assert "<script" not in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
