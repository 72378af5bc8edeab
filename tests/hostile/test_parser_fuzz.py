"""Fuzzing the parsers: whatever the bytes, a well-formed model or a named ``ParseError``.

Two generators: hypothesis builds pages from a small grammar of the markup that breaks
parsers (deep and unclosed nesting, malformed links, NULs, control bytes, odd encodings), and
a seeded mutation fuzzer damages the fixture pages (a fixed number of cases, so the suite
stays fast and every failure reproduces from its id).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from praktyki.errors import ParseError
from praktyki.parsers.bdp import parse_attachments, parse_listing, parse_menu, parse_practice
from praktyki.parsers.dispatch import parse_page
from praktyki.parsers.ops import parse_ops_page
from praktyki.schemas.base import Record
from praktyki.schemas.bdp import Listing, Menu, Practice
from praktyki.schemas.ops import OpsPage

FIXTURES = Path(__file__).parent.parent / "fixtures"
BDP_URL = "https://archiwum.dobrepraktyki.pl/index.php?p1=1&p2=2&art=7"
OPS_URL = "https://ops.example.pl/aktualnosci/1"


def _one_ops(body: bytes) -> list[Record]:
    pages = parse_ops_page(body, OPS_URL)
    assert pages, "an OPS parse returns at least one article or raises"
    for index, page in enumerate(pages):
        assert isinstance(page, OpsPage)
        assert (page.url, page.article_index) == (OPS_URL, index)
        assert page.body.strip()
    return list(pages)


def _practice(body: bytes) -> Practice:
    practice = parse_practice(body, BDP_URL)
    assert isinstance(practice, Practice)
    assert practice.url == BDP_URL
    assert practice.title.strip()
    return practice


def _listing(body: bytes) -> Listing:
    listing = parse_listing(body, BDP_URL)
    assert isinstance(listing, Listing)
    assert all(entry.url.startswith(("http://", "https://")) for entry in listing.entries)
    return listing


def _menu(body: bytes) -> Menu:
    menu = parse_menu(body, BDP_URL)
    assert isinstance(menu, Menu)
    return menu


def _dispatch(body: bytes) -> list[Record]:
    records = parse_page(body, OPS_URL)
    assert records
    assert all(isinstance(record, Record) for record in records)
    return records


ENTRY_POINTS: dict[str, Callable[[bytes], object]] = {
    "parse_practice": _practice,
    "parse_attachments": lambda body: parse_attachments(body, BDP_URL),
    "parse_listing": _listing,
    "parse_menu": _menu,
    "parse_ops_page": _one_ops,
    "dispatch.parse_page": _dispatch,
}


def _parse_or_named_error(entry: str, body: bytes) -> None:
    """The entry point's checked result, or a ParseError that says why (lexbor never fails)."""
    error: ParseError | None = None
    try:
        ENTRY_POINTS[entry](body)
    except ParseError as exc:
        error = exc
    if error is not None:
        assert error.reason
        assert "HTML parser failed" not in error.reason


# --- grammar-based ----------------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.sampled_from(list("abcząęłóśżź ,.:-\n\t\u00a0\u200b\x00\x0b<>&;\"'=/?")),
    max_size=40,
)
HREF = st.sampled_from(
    ["/x", "?p1=1&p2=2&art=3", "http://[1]/", "//[zz]/x", "javascript:x", "", "http://[::1"]
)
OPEN = st.sampled_from(
    ["div", "p", "table", "tr", "td", "li", "ul", "b", "strong", "h1", "h2", "span", "dt", "dd"]
)


@st.composite
def markup(draw: st.DrawFn) -> str:
    parts: list[str] = ["<html><body>"]
    for _ in range(draw(st.integers(0, 30))):
        choice = draw(st.integers(0, 7))
        if choice == 0:
            parts.append(f"<{draw(OPEN)}>" * draw(st.integers(1, 3000)))  # deep, unclosed
        elif choice == 1:
            parts.append(f"</{draw(OPEN)}>" * draw(st.integers(1, 50)))
        elif choice == 2:
            parts.append(f'<a href="{draw(HREF)}">{draw(TEXT)}</a>')
        elif choice == 3:
            parts.append(f"<{draw(OPEN)}>{draw(TEXT)}</{draw(OPEN)}>")
        elif choice == 4:
            parts.append(draw(st.sampled_from(["<br>", "<hr>", "<!--", "-->", "<script>", "<"])))
        elif choice == 5:
            parts.append("Metryka praktyki" if draw(st.booleans()) else "Skrót i Metryka")
        else:
            parts.append(draw(TEXT))
    return "".join(parts)


BODIES = st.one_of(
    st.builds(
        lambda text, encoding: text.encode(encoding, "replace"),
        markup(),
        st.sampled_from(["utf-8", "windows-1250", "iso-8859-2", "utf-16"]),
    ),
    st.binary(max_size=512),
)


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=str)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=BODIES)
def test_generated_pages_give_a_model_or_a_named_parse_error(entry: str, body: bytes) -> None:
    _parse_or_named_error(entry, body)


# --- mutation-based ---------------------------------------------------------------------------

FIXTURE_PAGES = sorted(FIXTURES.rglob("*.html"))
INSERTS = [
    b"<div>" * 2000,
    b"</td></tr></table>",
    b'<a href="http://[1]/">x</a>',
    b"\x00\x00\x00",
    b"\xff\xfe",
    b"<!--",
    b"<script>",
    b"Metryka praktyki",
    b"%PDF-1.4",
]
CASES = 240


def _mutate(body: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(body) + 1)
        op = rng.randrange(4)
        if op == 0:
            body = body[:at] + rng.choice(INSERTS) + body[at:]
        elif op == 1:
            body = body[:at] + body[at + rng.randint(1, 400) :]
        elif op == 2:
            end = min(len(body), at + rng.randint(1, 200))
            body = body[:at] + body[at:end] * rng.randint(2, 20) + body[end:]
        else:
            body = body[: max(at, 1)]
    return body


@pytest.mark.parametrize("case", range(CASES), ids=lambda case: f"seed{case}")
def test_mutated_fixture_pages_give_a_model_or_a_named_parse_error(case: int) -> None:
    rng = random.Random(case)
    body = _mutate(rng.choice(FIXTURE_PAGES).read_bytes(), rng)
    _parse_or_named_error(rng.choice(list(ENTRY_POINTS)), body)
