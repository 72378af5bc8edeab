"""The centre's contact block ("DANE TELEADRESOWE", the footer address) and the site name.

Anchored on the shape of a Polish postal address: a line with a postal code followed by a
capitalised locality ("56-200 Góra", "ul. Kościuszki 2a, 28-100 Busko-Zdrój"). Blocks outside
the article (footer, header, sidebar) are preferred over an address quoted in the article. The
name is the nearest line above that names an institution; phones and e-mails come from the
lines around the address (ePUAP box addresses are not e-mails, NIP/REGON/bank numbers are not
phones).
"""

from __future__ import annotations

import re

from praktyki.parsers.content import Linearized
from praktyki.parsers.ops_values import parse_emails, parse_phones
from praktyki.schemas.ops import Institution

__all__ = ["INSTITUTION_NAME", "find_institution"]

_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
_POSTAL = re.compile(rf"(?<![\d-])(\d{{2}})\s?-\s?(\d{{3}})(?![\d-])\s+([{_UPPER}][^,;()|]*)")
_STREET = re.compile(
    r"\b(?:ul\.|ulica|al\.|aleja|aleje|pl\.|plac|os\.|osiedle|rynek|skwer)\s*[^,;|]*\d[\w/]*",
    re.IGNORECASE,
)
INSTITUTION_NAME = re.compile(
    r"\b(ośrodek|ośrodka|centrum|dom|zespół|urząd|gminn\w*|miejsk\w*|powiatow\w*|"
    r"(g|m|mg|p)?ops|mopr|mgops|gops|mops|pcpr|cus|stowarzyszenie|fundacja)\b",
    re.IGNORECASE,
)
_SOCIAL = re.compile(
    r"pomocy społecznej|usług społecznych|pomocy rodzinie|polityki społecznej", re.IGNORECASE
)
_NOT_PHONE = re.compile(
    r"\b(nip|regon|krs|konto|rachunek|nr rach|bank|iban|skrytk|epuap)\b", re.IGNORECASE
)
_FAX = re.compile(r"\bfax\.?\s*:?\s*[\d\s()+./-]+", re.IGNORECASE)
_TEL_FAX = re.compile(r"\btel\.?\s*(?:/|i|-|,|\+)\s*fax\.?\s*:?", re.IGNORECASE)
_FAX_ONLY = re.compile(r"^\s*fax\b", re.IGNORECASE)
_LABEL = re.compile(r"^(adres|siedziba|dane teleadresowe|kontakt)\s*:?\s*", re.IGNORECASE)
_LOCALITY_END = re.compile(r"\s+(tel|fax|e-?mail|woj|gmina|powiat)\b.*$", re.IGNORECASE)


def find_institution(page: Linearized, article: tuple[int, int]) -> Institution | None:
    """The contact block nearest to being outside ``article`` (a line-index range)."""
    hits = [i for i, line in enumerate(page.lines) if _POSTAL.search(line.text)]
    if not hits:
        return None
    start, end = article
    after = [i for i in hits if i >= end]  # a footer
    before = [i for i in hits if i < start]  # a header or sidebar
    index = after[0] if after else before[0] if before else hits[0]
    window = [line.text for line in page.lines[max(0, index - 6) : index + 8]]
    here = min(index, 6)
    return _parse_block(window, here)


def _parse_block(window: list[str], here: int) -> Institution:
    line = window[here]
    postal = _POSTAL.search(line)
    assert postal is not None  # the caller picked this line for its postal code
    locality = _LOCALITY_END.sub("", postal.group(3)).strip(" .")
    head = line[: postal.start()]
    street = _street(head) or _village_street(head) or _street_above(window, here)
    # "GOPS w Lipnie, ul. …, 87-600 Lipno": a name on the address line beats one above it (an
    # article's signature "Kierownik GOPS" may stand a few lines higher)
    name = _name_before_street(head) or _name_above(window, here) or _name_before_village(head)
    scope = window[max(0, here - 4) : here + 6]
    phone_lines = [t for t in scope if not _NOT_PHONE.search(t) and not _FAX_ONLY.match(t)]
    email_lines = [t for t in scope if "epuap" not in t.lower()]
    return Institution(
        name=name,
        street=street,
        postal_code=f"{postal.group(1)}-{postal.group(2)}",
        locality=locality or None,
        phones=parse_phones("\n".join(_without_postal(t) for t in phone_lines)),
        emails=parse_emails("\n".join(email_lines)),
    )


def _without_postal(text: str) -> str:
    # "tel./fax (41) 370 51 34" is a phone that also takes faxes; "fax: …" alone is not a phone
    return _FAX.sub(" ", _TEL_FAX.sub("tel. ", _POSTAL.sub(" ", text)))


def _street(text: str) -> str | None:
    text = _LABEL.sub("", text.strip(" ,;|"))
    match = _STREET.search(text)
    if match:
        return match.group(0).strip(" ,;")
    return None


# "Rynek 1", "Janów 12", "Stara Wieś 112": short, words and a house number, not a phone
_VILLAGE_ADDRESS = re.compile(rf"[{_UPPER}][\w .'-]{{1,40}}\s\d+[a-zA-Z]?(/\d+)?")
_PART_SEPARATOR = re.compile(r"\s*[,;|·•]\s*")


def _street_above(window: list[str], here: int) -> str | None:
    for text in reversed(window[max(0, here - 2) : here]):
        street = _street(text)
        if street:
            return street
        plain = _LABEL.sub("", text).strip(" ,;")
        if _VILLAGE_ADDRESS.fullmatch(plain):
            return plain
    return None


def _village_street(head: str) -> str | None:
    """ "Stara Wieś 112, 36-200 Brzozów": the last part before the postal code, street-less."""
    last = _LABEL.sub("", _parts(head)[-1]).strip()
    return last if _VILLAGE_ADDRESS.fullmatch(last) else None


def _name_before_street(text: str) -> str | None:
    """ "GOPS Nowa Dęba, ul. Rzeszowska 3, 39-460 …": the name leads the address line."""
    street = _STREET.search(text)
    head = (text[: street.start()] if street else "").strip(" ,;|-")
    return head if head and INSTITUTION_NAME.search(head) and len(head) <= 120 else None


def _name_before_village(text: str) -> str | None:
    """ "GOPS Stara Wieś | Stara Wieś 15 | 21-100 …": a name before a street-less address
    (only when no name stands above: there a full name is usual, the line has a short one)."""
    parts = _parts(text)
    if len(parts) < 2 or not _VILLAGE_ADDRESS.fullmatch(parts[-1]):
        return None
    return next((p for p in parts[:-1] if INSTITUTION_NAME.search(p) and len(p) <= 120), None)


def _parts(text: str) -> list[str]:
    """The parts of an address line: "A, B | C · D" → [A, B, C, D] (never empty)."""
    return _PART_SEPARATOR.split(text.strip(" ,;|·•")) or [""]


def _name_above(window: list[str], here: int) -> str | None:
    candidates = [
        text
        for text in window[:here]
        if INSTITUTION_NAME.search(text) and len(text) <= 120 and not _POSTAL.search(text)
    ]
    social = [text for text in candidates if _SOCIAL.search(text)]
    chosen = social or candidates
    return _LABEL.sub("", chosen[-1]).strip() if chosen else None
