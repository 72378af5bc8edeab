"""The OPS replica sites: routing, HTTP metadata and ground truth over ``ops_content``.

Five sites in distinct styles (``build_ops_sites``): the two seed sites ("ops-gora",
"ops-janow"), a WordPress MOPS ("mops-wp"), a Drupal GOPS ("gops-drupal") and a BIP-platform
MOPR ("mopr-bip"). Each has a menu, a paginated news list, article pages (some about the topic
vocabulary, some not), printer-friendly duplicates, off-site BIP/ePUAP links, a footer contact,
``robots.txt``, ETag/Last-Modified and a 404 page. A request's identity is its path plus its
query parameters, except the widget parameters (calendar month, sort order) which change the
markup but not the page: those are exactly the URLs a focused crawl must not multiply.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import random
from collections.abc import Callable, Mapping
from urllib.parse import parse_qsl

from praktyki.errors import ConfigError
from praktyki.parsers.topics import load_topics
from praktyki.schemas.ops import OpsAttachment, OpsPage
from praktyki_replica.files import tiny_pdf
from praktyki_replica.ops_content import (
    Attachment,
    Page,
    SiteContent,
    bip_content,
    drupal_content,
    gora_content,
    janow_content,
    truth_body,
    wp_content,
)
from praktyki_replica.ops_markup import Ctx, Listing, Style, encode, paginate
from praktyki_replica.ops_markup_cms import BipStyle, DrupalStyle, WpStyle, extra_listings
from praktyki_replica.ops_markup_legacy import GoraStyle, JanowStyle
from praktyki_replica.site import Request, Resource

__all__ = ["VARIANT_PARAMS", "OpsSite", "build_ops_sites", "vocabulary_tags"]

# Parameters that change the markup, not the page (calendar widget, list sort order).
VARIANT_PARAMS = frozenset({"ajaxCalendar", "mo", "yr", "orderby", "order"})

_STYLES: Mapping[str, Style] = {
    "gora": GoraStyle(),
    "janow": JanowStyle(),
    "wp": WpStyle(),
    "drupal": DrupalStyle(),
    "bip": BipStyle(),
}

Key = tuple[str, frozenset[tuple[str, str]]]


def _key(target: str) -> Key:
    path, _, query = target.partition("?")
    pairs = parse_qsl(query, keep_blank_values=True)
    return path, frozenset((k, v) for k, v in pairs if k not in VARIANT_PARAMS)


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    return load_topics().tags


def vocabulary_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    """The replica's own tags in vocabulary order; a tag the vocabulary lacks is an error.

    ``praktyki/data/topics.toml`` is the one source of tag names: the replica decides which
    topics an article has, the vocabulary how they are spelled and ordered.
    """
    known = _vocabulary()
    unknown = sorted(set(tags) - set(known))
    if unknown:
        raise ConfigError(f"replica topic tags not in the vocabulary: {unknown}")
    return tuple(tag for tag in known if tag in tags)


def _fixed(listing: Listing, ctx: Ctx) -> Listing:
    return listing


class OpsSite:
    """One OPS replica site; ``handle`` is pure: the same request gives the same bytes."""

    def __init__(self, content: SiteContent) -> None:
        self.content = content
        self._style = _STYLES[content.style]
        self._pages = {_key(p.target): p for p in content.pages}
        self._prints = {_key(p.print_target): p for p in content.pages if p.print_target}
        self._files = {
            _key(a.target): a for p in content.pages for art in p.articles for a in art.attachments
        }
        self._homes = {_key("/"), _key("/index.php")}
        self._listings = self._build_listings()

    @property
    def name(self) -> str:
        return self.content.name

    # --- the Site protocol -------------------------------------------------------------

    def handle(self, request: Request) -> Resource:
        if request.method not in ("GET", "HEAD"):
            return Resource(status=405, body=b"", headers=(("Allow", "GET, HEAD"),))
        if request.path == "/robots.txt":
            return self._text(self.robots_txt())
        key = _key(request.target)
        ctx = Ctx(self.content, request.base_url, request.target, request.params)
        if key in self._files:
            return self._file(self._files[key])
        render = self._route(key, ctx)
        if render is None:
            return self._html(self._style.not_found(ctx), status=404)
        markup, when, printable = render
        return self._html(markup, when=when, printable=printable)

    # --- what tests and benchmarks compare against ----------------------------------------

    def ground_truth(self, base_url: str) -> list[OpsPage]:
        """The expected record of every article of every article page, in site order."""
        base = base_url.rstrip("/")
        site = self.content
        return [
            OpsPage(
                url=base + page.target,
                site_name=site.site_name,
                title=art.title,
                breadcrumb=page.breadcrumb,
                published_at=art.published_at,
                modified_at=art.modified_at,
                author=art.author,
                editor=art.editor,
                views=art.views,
                body=truth_body(art.blocks),
                institution=site.institution,
                topics=vocabulary_tags(art.topics),
                attachments=tuple(
                    OpsAttachment(name=a.name, url=base + a.target) for a in art.attachments
                ),
                article_index=index,
            )
            for page in site.pages
            for index, art in enumerate(page.articles)
        ]

    def article_urls(self, base_url: str) -> list[str]:
        return [base_url.rstrip("/") + p.target for p in self.content.pages]

    def topic_urls(self, base_url: str) -> list[str]:
        """Article pages with at least one article about a vocabulary topic."""
        base = base_url.rstrip("/")
        return [base + p.target for p in self.content.pages if any(a.topics for a in p.articles)]

    def print_urls(self, base_url: str) -> list[str]:
        """Printer-friendly duplicates (never ground-truth pages of their own)."""
        base = base_url.rstrip("/")
        return [base + p.print_target for p in self.content.pages if p.print_target]

    def listing_urls(self, base_url: str) -> list[str]:
        """Home, news list pages and other non-article HTML pages."""
        base = base_url.rstrip("/")
        return [base + "/"] + [base + target for target in self._listing_targets]

    def offsite_links(self) -> list[str]:
        return list(self.content.offsite)

    def robots_txt(self) -> str:
        lines = ["User-agent: *", *(f"Disallow: {p}" for p in self.content.robots_disallow)]
        return "\n".join(lines) + "\n"

    # --- internals -----------------------------------------------------------------------

    def _build_listings(self) -> dict[Key, Callable[[Ctx], Listing]]:
        site = self.content
        out: dict[Key, Callable[[Ctx], Listing]] = {}
        self._listing_targets: list[str] = list(site.news_targets)
        for index, target in enumerate(site.news_targets):
            out[_key(target)] = functools.partial(self._news, index=index)
        for target, listing in extra_listings(site).items():
            out[_key(target)] = functools.partial(_fixed, listing)
            self._listing_targets.append(target)
        for item in site.menu:
            key = _key(item.target)
            if key in out or key in self._pages or key in self._homes:
                continue
            members = tuple(p for p in site.pages if p.section == item.label)
            out[key] = functools.partial(_fixed, Listing(item.label, members))
            self._listing_targets.append(item.target)
        return out

    def _news(self, ctx: Ctx, *, index: int) -> Listing:
        site = self.content
        entries = list(site.news)
        if ctx.params.get("orderby") == "title":
            entries.sort(key=lambda p: p.title)
        if ctx.params.get("order") == "asc":
            entries.reverse()
        shown = paginate(tuple(entries), site.news_page_size, index)
        return Listing("Aktualności", shown, site.news_targets, index)

    def _route(self, key: Key, ctx: Ctx) -> tuple[str, dt.datetime, bool] | None:
        site = self.content
        if key in self._pages:
            page = self._pages[key]
            return self._style.article(ctx, page, False), self._when(page), False
        if key in self._prints:
            page = self._prints[key]
            return self._style.article(ctx, page, True), self._when(page), True
        if key in self._listings:
            return self._style.listing(ctx, self._listings[key](ctx)), site.updated, False
        if key in self._homes:
            return self._style.home(ctx), site.updated, False
        return None

    def _when(self, page: Page) -> dt.datetime:
        stamps = [a.modified_at or a.published_at for a in page.articles]
        known = [_aware(s) for s in stamps if s is not None]
        return max(known) if known else self.content.updated

    def _html(
        self,
        markup: str,
        *,
        status: int = 200,
        when: dt.datetime | None = None,
        printable: bool = False,
    ) -> Resource:
        site = self.content
        charset = site.extra.get("print_charset", site.charset) if printable else site.charset
        body = encode(markup, charset)
        # A legacy print page declares its charset only in <meta>, as such pages did.
        declared = charset == site.charset
        content_type = f"text/html; charset={charset}" if declared else "text/html"
        if status != 200:
            return Resource(status=status, body=body, content_type=content_type)
        return Resource(
            body=body,
            content_type=content_type,
            etag=f'"{hashlib.sha1(body).hexdigest()[:20]}"',  # noqa: S324 -- a cache validator
            last_modified=when,
        )

    def _text(self, text: str) -> Resource:
        body = text.encode("utf-8")
        return Resource(
            body=body,
            content_type="text/plain; charset=utf-8",
            etag=f'"{hashlib.sha1(body).hexdigest()[:20]}"',  # noqa: S324 -- a cache validator
            last_modified=self.content.updated,
        )

    def _file(self, attachment: Attachment) -> Resource:
        body = tiny_pdf(attachment.name)
        return Resource(
            body=body,
            content_type="application/pdf",
            etag=f'"{hashlib.sha1(body).hexdigest()[:20]}"',  # noqa: S324 -- a cache validator
            last_modified=self.content.updated,
        )


def build_ops_sites(seed: int = 0) -> list[OpsSite]:
    """The five OPS replica sites; the same seed always gives the same sites and bytes."""
    contents = (
        gora_content(),
        janow_content(random.Random(f"{seed}:ops-janow")),  # noqa: S311 -- test data
        wp_content(),
        drupal_content(),
        bip_content(random.Random(f"{seed}:mopr-bip")),  # noqa: S311 -- test data
    )
    return [OpsSite(content) for content in contents]
