"""Contact persons ("Osoby kontaktowe"): one Contact per person, in page order."""

from __future__ import annotations

import pytest

from praktyki.parsers.normalize import parse_contacts
from praktyki.schemas.bdp import Contact

SEED_000 = Contact(
    name="Katarzyna Piórkowska",
    role="pracownik socjalny",
    phones=("+48297412158",),
    emails=("gops@dlugosiodlo.pl",),
)
JAN = Contact(name="Jan Kowalski", role="kierownik", phones=("+48601234567",))
ANNA = Contact(name="Anna Nowak-Kowalska", role="zastępca kierownika", emails=("an@ops.pl",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Katarzyna Piórkowska\npracownik socjalny\ntel. 29 741-21-58\n"
            "e@mail: gops@dlugosiodlo.pl",
            (SEED_000,),
            id="seed-000",
        ),
        pytest.param(
            "Maria Świdurska\nKierownik Ośrodka Pomocy Społecznej\ntel. 61 28 36 107\n"
            "e@mail: poczta@opssrem.lap.pl",
            (
                Contact(
                    name="Maria Świdurska",
                    role="Kierownik Ośrodka Pomocy Społecznej",
                    phones=("+48612836107",),
                    emails=("poczta@opssrem.lap.pl",),
                ),
            ),
            id="seed-001-capitalised-role-is-not-a-name",
        ),
        pytest.param(
            "Jan Kowalski\nkierownik\ntel. 601 234 567\nAnna Nowak-Kowalska\n"
            "zastępca kierownika\ne-mail: an@ops.pl",
            (JAN, ANNA),
            id="two-people-new-name-after-contact-lines",
        ),
        pytest.param(
            "Jan Kowalski\nkierownik\ntel. 601 234 567\n\nAnna Nowak-Kowalska\n"
            "zastępca kierownika\ne-mail: an@ops.pl",
            (JAN, ANNA),
            id="two-people-blank-line",
        ),
        pytest.param(
            "Jan Kowalski, kierownik, tel. 601 234 567; Anna Nowak-Kowalska, "
            "zastępca kierownika, e-mail: an@ops.pl",
            (JAN, ANNA),
            id="two-people-semicolon",
        ),
        pytest.param(
            "Jan Kowalski - kierownik\ntel. 601 234 567",
            (JAN,),
            id="role-after-dash-on-name-line",
        ),
        pytest.param(
            "Jan Kowalski (kierownik) tel. 601 234 567",
            (JAN,),
            id="role-in-brackets-and-phone-on-name-line",
        ),
        pytest.param(
            "Kierownik: Jan Kowalski\ntel. 601 234 567",
            (Contact(name="Jan Kowalski", role="Kierownik", phones=("+48601234567",)),),
            id="role-before-name-on-one-line",
        ),
        pytest.param(
            "kierownik\nJan Kowalski\ntel. 601 234 567",
            (JAN,),
            id="role-line-before-name",
        ),
        pytest.param(
            "Jan Kowalski\nAnna Nowak",
            (Contact(name="Jan Kowalski"), Contact(name="Anna Nowak")),
            id="people-without-phone-or-email",
        ),
        pytest.param(
            "Jan Kowalski\nkierownik\nAnna Nowak\nzastępca",
            (
                Contact(name="Jan Kowalski", role="kierownik"),
                Contact(name="Anna Nowak", role="zastępca"),
            ),
            id="new-name-after-role",
        ),
        pytest.param(
            "Marek Osmulski\nstarszy specjalista\npracy socjalnej\ntel. 54 411 63 11",
            (
                Contact(
                    name="Marek Osmulski",
                    role="starszy specjalista pracy socjalnej",
                    phones=("+48544116311",),
                ),
            ),
            id="multi-line-role",
        ),
        pytest.param(
            "mgr Anna Nowak\ntel./fax 29 741-21-58\nkom. 601 234 567\nfax 29 741-21-59",
            (Contact(name="mgr Anna Nowak", phones=("+48297412158", "+48601234567")),),
            id="title-telfax-mobile-and-fax",
        ),
        pytest.param(
            "Pani Anna Nowak",
            (Contact(name="Anna Nowak"),),
            id="honorific-dropped",
        ),
        pytest.param(
            "Jan KOWALSKI, tel. 601 234 567, jan@ops.pl",
            (Contact(name="Jan KOWALSKI", phones=("+48601234567",), emails=("jan@ops.pl",)),),
            id="capitalised-surname-and-contacts-on-name-line",
        ),
        pytest.param(
            "Gminny Ośrodek Pomocy Społecznej\ntel. 29 741-21-58",
            (Contact(role="Gminny Ośrodek Pomocy Społecznej", phones=("+48297412158",)),),
            id="institution-only",
        ),
        pytest.param(
            "tel. 29 741-21-58\ne-mail: gops@dlugosiodlo.pl",
            (Contact(phones=("+48297412158",), emails=("gops@dlugosiodlo.pl",)),),
            id="contact-lines-only",
        ),
        pytest.param(
            "Terapeuta Uzależnień\nJan Kowalski",
            (Contact(name="Jan Kowalski", role="Terapeuta Uzależnień"),),
            id="capitalised-role-words-are-not-a-name",
        ),
        pytest.param(
            "Jan Działowski\nwww.ops.pl",
            (Contact(name="Jan Działowski"),),
            id="surname-starting-like-a-role-word-and-website-ignored",
        ),
        pytest.param(
            "Jan Kowalski jan&#64;ops.pl",
            (Contact(name="Jan Kowalski", emails=("jan@ops.pl",)),),
            id="entity-obfuscated-email",
        ),
        pytest.param(
            "\u00a0Katarzyna\u00a0Piórkowska\n \u00a0pracownik socjalny",
            (Contact(name="Katarzyna Piórkowska", role="pracownik socjalny"),),
            id="nbsp",
        ),
    ],
)
def test_parse_contacts(text: str, expected: tuple[Contact, ...]) -> None:
    assert parse_contacts(text) == expected


@pytest.mark.parametrize("text", ["", "-", "\n\n", " ; ", "brak"])
def test_parse_contacts_empty(text: str) -> None:
    assert parse_contacts(text) == ()
