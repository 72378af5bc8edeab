"""Synthetic BDP practices: typed facts first, then the display text derived from them."""

from __future__ import annotations

import datetime as dt
import random
from functools import cache

from praktyki.schemas.bdp import Contact, Metryka
from praktyki_replica import bdp_vocab as vocab
from praktyki_replica.bdp_content import STYLES, PracticeSpec, style_encoding
from praktyki_replica.bdp_content_display import (
    MOBILE_PREFIXES,
    date_text,
    email_text,
    emails_text,
    phone_text,
    phones_text,
    population_text,
    voivodeship_text,
    websites_text,
)
from praktyki_replica.bdp_parts import AttachmentSpec, MetrykaLine
from praktyki_replica.bdp_text import paragraph

__all__ = ["FIRST_SYNTHETIC_ART", "make_attachments", "synthetic_practice"]

FIRST_SYNTHETIC_ART = 1300
_EPOCH = dt.date(2008, 4, 1)
_EMAIL_BOXES = ("gops", "sekretariat", "ug", "um", "promocja", "ops", "kultura", "starostwo")


@cache
def _subsections() -> tuple[tuple[int, str, int, str], ...]:
    """Every ``(p1, section, p2, subsection)`` that lists practices, in menu order."""
    return tuple((s.p1, s.name, p2, sub) for s in vocab.SECTIONS for p2, sub in s.subsections)


def synthetic_practice(index: int, seed: int) -> PracticeSpec:
    """The ``index``-th synthetic practice for ``seed`` (independent of every other index)."""
    rng = random.Random(seed * 1_000_003 + index)  # noqa: S311 - deterministic content
    p1, section, p2, subsection = _subsections()[index % len(_subsections())]
    art = FIRST_SYNTHETIC_ART + 2 * index + rng.randint(0, 1)
    quotes = ("\u201e", "\u201d") if rng.random() < 0.7 else (",,", '"')
    place = rng.choice(vocab.LOCALITIES)
    facts = _facts(rng, place)
    style = STYLES[(art * 7 + p2) % len(STYLES)]
    encoding, header = style_encoding(style, mislabelled=rng.random() < 0.12)
    return PracticeSpec(
        art=art,
        p1=p1,
        p2=p2,
        section=section,
        subsection=subsection,
        title=_title(rng, place, quotes),
        summary=_summary(rng, quotes),
        metryka=_display(rng, facts),
        facts=facts,
        presentation_seed=rng.getrandbits(32),
        attachments=make_attachments(rng, art) if rng.random() < 0.35 else (),
        style=style,
        encoding=encoding,
        header_charset=header,
    )


def _title(rng: random.Random, place: vocab.Locality, quotes: tuple[str, str]) -> str:
    title = rng.choice(vocab.TITLE_TEMPLATES).format(q=quotes[0], Q=quotes[1])
    title += rng.choice(("", "", f" – {place.name}", f" ({place.name})"))
    if rng.random() < 0.06:  # a typo, as real titles have: one letter doubled
        cut = rng.randrange(3, len(title) - 1)
        title = title[:cut] + title[cut] + title[cut:]
    return title


def _summary(rng: random.Random, quotes: tuple[str, str]) -> tuple[str, ...]:
    count = rng.randint(6, 9) if rng.random() < 0.1 else rng.randint(1, 4)
    paragraphs = [paragraph(rng, quotes, 2 + int(rng.random() * 4)) for _ in range(count)]
    if count > 1 and rng.random() < 0.2:  # a paragraph that is only a no-break space
        paragraphs.insert(rng.randrange(1, count), "\u00a0")
    return tuple(paragraphs)


def make_attachments(rng: random.Random, art: int) -> tuple[AttachmentSpec, ...]:
    kinds = rng.sample(("pdf", "doc", "jpg"), rng.randint(1, 3))
    return tuple(_attachment(kind, art, n) for n, kind in enumerate(kinds, start=1))


def _attachment(kind: str, art: int, n: int) -> AttachmentSpec:
    if kind == "pdf":
        name = "Prezentacja praktyki – slajdy"
        recipe = ("pdf", name, art)
        return AttachmentSpec(name, f"prezentacja_{art}.pdf", "PDF", "application/pdf", recipe)
    if kind == "doc":
        # An RTF document under a .doc name, as many sites of the time served Word files.
        name = "Opis projektu (wersja do druku)"
        return AttachmentSpec(
            name, f"opis_{art}.doc", "DOC", "application/msword", ("rtf", name, art)
        )
    name = "Zdjęcie z realizacji"
    return AttachmentSpec(
        name, f"foto_{art}_{n}.jpg", "JPG", "image/jpeg", ("jpg", name, art * 10 + n)
    )


def _phone(rng: random.Random, area: str) -> str:
    if rng.random() < 0.2:
        return "+48" + rng.choice(MOBILE_PREFIXES) + "".join(rng.choices("0123456789", k=7))
    return "+48" + area + str(rng.randint(2, 8)) + "".join(rng.choices("0123456789", k=6))


def _facts(rng: random.Random, place: vocab.Locality) -> Metryka:
    added = _EPOCH + dt.timedelta(days=rng.randrange(0, 2400))
    updated = added + dt.timedelta(days=rng.randrange(20, 1500)) if rng.random() < 0.65 else None
    phones = tuple(_phone(rng, place.area_code) for _ in range(rng.choice((0, 1, 1, 1, 2))))
    websites: tuple[str, ...] = ("http://www." + place.domain,)
    if rng.random() < 0.25:
        websites += (rng.choice(("http://bip.", "https://bip.", "http://www.ops.")) + place.domain,)
    emails = tuple(
        f"{box}@{place.domain}" for box in rng.sample(_EMAIL_BOXES, rng.choice((0, 1, 1, 2)))
    )
    prefix = rng.choice(vocab.UNIT_PREFIXES[place.unit_type])
    unit = f"{prefix} {place.name}" if prefix.startswith(("Urząd", "Starostwo")) else prefix
    return Metryka(
        date_added=added,
        date_updated=updated,
        unit_type=place.unit_type,
        locality=place.name,
        county=place.county if rng.random() < 0.85 else None,
        voivodeship=place.voivodeship,
        postal_code=place.postal_code,
        post_office=place.post_office,
        implementing_unit=unit,
        street=rng.choice(vocab.STREETS) if rng.random() < 0.9 else None,
        phones=phones,
        websites=websites,
        emails=emails,
        population=max(800, place.population + rng.randint(-900, 900)),
        contacts=_contacts(rng, place),
    )


def _contacts(rng: random.Random, place: vocab.Locality) -> tuple[Contact, ...]:
    contacts = []
    count = rng.choice((0, 1, 1, 1, 2, 3))
    for position in range(count):
        first, sex = rng.choice(vocab.FIRST_NAMES)
        male, female = rng.choice(vocab.SURNAMES)
        # Only the last person may lack both phone and e-mail: otherwise the next name would
        # read as a role, on the page as much as for a parser.
        bare = position == count - 1 and rng.random() < 0.15
        box = rng.choice(_EMAIL_BOXES)
        contacts.append(
            Contact(
                name=f"{first} {male if sex == 'm' else female}",
                role=rng.choice(vocab.ROLES),
                phones=() if bare else (_phone(rng, place.area_code),),
                emails=() if bare or rng.random() < 0.2 else (f"{box}@{place.domain}",),
            )
        )
    return tuple(contacts)


def _display(rng: random.Random, facts: Metryka) -> tuple[MetrykaLine, ...]:
    """The Metryka lines a page shows for ``facts``, in the seeds' order and label spellings."""
    out = [MetrykaLine("Data wprowadzenia do BDP", (date_text(facts.date_added or _EPOCH, rng),))]
    if facts.date_updated:
        out.append(MetrykaLine("Data aktualizacji", (date_text(facts.date_updated, rng),)))
    pairs: list[tuple[str, str | None]] = [
        ("Typ jednostki", facts.unit_type),
        ("Miejscowość", facts.locality),
        ("Powiat", facts.county),
        ("Województwo", voivodeship_text(facts.voivodeship or "", rng)),
        ("Kod pocztowy i Poczta", f"{facts.postal_code} {facts.post_office}"),
        ("Jednostka wdrażająca", facts.implementing_unit),
        ("Ulica", facts.street),
    ]
    if facts.phones:
        fax = (
            facts.phones[0][:-1] + str((int(facts.phones[0][-1]) + 1) % 10)
            if rng.random() < 0.1
            else None
        )
        pairs.append(("Telefon", phones_text(facts.phones, rng, fax)))
    site_label = "Wirtyna internetowa" if rng.random() < 0.6 else "Witryna internetowa"
    pairs.append((site_label, websites_text(facts.websites, rng)))
    if facts.emails:
        label = rng.choice(("Adres e@mail", "Adres e@mail", "Adres e-mail", "E-mail"))
        pairs.append((label, emails_text(facts.emails, rng)))
    pairs.append(("Liczba mieszkańców", population_text(facts.population or 0, rng)))
    out += [MetrykaLine(label, (value,)) for label, value in pairs if value]
    if facts.contacts:
        out.append(MetrykaLine("Osoby kontaktowe", _contact_lines(rng, facts.contacts)))
    return tuple(out)


def _contact_lines(rng: random.Random, contacts: tuple[Contact, ...]) -> tuple[str, ...]:
    lines: list[str] = []
    for contact in contacts:
        lines += [contact.name or "", contact.role or ""]
        lines += [
            rng.choice(("tel. ", "tel.: ", "Tel. ")) + phone_text(p, rng) for p in contact.phones
        ]
        lines += [
            rng.choice(("e@mail: ", "e-mail: ", "email: ")) + email_text(e, rng)
            for e in contact.emails
        ]
    return tuple(line for line in lines if line)
