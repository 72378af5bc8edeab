"""The raw archive: every response, stored before any parsing, in the dataset's SQLite file.

Tables (owned here, created by :func:`ensure_schema`):

``archive_responses``
    one row per fetch outcome: ``id``, ``run_id``, ``url`` (canonical, as requested),
    ``final_url``, ``status`` (NULL for a failure without an HTTP status), ``headers`` (JSON
    list of ``[name, value]`` as received), ``content_type``, ``body_sha256``, ``size``
    (decoded body bytes), ``fetched_at`` (ISO 8601, UTC), ``elapsed_s``, ``attempts``,
    ``redirects`` (JSON list), ``error`` (``"ClassName: reason"`` for failures).
``archive_blobs``
    bodies deduplicated by SHA-256 (of the decoded body): ``sha256``, ``data``
    (zlib-compressed), ``size``, ``compressed_size``. Pages that did not change and
    attachments linked from many pages cost one blob.

Transactions: a ``put`` outside a transaction commits on its own (through
:meth:`sqlite_utils.Database.atomic`), and a ``put`` inside the caller's ``db.atomic()`` block
becomes part of it and commits or rolls back with it — so "archive the
response, load its record, mark the frontier entry done" can be one atomic step.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from praktyki.errors import FetchError, HTTPStatusError, StorageError
from praktyki.schemas.archive import ArchivedResponse, FetchedResponse

__all__ = ["Archive", "ensure_schema"]

_SCHEMA = """
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
CREATE INDEX IF NOT EXISTS idx_archive_responses_run_id ON archive_responses (run_id);
"""

_COLUMNS = (
    "r.id, r.run_id, r.url, r.final_url, r.status, r.headers, r.content_type, r.body_sha256, "
    "r.fetched_at, r.elapsed_s, r.attempts, r.redirects, r.error, b.data"
)
_SELECT = (
    f"SELECT {_COLUMNS} FROM archive_responses r "  # noqa: S608 - constant column list
    "LEFT JOIN archive_blobs b ON b.sha256 = r.body_sha256"
)
_OK = "r.status BETWEEN 200 AND 299 AND r.error IS NULL"


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the archive tables and indexes if missing (idempotent)."""
    with db.atomic():
        for statement in filter(str.strip, _SCHEMA.split(";")):
            db.execute(statement)


def _iso(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat()


class Archive:
    """Raw responses in ``db``; call :func:`ensure_schema` once before use."""

    def __init__(self, db: sqlite_utils.Database, *, compress_level: int = 6) -> None:
        self.db = db
        self._level = compress_level

    def put(self, response: FetchedResponse, run_id: int, *, sha256: str | None = None) -> int:
        """Store ``response`` (body deduplicated by hash; pass ``sha256`` when the caller
        already hashed the body); returns the archive id."""
        sha = sha256 or hashlib.sha256(response.body).hexdigest()
        row = {
            "run_id": run_id,
            "url": response.url,
            "final_url": response.final_url,
            "status": response.status,
            "headers": json.dumps([list(h) for h in response.headers], ensure_ascii=False),
            "content_type": response.content_type,
            "body_sha256": sha,
            "size": len(response.body),
            "fetched_at": _iso(response.fetched_at),
            "elapsed_s": response.elapsed_s,
            "attempts": response.attempts,
            "redirects": json.dumps(list(response.redirects), ensure_ascii=False),
            "error": None,
        }
        with self._transaction():
            self._put_blob(sha, response.body)
            return self._insert(row)

    def put_failure(self, url: str, error: FetchError, run_id: int, fetched_at: dt.datetime) -> int:
        """Record a fetch that failed; ``status`` is the HTTP status when the error has one."""
        row = {
            "run_id": run_id,
            "url": url,
            "status": error.status if isinstance(error, HTTPStatusError) else None,
            "fetched_at": _iso(fetched_at),
            "error": f"{type(error).__name__}: {error.reason}",
        }
        with self._transaction():
            return self._insert(row)

    def get(self, archive_id: int) -> ArchivedResponse:
        """The stored response ``archive_id``; :class:`StorageError` if absent or a failure."""
        row = self._one(f"{_SELECT} WHERE r.id = ?", [archive_id])
        if row is None or row["status"] is None or row["error"] is not None:
            raise StorageError(f"no archived response with id {archive_id}")
        return _record(row)

    def latest(self, url: str) -> ArchivedResponse | None:
        """The newest 2xx response for canonical ``url`` (validators, reparse), or None."""
        row = self._one(f"{_SELECT} WHERE r.url = ? AND {_OK} ORDER BY r.id DESC LIMIT 1", [url])
        return _record(row) if row else None

    def iter_latest(self, *, url_prefix: str | None = None) -> Iterator[ArchivedResponse]:
        """The newest 2xx response of every URL (optionally under a prefix), in URL order.

        Rows are read from a cursor one at a time, so memory stays bounded however large
        the archive is.
        """
        where, params = _OK, []
        if url_prefix is not None:
            where += " AND substr(r.url, 1, ?) = ?"
            params = [len(url_prefix), url_prefix]
        # S608: `where` is built from constants above; values go in as parameters
        newest = f"SELECT MAX(r.id) FROM archive_responses r WHERE {where} GROUP BY r.url"  # noqa: S608
        sql = f"{_SELECT} WHERE r.id IN ({newest}) ORDER BY r.url"
        cursor = self._execute(sql, params)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield _record(dict(zip(names, values, strict=True)))

    def blob(self, sha256: str) -> bytes | None:
        """A stored body by hash (decompressed), or None."""
        row = self._one("SELECT data AS data FROM archive_blobs WHERE sha256 = ?", [sha256])
        return zlib.decompress(row["data"]) if row else None

    def validators(self, url: str) -> tuple[dict[str, str], str | None] | None:
        """Headers (names lower-case) and body hash of the newest 2xx response for ``url``,
        without reading its body (what a conditional GET and a 304 need), or None."""
        row = self._execute(
            f"SELECT r.headers, r.body_sha256 FROM archive_responses r WHERE r.url = ? AND {_OK} "  # noqa: S608
            "ORDER BY r.id DESC LIMIT 1",
            [url],
        ).fetchone()
        if row is None:
            return None
        return {str(k).lower(): str(v) for k, v in json.loads(row[0])}, row[1]

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """Join the caller's transaction as is (a failure there rolls it all back: no
        savepoint needed, and a savepoint per put was a measurable cost), else our own."""
        if self.db.conn.in_transaction:
            yield
        else:
            with self.db.atomic():
                yield

    def _put_blob(self, sha: str, body: bytes) -> None:
        if self._one("SELECT 1 AS hit FROM archive_blobs WHERE sha256 = ?", [sha]):
            return
        data = zlib.compress(body, self._level)
        self._execute(
            "INSERT OR IGNORE INTO archive_blobs (sha256, data, size, compressed_size) "
            "VALUES (?, ?, ?, ?)",
            [sha, data, len(body), len(data)],
        )

    def _insert(self, row: dict[str, Any]) -> int:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        sql = f"INSERT INTO archive_responses ({columns}) VALUES ({marks})"  # noqa: S608
        rowid = self._execute(sql, list(row.values())).lastrowid
        if rowid is None:  # pragma: no cover - an INSERT always sets it
            raise StorageError("archive insert returned no row id")
        return rowid

    def _one(self, sql: str, params: list[Any]) -> dict[str, Any] | None:
        cursor = self._execute(sql, params)
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([d[0] for d in cursor.description], values, strict=True))

    def _execute(self, sql: str, params: list[Any]) -> sqlite3.Cursor:
        try:
            return self.db.execute(sql, params)
        except sqlite3.Error as exc:
            raise StorageError(f"archive: {exc}") from exc


def _record(row: dict[str, Any]) -> ArchivedResponse:
    data = row["data"]
    return ArchivedResponse(
        id=row["id"],
        run_id=row["run_id"],
        sha256=row["body_sha256"] or "",
        url=row["url"],
        final_url=row["final_url"] or row["url"],
        status=row["status"],
        headers=tuple((str(k), str(v)) for k, v in json.loads(row["headers"])),
        body=zlib.decompress(data) if data is not None else b"",
        content_type=row["content_type"],
        fetched_at=dt.datetime.fromisoformat(row["fetched_at"]),
        elapsed_s=row["elapsed_s"] or 0.0,
        attempts=row["attempts"] or 1,
        redirects=tuple(json.loads(row["redirects"])),
    )
