"""One small pure function per value kind: text, population, postal code, phones, websites,
e-mails, voivodeship, contact persons.

Every function accepts any text and never raises: a value it cannot read gives ``None`` or an
empty tuple (the raw pair is kept in ``Metryka.raw`` anyway). Digits are matched as ASCII
``[0-9]`` on purpose: ``\\d`` would let Arabic-Indic digits into E.164 numbers.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from praktyki.schemas.bdp import Contact

__all__ = [
    "VOIVODESHIPS",
    "canonical_voivodeship",
    "clean_text",
    "fold_text",
    "parse_contacts",
    "parse_emails",
    "parse_phones",
    "parse_population",
    "parse_websites",
    "split_postal",
]

# No-break, thin, figure and other Unicode spaces, plus zero-width characters.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\r\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_WS = re.compile(r"\s+")
# Anything ``_spaces`` would change in an NFC string: odd spaces and zero-width characters.
_SPACES_WORK = re.compile(
    r"[\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad\t\r\f\v]"
)
_NON_DIGITS = re.compile(r"[^0-9]")
_ASCII_DIGIT = re.compile(r"[0-9]")

PLACEHOLDERS: Final = frozenset(
    {"", "-", "--", "---", "–", "—", ".", "brak", "brak danych", "b.d.", "bd", "n/d", "nie dotyczy"}
)
"""Values that mean "nothing here" (compared lower-cased, after cleaning)."""


def _word_list(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return tuple(text.split())


def _words(text: str) -> frozenset[str]:
    return frozenset(_word_list(text))


def _spaces(text: str) -> str:
    """Unicode spaces → plain spaces, zero-width characters removed; newlines kept."""
    # Fast path (most values): nothing to replace. ASCII is NFC and has no zero-width chars.
    if text.isascii():
        if "\t" not in text and "\r" not in text and "\f" not in text and "\v" not in text:
            return text
    elif _SPACES_WORK.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text
    return _ODD_SPACES.sub(" ", _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text)))


def clean_text(text: str) -> str | None:
    """Trimmed text with all whitespace collapsed to single spaces; placeholders → ``None``."""
    # str.split() splits on exactly the characters of the regex \s (Py_UNICODE_ISSPACE).
    cleaned = " ".join(_spaces(text).split())
    return None if cleaned.casefold() in PLACEHOLDERS else cleaned


@lru_cache(maxsize=8192)  # called per word on hot paths (names, months); words repeat
def fold_text(text: str) -> str:
    """Lower-case, without Polish diacritics ("Łódź" → "lodz"): a key for tolerant matching."""
    text = text.casefold().replace("ł", "l")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# ---------------------------------------------------------------------------- population

_NUMBER = re.compile(
    r"(?<![0-9.,])"
    r"(?P<int>[0-9]{1,3}(?:[ .,'][0-9]{3})+(?![0-9])|[0-9]{1,12}(?![0-9]))"
    r"(?:[.,](?P<frac>[0-9]{1,3})(?![0-9]))?"
    r"\s*(?P<mult>tys|mln|milion|mld|miliard)?",
    re.IGNORECASE,
)
_MULTIPLIERS: Final = {"tys": 1_000, "mln": 1_000_000, "milion": 1_000_000}


def parse_population(text: str) -> int | None:
    """The first count in ``text``: "8.000" → 8000 (a dot groups thousands), "252 tys." →
    252000, "1,2 mln" → 1200000; ``None`` when there is no positive count."""
    match = _NUMBER.search(_spaces(text).replace("\n", " "))
    if match is None:
        return None
    digits = _NON_DIGITS.sub("", match["int"])
    multiplier = _MULTIPLIERS.get((match["mult"] or "").lower(), 1)
    if len(digits) > 12 or (match["mult"] and multiplier == 1):
        return None  # absurd, or billions: not a Polish municipality
    frac = match["frac"] if multiplier > 1 else None  # "8.00" alone: the fraction is noise
    value = int(digits) * multiplier
    if frac:
        value += int(frac) * multiplier // 10 ** len(frac)
    return value or None


# ---------------------------------------------------------------------------- postal code

_POSTAL = re.compile(
    r"(?<![0-9])([0-9]{2})\s?[-‐‑–]\s?([0-9]{3})(?![0-9])|(?<![0-9-])([0-9]{5})(?![0-9-])"
)
_EDGE_PUNCT = " ,;:-–—()"


def split_postal(text: str) -> tuple[str | None, str | None]:
    """("07-210", "Długosiodło") from "07-210 Długosiodło", "07210 Długosiodło",
    "Długosiodło, 07-210"; a missing part is ``None``."""
    cleaned = clean_text(text)
    if cleaned is None:
        return None, None
    match = _POSTAL.search(cleaned)
    if match is None:
        return None, cleaned.strip(_EDGE_PUNCT) or None
    code = f"{match[1]}-{match[2]}" if match[1] else f"{match[3][:2]}-{match[3][2:]}"
    rest = f"{cleaned[: match.start()]} {cleaned[match.end() :]}"
    office = _WS.sub(" ", rest).strip(_EDGE_PUNCT)
    return code, office or None


# ---------------------------------------------------------------------------- phones

# A label sets what the numbers after it are, until the next label. "tel./fax" is both a phone
# and a fax line, so its numbers are phones; a bare "fax" is not a phone; "wew." (extension)
# swallows the one number right after it.
_PHONE_TOKEN = re.compile(
    r"(?P<both>\btel(?:efon\w*)?\.?\s*(?:/|i|-|,|\+)\s*fa(?:x|ks)\w*\.?"
    r"|\bfa(?:x|ks)\w*\.?\s*(?:/|i|-|,|\+)\s*tel(?:efon\w*)?\.?)"
    r"|(?P<fax>\bfa(?:x|ks)\w*)"
    r"|(?P<tel>\b(?:tel(?:efon\w*)?|kom(?:órk\w*|ork\w*)?|gsm|mob\w*|centrala|sekretariat)\b)"
    r"|(?P<ext>\b(?:wew|w)\.|\bwewn\w*)"
    r"|(?P<other>\b(?:nip|regon|krs|pesel|konto|nr\s+konta|epuap)\b)"
    r"|(?P<reset>[\n;])"
    r"|(?P<num>(?:\+|\b00)?[(\s]*[0-9][0-9()\-‐‑–. ]*[0-9]|[0-9])",
    re.IGNORECASE,
)


# A label written after its number, in brackets: "29 741 21 59 (fax)". Without the bracket
# ("tel. 29 741 21 58 fax 29 741 21 59") the label belongs to the number after it.
_POST_LABEL = re.compile(r"\s*\(\s*")
# A wide dash or a double space inside a run of digits separates two numbers
# ("29 741-21-58 - 60"), a single space or hyphen does not ("29 741-21-58").
_RUN_BREAK = re.compile(r"\s+[-–]\s+|\s{2,}")


def _e164(candidate: str) -> tuple[str, ...]:
    """E.164 numbers in one run of digits; a run that is not a phone number gives ()."""
    parts = [part for part in _RUN_BREAK.split(candidate) if part.strip()]
    if len(parts) > 1:
        return tuple(number for part in parts for number in _e164_one(part))
    return _e164_one(candidate)


def _e164_one(candidate: str) -> tuple[str, ...]:
    digits = _NON_DIGITS.sub("", candidate)
    international = candidate.lstrip("( ").startswith(("+", "00"))
    if digits.startswith("00"):
        digits = digits[2:]
    if international or (len(digits) == 11 and digits.startswith("48")):
        if digits.startswith("48") and len(digits) == 11:
            digits = digits[2:]
        elif 8 <= len(digits) <= 15 and not digits.startswith("48"):
            return (f"+{digits}",)  # a foreign number, kept as given
        else:
            return ()
    if len(digits) == 10 and digits.startswith("0"):  # trunk prefix: "(0-12) 277 01 00"
        digits = digits[1:]
    if len(digits) == 18:  # two numbers with nothing but spaces between them
        return _e164_one(digits[:9]) + _e164_one(digits[9:])
    if len(digits) != 9 or digits.startswith("0"):
        return ()  # a year, a date, a postal code, an old 7-digit local number
    return (f"+48{digits}",)


def parse_phones(text: str) -> tuple[str, ...]:
    """Phone numbers in E.164 ("+48297412158"), in order, deduplicated; fax-only numbers,
    extensions and numbers labelled NIP/REGON/account left out."""
    text = _spaces(text)
    if _ASCII_DIGIT.search(text) is None:
        return ()  # only a number token adds a phone ("e@mail: …" lines of contacts)
    found: list[str] = []
    state = "tel"  # what an unlabelled number is: the field is "Telefon"
    skip_next = False
    last: tuple[int, int] = (0, -1)  # (how many numbers the last run added, where it ended)
    for match in _PHONE_TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "num":
            numbers = () if skip_next or state != "tel" else _e164(match.group())
            found.extend(numbers)
            last = (len(numbers), match.end())
            skip_next = False
            state = "skipped" if state == "skip" else state
        elif kind == "ext":
            skip_next = True
        elif kind == "fax" and last[0] and _POST_LABEL.fullmatch(text, last[1], match.start()):
            del found[len(found) - last[0] :]  # "29 741 21 59 (fax)": the label came after
        elif kind in ("fax", "other"):
            state = "skip"
        elif kind != "reset" or state != "skip":
            # a phone label or "tel./fax"; or a new line / ";" after the fax number: phones
            # again. A fax label alone on its line ("Fax:\n12 345 67 89") still applies.
            state = "tel"
    return tuple(dict.fromkeys(found))


# ---------------------------------------------------------------------------- websites

_URL = re.compile(
    r"^(?:(?P<scheme>https?)://)?(?P<host>(?:[\w-]+\.)+(?P<tld>[^\W\d_]{2,24}))"
    r"(?P<port>:[0-9]{1,5})?(?P<path>[/?#]\S*)?$",
    re.IGNORECASE,
)
# Without a scheme or "www.", a dotted word is a website only under a common TLD
# ("m.in." and "Dz.U." are not).
_TLDS: Final = _words(
    "pl eu com org net info gov edu biz de uk cz sk ua lt no se fr it es nl at be ch io us"
)
_WEBSITE_SPLIT = re.compile(r"[\s;,]+")
_URL_STRIP = "\"'<>()[]{}.,;:!?«»„”“"


def _website(token: str) -> str | None:
    token = token.strip(_URL_STRIP)
    if "@" in token:
        return None  # an e-mail address in the website field
    match = _URL.match(token)
    if match is None:
        return None
    host = match["host"].lower()
    if not match["scheme"] and not host.startswith("www.") and match["tld"].lower() not in _TLDS:
        return None
    scheme = (match["scheme"] or "http").lower()
    return f"{scheme}://{host}{match['port'] or ''}{match['path'] or ''}"


def parse_websites(text: str) -> tuple[str, ...]:
    """Absolute URLs: split on ``;`` ``,`` and whitespace, ``http://`` added when absent,
    host lower-cased, deduplicated ("http://x.pl" and "http://x.pl/" are one site)."""
    seen: dict[str, str] = {}
    for token in _WEBSITE_SPLIT.split(_spaces(text)):
        url = _website(token)
        if url is not None:
            seen.setdefault(url.rstrip("/").lower(), url)
    return tuple(seen.values())


# ---------------------------------------------------------------------------- e-mails

_AT = re.compile(r"\s*[(\[{<]\s*(?:at|małpa|malpa|@)\s*[)\]}>]\s*|\s+at\s+|\s*@\s*", re.I)
_DOT = re.compile(r"\s*[(\[{<]\s*(?:dot|kropka)\s*[)\]}>]\s*|\s+(?:dot|kropka)\s+", re.I)
# "e@mail:" / "e-mail:" / "email:" prefixes, but not an address such as "email@gmina.pl".
_MAIL_PREFIX = re.compile(r"(?<![\w.@+-])(?:e\s?[-@]?\s?mail|mailto)(?![\w@.+-])\s*:?", re.I)
# Where _AT can put an "@": without one of these the text holds no address at all.
_AT_HINT = re.compile(r"@|at|ma[łl]pa", re.I)
_EMAIL = re.compile(r"[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}", re.I)


def parse_emails(text: str) -> tuple[str, ...]:
    """Lower-case addresses, de-obfuscated ("(at)", "[at]", " at ", "&#64;", "mailto:",
    "(dot)", "(kropka)"), in order, deduplicated."""
    text = _spaces(html.unescape(text))
    if _AT_HINT.search(text) is None:
        return ()
    text = _MAIL_PREFIX.sub(" ", text)
    text = _DOT.sub(".", _AT.sub("@", text))
    found = (m.group().strip(".-'").lower() for m in _EMAIL.finditer(text))
    return tuple(dict.fromkeys(address for address in found if "@" in address))


# ---------------------------------------------------------------------------- voivodeship

VOIVODESHIPS: Final = _word_list(
    "dolnośląskie kujawsko-pomorskie lubelskie lubuskie łódzkie małopolskie mazowieckie "
    "opolskie podkarpackie podlaskie pomorskie śląskie świętokrzyskie "
    "warmińsko-mazurskie wielkopolskie zachodniopomorskie"
)
_SPACE_OR_HYPHEN = re.compile(r"[\s-]")
_ADJ_ENDING = re.compile(r"(?:iego|ie|im)$")  # mazowieckie / mazowieckiego / mazowieckim


def _voivodeship_key(word: str) -> str:
    return _ADJ_ENDING.sub("", _SPACE_OR_HYPHEN.sub("", fold_text(word)))


_VOIVODESHIP_BY_KEY: Final = {_voivodeship_key(name): name for name in VOIVODESHIPS}
# "kujawsko-pomorskie", also written "kujawsko - pomorskie" or "Kujawsko Pomorskie"
_VOIVODESHIP_WORD = re.compile(r"[a-z]+o(?:\s*-\s*|\s+)[a-z]+|[a-z]+")


def _voivodeship_of(word: str) -> str | None:
    """The voivodeship one word (or "X-o Y" pair) names; a pair that is not a compound name
    ("wojewodztwo mazowieckie") is tried word by word."""
    found = _VOIVODESHIP_BY_KEY.get(_voivodeship_key(word))
    if found is None and " " in word.strip():
        found = _VOIVODESHIP_BY_KEY.get(_voivodeship_key(word.split()[-1]))
    return found


def canonical_voivodeship(text: str) -> str | None:
    """One of the 16 canonical lower-case names, from "Mazowieckie", "woj. mazowieckie",
    "WOJEWÓDZTWO MAZOWIECKIE", "kujawsko - pomorskie"; ``None`` when none or several match."""
    words = _VOIVODESHIP_WORD.findall(fold_text(text))
    found = {_voivodeship_of(word) for word in words} - {None}
    return found.pop() if len(found) == 1 else None


# ---------------------------------------------------------------------------- contacts

_CONTACT_WORD = r"\b(?:tel|telefon|kom|gsm|fax|faks|e-?mail|mail|mailto)\b"
_CONTACT_OTHER = r"\+?\(?[0-9][0-9\s()\-‐‑–.]{6,}[0-9]|https?://|\bwww\."
_CONTACT_MARK = re.compile(
    rf"{_CONTACT_WORD}|\be@mail|[\w.+-]+@[\w-]+\.|{_CONTACT_OTHER}", re.IGNORECASE
)
# The same without its "@" alternatives, for lines without "@" (only where a mark starts is
# used, so the order of alternatives does not matter): "[\w.+-]+@" retried at every position
# of every word is most of the search time.
_CONTACT_MARK_NO_AT = re.compile(rf"{_CONTACT_WORD}|{_CONTACT_OTHER}", re.IGNORECASE)
_TITLES: Final = frozenset({"dr", "dr.", "mgr", "mgr.", "inż.", "inż", "prof.", "hab.", "lic."})
_TITLES_PERSON: Final = frozenset({"pan", "pani"})
_ANY_TITLE: Final = _TITLES | _TITLES_PERSON
# Lower-case stems of words that make a line a role or an institution, never a person's name
# ("Kierownik Ośrodka Pomocy Społecznej" has four capitalised words).
_ROLE_STEMS: Final = tuple(
    _words(
        "kierown dyrektor zastep specjalist pracown starsz glown koordynator inspektor "
        "referent sekretar burmistrz wojt prezydent starost skarbnik osrod pomoc spolecz "
        "rodzin gmin miejsk miast urzad centr wydzial dzial referat zesp klub stowarzysz "
        "fundacj powiat projekt asystent psycholog pedagog prawnik radc animator lider "
        "opiekun kurator swietlic biur sekcj program konsultant doradc naczelnik przewodnicz "
        "prezes czlon wolontar integrac aktywn lokaln organizac instytuc osob kontakt socjal "
        "administr terapeut uzalez ksiegow informatyk mediator trener instruktor wychowaw "
        "nauczyc logoped zarzad wice pelnomocnik kadr obslug senior dzienn swiadcz zdrow "
        "kultur sport edukac mlodziez dziec zawod alkohol przemoc profilakt interwenc kryzys "
        "schronisk noclegown warsztat terapi rehabilit wsparci mieszkan samorzad"
    )
)
_ROLE_WORDS: Final = _words("ug um ops gops mops mopr mgops pcpr cal ngo jst rp bdp")
# "Działowski" starts like "dział", "Pomocka" like "pomoc": a surname ending wins over a stem.
_SURNAME_ENDINGS: Final = ("ski", "ska", "cki", "cka", "dzki", "dzka", "wicz", "czyk")
_PART_SPLIT = re.compile(r"\s+[-–—]\s+|\s*[,;:]\s+|\s*[()]\s*")
_CONTACT_LINE_SPLIT = re.compile(r"[\n;]")
_BULLET = re.compile(r"^[\s\-–—•*·>»]+")


_NO_CONTACT: Final = Contact()


@dataclass
class _Person:
    name: str | None = None
    roles: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)

    def has_contact(self) -> bool:
        return bool(self.phones or self.emails)

    def is_empty(self) -> bool:
        return not (self.name or self.roles or self.has_contact())

    def to_contact(self) -> Contact:
        role = clean_text(" ".join(self.roles).strip(" ,;:-–")) if self.roles else None
        return Contact(
            name=self.name,
            role=role,
            phones=tuple(dict.fromkeys(self.phones)),
            emails=tuple(dict.fromkeys(self.emails)),
        )


def _is_name_word(word: str) -> bool:
    parts = word.split("-")
    return all(
        len(p) >= 2 and p.isalpha() and p[0].isupper() and (p[1:].islower() or p.isupper())
        for p in parts
    ) and not _is_role_word(fold_text(word))


def _is_role_word(folded: str) -> bool:
    if folded in _ROLE_WORDS:
        return True
    return folded.startswith(_ROLE_STEMS) and not folded.endswith(_SURNAME_ENDINGS)


def _name_prefix(text: str) -> tuple[str | None, str]:
    """A leading "[title] Forename Surname" (2-4 name words) and the rest of ``text``."""
    words = text.split()
    start = 0
    while start < len(words) and words[start].casefold() in _ANY_TITLE:
        start += 1
    end = start
    while end < len(words) and end - start < 4 and _is_name_word(words[end]):
        end += 1
    if end - start < 2:
        return None, text
    name_words = [w for w in words[:end] if w.casefold() not in _TITLES_PERSON]
    return " ".join(name_words), " ".join(words[end:])


def _name_and_role(head: str) -> tuple[str | None, str]:
    """Split "Jan Kowalski - kierownik", "Jan Kowalski, kierownik", "Kierownik: Jan Kowalski"."""
    parts = [p for p in _PART_SPLIT.split(head) if p and p.strip()]
    for index, part in enumerate(parts):
        name, rest = _name_prefix(part)
        if name is not None and not rest:
            return name, ", ".join(parts[:index] + parts[index + 1 :])
    name, rest = _name_prefix(head)
    if name is not None and rest[:1].islower():  # "Jan Kowalski kierownik GOPS"
        return name, rest
    return None, head


def _lines(text: str) -> list[str]:
    """Lines of a contacts value; ";" separates like a newline, a blank line stays ""."""
    text = _spaces(html.unescape(text))  # before splitting: "&#64;" holds a ";"
    return [_BULLET.sub("", line).strip() for line in _CONTACT_LINE_SPLIT.split(text)]


def parse_contacts(text: str) -> tuple[Contact, ...]:
    """One :class:`Contact` per person in page order: a name line starts a person, role lines,
    "tel." and "e-mail:" lines (or the same on the name's line) complete it."""
    people: list[_Person] = []
    current = _Person()
    for line in _lines(text):
        mark = (_CONTACT_MARK if "@" in line else _CONTACT_MARK_NO_AT).search(line)
        head = (line[: mark.start()] if mark else line).strip(" ,;:-–—")
        name, role = _name_and_role(head) if head else (None, "")
        starts_new = (name is not None and not current.is_empty()) and (
            current.name is not None or current.has_contact()
        )
        if not line or starts_new:
            people.append(current)
            current = _Person()
        if name is not None:
            current.name = name
        if role.strip(" ,;:-–—()"):
            current.roles.append(role.strip(" ,;:-–—()"))
        if mark:
            tail = line[mark.start() :]
            current.phones.extend(parse_phones(tail))
            current.emails.extend(parse_emails(tail))
    people.append(current)
    contacts = (person.to_contact() for person in people)
    return tuple(c for c in contacts if c != _NO_CONTACT)  # "brak" alone is no person
