"""Builders shared by the tests of praktyki.store: seed 000's practice as a PracticeBundle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from praktyki.schemas.bdp import Attachment, Contact, Metryka, Practice, Presentation
from praktyki.schemas.dataset import PracticeBundle, Provenance
from praktyki.store.db import open_database
from praktyki.store.runs import begin_run

SEED_URL = "https://archiwum.dobrepraktyki.pl/index.php?p1=2&p2=9&art=1234"
SEED_SUMMARY = (
    "Zinstytucjonalizowana pomoc społeczna ma umożliwiać przezwyciężanie trudnych sytuacji "
    "życiowych.\n\nW gminie Długosiodło zadania z zakresu pomocy społecznej realizuje Gminny "
    "Ośrodek Pomocy Społecznej."
)
#: The "Metryka praktyki" pairs of /work/shared/seeds/000, as the page parsers hand them over.
SEED_PAIRS = (
    ("Data wprowadzenia do BDP", "2010-03-14"),
    ("Data aktualizacji", "2013-07-09"),
    ("Typ jednostki", "gmina wiejska"),
    ("Miejscowość", "Długosiodło"),
    ("Powiat", "wyszkowski"),
    ("Województwo", "mazowieckie"),
    ("Kod pocztowy i Poczta", "07-210 Długosiodło"),
    ("Jednostka wdrażająca", "Gminny Ośrodek Pomocy Społecznej"),
    ("Ulica", "ul. Kościuszki 2"),
    ("Telefon", "29 741-21-58"),
    ("Wirtyna internetowa", "www.dlugosiodlo.pl"),
    ("Adres e@mail", "gops@dlugosiodlo.pl"),
    ("Liczba mieszkańców", "8.000"),
    (
        "Osoby kontaktowe",
        "Katarzyna Piórkowska\npracownik socjalny\ntel. 29 741-21-58\ne@mail: gops@dlugosiodlo.pl",
    ),
)
#: The same with a label the codebook does not know (kept in ``raw`` and ``unknown_labels``).
SEED_RAW = (*SEED_PAIRS, ("Sołectwa", "12"))


def seed_metryka(**changes: Any) -> Metryka:
    values: dict[str, Any] = {
        "date_added": dt.date(2010, 3, 14),
        "date_updated": dt.date(2013, 7, 9),
        "unit_type": "gmina wiejska",
        "locality": "Długosiodło",
        "county": "wyszkowski",
        "voivodeship": "mazowieckie",
        "postal_code": "07-210",
        "post_office": "Długosiodło",
        "implementing_unit": "Gminny Ośrodek Pomocy Społecznej",
        "street": "ul. Kościuszki 2",
        "phones": ("+48297412158",),
        "websites": ("http://www.dlugosiodlo.pl",),
        "emails": ("gops@dlugosiodlo.pl",),
        "population": 8000,
        "contacts": (
            Contact(
                name="Katarzyna Piórkowska",
                role="pracownik socjalny",
                phones=("+48297412158",),
                emails=("gops@dlugosiodlo.pl",),
            ),
        ),
        "raw": SEED_RAW,
        "unknown_labels": ("Sołectwa",),
    }
    return Metryka(**(values | changes))


def seed_bundle(
    *,
    url: str = SEED_URL,
    practice_id: str = "1234",
    metryka: Metryka | None = None,
    presentation: str | None = "Opis sytuacji przed wdrożeniem\n\nŁódź i Świętokrzyskie.",
    attachments: tuple[Attachment, ...] | None = None,
    **practice_changes: Any,
) -> PracticeBundle:
    practice_values: dict[str, Any] = {
        "url": url,
        "practice_id": practice_id,
        "section": "Usługi społeczne",
        "subsection": "Pomoc społeczna",
        "title": (
            "Aktywne formy działań instytucji pomocy społecznej przeciwdziałające "
            "wykluczeniu społecznemu."
        ),
        "summary": SEED_SUMMARY,
        "metryka": metryka or seed_metryka(),
    }
    practice = Practice(**(practice_values | practice_changes))
    if attachments is None:
        attachments = (
            Attachment(
                name="Regulamin CAL",
                url="https://archiwum.dobrepraktyki.pl/pliki/1234/regulamin.pdf",
                file_type="pdf",
                size_text="120 KB",
                size_bytes=122880,
            ),
        )
    return PracticeBundle(
        source="bdp",
        practice=practice,
        presentation=(
            None
            if presentation is None
            else Presentation(url=url + "&s=2", practice_id=practice_id, text=presentation)
        ),
        attachments=attachments,
        provenance=(
            Provenance(
                url=url,
                archive_id=7,
                fetched_at=dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC),
                parser_version="1",
            ),
            Provenance(
                url=url + "&s=2",
                archive_id=8,
                fetched_at=dt.datetime(2024, 5, 1, 12, 0, 5, tzinfo=dt.UTC),
                parser_version="1",
            ),
        ),
    )


def new_database(tmp_path: Path) -> Database:
    return open_database(tmp_path / "data" / "praktyki.db")


def new_run(db: Database, kind: str = "bdp") -> int:
    return begin_run(
        db, kind=kind, options={}, started_at=dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
    )


def rows(db: Database, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in db.execute(sql, params).fetchall()]


def dump(db: Database, *, ignore: frozenset[str] = frozenset()) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table (FTS shadow tables included), minus the ``ignore`` columns."""
    tables = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        ).fetchall()
    ]
    result = {}
    for name in sorted(tables):
        table_rows = [
            {k: v for k, v in row.items() if k not in ignore}
            for row in db.query(f'SELECT * FROM "{name}"')
        ]
        result[name] = sorted(table_rows, key=repr)
    return result
