"""Parsers for the pages of the BDP (Baza Dobrych Praktyk) site, anchored on visible text.

``parse_practice`` reads the "Skrót i Metryka" tab, ``parse_presentation`` the "Pełna
prezentacja" tab (``s=2``), ``parse_attachments`` the "Załączniki" tab (``s=3``);
``parse_listing`` and ``parse_menu`` (in ``bdp_links``) read the navigation pages. A page that
is not what the parser expects raises a :class:`~praktyki.errors.ParseError` subclass, never a
half-empty record.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from praktyki.errors import MissingBlock, NotAPracticePage
from praktyki.parsers.bdp_files import parse_attachments
from praktyki.parsers.bdp_links import parse_listing, parse_menu
from praktyki.parsers.bdp_page import PracticeSkeleton, query_param, read_skeleton
from praktyki.parsers.bdp_pairs import metryka_pairs
from praktyki.parsers.bdp_text import presentation_sections
from praktyki.parsers.hrefs import split_url
from praktyki.parsers.html import Line
from praktyki.parsers.metryka import build_metryka
from praktyki.schemas.bdp import Practice, Presentation

__all__ = [
    "classify_bdp_url",
    "parse_attachments",
    "parse_listing",
    "parse_menu",
    "parse_practice",
    "parse_presentation",
]

logger = logging.getLogger(__name__)

METRYKA_HEADING = "Metryka praktyki"
#: The heading as printed: any case ("METRYKA PRAKTYKI"), any spaces between the words.
METRYKA_HEADING_TEXT = re.compile(r"metryka\s+praktyki\b", re.IGNORECASE)
_HOME_SECTION = "111"  # p1=111 is the home page (SITE_NOTES); every other number is discovered
_TAB_BY_S = {"": "practice", "1": "practice", "2": "presentation", "3": "attachments"}
_DOCUMENT_PATH = re.compile(r"(^|/)(index\.php)?$", re.IGNORECASE)


def parse_practice(body: bytes, url: str, content_type: str | None = None) -> Practice:
    """The "Skrót i Metryka" tab: category, title, summary and the Metryka block."""
    page = read_skeleton(body, url, content_type)
    content = page.content
    heading = _metryka_heading(content)
    if heading is None:
        raise MissingBlock(f'no "{METRYKA_HEADING}" block', url=url)
    pairs = metryka_pairs(_metryka_lines(content, heading))
    if not pairs:
        raise MissingBlock(f'the "{METRYKA_HEADING}" block has no label/value pairs', url=url)
    _require_title(page, url)
    return Practice(
        url=url,
        practice_id=page.practice_id,
        section=page.section,
        subsection=page.subsection,
        title=page.title,
        summary=_paragraphs(content[:heading]),
        metryka=build_metryka(pairs),
    )


def parse_presentation(body: bytes, url: str, content_type: str | None = None) -> Presentation:
    """The "Pełna prezentacja" tab: its full text and its headings as sections."""
    page = read_skeleton(body, url, content_type)
    _require_title(page, url)
    content = [line for line in page.content if line.text]
    if not content:
        raise MissingBlock("the presentation tab has no text", url=url)
    return Presentation(
        url=url,
        practice_id=page.practice_id,
        section=page.section,
        subsection=page.subsection,
        title=page.title,
        text=_paragraphs(content),
        sections=presentation_sections(content),
    )


def classify_bdp_url(url: str) -> str:
    """What a BDP URL shows, from its query alone.

    "practice" | "presentation" | "attachments" (an ``art`` with ``s`` missing/1, 2, 3),
    "listing" (a section or subsection without ``art``), "home" (``p1=111`` or the bare
    site root / index.php) or "other".
    """
    if query_param(url, "art") is not None:
        return _TAB_BY_S.get(query_param(url, "s") or "", "other")
    p1 = query_param(url, "p1")
    if p1 == _HOME_SECTION:
        return "home"
    if p1 is not None:
        return "listing"
    parts = split_url(url)
    if parts is not None and not parts.query and _DOCUMENT_PATH.search(parts.path):
        return "home"
    return "other"


def _require_title(page: PracticeSkeleton, url: str) -> None:
    if not page.title:
        raise NotAPracticePage("no practice title under the category line", url=url)


def _metryka_heading(content: list[Line]) -> int | None:
    for index, line in enumerate(content):
        if METRYKA_HEADING_TEXT.match(line.text):
            return index
    return None


def _metryka_lines(content: list[Line], heading: int) -> list[Line]:
    """The lines after the heading; text glued to the heading itself is the first line."""
    text = content[heading].text
    match = METRYKA_HEADING_TEXT.match(text)
    rest = text[match.end() if match else 0 :].lstrip(" :")
    first = [Line(rest)] if rest else []
    return first + content[heading + 1 :]


def _paragraphs(lines: Sequence[Line]) -> str:
    """One paragraph per visible line, separated by one blank line (empty ones dropped)."""
    return "\n\n".join(line.text for line in lines if line.text)
