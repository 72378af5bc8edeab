"""Parse throughput on the summary-page ("Skrót i Metryka") fixtures.

Runs praktyki's ``parse_practice`` and, in the same run, a BeautifulSoup(html.parser)
extraction of the same fields (title, category, summary, Metryka pairs) as the baseline, on
one core. Prints pages/s for both and their ratio, then where praktyki's time goes. Time is
this process's CPU time (``time.process_time``): on a shared machine, wall-clock time would
count other processes' turns on the core against whichever side happened to be running::

    uv run python benchmarks/bench_parse.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from selectolax.lexbor import LexborHTMLParser

from praktyki.parsers.bdp import parse_practice
from praktyki.parsers.decode import decode_html
from praktyki.parsers.html import layout_lines, parse_tree
from praktyki.parsers.metryka import build_metryka

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "bdp"
URL = "https://archiwum.dobrepraktyki.pl/index.php?p1=1&p2=2&art=1"
_PAIR = re.compile(r"^([^\W\d_][^:]{0,60}?)\s*:\s*(.*)$")


def pages() -> list[bytes]:
    found = sorted(FIXTURES.rglob("practice_*.html"))
    bodies = [path.read_bytes() for path in found]
    usable = []
    for body in bodies:
        try:
            parse_practice(body, URL)
        except Exception:  # error-case fixtures are not summary pages
            continue
        usable.append(body)
    return usable


def praktyki_extract(body: bytes) -> object:
    return parse_practice(body, URL)


def soup_extract(body: bytes) -> object:
    """A fair baseline: the same text-anchored reading, over BeautifulSoup's text."""
    soup = BeautifulSoup(decode_html(body).text, "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    lines = [" ".join(s.split()) for s in soup.get_text("\n").split("\n")]
    lines = [line for line in lines if line]
    tab = next(i for i, line in enumerate(lines) if "Skrót i Metryka" in line)
    category = lines[tab - 2]
    title = lines[tab - 1]
    metryka = lines.index("Metryka praktyki", tab)
    end = next((i for i in range(metryka, len(lines)) if "Skrót i Metryka" in lines[i]), len(lines))
    summary = "\n\n".join(lines[tab + 1 : metryka])
    pairs: list[list[str]] = []
    for line in lines[metryka + 1 : end]:
        match = _PAIR.match(line)
        if match and match[1][0].isupper():
            pairs.append([match[1], match[2]])
        elif pairs:
            pairs[-1][1] += "\n" + line
    return category, title, summary, pairs


def rate(extract: Callable[[bytes], object], bodies: list[bytes], seconds: float) -> float:
    done = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for body in bodies:
            extract(body)
        done += len(bodies)
    return done / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    bodies = pages()
    size = sum(map(len, bodies)) / len(bodies)
    print(f"{len(bodies)} summary pages, {size / 1024:.1f} KiB on average, one core")
    ours = rate(praktyki_extract, bodies, args.seconds)
    print(f"praktyki parse_practice:        {ours:8.0f} pages/s")
    baseline = rate(soup_extract, bodies, args.seconds)
    print(f"BeautifulSoup(html.parser):     {baseline:8.0f} pages/s")
    print(f"ratio:                          {ours / baseline:8.1f}x")
    # Where praktyki's time goes, per page (same pages, same core).
    raws = [parse_practice(body, URL).metryka.raw for body in bodies]
    decode = rate(decode_html, bodies, args.seconds / 3)
    tree = rate(lambda body: parse_tree(body, None), bodies, args.seconds / 3)
    trees = [parse_tree(body, None)[0] for body in bodies]
    lines = rate_walk(trees, args.seconds / 3)
    build = rate_pairs(raws, args.seconds / 3)
    print(f"  of which decode_html:         {1e6 / decode:8.0f} us/page")
    print(f"  of which lexbor parsing:      {1e6 / tree - 1e6 / decode:8.0f} us/page")
    print(f"  of which layout_lines:        {1e6 / lines:8.0f} us/page")
    print(f"  of which build_metryka:       {1e6 / build:8.0f} us/page")
    print(f"  total:                        {1e6 / ours:8.0f} us/page")


def rate_walk(trees: list[LexborHTMLParser], seconds: float) -> float:
    bodies = [tree.body for tree in trees if tree.body is not None]
    done = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for body in bodies:
            layout_lines(body)
        done += len(bodies)
    return done / (time.process_time() - start)


def rate_pairs(raws: list[tuple[tuple[str, str], ...]], seconds: float) -> float:
    done = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for raw in raws:
            build_metryka(raw)
        done += len(raws)
    return done / (time.process_time() - start)


if __name__ == "__main__":
    main()
