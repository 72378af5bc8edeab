"""Date, author, editor and views lines of OPS articles."""

from __future__ import annotations

import datetime as dt

import pytest

from praktyki.parsers.ops_meta import is_date_only, is_meta_line, scan_meta

D = dt.datetime


@pytest.mark.parametrize(
    ("lines", "published", "author"),
    [
        (["2008-04-30 12:52:47"], D(2008, 4, 30, 12, 52, 47), None),
        (["30.06.2021 r."], D(2021, 6, 30), None),
        (["06.06.2022r."], D(2022, 6, 6), None),
        (["17.04.2007r"], D(2007, 4, 17), None),
        (["2 czerwca 2022 roku"], D(2022, 6, 2), None),
        (
            ["Dodano przez MOPS Kalisz, 2019-09-19 14:49:54"],
            D(2019, 9, 19, 14, 49, 54),
            "MOPS Kalisz",
        ),
        (["Zamieścił: Zbigniew Sowa"], None, "Zbigniew Sowa"),
        (["Autor: Maria Zięba"], None, "Maria Zięba"),
        (["Opublikowano: 2 czerwca 2022 roku | Odsłon: 120"], D(2022, 6, 2), None),
        (["Zamieścił:", "Zbigniew Sowa"], None, "Zbigniew Sowa"),
        (["Informację opublikował:", "Piotr Nowak, 06.06.2022r."], D(2022, 6, 6), "Piotr Nowak"),
        (["Data publikacji: 2021-06-02"], D(2021, 6, 2), None),
        (
            ["Osoba publikująca:", "Tomasz Lis", "Data publikacji:", "14.04.2023 12:05"],
            D(2023, 4, 14, 12, 5),
            "Tomasz Lis",
        ),
        (
            ["Wpisany przez Marta Zielińska", "wtorek, 09 marzec 2010 10:15"],
            D(2010, 3, 9, 10, 15),
            "Marta Zielińska",
        ),
        (["Dodano przez Jan Kowalski, 2019-09-19"], D(2019, 9, 19), "Jan Kowalski"),
        (["Opublikowano 19 września 2019 przez Anna Nowak"], D(2019, 9, 19), "Anna Nowak"),
        (["Data wytworzenia: 19.IX.2019"], D(2019, 9, 19), None),
        (["Utworzono: 19 września 2019"], D(2019, 9, 19), None),
        (["Opublikowane: 19.09.2019"], D(2019, 9, 19), None),
        (["Wpis z dnia 19.09.2019"], D(2019, 9, 19), None),
        (["19 wrz 2019"], D(2019, 9, 19), None),
        (["Dziś jest:", "sobota, 5 grudnia 2026"], None, None),
        (["Dzisiaj: 05.12.2026", "Zamieścił: Jan Nowak"], None, "Jan Nowak"),
    ],
    ids=lambda v: repr(v)[:50],
)
def test_published_and_author(lines: list[str], published: D | None, author: str | None) -> None:
    meta = scan_meta(lines)
    assert (meta.published_at, meta.author) == (published, author)


@pytest.mark.parametrize(
    ("lines", "modified", "editor"),
    [
        (
            ["Zmodyfikował: Zbigniew Sowa 2008-04-30 13:02:48"],
            D(2008, 4, 30, 13, 2, 48),
            "Zbigniew Sowa",
        ),
        (
            ["Zmodyfikował: Zbigniew Sowa 2008-04-30 13:02:48Elektroniczna skrzynka podawcza"],
            D(2008, 4, 30, 13, 2, 48),
            "Zbigniew Sowa",
        ),
        (
            ["Ostatnio zmodyfikował:", "Piotr Nowak, 2022-06-08 09:12:00"],
            D(2022, 6, 8, 9, 12),
            "Piotr Nowak",
        ),
        (["Data modyfikacji: 17.04.2007r"], D(2007, 4, 17), None),
        (["Poprawiony: środa, 10 marzec 2010 08:40"], D(2010, 3, 10, 8, 40), None),
        (["Osoba aktualizująca:", "Tomasz Lis"], None, "Tomasz Lis"),
    ],
    ids=lambda v: repr(v)[:50],
)
def test_modified_and_editor(lines: list[str], modified: D, editor: str | None) -> None:
    meta = scan_meta(lines)
    assert (meta.modified_at, meta.editor) == (modified, editor)


@pytest.mark.parametrize(
    ("lines", "views"),
    [
        (["Wyświetlono 3561 razy"], 3561),
        (["Odsłon: 120"], 120),
        (["Wyświetleń: 55"], 55),
        (["Liczba odwiedzin:", "1 204"], 1204),
        (["Wizyt na stronie: 126404 Wczoraj: 112"], None),
    ],
)
def test_views(lines: list[str], views: int | None) -> None:
    assert scan_meta(lines).views == views


def test_first_date_only_line_is_published_not_later_ones() -> None:
    meta = scan_meta(["2008-04-30 12:52:47", "text", "2009-01-01"])
    assert meta.published_at == D(2008, 4, 30, 12, 52, 47)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2008-04-30 12:52:47", True),
        ("30.06.2021 r.", True),
        ("Środa, 2 czerwca 2022 roku", True),
        ("23 grudnia 2007r zorganizowano wigilie dla podopiecznych naszego ośrodka.", False),
        ("Program na lata 2022-2025", False),
    ],
)
def test_date_only_lines(line: str, expected: bool) -> None:
    assert is_date_only(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Utworzono: 02.06.2021 | Odsłon: 120", True),
        ("Zamieścił: Zbigniew Sowa", True),
        ("Data: ważne informacje dla mieszkańców", False),
        ("Autorzy projektu zapraszają wszystkich mieszkańców na spotkanie w piątek.", False),
        ("Opublikowano wyniki naboru.", False),
        ("Opublikowane zostały wyniki naboru do Klubu Seniora na rok 2020.", False),
        ("Dodał Jan K.", True),
    ],
)
def test_meta_lines(line: str, expected: bool) -> None:
    assert is_meta_line(line) is expected
