"""BDP replica content: seed truth, display text matching the truth, coverage, scale."""

from __future__ import annotations

import html
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from praktyki.parsers.decode import decode_html
from praktyki_replica import bdp_vocab as vocab
from praktyki_replica.bdp_content import expected_practice
from praktyki_replica.bdp_practices import generate_practices, seed_practices
from praktyki_replica.bdp_site import BdpSite
from praktyki_replica.site import Request, Resource


def get(site: BdpSite, target: str) -> Resource:
    path, _, query = target.partition("?")
    return site.handle(Request("GET", path, query, {"host": "127.0.0.1:8765"}))


def page_text(resource: Resource) -> str:
    text = decode_html(resource.body, resource.content_type).text
    body = LexborHTMLParser(text).body
    assert body is not None
    return body.text(separator="\n", strip=False).replace("\u00a0", " ")


def test_seed_000_truth_is_the_hand_written_record() -> None:
    truth = expected_practice(seed_practices()[0], "http://h/index.php?p1=3&p2=12&art=402")
    m = truth.metryka
    assert (m.population, m.postal_code, m.post_office) == (8000, "07-210", "Długosiodło")
    assert (m.phones, m.websites, m.emails) == (
        ("+48297412158",),
        ("http://www.dlugosiodlo.pl",),
        ("gops@dlugosiodlo.pl",),
    )
    assert m.voivodeship == "mazowieckie"
    assert [(c.name, c.role) for c in m.contacts] == [
        ("Katarzyna Piórkowska", "pracownik socjalny")
    ]
    assert m.unknown_labels == ()


def test_seed_000_raw_keeps_every_pair_as_shown() -> None:
    raw = expected_practice(seed_practices()[0], "u").metryka.raw
    assert raw[0] == ("Data wprowadzenia do BDP", "2010-03-14")
    assert ("Wirtyna internetowa", "www.dlugosiodlo.pl") in raw
    assert raw[-1] == (
        "Osoby kontaktowe",
        "Katarzyna Piórkowska\npracownik socjalny\ntel. 29 741-21-58\ne@mail: gops@dlugosiodlo.pl",
    )


def test_seed_001_title_is_the_practice_not_the_banner() -> None:
    truth = expected_practice(seed_practices()[1], "u")
    assert truth.title.startswith("Ożywienie mechanizmów partnerstwa lokalnego")
    assert (truth.section, truth.subsection) == ("Współpraca JST-NGO", "Praktyki")


def test_seed_002_summary_drops_the_no_break_space_paragraph() -> None:
    summary = expected_practice(seed_practices()[2], "u").summary
    assert summary.count("\n\n") == 6
    assert "\u00a0" not in summary


def test_seed_page_shows_the_project_banner_above_the_menu() -> None:
    text = page_text(get(BdpSite(practices=3), "/index.php?p1=7&p2=24&art=1187"))
    assert text.index("Model współpracy administracji") < text.index("Strona główna")


def test_synthetic_practices_cover_every_voivodeship_unit_type_and_subsection() -> None:
    specs = generate_practices(400, seed=0)
    assert {s.facts.voivodeship for s in specs} == set(vocab.VOIVODESHIPS)
    assert {s.facts.unit_type for s in specs} == set(vocab.UNIT_PREFIXES)
    subsections = {p2 for section in vocab.SECTIONS for p2, _ in section.subsections}
    assert {s.p2 for s in specs} == subsections


@pytest.mark.parametrize(
    "label",
    ["Wirtyna internetowa", "Witryna internetowa", "Adres e@mail", "Adres e-mail", "E-mail"],
)
def test_label_variants_occur(label: str) -> None:
    assert any(line.label == label for s in generate_practices(200, 0) for line in s.metryka)


@pytest.mark.parametrize("label", ["Powiat", "Telefon", "Data aktualizacji"])
def test_optional_fields_are_missing_on_some_practices(label: str) -> None:
    specs = generate_practices(200, 0)
    with_label = sum(any(line.label == label for line in s.metryka) for s in specs)
    assert 0 < with_label < len(specs)


def test_every_shown_metryka_value_and_title_is_on_the_served_page() -> None:
    site = BdpSite(practices=60, seed=5)
    for practice_id in site.practice_ids():
        spec = site.spec(practice_id)
        text = html.unescape(
            page_text(get(site, f"/index.php?p1={spec.p1}&p2={spec.p2}&art={spec.art}"))
        )
        flat = re.sub(r"\s+", " ", text)
        assert " ".join(spec.title.split()) in flat
        for line in spec.metryka:
            for value in line.lines:
                assert " ".join(value.split()) in flat, (practice_id, line.label, value)


def test_mislabelled_pages_exist_and_still_decode_to_the_title() -> None:
    site = BdpSite(practices=200, seed=0)
    mislabelled = [
        site.spec(pid)
        for pid in site.practice_ids()
        if site.spec(pid).header_charset not in (None, site.spec(pid).encoding)
    ]
    assert mislabelled
    for spec in mislabelled[:10]:
        resource = get(site, f"/index.php?p1={spec.p1}&p2={spec.p2}&art={spec.art}")
        assert " ".join(spec.title.split()) in re.sub(r"\s+", " ", page_text(resource))


def test_legacy_pages_write_characters_their_encoding_lacks_as_entities() -> None:
    body = get(BdpSite(practices=3), "/index.php?p1=3&p2=12&art=219").body  # html5/utf-8 seed
    table = BdpSite(practices=3)
    table.update_practice("219", style="table", encoding="iso-8859-2", header_charset="iso-8859-2")
    legacy = get(table, "/index.php?p1=3&p2=12&art=219").body
    assert "„".encode() in body
    assert b"&#8222;" in legacy


def test_5000_practices_are_all_listed_exactly_once() -> None:
    site = BdpSite(practices=5000, seed=0)
    listed: list[str] = []
    for section in vocab.SECTIONS:
        for p2, _ in section.subsections:
            page = 1
            while True:
                body = get(site, f"/index.php?p1={section.p1}&p2={p2}&str={page}").body
                listed += re.findall(r"art=(\d+)", body.decode("latin-1"))
                if f"str={page + 1}".encode() not in body:
                    break
                page += 1
    assert sorted(listed) == sorted(site.practice_ids())


def test_every_listed_practice_resolves_on_every_tab() -> None:
    site = BdpSite(practices=600, seed=1)
    for practice_id in site.practice_ids():
        spec = site.spec(practice_id)
        tabs = ("", "&s=1", "&s=2") + (("&s=3",) if spec.attachments else ())
        for tab in tabs:
            assert (
                get(site, f"/index.php?p1={spec.p1}&p2={spec.p2}&art={spec.art}{tab}").status == 200
            )
