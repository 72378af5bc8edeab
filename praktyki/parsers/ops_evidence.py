"""What a page declares about its article, weighed against what it shows.

The OPS parser reads an article's date from the lines next to its headline (``ops_meta``);
structured data (:mod:`praktyki.parsers.structured`) fills in what those lines do not say, and
only where it can be believed:

* a page-level claim speaks for the article only when the page holds one article;
* only *strong* claims (an article-typed JSON-LD object, ``article:published_time``, microdata
  ``datePublished`` of an article) give a date: a ``WebPage``'s dates are stamped by plugins on
  every page, dated or not;
* a date shown next to the headline wins over a declared one (it is what the reader sees);
* a declared date must be *consistent* with the page: printed somewhere on it (a product
  page's review dates, a template's build date, a plugin's stamp on an undated page are declared
  but never printed); a declared author must be printed too.

No date is better than a wrong date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from praktyki.parsers.content import Linearized
from praktyki.parsers.ops_title import Claims, headline_claims
from praktyki.parsers.ops_values import find_datetime
from praktyki.parsers.shown_dates import shown_dates_near, text_key
from praktyki.parsers.structured import (
    DateClaim,
    Evidence,
    read_evidence,
    structured_datetime,
)

__all__ = [
    "PageFacts",
    "choose_author",
    "choose_modified",
    "choose_published",
    "page_facts",
    "byline_date",
    "time_near_headline",
]


@dataclass(frozen=True)
class PageFacts:
    """The page-level facts every article's title and dates are checked against."""

    titles: list[str]  # the <title> segments
    claims: Claims
    evidence: Evidence
    single: bool  # one article on the page: the page's claims are that article's
    text: str  # the page's visible text

    @functools.cached_property
    def shown(self) -> str:
        """The visible text folded for :func:`shown_dates_near`, only when a claim needs it."""
        return text_key(self.text)


def page_facts(
    tree: LexborHTMLParser, titles: list[str], site_name: str | None, text: str, *, single: bool
) -> PageFacts:
    evidence = read_evidence(tree)
    node = tree.css_first("title")
    page_title = node.text(separator=" ", strip=True) if node is not None else None
    meta = tree.css_first('meta[property="og:site_name"]')
    declared_site = meta.attributes.get("content") if meta is not None else None
    claims = headline_claims(page_title, evidence.headlines, [site_name, declared_site])
    return PageFacts(titles, claims, evidence, single, text)


def choose_published(shown: dt.datetime | None, facts: PageFacts) -> dt.datetime | None:
    """The article's publication date-time (see module doc)."""
    if shown is not None or not facts.single:
        return shown
    claim = _first_strong(facts.evidence.published)
    if claim is None:
        return None
    return _as_shown(claim, facts.shown)


def choose_modified(shown: dt.datetime | None, facts: PageFacts) -> dt.datetime | None:
    if shown is not None or not facts.single:
        return shown
    claim = _first_strong(facts.evidence.modified)
    if claim is None or claim.value.date() not in shown_dates_near(facts.shown, claim.value.year):
        return None
    return claim.value


def choose_author(shown: str | None, facts: PageFacts) -> str | None:
    """The author the page shows, else a declared author whose name the page shows."""
    if shown is not None or not facts.single:
        return shown
    visible = (name for name in facts.evidence.authors if text_key(name) in facts.shown)
    return next(visible, None)


def _as_shown(claim: DateClaim, shown: str) -> dt.datetime | None:
    """The declared date when the page prints it, else the printed day next to a UTC time
    near midnight ("2019-09-18T23:30:00Z" printed as 19.09.2019 in Polish time)."""
    day = claim.value.date()
    if day in shown_dates_near(shown, day.year):
        return claim.value
    if not claim.near_midnight_utc:
        return None
    for delta in (-1, 1):
        near = day + dt.timedelta(days=delta)
        if near in shown_dates_near(shown, near.year):
            return dt.datetime(near.year, near.month, near.day)
    return None


_UPDATED = re.compile(r"updated|modified|aktualiz|zmodyf", re.IGNORECASE)


def time_near_headline(
    tree: LexborHTMLParser, page: Linearized, first: int, last: int
) -> dt.datetime | None:
    """The ``datetime`` of the first ``<time>`` printed in lines ``[first, last)`` (the lines
    by the headline), not marked as the update time; the printed text may be any shape
    ("3 dni temu", "Tuesday")."""
    for node in tree.css("time[datetime]"):
        if _UPDATED.search(node.attributes.get("class") or ""):
            continue
        value = structured_datetime(node.attributes.get("datetime"))
        text = " ".join(node.text(separator=" ", strip=True).split())
        if value is None or not text:
            continue
        for line in page.lines[first:last]:
            if text in line.text and not line.chrome:
                return value
    return None


_BYLINE = 80  # a byline is short: "24.01.2022 - Meldung - Energiewende", "19.09.2019 r. | MOPS"
_LEADS_WITH_DATE = re.compile(r"^\W{0,3}\d")


def byline_date(page: Linearized, first: int, last: int) -> dt.datetime | None:
    """The date a short line by the headline starts with ("12.11.2021 red Artikel: …"), when
    no label names it; a sentence that starts with a date ends with a full stop."""
    for line in page.lines[first:last]:
        text = line.text
        if line.chrome or len(text) > _BYLINE or text.endswith(".") or line.link_density > 0.5:
            continue
        if _LEADS_WITH_DATE.match(text) and (value := find_datetime(text[:30])) is not None:
            return value
    return None


def _first_strong(claims: tuple[DateClaim, ...]) -> DateClaim | None:
    return next((claim for claim in claims if claim.strong), None)
