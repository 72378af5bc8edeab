"""Style "br": windows-1250 named only in ``<meta>``, entities, ``<b>Label:</b> value<br>`` lines.

Continuation lines of a multi-line value (the contact person's role, phone, e-mail) follow the
labelled line as bare ``<br>`` lines, as in the seed pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from praktyki_replica.bdp_page import (
    Block,
    Category,
    Chrome,
    Heading,
    Links,
    Metryka,
    Pager,
    Tabs,
    Templates,
    counter_text,
)

__all__ = ["render"]

# Named entities an editor of the time inserted for Polish text (HTML 4 has only these few).
_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "ó": "&oacute;",
    "Ó": "&Oacute;",
    "\u00a0": "&nbsp;",
    "\u201e": "&bdquo;",
    "\u201d": "&rdquo;",
    "\u2013": "&ndash;",
    "\u2014": "&mdash;",
    "»": "&raquo;",
    '"': "&quot;",
    "@": "&#64;",
}
_TABLE = str.maketrans(_ENTITIES)


def ent(value: str) -> str:
    """Text with the entities this style's editor wrote (``&oacute;``, ``&bdquo;``, ``&#64;`` …)."""
    return value.translate(_TABLE)


def render(chrome: Chrome, blocks: Sequence[Block], meta_charset: str) -> str:
    banner = (
        f'<div id="baner"><img src="img/baner.gif" alt=""><br>{ent(chrome.banner)}</div>\n'
        if chrome.banner
        else ""
    )
    body = "\n".join(TEMPLATES.block(b) for b in blocks)
    footer = "<br>\n".join(ent(line) for line in chrome.footer)
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={meta_charset}">
<title>{ent(chrome.page_title)}</title>
</head>
<body>
{banner}<table width="100%" cellspacing="0" cellpadding="0"><tr>
<td id="lewa" valign="top" width="190">
{_menu(chrome)}
<p><a href="{chrome.search_href}">Wyszukiwarka</a></p>
<p class="licznik"><b>{counter_text(chrome.counter)}</b><br>
go&#347;ci odwiedzi&#322;o nas<br>
od 1 kwietnia 2008 r.</p>
</td>
<td id="srodek" valign="top">
{body}
</td></tr></table>
<div id="stopka">{footer}</div>
</body>
</html>
"""


def _menu(chrome: Chrome) -> str:
    lines = []
    for item in chrome.menu:
        prefix = "&nbsp;&raquo;&nbsp;" if item.sub else ""
        lines.append(f'{prefix}<a href="{item.href}" class="m">{ent(item.name)}</a><br>')
    return "\n".join(lines)


def _category(block: Category) -> str:
    sub = f" : {ent(block.subsection)}" if block.subsection else ""
    return f'<div class="kat">&nbsp;{ent(block.section)}{sub}</div>'


def _tabs(block: Tabs) -> str:
    links = " -&gt; ".join(f'<a href="{href}">{ent(label)}</a>' for label, href in block.items)
    return f'<p class="zakl">.:&nbsp;&nbsp; {links} &nbsp;&nbsp;:.</p>'


def _heading(block: Heading) -> str:
    tag = "strong" if block.level == 1 else "em"
    return f"<p><{tag}>{ent(block.text)}</{tag}></p>"


def _links(block: Links) -> str:
    head = f"<p><b>{ent(block.heading)}</b></p>\n" if block.heading else ""
    items = [
        f'&middot; <a href="{href}">{ent(label)}</a> {ent(note)}<br>'
        for label, href, note in block.items
    ]
    return head + "\n".join(items)


def _metryka(block: Metryka) -> str:
    out = ['<div class="metryka">', "<h3>Metryka praktyki</h3>"]
    for line in block.lines:
        first, *rest = line.lines
        out.append(f"<b>{ent(line.label)}:</b>&nbsp; {ent(first)}<br>")
        out += [f"&nbsp;{ent(more)}<br>" for more in rest]
        if line.label == "Data aktualizacji":
            out.append("<br>")
    out.append("</div>")
    return "\n".join(out)


def _pager(block: Pager) -> str:
    parts = [
        f'<a href="{href}">{ent(label)}</a>' if href else f"<b>{ent(label)}</b>"
        for label, href in block.items
    ]
    return '<p class="strony">' + " &middot; ".join(parts) + "</p>"


TEMPLATES = Templates(
    category=_category,
    title=lambda b: f'<div class="tyt"><strong>{ent(b.text)}</strong></div>',
    tabs=_tabs,
    paragraphs=lambda b: "\n".join(f"<p>{ent(p)}</p>" for p in b.items),
    heading=_heading,
    metryka=_metryka,
    links=_links,
    pager=_pager,
)
