"""Is a declared date shown on the page? A cheap check in the languages pages are written in.

A page's structured data may carry a date the reader never sees (a plugin's build date, a
review's date on a product page). The check looks at every place the page shows the year and
asks whether the day and the month stand next to it, as a number or a month name (Polish,
English, German, French, Spanish, Italian, Portuguese, Dutch and the other shapes below, matched
by their first letters after folding diacritics).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Final

__all__ = ["shown_dates_near", "text_key"]

# folded month-name prefixes: "wrzesnia" -> 9, "juil" -> 7 (the longest prefix decides)
_MONTH_PREFIXES: Final = {
    1: "jan ene gen sty jän tam led",
    2: "feb fev lut hel uno",
    3: "mar maa bre",
    4: "apr avr abr kwi huh dub",
    5: "may mai mag mei maj tou kve",
    6: "jun juin giu cze kes",
    7: "jul juil lug lip hei",
    8: "aug aou ago sie elo srp",
    9: "sep set wrz syy zar",
    10: "oct okt ott out paz lok rij",
    11: "nov lis",
    12: "dec dez dic gru jou pro",
}
_PREFIX_MONTH: Final = {
    prefix: month for month, prefixes in _MONTH_PREFIXES.items() for prefix in prefixes.split()
}
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_WINDOW = 40  # characters either side of the year read
_NEAR = 4  # words either side of the year where its day and month stand


def text_key(text: str) -> str:
    """The page text folded once for :func:`shown_dates_near` (as ``fold_text`` folds, but not
    through its cache: a whole page's text is no cache entry)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def shown_dates_near(folded: str, year: int) -> set[dt.date]:
    """The dates of ``year`` the folded page text shows: day and month within a few words of
    the year ("19 wrzesnia 2019", "2019-09-19", "September 19, 2019"), so that a calendar's
    caption ("wrzesien 2019") and its grid of days confirm nothing."""
    found: set[dt.date] = set()
    for match in re.finditer(rf"(?<!\d){year}(?!\d)", folded):
        before = _TOKEN.findall(folded[max(0, match.start() - _WINDOW) : match.start()])
        after = _TOKEN.findall(folded[match.end() : match.end() + _WINDOW])
        near = before[-_NEAR:] + after[:_NEAR]
        days = {int(t) for t in near if t.isdigit() and len(t) <= 2}
        months = {m for t in near if (m := _month(t)) is not None}
        for day in days:
            for month in months | (days - {day}):
                found.update(_date(year, month, day))
    return found


def _month(token: str) -> int | None:
    if token.isdigit():
        return None
    return _PREFIX_MONTH.get(token[:4]) or _PREFIX_MONTH.get(token[:3])


def _date(year: int, month: int, day: int) -> list[dt.date]:
    try:
        return [dt.date(year, month, day)]
    except ValueError:
        return []
