"""The crawl's tables, written out: raw archive, frontier, crawl runs and failures, assembly
marks, OPS run sites and the link cache.

Until schema version 2 each crawl module created its own table with ``IF NOT EXISTS`` when the
store was opened; migration 2 of :mod:`praktyki.store.db` creates them here, with the same
statements (``IF NOT EXISTS`` kept so that a version-1 file, which already holds them, migrates
in place untouched). Migration 3 adds ``archive_exchanges`` (:func:`create_archive_exchanges`),
migration 5 the revalidation columns, migration 7 ``ops_readings``.
Every table and column is described in :mod:`praktyki.store.codebook_crawl`.
"""

from __future__ import annotations

from sqlite_utils import Database

__all__ = [
    "CRAWL_TABLES",
    "add_revalidation",
    "create_archive_exchanges",
    "create_crawl_tables",
    "create_ops_readings",
]

_ARCHIVE = """
CREATE TABLE IF NOT EXISTS archive_blobs (
    sha256 TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    size INTEGER NOT NULL,
    compressed_size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS archive_responses (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL,
    url TEXT NOT NULL,
    final_url TEXT,
    status INTEGER,
    headers TEXT NOT NULL DEFAULT '[]',
    content_type TEXT,
    body_sha256 TEXT REFERENCES archive_blobs(sha256),
    size INTEGER,
    fetched_at TEXT NOT NULL,
    elapsed_s REAL,
    attempts INTEGER,
    redirects TEXT NOT NULL DEFAULT '[]',
    error TEXT
);
CREATE INDEX IF NOT EXISTS idx_archive_responses_url ON archive_responses (url, id);
CREATE INDEX IF NOT EXISTS idx_archive_responses_run_id ON archive_responses (run_id)
"""

_FRONTIER = """
CREATE TABLE IF NOT EXISTS frontier (
    seq INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL,
    url TEXT NOT NULL,
    kind TEXT NOT NULL,
    depth INTEGER NOT NULL DEFAULT 0,
    priority INTEGER NOT NULL DEFAULT 0,
    parent TEXT,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'in_progress', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    status INTEGER,
    archive_id INTEGER,
    UNIQUE (run_id, url)
);
CREATE INDEX IF NOT EXISTS idx_frontier_claim ON frontier (run_id, state, priority DESC, seq)
"""

_RUNS = """
CREATE TABLE IF NOT EXISTS crawl_runs (
    run_id INTEGER PRIMARY KEY REFERENCES runs(run_id),
    strategy TEXT NOT NULL,
    source TEXT NOT NULL,
    base_url TEXT NOT NULL,
    complete INTEGER,
    removals_applied INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS crawl_failures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL,
    url TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_crawl_failures_run_id ON crawl_failures (run_id)
"""

# ``seq`` is the order the assembly worker loaded them (reparse replays that order: history
# rows get the same ids).
_ASSEMBLED = """
CREATE TABLE IF NOT EXISTS crawl_assembled (
    seq INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL,
    art TEXT NOT NULL,
    url TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT,
    UNIQUE (run_id, art)
)
"""

_OPS_RUN_SITES = """
CREATE TABLE IF NOT EXISTS ops_run_sites (
    run_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    host TEXT NOT NULL,
    spec TEXT NOT NULL,
    complete INTEGER,
    PRIMARY KEY (run_id, name)
)
"""

_LINKS = """
CREATE TABLE IF NOT EXISTS crawl_links (
    url TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    kind TEXT NOT NULL,
    version TEXT NOT NULL,
    links TEXT NOT NULL,
    PRIMARY KEY (url, sha256, kind, version)
) WITHOUT ROWID
"""

# Migration 3: what a web archive replays beyond archive_responses, one row per response
# archived since (older rows have none, and export falls back to what they kept).
_EXCHANGES = """
CREATE TABLE IF NOT EXISTS archive_exchanges (
    archive_id INTEGER PRIMARY KEY REFERENCES archive_responses(id),
    http_version TEXT NOT NULL,
    reason TEXT,
    raw_sha256 TEXT REFERENCES archive_blobs(sha256),
    request_headers TEXT NOT NULL DEFAULT '[]'
)
"""

_DDL = (_ARCHIVE, _FRONTIER, _RUNS, _ASSEMBLED, _OPS_RUN_SITES, _LINKS)

# Version 5: the revalidation policy (:mod:`praktyki.crawl.revalidate`). A frontier row may be
# ``forced`` (the page that linked it says it changed: revalidate it whatever the schedule) and
# carries the ``fingerprint`` the linking page gave it (a listing entry's title);
# ``crawl_fingerprints`` keeps, per URL, the fingerprint it had when it was last fetched.
_REVALIDATION = """
ALTER TABLE frontier ADD COLUMN forced INTEGER NOT NULL DEFAULT 0;
ALTER TABLE frontier ADD COLUMN fingerprint TEXT;
CREATE TABLE IF NOT EXISTS crawl_fingerprints (
    url TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    run_id INTEGER NOT NULL
) WITHOUT ROWID
"""

# Version 7: what the OPS parse worker read in a run's pages, for the run's last phase
# (:mod:`praktyki.store.ops_readings`); emptied when the run ends.
_OPS_READINGS = """
CREATE TABLE IF NOT EXISTS ops_readings (
    run_id INTEGER NOT NULL,
    archive_id INTEGER NOT NULL,
    reading TEXT NOT NULL,
    PRIMARY KEY (run_id, archive_id)
) WITHOUT ROWID
"""

#: The crawl's table names, in creation order.
CRAWL_TABLES: tuple[str, ...] = (
    "archive_blobs",
    "archive_responses",
    "frontier",
    "crawl_runs",
    "crawl_failures",
    "crawl_assembled",
    "ops_run_sites",
    "crawl_links",
    "archive_exchanges",
    "crawl_fingerprints",
    "ops_readings",
)


def create_crawl_tables(db: Database) -> None:
    """Create every crawl table and index that is missing (inside the caller's transaction)."""
    for script in _DDL:
        _run(db, script)


def create_archive_exchanges(db: Database) -> None:
    """Migration 4: the table of status lines, raw bodies and request headers."""
    _run(db, _EXCHANGES)


def add_revalidation(db: Database) -> None:
    """Migration 5: the frontier's ``forced`` and ``fingerprint`` columns and the
    ``crawl_fingerprints`` table (inside the caller's transaction)."""
    _run(db, _REVALIDATION)


def create_ops_readings(db: Database) -> None:
    """Migration 7: the ``ops_readings`` table (inside the caller's transaction)."""
    _run(db, _OPS_READINGS)


def _run(db: Database, script: str) -> None:
    for statement in filter(str.strip, script.split(";")):
        db.execute(statement)
