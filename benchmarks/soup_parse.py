"""The baseline of ``bench_parse_cli.py``: a plain BeautifulSoup + lxml script.

What a researcher would write to pull the same fields out of a folder of saved pages:
BDP practice tabs (category, title, summary, Metryka ``Label: value`` pairs), BDP presentation
and attachment tabs, BDP listings (practice links), OPS articles (title, dates, body). One
JSON object per page on stdout, like ``praktyki parse --json``::

    python benchmarks/soup_parse.py FILE...
"""

from __future__ import annotations

import json
import re
import sys

from bs4 import BeautifulSoup

_PAIR = re.compile(r"^([^\W\d_][^:]{0,60}?)\s*:\s*(.*)$")
_SAVED = re.compile(rb"<!-- saved from url=\(\d+\)(\S+) -->")
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})\b")
_FILE = re.compile(r"\.(pdf|docx?|xlsx?|od[ts]|rtf|zip|jpe?g)$", re.IGNORECASE)


def text_lines(soup: BeautifulSoup) -> list[str]:
    for tag in soup(["script", "style", "head", "noscript"]):
        tag.decompose()
    lines = (" ".join(s.split()) for s in soup.get_text("\n").split("\n"))
    return [line for line in lines if line]


def bdp_practice(lines: list[str], tab: int) -> dict[str, object]:
    metryka = lines.index("Metryka praktyki", tab)
    pairs: list[list[str]] = []
    for line in lines[metryka + 1 :]:
        match = _PAIR.match(line)
        if match and match[1][0].isupper():
            pairs.append([match[1], match[2]])
        elif pairs:
            pairs[-1][1] += "\n" + line
    return {
        "kind": "bdp_practice",
        "category": lines[tab - 2],
        "title": lines[tab - 1],
        "summary": "\n\n".join(lines[tab + 1 : metryka]),
        "raw": pairs,
    }


def bdp_tab(soup: BeautifulSoup, lines: list[str], tab: int) -> dict[str, object]:
    files = [a["href"] for a in soup.find_all("a", href=True) if _FILE.search(a["href"])]
    if files:
        return {"kind": "bdp_attachments", "title": lines[tab - 1], "files": files}
    return {"kind": "bdp_presentation", "title": lines[tab - 1], "text": "\n".join(lines[tab:])}


def ops_article(soup: BeautifulSoup) -> dict[str, object]:
    heading = soup.find(["h1", "h2"])
    title = heading.get_text(" ", strip=True) if heading else (soup.title.string or "")
    # the element holding the most paragraph text is the article
    best, best_len = None, 0
    for container in soup.find_all(["article", "main", "div", "td", "section"]):
        size = sum(len(p.get_text()) for p in container.find_all("p", recursive=False))
        if size > best_len:
            best, best_len = container, size
    body = best.get_text("\n", strip=True) if best is not None else ""
    dates = _DATE.findall(soup.get_text(" "))
    return {
        "kind": "ops_page",
        "title": title,
        "published_at": dates[0] if dates else None,
        "body": body,
    }


def parse(path: str) -> dict[str, object]:
    raw = open(path, "rb").read()  # noqa: PTH123, SIM115 - a plain script, as users write
    saved = _SAVED.search(raw[:300])
    soup = BeautifulSoup(raw, "lxml")
    links = [a["href"] for a in soup.find_all("a", href=True) if "art=" in a["href"]]
    lines = text_lines(soup)
    tab = next((i for i, line in enumerate(lines) if "Skrót i Metryka" in line), None)
    if tab is not None and "Metryka praktyki" in lines[tab:]:
        record = bdp_practice(lines, tab)
    elif tab is not None:
        record = bdp_tab(soup, lines, tab)
    elif len(links) > 5:
        record = {"kind": "bdp_listing", "links": links}
    else:
        record = ops_article(soup)
    record["url"] = saved[1].decode() if saved else None
    record["path"] = path
    return record


def main() -> None:
    for path in sys.argv[1:]:
        try:
            record = parse(path)
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the script
            record = {"path": path, "error": str(exc)}
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
