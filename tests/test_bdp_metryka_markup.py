"""The "Metryka praktyki" block printed by other hands: the heading in capitals, labels in
capitals or without diacritics, a dash for the colon, one pair per paragraph, list item, table
row or definition. Each variant must give the original page's normalized fields (only the raw
pairs, kept as printed, may differ)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from praktyki.parsers.bdp import parse_practice
from praktyki.schemas.bdp import Metryka

FIXTURE = Path(__file__).parent / "fixtures" / "bdp" / "handmade" / "practice_srem_br.html"
URL = "http://archiwum.dobrepraktyki.pl/index.php?p1=5&p2=17&art=387"
_PAIR = re.compile(r"<b>([^<]+)</b>:&nbsp;&nbsp; ([^<]*)<br>")
_LABEL = re.compile(r"<b>([^<]+)</b>:")


def _ascii(text: str) -> str:
    text = html.unescape(text).replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


VARIANTS: dict[str, Callable[[str], str]] = {
    "heading in capitals": lambda b: b.replace("Metryka praktyki", "METRYKA PRAKTYKI"),
    "labels in capitals": lambda b: _LABEL.sub(
        lambda m: f"<b>{html.unescape(m[1]).upper()}</b>:", b
    ),
    "labels without diacritics": lambda b: _LABEL.sub(lambda m: f"<b>{_ascii(m[1])}</b>:", b),
    "en dash for the colon": lambda b: re.sub(r"<b>([^<]+)</b>:(&nbsp;)*", r"\1 &ndash; ", b),
    "no space after the colon": lambda b: b.replace(":&nbsp;&nbsp; ", ":"),
    "colon inside the bold label": lambda b: _LABEL.sub(r"<b>\1:</b>", b),
    "one paragraph per pair": lambda b: b.replace("<br>", "</p><p>"),
    "one list item per pair": lambda b: "<ul><li>" + b.replace("<br>", "</li><li>") + "</ul>",
    "table rows without colons": lambda b: (
        "<table>" + _PAIR.sub(r"<tr><th>\1</th><td>\2</td></tr>", b) + "</table>"
    ),
    "definition list": lambda b: "<dl>" + _PAIR.sub(r"<dt>\1</dt><dd>\2</dd>", b) + "</dl>",
    "heading as h3 with a colon": lambda b: b.replace(
        "<b>Metryka praktyki</b><br>", "<h3>Metryka praktyki:</h3>"
    ),
}


def block_of(page: str) -> str:
    start = page.index("<b>Metryka praktyki</b>")
    return page[start : page.index("\n", page.index("Osoby kontaktowe"))]


def normalized(metryka: Metryka) -> dict[str, object]:
    return metryka.model_dump(exclude={"raw"})


@pytest.mark.parametrize("rewrite", VARIANTS.values(), ids=VARIANTS.keys())
def test_a_metryka_variant_gives_the_same_fields(rewrite: Callable[[str], str]) -> None:
    page = FIXTURE.read_bytes().decode("cp1250")
    block = block_of(page)
    variant = page.replace(block, rewrite(block)).encode("cp1250", errors="xmlcharrefreplace")
    expected = parse_practice(FIXTURE.read_bytes(), URL, "text/html").metryka
    got = parse_practice(variant, URL, "text/html").metryka
    assert normalized(got) == normalized(expected)
    assert len(got.raw) == len(expected.raw)
