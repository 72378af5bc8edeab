"""Style "html5": semantic elements, ``<dl>`` for the Metryka, UTF-8, links on addresses."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from praktyki_replica.bdp_page import (
    Block,
    Category,
    Chrome,
    Links,
    Metryka,
    Pager,
    Paragraphs,
    Tabs,
    Templates,
    counter_text,
    text,
)

__all__ = ["render"]

_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_EMAIL = re.compile(r"^[\w.+-]+@[\w.-]+\.\w+$")


def render(chrome: Chrome, blocks: Sequence[Block], meta_charset: str) -> str:
    banner = f'<p class="project-banner">{text(chrome.banner)}</p>\n' if chrome.banner else ""
    body = "\n".join(TEMPLATES.block(b) for b in blocks)
    footer = "\n".join(f"<span>{text(line)}</span>" for line in chrome.footer)
    return f"""<!DOCTYPE html>
<html lang="pl">
<head>
  <meta charset="{meta_charset}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{text(chrome.page_title)}</title>
</head>
<body>
<header>
{banner}<nav class="site-menu" aria-label="Menu">
<ul>
{_menu(chrome)}
</ul>
</nav>
<form class="search" action="{chrome.search_href}" method="get">
<input type="search" name="q" aria-label="Szukaj"></form>
<aside class="visitors"><strong>{counter_text(chrome.counter)}</strong>
<span>gości odwiedziło nas</span> <span>od 1 kwietnia 2008 r.</span></aside>
</header>
<main>
<article>
{body}
</article>
</main>
<footer>
{footer}
</footer>
</body>
</html>
"""


def _menu(chrome: Chrome) -> str:
    items = []
    for item in chrome.menu:
        cls = ' class="sub"' if item.sub else ""
        mark = "» " if item.sub else ""
        items.append(f'<li{cls}>{mark}<a href="{item.href}">{text(item.name)}</a></li>')
    return "\n".join(items)


def _category(block: Category) -> str:
    sub = f" : {text(block.subsection)}" if block.subsection else ""
    return f'<p class="category"> {text(block.section)}{sub}</p>'


def _tabs(block: Tabs) -> str:
    links = " -&gt; ".join(f'<a href="{href}">{text(label)}</a>' for label, href in block.items)
    return f'<nav class="tabs">.:   {links}   :.</nav>'


def _paragraphs(block: Paragraphs) -> str:
    return '<div class="lead">\n' + "\n".join(f"<p>{text(p)}</p>" for p in block.items) + "\n</div>"


def _links(block: Links) -> str:
    head = f"<h2>{text(block.heading)}</h2>\n" if block.heading else ""
    items = [
        f'<li><a href="{href}">{text(label)}</a> <small>{text(note)}</small></li>'
        for label, href, note in block.items
    ]
    return head + '<ul class="entries">\n' + "\n".join(items) + "\n</ul>"


def _pager(block: Pager) -> str:
    parts = [
        f'<a href="{href}">{text(label)}</a>'
        if href
        else f'<span aria-current="page">{text(label)}</span>'
        for label, href in block.items
    ]
    return '<nav class="pager">' + " ".join(parts) + "</nav>"


def _value(line: str) -> str:
    """One value line; bare web and e-mail addresses become links, their text unchanged."""
    if _EMAIL.match(line):
        return f'<a href="mailto:{escape(line.lower())}">{text(line)}</a>'
    if _URL.match(line) and " " not in line:
        href = line if line.startswith("http") else "http://" + line
        return f'<a href="{escape(href)}">{text(line)}</a>'
    return text(line)


def _metryka(block: Metryka) -> str:
    rows = ['<section class="metryka">', "<h2>Metryka praktyki</h2>", "<dl>"]
    for line in block.lines:
        rows.append(f"<dt>{text(line.label)}:</dt>")
        rows.append("<dd>" + "<br>\n".join(_value(v) for v in line.lines) + "</dd>")
    rows += ["</dl>", "</section>"]
    return "\n".join(rows)


TEMPLATES = Templates(
    category=_category,
    title=lambda b: f"<h1>{text(b.text)}</h1>",
    tabs=_tabs,
    paragraphs=_paragraphs,
    heading=lambda b: f"<h{b.level + 1}>{text(b.text)}</h{b.level + 1}>",
    metryka=_metryka,
    links=_links,
    pager=_pager,
)
