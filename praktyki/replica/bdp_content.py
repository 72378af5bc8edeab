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

__all__ = [
    "STYLES",
    "AttachmentSpec",
    "MetrykaLine",
    "PracticeSpec",
    "PresentationPart",
    "expected_practice",
    "generate_practices",
    "seed_practices",
    "style_encoding",
]

# The three page markups (see ``bdp_markup``): 2008 nested tables in ISO-8859-2 declared in the
# HTTP header; <br>-separated "<b>Label:</b> value" lines in windows-1250 declared only in <meta>;
# HTML5 divs and <dl> in UTF-8.
STYLES: tuple[str, ...] = ("table", "br", "html5")


@dataclass(frozen=True, slots=True)
class MetrykaLine:
    """One "Label: value" pair of the Metryka block, label without colon, value lines as shown."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PresentationPart:
    """A heading of the "Pełna prezentacja" tab (level 1, or 2 for "a. …") and its paragraphs."""

    heading: str
    level: int
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AttachmentSpec:
    name: str
    filename: str
    file_type: str  # as the page shows it: "PDF", "DOC", "JPG"
    content_type: str
    recipe: tuple[str, str, int]  # (kind, title, seed): the bytes are built when first asked for

    @property
    def data(self) -> bytes:
        return _file_bytes(self.recipe)


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
    from praktyki.replica.bdp_generate import make_presentation

    return make_presentation(seed)


@lru_cache(maxsize=512)
def _file_bytes(recipe: tuple[str, str, int]) -> bytes:
    from praktyki.replica.files import tiny_jpeg, tiny_pdf, tiny_rtf

    kind, title, seed = recipe
    if kind == "pdf":
        return tiny_pdf(title)
    if kind == "rtf":
        return tiny_rtf(title, (f"Załącznik do praktyki nr {seed}.",))
    return tiny_jpeg(4, 3, seed)


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


def seed_practices() -> list[PracticeSpec]:
    """The three seed practices (``shared/seeds/000-002``), text verbatim, truth written by hand."""
    from praktyki.replica.bdp_content_seeds_facts import SEED_PRACTICES

    return list(SEED_PRACTICES)


def generate_practices(count: int, seed: int) -> list[PracticeSpec]:
    """``count`` synthetic practices, deterministic in ``seed``, spread over every subsection."""
    from praktyki.replica.bdp_generate import synthetic_practice

    return [synthetic_practice(index, seed) for index in range(count)]
