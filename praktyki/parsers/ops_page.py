"""Page-level facts of an OPS page: breadcrumb trail, site name, ``<title>`` segments."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from praktyki.parsers.chrome import is_chrome_line
from praktyki.parsers.content import Line, Linearized
from praktyki.parsers.hrefs import join_href, split_url
from praktyki.parsers.ops_institution import INSTITUTION_NAME
from praktyki.parsers.ops_meta import is_meta_line

__all__ = ["breadcrumb", "site_name_of", "title_segments"]

_CRUMB_LABEL = re.compile(
    r"^(jesteś tutaj|jesteś w|jestes tutaj|znajdujesz się( w| na)?|tu jesteś|twoja lokalizacja|"
    r"lokalizacja|ścieżka( nawigacyjna| nawigacji| dostępu| okruszków)?|"
    r"nawigacja( okruszkowa| okruszków| ścieżki)?|okruszki|breadcrumbs?|you are here)\s*:?\s*",
    re.IGNORECASE,
)
# class names of text shown only to screen readers (a trail's hidden "Ścieżka nawigacyjna")
_SCREEN_READER = re.compile(
    r"\b(visually-hidden|sr-only|screen-reader-text|element-invisible|hidden-accessible|"
    r"wcag-hidden|offscreen|show-for-sr)\b",
    re.IGNORECASE,
)
_CRUMB_SPLIT = re.compile(r"\s*(?:[❯›»>→▸►▶|\\]|\s/\s|::)\s*")
_CRUMB_ATTR = re.compile(r"breadcrumb|okruszk|sciezka|ścieżka|pathway", re.IGNORECASE)
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
            texts = [line.text for line in page.within(node_id) if not _screen_reader(page, line)]
            if 1 <= len(texts) <= 12:
                crumbs = _crumbs(" ❯ ".join(_CRUMB_LABEL.sub("", t) for t in texts))
                return crumbs if len(crumbs) > 1 else _crumbs_by_links(node) or crumbs
    return ()


def _crumbs_by_links(node: LexborNode) -> tuple[str, ...]:
    """A trail whose dividers are images (Joomla 1.5's arrow.png): its links, then the rest."""
    links = [" ".join(a.text(separator=" ", strip=True).split()) for a in node.css("a")]
    links = [text for text in links if text]
    if not links:
        return ()
    rest = " ".join(node.text(separator=" ", strip=True).split())
    for text in links:
        rest = rest.replace(text, "", 1)
    return _crumbs(" ❯ ".join([*links, rest]))


def _screen_reader(page: Linearized, line: Line) -> bool:
    """The line sits in an element only screen readers announce."""
    for node_id in line.path:
        node = page.nodes.get(node_id)
        if node is not None and _SCREEN_READER.search(node.attributes.get("class") or ""):
            return True
    return False


def _crumbs(text: str) -> tuple[str, ...]:
    parts = (part.strip(" :/❯›»>|") for part in _CRUMB_SPLIT.split(text))
    kept = (part for part in parts if part and any(ch.isalnum() for ch in part))
    return tuple(part for part in kept if not _CRUMB_LABEL.fullmatch(part))


def title_segments(tree: LexborHTMLParser) -> list[str]:
    """The parts of ``<title>`` split on the usual separators ("Page - Site | Town")."""
    node = tree.css_first("title")
    text = node.text(strip=True) if node is not None else ""
    return [part.strip() for part in _TITLE_SPLIT.split(text) if part.strip()]


def site_name_of(
    tree: LexborHTMLParser, page: Linearized, main_start: int, titles: list[str], url: str
) -> str | None:
    """The site's own name, verbatim as the site shows it (never expanded or re-inflected).

    The most prominent form wins: ``og:site_name``; else the first header line (above the main
    content) that names a centre, such as the logo text; else the ``<title>`` segment naming a
    centre ("OPS Janów Lubelski - Centrum …" gives "OPS Janów Lubelski"). A BIP's header names
    the bulletin ("Biuletyn Informacji Publicznej Miejskiego Ośrodka …"): that is its site name;
    the centre itself is in ``institution``.
    """
    meta = tree.css_first('meta[property="og:site_name"]')
    content = (meta.attributes.get("content") or "").strip() if meta is not None else ""
    if content:
        return content
    for line in page.lines[:main_start]:
        text = line.text
        menu_item = line.link_density > 0.5 and not line.strong and len(text) < 40
        if menu_item and not _links_home(line, url):
            continue  # a menu item ("Dom Pomocy Społecznej"), not the site's own name
        if _CRUMB_GLYPH.search(text):
            continue  # a section trail ("OPS ❯ Godziny pracy")
        if _names_centre(text) and not is_meta_line(text):
            return text
    for image in tree.css("a[href] img[alt]"):
        # a logo: the home link's image, its alt text naming the centre
        alt = " ".join((image.attributes.get("alt") or "").split())
        link = image.parent
        while link is not None and link.tag != "a":
            link = link.parent
        href = (link.attributes.get("href") or "") if link is not None else ""
        if _names_centre(alt) and _is_home(href, url):
            return alt
    for segment in titles:
        if _SITE.search(segment):
            return segment
    return None


_CRUMB_GLYPH = re.compile(r"[❯›»→▸►▶]")
_HOME_PATHS = frozenset({"", "/", "/index.php", "/index.html", "/index.htm", "/pl", "/pl/"})


def _names_centre(text: str) -> bool:
    named = len(text) <= 100 and _SITE.search(text) and INSTITUTION_NAME.search(text)
    chrome = is_chrome_line(text)
    return bool(named) and chrome in (None, "bip banner") and not re.search(r"\d{2}-\d{3}", text)


def _links_home(line: Line, url: str) -> bool:
    """A link to the site's home page: what a logo or site title links to."""
    return any(_is_home(href, url) for href in line.hrefs)


def _is_home(href: str, url: str) -> bool:
    absolute = join_href(url, href)
    target = split_url(absolute) if absolute is not None else None
    here = split_url(url)
    if target is None or here is None:
        return False
    home = target.netloc == here.netloc and target.path in _HOME_PATHS
    return home and not target.query
