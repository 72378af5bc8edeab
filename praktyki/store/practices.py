"""Loading BDP practices: one row in ``practices`` plus its list-valued child tables.

Identity is ``(source, practice_id)``. The URL and the provenance are not content: the same
practice fetched through another host alias is *unchanged*. See :mod:`praktyki.store.tracked`
for the NEW / CHANGED / UNCHANGED rules shared with OPS pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping

from sqlite_utils import Database

from praktyki.errors import StorageError
from praktyki.parsers.labels import canonical_field
from praktyki.schemas.bdp import Menu, Metryka
from praktyki.schemas.dataset import PracticeBundle, Provenance
from praktyki.store.fields import METRYKA_COLUMNS
from praktyki.store.rows import Child, Scalar, storage_errors
from praktyki.store.tracked import (
    Change,
    ChangeKind,
    EntityKind,
    TrackedRecord,
    active_keys,
    remove,
    upsert,
)

__all__ = [
    "PRACTICE",
    "Change",
    "ChangeKind",
    "load_practice",
    "load_sections",
    "mark_removed",
    "metryka_field",
    "touch_practice",
    "touch_practices",
]

METRYKA_SCALARS = tuple(METRYKA_COLUMNS)

PRACTICE = EntityKind(
    entity="practice",
    table="practices",
    key_columns=("source", "practice_id"),
    scalar_fields=("section", "subsection", "title", "summary", "presentation", *METRYKA_SCALARS),
    children={
        "phones": Child("practice_phones", ("value",)),
        "emails": Child("practice_emails", ("value",)),
        "websites": Child("practice_websites", ("value",)),
        "contacts": Child(
            "contacts", ("name", "role", "phones", "emails"), frozenset({"phones", "emails"})
        ),
        "attachments": Child(
            "attachments", ("name", "url", "file_type", "size_bytes", "size_text")
        ),
        "metryka_raw": Child("metryka_raw", ("label", "value", "field")),
    },
    fts_table="practices_fts",
    fts_columns=("title", "summary", "presentation"),
    history_key=lambda key: str(key["practice_id"]),
)


def metryka_field(label: str, unknown_labels: Collection[str] = ()) -> str | None:
    """The Metryka field a label feeds, from the parsers' own label vocabulary; None for a
    label the parser reported unknown or that feeds no field (e.g. "Fax")."""
    if label in unknown_labels:
        return None
    field = canonical_field(label)
    # a postal-code value is split into the postal code and the post office (split_postal)
    return "postal_code,post_office" if field == "postal_code" else field


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _primary(provenance: tuple[Provenance, ...], url: str) -> Provenance | None:
    """The provenance of the summary tab (the practice's own URL), else the first one."""
    for item in provenance:
        if item.url == url:
            return item
    return provenance[0] if provenance else None


def provenance_meta(provenance: tuple[Provenance, ...], url: str) -> dict[str, Scalar]:
    """``fetched_at`` is the latest fetch of any tab; the rest come from the primary tab."""
    primary = _primary(provenance, url)
    fetched = [item.fetched_at for item in provenance if item.fetched_at is not None]
    return {
        "fetched_at": _iso(max(fetched)) if fetched else None,
        "archive_id": primary.archive_id if primary else None,
        "parser_version": primary.parser_version if primary else None,
    }


def _metryka_scalars(metryka: Metryka) -> dict[str, Scalar]:
    values: dict[str, Scalar] = {}
    for name in METRYKA_SCALARS:
        value = getattr(metryka, name)
        values[name] = _iso(value) if isinstance(value, dt.date) else value
    return values


def practice_record(bundle: PracticeBundle) -> TrackedRecord:
    """The bundle as rows: key, content scalars, child items, provenance."""
    practice = bundle.practice
    if not practice.practice_id:
        raise StorageError("a practice without a practice_id cannot be stored", url=practice.url)
    metryka = practice.metryka
    scalars: dict[str, Scalar] = {
        "section": practice.section,
        "subsection": practice.subsection,
        "title": practice.title,
        "summary": practice.summary,
        "presentation": bundle.presentation.text if bundle.presentation else None,
        **_metryka_scalars(metryka),
    }
    children: dict[str, list[dict[str, object]]] = {
        "phones": [{"value": value} for value in metryka.phones],
        "emails": [{"value": value} for value in metryka.emails],
        "websites": [{"value": value} for value in metryka.websites],
        "contacts": [contact.model_dump(mode="json") for contact in metryka.contacts],
        "attachments": [item.model_dump(mode="json") for item in bundle.attachments],
        "metryka_raw": [
            {"label": label, "value": value, "field": metryka_field(label, metryka.unknown_labels)}
            for label, value in metryka.raw
        ],
    }
    return TrackedRecord(
        key={"source": bundle.source, "practice_id": practice.practice_id},
        scalars=scalars,
        children=children,
        meta={"url": practice.url, **provenance_meta(bundle.provenance, practice.url)},
    )


def load_practice(db: Database, bundle: PracticeBundle, *, run_id: int) -> Change:
    """Upsert one practice in one transaction (a SAVEPOINT inside the caller's, if any).

    NEW: row and children written. CHANGED: row updated, the changed children replaced, one
    history row per changed field (list fields as canonical JSON). UNCHANGED: only
    ``last_seen_run`` moves. A removed practice seen again is active again (a ``status``
    history row; kind CHANGED). The bundle must be complete (all tabs): a missing
    presentation is stored, and compared, as NULL.
    """
    record = practice_record(bundle)
    with storage_errors(f"loading practice {record.key}"), db.atomic():
        _ensure_section(db, bundle.source, bundle.practice.section, bundle.practice.subsection)
        return upsert(db, PRACTICE, record, run_id=run_id)


def touch_practice(
    db: Database, source: str, practice_id: str, *, run_id: int, parser_version: str
) -> bool:
    """Re-sight an active practice without re-parsing it: what :func:`load_practice` does for
    an UNCHANGED bundle (only ``last_seen_run`` moves). False, and nothing written, when the
    practice is not active or was loaded by another parser version (then load it in full).
    """
    with storage_errors(f"re-sighting practice {practice_id}"), db.atomic():
        cursor = db.conn.execute(
            "UPDATE practices SET last_seen_run = ? WHERE source = ? AND practice_id = ? "
            "AND status = 'active' AND parser_version = ?",
            (run_id, source, practice_id, parser_version),
        )
    return cursor.rowcount == 1


def touch_practices(
    db: Database, source: str, practice_ids: Collection[str], *, run_id: int, parser_version: str
) -> set[str]:
    """:func:`touch_practice` for many practices at once (the nightly refresh re-sights
    thousands: one statement per chunk, not three per practice); the ids re-sighted."""
    ids = list(practice_ids)
    touched: set[str] = set()
    where = "source = ? AND status = 'active' AND parser_version = ? AND practice_id IN"
    with storage_errors(f"re-sighting practices of {source}"), db.atomic():
        for start in range(0, len(ids), 500):  # below SQLite's bound-parameter limit
            part = ids[start : start + 500]
            marks = ", ".join("?" for _ in part)
            params = [source, parser_version, *part]
            rows = db.conn.execute(
                f"SELECT practice_id FROM practices WHERE {where} ({marks})",  # noqa: S608
                params,
            ).fetchall()
            db.conn.execute(
                f"UPDATE practices SET last_seen_run = ? WHERE {where} ({marks})",  # noqa: S608
                [run_id, *params],
            )
            touched.update(str(row[0]) for row in rows)
    return touched


def mark_removed(db: Database, source: str, seen_ids: Collection[str], *, run_id: int) -> list[str]:
    """Mark the active practices of ``source`` not in ``seen_ids`` removed; return their ids.

    Never deletes. The caller must pass the ids of a *complete* discovery: an empty set
    marks every practice of the source removed.
    """
    seen = set(seen_ids)
    with storage_errors(f"marking practices of {source} removed"), db.atomic():
        gone = [key for key in active_keys(db, PRACTICE, source) if key["practice_id"] not in seen]
        remove(db, PRACTICE, gone, run_id=run_id)
    return sorted(str(key["practice_id"]) for key in gone)


def _ensure_section(db: Database, source: str, section: str, subsection: str) -> None:
    # INSERT OR IGNORE: a practice names its category but not p1/p2; never blank known ones.
    db.conn.execute(
        "INSERT OR IGNORE INTO sections (source, section, subsection, p1, p2) "
        "VALUES (?, ?, ?, NULL, NULL)",
        (source, section, subsection),
    )


def load_sections(db: Database, source: str, menu: Menu) -> None:
    """Upsert the menu's sections (``subsection`` '' for a section itself) with p1/p2."""
    rows: list[Mapping[str, Scalar]] = []
    for section in menu.sections:
        rows.append({"section": section.name, "subsection": "", "p1": section.p1, "p2": None})
        for sub in section.subsections:
            rows.append(
                {
                    "section": section.name,
                    "subsection": sub.name,
                    "p1": sub.p1 or section.p1,
                    "p2": sub.p2,
                }
            )
    with storage_errors(f"loading sections of {source}"), db.atomic():
        for row in rows:
            db.conn.execute(
                "INSERT INTO sections (source, section, subsection, p1, p2) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, section, subsection) "
                "DO UPDATE SET p1 = excluded.p1, p2 = excluded.p2",
                (source, row["section"], row["subsection"], row["p1"], row["p2"]),
            )
