"""Export the raw archive as a WARC/1.1 file (one gzip member per record) with warcio.

The file opens with a ``warcinfo`` record; then, for each archived response in archive order
(robots.txt answers included; failures without a status are skipped):

- a ``request`` record: the GET as sent (request line, headers with their names as sent),
  ``WARC-Concurrent-To`` the record below;
- a ``response`` record: the status line, headers and body *as received* — the body still
  content-encoded (``Content-Encoding`` and ``Content-Length`` kept as they came). Only
  ``Transfer-Encoding`` is dropped: httpx removes the chunked framing before we see the bytes;
- or, for a 2xx whose body is byte for byte one already written in this file, a ``revisit``
  record (profile ``identical-payload-digest``) with the headers as received and no body;
- or, for a 304 Not Modified, a ``revisit`` record (profile ``server-not-modified``) that
  points at the earlier capture (``WARC-Refers-To``, ``-Target-URI``, ``-Date``; its payload
  digest). Its header block is what a cache serves after that 304 (RFC 9111 4.3.4): the earlier
  capture's status line and headers, updated with the 304's. Replay tools answer with the
  revisit's own status (pywb sends any 3xx revisit, 304 included, with an empty body), so a
  block saying "304" would replay an unchanged page as an empty page; the 304 itself is
  recorded by the profile, by its request record (the conditional GET) and by the
  headers it updated.

Responses archived before schema version 3 kept no status line, raw body or request: they are
written as before (reason phrase from the status code, the decoded body with
``Content-Encoding`` dropped and ``Content-Length`` set to its length; no request record).

``WARC-Target-URI`` is the URL that answered (``final_url``); the URL asked for, when
different, is in ``WARC-Praktyki-Requested-URI``. ``WARC-Date`` is the archived ``fetched_at``.
Record ids are derived from the archive id, URL and time (UUID 5), so two exports of the same
database name the same records and a revisit in a one-run export can name its original.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import http
import io
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import sqlite_utils
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from praktyki import __version__
from praktyki.scraper.policy import DEFAULT_USER_AGENT
from praktyki.store.archive import Archive, WarcRow

__all__ = ["NOT_MODIFIED", "SAME_PAYLOAD", "WarcCounts", "export_warc"]

NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
SAME_PAYLOAD = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"

_LEGACY_DROP = frozenset({"content-encoding", "transfer-encoding", "content-length"})
# Headers a 304 does not update in the stored response (RFC 9111 3.2: they describe the
# stored body, which the 304 did not send).
_NOT_FRESHENED = frozenset(
    {"content-length", "content-encoding", "content-type", "content-range", "transfer-encoding"}
)
_IDS = uuid.UUID("6f1d3c52-9a0e-4d55-8f7e-2b1c0a9e5d41")


@dataclass(slots=True)
class WarcCounts:
    """Records written, by type."""

    records: int = 0
    by_type: dict[str, int] = field(default_factory=dict)

    def add(self, rec_type: str) -> None:
        self.records += 1
        self.by_type[rec_type] = self.by_type.get(rec_type, 0) + 1


@dataclass(frozen=True, slots=True)
class _Capture:
    """A response record already written: what a revisit of it names."""

    record_id: str
    target: str
    date: str
    digest: str


def export_warc(db: sqlite_utils.Database, out: Path, *, run_id: int | None = None) -> WarcCounts:
    """Write the archive (or one run of it) to ``out``; the records written, by type."""
    with out.open("wb") as stream:
        return _Exporter(db, stream, out.name, run_id).write()


class _Exporter:
    def __init__(
        self, db: sqlite_utils.Database, stream: BinaryIO, name: str, run_id: int | None
    ) -> None:
        self.archive = Archive(db)
        self.writer = WARCWriter(stream, gzip=True, warc_version="1.1")
        self.name = name
        self.run_id = run_id
        self.counts = WarcCounts()
        self._by_digest: dict[str, _Capture] = {}

    def write(self) -> WarcCounts:
        self._put(self._warcinfo())
        for row in self.archive.iter_warc_rows(self.run_id):
            self._write_row(row)
        return self.counts

    def _put(self, record: Any) -> None:
        self.writer.write_record(record)
        self.counts.add(record.rec_type)

    def _warcinfo(self) -> Any:
        info = {
            "software": f"praktyki/{__version__}",
            "format": "WARC File Format 1.1",
            "http-header-user-agent": DEFAULT_USER_AGENT,
            "description": "raw archive of a praktyki crawl"
            + (f", run {self.run_id}" if self.run_id else ""),
        }
        return self.writer.create_warcinfo_record(self.name, info)

    def _write_row(self, row: WarcRow) -> None:
        if row.status == 304:
            earlier_id = self.archive.earlier_ok_id(row.url, row.id)
            earlier = self.archive.warc_row(earlier_id) if earlier_id is not None else None
            if earlier is not None:
                record = self._not_modified(row, earlier)
                self._put(record)
                self._put_request(row, record)
                return
        payload = _payload(row)
        digest = _digest(payload)
        seen = self._by_digest.get(digest) if payload and 200 <= row.status < 300 else None
        if seen is not None:
            record = self._revisit(row, _http_headers(row), seen, SAME_PAYLOAD)
        else:
            record = self._response(row, payload, digest)
            if payload and 200 <= row.status < 300:
                self._by_digest[digest] = _capture_of(row, digest)
        self._put(record)
        self._put_request(row, record)

    def _response(self, row: WarcRow, payload: bytes, digest: str) -> Any:
        return self.writer.create_warc_record(
            _target(row),
            "response",
            payload=io.BytesIO(payload),
            length=len(payload),
            http_headers=_http_headers(row),
            warc_headers_dict=_warc_headers(row, "response") | {"WARC-Payload-Digest": digest},
        )

    def _not_modified(self, row: WarcRow, earlier: WarcRow) -> Any:
        headers = _freshened(earlier, json.loads(row.headers))
        return self._revisit(row, headers, _capture_of(earlier), NOT_MODIFIED)

    def _revisit(
        self, row: WarcRow, headers: StatusAndHeaders, original: _Capture, profile: str
    ) -> Any:
        warc_headers = _warc_headers(row, "response") | {
            "WARC-Profile": profile,
            "WARC-Refers-To": original.record_id,
            "WARC-Refers-To-Target-URI": original.target,
            "WARC-Refers-To-Date": original.date,
            "WARC-Payload-Digest": original.digest,
        }
        return self.writer.create_warc_record(
            _target(row),
            "revisit",
            payload=io.BytesIO(b""),
            length=0,
            http_headers=headers,
            warc_headers_dict=warc_headers,
        )

    def _put_request(self, row: WarcRow, concurrent: Any) -> None:
        headers = [(str(k), str(v)) for k, v in json.loads(row.request_headers or "[]")]
        if not headers:
            return  # archived before requests were kept (or never sent: a test's response)
        target = _target(row)
        parts = urlsplit(target)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        line = f"GET {path} {row.http_version or 'HTTP/1.1'}"
        warc_headers = _warc_headers(row, "request") | {
            "WARC-Concurrent-To": concurrent.rec_headers.get_header("WARC-Record-ID")
        }
        self._put(
            self.writer.create_warc_record(
                target,
                "request",
                payload=io.BytesIO(b""),
                length=0,
                http_headers=StatusAndHeaders(line, headers, is_http_request=True),
                warc_headers_dict=warc_headers,
            )
        )


def _payload(row: WarcRow) -> bytes:
    """The body as received (still content-encoded) when it was kept, else the decoded one."""
    return row.raw_body if row.raw_body is not None else row.body


def _digest(payload: bytes) -> str:
    """The payload digest as warcio writes it (SHA-1, base 32), so indexes agree."""
    return "sha1:" + base64.b32encode(hashlib.sha1(payload).digest()).decode()  # noqa: S324


def _capture_of(row: WarcRow, digest: str | None = None) -> _Capture:
    return _Capture(
        _record_id(row, "response"),
        _target(row),
        _warc_date(row.fetched_at),
        digest or _digest(_payload(row)),
    )


def _target(row: WarcRow) -> str:
    return row.final_url or row.url


def _record_id(row: WarcRow, role: str) -> str:
    name = f"{role} {row.id} {row.url} {row.fetched_at}"
    return f"<urn:uuid:{uuid.uuid5(_IDS, name)}>"


def _warc_headers(row: WarcRow, role: str) -> dict[str, str]:
    headers = {"WARC-Record-ID": _record_id(row, role), "WARC-Date": _warc_date(row.fetched_at)}
    if _target(row) != row.url:
        headers["WARC-Praktyki-Requested-URI"] = row.url
    return headers


def _http_headers(row: WarcRow) -> StatusAndHeaders:
    """The status line and headers as received (see the module docstring for older rows)."""
    pairs = [(str(k), str(v)) for k, v in json.loads(row.headers)]
    if row.http_version is None:
        headers = [(k, v) for k, v in pairs if k.lower() not in _LEGACY_DROP]
        headers.append(("Content-Length", str(len(row.body))))
        return StatusAndHeaders(_status_line(row.status), headers, protocol="HTTP/1.1")
    if row.raw_body is None and _encoded(pairs):
        # an encoded body whose raw bytes could not be kept (an in-memory response):
        # described as what is stored, like an older row
        headers = [(k, v) for k, v in pairs if k.lower() not in _LEGACY_DROP]
        headers.append(("Content-Length", str(len(row.body))))
    else:
        headers = [(k, v) for k, v in pairs if k.lower() != "transfer-encoding"]
    line = f"{row.status} {row.reason}" if row.reason else _status_line(row.status)
    return StatusAndHeaders(line, headers, protocol=row.http_version)


def _encoded(pairs: Sequence[tuple[str, str]]) -> bool:
    return any(
        k.lower() == "content-encoding" and v.strip().lower() not in ("", "identity")
        for k, v in pairs
    )


def _freshened(earlier: WarcRow, not_modified: list[list[str]]) -> StatusAndHeaders:
    """``earlier``'s status line and headers, updated with a 304's (RFC 9111 4.3.4)."""
    stored = _http_headers(earlier)
    updates = [(str(k), str(v)) for k, v in not_modified if k.lower() not in _NOT_FRESHENED]
    for name in {k.lower() for k, _ in updates}:
        while stored.remove_header(name):
            pass
    stored.headers.extend(updates)
    return stored


def _status_line(status: int) -> str:
    try:
        return f"{status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"{status} Unknown"


def _warc_date(fetched_at: str) -> str:
    moment = dt.datetime.fromisoformat(fetched_at).astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
