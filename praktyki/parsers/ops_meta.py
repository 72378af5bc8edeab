"""Article metadata lines: dates, author, editor, views.

Lines are recognised by their visible label ("Zamieścił:", "Dodano przez …, 2019-09-19 14:49:54",
"Zmodyfikował: … 2008-04-30 13:02:48", "Wyświetlono 3561 razy", "Odsłon: 120", BIP's
"Informację opublikował: …") or by being a date and nothing else ("2008-04-30 12:52:47",
"30.06.2021 r."). One line may carry several facts separated by "|" or "•"; a label whose value
sits on the next line (tables, ``<dl>``) takes that line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from praktyki.parsers.ops_values import find_datetime

__all__ = ["Meta", "is_date_only", "is_meta_line", "scan_meta"]

_A = r"(?:\(a\)|a)?"  # "Zamieścił(a)", "Dodała"
# Labels of who/when published; rank 0 = the publishing act itself, 1 = weaker evidence.
_PUBLISH = (
    (
        0,
        rf"zamieścił{_A}|zamieszczon[oey]( przez)?|dodał{_A}|dodan[oey]( przez)?|opublikował{_A}|"
        rf"opublikowan[oey]( przez)?|informację opublikował{_A}|wpis z dnia|dodano dnia|"
        r"data (publikacji|opublikowania|dodania)|"
        rf"wprowadził{_A}|wprowadzono|data wprowadzenia|posted by|published|"
        r"osoba publikująca|osoba wprowadzająca|publikujący|wpisany przez|wpisane przez",
    ),
    (
        1,
        rf"autor(ka)?|informację (wytworzył{_A}|sporządził{_A})|wytworzył{_A}|sporządził{_A}|"
        rf"napisał{_A}|przygotował{_A}|data (utworzenia|wytworzenia|wytworzenia informacji)|"
        rf"utworzono|wytworzono|osoba sporządzająca|osoba wytwarzająca|"
        r"osoba odpowiedzialna( za treść)?|data",
    ),
)
_MODIFY = (
    rf"zmodyfikował{_A}|zmodyfikowano( przez)?|ostatnio (zmodyfikował{_A}|zmieniony|edytowany)|"
    rf"ostatnia (zmiana|modyfikacja|aktualizacja|edycja)|data (modyfikacji|aktualizacji|"
    rf"ostatniej (zmiany|modyfikacji|aktualizacji))|edytował{_A}|edytowano|zaktualizował{_A}|"
    rf"zaktualizowano|aktualizacja|aktualizował{_A}|poprawił{_A}|poprawiono|modyfikował{_A}|"
    rf"informację (zmienił|zmodyfikował|zaktualizował|poprawił){_A}|zmienił{_A}|"
    r"updated|modified|osoba aktualizująca|"
    r"osoba modyfikująca|poprawiony|poprawiona|zmieniony|zmieniona"
)
_LABEL_END = r"\s*(?::|\s)\s*(?P<rest>.*)$"
_PUBLISH_RE = tuple(
    (rank, re.compile(rf"^(?:{labels}){_LABEL_END}", re.IGNORECASE)) for rank, labels in _PUBLISH
)
_MODIFY_RE = re.compile(rf"^(?:{_MODIFY}){_LABEL_END}", re.IGNORECASE)
_VIEWS = re.compile(
    r"^(?:wyświetlono|wyświetleń|wyświetlenia|liczba (?:wyświetleń|odsłon|odwiedzin|odczytów)|"
    r"odsłon\w*|czytano|przeczytano|odczytano|odczytów|views|hits)\s*:?\s*(\d[\d\s.]*)",
    re.IGNORECASE,
)
_VIEWS_LABEL = re.compile(
    r"^(?:wyświetlono|wyświetleń|liczba (?:wyświetleń|odsłon|odwiedzin|odczytów)|odsłon\w*|"
    r"czytano|odczytów)\s*:\s*$",
    re.IGNORECASE,
)
_VIEWS_AFTER = re.compile(r"^(\d[\d\s.]*)\s+(?:wyświetleń|odsłon|odczytów|razy)\b", re.IGNORECASE)
_SPLIT = re.compile(r"\s+[|•·]\s+|\s+\|\s*|\s*\|\s+")
_DATE_WORDS = re.compile(
    r"\b(?:r|roku|dnia|w dniu|godz|godzina|data|przez|poniedziałek|wtorek|środa|czwartek|piątek|"
    r"sobota|niedziela|(?:sty|lut|mar|kwi|maj|cze|lip|sie|wrz|paź|paz|lis|gru)"
    r"[a-ząćęłńóśźż]*|(?:jan|feb|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez)[a-z]*|"
    r"märz|st|nd|rd|th)\b\.?",
    re.IGNORECASE,
)
_NUMBERS = re.compile(r"\d+(?:[\s:./-]+\d+)*")
_NAME_WORDS = 5  # "Dodał Jan Maria Kowalski-Nowak (MOPS)" at most
_DATE_LABEL = re.compile(r"^(?:data|utworzono|wytworzono)\b(?!\s+przez)", re.IGNORECASE)
_TODAY = re.compile(r"^(?:dziś|dzisiaj|dzis|today)(?:\s+(?:jest|mamy|is))?\b", re.IGNORECASE)


@dataclass
class Meta:
    """The facts read from an article's metadata lines."""

    published_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    author: str | None = None
    editor: str | None = None
    views: int | None = None
    consumed: set[int] = field(default_factory=set)
    _rank: int = 9


def is_date_only(text: str) -> bool:
    """True for a line that is a date (or date-time) and nothing else worth keeping."""
    if len(text) > 60 or find_datetime(text) is None:
        return False
    residue = _DATE_WORDS.sub(" ", _NUMBERS.sub(" ", text))
    return sum(ch.isalpha() for ch in residue) <= 2


@lru_cache(maxsize=8192)  # asked of the same lines again and again (see chrome._chrome_name)
def is_meta_line(text: str) -> bool:
    """True for a line that only carries article metadata (see module doc)."""
    if is_date_only(text):
        return True
    return all(_segment_kind(segment) is not None for segment in _segments(text))


def scan_meta(texts: list[str]) -> Meta:
    """Read the metadata from a window of lines around an article (first evidence wins).

    A "Dziś jest" / "Dzisiaj:" widget gives today's date, never the article's: its line and
    the line after it are skipped.
    """
    meta = Meta()
    today = False
    for index, text in enumerate(texts):
        if today or _TODAY.match(text):
            today = _TODAY.match(text) is not None and find_datetime(text) is None
            continue
        for segment in _segments(text):
            kind = _segment_kind(segment)
            if kind is None:
                continue
            rest = _rest(kind, segment)
            if not rest and index + 1 < len(texts) and len(texts[index + 1]) <= 80:
                rest = texts[index + 1]  # label in one cell, value in the next
                meta.consumed.add(index + 1)
            meta.consumed.add(index)
            _apply(meta, kind, segment, rest)
        if index not in meta.consumed and is_date_only(text):
            meta.consumed.add(index)
            _apply(meta, "date", text, text)
    return meta


def _segments(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def _segment_kind(segment: str) -> str | None:
    if len(segment) > 140:
        return None
    if _VIEWS.match(segment) or _VIEWS_AFTER.match(segment):
        return "views"
    if _VIEWS_LABEL.match(segment):
        return "views label"
    if _MODIFY_RE.match(segment):
        return "modify"
    for rank, pattern in _PUBLISH_RE:
        match = pattern.match(segment)
        if match is None or _sentence(segment, match):
            continue
        # a bare "Data" label must carry a date, or "Data" is just a word
        if rank == 0 or find_datetime(match.group("rest")) or "data" not in segment[:5].lower():
            return f"publish{rank}"
    return "date" if is_date_only(segment) else None


def _sentence(segment: str, match: re.Match[str]) -> bool:
    """ "Opublikowano wyniki naboru do klubu." is a sentence of the article, not a label: no
    colon after the label, no date, and more words than a name has."""
    rest = match.group("rest")
    colon = ":" in segment[: match.start("rest")]
    if colon or find_datetime(rest) is not None:
        return False
    words = rest.split()
    full_stop = rest.endswith(".") and len(words) > 1 and len(words[-1]) > 3  # not "Jan K."
    return len(words) > _NAME_WORDS or full_stop


def _rest(kind: str, segment: str) -> str:
    if kind == "views":
        return segment
    if kind == "views label":
        return ""
    if kind == "modify":
        match = _MODIFY_RE.match(segment)
    elif kind.startswith("publish"):
        match = _PUBLISH_RE[int(kind[-1])][1].match(segment)
    else:
        return segment
    return match.group("rest").strip() if match else ""


def _apply(meta: Meta, kind: str, segment: str, rest: str) -> None:
    if kind == "views":
        meta.views = meta.views if meta.views is not None else _views(segment)
        return
    if kind == "views label":
        digits = re.sub(r"[\s.]", "", rest)
        if meta.views is None and digits.isdigit() and len(digits) < 12:
            meta.views = int(digits)
        return
    when = find_datetime(rest)
    name = _name(rest)
    if kind == "modify":
        meta.modified_at = meta.modified_at or when
        meta.editor = meta.editor or name
        return
    rank = int(kind[-1]) if kind.startswith("publish") else 2
    if kind.startswith("publish") and not _DATE_LABEL.match(segment):
        meta.author = meta.author or name  # "Data wytworzenia: 19.IX.2019" names nobody
    if when is not None and rank < meta._rank:
        meta.published_at, meta._rank = when, rank


def _views(segment: str) -> int | None:
    match = _VIEWS.match(segment) or _VIEWS_AFTER.match(segment)
    if match is None:
        return None
    digits = re.sub(r"\D", "", match.group(1))
    return int(digits) if digits and len(digits) < 12 else None


def _name(rest: str) -> str | None:
    """The person or unit in a label's value: the text left when the date is taken out."""
    first_number = _NUMBERS.search(rest)
    if first_number is None:
        head = rest
    elif first_number.start() > 0:
        head = rest[: first_number.start()]
    else:  # "2019-09-19 przez Jan Kowalski": the name follows the date
        head = _LEADING_DATE.sub("", rest)
    head = _NAME_NOISE.sub(" ", head)
    head = re.sub(r"\s+", " ", head).strip(" ,;:-–|()")
    if sum(ch.isalpha() for ch in head) < 2 or len(head) > 80:
        return None
    return head


_LEADING_DATE = re.compile(
    r"^\s*\d{1,4}[\s./-]*(?:[a-ząćęłńóśźż]+\s+)?\d{1,4}(?:[./-]\d{1,4})?\s*(?:r\.|roku|r\b)?"
    r"(?:[\s,]*(?:godz\.?\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?)?",
    re.IGNORECASE,
)
_NAME_NOISE = re.compile(
    r"\b(?:przez|dnia|w dniu|z dnia|godz|poniedziałek|wtorek|środa|czwartek|piątek|sobota|"
    r"niedziela)\b\.?",
    re.IGNORECASE,
)
