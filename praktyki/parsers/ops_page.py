"""Page-level facts of an OPS page: breadcrumb trail, site name, ``<title>`` segments."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from praktyki.parsers.chrome import is_chrome_line
from praktyki.parsers.content import Linearized
from praktyki.parsers.ops_institution import INSTITUTION_NAME

__all__ = ["breadcrumb", "site_name_of", "title_segments"]

_CRUMB_LABEL = re.compile(
    r"^(jesteś tutaj|jesteś w|jestes tutaj|znajdujesz się( w| na)?|tu jesteś|twoja lokalizacja|"
    r"lokalizacja|ścieżka|nawigacja okruszkowa)\s*:?\s*",
    re.IGNORECASE,
)
_CRUMB_SPLIT = re.compile(r"\s*(?:[❯›»>→▸►▶|\\]|\s/\s|::)\s*")
_CRUMB_ATTR = re.compile(r"breadcrumb|okruszk|sciezka|ścieżka", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"\s+[-–—|:»›•]+\s+|\s*\|\s*|\s*::\s*")
_SITE = re.compile(
    r"(?i:pomocy społecznej|usług społecznych|pomocy rodzinie)|"
    r"\b(?:M|G|MG|P|MG-)?OPS(?:R)?\b|\b(?:MOPR|PCPR|CUS)\b"
)


def breadcrumb(page: Linearized) -> tuple[str, ...]:
    """The trail after "Jesteś tutaj:" (or in a breadcrumb-named block), without the label."""
    for index, line in enumerate(page.lines[:400]):
        label = _CRUMB_LABEL.match(line.text)
        if label is None:
            continue
        rest = line.text[label.end() :]
        if _CRUMB_SPLIT.search(rest):
            return _crumbs(rest)
        # crumbs in their own elements (``<li>``s): the label's smallest multi-line container
        for node_id in reversed(line.path):
            start, end = page.span(node_id)
            if 2 <= end - start <= 12 and start <= index:
                texts = [page.lines[i].text for i in range(start, end) if i != index]
                return _crumbs(" ❯ ".join([rest, *texts]))
    for node_id, node in page.nodes.items():
        names = f"{node.attributes.get('id') or ''} {node.attributes.get('class') or ''} "
        names += node.attributes.get("aria-label") or ""
        if _CRUMB_ATTR.search(names):
            texts = [line.text for line in page.within(node_id)]
            if 1 <= len(texts) <= 12:
                return _crumbs(" ❯ ".join(_CRUMB_LABEL.sub("", t) for t in texts))
    return ()


def _crumbs(text: str) -> tuple[str, ...]:
    parts = (part.strip(" :/❯›»>|") for part in _CRUMB_SPLIT.split(text))
    return tuple(part for part in parts if part and any(ch.isalnum() for ch in part))


def title_segments(tree: LexborHTMLParser) -> list[str]:
    """The parts of ``<title>`` split on the usual separators ("Page - Site | Town")."""
    node = tree.css_first("title")
    text = node.text(strip=True) if node is not None else ""
    return [part.strip() for part in _TITLE_SPLIT.split(text) if part.strip()]


def site_name_of(
    tree: LexborHTMLParser, page: Linearized, main_start: int, titles: list[str]
) -> str | None:
    """The centre's name as the site shows it: og:site_name, a header line, a title segment."""
    meta = tree.css_first('meta[property="og:site_name"]')
    content = (meta.attributes.get("content") or "").strip() if meta is not None else ""
    if content:
        return content
    for line in page.lines[:main_start]:
        text = line.text
        if line.link_density > 0.5 and line.strong is False and len(text) < 40:
            continue  # a menu item ("Dom Pomocy Społecznej"), not the site's own name
        named = len(text) <= 100 and _SITE.search(text) and INSTITUTION_NAME.search(text)
        if named and is_chrome_line(text) is None and not re.search(r"\d{2}-\d{3}", text):
            return text
    for segment in titles:
        if _SITE.search(segment):
            return segment
    return None
