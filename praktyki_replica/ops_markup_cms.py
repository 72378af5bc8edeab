"""Markup of the three CMS-modelled OPS sites: WordPress MOPS, Drupal GOPS, BIP-platform MOPR.

Each carries the chrome SITE_NOTES lists so an extractor meets it: skip links, cookie banner,
accessibility widget, calendar widget links that multiply URLs (WordPress), a contact footer with
"DANE TELEADRESOWE", "Kierownik:" and opening hours (Drupal), a metryczka table, "Rejestr zmian"
and "Statystyka odwiedzin" (BIP).
"""

# ruff: noqa: E501  -- HTML templates read best with one element per line

from __future__ import annotations

from praktyki.schemas.ops import Institution
from praktyki_replica.ops_content import Article, Page, SiteContent
from praktyki_replica.ops_markup import Ctx, Listing, blocks_html, esc, strip_params, teaser

__all__ = [
    "CALENDAR_PARAMS",
    "BipStyle",
    "DrupalStyle",
    "WpStyle",
    "calendar_month",
    "extra_listings",
    "with_params",
]

CALENDAR_PARAMS = frozenset({"ajaxCalendar", "mo", "yr"})
CALENDAR_RANGE = ((2019, 1), (2024, 12))  # the widget links no further
_MONTHS = ["sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"]


def with_params(target: str, params: str) -> str:
    return f"{target}{'&' if '?' in target else '?'}{params}"


def calendar_month(params: dict[str, str]) -> tuple[int, int]:
    """The month the calendar widget shows: ``mo``/``yr`` when valid, else March 2023."""
    try:
        month, year = int(params.get("mo", "3")), int(params.get("yr", "2023"))
    except ValueError:
        return 3, 2023
    if not 1 <= month <= 12 or not CALENDAR_RANGE[0] <= (year, month) <= CALENDAR_RANGE[1]:
        return 3, 2023
    return month, year


def _attachments(ctx: Ctx, art: Article) -> str:
    if not art.attachments:
        return ""
    items = "".join(
        f'<li><a href="{ctx.url(a.target)}">{esc(a.name)}</a> ({a.kind}, 1 KB)</li>'
        for a in art.attachments
    )
    return f'<div class="attachments"><h3>Załączniki</h3><ul>{items}</ul></div>'


def _print_page(ctx: Ctx, page: Page, body: str) -> str:
    return f"""<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8">
<title>{esc(page.title)}</title><link rel="canonical" href="{ctx.url(page.target)}">
<meta name="robots" content="noindex, follow"></head>
<body class="print"><p>{esc(ctx.site.site_name)}</p>
{body}
<p>Adres strony: {esc(ctx.url(page.target))}</p></body></html>
"""


def _menu(ctx: Ctx) -> str:
    return "".join(
        f'<li><a href="{ctx.url(item.target)}">{esc(item.label)}</a></li>' for item in ctx.site.menu
    )


class WpStyle:
    def _calendar(self, ctx: Ctx) -> str:
        month, year = calendar_month(ctx.params)
        here = strip_params(ctx.target, CALENDAR_PARAMS)
        links = []
        prev = (year, month - 1) if month > 1 else (year - 1, 12)
        nxt = (year, month + 1) if month < 12 else (year + 1, 1)
        for (y, m), label in (
            (prev, f"« {_MONTHS[prev[1] - 1]}"),
            (nxt, f"{_MONTHS[nxt[1] - 1]} »"),
        ):
            if CALENDAR_RANGE[0] <= (y, m) <= CALENDAR_RANGE[1]:
                href = ctx.url(with_params(here, f"ajaxCalendar=1&mo={m}&yr={y}"))
                links.append(f'<a href="{esc(href)}">{label}</a>')
        days = " ".join(str(d) for d in range(1, 29))
        return (
            f'<section class="widget widget_calendar"><table><caption>{_MONTHS[month - 1]} {year}'
            f"</caption><tr><td>{days}</td></tr></table><nav>{' '.join(links)}</nav></section>"
        )

    def _shell(self, ctx: Ctx, title: str, main: str, crumb: tuple[str, ...]) -> str:
        site = ctx.site
        bip, epuap, fb = site.offsite
        trail = " » ".join(esc(c) for c in crumb)
        street = site.institution.street if site.institution else ""
        return f"""<!DOCTYPE html>
<html lang="pl-PL"><head><meta charset="UTF-8"><title>{esc(title)} – {esc(site.site_name)}</title>
<meta property="og:site_name" content="{esc(site.site_name)}"></head>
<body class="wp-theme">
<a class="skip-link screen-reader-text" href="#content">Przejdź do treści</a>
<div id="cookie-notice" role="dialog">Ta strona korzysta z ciasteczek, aby świadczyć usługi na najwyższym poziomie. Dalsze korzystanie ze strony oznacza, że zgadzasz się na ich użycie. <a href="#" id="cn-accept-cookie">Zgoda</a></div>
<div class="a11y-toolbar">Kontrast / Czcionka / <a href="#">A+</a> <a href="#">A-</a></div>
<header id="masthead"><p class="site-title"><a href="{ctx.url("/")}" rel="home">{esc(site.site_name)}</a></p>
<nav id="site-navigation"><ul>{_menu(ctx)}</ul></nav></header>
<div id="content" class="site-content">
<div class="breadcrumbs">{trail}</div>
<main id="main">{main}</main>
<aside id="secondary">{self._calendar(ctx)}
<section class="widget"><h2 class="widget-title">Na skróty</h2><ul><li><a href="{bip}">BIP</a></li><li><a href="{epuap}">ePUAP</a></li><li><a href="{fb}">Facebook</a></li></ul></section>
</aside></div>
<footer class="site-footer"><div class="contact">{esc(site.site_name)}<br>{esc(street or "")}, 62-800 Kalisz<br>
tel. 62 765 60 10, 62 765 60 11<br>e-mail: <a href="mailto:Sekretariat@MOPS-Kalisz.example.pl">Sekretariat@MOPS-Kalisz.example.pl</a></div>
<p>© 2023 MOPS Kalisz. Wszelkie prawa zastrzeżone.</p></footer>
</body></html>
"""

    def _article(self, ctx: Ctx, page: Page) -> str:
        art = page.articles[0]
        meta = ""
        if art.author:
            meta = f'<div class="entry-meta">Dodano przez {esc(art.author)}, {esc(art.date_shown or "")}</div>'
        return (
            f'<article><header><h1 class="entry-title">{esc(art.title)}</h1>{meta}</header>\n'
            f'<div class="entry-content">\n{blocks_html(art.blocks)}\n{_attachments(ctx, art)}</div>'
        )

    def article(self, ctx: Ctx, page: Page, printable: bool) -> str:
        if printable:
            return _print_page(ctx, page, self._article(ctx, page) + "</article>")
        printer = f'<a href="{esc(ctx.url(page.print_target or page.target))}">Drukuj</a>'
        main = (
            f'{self._article(ctx, page)}<footer class="entry-footer">{printer}</footer></article>'
        )
        return self._shell(ctx, page.title, main, page.breadcrumb)

    def listing(self, ctx: Ctx, listing: Listing) -> str:
        first = listing.page_targets[0] if listing.page_targets else "/aktualnosci/"
        sorts = " | ".join(
            f'<a href="{esc(ctx.url(with_params(first, q)))}">{label}</a>'
            for q, label in (
                ("orderby=date&order=desc", "najnowsze"),
                ("orderby=date&order=asc", "najstarsze"),
                ("orderby=title&order=asc", "alfabetycznie"),
            )
        )
        items = "".join(
            f'<article><h2><a href="{ctx.url(p.target)}">{esc(p.title)}</a></h2>'
            f"<p>{esc(teaser(p))}</p></article>\n"
            for p in listing.entries
        )
        pager = []
        if listing.current + 1 < len(listing.page_targets):
            nxt = ctx.url(listing.page_targets[listing.current + 1])
            pager.append(f'<a class="next" href="{nxt}">Starsze wpisy</a>')
        if listing.current > 0:
            prev = ctx.url(listing.page_targets[listing.current - 1])
            pager.append(f'<a class="prev" href="{prev}">Nowsze wpisy</a>')
        main = f'<h1>{esc(listing.heading)}</h1><p class="sort">Sortuj: {sorts}</p>\n{items}'
        main += f'<nav class="pagination">{" ".join(pager)}</nav>'
        return self._shell(ctx, listing.heading, main, ("Strona główna", listing.heading))

    def home(self, ctx: Ctx) -> str:
        items = "".join(
            f'<li><a href="{ctx.url(p.target)}">{esc(p.title)}</a></li>' for p in ctx.site.news[:3]
        )
        main = f"<h1>Aktualności</h1><ul>{items}</ul>"
        return self._shell(ctx, "Strona główna", main, ())

    def not_found(self, ctx: Ctx) -> str:
        main = "<h1>Nie znaleziono strony</h1><p>Wygląda na to, że nic tutaj nie ma.</p>"
        return self._shell(ctx, "Nie znaleziono strony", main, ())


class DrupalStyle:
    def _shell(self, ctx: Ctx, title: str, main: str, crumb: tuple[str, ...]) -> str:
        site = ctx.site
        bip, epuap = site.offsite
        trail = "".join(f"<li>{esc(c)}</li>" for c in crumb)
        manager = site.extra.get("manager", "")
        return f"""<!DOCTYPE html>
<html lang="pl" dir="ltr"><head><meta charset="utf-8"><title>{esc(title)} | {esc(site.site_name)}</title></head>
<body class="path-node">
<a href="#main-content" class="visually-hidden focusable skip-link">Przejdź do treści</a>
<div class="region-header"><div class="site-name"><a href="{ctx.url("/")}" rel="home">{esc(site.site_name)}</a></div>
<nav role="navigation"><h2 class="visually-hidden">Menu główne</h2><ul class="menu">{_menu(ctx)}</ul></nav></div>
<nav class="breadcrumb"><h2 class="visually-hidden">Ścieżka nawigacyjna</h2><ol>{trail}</ol></nav>
<main id="main-content">{main}</main>
<footer class="region-footer"><div class="block-contact"><h2>DANE TELEADRESOWE</h2>
<p>{esc(site.site_name)}<br>ul. Kościuszki 2a, 28-130 Lisów<br>tel. +48 41 370 51 33<br>tel./fax (41) 370 51 34<br>
e-mail: <a href="mailto:gops@lisow.example.pl">gops@lisow.example.pl</a></p>
<p>Kierownik: {esc(manager)}</p>
<h2>Godziny pracy</h2><p>Poniedziałek: 07:00 - 17:00<br>Wtorek - Czwartek: 07:00 - 15:00<br>Piątek: 07:00 - 13:00</p>
<p><a href="{bip}">Biuletyn Informacji Publicznej</a> | <a href="{epuap}">Elektroniczna Skrzynka Podawcza</a></p></div></footer>
</body></html>
"""

    def _article(self, ctx: Ctx, page: Page) -> str:
        art = page.articles[0]
        meta = (
            f'<div class="node__meta">Opublikowano: {esc(art.date_shown)}</div>'
            if art.date_shown
            else ""
        )
        return (
            f'<h1 class="page-title"><span>{esc(art.title)}</span></h1>\n<article>{meta}'
            f'<div class="field--name-body">\n{blocks_html(art.blocks)}\n</div>{_attachments(ctx, art)}'
        )

    def article(self, ctx: Ctx, page: Page, printable: bool) -> str:
        if printable:
            return _print_page(ctx, page, self._article(ctx, page) + "</article>")
        link = f'<ul class="links inline"><li><a href="{ctx.url(page.print_target or page.target)}">Wersja do druku</a></li></ul>'
        main = f"{self._article(ctx, page)}{link}</article>"
        return self._shell(ctx, page.title, main, page.breadcrumb)

    def listing(self, ctx: Ctx, listing: Listing) -> str:
        rows = "".join(
            f'<div class="views-row"><h3><a href="{ctx.url(p.target)}">{esc(p.title)}</a></h3>'
            f"<p>{esc(teaser(p))}</p></div>\n"
            for p in listing.entries
        )
        pager = " ".join(
            str(i + 1) if i == listing.current else f'<a href="{ctx.url(t)}">{i + 1}</a>'
            for i, t in enumerate(listing.page_targets)
        )
        main = f'<h1 class="page-title">{esc(listing.heading)}</h1>\n{rows}<nav class="pager">{pager}</nav>'
        return self._shell(ctx, listing.heading, main, ("Strona główna", listing.heading))

    def home(self, ctx: Ctx) -> str:
        return self.listing(ctx, Listing("Witamy", ctx.site.news[:2]))

    def not_found(self, ctx: Ctx) -> str:
        main = '<h1 class="page-title">Nie znaleziono strony</h1><p>Żądana strona nie została znaleziona.</p>'
        return self._shell(ctx, "Nie znaleziono strony", main, ("Strona główna",))


class BipStyle:
    def _shell(self, ctx: Ctx, title: str, main: str, crumb: tuple[str, ...]) -> str:
        site = ctx.site
        bip, epuap, www = site.offsite
        inst = site.institution or Institution()
        trail = " › ".join(esc(c) for c in crumb)
        return f"""<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8"><title>{esc(title)} - BIP MOPR Zalesie</title></head>
<body><a href="#tresc" class="skip">Przejdź do treści</a>
<div id="top"><a href="{bip}">Biuletyn Informacji Publicznej</a>
<p class="bip-name">{esc(site.site_name)}</p>
<div class="wcag">Kontrast / Czcionka / <a href="#">A+</a> <a href="#">A-</a></div>
<p>Podmiot udostępniający informację: {esc(inst.name or "")}</p></div>
<div id="lewa"><ul>{_menu(ctx)}</ul><p><a href="{ctx.url("/szukaj")}">Wyszukiwarka</a></p></div>
<div id="tresc"><div class="sciezka">Jesteś w: {trail}</div>
{main}</div>
<div id="stopka">{esc(inst.name or "")}<br>{esc(inst.street or "")}, 26-900 Zalesie<br>tel. 48 614 12 00<br>
e-mail: mopr@zalesie.example.pl<br>
<a href="{epuap}">Elektroniczna Skrzynka Podawcza</a> | <a href="{www}">Strona internetowa MOPR</a> |
<a href="{ctx.url("/statystyka")}">Statystyka odwiedzin</a> | <a href="{ctx.url("/rejestr-zmian")}">Rejestr zmian</a></div>
</body></html>
"""

    def _metryczka(self, site: SiteContent, art: Article) -> str:
        rows = [
            (
                "Podmiot udostępniający informację:",
                site.institution.name if site.institution else "",
            ),
            ("Wytworzył:", art.author),
            ("Data wytworzenia:", art.date_shown),
            ("Wprowadził do BIP:", art.author),
            ("Data wprowadzenia:", art.date_shown),
            ("Zmodyfikował:", art.editor),
            ("Data modyfikacji:", art.modified_shown),
            ("Liczba wyświetleń:", str(art.views) if art.views is not None else None),
        ]
        cells = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows if v)
        return f'<table class="metryczka"><caption>Metryczka</caption>{cells}</table>'

    def _article(self, ctx: Ctx, page: Page) -> str:
        art = page.articles[0]
        return (
            f'<h2>{esc(art.title)}</h2>\n<div class="tresc-artykulu">\n{blocks_html(art.blocks)}\n</div>'
            f"{_attachments(ctx, art)}\n{self._metryczka(ctx.site, art)}"
        )

    def article(self, ctx: Ctx, page: Page, printable: bool) -> str:
        if printable:
            return _print_page(ctx, page, self._article(ctx, page))
        links = (
            f'<p><a href="{ctx.url(page.target + "/rejestr-zmian")}">Rejestr zmian</a> | '
            f'<a href="{ctx.url(page.print_target or page.target)}">Drukuj</a></p>'
        )
        return self._shell(ctx, page.title, self._article(ctx, page) + links, page.breadcrumb)

    def listing(self, ctx: Ctx, listing: Listing) -> str:
        rows = "".join(
            f'<li><a href="{ctx.url(p.target)}">{esc(p.title)}</a> '
            f"<small>{esc(p.articles[0].date_shown or '')}</small></li>"
            for p in listing.entries
        )
        notes = "".join(f"<p>{esc(n)}</p>" for n in listing.notes)
        pager = " ".join(
            str(i + 1) if i == listing.current else f'<a href="{ctx.url(t)}">{i + 1}</a>'
            for i, t in enumerate(listing.page_targets)
        )
        main = f'<h2>{esc(listing.heading)}</h2>{notes}<ul>{rows}</ul><p class="pager">{pager}</p>'
        return self._shell(ctx, listing.heading, main, ("Strona główna", listing.heading))

    def home(self, ctx: Ctx) -> str:
        return self.listing(ctx, Listing("Strona główna", ctx.site.news[:3]))

    def not_found(self, ctx: Ctx) -> str:
        return self._shell(
            ctx, "Błąd 404", "<h2>Nie odnaleziono dokumentu</h2>", ("Strona główna",)
        )


def extra_listings(site: SiteContent) -> dict[str, Listing]:
    """Pages a BIP platform adds: the change register, visit statistics, per-article registers."""
    if site.style != "bip":
        return {}
    dated = tuple(p for p in site.pages if p.articles[0].date_shown)
    out = {
        "/rejestr-zmian": Listing("Rejestr zmian", dated, notes=("Ostatnie zmiany w serwisie:",)),
        "/statystyka": Listing(
            "Statystyka odwiedzin", (), notes=("Liczba odwiedzin serwisu: 48211",)
        ),
        "/szukaj": Listing("Wyszukiwarka", (), notes=("Wpisz szukaną frazę.",)),
    }
    for page in site.pages:
        art = page.articles[0]
        notes = [f"{art.date_shown} - utworzenie dokumentu ({art.author})"]
        if art.modified_shown:
            notes.append(f"{art.modified_shown} - modyfikacja dokumentu ({art.editor})")
        out[f"{page.target}/rejestr-zmian"] = Listing(
            f"Rejestr zmian: {art.title}", (page,), notes=tuple(notes)
        )
    return out
