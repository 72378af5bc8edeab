"""What the BDP replica knows about each practice: what its pages show and what is true.

A :class:`PracticeSpec` holds the display text exactly as the pages show it *and* the normalized
facts (``facts``) the text was derived from, so :func:`expected_practice` never calls praktyki's
normalizers: the replica's ground truth stays independent of the parser under test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from praktyki.schemas.bdp import Metryka, Practice
from praktyki_replica.bdp_parts import AttachmentSpec, MetrykaLine, PresentationPart
from praktyki_replica.bdp_text import make_presentation

__all__ = [
    "STYLES",
    "AttachmentSpec",
    "MetrykaLine",
    "PracticeSpec",
    "PresentationPart",
    "expected_practice",
    "style_encoding",
]

# The three page markups (see ``bdp_markup``): 2008 nested tables in ISO-8859-2 declared in the
# HTTP header; <br>-separated "<b>Label:</b> value" lines in windows-1250 declared only in <meta>;
# HTML5 divs and <dl> in UTF-8.
STYLES: tuple[str, ...] = ("table", "br", "html5")


@dataclass(frozen=True, slots=True)
class PracticeSpec:
    """Everything needed to render one practice's pages and to know the truth about them."""

    art: int
    p1: int
    p2: int
    section: str
    subsection: str
    title: str
    summary: tuple[str, ...]  # paragraphs as shown (double spaces, no-break-space-only ones kept)
    metryka: tuple[MetrykaLine, ...]
    facts: Metryka  # normalized truth; ``raw`` and ``unknown_labels`` are derived, left empty
    presentation_seed: int  # the "Pełna prezentacja" text is generated from it on demand
    attachments: tuple[AttachmentSpec, ...]
    style: str
    encoding: str  # what the bytes are
    header_charset: str | None  # what the HTTP header says (None: only <meta> says it)
    version: int = 1

    @property
    def practice_id(self) -> str:
        return str(self.art)

    @property
    def presentation(self) -> tuple[PresentationPart, ...]:
        return _presentation(self.presentation_seed)

    @property
    def modified(self) -> dt.date:
        """The practice's own date (update, else entry), the base of Last-Modified."""
        return self.facts.date_updated or self.facts.date_added or dt.date(2008, 4, 1)

    def replace(self, **changes: object) -> PracticeSpec:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@lru_cache(maxsize=512)
def _presentation(seed: int) -> tuple[PresentationPart, ...]:
    return make_presentation(seed)


def style_encoding(style: str, mislabelled: bool = False) -> tuple[str, str | None]:
    """``(byte encoding, HTTP header charset)`` for a markup style.

    A mislabelled page declares one charset in the header and is written in another, as old
    Polish hosts did (ISO-8859-2 declared, windows-1250 sent; UTF-8 sent under a legacy label).
    """
    if style == "table":
        return ("windows-1250", "iso-8859-2") if mislabelled else ("iso-8859-2", "iso-8859-2")
    if style == "br":
        return ("windows-1250", "utf-8") if mislabelled else ("windows-1250", None)
    return ("utf-8", "iso-8859-2") if mislabelled else ("utf-8", "utf-8")


def summary_text(paragraphs: tuple[str, ...]) -> str:
    """The contract's summary: one blank line between paragraphs, inner whitespace collapsed."""
    collapsed = (" ".join(p.split()) for p in paragraphs)
    return "\n\n".join(p for p in collapsed if p)


def expected_practice(spec: PracticeSpec, url: str) -> Practice:
    """The record a correct parser returns for ``spec``'s summary tab fetched from ``url``."""
    raw = tuple((line.label, "\n".join(line.lines)) for line in spec.metryka)
    return Practice(
        url=url,
        practice_id=spec.practice_id,
        section=spec.section,
        subsection=spec.subsection,
        # HTML collapses runs of white space: the title as a reader sees it.
        title=" ".join(spec.title.split()),
        summary=summary_text(spec.summary),
        metryka=spec.facts.model_copy(update={"raw": raw, "unknown_labels": ()}),
    )
