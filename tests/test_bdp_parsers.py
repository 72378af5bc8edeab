"""BDP parsers on small pages: markup shapes, block boundaries, URL classes, bad bytes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from praktyki.errors import MissingBlock, NotAPracticePage, ParseError
from praktyki.parsers.bdp import (
    classify_bdp_url,
    parse_attachments,
    parse_listing,
    parse_menu,
    parse_practice,
    parse_presentation,
)
from praktyki.parsers.html import find_labelled_block, parse_tree, text_lines

URL = "https://archiwum.dobrepraktyki.pl/index.php?p1=1&p2=2&art=251"
TABS = ".:&nbsp;&nbsp; Skrót i Metryka -&gt; Pełna prezentacja&nbsp;&nbsp; :."
CONTACT = [
    "Katarzyna Piórkowska",
    "pracownik socjalny",
    "tel. 29 741-21-58",
    "e@mail: gops@dlugosiodlo.pl",
]
EXPECTED_RAW = (
    ("Typ jednostki", "gmina wiejska"),
    ("Liczba mieszkańców", "8.000"),
    ("Osoby kontaktowe", "\n".join(CONTACT)),
)


def page(metryka: str, *, before: str = "", after: str = "") -> bytes:
    return f"""<html><head><meta charset="utf-8"></head><body>{before}
<p>Strona główna</p><p>1.591.345<br>gości odwiedziło nas<br>od 1 kwietnia 2008 r.</p>
<p>&nbsp;Usługi społeczne : Pomoc społeczna</p><p>Tytuł praktyki</p><p>{TABS}</p>
<p>Pierwszy akapit.</p><p>&nbsp;</p><p>Drugi   akapit
 w dwóch wierszach.</p>
{metryka}
{after}</body></html>""".encode()


CONTACT_BR = "<br>".join("&nbsp;" + line for line in CONTACT[1:])
MARKUPS = {
    "table cells, colon inside": (
        "<table><tr><td colspan=2>Metryka praktyki</td></tr>"
        "<tr><td>Typ jednostki:</td><td>gmina wiejska</td></tr>"
        "<tr><td>Liczba mieszkańców:</td><td>8.000</td></tr>"
        f"<tr><td>Osoby kontaktowe:</td><td>{CONTACT[0]}<br>{CONTACT_BR}</td></tr></table>"
    ),
    "table cells, no colon, contact rows with empty label": (
        "<h3>Metryka praktyki</h3><table>"
        "<tr><th>Typ jednostki</th><td>gmina wiejska</td></tr>"
        "<tr><th>Liczba mieszkańców</th><td>8.000</td></tr>"
        f"<tr><th>Osoby kontaktowe</th><td>{CONTACT[0]}</td></tr>"
        + "".join(f"<tr><td></td><td>{line}</td></tr>" for line in CONTACT[1:])
        + "</table>"
    ),
    "p strong, colon inside": (
        "<p><b>Metryka praktyki</b></p>"
        "<p><strong>Typ jednostki:</strong> gmina wiejska</p>"
        "<p><strong>Liczba mieszkańców:</strong>&nbsp;8.000</p>"
        f"<p><strong>Osoby kontaktowe:</strong> {CONTACT[0]}<br>{CONTACT_BR}</p>"
    ),
    "p strong, colon outside": (
        "<div>Metryka praktyki</div>"
        "<p><strong>Typ jednostki</strong>: gmina wiejska</p>"
        "<p><strong>Liczba mieszkańców</strong> : 8.000</p>"
        f"<p><strong>Osoby kontaktowe</strong>: {CONTACT[0]}<br>{CONTACT_BR}</p>"
    ),
    "dl without colons": (
        "<h2>Metryka praktyki</h2><dl><dt>Typ jednostki</dt><dd>gmina wiejska</dd>"
        "<dt>Liczba mieszkańców</dt><dd>8.000</dd>"
        f"<dt>Osoby kontaktowe</dt><dd>{CONTACT[0]}<br>{CONTACT_BR}</dd></dl>"
    ),
    "br lines, contact lines not indented": (
        "Metryka praktyki<br>Typ jednostki:&nbsp;&nbsp; gmina wiejska<br>"
        "Liczba mieszka&#324;c&oacute;w:&nbsp;&nbsp; 8.000<br>"
        "Osoby kontaktowe:&nbsp;&nbsp; " + "<br>".join(CONTACT) + "<br>"
    ),
    "div label and value blocks": (
        "<section><h4>Metryka praktyki</h4>"
        "<div><div>Typ jednostki:</div><div>gmina wiejska</div></div>"
        "<div><div>Liczba mieszkańców:</div><div>8.000</div></div>"
        f"<div><div>Osoby kontaktowe:</div><div>{'</div><div>'.join(CONTACT)}</div></div>"
        "</section>"
    ),
}
CLOSINGS = {
    "closing tab line": f"<p>{TABS}</p><p>Wsparcie udzielone przez Norwegię</p>",
    "funder footer only": "<p>Wsparcie udzielone<br>przez Norwegię</p>",
    "project footer only": "<div>Projekt współfinansowany przez Unię Europejską</div>",
}


@pytest.mark.parametrize("markup", MARKUPS.values(), ids=MARKUPS.keys())
def test_metryka_pairs_read_the_same_in_every_markup(markup: str) -> None:
    practice = parse_practice(page(markup, after=CLOSINGS["closing tab line"]), URL)
    assert practice.metryka.raw == EXPECTED_RAW


@pytest.mark.parametrize("closing", CLOSINGS.values(), ids=CLOSINGS.keys())
def test_metryka_block_ends_before_the_footer(closing: str) -> None:
    practice = parse_practice(
        page(MARKUPS["br lines, contact lines not indented"], after=closing), URL
    )
    assert practice.metryka.raw[-1] == ("Osoby kontaktowe", "\n".join(CONTACT))


def test_summary_paragraphs_are_collapsed_and_nbsp_paragraphs_dropped() -> None:
    practice = parse_practice(page(MARKUPS["dl without colons"]), URL)
    assert practice.summary == "Pierwszy akapit.\n\nDrugi akapit w dwóch wierszach."


def test_banner_above_the_menu_is_not_the_title() -> None:
    banner = "<p>Model współpracy administracji publicznej i organizacji pozarządowych</p>"
    practice = parse_practice(page(MARKUPS["dl without colons"], before=banner), URL)
    assert (practice.section, practice.subsection, practice.title) == (
        "Usługi społeczne",
        "Pomoc społeczna",
        "Tytuł praktyki",
    )


def test_practice_id_comes_from_the_art_parameter() -> None:
    assert parse_practice(page(MARKUPS["dl without colons"]), URL).practice_id == "251"


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (page("<p>Brak metryki.</p>"), MissingBlock),
        (page("<p>Metryka praktyki</p><p>tylko tekst bez etykiet</p>"), MissingBlock),
        (b"<html><body><h1>404 Nie znaleziono</h1></body></html>", NotAPracticePage),
        (b"", NotAPracticePage),
        (page("").replace("Usługi społeczne : Pomoc".encode(), b"Menu"), NotAPracticePage),
    ],
    ids=["no Metryka block", "Metryka without pairs", "404 page", "empty body", "no category line"],
)
def test_a_page_that_is_not_a_practice_raises(body: bytes, error: type[ParseError]) -> None:
    with pytest.raises(error):
        parse_practice(body, URL)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_parse_errors(body: bytes) -> None:
    with contextlib.suppress(ParseError):
        parse_practice(body, URL)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=4000))
def test_truncated_pages_raise_only_parse_errors(cut: int) -> None:
    body = page(MARKUPS["table cells, colon inside"], after=CLOSINGS["closing tab line"])
    with contextlib.suppress(ParseError):
        parse_practice(body[:cut], URL)


ALL_PARSERS = [parse_practice, parse_presentation, parse_attachments, parse_listing, parse_menu]


@pytest.mark.parametrize("parser", ALL_PARSERS, ids=lambda parser: parser.__name__)
@settings(max_examples=40, deadline=None)
@given(body=st.binary(max_size=1500))
def test_every_parser_raises_only_parse_errors_on_arbitrary_bytes(
    parser: Callable[[bytes, str], object], body: bytes
) -> None:
    with contextlib.suppress(ParseError):
        parser(body, URL)


@pytest.mark.parametrize(
    "body",
    [b"<div>" * 5000 + b"x", b"<font><span>" * 3000 + b"x", b"<table><tr><td>" * 800],
    ids=["5000 nested divs", "3000 unclosed inline tags", "800 nested tables"],
)
def test_deeply_nested_markup_raises_a_parse_error_not_recursion(body: bytes) -> None:
    with pytest.raises(NotAPracticePage):
        parse_practice(body, URL)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://archiwum.dobrepraktyki.pl/index.php?p1=6&p2=20&art=318", "practice"),
        ("http://www.dobrepraktyki.pl/index.php?p1=6&p2=20&art=318&s=1", "practice"),
        ("https://dobrepraktyki.pl/index.php?art=318&s=2", "presentation"),
        ("https://dobrepraktyki.pl/index.php?p1=6&p2=20&art=318&s=3", "attachments"),
        ("https://dobrepraktyki.pl/index.php?p1=6&p2=20&art=318&s=9", "other"),
        ("https://dobrepraktyki.pl/index.php?p1=6&p2=20", "listing"),
        ("https://dobrepraktyki.pl/index.php?p1=6", "listing"),
        ("https://archiwum.dobrepraktyki.pl/index.php?p1=111", "home"),
        ("https://archiwum.dobrepraktyki.pl/", "home"),
        ("https://archiwum.dobrepraktyki.pl/mapa.html", "other"),
    ],
)
def test_classify_bdp_url(url: str, kind: str) -> None:
    assert classify_bdp_url(url) == kind


def test_text_lines_respect_br_and_blocks_and_normalize_spaces() -> None:
    tree, _ = parse_tree("<div>a&nbsp;&nbsp;b<br>c\n  d<p>e\u2003f</p></div>".encode(), None)
    assert tree.body is not None
    assert text_lines(tree.body) == ["a b", "c d", "e f"]


def test_find_labelled_block_returns_the_smallest_element() -> None:
    tree, _ = parse_tree(b"<div><p><b>Metryka praktyki</b></p><p>Typ: x</p></div>", None)
    block = find_labelled_block(tree, "Metryka  praktyki")
    assert block is not None
    assert block.tag == "b"


def test_find_labelled_block_is_none_when_absent() -> None:
    tree, _ = parse_tree(b"<p>nic</p>", None)
    assert find_labelled_block(tree, "Metryka praktyki") is None


TABS_AS_LIST = (
    '<ul><li>.:</li><li><a href="index.php?art=5">Skrót i Metryka</a></li><li>-&gt;</li>'
    '<li><a href="index.php?art=5&amp;s=2">Pełna prezentacja</a></li><li>:.</li></ul>'
)
MENU_AFTER_CONTENT = f"""<html><body><main>
<div><a href="?p1=1">Usługi społeczne</a> : <a href="?p1=1&amp;p2=2">Pomoc społeczna</a></div>
<h1>Tytuł</h1>{TABS_AS_LIST}<p>Akapit.</p>
<h2>Metryka praktyki</h2>
<table><tr><td><b>Typ jednostki</b></td><td>:&nbsp;gmina</td></tr>
<tr><td><b>Osoby kontaktowe</b></td><td>:&nbsp;Jan Kowalski</td></tr>
<tr><td></td><td>Tel. 22 111 22 33</td></tr><tr><td></td><td>E-mail: jan@x.pl</td></tr></table>
{TABS_AS_LIST}</main>
<nav><a href="?p1=111">Strona główna</a> <a href="?p1=1">Usługi społeczne</a></nav>
<div>1.591.345<br>gości odwiedziło nas</div><footer>Wsparcie udzielone przez Norwegię</footer>
</body></html>""".encode()


def test_tabs_as_a_list_and_menu_after_the_content() -> None:
    practice = parse_practice(MENU_AFTER_CONTENT, "https://example.org/zapis.html")
    assert (practice.practice_id, practice.title, practice.summary) == ("5", "Tytuł", "Akapit.")
    assert practice.metryka.raw == (
        ("Typ jednostki", "gmina"),
        ("Osoby kontaktowe", "Jan Kowalski\nTel. 22 111 22 33\nE-mail: jan@x.pl"),
    )
