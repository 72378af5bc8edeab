"""The Metryka label table: tolerant matching, and "known but not a field" labels."""

from __future__ import annotations

import pytest

from praktyki.parsers.labels import (
    FIELD_LABELS,
    NO_FIELD,
    canonical_field,
    is_known_label,
    normalize_label,
)
from praktyki.schemas.bdp import Metryka


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("  Adres e@mail :", "adres e@mail"),
        ("Data wprowadzenia do BDP:", "data wprowadzenia do bdp"),
        ("Kod\u00a0pocztowy  i\tPoczta", "kod pocztowy i poczta"),
        ("WOJEWÓDZTWO", "województwo"),
        ("Tel.", "tel."),
        ("", ""),
    ],
    ids=[
        "colon-and-spaces",
        "trailing-colon",
        "nbsp-and-tabs",
        "upper-case-keeps-diacritics",
        "inner-dot-kept",
        "empty",
    ],
)
def test_normalize_label(label: str, expected: str) -> None:
    assert normalize_label(label) == expected


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Data wprowadzenia do BDP", "date_added"),
        ("Data aktualizacji", "date_updated"),
        ("Typ jednostki", "unit_type"),
        ("Miejscowość", "locality"),
        ("MIEJSCOWOSC", "locality"),
        ("Powiat", "county"),
        ("Województwo", "voivodeship"),
        ("Wojewodztwo:", "voivodeship"),
        ("Kod pocztowy i Poczta", "postal_code"),
        ("Kod pocztowy", "postal_code"),
        ("Poczta", "post_office"),
        ("Jednostka wdrażająca", "implementing_unit"),
        ("Ulica", "street"),
        ("Adres", "street"),
        ("Telefon", "phones"),
        ("Tel.", "phones"),
        ("Telefon/fax", "phones"),
        ("Tel. / fax", "phones"),
        ("Wirtyna internetowa", "websites"),
        ("Witryna internetowa", "websites"),
        ("Strona www", "websites"),
        ("WWW", "websites"),
        ("Adres e@mail", "emails"),
        ("Adres e-mail", "emails"),
        ("Adres e - mail :", "emails"),
        ("E-mail", "emails"),
        ("Email", "emails"),
        ("Liczba mieszkańców", "population"),
        ("liczba  mieszkancow", "population"),
        ("Osoby kontaktowe", "contacts"),
        ("Osoba kontaktowa", "contacts"),
    ],
)
def test_canonical_field(label: str, field: str) -> None:
    assert canonical_field(label) == field


@pytest.mark.parametrize("label", ["Fax", "Faks", "FAX:", "Nr faksu"])
def test_fax_is_known_but_fills_no_field(label: str) -> None:
    assert (canonical_field(label), is_known_label(label)) == (None, True)


@pytest.mark.parametrize("label", ["Gmina", "Uwagi", "", "Adres e@mail do faktur", "Data"])
def test_unknown_labels(label: str) -> None:
    assert (canonical_field(label), is_known_label(label)) == (None, False)


def test_every_table_target_is_a_metryka_field() -> None:
    fields = set(Metryka.model_fields) - {"raw", "unknown_labels"}
    assert set(FIELD_LABELS) - {NO_FIELD} <= fields
