"""Teasers: the linked title + short excerpt units of news lists, home pages and "related posts".

A *teaser head* is a short line that is (almost) all one link to another page of the same site
(not a file, not the page itself) and reads as a title: a heading, a bold line, or a line
followed closely by an excerpt (a line with real non-link text). Its *unit* is the head and the
few short lines after it (date, excerpt, "czytaj więcej"), up to the next head.

* A page is a **list of articles** when its main block is mostly teaser units and some block
  around it holds three or more teasers (to distinct pages) that make up most of its text — a
  news category, a blog home page, an old PHP news table. Page structure only, never the URL.
* Inside an article, a group of two or more teaser units (Jetpack's "Powiązane wpisy", "Zobacz
  też" boxes) is navigation, not article text: :func:`teaser_lines` names its lines.

A single "Czytaj także: …" link, a sidebar of news teasers beside the article, or a related-posts
box under a long article leave the page an article.
"""

from __future__ import annotations

import re
from typing import cast

from praktyki.parsers.chrome import is_chrome_line
from praktyki.parsers.content import DOC_EXTENSIONS, Linearized, is_headline
from praktyki.parsers.hrefs import join_href, split_url
from praktyki.parsers.ops_meta import is_meta_line

__all__ = ["is_list_page", "linked_headlines", "teaser_lines"]

_EXCERPT = 50  # non-link characters that make a line an excerpt
_HEAD_LINKS = 0.6  # link share of a head line ("Title (06.06.2022r.)" is a head)
_UNIT_LINES = 5  # a unit is the head and at most this many lines after it
_UNIT_LONG = 400  # a line this long is article text, not an excerpt: it ends the unit
_MIN_TEASERS = 3
_MAIN_IN_TEASERS = 0.5  # share of the main block's text inside teaser units
_COVERAGE = 0.5  # share of the container's text inside teaser units
_CLIMB = 8  # ancestors of the main block tried as the list's container
_ARTICLE_RUN, _ARTICLE_CHARS = 3, 400  # paragraphs in a row outside teasers: an article
# A pager: "1 2 3 Następna »", "Strona: [1] 2", "Strona 1 z 3", "« Poprzednie", "Starsze wpisy"
_PAGER = re.compile(
    r"^(stron[ay]?\s*:?\s*)?([\[(]?\d{1,4}[\])]?[\s|,.]*){2,}[\s«»‹›<>]*(następn\w*|dalej)?[\s»›>]*$|"
    r"^strona \d+ z \d+$|"
    r"^[«‹<\s]*(poprzedni\w*|następn\w*|starsze|nowsze|wcześniejsze|późniejsze|pierwsza|ostatnia)"
    r"( (wpisy|artykuły|aktualności|wiadomości|strona|wpis|artykuł))?[\s»›>]*$",
    re.IGNORECASE,
)


def is_list_page(page: Linearized, main_id: int, url: str) -> bool:
    """True when the main block is one of several teasers (see module doc)."""
    units = _units(page, url)
    if not units:
        return False
    in_unit = {i for unit in units for i in unit}
    start, end = page.span(main_id)
    if _share(page, range(start, end), in_unit) < _MAIN_IN_TEASERS:
        return False
    if _has_article_text(page, range(start, end), in_unit):
        return False  # an article with a "related posts" strip under it
    node = page.nodes.get(main_id)
    for _ in range(_CLIMB):
        if node is None or node.mem_id not in page.nodes:
            return False
        start, end = page.span(node.mem_id)
        heads = [unit for unit in units if start <= unit[0] < end]
        targets = {page.lines[unit[0]].hrefs for unit in heads}
        # fewer teasers are enough on a page of a paginated list (its last page may hold one)
        enough = len(targets) >= _MIN_TEASERS or (targets and _paginated(page, start, end))
        if enough and _share(page, range(start, end), in_unit) >= _COVERAGE:
            return True
        if (node.tag or "").lower() in ("body", "html"):
            return False
        node = node.parent
    return False


def teaser_lines(page: Linearized, start: int, end: int, url: str) -> set[int]:
    """Lines of groups of two or more adjacent teaser units inside ``[start, end)``."""
    units = [unit for unit in _units(page, url) if start <= unit[0] < end]
    grouped: set[int] = set()
    for previous, unit in zip(units, units[1:], strict=False):
        if unit[0] == previous[-1] + 1:  # adjacent: one box of teasers
            grouped.update(previous)
            grouped.update(unit)
    return grouped


def linked_headlines(page: Linearized, start: int, end: int, url: str) -> set[int]:
    """Headings inside ``[start, end)`` that are all one link to another page of the site.

    Inside an article such a heading points at another article ("related" links that news
    sites drop between paragraphs); the article's own headings are not links elsewhere.
    """
    return {
        i
        for i in range(start, end)
        if page.lines[i].heading
        and not page.lines[i].chrome
        and page.lines[i].link_density >= _HEAD_LINKS
        and any(_other_page(href, url) for href in page.lines[i].hrefs)
    }


def _has_article_text(page: Linearized, indexes: range, in_unit: set[int]) -> bool:
    """A run of paragraphs outside any teaser: an article's text, which no list page has.

    Headings may stand between the paragraphs (an article's sub-headings); a teaser line ends
    the run. A list's long excerpt is a single paragraph between two teaser heads.
    """
    run = chars = 0
    for i in indexes:
        line = page.lines[i]
        if line.chrome or (line.heading and i not in in_unit):
            continue
        prose = len(line.text) - line.link_chars >= _EXCERPT * 2 and i not in in_unit
        run, chars = (run + 1, chars + len(line.text)) if prose else (0, 0)
        if run >= _ARTICLE_RUN and chars >= _ARTICLE_CHARS:
            return True
    return False


def _paginated(page: Linearized, start: int, end: int) -> bool:
    return any(page.lines[i].hrefs and _PAGER.match(page.lines[i].text) for i in range(start, end))


def _share(page: Linearized, indexes: range, in_unit: set[int]) -> float:
    lines = [(i, page.lines[i]) for i in indexes if not page.lines[i].chrome]
    total = sum(len(line.text) for _, line in lines)
    inside = sum(len(line.text) for i, line in lines if i in in_unit)
    return inside / total if total else 0.0


def _units(page: Linearized, url: str) -> list[list[int]]:
    key = f"teaser units {url}"
    cached = page.memo.get(key)
    if cached is None:
        cached = page.memo[key] = _find_units(page, url)
    return cast("list[list[int]]", cached)


def _find_units(page: Linearized, url: str) -> list[list[int]]:
    heads = [i for i in range(len(page.lines)) if _is_head(page, i, url)]
    units: list[list[int]] = []
    for n, head in enumerate(heads):
        stop = min(heads[n + 1] if n + 1 < len(heads) else len(page.lines), head + 1 + _UNIT_LINES)
        unit = [head]
        neighbours = heads[max(n - 1, 0) : n + 2]
        for i in range(head + 1, stop):
            line = page.lines[i]
            if line.chrome or len(line.text) > _UNIT_LONG or line.heading:
                break  # a teaser is a title, a date, an excerpt: a heading starts other text
            if _outside_unit(page, head, i, neighbours):
                break
            unit.append(i)
        units.append(unit)
    return units


def _outside_unit(page: Linearized, head: int, index: int, neighbours: list[int]) -> bool:
    """The line is not in the head's own teaser box: an article's paragraph after a link.

    News sites drop "related" headline links between an article's paragraphs; the paragraph
    after such a link is shallower than the link and shares with it only an element that also
    holds the next or previous link, or the paragraph just before the link. A teaser's excerpt
    shares a box with its head alone.
    """
    head_path, path = page.lines[head].path, page.lines[index].path
    if len(path) >= len(head_path):
        return False
    shared = 0
    while shared < len(path) and path[shared] == head_path[shared]:
        shared += 1
    if shared == 0:
        return True
    box = path[shared - 1]
    if any(box in page.lines[other].path for other in neighbours if other != head):
        return True
    before = page.lines[head - 1] if head else None
    return (
        before is not None
        and box in before.path
        and len(before.text) - before.link_chars >= _EXCERPT
    )


def _is_head(page: Linearized, index: int, url: str) -> bool:
    line = page.lines[index]
    if line.chrome or not 8 <= len(line.text) <= 200 or line.link_density < _HEAD_LINKS:
        return False
    if not any(_other_page(href, url) for href in line.hrefs):
        return False
    if is_chrome_line(line.text) is not None or is_meta_line(line.text):
        return False  # "czytaj więcej", "Następny artykuł", "Autor: <a>Ewa Malinowska</a>"
    return is_headline(line) or line.strong or _excerpt_follows(page, index)


def _excerpt_follows(page: Linearized, index: int) -> bool:
    for line in page.lines[index + 1 : index + 4]:
        if line.chrome:
            return False
        if len(line.text) - line.link_chars >= _EXCERPT:
            return True
        if line.link_density > 0.8 and is_chrome_line(line.text) is None:
            return False  # the next link: a menu, not a teaser
    return False


def _other_page(href: str, url: str) -> bool:
    """``href`` leads to another HTML page of the same site."""
    absolute = join_href(url, href)
    target = split_url(absolute) if absolute is not None else None
    here = split_url(url)
    if target is None or here is None:
        return False
    if target.scheme not in ("http", "https") or DOC_EXTENSIONS.search(target.path):
        return False
    if _host(target.netloc) != _host(here.netloc):
        return False
    return (target.path.rstrip("/"), target.query) != (here.path.rstrip("/"), here.query)


def _host(netloc: str) -> str:
    host = netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0]
    return host.removeprefix("www.")
