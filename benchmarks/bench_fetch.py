"""Fetcher + archive throughput over loopback: pages/s, CPU s/page, peak RSS.

uv run python benchmarks/bench_fetch.py [--pages N] [--concurrency C]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

import httpx
import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from praktyki.scraper.fetch import Fetcher  # noqa: E402
from praktyki.scraper.policy import Politeness  # noqa: E402
from praktyki.scraper.urls import Allowlist  # noqa: E402
from praktyki.store import archive as archive_mod  # noqa: E402
from praktyki.store.db import ensure_schema  # noqa: E402
from tests.scraper_http import serving  # noqa: E402


async def run(pages: int, concurrency: int, db_path: Path, *, wal: bool) -> None:
    db = sqlite_utils.Database(db_path)
    if wal:
        # WAL + synchronous=NORMAL: a commit no longer waits for fsync (durable at checkpoint)
        db.enable_wal()
        db.execute("PRAGMA synchronous=NORMAL")
    ensure_schema(db)  # every table, as the store makes them (archive_exchanges included)
    archive = archive_mod.Archive(db)
    async with serving() as server, httpx.AsyncClient() as client:
        fetcher = Fetcher(
            client,
            allowlist=Allowlist([f"127.0.0.1:{server.port}"]),
            politeness=Politeness(rate_per_host=0, concurrency_per_host=concurrency),
        )
        queue: asyncio.Queue[int] = asyncio.Queue()
        for n in range(pages):
            queue.put_nowait(n)

        async def worker() -> None:
            while not queue.empty():
                n = queue.get_nowait()
                response = await fetcher.fetch(f"{server.base}/ok?page={n}")
                archive.put(response, run_id=1)

        wall, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pages={pages} concurrency={concurrency} wal={wal} connections={server.connections}")
    print(f"fetch+archive: {pages / wall:.0f} pages/s, {cpu / pages * 1000:.2f} ms CPU/page")
    print(f"peak RSS {rss_mb:.0f} MB (whole process, server included)")
    start = time.perf_counter()
    count = sum(1 for _ in archive.iter_latest())
    print(f"iter_latest: {count / (time.perf_counter() - start):.0f} rows/s")
    print(f"at {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--no-wal", action="store_true", help="default journal, fsync per commit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        asyncio.run(run(args.pages, args.concurrency, db_path, wal=not args.no_wal))


if __name__ == "__main__":
    main()
