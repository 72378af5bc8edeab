"""Many small OPS sites at once, at the polite default of 1 request/s per host.

uv run python benchmarks/bench_many_sites.py [--sites 30 100 300] [--concurrency 32]

The real OPS workload is ~2,500 small hosts. A replica subprocess serves the given numbers of
generated OPS sites on loopback (the five replica OPS sites, renamed and reseeded, one port per
site); the crawl runs in this process with the default politeness (``--rate 1``). The sites are
crawled in parallel, not in turn, when the total time stays close to the largest site's own time
(that site crawled alone, measured first in the same run). Prints, per number of sites: pages,
wall time, its ratio to the largest site's time (aim <= 1.5 at 300 sites) and the crawler's peak
RSS (aim: flat in the number of sites).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from praktyki.crawl import event_loop  # noqa: E402
from praktyki.crawl.ops_strategy import sites_from_urls  # noqa: E402
from praktyki.crawl.service import crawl_ops_async  # noqa: E402
from praktyki.crawl.settings import CrawlSettings  # noqa: E402


def build_sites(count: int) -> list[object]:
    """``count`` OPS replica sites: the five builders in turn, renamed (and reseeded)."""
    from praktyki_replica import ops_content
    from praktyki_replica.ops_sites import OpsSite

    builders = [
        lambda i: ops_content.gora_content(),
        lambda i: ops_content.janow_content(random.Random(f"{i}:ops-janow")),  # noqa: S311
        lambda i: ops_content.wp_content(),
        lambda i: ops_content.drupal_content(),
        lambda i: ops_content.bip_content(random.Random(f"{i}:mopr-bip")),  # noqa: S311
    ]
    sites = []
    for index in range(count):
        content = builders[index % len(builders)](index)
        sites.append(OpsSite(dataclasses.replace(content, name=f"ops-{index:04d}")))
    return sites


def serve(count: int) -> None:
    """The replica subprocess: serve ``count`` sites, print ``NAME URL`` lines, then wait."""
    from praktyki_replica.runner import running_replica

    with running_replica(build_sites(count)) as replica:  # type: ignore[arg-type]
        for name, url in replica.base_urls.items():
            print(name, url)
        print("ready", flush=True)
        sys.stdin.read()  # until the benchmark closes our stdin


def start_replica(count: int) -> tuple[subprocess.Popen[str], list[str]]:
    args = [sys.executable, __file__, "--serve", str(count)]
    process = subprocess.Popen(  # noqa: S603
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    urls = []
    for line in process.stdout:
        if line.strip() == "ready":
            return process, urls
        urls.append(line.split()[1] + "/")
    raise SystemExit("replica did not start")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def crawl(urls: list[str], concurrency: int, rate: float = 1.0) -> tuple[float, int]:
    # as `praktyki crawl ops` runs it: pages parsed by the worker while the crawl fetches
    settings = CrawlSettings(rate=rate, concurrency=concurrency, assembly_worker=True)
    with tempfile.TemporaryDirectory() as tmp:
        started, cpu = time.perf_counter(), time.process_time()
        summary = event_loop.run(  # the loop `praktyki crawl ops` runs on (uvloop)
            crawl_ops_async(Path(tmp) / "ops.db", sites_from_urls(urls), settings)
        )
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        if len(urls) > 1:
            per_page = cpu / max(summary.requests, 1) * 1000
            print(f"  (crawler CPU {cpu:.1f} s = {per_page:.1f} ms/page)", flush=True)
        return wall, summary.requests


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", type=int, nargs="+", default=[30, 100, 300])
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--serve", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve is not None:
        serve(args.serve)
        return
    logging.basicConfig(level=logging.ERROR)
    largest = max(args.sites)
    replica, urls = start_replica(largest)
    try:
        # the largest of the five kinds (by requests, counted without politeness), crawled
        # alone at 1 request/s: the yardstick
        sizes = [crawl([url], args.concurrency, rate=0)[1] for url in urls[:5]]
        biggest = urls[sizes.index(max(sizes))]
        own, own_pages = crawl([biggest], args.concurrency)
        print(
            f"largest site alone: {own_pages} requests in {own:.1f} s (kinds: {sizes} requests)",
            flush=True,
        )
        for count in sorted(args.sites):
            wall, pages = crawl(urls[:count], args.concurrency)
            print(
                f"{count} sites: {pages} requests in {wall:.1f} s = {wall / own:.2f}x the largest "
                f"site's time (aim <= 1.5 at 300), peak RSS {peak_rss_mb():.0f} MB",
                flush=True,
            )
    finally:
        if replica.stdin:
            replica.stdin.close()
        replica.wait(timeout=30)


if __name__ == "__main__":
    main()
