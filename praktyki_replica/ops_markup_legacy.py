"""Markup of the two seed sites: OPS w Górze (seed 003) and OPS Janów Lubelski (seed 004).

Górze: a small custom CMS with screen-reader-only icon labels ("Ikonka symbolizująca artykuł"),
a "Jesteś tutaj:" breadcrumb and a footer whose links are glued together (no whitespace, as the
seed's text shows). Janów: a table layout from the 2000s, relative links, a name-day and
visit-counter line on top, the article's metadata lines under the body, lists written as "•" text.
"""

# ruff: noqa: E501  -- HTML templates read best with one element per line

from __future__ import annotations

from praktyki_replica.ops_content import Page
from praktyki_replica.ops_markup import Ctx, Listing, blocks_html, esc, teaser

__all__ = ["GoraStyle", "JanowStyle"]

_SR = '<span class="sr-only">{}</span>'


class GoraStyle:
    def _shell(self, ctx: Ctx, title: str, main: str, crumb: tuple[str, ...] = ()) -> str:
        site = ctx.site
        epuap, bip, kdr = site.offsite
        menu = "".join(
            f'<li><a href="{ctx.url(item.target)}">{esc(item.label)}</a></li>' for item in site.menu
        )
        trail = ""
        if crumb:
            links = [f'<a href="{ctx.url("/")}">{esc(crumb[0])}</a>']
            links += [f"<span>{esc(label)}</span>" for label in crumb[1:]]
            trail = (
                f'<div class="breadcrumb">Jesteś tutaj: {" ❯&nbsp;".join(links)}</div>\n'
                f'<a class="back" href="{ctx.url("/")}">← Powrót do strony głównej</a>'
            )
        return f"""<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8"><title>{esc(title)} - {esc(site.site_name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<div id="preloader">{_SR.format("ikona wczytywania strony")}</div>
<header><div class="logo"><a href="{ctx.url("/")}">{esc(site.site_name)}</a></div>
<div class="icons"><a href="{epuap}">{_SR.format("Link do platformy epuap")}</a> <a href="{bip}">{
            _SR.format("Link do BIP")
        }</a></div>
<nav class="menu"><ul>{menu}</ul></nav></header>
<main>
{trail}
{main}
</main>
<div class="banners"><a href="{bip}">{_SR.format("Link do Biuletynu Informacji Publicznej")}</a>
<a href="{epuap}">{_SR.format("Link do ePUAP")}</a>
<a href="{kdr}">{_SR.format("Link do Karty Dużej Rodziny")}</a></div>
<footer>
<p><strong>{esc(site.site_name)}</strong></p>
<p>ul. Poznańska 23<br>56-200 Góra<br>tel. (65)543-22-01</p>
<div class="links"><a href="{epuap}">Link do platformy epuap</a><a href="{bip}">Link do bip</a><a
href="#polityka">Polityka prywatności</a><a href="#dostepnosc">Deklaracja dostępności</a><a
href="#rodo">RODO</a></div>
</footer>
</body></html>
"""

    def _submenu(self, ctx: Ctx, page: Page) -> str:
        for item in ctx.site.menu:
            if item.label == page.section and item.children:
                links = "".join(
                    f'<li><a href="{ctx.url(c.target)}">{esc(c.label)}</a></li>'
                    for c in item.children
                )
                return f'<div class="submenu">{esc(item.label)} - wybierz<br>podmenu:<ul>{links}</ul></div>'
        return ""

    def _articles(self, page: Page) -> str:
        out = []
        for art in page.articles:
            date = f'<p class="date">Dodano: {esc(art.date_shown)}</p>' if art.date_shown else ""
            out.append(
                f"<article>{_SR.format('Ikonka symbolizująca artykuł')}\n"
                f"<h2>{esc(art.title)}</h2>\n{date}\n{blocks_html(art.blocks)}\n</article>"
            )
        return "\n".join(out)

    def article(self, ctx: Ctx, page: Page, printable: bool) -> str:
        heading = page.heading or f"{page.section} ❯ {page.title}"
        if printable:
            return _print_page(ctx, page, heading, self._articles(page), "utf-8")
        main = f"<h1>{esc(heading)}</h1>\n{self._submenu(ctx, page)}\n{self._articles(page)}"
        main += f'\n<p class="print"><a href="{ctx.url(page.print_target or page.target)}">Drukuj</a></p>'
        return self._shell(ctx, page.title, main, page.breadcrumb)

    def _items(self, ctx: Ctx, entries: tuple[Page, ...]) -> str:
        items = []
        for entry in entries:
            art = entry.articles[0]
            date = f"<small>{esc(art.date_shown)}</small>" if art.date_shown else ""
            items.append(
                f'<div class="news"><h3><a href="{ctx.url(entry.target)}">{esc(entry.title)}</a></h3>'
                f'{date}<p>{esc(teaser(entry))}</p><a href="{ctx.url(entry.target)}">Czytaj więcej</a></div>'
            )
        return "\n".join(items)

    def listing(self, ctx: Ctx, listing: Listing) -> str:
        main = f"<h1>{esc(listing.heading)}</h1>\n{self._items(ctx, listing.entries)}"
        main += _pager(ctx, listing)
        return self._shell(ctx, listing.heading, main, ("Strona Główna", listing.heading))

    def home(self, ctx: Ctx) -> str:
        main = f"<h1>Witamy na stronie Ośrodka</h1>\n{self._items(ctx, ctx.site.news[:3])}"
        return self._shell(ctx, "Strona Główna", main)

    def not_found(self, ctx: Ctx) -> str:
        main = "<h1>Błąd 404</h1><p>Nie znaleziono strony o podanym adresie.</p>"
        return self._shell(ctx, "Błąd 404", main)


def _pager(ctx: Ctx, listing: Listing) -> str:
    if len(listing.page_targets) < 2:
        return ""
    links = []
    for i, target in enumerate(listing.page_targets):
        label = str(i + 1)
        links.append(label if i == listing.current else f'<a href="{ctx.url(target)}">{label}</a>')
    return f'\n<div class="pager">Strona: {" ".join(links)}</div>'


def _print_page(ctx: Ctx, page: Page, heading: str, articles: str, charset: str) -> str:
    """A printer-friendly duplicate: same articles, no chrome, a canonical link back."""
    return f"""<html><head><meta charset="{charset}"><title>{esc(heading)}</title>
<link rel="canonical" href="{ctx.url(page.target)}"><meta name="robots" content="noindex, follow"></head>
<body onload="window.print()"><h1>{esc(heading)}</h1>
{articles}
<p class="source">Źródło: {esc(ctx.url(page.target))}</p></body></html>
"""


_JANOW_TOP = (
    "Środa, 20 marzec 2019 r. Klaudii, Eufemii i Maurycego "
    "Wizyt na stronie: 126404 Wczoraj: 112 Dzisiaj: 15 Teraz: 1"
)


class JanowStyle:
    """Relative links (``index.php?id=21``) on purpose: the crawler must resolve them."""

    def _shell(self, ctx: Ctx, title: str, main: str) -> str:
        site = ctx.site
        epuap, _bip, lfoon = site.offsite
        menu = "".join(
            f'<a class="menu" href="{esc(item.target.lstrip("/"))}">{esc(item.label)}</a><br>\n'
            for item in site.menu
        )
        return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={site.charset}">
<title>{esc(site.site_name)} - {esc(title)}</title>
</head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">
<table width="780" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td colspan="2" class="top"><font size="1">{esc(_JANOW_TOP)}</font></td></tr>
<tr><td width="180" valign="top" class="lewe">
{menu}</td>
<td valign="top" class="tresc">
{main}</td></tr><tr><td colspan="2" class="stopka"><a href="{epuap}">Elektroniczna skrzynka podawcza</a><br><br>
<a href="{lfoon}">LFOON</a><br>
© 2007 Copyright by OPS w Janowie Lubelskim</td></tr>
</table>
</body>
</html>
"""

    def _article(self, page: Page, print_link: str = "") -> str:
        art = page.articles[0]
        meta = f"Zamieścił: {esc(art.author or '')}"
        if art.editor:
            meta += f"<br>\nZmodyfikował: {esc(art.editor)} {esc(art.modified_shown or '')}"
        return (
            f'<div class="tytul"><b>{esc(art.title)}</b></div><br>\n'
            f'<div class="data">{esc(art.date_shown or "")}</div><br>\n'
            f"{blocks_html(art.blocks, text_bullets=True)}\n{print_link}"
            f'<br><div class="wysw">Wyświetlono {art.views} razy</div><br>\n'
            f'<div class="autor">{meta}</div>'
        )

    def article(self, ctx: Ctx, page: Page, printable: bool) -> str:
        if printable:
            charset = ctx.site.extra.get("print_charset", ctx.site.charset)
            return _print_page(ctx, page, page.title, self._article(page), charset)
        link = ""
        if page.print_target:
            link = f'<br><a href="{esc(page.print_target.lstrip("/"))}">drukuj</a>\n'
        main = self._article(page, link)
        return self._shell(ctx, page.title, main)

    def listing(self, ctx: Ctx, listing: Listing) -> str:
        items = []
        for entry in listing.entries:
            art = entry.articles[0]
            href = esc(entry.target.lstrip("/"))
            items.append(
                f'<b><a href="{href}">{esc(art.title)}</a></b> <i>{esc(art.date_shown or "")}</i><br>\n'
                f'{esc(teaser(entry))} <a href="{href}">więcej »</a><br><br>'
            )
        nav = []
        if listing.current > 0:
            prev = listing.page_targets[listing.current - 1]
            nav.append(f'<a href="{esc(prev.lstrip("/"))}">« Poprzednie</a>')
        if listing.current + 1 < len(listing.page_targets):
            nxt = listing.page_targets[listing.current + 1]
            nav.append(f'<a href="{esc(nxt.lstrip("/"))}">Następne »</a>')
        main = f'<div class="tytul"><b>{esc(listing.heading)}</b></div><br>\n' + "\n".join(items)
        return self._shell(ctx, listing.heading, main + "\n" + " | ".join(nav))

    def home(self, ctx: Ctx) -> str:
        return self.listing(ctx, Listing("Aktualności", ctx.site.news[:3]))

    def not_found(self, ctx: Ctx) -> str:
        return self._shell(ctx, "Błąd", "<b>Brak strony o podanym adresie.</b>")
