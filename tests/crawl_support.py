"""Helpers of the crawl tests: settings for a fast crawl, dataset dumps, ground-truth checks."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from praktyki.crawl.settings import CrawlSettings
from praktyki.schemas.bdp import Practice
from praktyki.scraper.policy import Limits, RetryPolicy
from praktyki.store.schema import FTS_TABLES, RUNS, TABLES_V1

#: Retries without real waiting (the replica's Retry-After of 1 s is capped to a few ms).
FAST_RETRY = RetryPolicy(backoff_base=0.002, backoff_max=0.01, retry_after_cap=0.01)
FAST = CrawlSettings(rate=0, concurrency=6, retry=FAST_RETRY, limits=Limits(max_body_bytes=2**20))
#: Short request-time budgets standing in for the defaults (30 s idle, 45 s per URL) at test
#: speed, for the crawls against hung and dripping pages.
SHORT_LIMITS = Limits(
    connect_timeout=1.0,
    read_timeout=0.5,
    total_timeout=0.8,
    fetch_budget=1.2,
    max_body_bytes=2**20,
)

#: Every dataset table but the runs (whose times differ between two equal crawls), from the
#: store's schema, so a table added there is compared too.
DATASET_TABLES = tuple(spec.name for spec in TABLES_V1 if spec is not RUNS) + tuple(FTS_TABLES)
#: The JSON summary keys /work/shared/CONTRACT.md promises (``--json-summary``, ``RunSummary``).
#: Pinned here on purpose, not derived from RunSummary: the tests that compare against it must
#: fail when the code drops or renames a promised key.
SUMMARY_CONTRACT_KEYS = frozenset(
    {
        "run_id",
        "started_at",
        "finished_at",
        "duration_s",
        "requests",
        "bytes",
        "not_modified",
        "new",
        "changed",
        "removed",
        "unchanged",
        "failed",
        "exit_code",
    }
)
#: Columns that name a run or a moment, not content (differ between two equal crawls).
RUN_COLUMNS = frozenset(
    {"first_seen_run", "last_seen_run", "removed_run", "run_id", "fetched_at", "archive_id", "id"}
)


def dump(
    db_path: Path,
    *,
    exclude: frozenset[str] = frozenset(),
) -> dict[str, list[tuple[Any, ...]]]:
    """Every dataset table's rows (sorted), without the ``exclude`` columns."""
    conn = sqlite3.connect(db_path)
    try:
        out = {}
        for table in DATASET_TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")  # noqa: S608 - constant names
            names = [d[0] for d in cursor.description]
            keep = [i for i, name in enumerate(names) if name not in exclude]
            out[table] = sorted(
                (tuple(row[i] for i in keep) for row in cursor), key=lambda r: json.dumps(r)
            )
        return out
    finally:
        conn.close()


def query(db_path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def children(db_path: Path, table: str, practice_id: str, columns: str) -> list[tuple[Any, ...]]:
    return query(
        db_path,
        f"SELECT {columns} FROM {table} WHERE practice_id = ? ORDER BY position",  # noqa: S608
        (practice_id,),
    )


def stored_practice(db_path: Path, practice_id: str) -> dict[str, Any]:
    """The practice as stored, in the shape of ``Practice.to_json_dict()`` (contract fields)."""
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute(
            "SELECT * FROM practices WHERE practice_id = ?", (practice_id,)
        ).fetchone()
    finally:
        conn.close()
    scalars = [
        "date_added",
        "date_updated",
        "unit_type",
        "locality",
        "county",
        "voivodeship",
        "postal_code",
        "post_office",
        "implementing_unit",
        "street",
        "population",
    ]
    contacts = [
        {"name": n, "role": r, "phones": json.loads(p), "emails": json.loads(e)}
        for n, r, p, e in children(db_path, "contacts", practice_id, "name, role, phones, emails")
    ]
    return {
        "practice_id": row["practice_id"],
        "url": row["url"],
        "section": row["section"],
        "subsection": row["subsection"],
        "title": row["title"],
        "summary": row["summary"],
        "metryka": {name: row[name] for name in scalars}
        | {
            "phones": [v for (v,) in children(db_path, "practice_phones", practice_id, "value")],
            "emails": [v for (v,) in children(db_path, "practice_emails", practice_id, "value")],
            "websites": [
                v for (v,) in children(db_path, "practice_websites", practice_id, "value")
            ],
            "contacts": contacts,
            "raw": [list(p) for p in children(db_path, "metryka_raw", practice_id, "label, value")],
        },
    }


def expected_practice(truth: Practice) -> dict[str, Any]:
    data = truth.to_json_dict()
    metryka = dict(data["metryka"])  # type: ignore[call-overload]
    metryka.pop("unknown_labels")
    data["metryka"] = metryka
    data.pop("kind")
    return data
