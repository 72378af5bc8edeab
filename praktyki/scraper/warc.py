"""Export the raw archive as a WARC/1.1 file (one gzip member per record) with warcio.

The file opens with a ``warcinfo`` record, then one ``response`` record per archived response
(failures without a status are skipped), in archive order. Each response record carries the
HTTP status line and headers as received and the body as archived; since the archive keeps
the *decoded* body, ``Content-Encoding`` / ``Transfer-Encoding`` are dropped from the
reconstructed headers and ``Content-Length`` is set to the stored body's length, so the
record is self-consistent for replay tools. ``WARC-Target-URI`` is the URL that answered
(``final_url``); the URL asked for, when different, is in ``WARC-Praktyki-Requested-URI``.
``WARC-Date`` is the archived ``fetched_at``; warcio computes the block and payload digests.
"""

from __future__ import annotations

import datetime as dt
import http
import io
import json
from pathlib import Path
from typing import Any

import sqlite_utils
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from praktyki import __version__
from praktyki.scraper.policy import DEFAULT_USER_AGENT
from praktyki.store.archive import Archive, WarcRow

__all__ = ["export_warc"]

_DROP_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


def export_warc(db: sqlite_utils.Database, out: Path, *, run_id: int | None = None) -> int:
    """Write the archive (or one run of it) to ``out``; returns the number of records written."""
    count = 0
    with out.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="1.1")
        info = {
            "software": f"praktyki/{__version__}",
            "format": "WARC File Format 1.1",
            "http-header-user-agent": DEFAULT_USER_AGENT,
            "description": "raw archive of a praktyki crawl"
            + (f", run {run_id}" if run_id else ""),
        }
        writer.write_record(writer.create_warcinfo_record(out.name, info))
        count += 1
        for row in Archive(db).iter_warc_rows(run_id):
            writer.write_record(_response_record(writer, row))
            count += 1
    return count


def _response_record(writer: WARCWriter, row: WarcRow) -> Any:
    body = row.body
    headers = [(k, v) for k, v in json.loads(row.headers) if k.lower() not in _DROP_HEADERS]
    headers.append(("Content-Length", str(len(body))))
    http_headers = StatusAndHeaders(_status_line(row.status), headers, protocol="HTTP/1.1")
    target = row.final_url or row.url
    warc_headers = {"WARC-Date": _warc_date(row.fetched_at)}
    if target != row.url:
        warc_headers["WARC-Praktyki-Requested-URI"] = row.url
    return writer.create_warc_record(
        target,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=http_headers,
        warc_headers_dict=warc_headers,
    )


def _status_line(status: int) -> str:
    try:
        return f"{status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"{status} Unknown"


def _warc_date(fetched_at: str) -> str:
    moment = dt.datetime.fromisoformat(fetched_at).astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
