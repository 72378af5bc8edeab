"""Generated prose of the BDP replica: sentences from the vocabulary, the presentation tab."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from praktyki_replica import bdp_vocab as vocab
from praktyki_replica.bdp_parts import PresentationPart

__all__ = ["make_presentation", "paragraph", "pick"]

T = TypeVar("T")


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """``rng.choice`` without its per-call overhead (paragraph text draws a lot of these)."""
    return items[int(rng.random() * len(items))]


def paragraph(rng: random.Random, quotes: tuple[str, str], sentences: int) -> str:
    picked = [pick(rng, vocab.SENTENCES).format(q=quotes[0], Q=quotes[1]) for _ in range(sentences)]
    glue = rng.choice((" ", " ", " ", "  ", " \u00a0"))  # double spaces, as the seeds have
    return glue.join(picked)


def make_presentation(seed: int) -> tuple[PresentationPart, ...]:
    rng = random.Random(seed)  # noqa: S311 - deterministic content
    quotes = ("\u201e", "\u201d") if rng.random() < 0.7 else (",,", '"')
    parts: list[PresentationPart] = []
    for heading, subheadings in vocab.PRESENTATION_HEADINGS:
        parts.append(
            PresentationPart(heading, 1, (paragraph(rng, quotes, 2 + int(rng.random() * 4)),))
        )
        for sub in subheadings:
            paragraphs = tuple(
                paragraph(rng, quotes, rng.randint(3, 6)) for _ in range(rng.randint(1, 3))
            )
            parts.append(PresentationPart(sub, 2, paragraphs))
    return tuple(parts)
