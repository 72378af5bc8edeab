"""The BDP replica site: routing, live state (updates, removals), ground truth.

URL scheme of the real archive: ``index.php?p1=<section>&p2=<subsection>&art=<id>&s=<tab>``;
listing pages add ``&str=<page>``; attachments live under ``/pliki/<art>/<file>``; the search
endpoint ``/szukaj.php`` exists, is linked from every page and is disallowed by ``robots.txt``.
A request whose Host is the old ``www.dobrepraktyki.pl`` gets a 301 to the same target on
``127.0.0.1`` and the same port.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import threading
from collections.abc import Mapping, Sequence
from typing import TextIO

from praktyki.schemas.bdp import Practice
from praktyki_replica import bdp_vocab as vocab
from praktyki_replica.bdp_content import (
    STYLES,
    MetrykaLine,
    PracticeSpec,
    expected_practice,
    style_encoding,
)
from praktyki_replica.bdp_markup import render_page
from praktyki_replica.bdp_page import Block, Links, Paragraphs, Title
from praktyki_replica.bdp_practices import generate_practices, seed_practices
from praktyki_replica.bdp_site_pages import (
    PER_PAGE,
    SEARCH_PATH,
    chrome,
    listing_blocks,
    practice_blocks,
)
from praktyki_replica.site import Request, Resource

__all__ = ["BdpSite", "canonical_url"]

_OLD_HOSTS = ("www.dobrepraktyki.pl", "dobrepraktyki.pl")
_ROBOTS = f"User-agent: *\nDisallow: {SEARCH_PATH}\nCrawl-delay: 1\n"
_FIRST_VISITOR = 1_591_345
_SECTIONS = {s.p1: s for s in vocab.SECTIONS if not s.external}


def canonical_url(base_url: str, spec: PracticeSpec) -> str:
    """The summary tab's canonical URL: parameters in the site's own order, no ``s``."""
    return f"{base_url}/index.php?p1={spec.p1}&p2={spec.p2}&art={spec.art}"


def _http_date(day: dt.date, offset: dt.timedelta = dt.timedelta()) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC) + offset


class BdpSite:
    """A BDP-style site of the three seed practices plus ``practices - 3`` synthetic ones."""

    name = "bdp"

    def __init__(self, practices: int = 60, seed: int = 0) -> None:
        specs = seed_practices() + generate_practices(max(0, practices - 3), seed)
        self._specs: dict[int, PracticeSpec] = {s.art: s for s in specs}
        self._seed = seed
        self._visitors = itertools.count(_FIRST_VISITOR + seed * 1000)
        self._lock = threading.Lock()
        self._version = 1
        self._listing_cache: dict[int, list[PracticeSpec]] = {}
        self._session = hashlib.sha1(f"bdp-{seed}".encode(), usedforsecurity=False).hexdigest()[:26]
        self._site_modified = max(s.modified for s in specs) if specs else dt.date(2014, 1, 1)

    # -- public API -------------------------------------------------------------------------

    def practice_ids(self) -> list[str]:
        return [s.practice_id for s in self._specs.values()]

    @property
    def session(self) -> str:
        """The PHPSESSID some listing links carry (fixed per seed, so pages are reproducible)."""
        return self._session

    def spec(self, practice_id: str) -> PracticeSpec:
        return self._specs[int(practice_id)]

    def ground_truth(self, base_url: str) -> list[Practice]:
        base = base_url.rstrip("/")
        return [expected_practice(s, canonical_url(base, s)) for s in self._specs.values()]

    def export_ground_truth(self, base_url: str, out: TextIO) -> int:
        records = self.ground_truth(base_url)
        for record in records:
            out.write(json.dumps(record.to_json_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        return len(records)

    def update_practice(self, practice_id: str, **changes: object) -> None:
        """Change a practice (``title``, ``summary``, ``population`` or any spec field) in place."""
        with self._lock:
            spec = self._specs[int(practice_id)]
            updated = _apply_changes(spec, changes).replace(version=spec.version + 1)
            self._specs[spec.art] = updated
            self._bump()

    def remove_practice(self, practice_id: str) -> None:
        with self._lock:
            del self._specs[int(practice_id)]
            self._bump()

    # -- routing ----------------------------------------------------------------------------

    def handle(self, request: Request) -> Resource:
        host = request.host
        if host.split(":")[0] in _OLD_HOSTS:
            port = host.partition(":")[2]
            target = f"http://127.0.0.1{':' + port if port else ''}{request.target}"
            return Resource(301, b"", "text/html; charset=utf-8", (("Location", target),))
        if request.method not in ("GET", "HEAD"):
            return Resource(405, b"", "text/plain; charset=utf-8", (("Allow", "GET, HEAD"),))
        path = request.path
        if path == "/robots.txt":
            return Resource(200, _ROBOTS.encode("ascii"), "text/plain; charset=utf-8")
        if path.startswith("/pliki/"):
            return self._attachment(path)
        if path == SEARCH_PATH:
            return self._search(request)
        if path in ("/", "/index.php"):
            return self._index(request)
        return self._not_found()

    def _index(self, request: Request) -> Resource:
        params = request.params
        if "art" in params:
            return self._practice(params, request.headers)
        p1 = params.get("p1", str(vocab.HOME_P1))
        if p1 == str(vocab.HOME_P1) and "p2" not in params:
            return self._home()
        section = _SECTIONS.get(int(p1)) if p1.isdigit() else None
        if section is None:
            return self._not_found()
        if "p2" not in params:
            return self._section(section)
        return self._listing(request, section, params)

    def _practice(self, params: dict[str, str], request_headers: Mapping[str, str]) -> Resource:
        art, tab = params.get("art", ""), params.get("s", "1") or "1"
        spec = self._specs.get(int(art)) if art.isdigit() else None
        if spec is None or tab not in ("1", "2", "3") or (tab == "3" and not spec.attachments):
            return self._not_found()
        if params.get("p1", str(spec.p1)) != str(spec.p1) or params.get("p2", str(spec.p2)) != str(
            spec.p2
        ):
            return self._not_found()
        modified = _http_date(spec.modified, dt.timedelta(days=spec.version - 1))
        etag = f'"bdp-{spec.art}-v{spec.version}-s{tab}"'
        if _validators_match(request_headers, etag):
            # the server answers 304 to these validators: the page (~0.7 ms) is not rendered
            content_type = _content_type(spec.header_charset)
            return Resource(200, b"", content_type, etag=etag, last_modified=modified)
        body, content_type = self.render_practice(spec, int(tab), next(self._visitors))
        return Resource(200, body, content_type, etag=etag, last_modified=modified)

    def render_practice(self, spec: PracticeSpec, tab: int, counter: int) -> tuple[bytes, str]:
        """A practice tab's bytes and Content-Type header, exactly as served."""
        blocks = practice_blocks(spec, tab)
        page_chrome = chrome(counter, spec.p1, spec.title)
        meta = spec.header_charset or spec.encoding if spec.style == "table" else spec.encoding
        body = render_page(spec.style, page_chrome, blocks, meta, spec.encoding)
        return body, _content_type(spec.header_charset)

    def render_site_page(
        self, style: str, p1: int | None, title: str, blocks: Sequence[Block], counter: int
    ) -> tuple[bytes, str]:
        """A non-practice page (home, section, listing) in ``style``, as served."""
        encoding, header = style_encoding(style)
        body = render_page(style, chrome(counter, p1, title), blocks, encoding, encoding)
        return body, _content_type(header)

    def listing_specs(self, p2: int) -> list[PracticeSpec]:
        """The practices listed under subsection ``p2``, newest first."""
        cached = self._listing_cache.get(p2)
        if cached is None:
            chosen = [s for s in self._specs.values() if s.p2 == p2]
            cached = sorted(
                chosen, key=lambda s: (s.facts.date_added or dt.date.min, s.art), reverse=True
            )
            self._listing_cache[p2] = cached
        return cached

    def _listing(
        self, request: Request, section: vocab.Section, params: dict[str, str]
    ) -> Resource:
        p2 = params.get("p2", "")
        name = dict(section.subsections).get(int(p2)) if p2.isdigit() else None
        page_text = params.get("str", "1") or "1"
        specs = self.listing_specs(int(p2)) if name else []
        pages = max(1, -(-len(specs) // PER_PAGE))
        if name is None or not page_text.isdigit() or not 1 <= int(page_text) <= pages:
            return self._not_found()
        page = int(page_text)
        chunk = specs[(page - 1) * PER_PAGE : page * PER_PAGE]
        blocks = listing_blocks(
            section, int(p2), name, chunk, page, pages, _base(request), self._session
        )
        return self._site_page(
            STYLES[section.p1 % len(STYLES)], section.p1, name, blocks, f"list-{p2}-{page}"
        )

    def _home(self) -> Resource:
        newest = sorted(
            self._specs.values(),
            key=lambda s: (s.facts.date_added or dt.date.min, s.art),
            reverse=True,
        )[:10]
        items = tuple(
            (s.title, f"index.php?p1={s.p1}&amp;p2={s.p2}&amp;art={s.art}", "") for s in newest
        )
        blocks: list[Block] = [
            Title("Baza Dobrych Praktyk"),
            Paragraphs(_HOME_TEXT),
            Links("Ostatnio dodane praktyki", items),
        ]
        return self._site_page(STYLES[0], None, "Strona główna", blocks, "home")

    def _section(self, section: vocab.Section) -> Resource:
        items = tuple(
            (n, f"index.php?p1={section.p1}&amp;p2={p2}", "") for p2, n in section.subsections
        )
        text = _INFO_TEXT.get(section.name, ("Wybierz kategorię praktyk z listy poniżej.",))
        blocks: list[Block] = [Title(section.name), Paragraphs(text)]
        if items:
            blocks.append(Links(None, items))
        return self._site_page(
            STYLES[section.p1 % len(STYLES)],
            section.p1,
            section.name,
            blocks,
            f"section-{section.p1}",
        )

    def _search(self, request: Request) -> Resource:
        query = request.params.get("q", "").strip().lower()
        found = [s for s in self._specs.values() if query and query in s.title.lower()][:PER_PAGE]
        items = tuple(
            (s.title, f"index.php?p1={s.p1}&amp;p2={s.p2}&amp;art={s.art}", "") for s in found
        )
        blocks: list[Block] = [Title("Wyniki wyszukiwania"), Links(None, items)]
        body, content_type = self.render_site_page(
            "html5", None, "Szukaj", blocks, next(self._visitors)
        )
        return Resource(200, body, content_type)

    def _attachment(self, path: str) -> Resource:
        parts = path.split("/")  # "", "pliki", art, filename
        spec = self._specs.get(int(parts[2])) if len(parts) == 4 and parts[2].isdigit() else None
        found = (
            next((a for a in spec.attachments if a.filename == parts[3]), None) if spec else None
        )
        if spec is None or found is None:
            return self._not_found()
        modified = _http_date(spec.modified)
        etag = f'"bdp-file-{spec.art}-{found.filename}"'
        return Resource(200, found.data, found.content_type, etag=etag, last_modified=modified)

    def _site_page(
        self, style: str, p1: int | None, title: str, blocks: Sequence[Block], key: str
    ) -> Resource:
        body, content_type = self.render_site_page(style, p1, title, blocks, next(self._visitors))
        etag = f'"bdp-site-v{self._version}-{key}"'
        modified = _http_date(self._site_modified, dt.timedelta(hours=self._version - 1))
        return Resource(200, body, content_type, etag=etag, last_modified=modified)

    def _not_found(self) -> Resource:
        blocks: list[Block] = [
            Title("Nie znaleziono strony"),
            Paragraphs(("Strona o podanym adresie nie istnieje.",)),
        ]
        body, content_type = self.render_site_page(
            "table", None, "Błąd 404", blocks, next(self._visitors)
        )
        return Resource(404, body, content_type)

    def _bump(self) -> None:
        self._version += 1
        self._listing_cache.clear()


def _validators_match(headers: Mapping[str, str], etag: str) -> bool:
    """Whether If-None-Match names ``etag`` (weakly: the server marks gzipped ones ``W/``).
    Only If-None-Match: with it present the server never looks at If-Modified-Since."""
    tags = headers.get("if-none-match")
    if tags is None:
        return False
    return any(tag.strip().removeprefix("W/") == etag for tag in tags.split(","))


def _base(request: Request) -> str:
    return request.base_url if request.host else "http://127.0.0.1"


def _content_type(charset: str | None) -> str:
    return (
        f"text/html; charset={charset.upper() if charset == 'iso-8859-2' else charset}"
        if charset
        else "text/html"
    )


def _apply_changes(spec: PracticeSpec, changes: dict[str, object]) -> PracticeSpec:
    fields: dict[str, object] = {}
    for key, value in changes.items():
        if key == "summary" and isinstance(value, str):
            fields["summary"] = tuple(value.split("\n\n"))
        elif key == "population" and isinstance(value, int):
            lines = tuple(
                MetrykaLine(m.label, (f"{value:,}".replace(",", "."),))
                if m.label == "Liczba mieszkańców"
                else m
                for m in spec.metryka
            )
            fields["metryka"] = lines
            fields["facts"] = spec.facts.model_copy(update={"population": value})
        else:
            fields[key] = value
    return spec.replace(**fields)


_HOME_TEXT = (
    "Baza Dobrych Praktyk to zbiór rozwiązań wdrożonych przez jednostki samorządu terytorialnego, "
    "które warto upowszechniać.",
    "Bazę prowadzą Związek Gmin Wiejskich RP, Związek Miast Polskich i Związek Powiatów Polskich.",
)
_INFO_TEXT: dict[str, tuple[str, ...]] = {
    "Mapa Praktyk": (
        "Mapa praktyk pokazuje położenie samorządów, które opisały swoje rozwiązania.",
    ),
    "Inne bazy danych": (
        "Bazy danych o usługach publicznych prowadzone przez partnerów projektu.",
    ),
    "Publikacje i dokumenty": ("Raporty, podręczniki i materiały konferencyjne projektu.",),
}
