"""The numbers of the data-quality report, read from the dataset and the crawl bookkeeping.

Coverage counts active records only; a text counts as filled when it is not NULL and not
empty, a list field when it has at least one item. Failures come from the frontier (pages
that stayed failed) and from ``crawl_failures`` (pages that did not assemble), grouped by host
and reason (the exception class, or the HTTP status).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from urllib.parse import urlsplit

from sqlite_utils import Database

from praktyki.schemas.quality import (
    FailureGroup,
    FieldCoverage,
    QualityReport,
    RunChanges,
    SourceCoverage,
    UnknownLabel,
)

__all__ = ["quality_report"]

_PRACTICE_SCALARS = (
    "section", "subsection", "title", "summary", "presentation", "date_added", "date_updated",
    "unit_type", "locality", "county", "voivodeship", "postal_code", "post_office",
    "implementing_unit", "street", "population",
)  # fmt: skip
_PRACTICE_LISTS = {
    "phones": "practice_phones",
    "emails": "practice_emails",
    "websites": "practice_websites",
    "contacts": "contacts",
    "attachments": "attachments",
}
_OPS_SCALARS = (
    "site_name", "title", "published_at", "modified_at", "author", "editor", "views", "body",
)  # fmt: skip
_OPS_LISTS = {
    "topics": "ops_topics",
    "breadcrumbs": "ops_breadcrumbs",
    "attachments": "ops_attachments",
}
_EXAMPLES = 3


def quality_report(db: Database, *, now: dt.datetime | None = None) -> QualityReport:
    """Everything ``praktyki report`` shows, as one model."""
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    return QualityReport(
        generated_at=stamp,
        coverage=(
            *_coverage(
                db, "practice", "practices", ("practice_id",), _PRACTICE_SCALARS, _PRACTICE_LISTS
            ),
            *_coverage(
                db, "ops_page", "ops_pages", ("url", "article_index"), _OPS_SCALARS, _OPS_LISTS
            ),
        ),
        unknown_labels=_unknown_labels(db),
        failures=_failures(db),
        runs=_runs(db),
    )


def _coverage(
    db: Database,
    entity: str,
    table: str,
    key: Sequence[str],
    scalars: Sequence[str],
    lists: dict[str, str],
) -> list[SourceCoverage]:
    join = " AND ".join(f"c.{column} = t.{column}" for column in ("source", *key))
    counts = [f"count(NULLIF(t.{column}, ''))" for column in scalars] + [
        f"sum(EXISTS (SELECT 1 FROM {child} AS c WHERE {join}))"  # noqa: S608 - constants
        for child in lists.values()
    ]
    sql = (
        f"SELECT t.source, count(*), {', '.join(counts)} FROM {table} AS t "  # noqa: S608
        "WHERE t.status = 'active' GROUP BY t.source ORDER BY t.source"
    )
    names = [*scalars, *lists]
    result = []
    for source, records, *filled in db.execute(sql).fetchall():
        fields = tuple(
            FieldCoverage(field=name, filled=int(n or 0), share=(n or 0) / records)
            for name, n in zip(names, filled, strict=True)
        )
        result.append(SourceCoverage(entity=entity, source=source, records=records, fields=fields))
    return result


def _unknown_labels(db: Database) -> tuple[UnknownLabel, ...]:
    rows = db.execute(
        "SELECT label, source, practice_id, value FROM metryka_raw WHERE field IS NULL "
        "ORDER BY label, source, practice_id, position"
    ).fetchall()
    grouped: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for label, source, practice_id, value in rows:
        grouped[label].append((source, practice_id, value))
    labels = [
        UnknownLabel(
            label=label,
            count=len(items),
            practices=len({(source, pid) for source, pid, _ in items}),
            examples=tuple(items[:_EXAMPLES]),
        )
        for label, items in grouped.items()
    ]
    return tuple(sorted(labels, key=lambda item: (-item.count, item.label)))


def _failure_rows(db: Database) -> list[tuple[str, int, str, str]]:
    rows: list[tuple[str, int, str, str]] = []
    if db["frontier"].exists():
        for run_id, url, error, status in db.execute(
            "SELECT run_id, url, last_error, status FROM frontier WHERE state = 'failed'"
        ).fetchall():
            rows.append(("fetch", run_id, url, _reason(error, status)))
    if db["crawl_failures"].exists():
        for run_id, url, reason in db.execute(
            "SELECT run_id, url, reason FROM crawl_failures"
        ).fetchall():
            rows.append(("assemble", run_id, url, _reason(reason, None)))
    return rows


def _reason(error: str | None, status: int | None) -> str:
    if error:
        return error.split(":", 1)[0].strip() or "unknown"
    return f"HTTP {status}" if status else "unknown"


def _failures(db: Database) -> tuple[FailureGroup, ...]:
    grouped: dict[tuple[str, str, str], list[tuple[int, str]]] = defaultdict(list)
    for stage, run_id, url, reason in _failure_rows(db):
        grouped[(urlsplit(url).netloc or url, stage, reason)].append((run_id, url))
    groups = [
        FailureGroup(
            site=site,
            stage=stage,
            reason=reason,
            count=len(items),
            runs=tuple(sorted({run for run, _ in items})),
            example_url=min(url for _, url in items),
        )
        for (site, stage, reason), items in grouped.items()
    ]
    return tuple(sorted(groups, key=lambda g: (-g.count, g.site, g.stage, g.reason)))


def _runs(db: Database) -> tuple[RunChanges, ...]:
    rows = db.execute(
        "SELECT run_id, kind, status, started_at, new, changed, removed, unchanged, failed "
        "FROM runs ORDER BY run_id"
    ).fetchall()
    names = (
        "run_id",
        "kind",
        "status",
        "started_at",
        "new",
        "changed",
        "removed",
        "unchanged",
        "failed",
    )
    return tuple(
        RunChanges(
            **{
                name: (value if value is not None else 0)
                for name, value in zip(names, row, strict=True)
            }
        )
        for row in rows
    )
