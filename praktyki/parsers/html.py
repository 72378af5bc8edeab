"""Text-anchored helpers over a selectolax (lexbor) tree.

The BDP parsers find their data by visible text, not by CSS classes: the markup of the real
site has never been seen here and old copies differ. This module turns a tree into *lines as a
reader sees them*: block elements and ``<br>`` break lines, inline elements join, ASCII
whitespace collapses, no-break and other odd spaces become plain spaces. Each line keeps a few
layout hints the extractors need to read label/value blocks in any markup:

* ``label`` — the line is a label by structure: a ``<dt>`` or the short first cell of a table
  row that has further cells (the value then follows on the next lines);
* ``indented`` — the visible text starts with a no-break (or other non-ASCII) space, the way
  BDP pages indent continuation lines of a value ("Osoby kontaktowe");
* ``heading`` — 1..6 for ``<h1>``..``<h6>``, 7 for a line whose text is entirely bold.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from praktyki.errors import ParseError
from praktyki.parsers.decode import Decoded, decode_html
from praktyki.parsers.limits import bound_markup

__all__ = [
    "Line",
    "find_labelled_block",
    "layout_lines",
    "normalize_space",
    "parse_tree",
    "text_lines",
]

Node = LexborNode

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "td",
        "th",
        "ul",
        "legend",
        "menu",
    ]
)
_SKIP = frozenset(
    [
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "title",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "select",
        "-comment",
        "!doctype",
    ]
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD = frozenset(("b", "strong"))
_BOLD_HEADING = 7
_EXIT_BLOCK = -1  # stack action; 0/1 are "leave an inline element" (1 = a bold one)
# What the walker does with a node, by tag (one dict lookup per node). Inline elements are
# 0 (plain) or 1 (bold: the value is added to the bold depth); blocks are _BLOCK + heading
# level (0 for a block that is not a heading), or _CELL / _DT for the label-bearing ones.
_INLINE, _BOLD_INLINE, _TEXT, _BR, _SKIPPED = 0, 1, 2, 3, 4
_BLOCK = 10
_CELL, _DT = _BLOCK + 8, _BLOCK + 9
_KIND_BY_TAG: dict[str, int] = {
    "-text": _TEXT,
    "br": _BR,
    **{tag: _SKIPPED for tag in _SKIP},
    **{tag: _BLOCK for tag in _BLOCK_TAGS},
    **{tag: _BLOCK + level for tag, level in _HEADINGS.items()},
    **{tag: _BOLD_INLINE for tag in _BOLD},
    "td": _CELL,
    "th": _CELL,
    "dt": _DT,
}


def _kinds_by_tag_id() -> dict[int, int]:
    """``_KIND_BY_TAG`` keyed by lexbor's tag id: ``node.tag_id`` is an int read from the node,
    while ``node.tag`` builds a new str for every element (a third of the walk's time)."""
    probe = LexborHTMLParser("<!doctype html><p>text<!-- comment --></p>")
    root = probe.root
    assert root is not None  # the probe is a fixed, valid document
    ids = {node.tag: node.tag_id for node in root.traverse(include_text=True)}
    kinds: dict[int, int] = {}
    for tag, kind in _KIND_BY_TAG.items():
        tag_id = ids[tag] if tag.startswith("-") else probe.create_node(tag).tag_id
        kinds[tag_id] = kind
    return kinds


_KINDS: Final = _kinds_by_tag_id()
_CELL_IDS: Final = frozenset(tag_id for tag_id, kind in _KINDS.items() if kind == _CELL)
# A first table cell longer than this is layout (a menu column), not a label.
_MAX_LABEL_CELL = 80

_ASCII_SPACES = " \t\n\r\f"
# Visible spaces a page may use instead of a plain space (nbsp, en/em spaces, thin spaces …).
_ODD_SPACES = frozenset("\u00a0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_new_line = tuple.__new__  # Line(...) without NamedTuple's keyword-handling wrapper


class Line(NamedTuple):
    """One visible line of a page with its layout hints (see the module docstring).

    A NamedTuple rather than a frozen dataclass: pages have hundreds of lines and tuple
    construction is several times cheaper.
    """

    text: str
    label: bool = False
    indented: bool = False
    heading: int = 0


# The last page parse_tree read, and what it gave: ``dispatch`` reads a page's kind from its
# tree, then hands the same bytes to the parser of that kind, which would decode and parse them
# again. Keyed by the identity of the bytes object (kept alive here, so never reused for other
# bytes) and the content type; nothing in praktyki changes a tree once built.
# One tuple, read and replaced whole: a thread never sees one page's bytes with another's tree.
_last_tree: tuple[bytes, str | None, LexborHTMLParser, Decoded] | None = None


def parse_tree(
    body: bytes, content_type: str | None, url: str | None = None
) -> tuple[LexborHTMLParser, Decoded]:
    """Decode ``body`` (see ``decode_html``), hold it to the parser's bounds
    (:func:`~praktyki.parsers.limits.bound_markup`) and parse it into a lexbor tree."""
    global _last_tree  # noqa: PLW0603 - the one-page hand-off described above
    last = _last_tree
    if last is not None and last[0] is body and last[1] == content_type:
        return last[2], last[3]
    tree, decoded = _parse_tree(body, content_type, url)
    _last_tree = (body, content_type, tree, decoded)
    return tree, decoded


def _parse_tree(
    body: bytes, content_type: str | None, url: str | None
) -> tuple[LexborHTMLParser, Decoded]:
    try:
        decoded = decode_html(body, content_type)
        # lexbor reads NUL as end of input on some paths; it is never visible text anyway.
        text = bound_markup(decoded.text.replace("\x00", ""))
    except ParseError as exc:
        if exc.url is None and url is not None:
            raise type(exc)(exc.reason, url=url) from exc
        raise
    try:
        tree = LexborHTMLParser(text)
    except Exception as exc:  # selectolax raises bare errors on pathological input
        raise ParseError(f"HTML parser failed: {exc}", url=url) from exc
    return tree, decoded


def normalize_space(text: str) -> str:
    """Odd spaces to plain spaces, invisible characters dropped, runs collapsed, stripped."""
    if _has_invisible(text):
        text = _INVISIBLE.sub("", text)
    # Every odd space is a Unicode space, and str.split() splits on exactly the characters of
    # the regex \s: one C call does the three regex passes' work.
    return " ".join(text.split())


def text_lines(node: Node) -> list[str]:
    """The visible, non-empty lines of ``node``, whitespace normalized."""
    return [line.text for line in layout_lines(node) if line.text]


def layout_lines(node: Node) -> list[Line]:
    """The visible lines of ``node`` with layout hints; a blank line marks ``<br><br>``.

    Depth-first over ``node``'s children; iterative, so deep nesting cannot overflow. The hot
    loop of every BDP parser, hence flat: one dict lookup per node decides what it is, state
    lives in locals, and each entered element pushes (sibling to resume at, exit action,
    heading and label to restore).
    """
    lines: list[Line] = []
    parts: list[str] = []
    heading = 0
    label = False
    bold_depth = 0
    bold_chars = 0  # non-space characters of the current line inside <b>/<strong>
    stack: list[tuple[Node | None, int, int, bool]] = []
    kinds = _KINDS
    child = node.first_child
    while True:
        while child is None:
            if not stack:
                if parts:
                    _emit(lines, parts, heading, label, bold_chars, False)
                return lines
            child, action, saved_heading, saved_label = stack.pop()
            if action == _EXIT_BLOCK:
                if parts:
                    _emit(lines, parts, heading, label, bold_chars, False)
                    bold_chars = 0
                heading, label = saved_heading, saved_label
            else:
                bold_depth -= action
        current = child
        child = current.next
        kind = kinds.get(current.tag_id, _INLINE)  # unknown elements are inline
        if kind == _TEXT:
            # Source indentation between blocks is not visible text: lexbor tells, without
            # making a str of it, that a node holds nothing but ASCII spaces (_ASCII_SPACES).
            if parts or not current.is_empty_text_node:
                text = current.text_content or ""
                parts.append(text)
                if bold_depth:
                    bold_chars += len("".join(text.split()))
        elif kind >= _BLOCK:
            stack.append((child, _EXIT_BLOCK, heading, label))
            if parts:
                _emit(lines, parts, heading, label, bold_chars, False)
                bold_chars = 0
            if _BLOCK < kind < _CELL:  # h1..h6; other blocks keep the heading around them
                heading = kind - _BLOCK
            label = kind == _DT or (kind == _CELL and _is_label_cell(current))
            child = current.first_child
        elif kind == _BR:
            _emit(lines, parts, heading, label, bold_chars, True)
            bold_chars = 0
        elif kind != _SKIPPED:  # an inline element; 1 when it is bold
            bold_depth += kind
            stack.append((child, kind, 0, False))
            child = current.first_child


def find_labelled_block(tree: LexborHTMLParser | Node, label: str) -> Node | None:
    """The smallest element whose visible text starts with ``label`` (whitespace-normalized).

    "Smallest" is the deepest such element: for ``<div><b>Metryka praktyki</b> …</div>`` it is
    the ``<b>``; callers that want the surrounding block walk up with ``.parent``.
    """
    wanted = normalize_space(label)
    root = tree.body if isinstance(tree, LexborHTMLParser) else tree
    if root is None:
        return None
    best: Node | None = None
    best_depth = -1
    for candidate, depth in _elements_with_depth(root):
        text = normalize_space(candidate.text(separator=" ", strip=False) or "")
        if text.startswith(wanted) and depth > best_depth:
            best, best_depth = candidate, depth
    return best


def _elements_with_depth(root: Node) -> list[tuple[Node, int]]:
    found: list[tuple[Node, int]] = []
    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        found.append((node, depth))
        child = node.child
        while child is not None:
            if child.is_element_node and child.tag not in _SKIP:
                stack.append((child, depth + 1))
            child = child.next
    return found


def _emit(
    lines: list[Line],
    parts: list[str],
    heading: int,
    label: bool,
    bold_chars: int,
    keep_blank: bool,
) -> None:
    """Close the current line: append it to ``lines`` (a blank one only when ``keep_blank``)."""
    raw = "".join(parts).lstrip(_ASCII_SPACES)
    parts.clear()
    # Fast path, most lines: printable text holds no space but " " and no invisible character
    # (every other Unicode space and every invisible one is in a C* or Z* category), so
    # without a double or trailing space it is already normalized, and not indented.
    if raw.isprintable() and "  " not in raw and raw[-1:] != " ":
        text = raw
        indented = False
    else:
        if _has_invisible(raw):
            raw = _INVISIBLE.sub("", raw)
        # str.split() splits on every Unicode space, nbsp and em-space included.
        text = " ".join(raw.split())
        indented = raw[:1] in _ODD_SPACES
    if text:
        # bold_chars 0: never a bold heading (text has at least one non-space character)
        if bold_chars and not heading and bold_chars >= len(text) - text.count(" "):
            heading = _BOLD_HEADING
        lines.append(_new_line(Line, (text, label, indented, heading)))
    elif keep_blank:
        lines.append(_new_line(Line, ("", False, indented, heading)))


def _has_invisible(text: str) -> bool:
    """``_INVISIBLE.search(text)``, several times faster: ``in`` scans at memchr speed."""
    return (
        "\u00ad" in text
        or "\u200b" in text
        or "\u200c" in text
        or "\u200d" in text
        or "\u2060" in text
        or "\ufeff" in text
    )


def _is_label_cell(cell: Node) -> bool:
    """A table cell is a label when it is the short first of several cells in its row."""
    # tag_id, not tag: an int read from the node, where tag builds a new str per sibling
    sibling = cell.prev
    while sibling is not None:
        if sibling.tag_id in _CELL_IDS:
            return False
        sibling = sibling.prev
    sibling = cell.next
    while sibling is not None and sibling.tag_id not in _CELL_IDS:
        sibling = sibling.next
    if sibling is None:
        return False
    # A long first cell is layout (a menu column), not a label.
    text = cell.text(separator=" ", strip=True)
    return 0 < len(text) <= _MAX_LABEL_CELL and not text.isspace()
