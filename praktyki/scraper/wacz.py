"""The CDXJ index of a WARC file, and a WACZ package of both with a list of pages.

The index (``cdxj-indexer``, the indexer pywb and py-wacz use) has one line per ``response``
and ``revisit`` record, sorted by SURT key and time, the WARC file named by its base name, so
the index and the WARC can go side by side into a pywb collection as they are.

The WACZ (format 1.1.1) is a ZIP holding ``archive/<warc>`` (stored: already gzipped),
``indexes/index.cdx`` (the index above, plain CDXJ), ``pages/pages.jsonl`` (one line per page a
reader opens: the BDP practices and the OPS articles of the dataset that have a capture in
the WARC, each at its latest capture) and ``datapackage.json`` listing every file with its
size and SHA-256, with ``datapackage-digest.json`` holding the SHA-256 of that.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from praktyki import __version__

__all__ = [
    "IndexEntry",
    "Page",
    "WACZ_VERSION",
    "pages_of",
    "read_index",
    "write_cdxj",
    "write_wacz",
]

WACZ_VERSION = "1.1.1"
_RECORDS = "response,revisit,resource"
_INDEX = "indexes/index.cdx"
_PAGES = "pages/pages.jsonl"


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One line of a CDXJ index: what a page list needs of it."""

    url: str
    timestamp: str  # 14 digits, UTC
    status: str
    mime: str


@dataclass(frozen=True, slots=True)
class Page:
    """An entry of ``pages.jsonl``."""

    url: str
    ts: str  # ISO 8601, UTC
    title: str


def write_cdxj(warc: Path, out: Path) -> int:
    """Index ``warc`` into ``out`` (sorted CDXJ); the number of lines."""
    # Imported here: cdxj_indexer pulls in pandas and pyarrow (~100 MB per process), which
    # a crawl and its assembly worker must not pay for an export they never make.
    from cdxj_indexer.main import CDXJIndexer

    indexer = CDXJIndexer(
        output=str(out), inputs=[str(warc)], sort=True, records=_RECORDS, filename=warc.name
    )
    indexer.process_all()
    return sum(1 for _ in read_index(out))


def read_index(path: Path) -> Iterator[IndexEntry]:
    """The entries of a CDXJ index, in file order."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            _key, timestamp, fields = line.rstrip("\n").split(" ", 2)
            data = json.loads(fields)
            yield IndexEntry(data["url"], timestamp, data.get("status", ""), data.get("mime", ""))


def pages_of(index: Path, titles: Mapping[str, str]) -> list[Page]:
    """The pages of ``titles`` (URL → title) captured in ``index`` with a 2xx (a revisit
    stands for one), each at its latest capture, in URL order."""
    latest: dict[str, str] = {}
    for entry in read_index(index):
        if entry.url in titles and entry.status.startswith("2"):
            latest[entry.url] = max(latest.get(entry.url, ""), entry.timestamp)
    return [Page(url, _iso(latest[url]), titles[url]) for url in sorted(latest)]


def write_wacz(out: Path, warc: Path, index: Path, pages: Sequence[Page], *, title: str) -> int:
    """Package ``warc``, its ``index`` and ``pages`` as the WACZ ``out``; its size in bytes."""
    created = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    pages_bytes = _pages_jsonl(pages)
    resources = []
    with zipfile.ZipFile(out, "w") as package:
        package.write(warc, f"archive/{warc.name}", compress_type=zipfile.ZIP_STORED)
        resources.append(_resource(f"archive/{warc.name}", *_file_digest(warc)))
        package.write(index, _INDEX, compress_type=zipfile.ZIP_DEFLATED)
        resources.append(_resource(_INDEX, *_file_digest(index)))
        package.writestr(_PAGES, pages_bytes, compress_type=zipfile.ZIP_DEFLATED)
        resources.append(_resource(_PAGES, _sha256(pages_bytes), len(pages_bytes)))
        datapackage = {
            "profile": "data-package",
            "wacz_version": WACZ_VERSION,
            "title": title,
            "created": created,
            "software": f"praktyki {__version__}",
            "resources": resources,
        }
        if pages:
            datapackage["mainPageURL"] = pages[0].url
            datapackage["mainPageDate"] = pages[0].ts
        package_bytes = json.dumps(datapackage, indent=2, ensure_ascii=False).encode()
        package.writestr("datapackage.json", package_bytes, compress_type=zipfile.ZIP_DEFLATED)
        digest = {"path": "datapackage.json", "hash": _sha256(package_bytes)}
        package.writestr("datapackage-digest.json", json.dumps(digest, indent=2))
    return out.stat().st_size


def _pages_jsonl(pages: Sequence[Page]) -> bytes:
    header = {"format": "json-pages-1.0", "id": "pages", "title": "Practices and OPS articles"}
    lines = [header] + [
        {
            "id": hashlib.sha256(f"{p.url} {p.ts}".encode()).hexdigest()[:32],
            "url": p.url,
            "ts": p.ts,
            "title": p.title,
        }  # noqa: S324 - an id, not security
        for p in pages
    ]
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()


def _resource(path: str, digest: str, size: int) -> dict[str, object]:
    return {"name": Path(path).name.lower(), "path": path, "hash": digest, "bytes": size}


def _file_digest(path: Path) -> tuple[str, int]:
    """SHA-256 and size of a file, read in blocks (a WARC can be large)."""
    sha, size = hashlib.sha256(), 0
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            sha.update(block)
            size += len(block)
    return "sha256:" + sha.hexdigest(), size


def _sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _iso(timestamp: str) -> str:
    moment = dt.datetime.strptime(timestamp[:14], "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
