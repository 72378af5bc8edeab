"""Parse time of hostile pages through every parser entry point.

Two kinds of series: ``<div>`` nested n deep (closed and never closed, n = 10k … 1M), which the
parser bounds flatten to 1,024 levels (and reject past 250,000 elements) before lexbor sees
them, and pages the bounds let through at their worst — n
paragraphs under a wrapper nested just below the depth bound, n unclosed ``<p>``, tables
nested inside cells — whose time must grow linearly with n. Time is this process's CPU time
(``time.process_time``), the best of ``--repeat`` runs; each line prints seconds per entry
point and the outcome (a record count or the ``ParseError`` class)::

    uv run python benchmarks/bench_hostile_parse.py [--repeat 1] [--quick]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from praktyki.errors import ParseError
from praktyki.parsers.bdp import parse_listing, parse_menu, parse_practice
from praktyki.parsers.dispatch import parse_page
from praktyki.parsers.limits import MAX_DEPTH
from praktyki.parsers.ops import parse_ops_page

BDP_URL = "https://archiwum.dobrepraktyki.pl/index.php?p1=1&p2=2&art=1"
OPS_URL = "https://ops.example.pl/aktualnosci/1"
PARAGRAPH = "Ośrodek prowadzi zajęcia, warsztaty i spotkania dla seniorów z gminy."

ENTRY_POINTS: dict[str, Callable[[bytes], object]] = {
    "parse_practice": lambda body: parse_practice(body, BDP_URL),
    "parse_listing": lambda body: parse_listing(body, BDP_URL),
    "parse_menu": lambda body: parse_menu(body, BDP_URL),
    "parse_ops_page": lambda body: parse_ops_page(body, OPS_URL),
    "dispatch.parse_page": lambda body: parse_page(body, OPS_URL),
}


def nested(n: int, *, closed: bool) -> bytes:
    return ("<html><body>" + "<div>" * n + "x" + ("</div>" * n if closed else "")).encode()


def deep_paragraphs(n: int) -> bytes:
    """n paragraphs under a wrapper nested just below the depth bound."""
    depth = MAX_DEPTH - 10
    inner = f"<div><p>{PARAGRAPH}</p></div>" * n
    return ("<html><body>" + "<div>" * depth + inner + "</div>" * depth).encode()


def unclosed_paragraphs(n: int) -> bytes:
    return ("<html><body><div>" + f"<p><b>{PARAGRAPH}" * n).encode()


def nested_tables(n: int) -> bytes:
    """Tables inside cells, 300 deep, repeated to n cells."""
    one = "<table><tr><td>Nazwa</td><td>" * 300 + PARAGRAPH + "</td></tr></table>" * 300
    return ("<html><body>" + one * max(n // 600, 1)).encode()


def run(body: bytes, parse: Callable[[bytes], object], repeat: int) -> tuple[float, str]:
    best = float("inf")
    outcome = ""
    for _ in range(repeat):
        start = time.process_time()
        try:
            result = parse(body)
            outcome = f"ok ({len(result)})" if isinstance(result, list) else "ok"
        except ParseError as exc:
            outcome = type(exc).__name__
        best = min(best, time.process_time() - start)
    return best, outcome


def series(name: str, make: Callable[[int], bytes], sizes: list[int], repeat: int) -> None:
    print(f"\n{name}")
    print(f"{'n':>9} {'KiB':>7}  " + "  ".join(f"{entry:>22}" for entry in ENTRY_POINTS))
    for n in sizes:
        body = make(n)
        cells = [run(body, parse, repeat) for parse in ENTRY_POINTS.values()]
        row = "  ".join(f"{seconds:7.3f}s {outcome:>13}" for seconds, outcome in cells)
        print(f"{n:>9} {len(body) // 1024:>7}  {row}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="smaller series")
    args = parser.parse_args()
    deep = [10_000, 100_000, 1_000_000] if args.quick else [10_000, 100_000, 240_000, 1_000_000]
    # up to the OPS walk's visible-text cap (1,000,000 characters, ~14,000 paragraphs)
    wide = [2_500, 5_000, 10_000] if args.quick else [1_250, 2_500, 5_000, 10_000, 13_000]
    series("<div> nested n deep, closed", lambda n: nested(n, closed=True), deep, args.repeat)
    series(
        "<div> nested n deep, never closed", lambda n: nested(n, closed=False), deep, args.repeat
    )
    series(f"n paragraphs under {MAX_DEPTH - 10} wrappers", deep_paragraphs, wide, args.repeat)
    series("n unclosed <p><b> paragraphs", unclosed_paragraphs, wide, args.repeat)
    series("tables nested 300 deep, n cells", nested_tables, wide, args.repeat)


if __name__ == "__main__":
    main()
