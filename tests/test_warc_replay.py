"""The archive as an archivist opens it: two demo runs of the replica (the second a refresh full
of 304s), exported with ``--wacz``; ``wacz validate`` accepts the package, and pywb's
``wayback`` (its own locked environment, ``tests/replay``), serving a collection made of the
WARC and our CDXJ index on 127.0.0.1, replays the practice pages with their content — the
unchanged ones, whose latest capture is a 304, from their earlier capture."""

from __future__ import annotations

import contextlib
import email.utils
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import free_port_run
from selectolax.lexbor import LexborHTMLParser

from praktyki.crawl.archive_export import export_archive
from praktyki.parsers.decode import decode_html
from praktyki.schemas.archive import ArchiveExport
from praktyki.scraper.wacz import read_index
from praktyki_replica.demo import run_demo

pytestmark = pytest.mark.slow

REPLAY_ENV = Path(__file__).parent / "replay"
COLLECTION = "praktyki"
PRACTICES = 6


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("replay") / "praktyki.db"
    port = free_port_run(8)
    for _ in range(2):
        run_demo(db, practices=PRACTICES, port=port, concurrency=4)
    return db


@pytest.fixture(scope="module")
def exported(crawled: Path) -> ArchiveExport:
    return export_archive(crawled, crawled.parent / "crawl.warc.gz", wacz=True)


@pytest.fixture(scope="module")
def practices(crawled: Path) -> list[tuple[str, str, str]]:
    """(url, title, locality) of every practice: what a reader must see replayed."""
    with contextlib.closing(sqlite3.connect(crawled)) as conn:
        return conn.execute("SELECT url, title, locality FROM practices ORDER BY url").fetchall()


@pytest.fixture(scope="module")
def wayback(exported: ArchiveExport, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """pywb serving a collection of the exported WARC and its CDXJ index, as they are."""
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is needed to run pywb in its own environment (tests/replay)")
    root = tmp_path_factory.mktemp("pywb")
    collection = root / "collections" / COLLECTION
    (collection / "archive").mkdir(parents=True)
    (collection / "indexes").mkdir()
    shutil.copy(exported.warc, collection / "archive" / exported.warc.name)
    shutil.copy(exported.index, collection / "indexes" / "index.cdxj")
    port = free_port_run(1)
    command = [uv, "run", "--project", str(REPLAY_ENV), "--locked", "--quiet", "wayback"]
    command += ["--bind", "127.0.0.1", "--port", str(port), "--directory", str(root)]
    log = (root / "wayback.log").open("wb")
    server = subprocess.Popen(command, cwd=root, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(port, server, root / "wayback.log")
        yield f"http://127.0.0.1:{port}/{COLLECTION}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _wait_for(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    # the first run may install pywb's environment (uv caches it for the next)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"wayback exited: {log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.2)
    pytest.fail("wayback did not start listening")


def _replay(wayback: str, url: str) -> httpx.Response:
    """The latest capture of ``url``, unframed (``mp_``)."""
    with httpx.Client(follow_redirects=True, timeout=30) as client:
        return client.get(f"{wayback}/29991231000000mp_/{url}")


def _latest_captures(exported: ArchiveExport) -> dict[str, str]:
    """URL → mime of its latest capture in the index."""
    latest: dict[str, tuple[str, str]] = {}
    for entry in read_index(exported.index):
        if entry.timestamp >= latest.get(entry.url, ("", ""))[0]:
            latest[entry.url] = (entry.timestamp, entry.mime)
    return {url: mime for url, (_, mime) in latest.items()}


def _visible(html: str) -> str:
    """The text a reader sees (entities resolved, whitespace collapsed)."""
    body = LexborHTMLParser(html).body
    return " ".join((body.text(separator=" ") if body else html).split())


def test_wacz_validate_accepts_the_package(exported: ArchiveExport) -> None:
    assert exported.wacz is not None
    run = subprocess.run(
        [sys.executable, "-m", "wacz", "validate", "-f", str(exported.wacz)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Validation succeeded" in run.stdout


def test_the_page_list_names_practices_and_ops_articles(
    exported: ArchiveExport, practices: list[tuple[str, str, str]]
) -> None:
    assert exported.wacz is not None
    with zipfile.ZipFile(exported.wacz) as package:
        lines = package.read("pages/pages.jsonl").decode().splitlines()
    header, *pages = (json.loads(line) for line in lines)
    assert header["format"] == "json-pages-1.0"
    urls = {page["url"] for page in pages}
    assert {url for url, _, _ in practices} <= urls
    assert len(urls) > len(practices)  # the OPS articles
    assert len(pages) == exported.pages


def test_the_refresh_left_practice_pages_whose_latest_capture_is_a_revisit(
    exported: ArchiveExport, practices: list[tuple[str, str, str]]
) -> None:
    latest = _latest_captures(exported)
    assert {latest[url] for url, _, _ in practices} == {"warc/revisit"}


def test_robots_txt_is_archived(exported: ArchiveExport) -> None:
    assert any(entry.url.endswith("/robots.txt") for entry in read_index(exported.index))


@pytest.mark.parametrize("index", range(PRACTICES))
def test_an_unchanged_practice_replays_with_its_content_from_the_earlier_capture(
    wayback: str, exported: ArchiveExport, practices: list[tuple[str, str, str]], index: int
) -> None:
    url, title, locality = practices[index]
    replayed = _replay(wayback, url)
    assert replayed.status_code == 200
    # read as a browser would: the replica's pages declare their charset in the header or
    # only in a <meta>, and pywb passes a page's bytes on as they are
    html = decode_html(replayed.content, replayed.headers.get("content-type")).text
    text = _visible(html)
    assert _visible(title) in text
    assert _visible(locality) in text  # a Metryka value
    # the memento served is the refresh's 304 (a revisit), its body the first run's response
    captures = sorted((e.timestamp, e.mime) for e in read_index(exported.index) if e.url == url)
    assert [mime for _, mime in captures] == ["text/html", "warc/revisit"]
    served = email.utils.parsedate_to_datetime(replayed.headers["Memento-Datetime"])
    assert served.strftime("%Y%m%d%H%M%S") == captures[-1][0]
