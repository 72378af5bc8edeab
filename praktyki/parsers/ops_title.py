"""The article's own headline, checked against what the page says its title is.

The *claims* are what the page declares: ``<title>``, ``og:title``, a JSON-LD or microdata
``headline`` (:mod:`praktyki.parsers.structured`). None of them is taken as the title by itself:
``<title>`` carries the site name and section ("Nabór do KIS - Aktualności - MOPS Inowrocław"),
``og:title`` is sometimes the site's name on every page. They choose between the headings the
page *shows*:

1. the heading (``<h1>``–``<h6>``; a heading split over lines is one heading) that agrees with a
   claim: equal, equal to one ``<title>`` segment other than the site name, or the claim cut
   short; among those the best agreement, then the one nearest the start of the article;
2. no heading agrees: the heading the layout suggests (nearest above the first paragraph), unless
   it is the site's own name or a "related posts" heading; a bold first line only when there is
   no verified claim to take instead;
3. else a declared headline that the ``<title>`` confirms, else nothing (the caller falls back).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from praktyki.parsers.chrome import is_chrome_line
from praktyki.parsers.content import Linearized
from praktyki.parsers.hrefs import join_href, split_url
from praktyki.parsers.normalize import fold_text
from praktyki.parsers.ops_meta import is_meta_line

__all__ = ["Claims", "Headline", "choose_headline", "headline_claims"]

_TITLE_SPLIT = re.compile(r"\s+[-–—|:»›•]+\s+|\s*\|\s*|\s*::\s*")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_RELATED = re.compile(
    r"^(?:related|recommended|you (?:may|might) (?:also )?like|more (?:from|stories|posts)|"
    r"read (?:also|more|next)|latest|popular|powiązane|podobne|polecane|zobacz (?:też|także|"
    r"również)|czytaj (?:też|także|również)|najnowsze|ostatnie wpisy|ostatnie posty|"
    r"najczęściej czytane|inne artykuły|komentarze|comments?|leave a (?:reply|comment)|"
    r"dodaj komentarz|udostępnij|share)\b",
    re.IGNORECASE,
)
# a centre's own name, as its header shows it: never an article's title
_CENTRE_NAME = re.compile(
    r"^(?:(?:miejsko-gminny|miejski|gminny|powiatowy|regionalny|gminne|miejskie)\s+)?"
    r"(?:ośrodek pomocy (?:społecznej|rodzinie)|centrum (?:usług społecznych|pomocy rodzinie)|"
    r"ośrodek wsparcia)\b|^(?:M|G|MG|P)?OPS\b|^(?:MOPR|PCPR|CUS|MGOPS)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.:;,]$")
_MAX_TITLE = 150
_SECTION_WORDS = 4  # a section's name in a menu is this short
_MAX_LINES = 4  # lines of one heading element joined into one headline
_MAX_CHARS = 300
_CUT_SHORT = 0.6  # a claim cut to this share of the heading (or back) still agrees


@dataclass(frozen=True, slots=True)
class Headline:
    """The chosen headline: its text and the page lines it spans (None: not a visible line)."""

    text: str
    first: int | None = None
    last: int | None = None


@dataclass(frozen=True)
class Claims:
    """What the page declares its title to be, as comparison keys (see module doc)."""

    whole: frozenset[str]  # keys of whole claims ("page title - site")
    parts: frozenset[str]  # keys of their segments, the site name left out
    declared: tuple[str, ...]  # structured headlines (og:title, JSON-LD), verbatim, strongest first
    site: frozenset[str]  # keys of the site's own names
    page: frozenset[str]  # keys of ``<title>``: whole, without the site name, its segments

    def contained(self, text: str) -> str | None:
        """A declared headline (verbatim) that ``text`` holds with a kicker or subtitle around
        it: three words at least and half of ``text``."""
        key = _key(text)
        for declared in self.declared:
            claim = _key(declared)
            long_enough = claim.count(" ") >= 2 and len(claim) >= 0.5 * len(key)
            if long_enough and claim in key and claim not in self.site:
                return declared
        return None

    def is_site(self, text: str) -> bool:
        return _key(text) in self.site

    def agreement(self, text: str) -> float:
        """How well ``text`` matches a claim: 1 equal, 0.9 a segment, 0.7 cut short, 0.6 the
        claim shortened from it, else 0."""
        key = _key(text)
        if not key or key in self.site:
            return 0.0
        if key in self.whole:
            return 1.0
        if key in self.parts:
            return 0.9
        for claim in self.whole:
            short, long_ = sorted((key, claim), key=len)
            if long_.startswith(short) and len(short) >= _CUT_SHORT * len(long_):
                return 0.7
        for claim in self.whole:  # "Chronik: Lotte Tobisch ist tot" over "Lotte Tobisch ist tot"
            if claim.endswith(" " + key) and key.count(" ") >= 2 and len(key) >= 0.5 * len(claim):
                return 0.7
        # "<title>Harmonogram zajęć - MOPS</title>" over "Harmonogram zajęć Klubu …": a shortened
        # title (two words at least, so that a section name such as "Aktualności" is not one)
        for claim in self.whole | self.parts:
            if key.startswith(claim + " ") and claim.count(" ") >= 1:
                return 0.6
        return 0.0


def headline_claims(
    page_title: str | None, declared: Iterable[str], site_names: Iterable[str | None]
) -> Claims:
    """The claims of ``<title>`` and the structured headlines, minus the site's own name."""
    site = frozenset(_key(name) for name in site_names if name)
    stated = [_ELLIPSIS.sub("", text) for text in declared]
    whole: set[str] = set()
    parts: set[str] = set()
    page: set[str] = set()
    for text, is_title in [*((t, False) for t in stated), (page_title or "", True)]:
        keys = {_key(text)}
        segments = [part.strip() for part in _TITLE_SPLIT.split(text) if part.strip()]
        if len(segments) > 1:  # "Headline - Section - Site": the title without the site
            parts.update(_key(part) for part in segments)
            keys.add(_key(" - ".join(p for p in segments if _key(p) not in site)))
            if is_title:
                page.update(_key(part) for part in segments)
        whole.update(keys)
        if is_title:
            page.update(keys)
    return Claims(
        whole=frozenset(whole - site - {""}),
        parts=frozenset(parts - site - {""}),
        declared=tuple(stated),
        site=site,
        page=frozenset(page - site - {""}),
    )


def choose_headline(
    page: Linearized, start: int, end: int, found: int | None, claims: Claims, url: str
) -> Headline | None:
    """The article's headline for the article in lines ``[start, end)`` (see module doc).

    ``found`` is the line the layout suggests (the caller's heading nearest above the text).
    """
    best = _agreeing_heading(page, start, end, claims)
    if best is not None and not _section_over(page, best, found, (start, end), url):
        return best
    verified = _verified(claims)
    layout = found is not None and _plausible(page, found, start, claims)
    if found is not None and layout and (page.lines[found].heading or verified is None):
        return _unit(page, found)
    repeated = _repeated_line(page, start, claims)
    if repeated is not None:
        return Headline(page.lines[repeated].text, repeated, repeated)
    if verified is not None:
        return Headline(verified)
    return _styled_first_line(page, start, end)


def _section_over(
    page: Linearized, best: Headline, found: int | None, span: tuple[int, int], url: str
) -> bool:
    """``best`` names the section the article sits in (the menu links "Aktualności" to another
    page) and the article has its own heading ``found`` below it: the ``<title>`` is the menu
    item's. A menu item that links to this very page names the page itself."""
    start, end = span
    if found is None or best.first is None or not page.lines[found].heading:
        return False
    if not (start <= found < end) or best.first >= found:
        return False
    key = _key(best.text)
    if key.count(" ") >= _SECTION_WORDS:
        return False
    hrefs = [
        href
        for line in page.lines
        if line.link_density > 0.5 and _key(line.text) == key
        for href in line.hrefs
    ]
    return bool(hrefs) and not any(_same_page(href, url) for href in hrefs)


def _same_page(href: str, url: str) -> bool:
    target, here = split_url(join_href(url, href) or ""), split_url(url)
    if target is None or here is None:
        return False
    same_path = target.path.rstrip("/") == here.path.rstrip("/")
    return target.netloc == here.netloc and same_path and target.query == here.query


def _agreeing_heading(page: Linearized, start: int, end: int, claims: Claims) -> Headline | None:
    best: tuple[float, int] | None = None
    chosen: Headline | None = None
    index = 0
    while index < end:
        line = page.lines[index]
        if not line.heading or (line.chrome and line.link_density > 0.5):
            index += 1
            continue
        unit = _unit(page, index)
        last = unit.last if unit.last is not None else index
        score, unit = _best_reading(page, unit, claims)
        if score and _RELATED.match(unit.text) is None:
            distance = start - index if index < start else index - start
            rank = (score - (0.2 if line.chrome else 0.0), -distance)
            if best is None or rank > best:
                best, chosen = rank, unit
        index = last + 1
    return chosen


def _best_reading(page: Linearized, unit: Headline, claims: Claims) -> tuple[float, Headline]:
    """The heading whole, one of its lines (a kicker or subtitle beside the headline), or the
    declared headline it contains ("Klimaschutz: Bohren, bis es heiß wird" over "Bohren, bis
    es heiß wird") — whichever agrees best with the claims."""
    score = claims.agreement(unit.text)
    if score >= 1.0 or unit.first is None or unit.last is None:
        return score, unit
    best = (score, unit)
    for index in range(unit.first, unit.last + 1) if unit.last > unit.first else ():
        text = page.lines[index].text
        line_score = claims.agreement(text) * 0.95
        if line_score > best[0]:
            best = (line_score, Headline(text, index, index))
    inner = claims.contained(unit.text)
    if inner is not None and best[0] < 0.8:
        best = (0.8, Headline(inner, unit.first, unit.last))
    return best


def _unit(page: Linearized, index: int) -> Headline:
    """The heading at ``index`` with the lines of the same heading element after it."""
    line = page.lines[index]
    last = index
    while (
        line.heading
        and last + 1 < len(page.lines)
        and last - index + 1 < _MAX_LINES
        and page.lines[last + 1].heading == line.heading
        and page.lines[last + 1].block == line.block
    ):
        last += 1
    text = " ".join(page.lines[i].text for i in range(index, last + 1))
    if len(text) > _MAX_CHARS:
        return Headline(line.text, index, index)
    return Headline(text, index, last)


def _plausible(page: Linearized, index: int, start: int, claims: Claims) -> bool:
    """Not the site's name, a "related posts" heading, a sidebar's heading or site machinery.

    A heading above the article that agrees with no claim is suspect: the centre's name in the
    header ("Miejsko-Gminny Ośrodek Pomocy Społecznej w Kórniku") or a sidebar box's heading
    with its links between it and the article.
    """
    text = page.lines[index].text
    if _key(text) in claims.site or _RELATED.match(text) or is_chrome_line(text) is not None:
        return False
    if index >= start:
        return True
    between = page.lines[index + 1 : start]
    links = sum(1 for line in between if line.link_density > 0.5)
    return links < 2 and _CENTRE_NAME.match(text) is None


def _styled_first_line(page: Linearized, start: int, end: int) -> Headline | None:
    """The article's first line when it stands alone and reads as a title, not a sentence."""
    for index in range(start, min(end, start + 3)):
        line = page.lines[index]
        if line.chrome or line.link_density > 0.5 or is_chrome_line(line.text) is not None:
            continue
        following = page.lines[index + 1] if index + 1 < end else None
        alone = (
            following is None
            or following.para != line.para
            or bool(following.heading)
            or is_meta_line(following.text)  # "Dodano przez …, 2019-09-19" under the title
        )
        titled = 3 <= len(line.text) <= _MAX_TITLE and not _SENTENCE_END.search(line.text)
        return Headline(line.text, index, index) if alone and titled else None
    return None


def _repeated_line(page: Linearized, start: int, claims: Claims) -> int | None:
    """A plain line near the article's start that repeats a claim (a styled ``<div>`` title)."""
    for index in range(max(0, start - 15), min(len(page.lines), start + 5)):
        line = page.lines[index]
        if not line.chrome and line.link_density < 0.5 and claims.agreement(line.text) >= 0.9:
            return index
    return None


def _verified(claims: Claims) -> str | None:
    """A declared headline that ``<title>`` confirms (the first such, strongest first)."""
    for text in claims.declared:
        key = _key(text)
        if key and key not in claims.site and any(p.startswith(key) for p in claims.page):
            return text
    return None


def _key(text: str) -> str:
    return _EDGES.sub("", _SPACES.sub(" ", fold_text(text))).strip()
