"""End-to-end crawl throughput: replica in a subprocess, crawl in-process, politeness off.

uv run python benchmarks/bench_crawl.py [--practices 5000] [--concurrency 8] [--profile FILE]

Prints pages/s, CPU seconds per page (this process: fetch + archive + parse + load; the
replica's CPU is not counted) and peak RSS for a full crawl and for a no-change refresh.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from praktyki.crawl.service import crawl_bdp  # noqa: E402
from praktyki.crawl.settings import CrawlSettings  # noqa: E402


def start_replica(practices: int) -> tuple[subprocess.Popen[str], str]:
    script = Path(sys.executable).parent / "praktyki"
    args = [str(script), "serve-replica", "--practices", str(practices), "--quiet"]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)  # noqa: S603
    assert process.stdout is not None
    first = process.stdout.readline().split()  # "bdp http://127.0.0.1:PORT", BDP first
    if len(first) != 2 or first[0] != "bdp":
        process.kill()
        raise SystemExit(f"replica did not start: {first}")
    return process, first[1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, db: Path, base_url: str, settings: CrawlSettings) -> float:
    wall, cpu = time.perf_counter(), time.process_time()
    summary = crawl_bdp(db, base_url, settings)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    pages = summary.requests
    print(
        f"{label}: {pages} requests in {wall:.1f}s = {pages / wall:.0f} pages/s, "
        f"{cpu / max(pages, 1) * 1000:.2f} ms CPU/page, peak RSS {peak_rss_mb():.0f} MB; "
        f"new={summary.new} unchanged={summary.unchanged} 304={summary.not_modified} "
        f"failed={summary.failed}"
    )
    return wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--practices", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--profile", type=Path, default=None, help="cProfile the full crawl")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    replica, base_url = start_replica(args.practices)
    settings = CrawlSettings(rate=0, concurrency=args.concurrency)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            profiler = cProfile.Profile() if args.profile else None
            if profiler:
                profiler.enable()
            full = measure("full crawl", db, base_url, settings)
            if profiler:
                profiler.disable()
                profiler.dump_stats(args.profile)
            refresh = measure("no-change refresh", db, base_url, settings)
            print(f"refresh took {refresh / full:.0%} of the full crawl's time")
            print(f"database {db.stat().st_size / 2**20:.0f} MB")
    finally:
        replica.terminate()
        replica.wait()


if __name__ == "__main__":
    main()
