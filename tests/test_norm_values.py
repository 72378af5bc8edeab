"""One table per value kind: text, population, postal code, phones, websites, e-mails,
voivodeship."""

from __future__ import annotations

import pytest

from praktyki.parsers.normalize import (
    VOIVODESHIPS,
    canonical_voivodeship,
    clean_text,
    parse_emails,
    parse_phones,
    parse_population,
    parse_websites,
    split_postal,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  gmina  wiejska ", "gmina wiejska"),
        ("Gminny Ośrodek\nPomocy\u00a0Społecznej", "Gminny Ośrodek Pomocy Społecznej"),
        ("ul.\u202fKościuszki 2", "ul. Kościuszki 2"),
        ("", None),
        ("   ", None),
        ("-", None),
        ("\u00a0", None),
        ("brak", None),
        ("Brak danych", None),
    ],
)
def test_clean_text(text: str, expected: str | None) -> None:
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8.000", 8000),
        ("40.333", 40333),
        ("115.818", 115818),
        ("1.234.567", 1234567),
        ("43 000", 43000),
        ("43\u00a0000", 43000),
        ("43\u202f000", 43000),
        ("43\u2009000", 43000),
        ("43000", 43000),
        ("8,000", 8000),
        ("252 tys.", 252000),
        ("12,5 tys.", 12500),
        ("1,2 mln", 1200000),
        ("ok. 8 000", 8000),
        ("około 8000", 8000),
        ("8000 mieszkańców", 8000),
        ("gmina: 8 000 (2010 r.)", 8000),
    ],
)
def test_parse_population(text: str, expected: int) -> None:
    assert parse_population(text) == expected


@pytest.mark.parametrize("text", ["", "-", "brak danych", "dużo", "0", "3 mld", "9" * 40])
def test_parse_population_rejects(text: str) -> None:
    assert parse_population(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07-210 Długosiodło", ("07-210", "Długosiodło")),
        ("07210 Długosiodło", ("07-210", "Długosiodło")),
        ("07 - 210  Długosiodło", ("07-210", "Długosiodło")),
        ("07-210", ("07-210", None)),
        ("Długosiodło, 07-210", ("07-210", "Długosiodło")),
        ("63-100 Śrem\n", ("63-100", "Śrem")),
        ("87-800 Włocławek 1", ("87-800", "Włocławek 1")),
        ("Długosiodło", (None, "Długosiodło")),
        ("", (None, None)),
        ("-", (None, None)),
    ],
)
def test_split_postal(text: str, expected: tuple[str | None, str | None]) -> None:
    assert split_postal(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29 741-21-58", ("+48297412158",)),
        ("61 28 36 107", ("+48612836107",)),
        ("(65)543-22-01", ("+48655432201",)),
        ("(0-12) 277 01 00", ("+48122770100",)),
        ("+48 12 277 01 06", ("+48122770106",)),
        ("0048 12 277 01 06", ("+48122770106",)),
        ("48 12 277 01 06", ("+48122770106",)),
        ("601 234 567", ("+48601234567",)),
        ("601-234-567", ("+48601234567",)),
        ("tel. 29 741-21-58", ("+48297412158",)),
        ("Tel.: (52) 519 05 40", ("+48525190540",)),
        ("kom. 601 234 567", ("+48601234567",)),
        ("29 741-21-58, 29 741-21-59", ("+48297412158", "+48297412159")),
        ("29 741-21-58; 601 234 567", ("+48297412158", "+48601234567")),
        ("29 741-21-58 / 601 234 567", ("+48297412158", "+48601234567")),
        ("29 741-21-58 lub 601 234 567", ("+48297412158", "+48601234567")),
        ("29 741-21-58 oraz 601 234 567", ("+48297412158", "+48601234567")),
        ("29 741-21-58\n601 234 567", ("+48297412158", "+48601234567")),
        ("601 234 567 602 345 678", ("+48601234567", "+48602345678")),
        ("29 741-21-58, 29 741 21 58", ("+48297412158",)),
        ("tel. 29 741-21-58, fax 29 741-21-59", ("+48297412158",)),
        ("fax 29 741-21-59, tel. 29 741-21-58", ("+48297412158",)),
        ("tel./fax 29 741-21-58", ("+48297412158",)),
        ("Telefon/faks: 29 741-21-58", ("+48297412158",)),
        ("29 741-21-58 wew. 21", ("+48297412158",)),
        ("29 741-21-58 w. 123", ("+48297412158",)),
        ("+420 123 456 789", ("+420123456789",)),
        ("tel. (029) 741 21 58", ("+48297412158",)),
        ("+48 (29) 741 21 58", ("+48297412158",)),
        ("29 741-21-58 - 60", ("+48297412158",)),
        ("fax 29 741-21-59\n601 234 567", ("+48601234567",)),
        ("Telefon komórkowy: 601 234 567", ("+48601234567",)),
        ("tel. 29 741-21-58, REGON 123456789", ("+48297412158",)),
        ("29 741-21-58 w godz. 8.00-16.00", ("+48297412158",)),
        ("29 741-21-58, 29 741-21-59 (fax)", ("+48297412158",)),
        ("29 741-21-58 (tel./fax)", ("+48297412158",)),
        ("29 741-21-58\nfax:\n29 741-21-59", ("+48297412158",)),
        ("tel. 29 741-21-58 fax 29 741-21-59", ("+48297412158",)),
        ("29 741-21-59 (fax), 29 741-21-58", ("+48297412158",)),
    ],
)
def test_parse_phones(text: str, expected: tuple[str, ...]) -> None:
    assert parse_phones(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2010",
        "Fax 12 345 67 89",
        "faks: (0-12) 277 01 00",
        "07-210",
        "07-210 Długosiodło",
        "2010-03-14",
        "15.05.2015",
        "8.000",
        "741-21-58",
        "brak",
        "",
        "gops@dlugosiodlo.pl",
        "1234567890123",
        "REGON: 123456789",
        "NIP 123-456-78-90",
        "fax 29 741-21-59, 29 741-21-60",
        "29 741-21-59 (fax)",
    ],
    ids=lambda text: repr(text),
)
def test_parse_phones_rejects(text: str) -> None:
    assert parse_phones(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("www.dlugosiodlo.pl", ("http://www.dlugosiodlo.pl",)),
        (
            "www.wloclawek.pl; www.mopr.wloclawek.pl",
            ("http://www.wloclawek.pl", "http://www.mopr.wloclawek.pl"),
        ),
        ("https://ops.gmina.pl/kontakt", ("https://ops.gmina.pl/kontakt",)),
        ("HTTP://WWW.Srem.PL/Strona", ("http://www.srem.pl/Strona",)),
        ("www.a.pl, www.b.pl www.c.pl", ("http://www.a.pl", "http://www.b.pl", "http://www.c.pl")),
        ("www.a.pl\nwww.b.pl", ("http://www.a.pl", "http://www.b.pl")),
        ("opssrem.lap.pl.", ("http://opssrem.lap.pl",)),
        ("(www.a.pl)", ("http://www.a.pl",)),
        ("www.a.pl; http://www.a.pl/", ("http://www.a.pl",)),
        ("strona: www.a.pl", ("http://www.a.pl",)),
        ("http://www.mops.kalisz.pl/index.php?id=5", ("http://www.mops.kalisz.pl/index.php?id=5",)),
    ],
)
def test_parse_websites(text: str, expected: tuple[str, ...]) -> None:
    assert parse_websites(text) == expected


@pytest.mark.parametrize(
    "text", ["", "-", "brak", "m.in.", "Dz.U.", "gops@dlugosiodlo.pl", "8.000"]
)
def test_parse_websites_rejects(text: str) -> None:
    assert parse_websites(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gops@dlugosiodlo.pl", ("gops@dlugosiodlo.pl",)),
        ("GOPS@Dlugosiodlo.PL", ("gops@dlugosiodlo.pl",)),
        ("e@mail: gops@dlugosiodlo.pl", ("gops@dlugosiodlo.pl",)),
        ("e-mail: gops@dlugosiodlo.pl", ("gops@dlugosiodlo.pl",)),
        ("Email:gops@dlugosiodlo.pl", ("gops@dlugosiodlo.pl",)),
        ("email@gmina.pl", ("email@gmina.pl",)),
        ("gops(at)dlugosiodlo.pl", ("gops@dlugosiodlo.pl",)),
        ("gops [at] dlugosiodlo.pl", ("gops@dlugosiodlo.pl",)),
        ("gops at dlugosiodlo dot pl", ("gops@dlugosiodlo.pl",)),
        ("gops(at)dlugosiodlo(dot)pl", ("gops@dlugosiodlo.pl",)),
        ("gops(małpa)dlugosiodlo(kropka)pl", ("gops@dlugosiodlo.pl",)),
        ("gops&#64;dlugosiodlo.pl", ("gops@dlugosiodlo.pl",)),
        ("mailto:gops@dlugosiodlo.pl", ("gops@dlugosiodlo.pl",)),
        ("gops @dlugosiodlo.pl", ("gops@dlugosiodlo.pl",)),
        ("E @ mail : gops@dlugosiodlo.pl", ("gops@dlugosiodlo.pl",)),
        ("a@b.pl; c@d.pl, e@f.pl", ("a@b.pl", "c@d.pl", "e@f.pl")),
        ("a@b.pl\nA@B.PL", ("a@b.pl",)),
        ("jan.kowalski-nowak@mops.wloclawek.pl.", ("jan.kowalski-nowak@mops.wloclawek.pl",)),
    ],
)
def test_parse_emails(text: str, expected: tuple[str, ...]) -> None:
    assert parse_emails(text) == expected


@pytest.mark.parametrize("text", ["", "-", "e@mail:", "gops at dlugosiodlo", "www.gops.pl"])
def test_parse_emails_rejects(text: str) -> None:
    assert parse_emails(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mazowieckie", "mazowieckie"),
        ("Mazowieckie", "mazowieckie"),
        ("woj. mazowieckie", "mazowieckie"),
        ("WOJEWÓDZTWO MAZOWIECKIE", "mazowieckie"),
        ("województwa mazowieckiego", "mazowieckie"),
        ("kujawsko-pomorskie", "kujawsko-pomorskie"),
        ("kujawsko - pomorskie", "kujawsko-pomorskie"),
        ("Kujawsko Pomorskie", "kujawsko-pomorskie"),
        ("pomorskie", "pomorskie"),
        ("zachodnio-pomorskie", "zachodniopomorskie"),
        ("slaskie", "śląskie"),
        ("Łódzkie", "łódzkie"),
        ("warminsko-mazurskie", "warmińsko-mazurskie"),
        ("\u00a0wielkopolskie\u00a0", "wielkopolskie"),
    ],
)
def test_canonical_voivodeship(text: str, expected: str) -> None:
    assert canonical_voivodeship(text) == expected


@pytest.mark.parametrize(
    "text", ["", "-", "Mazowsze", "powiat opolski", "mazowieckie / lubelskie", "Polska"]
)
def test_canonical_voivodeship_rejects(text: str) -> None:
    assert canonical_voivodeship(text) is None


@pytest.mark.parametrize("name", VOIVODESHIPS)
def test_every_canonical_name_maps_to_itself(name: str) -> None:
    assert canonical_voivodeship(name.upper()) == name
