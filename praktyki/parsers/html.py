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
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from praktyki.errors import ParseError
from praktyki.parsers.decode import Decoded, decode_html

__all__ = [
    "Line",
    "find_labelled_block",
    "layout_lines",
    "normalize_space",
    "parse_tree",
    "text_lines",
]

Node = LexborNode

_BLOCK = frozenset(
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
# A first table cell longer than this is layout (a menu column), not a label.
_MAX_LABEL_CELL = 80

_ASCII_SPACES = " \t\n\r\f"
_ODD_SPACES = frozenset("\u00a0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
# Visible spaces a page may use instead of a plain space (nbsp, en/em spaces, thin spaces …).
_ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ANY_WS = re.compile(r"\s+")


class Line(NamedTuple):
    """One visible line of a page with its layout hints (see the module docstring).

    A NamedTuple rather than a frozen dataclass: pages have hundreds of lines and tuple
    construction is several times cheaper.
    """

    text: str
    label: bool = False
    indented: bool = False
    heading: int = 0


def parse_tree(body: bytes, content_type: str | None) -> tuple[LexborHTMLParser, Decoded]:
    """Decode ``body`` (see ``decode_html``) and parse it into a lexbor tree."""
    decoded = decode_html(body, content_type)
    # lexbor reads NUL as end of input on some paths; it is never visible text anyway.
    text = decoded.text.replace("\x00", "")
    try:
        tree = LexborHTMLParser(text)
    except Exception as exc:  # selectolax raises bare errors on pathological input
        raise ParseError(f"HTML parser failed: {exc}") from exc
    return tree, decoded


def normalize_space(text: str) -> str:
    """Odd spaces to plain spaces, invisible characters dropped, runs collapsed, stripped."""
    text = _INVISIBLE.sub("", _ODD_SPACE.sub(" ", text))
    return _ANY_WS.sub(" ", text).strip()


def text_lines(node: Node) -> list[str]:
    """The visible, non-empty lines of ``node``, whitespace normalized."""
    return [line.text for line in layout_lines(node) if line.text]


def layout_lines(node: Node) -> list[Line]:
    """The visible lines of ``node`` with layout hints; a blank line marks ``<br><br>``."""
    builder = _LineBuilder()
    builder.walk(node)
    builder.flush()
    return builder.lines


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


class _LineBuilder:
    """Collects text into lines while walking the tree depth-first."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.bold_depth = 0
        self.bold_chars = 0
        self.heading = 0
        self.label = False

    def walk(self, root: Node) -> None:
        """Depth-first over ``root``'s children; iterative, so deep nesting cannot overflow.

        The hot loop of every parser: kept flat, attribute lookups hoisted. Each entered
        element pushes (sibling to resume at, exit action, state to restore).
        """
        parts = self.parts
        stack: list[tuple[Node | None, int, tuple[int, bool]]] = []
        child = root.child
        while True:
            while child is None:
                if not stack:
                    return
                child, action, saved = stack.pop()
                if action == _EXIT_BLOCK:
                    if parts:
                        self.flush()
                    self.heading, self.label = saved
                else:
                    self.bold_depth -= action
            node = child
            child = node.next
            tag = node.tag
            if tag == "-text":
                text = node.text_content or ""
                # Source indentation between blocks is not visible text.
                if parts or text.strip(_ASCII_SPACES):
                    parts.append(text)
                    if self.bold_depth:
                        self.bold_chars += len("".join(text.split()))
            elif tag == "br":
                self.flush(keep_blank=True)
            elif tag is None or tag in _SKIP:
                continue
            elif tag in _BLOCK:
                stack.append((child, _EXIT_BLOCK, (self.heading, self.label)))
                self._enter_block(node, tag)
                child = node.child
            else:
                bold = int(tag in _BOLD)
                self.bold_depth += bold
                stack.append((child, bold, (0, False)))
                child = node.child

    def _enter_block(self, node: Node, tag: str) -> None:
        if self.parts:
            self.flush()
        if tag in _HEADINGS:
            self.heading = _HEADINGS[tag]
        self.label = tag == "dt" or (tag in ("td", "th") and _is_label_cell(node))

    def flush(self, keep_blank: bool = False) -> None:
        if not self.parts and not keep_blank:
            return  # most block boundaries close an empty line: the hot path
        raw = "".join(self.parts).lstrip(_ASCII_SPACES)
        if _INVISIBLE.search(raw):
            raw = _INVISIBLE.sub("", raw)
        self.parts.clear()
        # str.split() splits on every Unicode space, nbsp and em-space included.
        text = " ".join(raw.split())
        if text or keep_blank:
            heading = self.heading
            if not heading and text and self.bold_chars >= len(text) - text.count(" "):
                heading = _BOLD_HEADING
            indented = raw[:1] in _ODD_SPACES
            self.lines.append(Line(text, self.label and bool(text), indented, heading))
        self.bold_chars = 0


def _is_label_cell(cell: Node) -> bool:
    """A table cell is a label when it is the short first of several cells in its row."""
    sibling = cell.prev
    while sibling is not None:
        if sibling.tag in ("td", "th"):
            return False
        sibling = sibling.prev
    sibling = cell.next
    while sibling is not None and sibling.tag not in ("td", "th"):
        sibling = sibling.next
    if sibling is None:
        return False
    # A long first cell is layout (a menu column), not a label.
    text = cell.text(separator=" ", strip=True)
    return 0 < len(text) <= _MAX_LABEL_CELL and not text.isspace()
