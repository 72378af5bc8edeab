"""Loading OPS pages: ``ops_pages`` (one row per article), topics, breadcrumbs, attachments,
and the centre's ``institutions`` row.

An OPS page's identity is ``(source, url, article_index)``: one page may hold several
articles. ``views`` is a counter that changes on every visit, so it is stored as observed but
never counted as a change. The institution block is per site (``source``); the latest page
that carries one wins, and changes to it are kept in ``history`` (entity ``institution``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlite_utils import Database

from praktyki.schemas.dataset import OpsBundle
from praktyki.schemas.ops import Institution, OpsPage
from praktyki.store.history import changed_fields, record_history
from praktyki.store.practices import provenance_meta
from praktyki.store.rows import (
    Child,
    Scalar,
    as_scalar,
    insert_rows,
    select_rows,
    storage_errors,
    to_json,
    update_row,
)
from praktyki.store.tracked import (
    Change,
    ChangeKind,
    EntityKind,
    TrackedRecord,
    active_keys,
    remove,
    upsert,
)

__all__ = ["OPS_PAGE", "load_ops_bundle", "mark_ops_removed"]

OPS_PAGE = EntityKind(
    entity="ops_page",
    table="ops_pages",
    key_columns=("source", "url", "article_index"),
    scalar_fields=(
        "site_name",
        "title",
        "published_at",
        "modified_at",
        "author",
        "editor",
        "body",
    ),
    children={
        "breadcrumb": Child("ops_breadcrumbs", ("name",)),
        "topics": Child("ops_topics", ("topic",)),
        "attachments": Child("ops_attachments", ("name", "attachment_url")),
    },
    fts_table="ops_fts",
    fts_columns=("title", "body"),
    # Canonical URLs carry no fragment, so "#" cleanly separates the article index.
    history_key=lambda key: f"{key['url']}#{key['article_index']}",
)


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def ops_record(bundle: OpsBundle, page: OpsPage) -> TrackedRecord:
    scalars: dict[str, Scalar] = {
        "site_name": page.site_name,
        "title": page.title,
        "published_at": _iso(page.published_at),
        "modified_at": _iso(page.modified_at),
        "author": page.author,
        "editor": page.editor,
        "body": page.body,
    }
    children: dict[str, list[dict[str, object]]] = {
        "breadcrumb": [{"name": name} for name in page.breadcrumb],
        "topics": [{"topic": topic} for topic in page.topics],
        "attachments": [
            {"name": item.name, "attachment_url": item.url} for item in page.attachments
        ],
    }
    return TrackedRecord(
        key={"source": bundle.source, "url": bundle.url, "article_index": page.article_index},
        scalars=scalars,
        children=children,
        meta=provenance_meta(bundle.provenance, bundle.url),
        # confidence follows the parser, not the page: stored as observed, never a change
        volatile={"views": page.views, "confidence": page.confidence},
    )


def load_ops_bundle(db: Database, bundle: OpsBundle, *, run_id: int) -> Change:
    """Upsert every article of one OPS page in one transaction; articles of this URL that the
    page no longer holds are marked removed.

    The result summarizes the page: NEW when none of its articles was known, UNCHANGED when
    none changed, else CHANGED with the union of changed field names (``articles`` when
    articles appeared or disappeared).
    """
    with storage_errors(f"loading OPS page {bundle.url}"), db.atomic():
        known = {
            key["article_index"]
            for key in active_keys(db, OPS_PAGE, bundle.source)
            if key["url"] == bundle.url
        }
        changes = [
            upsert(db, OPS_PAGE, ops_record(bundle, page), run_id=run_id) for page in bundle.pages
        ]
        indexes = {page.article_index for page in bundle.pages}
        gone = [
            {"source": bundle.source, "url": bundle.url, "article_index": index}
            for index in sorted(known - indexes, key=lambda value: int(value or 0))
        ]
        remove(db, OPS_PAGE, gone, run_id=run_id)
        for page in bundle.pages:
            if page.institution is not None:
                _load_institution(db, bundle.source, bundle.url, page.institution, run_id)
    return _summarize(changes, articles_changed=bool(gone))


def _summarize(changes: list[Change], *, articles_changed: bool) -> Change:
    kinds = {change.kind for change in changes}
    if kinds == {ChangeKind.NEW} and not articles_changed:
        return Change(ChangeKind.NEW)
    fields: list[str] = []
    if articles_changed or (ChangeKind.NEW in kinds and len(kinds) > 1):
        fields.append("articles")
    for change in changes:
        fields.extend(name for name in change.fields if name not in fields)
    if not fields:
        return Change(ChangeKind.UNCHANGED)
    return Change(ChangeKind.CHANGED, tuple(fields))


def mark_ops_removed(
    db: Database, source: str, seen_urls: Collection[str], *, run_id: int
) -> list[str]:
    """Mark the active articles of ``source`` on pages not in ``seen_urls`` removed; return
    those page URLs (sorted, once each). Never deletes."""
    seen = set(seen_urls)
    with storage_errors(f"marking OPS pages of {source} removed"), db.atomic():
        gone = [key for key in active_keys(db, OPS_PAGE, source) if key["url"] not in seen]
        remove(db, OPS_PAGE, gone, run_id=run_id)
    return sorted({str(key["url"]) for key in gone})


def _institution_values(institution: Institution) -> dict[str, Scalar]:
    return {
        "name": institution.name,
        "street": institution.street,
        "postal_code": institution.postal_code,
        "locality": institution.locality,
        "phones": to_json(list(institution.phones)),
        "emails": to_json(list(institution.emails)),
    }


def _load_institution(
    db: Database, source: str, url: str, institution: Institution, run_id: int
) -> None:
    new = _institution_values(institution)
    existing = select_rows(db, "institutions", {"source": source})
    if not existing:
        row = {"source": source, **new, "url": url, "first_seen_run": run_id}
        insert_rows(db, "institutions", [{**row, "last_seen_run": run_id}])
        return
    old = {name: as_scalar(existing[0][name]) for name in new}
    fields = changed_fields(old, new)
    record_history(
        db,
        source=source,
        entity="institution",
        key=source,
        old=old,
        new=new,
        fields=fields,
        run_id=run_id,
    )
    values: dict[str, Scalar] = {"last_seen_run": run_id}
    if fields:
        values |= {**new, "url": url}
    update_row(db, "institutions", {"source": source}, values)
