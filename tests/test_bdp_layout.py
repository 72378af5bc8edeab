"""``html.layout_lines``: the lines a reader sees, with their layout hints.

The walker dispatches on lexbor tag ids and skips work by cheap checks; these cases pin what
each kind of node does to the lines.
"""

from __future__ import annotations

import sys

import pytest

from praktyki.parsers.bdp_page import is_tab_fragment
from praktyki.parsers.html import Line, layout_lines, parse_tree

INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


def lines_of(html: str) -> list[Line]:
    tree, _ = parse_tree(html.encode(), "text/html; charset=utf-8")
    assert tree.body is not None
    return layout_lines(tree.body)


@pytest.mark.parametrize("invisible", INVISIBLE, ids=ascii)
def test_invisible_characters_are_dropped(invisible: str) -> None:
    assert lines_of(f"<p>Dłu{invisible}gosiodło</p>") == [Line("Długosiodło")]


def test_only_the_plain_space_is_printable_whitespace_or_invisible() -> None:
    """The walker keeps printable text as it is; that is right only because of this."""
    chars = map(chr, range(sys.maxunicode + 1))
    printable = [c for c in chars if (c.isspace() or c in INVISIBLE) and c.isprintable()]
    assert printable == [" "]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a  b", "a b"),
        ("a b ", "a b"),
        ("a\u2028b", "a b"),
        ("a\x85b", "a b"),
        ("a \u200b b", "a b"),
        ("Łódź\u3000ul.\u202f1", "Łódź ul. 1"),
    ],
    ids=ascii,
)
def test_whitespace_inside_a_line_collapses(text: str, expected: str) -> None:
    assert lines_of(f"<p>{text}</p>") == [Line(expected)]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>a <i>b</i> <custom-tag>c</custom-tag> d</p>", [Line("a b c d")]),
        ("<p>a<script>x</script><style>y</style><noscript>z</noscript>b</p>", [Line("ab")]),
        ("<p>a<!-- comment -->b</p>", [Line("ab")]),
        ("<p>a</p><div>b</div><li>c</li>", [Line("a"), Line("b"), Line("c")]),
        ("<p>a<br>b<br><br>c</p>", [Line("a"), Line("b"), Line(""), Line("c")]),
        ("<h2>Tytuł</h2><p>tekst</p>", [Line("Tytuł", heading=2), Line("tekst")]),
        ("<h3><span>a</span> <div>b</div></h3>", [Line("a", heading=3), Line("b", heading=3)]),
        ("<p><b>Cała</b> <strong>pogrubiona</strong></p>", [Line("Cała pogrubiona", heading=7)]),
        ("<p><b>Etykieta:</b> wartość</p>", [Line("Etykieta: wartość")]),
        ("<p>\u00a0ciąg dalszy</p>", [Line("ciąg dalszy", indented=True)]),
        ("<dl><dt>Powiat</dt><dd>wyszkowski</dd></dl>", [Line("Powiat", True), Line("wyszkowski")]),
        (
            "<table><tr><td>Powiat</td><td>wyszkowski</td></tr></table>",
            [Line("Powiat", True), Line("wyszkowski")],
        ),
        ("<table><tr><td>sama komórka</td></tr></table>", [Line("sama komórka")]),
    ],
    ids=[
        "inline and unknown elements join",
        "script, style and noscript are not text",
        "comments are not text",
        "blocks break lines",
        "br breaks, br br leaves a blank line",
        "heading level",
        "heading level is inherited by inner blocks",
        "an entirely bold line is a heading",
        "a partly bold line is not",
        "a leading no-break space marks an indented line",
        "dt is a label",
        "the first of several cells is a label",
        "a lone cell is not a label",
    ],
)
def test_layout_lines(html: str, expected: list[Line]) -> None:
    assert lines_of(html) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (".: Skrót i Metryka -> Pełna prezentacja -> Załączniki :.", True),
        (" .: Skrót i Metryka", True),
        ("» Załączniki", True),
        ("| Pełna prezentacja |", True),
        ("-> Załączniki :.", True),
        ("-", True),
        ("SKRÓT I METRYKA | PEŁNA PREZENTACJA", True),
        ("Skrot i Metryka -> Pelna prezentacja", True),
        ("skrót i metryka • pełna prezentacja • załączniki", True),
        ("[ Skrót i Metryka ] [ Pełna prezentacja ]", True),
        ("Skrót i Metryka / Pełna prezentacja – Załączniki", True),
        ("Skrót\u00a0i\u00a0Metryka", True),
        ("Skrót i Metryka praktyki", False),
        ("Załączniki do uchwały", False),
        ("Powiat: wyszkowski", False),
        ("Metryka praktyki", False),
        ("", False),
    ],
)
def test_is_tab_fragment(text: str, expected: bool) -> None:
    assert is_tab_fragment(text) is expected
