"""A generic main-content extractor for pages of unknown software.

The page is first *linearized*: a depth-first walk turns the DOM into visible text lines, each
remembering its block ancestors, whether it is a heading or a list item, how much of it is link
text, and whether it sits in structural chrome (``nav``, ``aside``, ``form``, a page-level
``header``/``footer``, or a subtree whose id/class names a cookie or accessibility widget).

Then, in the spirit of readability / boilerpipe (an independent implementation):

1. every line with at least ``MIN_PARAGRAPH`` characters of non-link text scores
   ``1 + commas + min(chars / 100, 3)`` and hands it to its block and, weakened, to the three
   blocks above (so the container of many paragraphs wins over each paragraph);
2. a block's final score is scaled by ``1 - link density`` (menus are links), by its tag
   (``article`` / ``main`` up, ``nav`` / ``aside`` / ``footer`` down) and, weakly, by id/class
   words (:mod:`praktyki.parsers.chrome`);
3. the best block is widened to its parent while it holds less than half of the parent's
   non-link text and the parent is not link-heavy (an article split over sibling ``div``\\ s);
4. a page with several articles (seed 003) is recognised by *repeated structure*: two or more
   siblings of the same tag and class, each opening with a heading and carrying real text.

Nothing here keys on one CMS; the chrome vocabulary is data in :mod:`praktyki.parsers.chrome`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from praktyki.errors import TooComplex
from praktyki.parsers.chrome import (
    CHROME_ATTRS,
    NEGATIVE_ATTRS,
    POSITIVE_ATTRS,
    is_comment_area,
    is_side_box,
)

__all__ = [
    "Line",
    "Linearized",
    "MainContent",
    "extract_main_content",
    "find_main",
    "is_headline",
    "linearize",
]

MIN_PARAGRAPH = 25
_Attrs = dict[str, str | None]  # LexborNode.attributes
_WRAPPER_SHARE = 0.5  # a soft chrome element holding this share of the page's text wraps it
_HARD_WRAPPER_SHARE = 0.8  # the same for nav/header/aside/role: an unclosed <header>, say
_LEVELS = 6  # block ancestors a paragraph scores for (page-builder columns nest deep)


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


MAX_DEPTH = 400  # deeper nesting is walked as inline: keeps pathological input linear
# A page's lines and the block ancestors they list, summed, at most (real pages: a few
# thousand lines, a few dozen ancestors each); the scoring walks every ancestor of every line.
MAX_LINES = 40_000
MAX_PATH_ENTRIES = 2_000_000
MAX_TEXT_CHARS = 1_000_000  # visible text; a long article is ~50,000 characters

BLOCK_TAGS = _tags(
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html li main menu "
    "nav ol p pre section summary table tbody td tfoot th thead tr ul"
)
SKIP_TAGS = _tags(
    "script style noscript template svg iframe object embed select option textarea input "
    "button head title meta link map canvas video audio picture source track"
)
CHROME_TAGS = frozenset({"nav", "aside", "form", "menu", "dialog"})
EDGE_TAGS = frozenset({"header", "footer"})  # chrome unless inside an article
DOC_EXTENSIONS = re.compile(
    r"\.(pdf|docx?|odt|ods|xlsx?|rtf|pptx?|odp|zip|rar|7z|jpe?g|png|gif|txt|csv)$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")
_COLUMN_SHARE = 0.8  # share of a block's text its repeated articles hold to split it
# ids that name the page's own header or footer (whole id, so "footer-news" is not one)
_EDGE_NAME = re.compile(r"(site-|page-)?(footer|stopka|stopka-strony|naglowek|header|masthead)")
_WRAPPER_TAGS = frozenset({"html", "body", "main", "article"})  # never a box beside the text
_ROLE_CHROME = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})


@dataclass(frozen=True, slots=True)
class Line:
    """One visible line of text and what the walk knew about where it stood."""

    text: str
    para: int  # lines of one block split only by <br> share a para number
    path: tuple[int, ...]  # mem_ids of the block ancestors, outermost first
    heading: int = 0  # 1..6 inside <hN>
    item: bool = False  # inside <li>
    link_chars: int = 0
    chrome: bool = False
    hrefs: tuple[str, ...] = ()
    chrome_at: int = 0  # mem_id of the innermost chrome ancestor (0: none)
    strong: bool = False  # the whole line is bold (<b>/<strong>): a heading on old sites

    @property
    def block(self) -> int:
        return self.path[-1] if self.path else 0

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


@dataclass
class Linearized:
    """A page's lines and the block elements they point to (by mem_id)."""

    lines: list[Line]
    nodes: dict[int, LexborNode]
    _spans: dict[int, tuple[int, int]] | None = field(default=None, init=False, repr=False)
    # results that readers of the page compute once and ask for again (ops_lists' teasers)
    memo: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def span(self, node_id: int) -> tuple[int, int]:
        """Index range of the lines inside a block (empty range if none)."""
        if self._spans is None:
            # every block's range in one pass: a scan per call made callers that ask for
            # each block (sibling articles, breadcrumb ancestors) quadratic
            spans: dict[int, tuple[int, int]] = {}
            for index, line in enumerate(self.lines):
                for block in line.path:
                    spans[block] = (spans.get(block, (index, 0))[0], index + 1)
            self._spans = spans
        return self._spans.get(node_id, (0, 0))

    def within(self, node_id: int) -> list[Line]:
        start, end = self.span(node_id)
        return self.lines[start:end]


@dataclass
class MainContent:
    """The chosen content block and, for multi-article pages, the article blocks inside it."""

    node_id: int
    articles: list[int] = field(default_factory=list)


@dataclass
class _Walk:
    lines: list[Line] = field(default_factory=list)
    nodes: dict[int, LexborNode] = field(default_factory=dict)
    path: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    strong_chars: int = 0
    hrefs: list[str] = field(default_factory=list)
    para: int = 0
    heading: list[int] = field(default_factory=list)
    items: int = 0
    links: int = 0
    strongs: int = 0
    chrome: list[int] = field(default_factory=list)  # the open chrome elements, innermost last
    chrome_parent: dict[int, int] = field(default_factory=dict)  # chrome element -> enclosing one
    soft_chrome: set[int] = field(default_factory=set)  # chrome by a guess (``_SOFT``)
    article: int = 0
    after_br: bool = False
    path_entries: int = 0
    text_chars: int = 0
    path_tuple: tuple[int, ...] = ()

    def flush(self, *, new_para: bool) -> None:
        # str.split() splits on exactly the characters of the regex \s: whitespace runs
        # collapsed to one space and stripped, without a regex pass.
        text = " ".join("".join(self.parts).split())
        if text:
            self._count(len(self.path), len(text))
            # The innermost block fixes the whole path (ids are unique), so lines of one
            # block share one tuple instead of each copying the ancestors.
            path = self.path
            if len(self.path_tuple) != len(path) or (path and self.path_tuple[-1] != path[-1]):
                self.path_tuple = tuple(path)
            # link characters were counted on raw text; clamp after whitespace collapsing
            self.lines.append(
                Line(
                    text=text,
                    para=self.para,
                    path=self.path_tuple,
                    heading=self.heading[-1] if self.heading else 0,
                    item=self.items > 0,
                    link_chars=min(self.link_chars, len(text)),
                    chrome=bool(self.chrome),
                    hrefs=tuple(self.hrefs),
                    chrome_at=self.chrome[-1] if self.chrome else 0,
                    strong=self.strong_chars >= 0.9 * len(text.replace(" ", "")),
                )
            )
        self.parts.clear()
        self.hrefs.clear()
        self.link_chars = 0
        self.strong_chars = 0
        if new_para:
            self.para += 1

    def _count(self, depth: int, chars: int) -> None:
        self.path_entries += depth
        self.text_chars += chars
        if self.text_chars > MAX_TEXT_CHARS:
            raise TooComplex(f"more than {MAX_TEXT_CHARS:,} characters of text")
        if len(self.lines) >= MAX_LINES:
            raise TooComplex(f"more than {MAX_LINES:,} lines of text")
        if self.path_entries > MAX_PATH_ENTRIES:
            raise TooComplex(f"text lines nested too deep ({MAX_PATH_ENTRIES:,} ancestors)")


def linearize(root: LexborNode) -> Linearized:
    """Walk ``root`` depth-first (iteratively) into visible text lines."""
    walk = _Walk()
    stack: list[tuple[LexborNode, bool, int]] = [(root, False, 0)]
    while stack:
        node, leaving, flags = stack.pop()
        if leaving:
            _leave(walk, node, flags)
            continue
        if node.is_text_node:
            text = node.text_content or ""
            walk.parts.append(text)
            walk.after_br = walk.after_br and not text.strip()
            if walk.links:
                walk.link_chars += len(" ".join(text.split()))
            if walk.strongs:
                walk.strong_chars += len("".join(text.split()))
            continue
        if not node.is_element_node and not node.is_document_node:
            continue
        tag = (node.tag or "").lower()
        if tag in SKIP_TAGS:
            continue
        attrs = node.attributes  # a new dict per call: read once per element
        if _hidden(attrs):
            continue
        flags = _enter(walk, node, tag, attrs, len(walk.path))
        stack.append((node, True, flags))
        children = list(node.iter(include_text=True))
        stack.extend((child, False, 0) for child in reversed(children))
    walk.flush(new_para=True)
    return Linearized(_unwrap_chrome(walk), walk.nodes)


def _unwrap_chrome(walk: _Walk) -> list[Line]:
    """Lines of a guessed chrome element that wraps most of the page's text are not chrome.

    ASP.NET pages put the whole page in one ``<form>``; a ``<body class="cookies-not-set">``
    names a cookie state: such a wrapper holds the article, so it cannot be the page's chrome.
    Chrome elements nested inside it (its ``nav``, its cookie banner) stay chrome. A ``header``
    or ``aside`` (an unclosed one, or a CMS's odd choice) must hold far more to be a wrapper:
    a short page's footer can hold half its text.
    """
    if not walk.chrome_parent:
        return walk.lines
    text: dict[int, int] = defaultdict(int)
    page_text = 0
    for line in walk.lines:
        chars = len(line.text) - line.link_chars
        page_text += chars
        text[line.chrome_at] += chars
    order = list(walk.chrome_parent)  # entry order: every element after its enclosing one
    for node_id in reversed(order):
        text[walk.chrome_parent[node_id]] += text[node_id]
    chrome: dict[int, bool] = {0: False}
    for node_id in order:
        share = _WRAPPER_SHARE if node_id in walk.soft_chrome else _HARD_WRAPPER_SHARE
        wrapper = text[node_id] >= share * page_text
        chrome[node_id] = chrome[walk.chrome_parent[node_id]] or not wrapper
    return [
        line if line.chrome == chrome[line.chrome_at] else replace(line, chrome=not line.chrome)
        for line in walk.lines
    ]


# bit flags remembering what _enter pushed, so _leave pops exactly that
_BLOCK, _HEAD, _ITEM, _LINK, _CHROME, _ARTICLE, _STRONG = 1, 2, 4, 8, 16, 32, 64


def _enter(walk: _Walk, node: LexborNode, tag: str, attrs: _Attrs, depth: int) -> int:
    flags = 0
    if tag == "br":
        # "<br><br>" is how table-and-font pages separate paragraphs
        blank = not "".join(walk.parts).strip()
        walk.flush(new_para=blank and walk.after_br)
        walk.after_br = True
        return 0
    if tag == "hr":
        walk.flush(new_para=True)
        return 0
    if tag in BLOCK_TAGS and depth < MAX_DEPTH:
        walk.flush(new_para=True)
        walk.after_br = False
        walk.path.append(node.mem_id)
        walk.nodes[node.mem_id] = node
        flags |= _BLOCK
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        walk.heading.append(int(tag[1]))
        flags |= _HEAD
    if tag == "li":
        walk.items += 1
        flags |= _ITEM
    if tag == "a":
        walk.links += 1
        href = attrs.get("href")
        if href:
            walk.hrefs.append(href)
        flags |= _LINK
    if tag in ("b", "strong"):
        walk.strongs += 1
        flags |= _STRONG
    if tag in ("article", "main"):
        walk.article += 1
        flags |= _ARTICLE
    chrome = _chrome(attrs, tag, walk.article > 0)
    if chrome:
        walk.chrome_parent[node.mem_id] = walk.chrome[-1] if walk.chrome else 0
        if chrome == _SOFT:
            walk.soft_chrome.add(node.mem_id)
        walk.chrome.append(node.mem_id)
        flags |= _CHROME
    return flags


def _leave(walk: _Walk, node: LexborNode, flags: int) -> None:
    if flags & _BLOCK:
        walk.flush(new_para=True)
        walk.path.pop()
    if flags & _HEAD:
        walk.heading.pop()
    if flags & _ITEM:
        walk.items -= 1
    if flags & _LINK:
        walk.links -= 1
    if flags & _STRONG:
        walk.strongs -= 1
    if flags & _ARTICLE:
        walk.article -= 1
    if flags & _CHROME:
        walk.chrome.pop()


_HARD, _SOFT = 1, 2  # chrome by its kind of element, chrome by a guess (``_chrome``)


def _chrome(attrs: _Attrs, tag: str, in_article: bool) -> int:
    """0, ``_HARD`` (``nav``, a page footer, a ``role``) or ``_SOFT`` (a ``form``, a class word).

    A soft guess can also fit an element that wraps the article itself (``_unwrap_chrome``).
    """
    if tag == "form":
        return _SOFT
    if tag == "figcaption":
        return _HARD  # an image's caption and credit: not the article's text
    if tag in CHROME_TAGS or (tag in EDGE_TAGS and not in_article):
        return _HARD
    if not in_article and _EDGE_NAME.fullmatch((attrs.get("id") or "").strip().lower()):
        return _HARD  # <div id="stopka">: a page footer written before <footer> existed
    if (attrs.get("role") or "").lower() in _ROLE_CHROME:
        return _HARD
    names = f"{attrs.get('id') or ''} {attrs.get('class') or ''}"
    return _chrome_by_names(names, tag in _WRAPPER_TAGS)


# A page repeats its class names (every menu item, every paragraph of a CMS's text block) and
# a site repeats them on every page: the regexes run once per distinct name.
@lru_cache(maxsize=4096)
def _chrome_by_names(names: str, wrapper: bool) -> int:
    if wrapper:
        return _SOFT if CHROME_ATTRS.search(names) else 0
    if is_comment_area(names):
        return _HARD  # readers' comments: never the article, even when they outweigh it
    return _SOFT if CHROME_ATTRS.search(names) or is_side_box(names) else 0


def _hidden(attrs: _Attrs) -> bool:
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def extract_main_content(tree: LexborHTMLParser | LexborNode) -> LexborNode | None:
    """The block holding the page's main content, or None when nothing looks like content."""
    root = tree.root if isinstance(tree, LexborHTMLParser) else tree
    if root is None:
        return None
    page = linearize(root)
    main = find_main(page)
    return page.nodes.get(main.node_id) if main else None


def find_main(
    page: Linearized, boilerplate: Callable[[str], bool] | None = None
) -> MainContent | None:
    """Score the blocks of a linearized page and pick the content block (see module doc).

    ``boilerplate`` names lines that never count as content however long they are (a caller's
    metadata lines: "Dodano przez MOPS Kalisz, 2019-05-06 08:02:10" must not outscore a
    one-sentence article next to it).
    """
    scores: dict[int, float] = defaultdict(float)
    total: dict[int, int] = defaultdict(int)
    plain: dict[int, int] = defaultdict(int)
    for line in page.lines:
        for node_id in line.path:
            total[node_id] += len(line.text)
            if not line.chrome:
                plain[node_id] += len(line.text) - line.link_chars
        chars = len(line.text) - line.link_chars
        if line.chrome or line.heading or chars < MIN_PARAGRAPH:
            continue
        if boilerplate is not None and boilerplate(line.text):
            continue
        score = 1 + line.text.count(",") + min(chars / 100, 3)
        for level, node_id in enumerate(reversed(line.path[-_LEVELS:])):
            scores[node_id] += score / max(level, 1)
    if not scores:
        return None
    final = {
        node_id: score * (1 - _density(node_id, total, plain)) * _weight(page.nodes[node_id])
        for node_id, score in scores.items()
    }
    best = max(final, key=lambda node_id: final[node_id])
    multi = _repeated_articles(page, best, plain, total)
    if multi is not None:
        return multi
    return MainContent(_widen(page, best, plain, total))


def _density(node_id: int, total: dict[int, int], plain: dict[int, int]) -> float:
    all_chars = total.get(node_id, 0)
    return 1 - plain.get(node_id, 0) / all_chars if all_chars else 1.0


def _weight(node: LexborNode) -> float:
    tag = (node.tag or "").lower()
    weight = {"article": 1.3, "main": 1.2, "nav": 0.2, "aside": 0.3, "footer": 0.3}.get(tag, 1.0)
    if tag in ("body", "html"):
        weight = 0.5
    attrs = node.attributes
    names = f"{attrs.get('id') or ''} {attrs.get('class') or ''}"
    if NEGATIVE_ATTRS.search(names):
        weight *= 0.6
    if POSITIVE_ATTRS.search(names):
        weight *= 1.25
    return weight


def _parent_id(page: Linearized, node_id: int) -> int | None:
    parent = page.nodes[node_id].parent
    if parent is None or parent.mem_id not in page.nodes:
        return None
    if (parent.tag or "").lower() in ("body", "html"):
        return None
    return parent.mem_id


def _widen(page: Linearized, best: int, plain: dict[int, int], total: dict[int, int]) -> int:
    current = best
    while (parent := _parent_id(page, current)) is not None:
        if total.get(parent, 0) == total.get(current, 0):
            current = parent  # a pure wrapper (page builders nest five deep): look past it
            continue
        share = plain.get(current, 0) / max(plain.get(parent, 0), 1)
        if share >= 0.5 or _density(parent, total, plain) > 0.3:
            break
        current = parent
    return current


def _repeated_articles(
    page: Linearized, best: int, plain: dict[int, int], total: dict[int, int]
) -> MainContent | None:
    inside = _articles_inside(page, best, plain, total)
    if inside is not None:
        return inside
    candidate: int | None = best
    for _ in range(3):
        if candidate is None:
            return None
        parent = _parent_id(page, candidate)
        if parent is None:
            return None
        if _inside_article(page.nodes[parent]):
            # sections of one <article> are its sub-headings, not separate articles
            candidate = parent
            continue
        signature = _signature(page.nodes[candidate])
        siblings = [
            child.mem_id
            for child in page.nodes[parent].iter()
            if child.mem_id in page.nodes and _signature(child) == signature
        ]
        if not _numbered(page, siblings):  # "large-8" and "large-4" columns are not a series
            raw = page.nodes[candidate].attributes.get("class")
            siblings = [s for s in siblings if page.nodes[s].attributes.get("class") == raw]
        articles = [s for s in siblings if _article_like(page, s, plain, total)]
        if len(articles) >= 2 and candidate in articles:
            return MainContent(parent, articles)
        candidate = parent
    return None


def _articles_inside(
    page: Linearized, best: int, plain: dict[int, int], total: dict[int, int]
) -> MainContent | None:
    """The best block is a column of articles of one kind that hold (nearly) all its text.

    The articles are ``<article>`` elements or blocks numbered in order ("leading-0",
    "leading-1"): an article's own sections look alike and carry no numbers, grid columns
    ("large-8", "large-4") and slides are not numbered in order. Not when a headline of a
    higher rank stands above them (an article's ``h1`` over its ``h2`` sections), nor inside
    an ``<article>`` (sections of one article).
    """
    node = page.nodes[best]
    if _inside_article(node):
        return None
    groups: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for child in node.iter():
        if child.mem_id in page.nodes:
            groups[_signature(child)].append(child.mem_id)
    for (tag, _), members in groups.items():
        if tag != "article" and not _numbered(page, members):
            continue  # sections of one text look alike; CMS items are numbered or <article>s
        articles = [m for m in members if _article_like(page, m, plain, total)]
        held = sum(plain.get(m, 0) for m in articles)
        enough = len(articles) >= 2 and held >= _COLUMN_SHARE * plain.get(best, 0)
        if enough and not _outranked(page, articles):
            return MainContent(best, articles)
    return None


def _numbered(page: Linearized, members: list[int]) -> bool:
    """The blocks' classes carry the numbers n, n+1, n+2, … in document order."""
    numbers = []
    for member in members:
        found = _DIGITS.search(page.nodes[member].attributes.get("class") or "")
        if found is None:
            return False
        numbers.append(int(found.group()))
    return len(numbers) >= 2 and all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))


def _outranked(page: Linearized, articles: list[int]) -> bool:
    """A heading above the first article outranks the articles' own headings."""
    first = page.span(articles[0])[0]
    own = [line.heading for line in page.lines[first : first + 3] if line.heading]
    rank = min(own) if own else 7
    above = (line for line in reversed(page.lines[:first]) if line.heading and not line.chrome)
    nearest = next(above, None)
    return nearest is not None and nearest.heading < rank


def _signature(node: LexborNode) -> tuple[str | None, str]:
    """Tag and class with numbers blanked: Joomla's "leading-0", "leading-1" are one kind."""
    return node.tag, _DIGITS.sub("#", node.attributes.get("class") or "")


def is_headline(line: Line) -> bool:
    """A heading element, or a short all-bold line standing alone (old sites' headings)."""
    return bool(line.heading) or (line.strong and len(line.text) <= 150 and line.link_density < 0.5)


def _inside_article(node: LexborNode | None) -> bool:
    while node is not None:
        if (node.tag or "").lower() == "article":
            return True
        node = node.parent
    return False


def _article_like(
    page: Linearized, node_id: int, plain: dict[int, int], total: dict[int, int]
) -> bool:
    lines = [line for line in page.within(node_id) if not line.chrome]
    opens_with_heading = any(is_headline(line) for line in lines[:3])
    return (
        opens_with_heading
        and plain.get(node_id, 0) >= 80
        and _density(node_id, total, plain) < 0.35
    )
