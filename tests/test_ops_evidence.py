"""Titles and dates of OPS articles: structured data as evidence, checked against the page.

The ``meta_*`` handmade fixtures each carry one failure class (issue 10): the centre's name as
the only heading, a bold first line under an ``itemprop="headline"``, a sidebar heading before
the content, a section heading that repeats ``<title>`` over the article's own, a "Dziś jest"
widget and declared dates on an undated page, comment and
related-post dates under an undated page.
"""

from __future__ import annotations

import datetime as dt

import pytest
from selectolax.lexbor import LexborHTMLParser

from praktyki.parsers.content import linearize
from praktyki.parsers.ops import parse_ops_page
from praktyki.parsers.ops_evidence import byline_date
from praktyki.parsers.ops_title import headline_claims
from praktyki.parsers.shown_dates import shown_dates_near, text_key
from praktyki.parsers.structured import Evidence, read_evidence, structured_datetime
from tests.test_ops_golden import parse_case


@pytest.mark.parametrize(
    ("name", "title"),
    [
        (
            "meta_table_cms_centre_name_h1_no_headline_heading",
            "Dzień Seniora w Klubie „Pod Lipami”",
        ),
        (
            "meta_joomla_itemprop_headline_bold_lead_calendar",
            "Bezpłatne porady prawne dla mieszkańców",
        ),
        ("meta_custom_cms_sidebar_heading_before_content", "Nabór wniosków o dodatek osłonowy"),
        ("meta_wordpress_sidebar_first_div_title_jsonld", "Nabór wniosków o dodatek osłonowy"),
        ("meta_joomla25_section_heading_is_the_title_tag", "Wyjazd seniorów do Sanoka"),
    ],
)
def test_title_is_the_articles_own_headline(name: str, title: str) -> None:
    [record] = parse_case(name)
    assert record["title"] == title


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("meta_table_cms_centre_name_h1_no_headline_heading", "2019-09-19T00:00:00"),
        ("meta_joomla_itemprop_headline_bold_lead_calendar", "2021-03-02T10:15:00"),
        ("meta_drupal_undated_page_webpage_jsonld_footer_dates", None),
        ("meta_wordpress_page_comment_and_related_dates", None),
    ],
)
def test_date_comes_from_the_articles_own_lines(name: str, published: str | None) -> None:
    [record] = parse_case(name)
    assert record["published_at"] == published


def test_declared_author_is_taken_when_the_page_shows_it() -> None:
    [record] = parse_case("meta_wordpress_sidebar_first_div_title_jsonld")
    assert record["author"] == "Anna Nowak"


def evidence(head: str, body: str = "") -> Evidence:
    return read_evidence(LexborHTMLParser(f"<html><head>{head}</head><body>{body}</body></html>"))


def ld(text: str) -> str:
    return f'<script type="application/ld+json">{text}</script>'


@pytest.mark.parametrize(
    "script",
    [
        '{"@type": "NewsArticle", "headline": "A", "datePublished": "2019-09-19T10:00:00+02:00"}',
        '[{"@type": "WebSite"}, '
        '{"@type": "Article", "headline": "A", "datePublished": "2019-09-19"}]',
        '{"@graph": [{"@type": ["BlogPosting"], "headline": "A", "datePublished": "2019-09-19",}]}',
        '<!--\n{"@type": "Article", "headline": "A",\n "datePublished": "2019-09-19T08:00Z"}\n-->',
    ],
    ids=["object", "array", "graph-trailing-comma", "html-comment"],
)
def test_json_ld_article_claims(script: str) -> None:
    found = evidence(ld(script))
    assert found.headlines[0] == "A"
    assert found.published[0].value.date() == dt.date(2019, 9, 19)
    assert found.published[0].strong


def test_webpage_dates_are_weak_claims() -> None:
    found = evidence(ld('{"@type": "WebPage", "name": "A", "datePublished": "2017-02-14"}'))
    assert [claim.strong for claim in found.published] == [False]


@pytest.mark.parametrize(
    "script",
    ["{", '{"@type": "Article", "headline": ', "[[[[[[[[[[", "null", '"text"', "{}" * 3, "\x00"],
)
def test_malformed_json_ld_is_skipped(script: str) -> None:
    assert evidence(ld(script)).published == ()


def test_opengraph_and_microdata_claims() -> None:
    head = (
        '<meta property="og:title" content="B">'
        '<meta property="article:published_time" content="2020-01-02T03:04:05+01:00">'
    )
    body = (
        '<div itemscope><h2 itemprop="headline">C</h2>'
        '<time itemprop="datePublished" datetime="2020-01-02">x</time></div>'
    )
    found = evidence(head, body)
    assert found.headlines == ("C", "B")
    assert [c.value for c in found.published] == [
        dt.datetime(2020, 1, 2, 3, 4, 5),
        dt.datetime(2020, 1, 2),
    ]


def test_microdata_dates_of_reviews_are_not_the_articles() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/Product"><div itemprop="review" itemscope '
        'itemtype="https://schema.org/Review"><meta itemprop="datePublished" content="2020-06-08">'
        "</div></div>"
    )
    assert evidence("", body).published == ()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-09-19", dt.datetime(2019, 9, 19)),
        ("2019-09-19T14:49:54+02:00", dt.datetime(2019, 9, 19, 14, 49, 54)),
        ("2019-09-19T14:49:54Z", dt.datetime(2019, 9, 19, 14, 49, 54)),
        ("2008-04-30 12:52:47", dt.datetime(2008, 4, 30, 12, 52, 47)),
        ("0000-00-00 00:00:00", None),
        ("1970-01-01T00:00:00Z", None),
        ("", None),
        (20190919, None),
    ],
)
def test_structured_datetime(raw: object, expected: dt.datetime | None) -> None:
    assert structured_datetime(raw) == expected


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Opublikowano 19 września 2019 przez Anna Nowak", True),
        ("Dodano: 19.09.2019 r.", True),
        ("2019-09-19 12:52:47", True),
        ("September 19, 2019", True),
        ("19. September 2019", True),
        ("wrzesień 2019 P W Ś C P S N 16 17 18 19 20", False),  # a calendar's grid
        ("© 2008-2019 MOPS", False),
    ],
)
def test_declared_date_is_confirmed_only_where_the_page_prints_it(text: str, shown: bool) -> None:
    assert (dt.date(2019, 9, 19) in shown_dates_near(text_key(text), 2019)) is shown


def test_site_name_is_no_claim() -> None:
    claims = headline_claims("Asystent rodziny | GOPS Łącko", [], ["GOPS Łącko"])
    assert claims.agreement("Asystent rodziny") > 0
    assert claims.agreement("GOPS Łącko") == 0


TIME_PAGE = """<html><head><title>Dzień Dziecka w świetlicy - MOPS Brzeg</title></head><body>
<nav><a href="/">Start</a> <a href="/aktualnosci">Aktualności</a></nav>
<article><h1>Dzień Dziecka w świetlicy</h1>
<div class="meta">
<time class="entry-date published" datetime="2022-06-02T09:15:00+02:00">{shown}</time>
<time class="updated" datetime="2022-06-05T10:00:00+02:00">5 czerwca</time></div>
<p>W środę dzieci ze świetlicy środowiskowej bawiły się na pikniku przygotowanym przez wolontariuszy
ośrodka. Były gry, malowanie twarzy i konkurs rysunkowy z nagrodami.</p>
<p>Dziękujemy wszystkim, którzy pomogli przygotować to spotkanie, i zapraszamy na kolejne.</p>
</article>
<aside><time datetime="2021-01-01">1 stycznia 2021</time></aside></body></html>"""


@pytest.mark.parametrize("shown", ["2 dni temu", "czwartek"])
def test_time_by_the_headline_dates_the_article_whatever_it_prints(shown: str) -> None:
    page = TIME_PAGE.format(shown=shown).encode()
    [record] = parse_ops_page(page, "https://mops.brzeg-like.pl/2022/06/02/dzien-dziecka/")
    assert record.published_at == dt.datetime(2022, 6, 2, 9, 15)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("24.01.2022 - Komunikat - Dodatek osłonowy", dt.datetime(2022, 1, 24)),
        ("19.09.2019 r. | MOPS Kalisz", dt.datetime(2019, 9, 19)),
        ("19.09.2019 r. w siedzibie ośrodka odbyło się spotkanie.", None),  # a sentence
        ("Spotkanie 19.09.2019", None),  # the date does not lead
    ],
)
def test_byline_by_the_headline_that_leads_with_a_date(line: str, expected: object) -> None:
    page = linearize(LexborHTMLParser(f"<h1>Dodatek</h1><div>{line}</div><p>Tekst.</p>").root)
    assert byline_date(page, 0, len(page.lines)) == expected
