"""The value normalizers the OPS parser uses, behind one seam.

``parse_phones`` / ``parse_emails`` belong to :mod:`praktyki.parsers.normalize` and
``find_datetime`` to :mod:`praktyki.parsers.dates` (written on other branches). Until those land
on main, this module carries small stand-ins with the same signatures; switching is one edit
here, and nothing else in the OPS parser imports a normalizer directly.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["find_datetime", "parse_emails", "parse_phones"]

_MONTHS = {
    "stycz": 1,
    "lut": 2,
    "mar": 3,
    "kwie": 4,
    "maj": 5,
    "maj ": 5,
    "czerw": 6,
    "lip": 7,
    "sierp": 8,
    "wrze": 9,
    "paźdz": 10,
    "pazdz": 10,
    "listop": 11,
    "grud": 12,
}
_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T,]+(?:godz\.?\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
_DOTTED = re.compile(
    r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s*r(?:oku|\.)?)?"
    r"(?:[ ,]+(?:godz\.?\s*)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?"
)
_NAMED = re.compile(
    r"(?<!\d)(\d{1,2})\s+([a-ząćęłńóśźż]{3,})\s+(\d{4})(?:\s*r(?:oku|\.)?)?"
    r"(?:[ ,]+(?:godz\.?\s*)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?",
    re.IGNORECASE,
)


def find_datetime(text: str) -> dt.datetime | None:
    """The first date (and time, if given) written anywhere in ``text``; midnight when no time."""
    found: list[tuple[int, dt.datetime]] = []
    for pattern, order in ((_ISO, "ymd"), (_DOTTED, "dmy"), (_NAMED, "dny")):
        for match in pattern.finditer(text):
            value = _build(match, order)
            if value is not None:
                found.append((match.start(), value))
                break
    return min(found, key=lambda item: item[0])[1] if found else None


def _build(match: re.Match[str], order: str) -> dt.datetime | None:
    groups = match.groups()
    if order == "ymd":
        year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
    elif order == "dmy":
        day, month, year = int(groups[0]), int(groups[1]), int(groups[2])
    else:
        day, year = int(groups[0]), int(groups[2])
        month = _month(groups[1])
    hour, minute, second = (int(g) if g else 0 for g in groups[3:6])
    try:
        return dt.datetime(year, month, day, hour, minute, second)  # noqa: DTZ001 - local wall time as printed
    except ValueError:
        return None


def _month(name: str) -> int:
    lowered = name.lower()
    for prefix, number in _MONTHS.items():
        if lowered.startswith(prefix.strip()):
            return number
    return 0


_PHONE = re.compile(r"(?<![\w/@])(?:\+\s?)?\(?\d[\d\s().-]{7,18}\d(?![\w/@])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_AT = re.compile(r"\s*(?:\[at\]|\(at\)|\[małpa\]|\(małpa\)| at )\s*", re.IGNORECASE)
_DOT = re.compile(r"\s*(?:\[dot\]|\(dot\)|\[kropka\])\s*", re.IGNORECASE)


def parse_phones(text: str) -> tuple[str, ...]:
    """Polish phone numbers in ``text`` as E.164 (``+48`` and nine digits), in order, unique."""
    phones: list[str] = []
    for match in _PHONE.finditer(text):
        groups = re.findall(r"\d+", match.group(0))
        start = 0
        while start < len(groups):
            first = start + 1 if groups[start] in ("48", "0048") else start
            digits, end = _nine(groups, first)
            if len(digits) != 9 and first != start:
                digits, end = _nine(groups, start)
            if len(digits) == 9 and not digits.startswith("0"):
                if "+48" + digits not in phones:
                    phones.append("+48" + digits)
                start = end
            else:
                start += 1
    return tuple(phones)


def _nine(groups: list[str], start: int) -> tuple[str, int]:
    digits, end = "", start
    while end < len(groups) and len(digits) < 9:
        digits += groups[end].removeprefix("0") if not digits else groups[end]
        end += 1
    return digits, end


def parse_emails(text: str) -> tuple[str, ...]:
    """E-mail addresses in ``text``, lower-case, common obfuscations undone, in order, unique."""
    plain = _DOT.sub(".", _AT.sub("@", text))
    emails: list[str] = []
    for match in _EMAIL.finditer(plain):
        email = match.group(0).strip(".").lower()
        if email not in emails:
            emails.append(email)
    return tuple(emails)
