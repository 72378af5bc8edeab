"""Every markup of each seed practice parses to exactly the seed's values (issue 2, "Done when")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from praktyki.parsers.bdp import parse_practice

FIXTURES = Path(__file__).parent / "fixtures" / "bdp"
SEED_GLOBS = {
    "000": ("handmade/practice_dlugosiodlo_*.html", "replica/*_seed000.html"),
    "001": ("handmade/practice_srem_*.html", "replica/*_seed001.html"),
    "002": ("handmade/practice_wloclawek_*.html", "replica/*_seed002.html"),
}
EXPECTED: dict[str, dict[str, Any]] = {
    "000": {
        "section": "Usługi społeczne",
        "subsection": "Pomoc społeczna",
        "title": "Aktywne formy działań instytucji pomocy społecznej przeciwdziałające "
        "wykluczeniu społecznemu.",
        "population": 8000,
        "postal_code": "07-210",
        "post_office": "Długosiodło",
        "phones": ("+48297412158",),
        "contacts": (("Katarzyna Piórkowska", "pracownik socjalny", ("gops@dlugosiodlo.pl",)),),
        "paragraphs": 3,
    },
    "001": {
        "section": "Współpraca JST-NGO",
        "subsection": "Praktyki",
        "title": "Ożywienie mechanizmów partnerstwa lokalnego poprzez realizację zadań Centrum "
        "Aktywności Lokalnej w Gminie Śrem",
        "population": 40333,
        "postal_code": "63-100",
        "post_office": "Śrem",
        "phones": (),
        "contacts": (
            ("Maria Świdurska", "Kierownik Ośrodka Pomocy Społecznej", ("poczta@opssrem.lap.pl",)),
        ),
        "paragraphs": 2,
    },
    "002": {
        "section": "Usługi społeczne",
        "subsection": "Pomoc społeczna",
        "title": "Kształtowanie aktywnych postaw społecznych i zawodowych u beneficjentów pomocy "
        "społecznej w mieście Włocławku",
        "population": 115818,
        "postal_code": "87-800",
        "post_office": "Włocławek",
        "phones": (),
        "contacts": (
            (
                "Marek Osmulski",
                "starszy specjalista pracy socjalnej",
                ("analizy@mopr.wloclawek.pl",),
            ),
        ),
        "paragraphs": 7,
    },
}
CASES = [
    pytest.param(seed, path, id=f"seed{seed}-{path.relative_to(FIXTURES).with_suffix('')}")
    for seed, globs in SEED_GLOBS.items()
    for pattern in globs
    for path in sorted(FIXTURES.glob(pattern))
]


def observed(path: Path) -> dict[str, Any]:
    url = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["url"]
    headers = path.with_suffix(".headers")
    content_type = headers.read_text(encoding="ascii").strip() if headers.exists() else None
    practice = parse_practice(path.read_bytes(), url, content_type)
    metryka = practice.metryka
    return {
        "section": practice.section,
        "subsection": practice.subsection,
        "title": practice.title,
        "population": metryka.population,
        "postal_code": metryka.postal_code,
        "post_office": metryka.post_office,
        "phones": metryka.phones,
        "contacts": tuple((c.name, c.role, c.emails) for c in metryka.contacts),
        "paragraphs": len(practice.summary.split("\n\n")),
    }


def test_each_seed_has_at_least_three_markups() -> None:
    for seed in SEED_GLOBS:
        assert sum(1 for case in CASES if case.values[0] == seed) >= 3


@pytest.mark.parametrize(("seed", "path"), CASES)
def test_markup_parses_to_the_seed_values(seed: str, path: Path) -> None:
    assert observed(path) == EXPECTED[seed]


@pytest.mark.parametrize(("seed", "path"), CASES)
def test_nothing_of_the_page_chrome_leaks_into_the_record(seed: str, path: Path) -> None:
    url = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["url"]
    record = json.dumps(parse_practice(path.read_bytes(), url).to_json_dict(), ensure_ascii=False)
    for chrome in ("odwiedziło", "Wsparcie udzielone", "Strona główna", "Skrót i Metryka", "Model"):
        assert chrome not in record
