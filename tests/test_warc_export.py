"""WARC export record by record: what a replay tool reads from each kind of archived response."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from praktyki.cli import cli
from praktyki.crawl.archive_export import export_archive, sibling
from praktyki.errors import ConfigError
from praktyki.schemas.archive import FetchedResponse
from praktyki.scraper.body import BodyDecoder
from praktyki.scraper.warc import NOT_MODIFIED, SAME_PAYLOAD, export_warc
from praktyki.store import begin_run, open_database
from praktyki.store.archive import Archive

T0 = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
PAGE = "http://site.test/index.php?p1=6&art=5"
HTML = "<html><body>Metryka praktyki: Włocławek</body></html>".encode("iso-8859-2")
REQUEST = (("Host", "site.test"), ("User-Agent", "praktyki/test"), ("If-None-Match", '"v1"'))


def received(
    *,
    url: str = PAGE,
    status: int = 200,
    body: bytes = HTML,
    gzipped: bool = True,
    headers: tuple[tuple[str, str], ...] = (),
    minutes: int = 0,
) -> FetchedResponse:
    """A response as the fetcher hands it over: decoded body, raw bytes, exchange details."""
    raw = gzip.compress(body, mtime=0) if gzipped and body else None
    sent = [("Content-Type", "text/html; charset=iso-8859-2"), ("ETag", '"v1"'), *headers]
    if raw is not None:
        sent += [("Content-Encoding", "gzip"), ("Content-Length", str(len(raw)))]
    return FetchedResponse(
        url=url,
        final_url=url,
        status=status,
        headers=tuple(sent) if status != 304 else (("ETag", '"v1"'), *headers),
        body=body if status != 304 else b"",
        content_type="text/html; charset=iso-8859-2",
        fetched_at=T0 + dt.timedelta(minutes=minutes),
        http_version="HTTP/1.1",
        reason="Fine" if status == 200 else "Not Modified",
        raw_body=raw if status != 304 else None,
        request_headers=REQUEST,
    )


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_database(tmp_path / "a.db")


def records(db: sqlite_utils.Database, tmp_path: Path, run_id: int | None = None) -> list[Any]:
    """The exported records (warcinfo left out), each with its block read."""
    out = tmp_path / "x.warc.gz"
    export_warc(db, out, run_id=run_id)
    got = []
    with out.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "warcinfo":
                record.raw_payload = record.raw_stream.read()
                got.append(record)
    return got


def by_type(found: list[Any], rec_type: str) -> list[Any]:
    return [r for r in found if r.rec_type == rec_type]


def test_a_response_keeps_the_status_line_as_received(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    Archive(db).put(received(), run_id=1)
    (response,) = by_type(records(db, tmp_path), "response")
    assert response.http_headers.statusline == "200 Fine"
    assert response.http_headers.protocol == "HTTP/1.1"


def test_a_response_keeps_the_body_as_received_with_its_encoding(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    Archive(db).put(received(), run_id=1)
    (response,) = by_type(records(db, tmp_path), "response")
    assert response.http_headers.get_header("Content-Encoding") == "gzip"
    assert response.raw_payload == gzip.compress(HTML, mtime=0)
    assert gzip.decompress(response.raw_payload) == HTML


def test_an_identity_body_is_written_as_it_came(db: sqlite_utils.Database, tmp_path: Path) -> None:
    Archive(db).put(received(gzipped=False), run_id=1)
    (response,) = by_type(records(db, tmp_path), "response")
    assert response.http_headers.get_header("Content-Encoding") is None
    assert response.raw_payload == HTML


def test_each_response_has_its_request_concurrent_to_it(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    Archive(db).put(received(), run_id=1)
    found = records(db, tmp_path)
    (request,), (response,) = by_type(found, "request"), by_type(found, "response")
    assert request.rec_headers.get_header("WARC-Concurrent-To") == response.rec_headers.get_header(
        "WARC-Record-ID"
    )
    assert request.http_headers.to_str().startswith("GET /index.php?p1=6&art=5 HTTP/1.1\r\n")
    assert request.http_headers.headers == list(REQUEST)


def test_a_304_is_a_server_not_modified_revisit_of_the_earlier_capture(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    Archive(db).put(received(), run_id=1)
    Archive(db).put(received(status=304, headers=(("Date", "later"),), minutes=5), run_id=2)
    found = records(db, tmp_path)
    (original,), (revisit,) = by_type(found, "response"), by_type(found, "revisit")
    warc = revisit.rec_headers
    assert warc.get_header("WARC-Profile") == NOT_MODIFIED
    assert warc.get_header("WARC-Refers-To") == original.rec_headers.get_header("WARC-Record-ID")
    assert warc.get_header("WARC-Refers-To-Target-URI") == PAGE
    assert warc.get_header("WARC-Refers-To-Date") == original.rec_headers.get_header("WARC-Date")
    assert warc.get_header("WARC-Payload-Digest") == original.rec_headers.get_header(
        "WARC-Payload-Digest"
    )
    assert revisit.raw_payload == b""


def test_a_304_revisit_replays_the_earlier_status_and_headers_freshened(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    Archive(db).put(received(), run_id=1)
    Archive(db).put(received(status=304, headers=(("Date", "later"),), minutes=5), run_id=2)
    (revisit,) = by_type(records(db, tmp_path), "revisit")
    headers = revisit.http_headers
    assert headers.statusline == "200 Fine"
    assert headers.get_header("Content-Type") == "text/html; charset=iso-8859-2"
    assert headers.get_header("Date") == "later"


def test_a_one_run_export_names_the_capture_in_an_earlier_run(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    Archive(db).put(received(), run_id=1)
    Archive(db).put(received(status=304, minutes=5), run_id=2)
    (revisit,) = by_type(records(db, tmp_path, run_id=2), "revisit")
    assert revisit.rec_headers.get_header("WARC-Refers-To-Date") == "2024-05-01T12:00:00.000000Z"


def test_a_body_already_written_is_an_identical_payload_revisit(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    Archive(db).put(received(), run_id=1)
    Archive(db).put(received(minutes=5), run_id=2)
    found = records(db, tmp_path)
    (revisit,) = by_type(found, "revisit")
    assert revisit.rec_headers.get_header("WARC-Profile") == SAME_PAYLOAD
    assert revisit.http_headers.get_header("Content-Encoding") == "gzip"
    assert len(by_type(found, "response")) == 1


def test_a_response_archived_before_version_3_is_written_decoded(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    archive_id = Archive(db).put(received(), run_id=1)
    db.execute("DELETE FROM archive_exchanges WHERE archive_id = ?", [archive_id])
    found = records(db, tmp_path)
    (response,) = by_type(found, "response")
    assert response.http_headers.get_header("Content-Encoding") is None
    assert response.http_headers.get_header("Content-Length") == str(len(HTML))
    assert response.raw_payload == HTML
    assert by_type(found, "request") == []


def test_the_decoder_keeps_the_bytes_as_received() -> None:
    raw = gzip.compress(HTML)
    decoder = BodyDecoder(PAGE, "gzip", limit=10_000)
    for start in range(0, len(raw), 7):
        decoder.feed(raw[start : start + 7])
    assert (decoder.finish(), decoder.raw) == (HTML, raw)


def test_an_unencoded_body_has_no_separate_raw_copy() -> None:
    decoder = BodyDecoder(PAGE, None, limit=10_000)
    decoder.feed(HTML)
    assert (decoder.finish(), decoder.raw) == (HTML, None)


@pytest.mark.parametrize(
    ("name", "index"),
    [("a.warc.gz", "a.cdxj"), ("a.warc", "a.cdxj"), ("a.gz", "a.gz.cdxj"), (".warc", ".warc.cdxj")],
)
def test_the_index_goes_beside_the_warc(name: str, index: str) -> None:
    assert sibling(Path("/x") / name, ".cdxj") == Path("/x") / index


# -- export-warc: the files it writes, and bad input ------------------------------------------


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    db = open_database(path)
    run_id = begin_run(db, kind="bdp", options={}, started_at=T0)
    Archive(db).put(received(), run_id=run_id)
    db.close()
    return path


def test_export_writes_the_cdxj_index_beside_the_warc(db_path: Path, tmp_path: Path) -> None:
    result = export_archive(db_path, tmp_path / "crawl.warc.gz")
    assert result.index == tmp_path / "crawl.cdxj"
    assert result.index_lines == 1
    line = result.index.read_text()
    assert '"filename": "crawl.warc.gz"' in line
    assert '"status": "200"' in line


@pytest.mark.parametrize(
    ("out", "run_id", "reason"),
    [
        ("missing/crawl.warc.gz", None, "does not exist"),
        ("", None, "it is a folder"),
        ("crawl.warc.gz", 99, "no run 99"),
    ],
    ids=["missing folder", "a folder", "no such run"],
)
def test_bad_input_is_a_config_error(
    db_path: Path, tmp_path: Path, out: str, run_id: int | None, reason: str
) -> None:
    with pytest.raises(ConfigError, match=reason):
        export_archive(db_path, tmp_path / out, run_id=run_id)


@pytest.mark.parametrize(
    "args",
    [["missing/x.warc.gz"], ["x.warc.gz", "--run", "99"], ["x.warc.gz", "--wacz", "--run", "99"]],
    ids=" ".join,
)
def test_cli_bad_input_is_one_line_and_exit_2(
    db_path: Path, tmp_path: Path, args: list[str]
) -> None:
    args = [str(tmp_path / args[0]), *args[1:]]
    result = CliRunner().invoke(cli, ["export-warc", *args, "--db", str(db_path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("praktyki: error:")
