"""Parsing a folder of saved pages as a user meets it: whole processes, wall clock.

Saves a few thousand pages from the replica sites (every BDP tab in the three markups and
encodings the replica serves, listings, the OPS sites' pages), each with the
``<!-- saved from url=(NNNN)URL -->`` comment a browser's "Save as" writes, then times, in the
same run and on the same files:

- ``praktyki parse --json FILE...`` (the console script, start-up included);
- a plain BeautifulSoup + lxml script (``soup_parse.py`` beside this file) that extracts the
  same fields the same text-anchored way and prints the same kind of JSON lines.

Each side runs ``--repeat`` times, in turns (so that a burst of load elsewhere on a shared
machine hits every side alike); the best wall time counts, and the spread (worst/best) is
printed beside it. ``--against DIR`` also times the ``praktyki`` of another checkout's virtual
environment (e.g. ``git worktree add /tmp/main main && cd /tmp/main && uv sync``) on the same
files in the same run, for a before/after figure.

Bytecode: an installed package runs from cached bytecode (pip compiles it at install; Python
writes it on first import), but a sandbox with ``PYTHONDONTWRITEBYTECODE=1`` and no caches
compiles every module from source in every process (~0.45 s of CPU for praktyki parse, most of
``--version``'s start-up). By default every interpreter timed here first compiles its
site-packages and praktyki (``compileall``) so that all sides run as installed;
``--bytecode none`` times them compiling from source instead (an empty ``PYTHONPYCACHEPREFIX``)::

    uv run --extra bench python benchmarks/bench_parse_cli.py [--practices 1400] [--repeat 3]
        [--jobs N] [--against ../main] [--bytecode cached|none]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import httpx

from praktyki_replica import running_replica
from praktyki_replica.bdp_site import BdpSite
from praktyki_replica.ops_sites import build_ops_sites

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
ENV = dict(os.environ)  # --bytecode none points PYTHONPYCACHEPREFIX at an empty directory


def saved(url: str, body: bytes) -> bytes:
    """``body`` as a browser saves it: the source URL in a comment before the document."""
    return f"<!-- saved from url=({len(url):04d}){url} -->\n".encode("ascii") + body


def bdp_urls(site: BdpSite, base: str) -> list[str]:
    urls = [f"{base}/index.php"]
    for art in site.practice_ids():
        spec = site.spec(art)
        page = f"{base}/index.php?p1={spec.p1}&p2={spec.p2}&art={spec.art}"
        urls += [page, f"{page}&s=2", f"{page}&s=3"]
    return urls


def save_corpus(folder: Path, practices: int) -> list[Path]:
    bdp = BdpSite(practices=practices)
    ops = build_ops_sites()
    paths: list[Path] = []
    with running_replica([bdp, *ops]) as replica, httpx.Client(timeout=30) as client:
        urls = bdp_urls(bdp, replica.base_url("bdp"))
        for site in ops:
            base = replica.base_url(site.name)
            urls += site.article_urls(base) + site.listing_urls(base)
        for n, url in enumerate(urls):
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.headers["content-type"]:
                continue
            path = folder / f"{n:05d}.html"
            path.write_bytes(saved(url, response.content))
            paths.append(path)
    return paths


_COMPILE = (
    "import compileall, pathlib, sysconfig, praktyki\n"
    "compileall.compile_dir(sysconfig.get_paths()['purelib'], quiet=1, workers=0)\n"
    "compileall.compile_dir(str(pathlib.Path(praktyki.__file__).parent), quiet=1, workers=0)\n"
)


def cache_bytecode(python: Path) -> None:
    """Compile the site-packages and praktyki of ``python``'s environment, as an install does."""
    subprocess.run([str(python), "-c", _COMPILE], check=True, capture_output=True)


def run_once(command: list[str]) -> tuple[float, float, int]:
    """Wall time and CPU time (user + system, worker processes included) of one run, and the
    number of JSON lines it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{command[0]} failed: {done.stderr.decode()[-500:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, done.stdout.count(b"\n")


class Timing(NamedTuple):
    best: float  # wall, seconds
    worst: float
    cpu: float  # the least CPU time of the runs
    lines: int


def best_walls(commands: dict[str, list[str]], repeat: int) -> dict[str, Timing]:
    """Each command's best and worst wall time and least CPU time over ``repeat`` turns."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    lines: dict[str, int] = {}
    for _ in range(repeat):
        for name, command in commands.items():
            wall, cpu, lines[name] = run_once(command)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {
        name: Timing(min(walls[name]), max(walls[name]), min(cpus[name]), lines[name])
        for name in commands
    }


def best_wall(command: list[str], repeat: int) -> tuple[float, int]:
    """The best wall time of ``repeat`` runs and the number of JSON lines printed."""
    timing = best_walls({"": command}, repeat)[""]
    return timing.best, timing.lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    # 1,400 practices: ~3,400 pages, "a few thousand" as issue 13 asks
    parser.add_argument("--practices", type=int, default=1400)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="praktyki parse --jobs (0: default)")
    parser.add_argument(
        "--against", type=Path, default=None, help="another checkout to time in the same run"
    )
    parser.add_argument("--bytecode", choices=["cached", "none"], default="cached")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="praktyki-saved-"))
    pythons = [Path(sys.executable)]
    if args.against is not None:
        pythons.append(args.against.resolve() / ".venv" / "bin" / "python")
    if args.bytecode == "cached":
        for python in pythons:
            cache_bytecode(python)
    else:
        ENV["PYTHONPYCACHEPREFIX"] = str(folder / "no-bytecode")
    try:
        paths = save_corpus(folder, args.practices)
        names = [str(path) for path in paths]
        size = sum(path.stat().st_size for path in paths) / len(paths)
        print(
            f"{len(paths)} saved pages ({size / 1024:.1f} KiB on average), {os.cpu_count()} cores, "
            f"bytecode {args.bytecode}"
        )
        jobs = ["--jobs", str(args.jobs)] if args.jobs else []
        commands = {"praktyki": [str(BIN / "praktyki"), "parse", "--json", *jobs]}
        if args.against is not None:
            other = args.against.resolve() / ".venv" / "bin" / "praktyki"
            commands[f"praktyki ({args.against.name})"] = [str(other), "parse", "--json"]
        commands["BeautifulSoup + lxml script"] = [sys.executable, str(HERE / "soup_parse.py")]
        results = best_walls({k: [*v, *names] for k, v in commands.items()}, args.repeat)
        soup = results["BeautifulSoup + lxml script"]
        print("praktyki: praktyki parse --json FILE...; CPU: user + system, workers included")
        for name, (best, worst, cpu, lines) in results.items():
            print(
                f"{name:<28} {len(paths) / best:6.0f} pages/s  wall best {best:.2f} s "
                f"(worst {worst:.2f}), {soup.best / best:4.1f}x the script; "
                f"CPU {cpu:.2f} s ({soup.cpu / cpu:4.1f}x); {lines} lines"
            )
        for name, command in commands.items():
            if name.endswith("script"):
                continue
            for quick in (["--version"], ["parse", "--help"]):
                wall, _ = best_wall([command[0], *quick], 5)
                label = f"{name} {' '.join(quick)}"
                print(f"start-up, {label:<40} {wall:6.3f} s (best of 5)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
