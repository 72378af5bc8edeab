"""Body-text F1 of praktyki's OPS extractor against trafilatura, on the same pages.

Run: ``uv run --extra bench python benchmarks/bench_ops_extract.py [--corpus handmade|replica|all]``
(default ``all``: both corpora, each with its own per-page table and mean).

Metric: token-level precision / recall / F1 over word tokens (``\\w+``, case-folded, counted as a
multiset) of the extracted body against the expected body. For a page with several articles
the bodies are joined. trafilatura runs as ``trafilatura.extract(html, include_comments=False)``.

Title and date are scored on the page's first article, as trafeval does: the title equal after
whitespace normalization and case-folding; the publication date's ``YYYY-MM-DD`` equal, and on a
page with no publication date any date given is an error (counted as "dates on undated pages").
trafilatura's title and date come from ``trafilatura.extract_metadata``.

A corpus is any iterable of ``(html bytes, url, content_type, expected body)``; add one to
``CORPORA``. ``replica`` is every article page of the five OPS replica sites
(``praktyki_replica.ops_truth.pages``), ``handmade`` the hand-written pages in
``tests/fixtures/ops/handmade`` (holdout pages included).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import trafilatura

from praktyki.errors import ParseError
from praktyki.parsers.decode import decode_html
from praktyki.parsers.ops import parse_ops_page
from praktyki_replica import ops_truth

Page = tuple[bytes, str, str | None, str, str, str]  # html, url, type, body, title, date
Extracted = tuple[str, str, str]  # body, title, date ("" when none)
ROOT = Path(__file__).resolve().parent.parent
HANDMADE = ROOT / "tests" / "fixtures" / "ops" / "handmade"
_TOKEN = re.compile(r"\w+")


def handmade_corpus() -> Iterator[Page]:
    """The handmade fixtures: hand-written ``<case>.body.txt`` is the expected body."""
    cases = tomllib.loads((HANDMADE / "cases.toml").read_text(encoding="utf-8"))
    for name, case in sorted(cases.items()):
        if not (HANDMADE / f"{name}.body.txt").exists():
            continue  # a list page: no article to score (see ``list_pages``)
        html = (HANDMADE / f"{name}.html").read_bytes()
        expected = (HANDMADE / f"{name}.body.txt").read_text(encoding="utf-8")
        first = json.loads((HANDMADE / f"{name}.json").read_text(encoding="utf-8"))[0]
        title, date = first["title"], (first["published_at"] or "")[:10]
        yield html, case["url"], case.get("content_type"), expected, title, date


def replica_corpus() -> Iterator[Page]:
    """Every article page of the OPS replica sites against their ground truth."""
    for page in ops_truth.truth_pages():
        first = page.records[0]
        date = first.published_at.date().isoformat() if first.published_at else ""
        yield page.body, page.url, page.content_type, page.expected_body, first.title, date


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


def praktyki_body(html: bytes, url: str, content_type: str | None) -> Extracted:
    try:
        records = parse_ops_page(html, url, content_type)
    except ParseError:
        return "", "", ""
    first = records[0]
    date = first.published_at.date().isoformat() if first.published_at else ""
    return "\n\n".join(record.body for record in records), first.title, date


def trafilatura_body(html: bytes, url: str, content_type: str | None) -> Extracted:
    text = decode_html(html, content_type).text
    body = trafilatura.extract(text, url=url, include_comments=False) or ""
    meta = trafilatura.extract_metadata(text, default_url=url)
    if meta is None:
        return body, "", ""
    return body, meta.title or "", (meta.date or "")[:10]


def _same_title(got: str, expected: str) -> bool:
    return " ".join(got.split()).casefold() == " ".join(expected.split()).casefold()


EXTRACTORS: dict[str, Callable[[bytes, str, str | None], Extracted]] = {
    "praktyki": praktyki_body,
    "trafilatura": trafilatura_body,
}


def run(corpus: str) -> dict[str, float]:
    """Print one row per page and the means; return the mean F1 per extractor."""
    scores: dict[str, list[float]] = {name: [] for name in EXTRACTORS}
    meta: dict[str, Counter[str]] = {name: Counter() for name in EXTRACTORS}
    seconds: dict[str, float] = dict.fromkeys(EXTRACTORS, 0.0)
    header = f"{corpus + ' page':<60}" + "".join(f"{name:>28}" for name in EXTRACTORS)
    print(header)
    print(f"{'':<60}" + f"{'P     R     F1':>28}" * len(EXTRACTORS))
    for html, url, content_type, expected, title, date in CORPORA[corpus]():
        row = f"{url[-60:]:<60}"
        for name, extract in EXTRACTORS.items():
            start = time.perf_counter()
            got, got_title, got_date = extract(html, url, content_type)
            seconds[name] += time.perf_counter() - start
            _count_meta(meta[name], (got_title, got_date), (title, date))
            precision, recall, score = f1(got, expected)
            scores[name].append(score)
            row += f"{precision:>16.3f} {recall:.3f} {score:.3f}"
        print(row)
    print("-" * len(header))
    means = {name: statistics.mean(values) for name, values in scores.items()}
    pages = len(next(iter(scores.values())))
    print(f"{f'mean F1 ({pages} pages)':<60}" + "".join(f"{m:>28.3f}" for m in means.values()))
    print(f"{'min F1':<60}" + "".join(f"{min(v):>28.3f}" for v in scores.values()))
    print(
        f"{'title right':<60}"
        + "".join(f"{_share(c, 'title', 'pages'):>28}" for c in meta.values())
    )
    print(
        f"{'date right (dated pages)':<60}"
        + "".join(f"{_share(c, 'date', 'dated'):>28}" for c in meta.values())
    )
    print(
        f"{'dates on undated pages':<60}"
        + "".join(f"{_share(c, 'wrong date', 'undated'):>28}" for c in meta.values())
    )
    times = "".join(f"{seconds[name] * 1000:>26.1f}ms" for name in EXTRACTORS)
    print(f"{'total time':<60}{times}")
    print()
    return means


def _count_meta(counts: Counter[str], got: tuple[str, str], expected: tuple[str, str]) -> None:
    counts["pages"] += 1
    counts["title"] += _same_title(got[0], expected[0])
    if expected[1]:
        counts["dated"] += 1
        counts["date"] += got[1] == expected[1]
    else:
        counts["undated"] += 1
        counts["wrong date"] += bool(got[1])


def _share(counts: Counter[str], part: str, whole: str) -> str:
    return f"{counts[part]}/{counts[whole]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=[*sorted(CORPORA), "all"], default="all")
    args = parser.parse_args()
    names = sorted(CORPORA) if args.corpus == "all" else [args.corpus]
    summary = {name: run(name) for name in names}
    for name, means in summary.items():
        print(f"{name:<12}" + "  ".join(f"{tool} {mean:.3f}" for tool, mean in means.items()))


if __name__ == "__main__":
    main()
