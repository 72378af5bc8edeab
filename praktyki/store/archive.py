"""The raw archive: every response, stored before any parsing, in the dataset's SQLite file.

Tables (created by :mod:`praktyki.store.schema_crawl`):

``archive_responses``
    one row per fetch outcome: ``id``, ``run_id``, ``url`` (canonical, as requested),
    ``final_url``, ``status`` (NULL for a failure without an HTTP status), ``headers`` (JSON
    list of ``[name, value]`` as received), ``content_type``, ``body_sha256``, ``size``
    (decoded body bytes), ``fetched_at`` (ISO 8601, UTC), ``elapsed_s``, ``attempts``,
    ``redirects`` (JSON list), ``error`` (``"ClassName: reason"`` for failures).
``archive_blobs``
    bodies deduplicated by SHA-256 of the bytes kept: ``sha256``, ``data``
    (zlib-compressed), ``size``, ``compressed_size``. Pages that did not change and
    attachments linked from many pages cost one blob.
``archive_exchanges`` (schema version 3)
    one row per response archived since: ``archive_id``, ``http_version`` and ``reason`` (the
    rest of the status line), ``raw_sha256`` (the body as received, still content-encoded,
    in ``archive_blobs``; NULL when no ``Content-Encoding`` was undone, so the body *is* the
    bytes received) and ``request_headers`` (JSON list of ``[name, value]`` as sent). What a
    WARC export needs to write the exchange as it happened; parsers never read it.

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
from typing import Any, NamedTuple

import sqlite_utils

from praktyki.errors import FetchError, HTTPStatusError, StorageError
from praktyki.schemas.archive import ArchivedResponse, FetchedResponse

__all__ = ["Archive", "WarcRow"]

_WARC_SELECT = (
    "SELECT r.id, r.url, r.final_url, r.status, r.headers, r.fetched_at, b.data, "
    "x.http_version, x.reason, x.request_headers, rb.data "
    "FROM archive_responses r JOIN archive_blobs b ON b.sha256 = r.body_sha256 "
    "LEFT JOIN archive_exchanges x ON x.archive_id = r.id "
    "LEFT JOIN archive_blobs rb ON rb.sha256 = x.raw_sha256 "
)

_COLUMNS = (
    "r.id, r.run_id, r.url, r.final_url, r.status, r.headers, r.content_type, r.body_sha256, "
    "r.fetched_at, r.elapsed_s, r.attempts, r.redirects, r.error, b.data"
)
_SELECT = (
    f"SELECT {_COLUMNS} FROM archive_responses r "  # noqa: S608 - constant column list
    "LEFT JOIN archive_blobs b ON b.sha256 = r.body_sha256"
)
_OK = "r.status BETWEEN 200 AND 299 AND r.error IS NULL"


class WarcRow(NamedTuple):
    """One archived response as WARC export reads it (``headers`` as stored: JSON).

    ``http_version`` is None for a response archived before schema version 3 (no status line,
    raw body or request kept); ``raw_body`` is None when ``body`` is the bytes received.
    """

    id: int
    url: str
    final_url: str | None
    status: int
    headers: str
    fetched_at: str
    body: bytes
    http_version: str | None = None
    reason: str | None = None
    request_headers: str | None = None
    raw_body: bytes | None = None


def _iso(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat()


class Archive:
    """Raw responses in ``db`` (opened with :func:`praktyki.store.open_database`)."""

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
            archive_id = self._insert(row)
            self._put_exchange(archive_id, response)
            return archive_id

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

    def latest_body(self, url: str) -> tuple[str | None, bytes] | None:
        """Content type and body of the newest 2xx response for ``url`` (what a 304's
        discovery reads), or None."""
        row = self._execute(
            "SELECT r.content_type, b.data FROM archive_responses r "  # noqa: S608 - constant
            f"JOIN archive_blobs b ON b.sha256 = r.body_sha256 WHERE r.url = ? AND {_OK} "
            "ORDER BY r.id DESC LIMIT 1",
            [url],
        ).fetchone()
        return None if row is None else (row[0], zlib.decompress(row[1]))

    def earlier_ok_id(self, url: str, before: int) -> int | None:
        """The newest 2xx response for ``url`` archived before id ``before`` (a 304's body)."""
        row = self._execute(
            "SELECT MAX(id) FROM archive_responses WHERE url = ? AND id < ? "
            "AND status BETWEEN 200 AND 299 AND error IS NULL",
            [url, before],
        ).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def run_totals(self, run_id: int) -> tuple[int, int]:
        """Responses archived by run ``run_id`` and their body bytes."""
        row = self._execute(
            "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM archive_responses WHERE run_id = ?",
            [run_id],
        ).fetchone()
        return int(row[0]), int(row[1])

    def not_modified(self, run_id: int) -> int:
        """How many of run ``run_id``'s responses were 304 Not Modified."""
        row = self._execute(
            "SELECT COUNT(*) FROM archive_responses WHERE run_id = ? AND status = 304", [run_id]
        ).fetchone()
        return int(row[0])

    def iter_warc_rows(self, run_id: int | None) -> Iterator[WarcRow]:
        """Every response that arrived (of one run, or all), in archive order, for WARC export."""
        cursor = self._execute(
            f"{_WARC_SELECT} WHERE r.error IS NULL AND (? IS NULL OR r.run_id = ?) ORDER BY r.id",
            [run_id, run_id],
        )
        for values in cursor:
            yield _warc_row(values)

    def warc_row(self, archive_id: int) -> WarcRow | None:
        """One response as WARC export reads it (what a revisit record refers to), or None."""
        values = self._execute(
            f"{_WARC_SELECT} WHERE r.id = ? AND r.error IS NULL", [archive_id]
        ).fetchone()
        return None if values is None else _warc_row(values)

    def has_run(self, run_id: int) -> bool:
        """Whether run ``run_id`` archived anything."""
        row = self._execute(
            "SELECT 1 FROM archive_responses WHERE run_id = ? LIMIT 1", [run_id]
        ).fetchone()
        return row is not None

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """Join the caller's transaction as is (a failure there rolls it all back: no
        savepoint needed, and a savepoint per put was a measurable cost), else our own."""
        if self.db.conn.in_transaction:
            yield
        else:
            with self.db.atomic():
                yield

    def _put_blob(self, sha: str, body: bytes, *, level: int | None = None) -> None:
        if self._one("SELECT 1 AS hit FROM archive_blobs WHERE sha256 = ?", [sha]):
            return
        data = zlib.compress(body, self._level if level is None else level)
        self._execute(
            "INSERT OR IGNORE INTO archive_blobs (sha256, data, size, compressed_size) "
            "VALUES (?, ?, ?, ?)",
            [sha, data, len(body), len(data)],
        )

    def _put_exchange(self, archive_id: int, response: FetchedResponse) -> None:
        raw_sha = None
        if response.raw_body is not None and response.raw_body != response.body:
            raw_sha = hashlib.sha256(response.raw_body).hexdigest()
            # already gzip/deflate: zlib would only spend time (level 0 stores it as is)
            self._put_blob(raw_sha, response.raw_body, level=0)
        request = json.dumps([list(h) for h in response.request_headers], ensure_ascii=False)
        self._execute(
            "INSERT INTO archive_exchanges (archive_id, http_version, reason, raw_sha256, "
            "request_headers) VALUES (?, ?, ?, ?, ?)",
            [archive_id, response.http_version, response.reason, raw_sha, request],
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


def _warc_row(values: tuple[Any, ...]) -> WarcRow:
    archive_id, url, final_url, status, headers, fetched_at, data, version, reason, request, raw = (
        values
    )
    return WarcRow(
        archive_id,
        url,
        final_url,
        status,
        headers,
        fetched_at,
        zlib.decompress(data),
        version,
        reason,
        request,
        None if raw is None else zlib.decompress(raw),
    )


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
