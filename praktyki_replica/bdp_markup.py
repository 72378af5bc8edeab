"""The BDP replica's three markups and :func:`render_page`.

A style module (``bdp_markup_table``, ``_br``, ``_html5``) turns a page of
:mod:`~praktyki_replica.bdp_page` blocks into HTML through its table of templates;
:func:`render_page` encodes it. Characters the target encoding lacks (ISO-8859-2 has no „ ” – —)
become numeric character references, as browsers and old CMSs wrote them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from praktyki_replica import bdp_markup_br, bdp_markup_html5, bdp_markup_table
from praktyki_replica.bdp_page import Block, Chrome

__all__ = ["render_page"]

Renderer = Callable[[Chrome, Sequence[Block], str], str]

_RENDERERS: dict[str, Renderer] = {
    "table": bdp_markup_table.render,
    "br": bdp_markup_br.render,
    "html5": bdp_markup_html5.render,
}


def render_page(
    style: str, chrome: Chrome, blocks: Sequence[Block], meta_charset: str, encoding: str
) -> bytes:
    """The page's bytes in ``encoding``; ``meta_charset`` is what its ``<meta>`` claims."""
    return _RENDERERS[style](chrome, blocks, meta_charset).encode(encoding, "xmlcharrefreplace")
