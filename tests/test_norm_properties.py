"""Every normalizer accepts arbitrary text and returns its declared type without raising."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from praktyki.parsers.dates import find_datetime, parse_date, parse_datetime
from praktyki.parsers.labels import canonical_field, is_known_label, normalize_label
from praktyki.parsers.metryka import build_metryka
from praktyki.parsers.normalize import (
    VOIVODESHIPS,
    canonical_voivodeship,
    clean_text,
    parse_contacts,
    parse_emails,
    parse_phones,
    parse_population,
    parse_websites,
    split_postal,
)
from praktyki.schemas.bdp import Contact, Metryka

# Text shaped like Metryka values (digits, separators, Polish letters), plus anything at all.
SHAPED = st.text(alphabet="0123456789 .,-/:;()+@\nwtelfaxkom.plŁóśżABCrmyV\u00a0", max_size=60)
TEXT = st.one_of(st.text(max_size=80), SHAPED)


def _is_str_tuple(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(item, str) for item in value)


def _optional(kind: type) -> Callable[[object], bool]:
    return lambda value: value is None or isinstance(value, kind)


def _postal_pair(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and all(_optional(str)(v) for v in value)


CASES: list[tuple[Callable[[str], object], Callable[[object], bool]]] = [
    (normalize_label, lambda v: isinstance(v, str)),
    (canonical_field, _optional(str)),
    (is_known_label, lambda v: isinstance(v, bool)),
    (parse_date, lambda v: v is None or type(v) is dt.date),
    (parse_datetime, _optional(dt.datetime)),
    (find_datetime, _optional(dt.datetime)),
    (parse_population, lambda v: v is None or (isinstance(v, int) and v > 0)),
    (split_postal, _postal_pair),
    (parse_phones, lambda v: _is_str_tuple(v) and all(p.startswith("+") for p in v)),
    (parse_websites, lambda v: _is_str_tuple(v) and all(u.startswith("http") for u in v)),
    (parse_emails, lambda v: _is_str_tuple(v) and all("@" in e for e in v)),
    (canonical_voivodeship, lambda v: v is None or v in VOIVODESHIPS),
    (clean_text, _optional(str)),
    (parse_contacts, lambda v: isinstance(v, tuple) and all(isinstance(c, Contact) for c in v)),
]


@pytest.mark.parametrize(("function", "check"), CASES, ids=[f.__name__ for f, _ in CASES])
@settings(max_examples=100, deadline=None)
@given(text=TEXT)
def test_never_raises_and_returns_declared_type(
    function: Callable[[str], object], check: Callable[[object], bool], text: str
) -> None:
    assert check(function(text))


@settings(max_examples=100, deadline=None)
@given(pairs=st.lists(st.tuples(st.text(max_size=30), TEXT), max_size=8))
def test_build_metryka_accepts_any_pairs_and_keeps_them(pairs: list[tuple[str, str]]) -> None:
    metryka = build_metryka(pairs)
    assert isinstance(metryka, Metryka)
    assert metryka.raw == tuple(pairs)


@settings(max_examples=100, deadline=None)
@given(number=st.integers(min_value=100_000_000, max_value=999_999_999))
def test_any_nine_digit_number_is_a_polish_phone(number: int) -> None:
    spaced = f"{str(number)[:2]} {str(number)[2:5]}-{str(number)[5:7]}-{str(number)[7:]}"
    assert parse_phones(spaced) == (f"+48{number}",)


@settings(max_examples=100, deadline=None)
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_dates_round_trip_in_polish_day_first_shape(day: dt.date) -> None:
    assert parse_date(f"{day:%d.%m.%Y} r.") == day
