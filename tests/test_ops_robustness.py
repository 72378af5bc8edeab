"""The OPS parser on any input: records or a ParseError, never another exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from praktyki.errors import MissingBlock, ParseError
from praktyki.parsers.content import extract_main_content
from praktyki.parsers.ops import SiteHints, parse_ops_page
from praktyki.schemas.ops import OpsPage

TAGS = ["div", "p", "td", "li", "h2", "a", "b", "article", "nav", "br", "table", "tr", "ul"]
fragments = st.one_of(
    st.sampled_from([f"<{t}>" for t in TAGS] + [f"</{t}>" for t in TAGS]),
    st.text(max_size=40),
    st.sampled_from(["Zamieścił: ", "2008-04-30 12:52:47", "56-200 Góra", "Jesteś tutaj: a ❯ b"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_records_or_parse_error(body: bytes) -> None:
    try:
        records = parse_ops_page(body, "http://ops.example/")
    except ParseError:
        return
    assert records
    assert all(isinstance(record, OpsPage) for record in records)


@settings(max_examples=150, deadline=None)
@given(st.lists(fragments, max_size=80).map("".join))
def test_arbitrary_markup_gives_records_or_parse_error(html: str) -> None:
    try:
        records = parse_ops_page(html.encode(), "http://ops.example/")
    except ParseError:
        return
    assert [record.article_index for record in records] == list(range(len(records)))


def test_deep_nesting_does_not_recurse() -> None:
    body = ("<div>" * 5000 + "<p>" + "Tekst artykułu o wolontariacie, " * 10 + "</p>").encode()
    [record] = parse_ops_page(body, "http://ops.example/")
    assert record.body.startswith("Tekst artykułu")


@pytest.mark.parametrize(
    "body",
    [b"", b"<html><body></body></html>", b"<nav><a href='/'>Strona g\xc5\x82\xc3\xb3wna</a></nav>"],
    ids=["empty", "empty-body", "menu-only"],
)
def test_pages_without_article_raise_missing_block(body: bytes) -> None:
    with pytest.raises(MissingBlock):
        parse_ops_page(body, "http://ops.example/")


def test_site_hints_override_the_generic_choice() -> None:
    body = (
        "<div id='a'><h1>Ogłoszenie</h1><p>" + "Długi tekst w złym miejscu, " * 20 + "</p></div>"
        "<div id='b'><h2>Klub Seniora</h2><p>Krótki właściwy tekst o klubie.</p></div>"
    ).encode()
    hints = SiteHints(body_selector="#b", title_selector="#b h2")
    [record] = parse_ops_page(body, "http://ops.example/", hints=hints)
    assert (record.title, record.body) == ("Klub Seniora", "Krótki właściwy tekst o klubie.")


def test_extract_main_content_picks_the_text_block_over_the_menu() -> None:
    from selectolax.lexbor import LexborHTMLParser

    menu = "".join(f"<li><a href='/{i}'>Pozycja menu {i}</a></li>" for i in range(40))
    tree = LexborHTMLParser(
        f"<body><div id='menu'><ul>{menu}</ul></div><div id='tresc'>"
        + "<p>Akapit treści, z przecinkami, o pomocy społecznej i aktywności lokalnej.</p>" * 5
        + "</div></body>"
    )
    node = extract_main_content(tree)
    assert node is not None
    assert node.attributes.get("id") == "tresc"
