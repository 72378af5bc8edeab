"""The "Załączniki" tab (``s=3``): files, their absolute URLs and the type/size shown."""

from __future__ import annotations

import re

from praktyki.parsers.bdp_page import is_tab_fragment, read_skeleton
from praktyki.parsers.hrefs import join_href, split_url
from praktyki.parsers.html import normalize_space
from praktyki.schemas.bdp import Attachment, AttachmentsPage

__all__ = ["parse_attachments"]

_FILE_EXT = re.compile(
    r"\.(pdf|docx?|xlsx?|pptx?|pps|od[tsp]|rtf|txt|zip|rar|7z|jpe?g|png|gif|tiff?)$",
    re.IGNORECASE,
)
_FILE_PATH = re.compile(r"download|pobierz|zalacznik|attach|file", re.IGNORECASE)
# "(PDF, 245 KB)", "[doc; 1,2 MB]", "pdf 245kB"
_TYPE_SIZE = re.compile(
    r"(?P<type>\b[A-Za-z][A-Za-z0-9]{1,4})\s*[,;]?\s*(?P<size>\d+(?:[.,]\d+)?\s*(?P<unit>[kKMG]?i?B)\b)"
)
_UNITS = {"b": 1, "kb": 1024, "kib": 1024, "mb": 1024**2, "mib": 1024**2, "gb": 1024**3}


def parse_attachments(body: bytes, url: str, content_type: str | None = None) -> AttachmentsPage:
    """Files linked from the tab's content, in page order, deduplicated by URL."""
    page = read_skeleton(body, url, content_type)
    content_text = [line.text for line in page.content]
    # A name (whitespace-normalized: no "\n") is in this text exactly when it is in one of
    # the content lines: one scan rejects the menu and footer links before their URLs are
    # resolved, most of the links of a page.
    content = "\n".join(content_text)
    attachments: list[Attachment] = []
    seen: set[str] = set()
    for anchor in page.tree.css("a[href]"):
        name = normalize_space(anchor.text(separator=" ", strip=False) or "")
        if not name or name not in content or is_tab_fragment(name):
            continue  # no name, a tab, or a file linked from the menu or footer
        absolute = join_href(url, (anchor.attributes.get("href") or "").strip())
        if absolute is None or absolute in seen or not _is_file(absolute):
            continue
        line = next(text for text in content_text if name in text)
        seen.add(absolute)
        attachments.append(_attachment(name, absolute, line))
    return AttachmentsPage(
        url=url, practice_id=page.practice_id, title=page.title, attachments=tuple(attachments)
    )


def _is_file(url: str) -> bool:
    parts = split_url(url)
    return (
        parts is not None
        and parts.scheme in ("http", "https", "ftp", "file")
        and bool(_FILE_EXT.search(parts.path) or _FILE_PATH.search(parts.path + "?" + parts.query))
    )


def _attachment(name: str, url: str, line: str) -> Attachment:
    shown = line.split(name, 1)[1]
    match = _TYPE_SIZE.search(shown)
    if match is None:
        return Attachment(name=name, url=url)
    size_text = normalize_space(match["size"])
    return Attachment(
        name=name,
        url=url,
        file_type=match["type"].upper(),
        size_text=size_text,
        size_bytes=_size_bytes(size_text, match["unit"]),
    )


def _size_bytes(size_text: str, unit: str) -> int | None:
    number = size_text[: len(size_text) - len(unit)].strip().replace(",", ".")
    factor = _UNITS.get(unit.lower())
    try:
        return round(float(number) * factor) if factor else None
    except ValueError:
        return None
