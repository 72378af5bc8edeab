"""The "Pełna prezentacja" tab's text split at its headings.

A heading is recognised by structure when the markup has it (``<h1>``–``<h6>``, a line that is
entirely bold) and otherwise by shape: a short line that does not end like a sentence, followed
by more text ("Opis sytuacji przed wdrożeniem"). Lettered lines ("a. Obszar aglomeracji") are
sub-headings, one level below.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from praktyki.parsers.html import Line
from praktyki.schemas.bdp import PresentationSection

__all__ = ["presentation_sections"]

_SUBHEADING = re.compile(r"^[a-z]\s?[.)]\s+\S")
_SENTENCE_END = re.compile(r"[.,;:!?…]$")
_MAX_HEADING_CHARS = 120
_MAX_PLAIN_HEADING_WORDS = 10
_BOLD = 7


def presentation_sections(lines: Sequence[Line]) -> tuple[PresentationSection, ...]:
    """Sections in page order; text before the first heading gets ``heading=None``."""
    sections: list[PresentationSection] = []
    heading: str | None = None
    level = 1
    body: list[str] = []
    for index, line in enumerate(lines):
        found = _heading_level(line, lines[index + 1] if index + 1 < len(lines) else None)
        if found is None:
            body.append(line.text)
            continue
        if heading is not None or body:
            sections.append(_section(heading, level, body))
        heading, level, body = line.text, found, []
    if heading is not None or body:
        sections.append(_section(heading, level, body))
    return tuple(sections)


def _section(heading: str | None, level: int, body: list[str]) -> PresentationSection:
    return PresentationSection(heading=heading, level=level, text="\n\n".join(body))


def _heading_level(line: Line, following: Line | None) -> int | None:
    text = line.text
    if not text or len(text) > _MAX_HEADING_CHARS or following is None:
        return None
    if _SUBHEADING.match(text):
        return 2
    if 1 <= line.heading < _BOLD or (line.heading == _BOLD and not _SENTENCE_END.search(text)):
        return 1
    plain = (
        text[:1].isupper()
        and len(text.split()) <= _MAX_PLAIN_HEADING_WORDS
        and not _SENTENCE_END.search(text)
        and len(following.text) > len(text)
    )
    return 1 if plain else None
