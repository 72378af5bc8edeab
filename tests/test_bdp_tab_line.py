"""The tab line ("Skrót i Metryka -> Pełna prezentacja") is the anchor of every practice tab,
and the category line above the title ("Współpraca JST-NGO : Praktyki") gives its section;
pages written by other hands print them with other separators, in other case, or saved as
ASCII. Each variant must give exactly the record the original page gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from praktyki.parsers.dispatch import parse_page

FIXTURE = Path(__file__).parent / "fixtures" / "bdp" / "handmade" / "practice_srem_br.html"
URL = "http://archiwum.dobrepraktyki.pl/index.php?p1=5&p2=17&art=387"
ORIGINAL = (
    '.:&nbsp;&nbsp; <a href="index.php?p1=5&amp;p2=17&amp;art=387">Skrót i Metryka</a>'
    ' -&gt; <a href="index.php?p1=5&amp;p2=17&amp;art=387&amp;s=2">Pełna prezentacja</a>'
)
LINK_A = '<a href="index.php?p1=5&amp;p2=17&amp;art=387">'
LINK_B = '<a href="index.php?p1=5&amp;p2=17&amp;art=387&amp;s=2">'
VARIANTS = {
    "lower case": f"{LINK_A}skr&oacute;t i metryka</a> -&gt; {LINK_B}pełna prezentacja</a>",
    "upper case": f"{LINK_A}SKR&Oacute;T I METRYKA</a> | {LINK_B}PEŁNA PREZENTACJA</a>",
    "saved as ASCII": f"{LINK_A}Skrot i Metryka</a> -&gt; {LINK_B}Pelna prezentacja</a>",
    "bullets": f"{LINK_A}Skr&oacute;t i Metryka</a> &bull; {LINK_B}Pełna prezentacja</a>",
    "slash": f"{LINK_A}Skr&oacute;t i Metryka</a> / {LINK_B}Pełna prezentacja</a>",
    "en dash": f"{LINK_A}Skr&oacute;t i Metryka</a> &ndash; {LINK_B}Pełna prezentacja</a>",
    "brackets": f"[ {LINK_A}Skr&oacute;t i Metryka</a> ] [ {LINK_B}Pełna prezentacja</a> ]",
    "list items": (
        f"<ul><li>{LINK_A}Skr&oacute;t i Metryka</li><li>{LINK_B}Pełna prezentacja</li></ul>"
    ),
}


def page(tab_line: str) -> bytes:
    text = FIXTURE.read_bytes().decode("cp1250")
    assert ORIGINAL in text
    return text.replace(ORIGINAL, tab_line).encode("cp1250")


@pytest.mark.parametrize("tab_line", VARIANTS.values(), ids=VARIANTS.keys())
def test_a_tab_line_variant_gives_the_same_record(tab_line: str) -> None:
    expected = parse_page(FIXTURE.read_bytes(), URL, "text/html")
    got = parse_page(page(tab_line), URL, "text/html")
    assert got == expected


@pytest.mark.parametrize("tab_line", VARIANTS.values(), ids=VARIANTS.keys())
def test_a_tab_line_variant_is_recognised_without_its_url(tab_line: str) -> None:
    (record,) = parse_page(page(tab_line), "file:///saved.html", "text/html")
    assert record.kind == "bdp_practice"


CATEGORY = "&nbsp;Wsp&oacute;łpraca JST-NGO : Praktyki"
CATEGORIES = {
    "guillemet": "Współpraca JST-NGO » Praktyki",
    "breadcrumb": "Strona główna › Współpraca JST-NGO › Praktyki",
    "pipe": "Współpraca JST-NGO | Praktyki",
    "no spaces": "Współpraca JST-NGO:Praktyki",
}


@pytest.mark.parametrize("category", CATEGORIES.values(), ids=CATEGORIES.keys())
def test_a_category_line_variant_gives_the_same_record(category: str) -> None:
    text = FIXTURE.read_bytes().decode("cp1250")
    assert CATEGORY in text
    variant = text.replace(CATEGORY, category).encode("cp1250")
    assert parse_page(variant, URL, "text/html") == parse_page(
        FIXTURE.read_bytes(), URL, "text/html"
    )
