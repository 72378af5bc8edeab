"""End-to-end crawl throughput: replica in a subprocess, crawl in-process, politeness off.

uv run python benchmarks/bench_crawl.py [--practices 5000] [--concurrency 8] [--profile FILE]

Prints pages/s, CPU milliseconds per page (this process: fetch + archive + parse + load; its
assembly worker process and the replica are printed apart) and peak RSS (the crawler: this
process; the worker: its own VmHWM, sampled while it runs) for
a full crawl and for two no-change refreshes in the same run: the next day with the default
revalidation policy (``--revalidate-after 7``: a rotating seventh of the practice pages is
asked about) and the day after with ``--revalidate-after 0`` (every page, the behaviour
before the policy); each refresh's share of the full crawl's requests and wall time (aim:
<= 20% and <= 15% with the default). Checks that the database holds every replica practice
after each run (a benchmark that loses data measures nothing).

``--scrapy`` also runs a fetch-only Scrapy spider (benchmarks/scrapy_fetch.py, in its own process)
over the same replica in the same run and prints its pages/s and peak RSS beside the full
crawl's (aim: ours >= 1.0x Scrapy's pages/s, peak RSS < 200 MB at 5,000 practices).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import logging
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

if TYPE_CHECKING:
    from praktyki.crawl.settings import CrawlSettings

# The crawl modules are imported in main(), not here: the assembly worker is spawned, and a
# spawned process re-imports this script first, so top-level imports would load in the worker
# what the CLI's worker (whose main module imports almost nothing) never has.


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


def children_cpu() -> float:
    """CPU seconds of the reaped child processes: the assembly workers (the replica is still
    running, so not counted). Not their peak RSS: Linux carries a process's ``ru_maxrss``
    across exec, so a spawned worker's would include the crawler's RSS at the fork."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class ChildPeak:
    """The largest ``VmHWM`` (peak RSS of the process's own memory since its exec) among
    this process's children but ``exclude`` (the replica), read every ``interval`` seconds
    from a thread while a crawl runs: the assembly worker's peak."""

    def __init__(self, exclude: int, interval: float = 0.1) -> None:
        self.exclude, self.interval = exclude, interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> ChildPeak:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            for pid in _children(os.getpid()) - {self.exclude}:
                if not _is_resource_tracker(pid):  # multiprocessing's own helper, ~10 MB
                    self.peak_kb = max(self.peak_kb, _hwm_kb(pid))


def _children(parent: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found.add(int(stat.parent.name))
    return found


def _is_resource_tracker(pid: int) -> bool:
    try:
        return b"resource_tracker" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _hwm_kb(pid: int) -> int:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith("VmHWM:")), 0)


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def active_practices(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(
            conn.execute("SELECT COUNT(*) FROM practices WHERE removed_run IS NULL").fetchone()[0]
        )
    finally:
        conn.close()


def on_day(day: int) -> Callable[[], dt.datetime]:
    """A clock ``day`` days from now: the refreshes run on the following nights."""
    start = dt.datetime.now(dt.UTC)
    return lambda: start + dt.timedelta(days=day)


def measure(
    label: str,
    db: Path,
    base_url: str,
    settings: CrawlSettings,
    replica_pid: int,
    expected: int,
    day: int = 0,
) -> tuple[float, int]:
    from praktyki.crawl.service import crawl_bdp  # noqa: PLC0415 - see the imports above

    replica_cpu = process_cpu(replica_pid)
    worker_cpu = children_cpu()
    with ChildPeak(exclude=replica_pid) as worker:
        wall, cpu = time.perf_counter(), time.process_time()
        summary = crawl_bdp(db, base_url, settings, clock=on_day(day))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    replica_cpu = process_cpu(replica_pid) - replica_cpu
    worker_cpu, worker_rss = children_cpu() - worker_cpu, worker.peak_kb / 1024
    pages = max(summary.requests, 1)
    print(
        f"{label}: {summary.requests} requests in {wall:.1f} s = {pages / wall:.0f} pages/s, "
        f"{cpu / pages * 1000:.2f} ms CPU/page + worker {worker_cpu / pages * 1000:.2f} "
        f"(replica {replica_cpu / pages * 1000:.2f}), peak RSS: crawler {peak_rss_mb():.0f} MB, "
        f"worker {worker_rss:.0f} MB (0: none started); "
        f"new={summary.new} changed={summary.changed} "
        f"unchanged={summary.unchanged} 304={summary.not_modified} failed={summary.failed} "
        f"revalidated={summary.revalidated} skipped_by_policy={summary.skipped_by_policy} "
        f"oldest={summary.oldest_revalidation_age_days}d"
    )
    stored = active_practices(db)
    if stored != expected or summary.failed:
        raise SystemExit(f"{label}: {stored} practices in the database, {expected} served")
    return wall, summary.requests


def share(label: str, refresh: tuple[float, int], full: tuple[float, int], aim: str) -> None:
    print(
        f"{label}: {refresh[1]} requests = {refresh[1] / full[1]:.0%} of the full crawl's "
        f"{full[1]}, {refresh[0]:.1f} s = {refresh[0] / full[0]:.0%} of its {full[0]:.1f} s{aim}"
    )


def compare_scrapy(base_url: str, concurrency: int, full: tuple[float, int]) -> None:
    spider = Path(__file__).resolve().parent / "scrapy_fetch.py"
    out = subprocess.run(  # noqa: S603
        [sys.executable, str(spider), base_url, str(concurrency)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    pages, seconds, rss = int(out[0]), float(out[1]), float(out[2])
    ours = full[1] / full[0]
    print(
        f"Scrapy fetch-only: {pages} pages in {seconds:.1f} s = {pages / seconds:.0f} pages/s, "
        f"peak RSS {rss:.0f} MB; ours (crawl + archive + parse + load) {ours:.0f} pages/s = "
        f"{ours / (pages / seconds):.2f}x Scrapy's (aim >= 1.0), peak RSS {peak_rss_mb():.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--practices", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--profile", type=Path, default=None, help="cProfile the full crawl")
    parser.add_argument(
        "--no-worker", action="store_true", help="assemble in the crawler process only"
    )
    parser.add_argument("--scrapy", action="store_true", help="compare with a Scrapy spider")
    args = parser.parse_args()
    from praktyki.crawl.settings import CrawlSettings  # noqa: PLC0415 - see the imports above

    logging.basicConfig(level=logging.ERROR)
    replica, base_url = start_replica(args.practices)
    settings = CrawlSettings(
        rate=0, concurrency=args.concurrency, assembly_worker=not args.no_worker
    )
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            profiler = cProfile.Profile() if args.profile else None
            if profiler:
                profiler.enable()
            full = measure("full crawl", db, base_url, settings, replica.pid, args.practices)
            if profiler:
                profiler.disable()
                profiler.dump_stats(args.profile)
            default = measure(
                "no-change refresh (next day, --revalidate-after 7)",
                *(db, base_url, settings, replica.pid, args.practices),
                day=1,
            )
            every = measure(
                "no-change refresh (--revalidate-after 0)",
                *(db, base_url, settings.replace(revalidate_after=0)),
                *(replica.pid, args.practices),
                day=2,
            )
            share("refresh, default", default, full, " (aim <= 20% of requests, <= 15% of time)")
            share("refresh, every page", every, full, "")
            if args.scrapy:
                compare_scrapy(base_url, args.concurrency, full)
            print(f"database {db.stat().st_size / 2**20:.0f} MB")
    finally:
        replica.terminate()
        replica.wait()


if __name__ == "__main__":
    main()
