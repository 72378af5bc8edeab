"""Normalized value → the text a BDP page shows, in the varied shapes real pages use.

The replica generates every typed value first (E.164 phone, int, date, URL, e-mail) and derives
the display text from it here, so its ground truth never depends on praktyki's own normalizers.
Each function takes the ``random.Random`` of the practice, so the choice is deterministic.
"""

from __future__ import annotations

import datetime as dt
import random

__all__ = [
    "MOBILE_PREFIXES",
    "date_text",
    "email_text",
    "emails_text",
    "phone_text",
    "phones_text",
    "population_text",
    "voivodeship_text",
    "websites_text",
]


# Mobile networks' prefixes; no landline trunk code starts like these.
MOBILE_PREFIXES = ("50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88")


def date_text(value: dt.date, rng: random.Random) -> str:
    """``2010-03-14``, ``14.03.2010``, ``14.03.2010 r.`` or ``14.03.2010r.``."""
    dotted = f"{value.day:02d}.{value.month:02d}.{value.year}"
    return rng.choice((value.isoformat(), value.isoformat(), dotted, f"{dotted} r.", f"{dotted}r."))


def population_text(value: int, rng: random.Random) -> str:
    """``8.000``, ``8 000`` or ``8000`` (the dot is the thousands separator, never a decimal)."""
    grouped = f"{value:,}"
    return rng.choice((grouped.replace(",", "."), grouped.replace(",", " "), str(value)))


def phone_text(e164: str, rng: random.Random) -> str:
    """A Polish number (``+48`` and nine digits) as a person would type it on a form."""
    n = e164.removeprefix("+48")
    if n.startswith(MOBILE_PREFIXES):
        return rng.choice(
            (
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"+48 {n[:3]} {n[3:6]} {n[6:]}",
            )
        )
    area, rest = n[:2], n[2:]
    shapes = (
        f"{area} {rest[:3]}-{rest[3:5]}-{rest[5:]}",
        f"{area} {rest[:3]} {rest[3:5]} {rest[5:]}",
        f"({area}) {rest[:3]} {rest[3:5]} {rest[5:]}",
        f"(0-{area}) {rest[:3]} {rest[3:5]} {rest[5:]}",
        f"+48 {area} {rest[:3]} {rest[3:5]} {rest[5:]}",
        f"{area} {rest[:2]} {rest[2:4]} {rest[4:]}",
        f"({area}){rest[:3]}-{rest[3:5]}-{rest[5:]}",
    )
    return rng.choice(shapes)


def phones_text(phones: tuple[str, ...], rng: random.Random, fax: str | None = None) -> str:
    """Several numbers in one field; a fax number is shown but is not a phone."""
    parts = [phone_text(p, rng) for p in phones]
    text = rng.choice((", ", "; ")).join(parts)
    if fax is not None:
        text += f", fax {phone_text(fax, rng)}"
    return text


def websites_text(urls: tuple[str, ...], rng: random.Random) -> str:
    """``www.x.pl; www.y.pl``: the scheme is usually left off when it is plain http."""
    shown = [u.removeprefix("http://") if rng.random() < 0.8 else u for u in urls]
    return rng.choice(("; ", ", ", " ")).join(shown)


def email_text(address: str, rng: random.Random) -> str:
    """An address as shown: as is, with capitals, or obfuscated with ``(at)``."""
    local, domain = address.split("@")
    return rng.choice(
        (
            address,
            address,
            f"{local.capitalize()}@{domain.capitalize()}",
            f"{local}(at){domain}",
            f"{local} (at) {domain}",
        )
    )


def emails_text(addresses: tuple[str, ...], rng: random.Random) -> str:
    return rng.choice((", ", "; ")).join(email_text(a, rng) for a in addresses)


def voivodeship_text(name: str, rng: random.Random) -> str:
    return name if rng.random() < 0.75 else name.capitalize()
