"""Label/value pairs of a "Metryka praktyki" block → :class:`Metryka`.

The page parsers hand over pairs as shown (label without its colon, value lines joined by
"\\n"); this module maps each label through :mod:`praktyki.parsers.labels`, types each value
with one function from :mod:`praktyki.parsers.normalize` / :mod:`praktyki.parsers.dates`, and
keeps every pair in ``raw``. Rules when a field's label appears twice: a scalar keeps the first
value that parses; list fields collect all values, deduplicated.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import Final

from praktyki.parsers.dates import find_datetime, parse_date
from praktyki.parsers.labels import canonical_field, is_known_label
from praktyki.parsers.normalize import (
    canonical_voivodeship,
    clean_text,
    parse_contacts,
    parse_emails,
    parse_phones,
    parse_population,
    parse_websites,
    split_postal,
)
from praktyki.schemas.bdp import Metryka

__all__ = ["build_metryka"]

log = logging.getLogger(__name__)

Fields = dict[str, object]


def _date(value: str) -> dt.date | None:
    """A date value; falls back to the first date inside it ("2010-03-14 (korekta)")."""
    parsed = parse_date(value)
    if parsed is None and (found := find_datetime(value)) is not None:
        parsed = found.date()
    return parsed


def _postal(value: str) -> Fields:
    code, office = split_postal(value)
    return {"postal_code": code, "post_office": office}


def _post_office(value: str) -> Fields:
    code, office = split_postal(value)
    return {"post_office": office, "postal_code": code}


def _scalar(field: str, parse: Callable[[str], object]) -> Callable[[str], Fields]:
    return lambda value: {field: parse(value)}


# Metryka field (as named by labels.FIELD_LABELS) -> value -> the fields it fills.
_HANDLERS: Final[dict[str, Callable[[str], Fields]]] = {
    "date_added": _scalar("date_added", _date),
    "date_updated": _scalar("date_updated", _date),
    "unit_type": _scalar("unit_type", clean_text),
    "locality": _scalar("locality", clean_text),
    "county": _scalar("county", clean_text),
    "voivodeship": _scalar("voivodeship", canonical_voivodeship),
    "postal_code": _postal,
    "post_office": _post_office,
    "implementing_unit": _scalar("implementing_unit", clean_text),
    "street": _scalar("street", clean_text),
    "phones": _scalar("phones", parse_phones),
    "websites": _scalar("websites", parse_websites),
    "emails": _scalar("emails", parse_emails),
    "population": _scalar("population", parse_population),
    "contacts": _scalar("contacts", parse_contacts),
}


def _merge(fields: Fields, update: Fields) -> None:
    for name, value in update.items():
        if isinstance(value, tuple):
            previous = fields.get(name)
            earlier = previous if isinstance(previous, tuple) else ()
            fields[name] = tuple(dict.fromkeys((*earlier, *value)))
        elif value is not None and fields.get(name) is None:
            fields[name] = value


def build_metryka(pairs: Sequence[tuple[str, str]]) -> Metryka:
    """The typed :class:`Metryka` of ``pairs``; every pair is kept in ``raw``, in order."""
    fields: Fields = {}
    unknown: list[str] = []
    for label, value in pairs:
        target = canonical_field(label)
        if target is None:
            if not is_known_label(label):
                unknown.append(label)
            continue
        update = _HANDLERS[target](value)
        if log.isEnabledFor(logging.DEBUG) and not any(update.values()) and clean_text(value):
            log.debug("Metryka %r: value %r not understood; kept in raw", label, value)
        _merge(fields, update)
    return Metryka.model_validate(
        {
            **fields,
            "raw": tuple((label, value) for label, value in pairs),
            "unknown_labels": unknown,
        }
    )
