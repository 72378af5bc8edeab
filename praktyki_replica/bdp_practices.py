"""The BDP replica's practices: the three seeds verbatim, then synthetic ones."""

from __future__ import annotations

from praktyki_replica.bdp_content import PracticeSpec
from praktyki_replica.bdp_content_seeds_facts import SEED_PRACTICES
from praktyki_replica.bdp_generate import synthetic_practice

__all__ = ["generate_practices", "seed_practices"]


def seed_practices() -> list[PracticeSpec]:
    """The three seed practices (``shared/seeds/000-002``), text verbatim, truth written by hand."""
    return list(SEED_PRACTICES)


def generate_practices(count: int, seed: int) -> list[PracticeSpec]:
    """``count`` synthetic practices, deterministic in ``seed``, spread over every subsection."""
    return [synthetic_practice(index, seed) for index in range(count)]
