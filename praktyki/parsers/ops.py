"""OPS article pages → :class:`~praktyki.schemas.ops.OpsPage` records (one per article).

Pipeline: decode → parse → linearize (:mod:`praktyki.parsers.content`) → find the main content
(generic scoring; registry ``SiteHints`` only override it) → per article: title, metadata,
body, attachments → page-level breadcrumb, institution, site name → topic tags.

Decisions (also in the README's field notes):

* **title** is the heading nearest above the article's first paragraph — for seed 004 the
  article heading "Centrum Aktywności Lokalnej", for seed 003 each article's own heading, never
  a section heading such as "CAL/CIS ❯ CAL/CIS Informacje" that sits above several articles.
  On a one-article page a heading that agrees with ``<title>`` / ``og:title`` / a declared
  headline wins, and the centre's name, a sidebar's or a "related" heading never does
  (:mod:`praktyki.parsers.ops_title`). Without any heading, a ``<title>`` segment printed just
  above the text, a styled first line, else the first ``<title>`` segment not the site's name.
* **dates** come from the labelled or bare date lines by the headline (``ops_meta``), else a
  ``<time>`` or a date-led byline there, else a declared date the page prints
  (:mod:`praktyki.parsers.ops_evidence`); never a widget's, a sidebar's, a footer's or a
  comment's. No date is better than a wrong date.
* **body** is the article text after the title: paragraphs separated by one blank line,
  ``<br>`` lines by one newline, list items (``<li>`` or lines starting with a bullet glyph)
  one per line as ``"- item"``. A lead line such as "OŚRODEK POMOCY SPOŁECZNEJ W JANOWIE
  LUBELSKIM JAKO CENTRUM AKTYWNOŚCI LOKALNEJ." is article text and stays in the body. Metadata
  lines (dates, author, editor, views) and chrome lines are left out.
* the **whole article** across sibling containers: the lead paragraphs between a headline
  above the article block and the block, and sentence paragraphs in containers that share the
  block's parent (a body split around an advert or a "Czytaj także" link). Comments, share
  bars, captions, "related" boxes and linked headlines pointing at other articles stay out.
* several articles on one page (repeated blocks, a numbered series of CMS items) give one
  record each.
* **confidence** is 1.0 when the rules found the article; when they found none although the
  page has prose (all of it inside what looked like chrome), the best block of prose is taken
  with ``FALLBACK_CONFIDENCE`` instead of refusing the page.
"""

from __future__ import annotations

import re
from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser, LexborNode

from praktyki.errors import MissingBlock
from praktyki.parsers.chrome import (
    ATTACHMENTS_LABEL,
    END_LABEL,
    HOURS_LABEL,
    HOURS_LINE,
    META_BLOCK,
    is_chrome_line,
)
from praktyki.parsers.content import (
    DOC_EXTENSIONS,
    MIN_PARAGRAPH,
    Line,
    Linearized,
    MainContent,
    find_main,
    is_headline,
    linearize,
)
from praktyki.parsers.hrefs import join_href, split_url, url_path
from praktyki.parsers.html import parse_tree
from praktyki.parsers.ops_evidence import (
    PageFacts,
    byline_date,
    choose_author,
    choose_modified,
    choose_published,
    page_facts,
    time_near_headline,
)
from praktyki.parsers.ops_institution import find_institution
from praktyki.parsers.ops_lists import is_list_page, linked_headlines, teaser_lines
from praktyki.parsers.ops_meta import is_date_only, is_meta_line, scan_meta
from praktyki.parsers.ops_page import breadcrumb, site_name_of, title_segments
from praktyki.parsers.ops_title import choose_headline
from praktyki.parsers.ops_values import find_datetime
from praktyki.parsers.topics import Topics, load_topics, tag_topics
from praktyki.schemas.base import Record
from praktyki.schemas.ops import OpsAttachment, OpsPage

__all__ = ["FALLBACK_CONFIDENCE", "SiteHints", "parse_ops_page"]

FALLBACK_CONFIDENCE = 0.3  # ``OpsPage.confidence`` of a body taken from the best block of prose

_BULLET = re.compile(r"^(?:[•●▪■◦▫‣⁃∙·*–—-]|&bull;)\s+")
_ADDRESS = re.compile(r"(?<![\d-])\d{2}-\d{3}(?![\d-])\s+\w")  # "56-200 Góra"
_FILE_INFO = re.compile(
    r"[\s,;–-]*[(\[]?\s*(?:pdf|docx?|odt|ods|xlsx?|rtf|zip|jpe?g|png)?[\s,;]*"
    r"(?:\d+(?:[.,]\d+)?\s*[kKmMgG]i?[bB])?\s*[)\]]?\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…:;][\"”»)]?$")
_SKIP_LINKS = 2  # chrome lines stepped over between two parts of an article
_META_AFTER = 14  # lines after an article still searched for its metadata
_META_BLOCK_LINES = 30  # label/value lines of a labelled metadata block read at most
_TITLE_BACK = 12  # lines above an article searched for its heading
_BYLINE_LINES = 6  # lines after the headline where a <time> is the article's
# pages of the site's own machinery ("Rejestr zmian", "Wyszukiwarka"): never an article
_SITE_FUNCTIONS = frozenset({"bip chrome", "search", "login", "counter"})
_SITE_WIDE = frozenset({"site update", "counter", "copyright"})  # never an article's metadata


class SiteHints(Record):
    """Per-site CSS overrides from the site registry, used only where the generic rules fail."""

    title_selector: str | None = None
    body_selector: str | None = None
    date_selector: str | None = None


_TOPICS: Topics | None = None


def _topics() -> Topics:
    global _TOPICS  # noqa: PLW0603 - the vocabulary is immutable data, read once
    if _TOPICS is None:
        _TOPICS = load_topics()
    return _TOPICS


def parse_ops_page(
    body: bytes,
    url: str,
    content_type: str | None = None,
    *,
    hints: SiteHints | None = None,
    site_name: str | None = None,
) -> list[OpsPage]:
    """One record per article on the page; ``ParseError``/``MissingBlock`` when there is none."""
    tree, _ = parse_tree(body, content_type, url)
    if tree.root is None:
        raise MissingBlock("empty document", url=url)
    page = linearize(tree.root)
    main_id, regions = _regions(tree, page, hints)
    if main_id is not None and is_list_page(page, main_id, url):
        raise MissingBlock("a list of articles, not an article", url=url)
    records = _records(tree, page, regions, url, hints, site_name) if regions else []
    if not records:
        records = _fallback(tree, page, url, site_name)
    if not records:
        reason = (
            "no article text after removing site chrome" if regions else "no article content found"
        )
        raise MissingBlock(reason, url=url)
    return records


def _records(
    tree: LexborHTMLParser,
    page: Linearized,
    regions: list[int],
    url: str,
    hints: SiteHints | None,
    site_name: str | None,
    confidence: float = 1.0,
) -> list[OpsPage]:
    titles = title_segments(tree)
    first = page.span(regions[0])[0]
    last = page.span(regions[-1])[1]
    site_name = site_name or site_name_of(tree, page, first, titles, url)
    shared = {
        "url": url,
        "site_name": site_name,
        "breadcrumb": breadcrumb(page),
        "institution": find_institution(page, (first, last)),
        "confidence": confidence,
    }
    base = _base_url(tree, url)
    text = "\n".join(line.text for line in page.lines)
    facts = page_facts(tree, titles, site_name, text, single=len(regions) == 1)
    records: list[OpsPage] = []
    for index, region in enumerate(regions):
        limit = page.span(regions[index + 1])[0] if index + 1 < len(regions) else None
        record = _article(
            tree, page, region, limit, facts, base, hints, url, alone=len(regions) == 1
        )
        if record is not None:
            records.append(OpsPage(**shared, **record, article_index=len(records)))
    return records


def _fallback(
    tree: LexborHTMLParser, page: Linearized, url: str, site_name: str | None
) -> list[OpsPage]:
    """The best block of prose when the rules found none: every line counted, chrome or not.

    A page whose article sits inside what looks like chrome (an unclosed ``<header>``, a
    ``<nav>`` around everything) still has its text; the record says how sure it is
    (``FALLBACK_CONFIDENCE``) so that a user can filter instead of losing the page.
    """
    if not any(line.chrome for line in page.lines):
        return []
    bare = Linearized([replace(line, chrome=False) for line in page.lines], page.nodes)
    main = find_main(bare, _boilerplate)
    if main is None or is_list_page(bare, main.node_id, url):
        return []
    start, end = bare.span(main.node_id)
    if not any(
        line.chrome and _is_paragraph(replace(line, chrome=False)) for line in page.lines[start:end]
    ):
        return []  # its prose was not chrome: the rules judged it already (a site's search page)
    return _records(
        tree, bare, main.articles or [main.node_id], url, None, site_name, FALLBACK_CONFIDENCE
    )


def _regions(
    tree: LexborHTMLParser, page: Linearized, hints: SiteHints | None
) -> tuple[int | None, list[int]]:
    """The main block (None when a registry hint chose the regions) and the article blocks."""
    if hints and hints.body_selector:
        matched = [n.mem_id for n in tree.css(hints.body_selector) if n.mem_id in page.nodes]
        if matched:
            return None, matched
    main: MainContent | None = find_main(page, _boilerplate)
    if main is None:
        return None, []
    return main.node_id, main.articles or [main.node_id]


def _boilerplate(text: str) -> bool:
    return is_meta_line(text) or is_chrome_line(text) is not None


def _article(
    tree: LexborHTMLParser,
    page: Linearized,
    region: int,
    limit: int | None,
    facts: PageFacts,
    base: str,
    hints: SiteHints | None,
    url: str,
    *,
    alone: bool = True,
) -> dict[str, object] | None:
    """One article's record; None when nothing of it is article text (see module doc)."""
    start, end = page.span(region)
    titles = facts.titles
    title_at = title_last = _title_index(page, start, end, titles)
    title = page.lines[title_at].text if title_at is not None else None
    if facts.single:
        chosen = choose_headline(page, start, end, title_at, facts.claims, url)
        title = chosen.text if chosen is not None else None
        title_at = title_last = None
        if chosen is not None:
            title_at, title_last = chosen.first, chosen.last
    if hints and hints.title_selector and (node := tree.css_first(hints.title_selector)):
        title = node.text(separator=" ", strip=True) or title
    in_region = title_at is not None and title_last is not None and start <= title_at < end
    body_from = title_last + 1 if in_region and title_last is not None else start
    one_line = in_region and title_at is not None and title_at == title_last
    if one_line and title_at is not None and _sentence_title(page.lines[title_at]):
        body_from = title_at  # a bold first paragraph read as the title is the text's too
    window_from = min(title_at, start) if title_at is not None else start
    window_to = _meta_window_end(page, end, limit if limit is not None else len(page.lines))
    # site-wide lines carry no article facts ("Ostatnia aktualizacja strony: …" is the site's)
    # nor do the site frame's lines (nav, sidebar, footer) or a bare date after the article:
    # a comment's or a sidebar's date is not the article's
    window = page.lines[window_from:window_to]
    texts = [
        "" if _site_wide(line) or _stray_date(page, i, end) else line.text
        for i, line in enumerate(window, start=window_from)
    ]
    meta = scan_meta(texts)
    consumed = {window_from + i for i in meta.consumed} | teaser_lines(page, start, end, url)
    consumed |= linked_headlines(page, body_from, end, url)
    outside = {line.text.casefold() for i, line in enumerate(page.lines) if not start <= i < end}
    lines = [
        line for i, line in enumerate(page.lines) if body_from <= i < end and i not in consumed
    ]
    if title_at is not None and title_at < start:
        after_title = (title_last if title_last is not None else title_at) + 1
        lines = _lead(page, after_title, start, consumed) + lines
    elif alone:  # one of several articles: its siblings are the other articles
        lines = _siblings(page, region, range(start - 1, -1, -1), consumed)[::-1] + lines
    if alone:
        lines += _siblings(page, region, range(end, len(page.lines)), consumed)
    body = _render(_body_lines(lines, outside, about_hours=_about_hours(title)))
    if not body:
        return None
    if title is None:
        named = [segment for segment in titles if not facts.claims.is_site(segment)]
        title = named[0] if named else body.split("\n", 1)[0][:200]
    if is_chrome_line(title) in _SITE_FUNCTIONS:
        return None
    byline_end = min(end, max(body_from, start) + _BYLINE_LINES)
    shown = (
        meta.published_at
        or time_near_headline(tree, page, window_from, byline_end)
        or byline_date(page, window_from, byline_end)
    )
    published = choose_published(shown, facts)
    if hints and hints.date_selector and (node := tree.css_first(hints.date_selector)):
        published = find_datetime(node.text(separator=" ", strip=True)) or published
    return {
        "title": title,
        "published_at": published,
        "modified_at": choose_modified(meta.modified_at, facts),
        "author": choose_author(meta.author, facts),
        "editor": meta.editor,
        "views": meta.views,
        "body": body,
        "topics": tag_topics(f"{title}\n{body}", _topics()),
        "attachments": _attachments(_enclosing(page, region, window_from, window_to), base),
    }


def _site_wide(line: Line) -> bool:
    """A line of the site's frame (nav, sidebar, page footer) or a site-wide fact: no article's."""
    return line.chrome or is_chrome_line(line.text) in _SITE_WIDE


def _stray_date(page: Linearized, index: int, end: int) -> bool:
    """A bare date after the article: a comment's or a related post's, never the article's
    (unless it is the value of a label on the line before, as in a ``<dl>``)."""
    if index < end or not is_date_only(page.lines[index].text):
        return False
    return not is_meta_line(page.lines[index - 1].text) or is_date_only(page.lines[index - 1].text)


def _lead(page: Linearized, first: int, start: int, consumed: set[int]) -> list[Line]:
    """Paragraphs between a headline above the article block and the block: the lead.

    CMSs put the standfirst in a container of its own beside the body's; only prose is taken
    from there (a byline, a date, a share bar or a second headline between headline and text
    stays out).
    """
    return [
        line
        for i, line in enumerate(page.lines[first:start], start=first)
        if i not in consumed and not line.heading and _is_paragraph(line) and not _linky(line)
    ]


def _siblings(page: Linearized, region: int, indexes: range, consumed: set[int]) -> list[Line]:
    """Prose in the article block's sibling containers, walking ``indexes`` away from it.

    CMSs split one article over sibling field containers (a lead, the body, a second body part
    after an advert); a paragraph that shares the block's parent is the article's. The walk
    steps over chrome (a "related" box, a newsletter box between the parts) and over up to two
    chrome lines ("Read More"), and stops at the first other line that is not such prose, or
    at any heading.
    """
    node = page.nodes[region]
    parent = node.parent
    if parent is None or parent.mem_id not in page.nodes or (parent.tag or "") in ("body", "html"):
        return []
    found: list[Line] = []
    skipped = 0
    for i in indexes:
        line = page.lines[i]
        if parent.mem_id in line.path and _between_parts(line) and skipped < _SKIP_LINKS:
            skipped += not line.chrome  # a "Read more" link between the parts, an advert box
            continue
        if i in consumed or line.heading or parent.mem_id not in line.path or not _sentences(line):
            break
        found.append(line)
        skipped = 0
    return found


def _between_parts(line: Line) -> bool:
    """Chrome, or a chrome line ("Read more", "Advertisement", "Zobacz także")."""
    return line.chrome or is_chrome_line(line.text) is not None


def _sentence_title(line: Line) -> bool:
    """A title line that is no heading element but a paragraph of sentences."""
    return not line.heading and _sentences(line) and len(line.text) > 100


def _sentences(line: Line) -> bool:
    """Prose for sure: a paragraph that reads as sentences, not a footer's address line."""
    text = line.text
    return (
        _is_paragraph(line)
        and not _linky(line)
        and (len(text) >= 200 or _SENTENCE_END.search(text) is not None)
        and _ADDRESS.search(text) is None
    )


def _meta_window_end(page: Linearized, end: int, limit: int) -> int:
    """Where an article's metadata may still be: a few lines on, or through a "Metryczka" block.

    A labelled metadata block (BIP's "Metryczka", "Informacje o publikacji") can follow a file
    list and run to twenty lines; when its heading shows up soon after the text, it is read whole.
    """
    window_to = min(end + _META_AFTER, limit)
    for i in range(end, window_to):
        if META_BLOCK.match(page.lines[i].text):
            return min(i + _META_BLOCK_LINES, limit)
    return window_to


def _title_index(page: Linearized, start: int, end: int, titles: list[str]) -> int | None:
    """The heading nearest above the article's first paragraph (see module doc)."""
    found = None
    for i in range(start, end):
        line = page.lines[i]
        if line.heading and not line.chrome:
            found = i
        elif _is_paragraph(line):
            break
    if found is not None:
        return found
    wanted = {segment.casefold() for segment in titles}
    for i in range(max(0, start - 6), min(end, start + 3)):
        line = page.lines[i]
        if line.text.casefold() in wanted and not line.chrome and not _linky(line):
            return i  # no heading element: the line that repeats the <title>
    for i in range(start, end):
        line = page.lines[i]
        if is_headline(line) and not line.chrome and is_chrome_line(line.text) is None:
            return i  # a bold line standing alone above the text
        if _is_paragraph(line):
            break
    for i in range(start - 1, max(start - _TITLE_BACK, 0) - 1, -1):
        line = page.lines[i]
        if line.heading and not line.chrome and line.link_density < 0.5:
            return i
        if _is_paragraph(line):
            return None
    return None


def _is_paragraph(line: Line) -> bool:
    return (
        not line.chrome
        and len(line.text) - line.link_chars >= MIN_PARAGRAPH * 2
        and not is_meta_line(line.text)
        and is_chrome_line(line.text) is None
    )


def _about_hours(title: str | None) -> bool:
    """An article about opening hours ("Godziny pracy"): its timetable is its content."""
    return title is not None and HOURS_LABEL.match(title) is not None


def _hours_label(text: str) -> bool:
    """ "Godziny pracy:", "Kasa czynna" — a label, not a sentence that merely starts so."""
    return HOURS_LABEL.match(text) is not None and len(text) < 60 and not text.endswith(".")


def _body_lines(lines: list[Line], outside: set[str], *, about_hours: bool = False) -> list[Line]:
    kept: list[Line] = []
    in_hours = False
    for line in lines:
        text = line.text
        if META_BLOCK.match(text) or END_LABEL.match(text):
            break  # "Metryczka", "Tagi:", "O autorze": the rest is not the article's text
        if line.chrome or is_meta_line(text):
            continue
        if not about_hours and _hours_label(text):
            in_hours = True
            continue
        if in_hours and HOURS_LINE.match(text):
            continue
        in_hours = False
        if is_chrome_line(text) is None and not _attachment_line(line):
            kept.append(line)
    kept = _drop_link_clusters(kept)
    return _trim_edges(kept, outside)


def _attachment_line(line: Line) -> bool:
    """A line that is a link to a file: it is reported in ``attachments``, not in the body."""
    paths = [url_path(href) for href in line.hrefs]
    if not paths or not all(DOC_EXTENSIONS.search(p) for p in paths):
        return False
    # the file's type and size after the link ("Regulamin (pdf, 1 KB)") are part of the link
    bare = len(_FILE_INFO.sub("", line.text)) or 1
    return line.link_chars / bare > 0.6


def _linky(line: Line) -> bool:
    has_document = any(DOC_EXTENSIONS.search(url_path(h)) for h in line.hrefs)
    return line.link_density > 0.7 and not has_document


def _drop_link_clusters(lines: list[Line]) -> list[Line]:
    """Runs of three or more short link-only lines are menus or link lists, not prose."""
    drop: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        if line is not None and _linky(line) and len(line.text) < 100:
            run.append(i)
            continue
        if len(run) >= 3:
            drop.update(run)
        run = []
    return [line for i, line in enumerate(lines) if i not in drop]


def _trim_edges(lines: list[Line], outside: set[str]) -> list[Line]:
    """Drop link lines and short lines repeated elsewhere on the page from both ends."""

    def junk(line: Line) -> bool:
        short_repeat = len(line.text) < 60 and line.text.casefold() in outside
        return _linky(line) or (short_repeat and not line.heading)

    if any(_ADDRESS.search(line.text) for line in lines):
        # a contact page: its address repeats the footer's and is still its content
        return _trim_links(lines)
    kept = lines
    while kept and junk(kept[0]):
        kept = kept[1:]
    while kept and (junk(kept[-1]) or ATTACHMENTS_LABEL.match(kept[-1].text)):
        kept = kept[:-1]  # a trailing "Załączniki" lost its files to ``attachments``
    return kept or _trim_links(lines)  # a short page that repeats the menu is still a page


def _trim_links(lines: list[Line]) -> list[Line]:
    while lines and _linky(lines[0]):
        lines = lines[1:]
    while lines and _linky(lines[-1]):
        lines = lines[:-1]
    return lines


def _render(lines: list[Line]) -> str:
    out: list[str] = []
    previous: Line | None = None
    previous_item = False
    for line in lines:
        text, item = line.text, line.item
        bullet = _BULLET.match(text)
        if bullet:
            text, item = text[bullet.end() :], True
        if item:
            text = f"- {text}"
        if previous is not None:
            joined = (item and previous_item) or line.para == previous.para
            out.append("\n" if joined else "\n\n")
        out.append(text)
        previous, previous_item = line, item
    return "".join(out).strip()


def _enclosing(page: Linearized, region: int, first: int, last: int) -> LexborNode:
    """The widest ancestor of the article block still inside its metadata window.

    Attachments often sit beside the body field (Drupal's file field, BIP's "Załączniki"), so
    the article block alone is too narrow; the page's sidebar is too wide.
    """
    node = page.nodes[region]
    while (parent := node.parent) is not None and parent.mem_id in page.nodes:
        start, end = page.span(parent.mem_id)
        if start < first - 2 or end > last or (parent.tag or "") in ("body", "html"):
            break
        node = parent
    return node


def _attachments(node: LexborNode, base: str) -> tuple[OpsAttachment, ...]:
    found: dict[str, OpsAttachment] = {}
    for link in node.css("a[href]"):
        href = (link.attributes.get("href") or "").strip()
        absolute = join_href(base, href) if href else None
        parts = split_url(absolute) if absolute is not None else None
        if absolute is None or parts is None or not DOC_EXTENSIONS.search(parts.path):
            continue
        name = link.text(separator=" ", strip=True) or parts.path.rsplit("/", 1)[-1]
        found.setdefault(absolute, OpsAttachment(name=" ".join(name.split()), url=absolute))
    return tuple(found.values())


def _base_url(tree: LexborHTMLParser, url: str) -> str:
    base = tree.css_first("base[href]")
    href = base.attributes.get("href") if base is not None else None
    return (join_href(url, href) or url) if href else url
