"""The seed practices as specs: verbatim text from ``bdp_content_seeds``, truth written by hand.

The normalized facts below were read off the seed pages by a person, not computed, so they check
praktyki's normalizers instead of repeating them. The seeds' "Pełna prezentacja" and attachments
are not in the seed text; they are generated (deterministically) like a synthetic practice's.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import cast

from praktyki.schemas.bdp import Contact, Metryka
from praktyki_replica.bdp_content import MetrykaLine, PracticeSpec, style_encoding
from praktyki_replica.bdp_content_seeds import SEED_TEXTS
from praktyki_replica.bdp_generate import make_attachments

__all__ = ["SEED_ARTS", "SEED_PRACTICES"]

# (art, p1, p2, style) per seed; art numbers chosen here, p1/p2 from ``bdp_vocab.SECTIONS``.
SEED_ARTS: tuple[tuple[int, int, int, str], ...] = (
    (402, 3, 12, "table"),
    (1187, 7, 24, "br"),
    (219, 3, 12, "html5"),
)

_FACTS: tuple[Metryka, ...] = (
    Metryka(
        date_added=dt.date(2010, 3, 14),
        date_updated=dt.date(2013, 7, 9),
        unit_type="gmina wiejska",
        locality="Długosiodło",
        county="wyszkowski",
        voivodeship="mazowieckie",
        postal_code="07-210",
        post_office="Długosiodło",
        implementing_unit="Gminny Ośrodek Pomocy Społecznej",
        street="ul. Kościuszki 2",
        phones=("+48297412158",),
        websites=("http://www.dlugosiodlo.pl",),
        emails=("gops@dlugosiodlo.pl",),
        population=8000,
        contacts=(
            Contact(
                name="Katarzyna Piórkowska",
                role="pracownik socjalny",
                phones=("+48297412158",),
                emails=("gops@dlugosiodlo.pl",),
            ),
        ),
    ),
    Metryka(
        date_added=dt.date(2011, 3, 3),
        unit_type="gmina miejska",
        locality="Śrem",
        voivodeship="wielkopolskie",
        postal_code="63-100",
        post_office="Śrem",
        implementing_unit="Ośrodek Pomocy Społecznej w Śremie",
        street="Mickiewicza 40",
        websites=("http://www.opssrem.lap.pl",),
        population=40333,
        contacts=(
            Contact(
                name="Maria Świdurska",
                role="Kierownik Ośrodka Pomocy Społecznej",
                phones=("+48612836107",),
                emails=("poczta@opssrem.lap.pl",),
            ),
        ),
    ),
    Metryka(
        date_added=dt.date(2009, 10, 5),
        date_updated=dt.date(2011, 2, 25),
        unit_type="gmina miejska",
        locality="Włocławek",
        voivodeship="kujawsko-pomorskie",
        postal_code="87-800",
        post_office="Włocławek",
        implementing_unit="Miejski Ośrodek Pomocy Rodzinie",
        street="ul. Kościuszki 26",
        websites=("http://www.wloclawek.pl", "http://www.mopr.wloclawek.pl"),
        population=115818,
        contacts=(
            Contact(
                name="Marek Osmulski",
                role="starszy specjalista pracy socjalnej",
                phones=("+48544116311",),
                emails=("analizy@mopr.wloclawek.pl",),
            ),
        ),
    ),
)


def _seed(index: int) -> PracticeSpec:
    text = SEED_TEXTS[index]
    art, p1, p2, style = SEED_ARTS[index]
    rng = random.Random(art)  # noqa: S311 - deterministic test content, not secrets
    encoding, header = style_encoding(style)
    metryka = cast(tuple[tuple[str, tuple[str, ...]], ...], text["metryka"])
    summary = cast(tuple[str, ...], text["summary"])
    return PracticeSpec(
        art=art,
        p1=p1,
        p2=p2,
        section=str(text["section"]),
        subsection=str(text["subsection"]),
        title=str(text["title"]),
        summary=summary,
        metryka=tuple(MetrykaLine(label, lines) for label, lines in metryka),
        facts=_FACTS[index],
        presentation_seed=art,
        # Only seed 002's tab line shows "Załączniki".
        attachments=make_attachments(rng, art) if index == 2 else (),
        style=style,
        encoding=encoding,
        header_charset=header,
    )


SEED_PRACTICES: tuple[PracticeSpec, ...] = tuple(_seed(i) for i in range(len(SEED_TEXTS)))
