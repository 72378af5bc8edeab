"""build_metryka: the seed practices' pairs give exactly the seeds' values; raw is lossless."""

from __future__ import annotations

import datetime as dt

import pytest
from store_helpers import SEED_PAIRS, seed_metryka

from praktyki.parsers.labels import KNOWN_LABELS
from praktyki.parsers.metryka import build_metryka
from praktyki.schemas.bdp import Contact, Metryka

# The "Metryka praktyki" pairs of /work/shared/seeds/000-002, as the page parsers hand them over.
SEED_000 = SEED_PAIRS
SEED_001 = (
    ("Data wprowadzenia do BDP", "2011-03-03"),
    ("Typ jednostki", "gmina miejska"),
    ("Miejscowość", "Śrem"),
    ("Województwo", "wielkopolskie"),
    ("Kod pocztowy i Poczta", "63-100 Śrem"),
    ("Jednostka wdrażająca", "Ośrodek Pomocy Społecznej w Śremie"),
    ("Ulica", "Mickiewicza 40"),
    ("Wirtyna internetowa", "www.opssrem.lap.pl"),
    ("Liczba mieszkańców", "40.333"),
    (
        "Osoby kontaktowe",
        "Maria Świdurska\nKierownik Ośrodka Pomocy Społecznej\ntel. 61 28 36 107\n"
        "e@mail: poczta@opssrem.lap.pl",
    ),
)
SEED_002 = (
    ("Data wprowadzenia do BDP", "2009-10-05"),
    ("Data aktualizacji", "2011-02-25"),
    ("Typ jednostki", "gmina miejska"),
    ("Miejscowość", "Włocławek"),
    ("Województwo", "kujawsko-pomorskie"),
    ("Kod pocztowy i Poczta", "87-800 Włocławek"),
    ("Jednostka wdrażająca", "Miejski Ośrodek Pomocy Rodzinie"),
    ("Ulica", "ul. Kościuszki 26"),
    ("Wirtyna internetowa", "www.wloclawek.pl; www.mopr.wloclawek.pl"),
    ("Liczba mieszkańców", "115.818"),
    (
        "Osoby kontaktowe",
        "Marek Osmulski\nstarszy specjalista pracy socjalnej\ntel. 54 411 63 11\n"
        "e@mail: analizy@mopr.wloclawek.pl",
    ),
)

EXPECTED = {
    "000": seed_metryka(raw=SEED_000, unknown_labels=()),
    "001": Metryka(
        date_added=dt.date(2011, 3, 3),
        unit_type="gmina miejska",
        locality="Śrem",
        voivodeship="wielkopolskie",
        postal_code="63-100",
        post_office="Śrem",
        implementing_unit="Ośrodek Pomocy Społecznej w Śremie",
        street="Mickiewicza 40",
        websites=("http://www.opssrem.lap.pl",),
        population=40333,
        contacts=(
            Contact(
                name="Maria Świdurska",
                role="Kierownik Ośrodka Pomocy Społecznej",
                phones=("+48612836107",),
                emails=("poczta@opssrem.lap.pl",),
            ),
        ),
        raw=SEED_001,
    ),
    "002": Metryka(
        date_added=dt.date(2009, 10, 5),
        date_updated=dt.date(2011, 2, 25),
        unit_type="gmina miejska",
        locality="Włocławek",
        voivodeship="kujawsko-pomorskie",
        postal_code="87-800",
        post_office="Włocławek",
        implementing_unit="Miejski Ośrodek Pomocy Rodzinie",
        street="ul. Kościuszki 26",
        websites=("http://www.wloclawek.pl", "http://www.mopr.wloclawek.pl"),
        population=115818,
        contacts=(
            Contact(
                name="Marek Osmulski",
                role="starszy specjalista pracy socjalnej",
                phones=("+48544116311",),
                emails=("analizy@mopr.wloclawek.pl",),
            ),
        ),
        raw=SEED_002,
    ),
}


@pytest.mark.parametrize(
    ("pairs", "seed"), [(SEED_000, "000"), (SEED_001, "001"), (SEED_002, "002")], ids=str
)
def test_seed_metryka(pairs: tuple[tuple[str, str], ...], seed: str) -> None:
    assert build_metryka(pairs) == EXPECTED[seed]


def test_seed_metryka_json_shape() -> None:
    data = build_metryka(SEED_000).to_json_dict()
    assert (data["date_added"], data["population"], data["raw"][0]) == (
        "2010-03-14",
        8000,
        ["Data wprowadzenia do BDP", "2010-03-14"],
    )


def test_unknown_labels_listed_in_order_and_kept_in_raw() -> None:
    pairs = [("Gmina", "Długosiodło"), ("Powiat", "wyszkowski"), ("Uwagi", "brak")]
    metryka = build_metryka(pairs)
    assert (metryka.unknown_labels, metryka.raw) == (("Gmina", "Uwagi"), tuple(pairs))


def test_fax_is_neither_a_phone_nor_unknown() -> None:
    metryka = build_metryka([("Telefon", "29 741-21-58"), ("Fax", "29 741-21-59")])
    assert (metryka.phones, metryka.unknown_labels) == (("+48297412158",), ())


def test_raw_keeps_pairs_exactly() -> None:
    pairs = [("Adres e@mail", "  GOPS@X.PL "), ("Liczba mieszkańców", "-")]
    assert build_metryka(pairs).raw == tuple(pairs)


@pytest.mark.parametrize("value", ["", "-", "brak danych", "\u00a0"])
def test_empty_values_give_null_fields(value: str) -> None:
    labels = ["Data aktualizacji", "Powiat", "Województwo", "Kod pocztowy i Poczta", "Telefon"]
    labels += ["Liczba mieszkańców", "Osoby kontaktowe", "Wirtyna internetowa", "Adres e@mail"]
    metryka = build_metryka([(label, value) for label in labels])
    assert metryka.model_dump(exclude={"raw"}) == Metryka().model_dump(exclude={"raw"})


@pytest.mark.parametrize(
    ("pairs", "field", "expected"),
    [
        ([("WOJEWÓDZTWO:", "WOJ. MAZOWIECKIE")], "voivodeship", "mazowieckie"),
        ([("Kod pocztowy", "07-210"), ("Poczta", "Długosiodło")], "post_office", "Długosiodło"),
        ([("Kod pocztowy", "07-210"), ("Poczta", "Długosiodło")], "postal_code", "07-210"),
        ([("Telefon/fax", "29 741-21-58")], "phones", ("+48297412158",)),
        ([("Tel.", "601 234 567"), ("Telefon", "601 234 567")], "phones", ("+48601234567",)),
        (
            [("Witryna internetowa", "a.pl"), ("WWW", "b.pl")],
            "websites",
            ("http://a.pl", "http://b.pl"),
        ),
        ([("E-mail", "a@b.pl")], "emails", ("a@b.pl",)),
        ([("Data wprowadzenia do BDP", "15.05.2015 r.")], "date_added", dt.date(2015, 5, 15)),
        ([("Data aktualizacji", "2013-07-09 (korekta)")], "date_updated", dt.date(2013, 7, 9)),
        ([("Powiat", ""), ("Powiat", "wyszkowski")], "county", "wyszkowski"),
        ([("Adres", "ul. Kościuszki 2")], "street", "ul. Kościuszki 2"),
        ([("Osoba kontaktowa", "Jan Kowalski")], "contacts", (Contact(name="Jan Kowalski"),)),
    ],
)
def test_label_variants_fill_fields(
    pairs: list[tuple[str, str]], field: str, expected: object
) -> None:
    assert getattr(build_metryka(pairs), field) == expected


@pytest.mark.parametrize("label", sorted(KNOWN_LABELS))
def test_every_known_label_is_handled(label: str) -> None:
    metryka = build_metryka([(label, "07-210 Długosiodło, tel. 29 741-21-58")])
    assert (metryka.unknown_labels, len(metryka.raw)) == ((), 1)
