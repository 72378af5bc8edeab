"""The text skeleton every BDP practice tab shares, found by visible text.

A practice page reads, whatever its markup: (banner) · menu · visitor counter · funder line ·
the category line " Section : Subsection" · the title · the tab line
".: Skrót i Metryka -> Pełna prezentacja -> Załączniki :." · the tab's content · the tab line
again · a funding footer. Everything is anchored on the first tab line: the category line is the
nearest "A : B" line above it with a title between them, and the content runs to the next tab
line (or a footer line, when a page lacks the second tab line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qs

from selectolax.lexbor import LexborHTMLParser

from praktyki.errors import NotAPracticePage
from praktyki.parsers.hrefs import join_href, split_url
from praktyki.parsers.html import Line, layout_lines, normalize_space, parse_tree
from praktyki.parsers.normalize import fold_text

__all__ = [
    "PracticeSkeleton",
    "category_parts",
    "is_summary_tab_line",
    "is_tab_fragment",
    "query_param",
    "read_lines",
    "read_skeleton",
    "tab_block_end",
]

# The tab names as compared (normalize.fold_text): case and Polish diacritics folded
# ("SKRÓT I METRYKA", a page saved as ASCII "Skrot i Metryka"), any run of spaces between words.
_TAB_NAME = re.compile(r"skrot\s+i\s+metryka|pelna\s+prezentacja|zalaczniki")
_SUMMARY_TAB = re.compile(r"skrot\s+i\s+metryka")
# What separates the tab names: ".: a -> b :.", "a | b", "a • b", "[ a ] [ b ]", "a / b", "a – b".
_TAB_SEPARATORS = frozenset(".:->»«|•·–—/\\[](){}<>*~=,;+ \t\n\r\f\v\xa0")
# What a tab fragment can start with: a tab name's first letter or a separator.
_TAB_START = frozenset("SPZspz") | _TAB_SEPARATORS
# The first four letters of each _TAB_NAME alternative, and the separators a fragment may
# open with: the first letter after them starts a tab name, or the line is no fragment.
_TAB_NAME_STARTS = frozenset(("skro", "peln", "zala"))
_LEADING_SEPARATORS = re.compile(f"[{re.escape(''.join(sorted(_TAB_SEPARATORS)))}\\s]*")
# "Section : Subsection", also printed as a breadcrumb ("Usługi społeczne » Pomoc społeczna",
# "Strona główna › Usługi społeczne › Pomoc społeczna": the last two parts). Not "-" or "/",
# which titles use.
_CATEGORY_SEPARATOR = re.compile(r"\s*(?::|»|›|→|\|)\s*")
_CATEGORY_PART = re.compile(r"^[^:]{2,80}$")
_MAX_CATEGORY_PARTS = 4
# Lines that end a content block when a page has no closing tab line: the funding footer,
# the visitor counter, the start of a menu printed after the content.
_BLOCK_END = re.compile(
    r"^(Wsparcie udzielone|Projekt współfinansowany|Norweski Mechanizm|Norweski Związek"
    r"|Strona główna$|gości odwiedziło nas)"
)
_BLOCK_END_FIRST = frozenset("WPNSg")  # first characters of the _BLOCK_END alternatives
_COUNTER = re.compile(r"^\d{1,3}([. ]\d{3})*$")
_MAX_TAB_LINE = 120
_TITLE_SPAN = 4  # lines a title may span between the category line and the tab line


@dataclass(frozen=True, slots=True)
class PracticeSkeleton:
    """Where the parts of a practice tab are in its lines."""

    lines: list[Line]
    tree: LexborHTMLParser
    section: str
    subsection: str
    title: str
    content_start: int  # first line after the opening tab line
    content_end: int  # the closing tab line (or footer, or len(lines))
    practice_id: str | None

    @property
    def content(self) -> list[Line]:
        """The tab's content lines (stray fragments of a split tab line left out)."""
        return [
            line
            for line in self.lines[self.content_start : self.content_end]
            if not is_tab_fragment(line.text)
        ]


def read_lines(
    body: bytes, content_type: str | None, url: str | None = None
) -> tuple[LexborHTMLParser, list[Line]]:
    """Decode and parse a page; its visible lines (empty list for an empty document)."""
    tree, _ = parse_tree(body, content_type, url)
    root = tree.body or tree.root
    return tree, layout_lines(root) if root is not None else []


def read_skeleton(body: bytes, url: str, content_type: str | None) -> PracticeSkeleton:
    """Anchor a practice tab; :class:`NotAPracticePage` when the page has no such skeleton."""
    tree, lines = read_lines(body, content_type, url)
    tab = _first_tab_line(lines)
    if tab is None:
        raise NotAPracticePage("no practice tab line (Skrót i Metryka -> …)", url=url)
    category = _category_line(lines, tab)
    if category is None:
        raise NotAPracticePage("no category line (Section : Subsection) above the title", url=url)
    parts = category_parts(lines[category].text)
    assert parts is not None  # _category_line only returns category lines
    title = " ".join(
        line.text
        for line in lines[category + 1 : tab]
        if line.text and not is_tab_fragment(line.text)
    )
    start = tab_block_end(lines, tab)
    return PracticeSkeleton(
        lines=lines,
        tree=tree,
        section=parts[0],
        subsection=parts[1],
        title=title,
        content_start=start,
        content_end=_content_end(lines, start),
        practice_id=query_param(url, "art") or _practice_id_from_links(tree, url),
    )


def category_parts(text: str) -> tuple[str, str] | None:
    """``(section, subsection)`` of a category line, or None when ``text`` is not one."""
    parts = _CATEGORY_SEPARATOR.split(text.strip())
    most = 2 if ":" in text else _MAX_CATEGORY_PARTS  # only a breadcrumb has more parts
    if not 2 <= len(parts) <= most:
        return None
    section, subsection = parts[-2], parts[-1]
    if "/" in subsection or not all(_CATEGORY_PART.match(part) for part in parts):
        return None
    return section, subsection


def query_param(url: str, name: str) -> str | None:
    """One query parameter of ``url`` (names compared case-insensitively), or None."""
    return _query_params(url).get(name)


@lru_cache(maxsize=4096)  # each link of a page is asked for p1, p2, art and s
def _query_params(url: str) -> dict[str, str]:
    """Lower-cased name -> the first non-blank first value given under that name (read-only:
    the dict is shared between calls)."""
    parts = split_url(url)
    params: dict[str, str] = {}
    if parts is not None:
        for key, values in parse_qs(parts.query, keep_blank_values=True).items():
            if values and values[0].strip():
                params.setdefault(key.lower(), values[0].strip())
    return params


def is_tab_fragment(text: str) -> bool:
    """True for a line that is (part of) the tab line and nothing else: tab names and the
    separators between them, in any case, with or without diacritics."""
    if not text or len(text) > _MAX_TAB_LINE:
        return False  # cheap rejection: content paragraphs are long
    if text[0] not in _TAB_START and not text[0].isspace():
        return False  # cheap rejection: the first character would survive the name removal
    # Cheap rejection of the many lines that open with a word ("Projekt", "- Zadanie"):
    # folding four letters, not the line (casefold and the table map letter by letter).
    leading = _LEADING_SEPARATORS.match(text)  # always matches, maybe nothing
    start = leading.end() if leading else 0
    if start < len(text) and fold_text(text[start : start + 4])[:4] not in _TAB_NAME_STARTS:
        return False
    rest = _TAB_NAME.sub("", fold_text(text))
    return all(char in _TAB_SEPARATORS or char.isspace() for char in rest)


def is_summary_tab_line(text: str) -> bool:
    """True for a tab line that names the summary tab ("Skrót i Metryka")."""
    return is_tab_fragment(text) and _SUMMARY_TAB.search(fold_text(text)) is not None


def tab_block_end(lines: list[Line], tab: int) -> int:
    """The index after the tab line starting at ``tab`` (tabs may be spread over lines)."""
    end = tab + 1
    while end < len(lines) and (not lines[end].text or is_tab_fragment(lines[end].text)):
        if not lines[end].text and not _more_tabs_follow(lines, end):
            break
        end += 1
    return end


def _more_tabs_follow(lines: list[Line], index: int) -> bool:
    for line in lines[index:]:
        if line.text:
            return is_tab_fragment(line.text) and not fold_text(line.text).startswith("skrot")
    return False


def _first_tab_line(lines: list[Line], start: int = 0) -> int | None:
    for index in range(start, len(lines)):
        text = lines[index].text
        if is_summary_tab_line(text):
            return index
    return None


def _category_line(lines: list[Line], tab: int) -> int | None:
    floor = max(0, tab - 1 - _TITLE_SPAN)
    for index in range(tab - 2, floor - 1, -1):
        if category_parts(lines[index].text) and any(line.text for line in lines[index + 1 : tab]):
            return index
    return None


def _content_end(lines: list[Line], start: int) -> int:
    for index in range(start, len(lines)):
        text = lines[index].text
        first = text[:1]  # cheap pre-tests: each regex can only match from these first chars
        if is_summary_tab_line(text) or (first in _BLOCK_END_FIRST and _BLOCK_END.match(text)):
            return index
        if (
            first.isdigit()
            and _COUNTER.match(text)
            and _next_text(lines, index).startswith("gości odwiedziło")
        ):
            return index
    return len(lines)


def _next_text(lines: list[Line], index: int) -> str:
    return next((line.text for line in lines[index + 1 :] if line.text), "")


def _practice_id_from_links(tree: LexborHTMLParser, url: str) -> str | None:
    """The ``art`` of the tab links, for a page saved without its URL."""
    for anchor in tree.css("a[href]"):
        text = normalize_space(anchor.text(separator=" ", strip=False) or "")
        if _TAB_NAME.fullmatch(fold_text(text)):
            art = query_param(join_href(url, anchor.attributes.get("href") or "") or "", "art")
            if art:
                return art
    return None
