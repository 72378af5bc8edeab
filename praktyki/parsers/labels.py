"""The "Metryka praktyki" label vocabulary, as data.

One table maps every label spelling seen (or expected) on BDP pages to the :class:`Metryka`
field it fills. Quirky spellings are data, not code: the real site writes
"Wirtyna internetowa" [sic] and "Adres e@mail".

A label can be *known but not a field*: "Fax" is a real Metryka label whose value praktyki does
not type (a fax is not a phone). Such labels map to :data:`NO_FIELD`; they are kept in
``Metryka.raw`` but are not reported in ``unknown_labels``. Use :func:`is_known_label` to ask
"is this a Metryka label at all?" (page parsers splitting ``Label: value`` lines need that) and
:func:`canonical_field` to ask "which field does it fill?".

Matching is tolerant: case, diacritics, a trailing colon or dot, no-break spaces and spacing
around ``-``, ``/`` and ``@`` do not matter ("WOJEWODZTWO", "Adres e - mail :", "Tel./fax").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Final

__all__ = [
    "FIELD_LABELS",
    "KNOWN_LABELS",
    "NO_FIELD",
    "canonical_field",
    "is_known_label",
    "label_key",
    "normalize_label",
]

NO_FIELD: Final = ""
"""Target of a label that is part of the Metryka but fills no typed field (e.g. "Fax")."""

# field name -> every label spelling that fills it. "Kod pocztowy i Poczta" and "Kod pocztowy"
# both carry "07-210 Długosiodło" on real pages, so both go to postal_code and the builder
# splits the value into postal_code + post_office.
FIELD_LABELS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "date_added": (
            "Data wprowadzenia do BDP",
            "Data wprowadzenia",
            "Data wprowadzenia do bazy",
            "Data dodania",
            "Data dodania do BDP",
            "Data wpisu",
        ),
        "date_updated": (
            "Data aktualizacji",
            "Data ostatniej aktualizacji",
            "Data modyfikacji",
            "Data ostatniej modyfikacji",
            "Zaktualizowano",
        ),
        "unit_type": ("Typ jednostki", "Rodzaj jednostki", "Typ JST", "Rodzaj JST"),
        "locality": ("Miejscowość", "Miasto", "Miejscowosc"),
        "county": ("Powiat",),
        "voivodeship": ("Województwo", "Woj."),
        "postal_code": (
            "Kod pocztowy i Poczta",
            "Kod pocztowy i miejscowość",
            "Kod pocztowy, Poczta",
            "Kod pocztowy / Poczta",
            "Kod i poczta",
            "Kod pocztowy",
        ),
        "post_office": ("Poczta",),
        "implementing_unit": (
            "Jednostka wdrażająca",
            "Jednostka realizująca",
            "Jednostka wdrażająca praktykę",
        ),
        "street": ("Ulica", "Adres", "Ulica i numer", "Ulica i nr", "Ulica, nr", "Ul."),
        "phones": (
            "Telefon",
            "Telefony",
            "Tel.",
            "Tel",
            "Nr telefonu",
            "Numer telefonu",
            "Telefon/fax",
            "Telefon/faks",
            "Tel./fax",
            "Tel./faks",
            "Tel/fax",
            "Telefon i fax",
            "Telefon, fax",
        ),
        "websites": (
            "Wirtyna internetowa",  # [sic] — the real site's spelling
            "Witryna internetowa",
            "Witryna",
            "Strona www",
            "Strona internetowa",
            "Adres strony internetowej",
            "Adres www",
            "WWW",
        ),
        "emails": (
            "Adres e@mail",
            "Adres e-mail",
            "Adres email",
            "Adres mailowy",
            "Adres poczty elektronicznej",
            "Poczta elektroniczna",
            "E-mail",
            "E@mail",
            "Email",
            "Mail",
        ),
        "population": ("Liczba mieszkańców", "Liczba ludności", "Ludność", "Mieszkańcy"),
        "contacts": (
            "Osoby kontaktowe",
            "Osoba kontaktowa",
            "Osoby do kontaktu",
            "Osoba do kontaktu",
            "Kontakt",
        ),
        NO_FIELD: ("Fax", "Faks", "Nr faksu", "Numer faksu", "Telefaks"),
    }
)

_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s:.\-–—]+$")  # "Adres e@mail :" / "Tel." / "Powiat -"
_TIGHT = re.compile(r"\s*([-/@&,])\s*")  # "e - mail", "Telefon / fax"


def normalize_label(label: str) -> str:
    """A label as a lower-case key: trimmed, no trailing colon, inner whitespace collapsed.

    Keeps diacritics and inner punctuation: ``"  Adres e@mail :"`` → ``"adres e@mail"``.
    """
    text = unicodedata.normalize("NFC", label.replace("\u00a0", " "))
    text = _SPACES.sub(" ", text).strip()
    text = text.rstrip(":").strip()
    return text.casefold()


@lru_cache(maxsize=4096)  # a site repeats the same few dozen labels on every page
def label_key(label: str) -> str:
    """The matching key: :func:`normalize_label`, then diacritics and spacing folded away."""
    text = normalize_label(label).replace("ł", "l")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _TIGHT.sub(r"\1", text)
    return _TRAILING.sub("", text)


def _build_index(table: Mapping[str, tuple[str, ...]]) -> Mapping[str, str]:
    index: dict[str, str] = {}
    for field, spellings in table.items():
        for spelling in spellings:
            key = label_key(spelling)
            if index.get(key, field) != field:  # a spelling may not mean two fields
                raise ValueError(f"label {spelling!r} maps to {index[key]!r} and {field!r}")
            index[key] = field
    return MappingProxyType(index)


_INDEX: Final = _build_index(FIELD_LABELS)

KNOWN_LABELS: Final[frozenset[str]] = frozenset(
    spelling for spellings in FIELD_LABELS.values() for spelling in spellings
)
"""Every label spelling in the table, as written (for page parsers that look for labels)."""


def is_known_label(label: str) -> bool:
    """Whether ``label`` is a Metryka label, including labels that fill no field ("Fax")."""
    return label_key(label) in _INDEX


def canonical_field(label: str) -> str | None:
    """The :class:`Metryka` field ``label`` fills, or ``None`` (unknown, or known but no field)."""
    return _INDEX.get(label_key(label)) or None
