"""Dates and date-times in the shapes Polish local-government pages write them.

Recognised: ISO-like ``2010-03-14`` / ``2010.03.14`` / ``2010/03/14``, day first
``15.05.2015`` / ``14/03/2010`` / ``14-03-2010``, a Polish month name in any case form or
abbreviated (``2 czerwca 2022``, ``20 marzec 2019``, ``5 wrz. 2019``) or a Roman numeral
(``15.V.2015``), an English or German month name day first or month first (``19. März 2019``,
``April 19, 2019``); each optionally followed by ``r.``/``r``/``roku`` (with or without a space:
``02.08.2012r.``) and a time ``14:49:54`` / ``13:02`` / ``T14:49`` / ``, godz. 14:30``.

Invalid calendar dates (``2010-02-30``) and years outside 1900-2099 give ``None``. Nothing here
raises.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Final

from praktyki.parsers.normalize import clean_text, fold_text

__all__ = ["find_datetime", "parse_date", "parse_datetime"]

_MONTH_FORMS: Final = {
    1: "styczen stycznia styczniu sty",
    2: "luty lutego lutym lut",
    3: "marzec marca marcu mar",
    4: "kwiecien kwietnia kwietniu kwi",
    5: "maj maja maju",
    6: "czerwiec czerwca czerwcu cze",
    7: "lipiec lipca lipcu lip",
    8: "sierpien sierpnia sierpniu sie",
    9: "wrzesien wrzesnia wrzesniu wrz",
    10: "pazdziernik pazdziernika pazdzierniku paz",
    11: "listopad listopada listopadzie lis",
    12: "grudzien grudnia grudniu gru",
}
# English and German names: pages quote foreign sources, and the development set is foreign
_FOREIGN_FORMS: Final = {
    1: "january jan januar janner",
    2: "february feb februar",
    3: "march marz",
    4: "april apr",
    5: "may mai",
    6: "june jun juni",
    7: "july jul juli",
    8: "august aug",
    9: "september sep sept",
    10: "october oct oktober okt",
    11: "november nov",
    12: "december dec dezember dez",
}
_ROMAN: Final = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
# folded month word ("wrzesnia", "v") -> month number
_MONTHS: Final = {
    **{form: month for month, forms in _FOREIGN_FORMS.items() for form in forms.split()},
    **{form: month for month, forms in _MONTH_FORMS.items() for form in forms.split()},
    **{numeral: index for index, numeral in enumerate(_ROMAN, start=1)},
}

_YEAR = r"(?P<y>(?:19|20)[0-9]{2})"
_SEP = r"[-./‐‑–]"
_DATE_SHAPES: Final = (
    rf"(?<![0-9]){_YEAR}(?P<s>{_SEP})(?P<m>[0-9]{{1,2}})(?P=s)(?P<d>[0-9]{{1,2}})(?![0-9])",
    rf"(?<![0-9])(?P<d>[0-9]{{1,2}})(?P<s>{_SEP})(?P<m>[0-9]{{1,2}})(?P=s){_YEAR}(?![0-9])",
    rf"(?<![0-9])(?P<d>[0-9]{{1,2}})\.?\s*(?P<mon>[^\W\d_]{{1,12}})\.?,?\s*{_YEAR}(?![0-9])",
    # "April 19, 2019", "Sept. 5th 2019": month first, as English writes it
    rf"(?<![^\W\d_])(?P<mon>[^\W\d_]{{3,9}})\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+"
    rf"{_YEAR}(?![0-9])",
)
# "r." / "r" / "roku" after the year, then an optional time of day.
_SUFFIX = r"(?:\s*(?:r\b\.?|roku\b\.?))?"
_TIME = (
    r"(?:\s*,?\s*(?:T|\s)\s*(?:o\s+)?(?:godz\w*\.?\s*)?"
    r"(?P<H>[0-9]{1,2}):(?P<M>[0-9]{2})(?::(?P<S>[0-9]{2}))?(?![0-9]))?"
)
_PATTERNS: Final = tuple(
    re.compile(shape + _SUFFIX + _TIME, re.IGNORECASE) for shape in _DATE_SHAPES
)
# Every shape holds a year: text without one cannot match any of them, and one scan for it
# spares most lines (menus, paragraphs, names) the four scans of the shapes.
_ANY_YEAR = re.compile(_YEAR)


def _to_datetime(match: re.Match[str]) -> dt.datetime | None:
    groups = match.groupdict()
    # "m" exists in the numeric shapes only; the others name the month ("mon")
    month = int(groups["m"]) if "m" in groups else _MONTHS.get(fold_text(groups["mon"]))
    if month is None:
        return None
    try:
        return dt.datetime(
            int(groups["y"]),
            month,
            int(groups["d"]),
            int(groups["H"] or 0),
            int(groups["M"] or 0),
            int(groups["S"] or 0),
        )
    except ValueError:  # 2010-02-30, 25:61 — not a date, whatever the shape says
        return None


def _candidates(text: str) -> Iterator[tuple[int, dt.datetime]]:
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            value = _to_datetime(match)
            if value is not None:
                yield match.start(), value
                break  # the first valid match of each shape is enough


def parse_datetime(text: str) -> dt.datetime | None:
    """The date-time ``text`` consists of (a bare date gives midnight), else ``None``."""
    cleaned = clean_text(text)
    if cleaned is None or _ANY_YEAR.search(cleaned) is None:
        return None
    for pattern in _PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match is not None:
            return _to_datetime(match)
    return None


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` consists of (a time after it is allowed and dropped), else ``None``."""
    value = parse_datetime(text)
    return None if value is None else value.date()


def find_datetime(text: str) -> dt.datetime | None:
    """The first date or date-time anywhere in ``text``, e.g. in
    "Dodano przez MOPS Kalisz, 2019-09-19 14:49:54"."""
    cleaned = clean_text(text)
    if cleaned is None or _ANY_YEAR.search(cleaned) is None:
        return None
    found = min(_candidates(cleaned), default=None, key=lambda item: item[0])
    return None if found is None else found[1]
