"""Nesting, element count and size never make a parser superlinear or unbounded in memory.

Deeper nesting than ``limits.MAX_DEPTH`` is flattened before lexbor sees it; more elements or
characters than a real page holds raise ``TooComplex`` from every entry point. Real pages reach
lexbor unchanged. (Parse times over these shapes: ``benchmarks/bench_hostile_parse.py``.)
"""

from __future__ import annotations

import contextlib
import re
import tracemalloc
from pathlib import Path

import pytest
from entry_points import ENTRY_POINTS, OPS_URL

from praktyki.errors import ParseError, TooComplex
from praktyki.parsers.content import MAX_TEXT_CHARS
from praktyki.parsers.decode import decode_html
from praktyki.parsers.limits import MAX_CHARS, MAX_DEPTH, MAX_ELEMENTS, bound_markup
from praktyki.parsers.ops import parse_ops_page

FIXTURES = Path(__file__).parent.parent / "fixtures"
TEXT = "Tekst artykułu o wolontariacie seniorów, prowadzonym przez ośrodek. " * 3

MiB = 1024 * 1024
_TAG = re.compile(r"<[^>]*>")


def nested(depth: int, *, closed: bool, tag: str = "div") -> bytes:
    tail = f"</{tag}>" * depth if closed else ""
    return f"<html><body>{f'<{tag}>' * depth}<p>{TEXT}</p>{tail}".encode()


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.html")), ids=lambda p: p.name)
def test_real_pages_reach_lexbor_unchanged(path: Path) -> None:
    text = decode_html(path.read_bytes()).text
    assert bound_markup(text) is text


@pytest.mark.parametrize("depth", [MAX_ELEMENTS + 10, 1_000_000])
@pytest.mark.parametrize("closed", [True, False], ids=["closed", "unclosed"])
@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=str)
def test_nesting_past_the_element_cap_is_too_complex(entry: str, closed: bool, depth: int) -> None:
    body = nested(depth, closed=closed)
    with pytest.raises(TooComplex, match="elements"):
        ENTRY_POINTS[entry](body)


@pytest.mark.parametrize("tag", ["div", "span", "b", "table", "div/"])
def test_nesting_past_the_depth_bound_is_flattened(tag: str) -> None:
    body = nested(MAX_DEPTH * 5, closed=False, tag=tag)
    [record] = parse_ops_page(body, OPS_URL)
    assert record.body.startswith("Tekst artykułu")


@pytest.mark.parametrize("closed", [True, False], ids=["closed", "unclosed"])
def test_flattened_nesting_keeps_every_character_of_text(closed: bool) -> None:
    text = nested(MAX_DEPTH * 3, closed=closed).decode()
    flat = bound_markup(text)
    assert flat.count("<div>") == MAX_DEPTH - 2  # html, body and the divs that fit
    assert _TAG.sub("", flat) == _TAG.sub("", text)


def test_script_text_is_not_markup() -> None:
    script = "<script>" + "s += '<div>';" * (MAX_DEPTH * 2) + "</script>"
    text = f"<html><body>{script}<p>{TEXT}</p>"
    assert bound_markup(text) is text


@pytest.mark.parametrize(
    "shape",
    [
        "<p><font>" + TEXT,  # old sites never close <p>; each closes the one before
        "<li><a href='/x'>" + TEXT,  # nor <li> or <a>
        "<tr><td>" + TEXT + "<td>" + TEXT,
    ],
    ids=["p-font", "li-a", "tr-td"],
)
def test_unclosed_siblings_do_not_count_as_nesting(shape: str) -> None:
    text = "<html><body><table>" + shape * (MAX_DEPTH * 2)
    assert bound_markup(text) is text


def test_an_ops_page_past_the_visible_text_cap_is_too_complex() -> None:
    body = f"<html><body><h1>Tytuł</h1><p>{'słowo ' * (MAX_TEXT_CHARS // 5)}</p>".encode()
    with pytest.raises(TooComplex, match="characters of text"):
        parse_ops_page(body, OPS_URL)


def test_a_page_past_the_character_cap_is_too_complex() -> None:
    body = b"<p>" + b"a" * (MAX_CHARS + 1)
    with pytest.raises(TooComplex, match="characters"):
        parse_ops_page(body, OPS_URL)


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=str)
def test_a_huge_text_node_parses_in_bounded_memory(entry: str) -> None:
    body = f"<html><body><div><h1>Tytuł</h1><p>{'słowo ' * (MiB // 24)}</p></div>".encode()
    tracemalloc.start()
    with contextlib.suppress(ParseError):  # BDP parsers: not a practice page, as expected
        ENTRY_POINTS[entry](body)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 60 * len(body)  # a handful of copies of the text, never a copy per line


def test_deep_wrappers_around_many_lines_stay_in_bounded_memory() -> None:
    lines = "".join(f"<div><p>{TEXT}</p></div>" for _ in range(1500))
    body = ("<html><body>" + "<div>" * (MAX_DEPTH - 10) + lines).encode()
    tracemalloc.start()
    records = parse_ops_page(body, OPS_URL)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert records
    assert peak < 100 * MiB  # per-line copies of 400 ancestors were ~10 MiB per 1,000 lines
