"""The centre's contact block in header, footer or sidebar, in the shapes seen on real sites."""

from __future__ import annotations

import pytest

from praktyki.parsers.ops import parse_ops_page
from praktyki.schemas.ops import Institution

ARTICLE = (
    "<h1>Klub Integracji Społecznej</h1><p>"
    + "Klub Integracji Społecznej prowadzi zajęcia reintegracji społecznej i zawodowej, " * 6
    + "</p>"
)


def page(footer: str) -> bytes:
    return f"<html><body><main>{ARTICLE}</main><footer>{footer}</footer></body></html>".encode()


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        (
            "<p>Ośrodek Pomocy Społecznej w Górze</p><p>ul. Poznańska 23<br>56-200 Góra<br>"
            "tel. (65)543-22-01</p>",
            Institution(
                name="Ośrodek Pomocy Społecznej w Górze",
                street="ul. Poznańska 23",
                postal_code="56-200",
                locality="Góra",
                phones=("+48655432201",),
            ),
        ),
        (
            "<h3>DANE TELEADRESOWE</h3><p>Miejsko-Gminny Ośrodek Pomocy Społecznej w Busku-Zdroju"
            "</p><p>ul. Kościuszki 2a, 28-100 Busko-Zdrój</p><p>+48 41 370 51 33</p>"
            "<p>ePUAP: /MGOPSBusko/SkrytkaESP</p><p>NIP 655-100-22-33</p>",
            Institution(
                name="Miejsko-Gminny Ośrodek Pomocy Społecznej w Busku-Zdroju",
                street="ul. Kościuszki 2a",
                postal_code="28-100",
                locality="Busko-Zdrój",
                phones=("+48413705133",),
            ),
        ),
        (
            "GOPS Stara Wieś | Stara Wieś 15 | 21-100 Lubartów | tel. 81 855 11 22 wew. 3 | "
            "gops@starawies.pl",
            Institution(
                name="GOPS Stara Wieś",
                street="Stara Wieś 15",
                postal_code="21-100",
                locality="Lubartów",
                phones=("+48818551122",),
                emails=("gops@starawies.pl",),
            ),
        ),
        (
            "Gminny Ośrodek Pomocy Społecznej w Cisnej, Cisna 49, 38-607 Cisna",
            Institution(
                name="Gminny Ośrodek Pomocy Społecznej w Cisnej",
                street="Cisna 49",
                postal_code="38-607",
                locality="Cisna",
            ),
        ),
        (
            "<table><tr><td>Gminny Ośrodek Pomocy Społecznej</td></tr><tr><td>Rynek 1</td></tr>"
            "<tr><td>87-700 Aleksandrów Kujawski</td></tr><tr><td>tel. (52) 519 05 40, fax (52) "
            "519 05 41</td></tr><tr><td>e-mail: gops [at] aleksandrow.pl</td></tr></table>",
            Institution(
                name="Gminny Ośrodek Pomocy Społecznej",
                street="Rynek 1",
                postal_code="87-700",
                locality="Aleksandrów Kujawski",
                phones=("+48525190540",),
                emails=("gops@aleksandrow.pl",),
            ),
        ),
    ],
    ids=[
        "br-lines",
        "dane-teleadresowe-footer",
        "pipes-village-address",
        "name-village-address-one-line",
        "table-rows-obfuscated-email",
    ],
)
def test_institution_block_shapes(footer: str, expected: Institution) -> None:
    [record] = parse_ops_page(page(footer), "http://ops.example/")
    assert record.institution == expected


def test_no_address_means_no_institution() -> None:
    [record] = parse_ops_page(page("<p>© 2020 OPS</p>"), "http://ops.example/")
    assert record.institution is None
