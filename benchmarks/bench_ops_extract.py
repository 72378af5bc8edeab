"""Body-text F1 of praktyki's OPS extractor against trafilatura, on the same pages.

Run: ``uv run --extra bench python benchmarks/bench_ops_extract.py [--corpus handmade]``

Metric: token-level precision / recall / F1 over word tokens (``\\w+``, case-folded, counted as a
multiset) of the extracted body against the expected body. For a page with several articles
the bodies are joined. trafilatura runs as ``trafilatura.extract(html, include_comments=False)``.

A corpus is any iterable of ``(html bytes, url, expected body)``; add one to ``CORPORA`` (the OPS
replica's ground truth plugs in there through one function).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import trafilatura

from praktyki.errors import ParseError
from praktyki.parsers.decode import decode_html
from praktyki.parsers.ops import parse_ops_page

Page = tuple[bytes, str, str]
ROOT = Path(__file__).resolve().parent.parent
HANDMADE = ROOT / "tests" / "fixtures" / "ops" / "handmade"
_TOKEN = re.compile(r"\w+")


def handmade_corpus() -> Iterator[Page]:
    """The handmade fixtures: hand-written ``<case>.body.txt`` is the expected body."""
    cases = tomllib.loads((HANDMADE / "cases.toml").read_text(encoding="utf-8"))
    for name, case in sorted(cases.items()):
        html = (HANDMADE / f"{name}.html").read_bytes()
        yield html, case["url"], (HANDMADE / f"{name}.body.txt").read_text(encoding="utf-8")


def replica_corpus() -> Iterator[Page]:
    """The OPS replica's ground truth, once ``praktyki.replica`` exposes it."""
    try:
        from praktyki.replica import ops_truth  # type: ignore[attr-defined]
    except ImportError:
        sys.exit("the OPS replica ground truth is not available on this branch yet")
    yield from ops_truth.pages()


CORPORA: dict[str, Callable[[], Iterable[Page]]] = {
    "handmade": handmade_corpus,
    "replica": replica_corpus,
}


def tokens(text: str) -> Counter[str]:
    return Counter(token.casefold() for token in _TOKEN.findall(text))


def f1(got: str, expected: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the multiset of word tokens."""
    got_tokens, expected_tokens = tokens(got), tokens(expected)
    overlap = sum((got_tokens & expected_tokens).values())
    if not got_tokens or not expected_tokens:
        return (0.0, 0.0, 0.0) if got_tokens or expected_tokens else (1.0, 1.0, 1.0)
    precision = overlap / sum(got_tokens.values())
    recall = overlap / sum(expected_tokens.values())
    score = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, score


def praktyki_body(html: bytes, url: str) -> str:
    try:
        return "\n\n".join(record.body for record in parse_ops_page(html, url))
    except ParseError:
        return ""


def trafilatura_body(html: bytes, url: str) -> str:
    text = decode_html(html).text
    return trafilatura.extract(text, url=url, include_comments=False) or ""


EXTRACTORS: dict[str, Callable[[bytes, str], str]] = {
    "praktyki": praktyki_body,
    "trafilatura": trafilatura_body,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="handmade")
    args = parser.parse_args()
    scores: dict[str, list[float]] = {name: [] for name in EXTRACTORS}
    seconds: dict[str, float] = dict.fromkeys(EXTRACTORS, 0.0)
    header = f"{'page':<60}" + "".join(f"{name:>28}" for name in EXTRACTORS)
    print(header)
    print(f"{'':<60}" + f"{'P     R     F1':>28}" * len(EXTRACTORS))
    for html, url, expected in CORPORA[args.corpus]():
        row = f"{url[-60:]:<60}"
        for name, extract in EXTRACTORS.items():
            start = time.perf_counter()
            got = extract(html, url)
            seconds[name] += time.perf_counter() - start
            precision, recall, score = f1(got, expected)
            scores[name].append(score)
            row += f"{precision:>16.3f} {recall:.3f} {score:.3f}"
        print(row)
    print("-" * len(header))
    means = "".join(f"{statistics.mean(values):>28.3f}" for values in scores.values())
    print(f"{'mean F1':<60}{means}")
    times = "".join(f"{seconds[name] * 1000:>26.1f}ms" for name in EXTRACTORS)
    print(f"{'total time':<60}{times}")


if __name__ == "__main__":
    main()
