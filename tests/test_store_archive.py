"""Raw archive and WARC export on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlite_utils
from warcio.archiveiterator import ArchiveIterator

from praktyki.errors import HTTPStatusError, StorageError, TransportError
from praktyki.schemas.archive import FetchedResponse
from praktyki.scraper.warc import export_warc
from praktyki.store import open_database
from praktyki.store.archive import Archive

T0 = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
PAGE = "http://site.test/index.php?p1=6&art=5"


def response(
    url: str = PAGE, body: bytes = b"<html>v1</html>", status: int = 200, minutes: int = 0
) -> FetchedResponse:
    return FetchedResponse(
        url=url,
        final_url=url,
        status=status,
        headers=(("Content-Type", "text/html; charset=utf-8"), ("ETag", '"v1"')),
        body=body,
        content_type="text/html; charset=utf-8",
        fetched_at=T0 + dt.timedelta(minutes=minutes),
        elapsed_s=0.25,
        attempts=2,
        redirects=(),
    )


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_database(tmp_path / "a.db")


def test_reopening_keeps_the_archive_tables(tmp_path: Path, db: sqlite_utils.Database) -> None:
    db.close()
    again = open_database(tmp_path / "a.db")
    assert {"archive_responses", "archive_blobs"} <= set(again.table_names())


def test_put_then_get_round_trips_every_field(db: sqlite_utils.Database) -> None:
    stored = response()
    archive_id = Archive(db).put(stored, run_id=7)
    got = Archive(db).get(archive_id)
    assert got.model_dump(exclude={"id", "run_id", "sha256"}) == stored.model_dump()
    assert (got.id, got.run_id, len(got.sha256)) == (archive_id, 7, 64)


def test_identical_bodies_are_stored_once(db: sqlite_utils.Database) -> None:
    archive = Archive(db)
    archive.put(response(), run_id=1)
    archive.put(response(url="http://site.test/copy"), run_id=1)
    assert db["archive_responses"].count == 2
    assert db["archive_blobs"].count == 1


def test_bodies_are_compressed(db: sqlite_utils.Database) -> None:
    body = b"<p>Metryka praktyki</p>" * 2000
    Archive(db).put(response(body=body), run_id=1)
    blob = next(iter(db["archive_blobs"].rows))
    assert blob["size"] == len(body)
    assert blob["compressed_size"] < len(body) / 20


def test_latest_is_newest_2xx_and_ignores_304_and_failures(db: sqlite_utils.Database) -> None:
    archive = Archive(db)
    archive.put(response(body=b"old"), run_id=1)
    newest = archive.put(response(body=b"new", minutes=1), run_id=2)
    archive.put(response(body=b"", status=304, minutes=2), run_id=3)
    archive.put_failure(PAGE, TransportError("reset"), run_id=3, fetched_at=T0)
    latest = archive.latest(PAGE)
    assert latest is not None
    assert (latest.id, latest.body, latest.etag) == (newest, b"new", '"v1"')


def test_latest_of_unknown_url_is_none(db: sqlite_utils.Database) -> None:
    assert Archive(db).latest("http://site.test/never") is None


def test_failures_are_archived_with_reason_and_status(db: sqlite_utils.Database) -> None:
    archive = Archive(db)
    failure_id = archive.put_failure(
        PAGE, HTTPStatusError("HTTP 503 after 4 attempts", status=503), run_id=1, fetched_at=T0
    )
    row = db["archive_responses"].get(failure_id)
    assert (row["status"], row["error"]) == (503, "HTTPStatusError: HTTP 503 after 4 attempts")
    with pytest.raises(StorageError):
        archive.get(failure_id)


def test_iter_latest_yields_newest_2xx_per_url_under_prefix(db: sqlite_utils.Database) -> None:
    archive = Archive(db)
    archive.put(response(url="http://site.test/a", body=b"a1"), run_id=1)
    archive.put(response(url="http://site.test/a", body=b"a2"), run_id=2)
    archive.put(response(url="http://site.test/b", body=b"b1"), run_id=1)
    archive.put(response(url="http://other.test/c", body=b"c1"), run_id=1)
    got = [(r.url, r.body) for r in archive.iter_latest(url_prefix="http://site.test/")]
    assert got == [("http://site.test/a", b"a2"), ("http://site.test/b", b"b1")]


def test_put_inside_callers_transaction_rolls_back_with_it(db: sqlite_utils.Database) -> None:
    class Boom(Exception):
        pass

    def step() -> None:
        with db.atomic():
            Archive(db).put(response(), run_id=1)
            raise Boom

    with pytest.raises(Boom):
        step()
    assert db["archive_responses"].count == 0


def test_put_is_visible_to_another_connection(tmp_path: Path, db: sqlite_utils.Database) -> None:
    Archive(db).put(response(), run_id=1)
    other = sqlite_utils.Database(tmp_path / "a.db")
    assert Archive(other).latest(PAGE) is not None


def test_warc_export_reads_back(tmp_path: Path, db: sqlite_utils.Database) -> None:
    archive = Archive(db)
    pages = {"http://site.test/a": b"<html>a</html>", "http://site.test/b": bytes(range(256))}
    for url, body in pages.items():
        archive.put(response(url=url, body=body), run_id=1)
    archive.put(response(url="http://site.test/c", body=b"", status=304), run_id=1)
    archive.put_failure(PAGE, TransportError("reset"), run_id=1, fetched_at=T0)
    out = tmp_path / "crawl.warc.gz"
    assert export_warc(db, out).records == 4
    with out.open("rb") as stream:
        records = list(_read(stream))
    assert records[0] == ("warcinfo", None, None, None)
    assert records[1:] == [
        ("response", "http://site.test/a", "200", pages["http://site.test/a"]),
        ("response", "http://site.test/b", "200", pages["http://site.test/b"]),
        ("response", "http://site.test/c", "304", b""),
    ]


def test_warc_export_of_one_run(tmp_path: Path, db: sqlite_utils.Database) -> None:
    archive = Archive(db)
    archive.put(response(url="http://site.test/a"), run_id=1)
    archive.put(response(url="http://site.test/b"), run_id=2)
    out = tmp_path / "run2.warc.gz"
    assert export_warc(db, out, run_id=2).records == 2
    with out.open("rb") as stream:
        uris = [uri for _, uri, _, _ in _read(stream)]
    assert uris == [None, "http://site.test/b"]


def test_warc_records_carry_date_and_payload_digest(
    tmp_path: Path, db: sqlite_utils.Database
) -> None:
    Archive(db).put(response(), run_id=1)
    out = tmp_path / "x.warc.gz"
    export_warc(db, out)
    with out.open("rb") as stream:
        record = [r for r in ArchiveIterator(stream) if r.rec_type == "response"][0]
        assert record.rec_headers.get_header("WARC-Date").startswith("2024-05-01T12:00:00")
        assert record.rec_headers.get_header("WARC-Payload-Digest").startswith("sha1:")
        assert record.rec_headers.get_header("WARC-Target-URI") == PAGE


def _read(stream: object) -> list[tuple[str, str | None, str | None, bytes | None]]:
    out: list[tuple[str, str | None, str | None, bytes | None]] = []
    for record in ArchiveIterator(stream):
        if record.rec_type == "warcinfo":
            out.append(("warcinfo", None, None, None))
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI")
        out.append(
            (
                record.rec_type,
                uri,
                record.http_headers.get_statuscode(),
                record.content_stream().read(),
            )
        )
    return out
