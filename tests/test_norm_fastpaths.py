"""The normalizers' fast paths (skipping work by cheap character tests) change no result.

Each case sits on the edge of a shortcut: ASCII vs non-ASCII text, text already NFC or not,
an e-mail written without a literal "@", digits that are not ASCII.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from praktyki.parsers.normalize import clean_text, parse_emails, parse_phones

# The plain definition of clean_text's whitespace handling, without any fast path.
_ODD = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\r\f\v]")
_ZERO = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def reference_clean(text: str) -> str:
    spaced = _ODD.sub(" ", _ZERO.sub("", unicodedata.normalize("NFC", text)))
    return re.sub(r"\s+", " ", spaced).strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gmina\twiejska", "gmina wiejska"),
        ("gmina\vwiejska", "gmina wiejska"),
        ("gmina\x1cwiejska", "gmina wiejska"),
        ("gmina\u2028wiejska", "gmina wiejska"),
        ("Długo\u200bsiodło", "Długosiodło"),
        ("Ło\u0301dz", "Łódz"),
        ("A\u030angstrom", "\u00c5ngstrom"),
        ("Długosiodło", "Długosiodło"),
    ],
    ids=ascii,
)
def test_clean_text_shortcuts(text: str, expected: str) -> None:
    assert clean_text(text) == expected


@given(st.text(alphabet="ab ł\u00a0\u2003\u200b\u00ad\u0301\t\v\x1c\u2028\u212b\n", max_size=20))
def test_clean_text_matches_its_plain_definition(text: str) -> None:
    # The alphabet spells no placeholder ("brak", "-"), so only "" becomes None.
    assert clean_text(text) == (reference_clean(text) or None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gops(AT)gmina.pl", ("gops@gmina.pl",)),
        ("gops (MAŁPA) gmina.pl", ("gops@gmina.pl",)),
        ("gops&#x40;gmina.pl", ("gops@gmina.pl",)),
        ("tel. 29 741-21-58", ()),
    ],
)
def test_parse_emails_without_a_literal_at(text: str, expected: tuple[str, ...]) -> None:
    assert parse_emails(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("٢٩٧٤١٢١٥٨", ()),
        ("e@mail: gops@dlugosiodlo.pl", ()),
        ("29\u00a0741\u00a021\u00a058", ("+48297412158",)),
    ],
    ids=["arabic-indic digits", "no digits", "no-break spaces"],
)
def test_parse_phones_shortcuts(text: str, expected: tuple[str, ...]) -> None:
    assert parse_phones(text) == expected
