"""praktyki's article extractor against trafilatura on real pages nobody here wrote.

Run: ``uv run --extra bench python benchmarks/bench_articles.py [--corpus aeb|trafeval|all]
[--only praktyki|trafilatura] [--worst N]``.

Corpora (read from ``../shared/corpora`` beside the repository, or the nearest ``shared/corpora``
further up; skipped with a message when absent):

* ``aeb`` — ``aeb-dev``: 87 news/blog pages with gold bodies (half of Zyte's
  article-extraction-benchmark). Metric of that benchmark's ``evaluate.py``: tokens are ``\\w+``
  matches (not case-folded), shingles are runs of 4 tokens counted as a multiset (a text of fewer
  than 4 tokens is one shorter shingle); per page TP/FP/FN are divided by TP+FP+FN; precision and
  recall are means over pages, F1 = 2PR/(P+R) of the means. As the corpus README says, a page with
  no output scores precision 0 when its gold is not empty (``evaluate.py`` leaves such a page out
  of the precision mean instead, which flatters empty output).
* ``trafeval`` — ``trafeval-dev``: 635 pages from trafilatura's evaluation set. Body: per page the
  ``with`` snippets found in the whitespace-normalized text are TP, those missing FN, the
  ``without`` snippets found FP, summed over pages. Title: equal after whitespace normalization
  and case-folding. Date: first 10 characters equal; a date on a page whose gold date is ``""``
  is an error, counted separately.

Settings: praktyki is ``parse_ops_page(html, url, content_type)`` with the bodies of all records of
a page joined by a blank line (title and date from the first record). trafilatura is
``trafilatura.extract(html, include_comments=False)`` as in the published benchmark's
``extractors/run_trafilatura.py`` (no url, default settings otherwise), fed the same decoded text
as praktyki; its title and date come from ``trafilatura.extract_metadata(html)``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from praktyki.errors import PraktykiError
from praktyki.parsers.decode import decode_html
from praktyki.parsers.ops import parse_ops_page

ROOT = Path(__file__).resolve().parent.parent


def _corpora() -> Path:
    """``../shared/corpora`` beside the clone; a worktree nested deeper finds it further up."""
    for folder in ROOT.parents:
        if (folder / "shared" / "corpora").is_dir():
            return folder / "shared" / "corpora"
    return ROOT.parent / "shared" / "corpora"


CORPORA = _corpora()
_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Extraction:
    """What one tool gave for one page."""

    body: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    failure: str = ""  # why the body is empty or partial, when the tool says so
    seconds: float = 0.0
    records: int = 1  # praktyki: articles found on the page
    confidence: float = 1.0  # praktyki: the lowest OpsPage.confidence of the page


@dataclass(frozen=True)
class Page:
    page_id: str
    url: str
    html: bytes
    gold: dict[str, object] = field(default_factory=dict)


def _pages(folder: Path, gold_file: str) -> Iterator[Page]:
    gold: dict[str, dict[str, object]] = json.loads((folder / gold_file).read_text("utf-8"))
    for page_id, truth in sorted(gold.items()):
        html = gzip.decompress((folder / f"{page_id}.html.gz").read_bytes())
        yield Page(page_id, str(truth.get("url", "")), html, truth)


def _page_url(url: str, page_id: str) -> str:
    """trafeval ids some pages as ``hard::site-name.html``: give the parser an address anyway."""
    return url if url.startswith(("http://", "https://")) else f"https://{page_id}.invalid/"


# --- the tools -------------------------------------------------------------------------------


def run_praktyki(page: Page) -> Extraction:
    start = time.perf_counter()
    url = _page_url(page.url, page.page_id)
    try:
        records = parse_ops_page(page.html, url, None)
    except PraktykiError as exc:
        return Extraction("", failure=exc.reason, seconds=time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - a crash is a finding to print, not a stop
        failure = f"EXCEPTION {type(exc).__name__}: {exc}"
        return Extraction("", failure=failure, seconds=time.perf_counter() - start)
    seconds = time.perf_counter() - start
    body = "\n\n".join(record.body for record in records)
    first = records[0]
    date = first.published_at.date().isoformat() if first.published_at else None
    failure = "" if body.strip() else "empty body"
    confidence = min(record.confidence for record in records)
    if confidence < 1:
        failure = f"fallback (confidence {confidence})"
    return Extraction(body, first.title, date, failure, seconds, len(records), confidence)


def run_trafilatura(page: Page) -> Extraction:
    text = decode_html(page.html, None).text
    start = time.perf_counter()
    body = trafilatura.extract(text, include_comments=False) or ""
    seconds = time.perf_counter() - start
    meta = trafilatura.extract_metadata(text)
    title = meta.title if meta is not None else None
    date = meta.date if meta is not None else None
    return Extraction(
        body, title, date[:10] if date else None, "" if body else "no output", seconds
    )


TOOLS: dict[str, Callable[[Page], Extraction]] = {
    "praktyki": run_praktyki,
    "trafilatura": run_trafilatura,
}


# --- aeb-dev: the article-extraction-benchmark metric ----------------------------------------


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def shingle_tp_fp_fn(gold: str, got: str) -> tuple[float, float, float]:
    """TP, FP, FN of the 4-token shingles, each divided by their sum (0, 0, 0 for two empties)."""
    want, have = shingles(gold), shingles(got)
    tp = float(sum((want & have).values()))
    fp = float(sum((have - want).values()))
    fn = float(sum((want - have).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def _records_note(tool: str, extractions: list[Extraction]) -> str:
    """For praktyki: pages split into several records, pages read by the fallback."""
    if tool != "praktyki":
        return ""
    several = sum(1 for got in extractions if got.records > 1)
    fallback = sum(1 for got in extractions if got.confidence < 1)
    return f"  several-record pages {several}  fallback pages {fallback}"


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def run_aeb(tools: list[str], worst: int) -> None:
    folder = CORPORA / "aeb-dev"
    if not (folder / "ground-truth.json").exists():
        print(f"aeb-dev: skipped, {folder} is absent")
        return
    pages = list(_pages(folder, "ground-truth.json"))
    rows: dict[str, list[tuple[float, float, float, Page, Extraction]]] = {t: [] for t in tools}
    for page in pages:
        gold = str(page.gold.get("articleBody", ""))
        for tool in tools:
            got = TOOLS[tool](page)
            tp, fp, fn = shingle_tp_fp_fn(gold, got.body)
            precision, recall = page_precision(tp, fp, fn), page_recall(tp, fp, fn)
            rows[tool].append((precision, recall, _f1(precision, recall), page, got))
    print(f"aeb-dev ({len(pages)} pages): 4-token shingles, means over pages")
    for tool in tools:
        extractions = [row[4] for row in rows[tool]]
        precision = statistics.mean(row[0] for row in rows[tool])
        recall = statistics.mean(row[1] for row in rows[tool])
        empty = sum(1 for row in rows[tool] if not row[4].body.strip())
        seconds = sum(row[4].seconds for row in rows[tool])
        print(
            f"  {tool:<12} P {precision:.3f}  R {recall:.3f}  F1 {_f1(precision, recall):.3f}"
            f"  empty {empty}  zero-F1 {sum(1 for row in rows[tool] if row[2] == 0)}"
            f"  time {seconds:.1f}s{_records_note(tool, extractions)}"
        )
    for tool in tools:
        print(f"  worst pages, {tool}:")
        for precision, recall, score, page, got in sorted(rows[tool], key=lambda r: r[2])[:worst]:
            print(
                f"    {score:.3f} P {precision:.3f} R {recall:.3f}  {page.page_id[:12]}"
                f"  {page.url[:70]}  {got.failure}"
            )
    print()


# --- trafeval-dev: snippets, titles and dates ------------------------------------------------


def _normal(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _snippets(value: object) -> list[str]:
    return [_normal(str(item)) for item in value] if isinstance(value, list) else []


@dataclass
class TrafevalScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    titled: int = 0
    titles_right: int = 0
    dated: int = 0
    dates_right: int = 0
    undated: int = 0
    dates_on_undated: int = 0
    empty: int = 0
    seconds: float = 0.0
    extractions: list[Extraction] = field(default_factory=list)
    misses: list[tuple[int, Page, Extraction]] = field(default_factory=list)

    def add(self, page: Page, got: Extraction) -> None:
        text = _normal(got.body)
        with_ = _snippets(page.gold.get("with"))
        without = _snippets(page.gold.get("without"))
        tp = sum(1 for snippet in with_ if snippet in text)
        fp = sum(1 for snippet in without if snippet in text)
        self.tp, self.fn, self.fp = self.tp + tp, self.fn + len(with_) - tp, self.fp + fp
        self.empty += not text
        self.seconds += got.seconds
        self.extractions.append(got)
        if len(with_) - tp + fp:
            self.misses.append((len(with_) - tp + fp, page, got))
        if "title" in page.gold:
            self.titled += 1
            gold_title = _normal(str(page.gold["title"])).casefold()
            self.titles_right += _normal(got.title).casefold() == gold_title
        gold_date = str(page.gold.get("date", ""))
        if "date" not in page.gold:
            return
        if gold_date:
            self.dated += 1
            self.dates_right += (got.date or "")[:10] == gold_date[:10]
        else:
            self.undated += 1
            self.dates_on_undated += bool(got.date)

    def summary(self) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return (
            f"P {precision:.3f}  R {recall:.3f}  F1 {_f1(precision, recall):.3f}"
            f"  empty {self.empty}"
            f"  title {self.titles_right}/{self.titled} = {self.titles_right / self.titled:.3f}"
            f"  date {self.dates_right}/{self.dated} = {self.dates_right / self.dated:.3f}"
            f"  dates on undated {self.dates_on_undated}/{self.undated}  time {self.seconds:.1f}s"
        )


def run_trafeval(tools: list[str], worst: int) -> None:
    folder = CORPORA / "trafeval-dev"
    if not (folder / "gold.json").exists():
        print(f"trafeval-dev: skipped, {folder} is absent")
        return
    scores = {tool: TrafevalScore() for tool in tools}
    pages = 0
    for page in _pages(folder, "gold.json"):
        pages += 1
        for tool in tools:
            scores[tool].add(page, TOOLS[tool](page))
    print(f"trafeval-dev ({pages} pages): snippets summed over pages; title/date exact")
    for tool in tools:
        note = _records_note(tool, scores[tool].extractions)
        print(f"  {tool:<12} {scores[tool].summary()}{note}")
    for tool in tools:
        print(f"  worst pages, {tool} (missed with + found without):")
        for errors, page, got in sorted(scores[tool].misses, key=lambda m: -m[0])[:worst]:
            print(f"    {errors}  {page.page_id}  {page.url[:70]}  {got.failure}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=["aeb", "trafeval", "all"], default="all")
    parser.add_argument("--only", choices=sorted(TOOLS), help="run one tool (default: both)")
    parser.add_argument("--worst", type=int, default=15, help="worst pages listed per tool")
    args = parser.parse_args()
    tools = [args.only] if args.only else list(TOOLS)
    if args.corpus in ("aeb", "all"):
        run_aeb(tools, args.worst)
    if args.corpus in ("trafeval", "all"):
        run_trafeval(tools, args.worst)


if __name__ == "__main__":
    main()
