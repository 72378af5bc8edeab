"""Style "table": a 2008 layout of nested tables, upper-case tags, Metryka as table rows."""

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
    text,
)

__all__ = ["render"]


def render(chrome: Chrome, blocks: Sequence[Block], meta_charset: str) -> str:
    banner = (
        f'<TR><TD COLSPAN="2" class="baner">{text(chrome.banner)}</TD></TR>\n'
        if chrome.banner
        else ""
    )
    content = "\n".join(TEMPLATES.block(b) for b in blocks)
    footer = "<BR>\n".join(text(line) for line in chrome.footer)
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
<HEAD>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset={meta_charset}">
<TITLE>{text(chrome.page_title)}</TITLE>
<LINK REL="stylesheet" HREF="style.css" TYPE="text/css">
</HEAD>
<BODY BGCOLOR="#FFFFFF" LEFTMARGIN="0" TOPMARGIN="0">
<TABLE WIDTH="980" BORDER="0" CELLPADDING="0" CELLSPACING="0" ALIGN="center">
{banner}<TR>
<TD WIDTH="200" VALIGN="top" class="lewa">
<TABLE WIDTH="100%" BORDER="0" CELLPADDING="2" CELLSPACING="0">
{_menu(chrome)}
</TABLE>
<FORM ACTION="{chrome.search_href}" METHOD="get"><INPUT TYPE="text" NAME="q" SIZE="12">
<INPUT TYPE="submit" VALUE="Szukaj"></FORM>
<TABLE WIDTH="100%" BORDER="0"><TR><TD ALIGN="center" class="licznik">
<B>{counter_text(chrome.counter)}</B><BR>gości odwiedziło nas<BR>od 1 kwietnia 2008 r.
</TD></TR></TABLE>
</TD>
<TD VALIGN="top" class="tresc">
<TABLE WIDTH="100%" BORDER="0" CELLPADDING="4" CELLSPACING="0">
{content}
</TABLE>
</TD>
</TR>
<TR><TD COLSPAN="2" ALIGN="center" class="stopka"><FONT SIZE="1">{footer}</FONT></TD></TR>
</TABLE>
</BODY>
</HTML>
"""


def _menu(chrome: Chrome) -> str:
    rows = []
    for item in chrome.menu:
        if item.sub:
            rows.append(
                '<TR><TD class="podmenu">&nbsp;&nbsp;&raquo; '
                f'<A HREF="{item.href}">{text(item.name)}</A></TD></TR>'
            )
        else:
            rows.append(
                f'<TR><TD class="menu"><A HREF="{item.href}">{text(item.name)}</A></TD></TR>'
            )
    return "\n".join(rows)


def _row(inner: str, cls: str) -> str:
    return f'<TR><TD class="{cls}">{inner}</TD></TR>'


def _category(block: Category) -> str:
    sub = f" : {text(block.subsection)}" if block.subsection else ""
    return _row(f"&nbsp;{text(block.section)}{sub}", "kategoria")


def _tabs(block: Tabs) -> str:
    links = " -&gt; ".join(f'<A HREF="{href}">{text(label)}</A>' for label, href in block.items)
    return _row(f"<BR>.:&nbsp;&nbsp; {links} &nbsp;&nbsp;:.<BR><BR>", "zakladki")


def _heading(block: Heading) -> str:
    inner = text(block.text)
    tag = "<U>{}</U>" if block.level == 1 else "<I>{}</I>"
    return _row(f"<P><B>{tag.format(inner)}</B></P>", "opis")


def _para(value: str) -> str:
    return "&nbsp;" if value == "\u00a0" else text(value)


def _metryka(block: Metryka) -> str:
    rows = ['<TABLE WIDTH="100%" BORDER="0" CELLPADDING="2" CELLSPACING="1" BGCOLOR="#E0E0E0">']
    rows.append('<TR><TD COLSPAN="2" BGCOLOR="#C0C0C0"><B>Metryka praktyki</B></TD></TR>')
    for line, after in zip(block.lines, block.lines[1:] + (None,), strict=True):
        value = "<BR>\n".join(text(v) for v in line.lines)
        rows.append(
            f'<TR BGCOLOR="#FFFFFF"><TD WIDTH="35%" VALIGN="top">{text(line.label)}:</TD>'
            f"<TD>&nbsp;{value}</TD></TR>"
        )
        if line.label.startswith("Data") and (after is None or not after.label.startswith("Data")):
            rows.append('<TR BGCOLOR="#FFFFFF"><TD COLSPAN="2">&nbsp;</TD></TR>')  # the seeds' gap
    rows.append("</TABLE>")
    return "\n".join(rows)


def _links(block: Links) -> str:
    head = f"<B>{text(block.heading)}</B><BR>\n" if block.heading else ""
    rows = [
        f'<TR><TD>&bull; <A HREF="{href}">{text(label)}</A> {text(note)}</TD></TR>'
        for label, href, note in block.items
    ]
    return head + '<TABLE BORDER="0" CELLPADDING="3">\n' + "\n".join(rows) + "\n</TABLE>"


def _pager(block: Pager) -> str:
    parts = [
        f'<A HREF="{href}">{text(label)}</A>' if href else f"<B>[{text(label)}]</B>"
        for label, href in block.items
    ]
    return "Strony: " + " | ".join(parts)


TEMPLATES = Templates(
    category=_category,
    title=lambda b: _row(f'<FONT SIZE="4"><B>{text(b.text)}</B></FONT>', "tytul"),
    tabs=_tabs,
    paragraphs=lambda b: _row(
        "\n".join(f'<P ALIGN="justify">{_para(p)}</P>' for p in b.items), "opis"
    ),
    heading=_heading,
    metryka=lambda b: _row(_metryka(b), "metryka"),
    links=lambda b: _row(_links(b), "lista"),
    pager=lambda b: _row(_pager(b), "strony"),
)
