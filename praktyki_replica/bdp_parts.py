"""The parts a BDP practice's pages are made of: Metryka lines, presentation parts, attachments.

A leaf module: the practice spec (``bdp_content``), the text generators (``bdp_text``,
``bdp_generate``) and the page renderers all build on these without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from praktyki_replica.files import tiny_jpeg, tiny_pdf, tiny_rtf

__all__ = ["AttachmentSpec", "MetrykaLine", "PresentationPart"]


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


@lru_cache(maxsize=512)
def _file_bytes(recipe: tuple[str, str, int]) -> bytes:
    kind, title, seed = recipe
    if kind == "pdf":
        return tiny_pdf(title)
    if kind == "rtf":
        return tiny_rtf(title, (f"Załącznik do praktyki nr {seed}.",))
    return tiny_jpeg(4, 3, seed)
