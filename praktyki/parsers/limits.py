"""Bounds on what one page may ask of the parser, enforced before lexbor sees it.

lexbor builds a tree in time that grows with elements × depth of open elements (the HTML
tree-building algorithm scans the stack of open elements on most tags): ``<div>`` nested
50,000 deep takes seconds, a million deep hours. So before parsing, one linear pass over the
decoded text estimates the depth of open elements the way a browser builds it — end tags
close up to their match, void elements never open, ``<p>``/``<li>``/``<td>``/``<a>`` close an
open element of their own name nearby — and counts elements and characters:

* a start tag that would open deeper than ``MAX_DEPTH`` is dropped, with its end tag, so the
  deeper content is *flattened* into the deepest element kept (browsers do the same past
  their own limit; Chrome's is 512);
* a page with more than ``MAX_ELEMENTS`` elements or ``MAX_CHARS`` characters raises
  :class:`~praktyki.errors.TooComplex`.

Real pages stay far below every bound (the fixtures estimate at most 20 levels and a few
hundred elements), so their text reaches lexbor unchanged. The estimate errs high (it
ignores the rarer implicit closures), so no page gets a tree deeper than ``MAX_DEPTH``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from praktyki.errors import TooComplex

__all__ = ["MAX_CHARS", "MAX_DEPTH", "MAX_ELEMENTS", "bound_markup"]

MAX_DEPTH: Final = 1_024  # Chrome flattens deeper than 512; real pages nest a few dozen deep
MAX_ELEMENTS: Final = 250_000  # a 10 MiB page of nothing but tags holds ~1.5 million
MAX_CHARS: Final = 12 * 1024 * 1024  # the fetcher's 10 MiB body cap, with room for decoding

# A tag, a comment, or a raw-text element whose content is not markup (its "<div>" strings
# are JavaScript or CSS). An unclosed comment or raw-text element runs to the end of input,
# which is also how browsers read it; the lazy ".*?" never backtracks past the first closer.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>",
    re.DOTALL | re.IGNORECASE,
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "basefont",
        "bgsound",
        "frame",
        "image",
        "isindex",
    ]
)
# A start tag of one of these closes an open element of its own name near the top of the stack
# (``<p><font>a<p><font>b`` is two sibling paragraphs, ``<a>`` closes an unclosed ``<a>``) but
# not across a scope boundary (a paragraph inside a table cell does not close one outside).
# The search looks at most _NEAR elements down, so it stays O(1) per tag; past that the
# estimate only errs high.
_CLOSES_OWN = frozenset(
    ["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "a"]
)
_SCOPE = frozenset(
    ["table", "td", "th", "caption", "html", "object", "marquee", "applet", "template", "button"]
)
_NEAR = 16


def bound_markup(text: str) -> str:
    """``text``, its nesting flattened to ``MAX_DEPTH``; :class:`TooComplex` past a size bound."""
    if len(text) > MAX_CHARS:
        raise TooComplex(f"page of {len(text):,} characters (limit {MAX_CHARS:,})")
    tags = text.count("<")
    if tags <= MAX_DEPTH:
        return text  # too few tags to nest past the bound or reach the element cap
    # A count at C speed settles the hopeless cases before the scan's Python loop: start
    # tags are at most the "<" that open neither an end tag nor a comment or doctype.
    start_tags = tags - text.count("</") - text.count("<!")
    if start_tags > 2 * MAX_ELEMENTS:
        raise TooComplex(f"about {start_tags:,} tags (limit {MAX_ELEMENTS:,} elements)")
    return _flatten(text)


def _flatten(text: str) -> str:
    stack: list[str] = []
    open_names: Counter[str] = Counter()
    dropped: Counter[str] = Counter()  # start tags left out, by name: their end tags go too
    kept: list[str] = []
    start = elements = 0
    for match in _TOKEN.finditer(text):
        name = match.group(3)
        if name is None:
            continue  # a comment or a raw-text element: one leaf
        name = name.lower()
        if match.group(2):  # an end tag closes up to its match; a stray one is ignored
            if dropped[name]:
                dropped[name] -= 1
                kept.append(text[start : match.start()])
                start = match.end()
            elif open_names[name]:
                while (top := stack.pop()) != name:
                    open_names[top] -= 1
                open_names[name] -= 1
            continue
        elements += 1
        if elements > MAX_ELEMENTS:
            raise TooComplex(f"more than {MAX_ELEMENTS:,} elements")
        if name in _VOID or (match.group(4) and (open_names["svg"] or open_names["math"])):
            continue  # "<div/>" opens a div in HTML; only SVG and MathML close with "/>"
        if name in _CLOSES_OWN and open_names[name]:
            _close_near(stack, open_names, name)
        if len(stack) >= MAX_DEPTH:
            dropped[name] += 1
            kept.append(text[start : match.start()])
            start = match.end()
            continue
        stack.append(name)
        open_names[name] += 1
    if not kept:
        return text
    kept.append(text[start:])
    return "".join(kept)


def _close_near(stack: list[str], open_names: Counter[str], name: str) -> None:
    """Pop up to and including an open ``name`` among the top ``_NEAR`` elements, if any."""
    for index in range(len(stack) - 1, max(len(stack) - 1 - _NEAR, -1), -1):
        if stack[index] == name:
            for closed in stack[index:]:
                open_names[closed] -= 1
            del stack[index:]
            return
        if stack[index] in _SCOPE:
            return
