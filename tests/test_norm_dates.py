"""Dates and date-times in the shapes Polish pages write them."""

from __future__ import annotations

import datetime as dt

import pytest

from praktyki.parsers.dates import find_datetime, parse_date, parse_datetime

D = dt.date
T = dt.datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2010-03-14", D(2010, 3, 14)),
        ("15.05.2015", D(2015, 5, 15)),
        ("15.05.2015 r.", D(2015, 5, 15)),
        ("02.08.2012r.", D(2012, 8, 2)),
        ("17.04.2007r", D(2007, 4, 17)),
        ("30.06.2021 r.", D(2021, 6, 30)),
        ("2010.03.14", D(2010, 3, 14)),
        ("2010/03/14", D(2010, 3, 14)),
        ("14/03/2010", D(2010, 3, 14)),
        ("14-03-2010", D(2010, 3, 14)),
        ("19 września 2019", D(2019, 9, 19)),
        ("19 wrzesień 2019", D(2019, 9, 19)),
        ("19.IX.2019", D(2019, 9, 19)),
        ("April 19, 2019", D(2019, 4, 19)),
        ("Sept. 5th 2019", D(2019, 9, 5)),
        ("19. März 2019", D(2019, 3, 19)),
        ("5.3.2010", D(2010, 3, 5)),
        ("  2010-03-14\u00a0", D(2010, 3, 14)),
        ("2 czerwca 2022 roku", D(2022, 6, 2)),
        ("20 marzec 2019 r.", D(2019, 3, 20)),
        ("1 stycznia 2020", D(2020, 1, 1)),
        ("1 styczeń 2020", D(2020, 1, 1)),
        ("3 Lutego 2011", D(2011, 2, 3)),
        ("12 października 2018 r.", D(2018, 10, 12)),
        ("12 pazdziernika 2018", D(2018, 10, 12)),
        ("24 grudnia 2009", D(2009, 12, 24)),
        ("5 wrz. 2019", D(2019, 9, 5)),
        ("15.V.2015", D(2015, 5, 15)),
        ("15 XII 2015", D(2015, 12, 15)),
        ("2019-09-19 14:49:54", D(2019, 9, 19)),
    ],
)
def test_parse_date(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "-",
        "brak danych",
        "2010",
        "2010-02-30",
        "32.01.2010",
        "15.13.2015",
        "15.05.15",
        "2 czerwonego 2022",
        "Dodano 2010-03-14",
        "8.000",
        "29 741-21-58",
    ],
    ids=lambda text: repr(text),
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-09-19 14:49:54", T(2019, 9, 19, 14, 49, 54)),
        ("2008-04-30 12:52:47", T(2008, 4, 30, 12, 52, 47)),
        ("2008-04-30 13:02", T(2008, 4, 30, 13, 2)),
        ("2008-04-30T13:02:05", T(2008, 4, 30, 13, 2, 5)),
        ("30.06.2021 r., godz. 9:15", T(2021, 6, 30, 9, 15)),
        ("2 czerwca 2022 roku", T(2022, 6, 2)),
        ("15.05.2015 r.", T(2015, 5, 15)),
    ],
)
def test_parse_datetime(text: str, expected: dt.datetime) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("text", ["2008-04-30 25:02", "2008-04-30 13:61", "13:02", "dziś"])
def test_parse_datetime_rejects(text: str) -> None:
    assert parse_datetime(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dodano przez MOPS Kalisz, 2019-09-19 14:49:54", T(2019, 9, 19, 14, 49, 54)),
        ("Zmodyfikował: Zbigniew Sowa 2008-04-30 13:02:48", T(2008, 4, 30, 13, 2, 48)),
        ("Opublikowano 2 czerwca 2022 roku przez admin", T(2022, 6, 2)),
        ("Data: 06.06.2022r. Autor: Jan", T(2022, 6, 6)),
        ("od 1 kwietnia 2008 r. do 2010-01-01", T(2008, 4, 1)),
        ("tel. 29 741-21-58, 2010-03-14", T(2010, 3, 14)),
        ("w 2006 roku 31.02.2010 i 2010-03-01", T(2010, 3, 1)),
    ],
    ids=[
        "added-by",
        "modified-by",
        "month-name",
        "glued-r",
        "earliest-wins",
        "after-phone",
        "invalid-skipped",
    ],
)
def test_find_datetime(text: str, expected: dt.datetime) -> None:
    assert find_datetime(text) == expected


@pytest.mark.parametrize("text", ["", "Rok 2019", "tel. 29 741-21-58", "Liczba: 8.000"])
def test_find_datetime_finds_nothing(text: str) -> None:
    assert find_datetime(text) is None
