"""Archive → dataset for ONE OPS run: the crawl's last phase, and what ``reparse`` replays.

Per site of the run (table ``ops_run_sites``, owned here: ``run_id``, ``name``, ``host``,
``spec`` (the resolved site as JSON: start URLs, prefixes, budget, depth, hints), ``complete``),
every HTML page the run fetched (200, or 304 → the latest 2xx body archived before it) is read
with :func:`~praktyki.parsers.ops.parse_ops_page` and the site's registry hints. Then, in order:

1. **declared duplicates** are skipped: a ``<link rel="canonical">`` naming another URL, or
   ``<meta name="robots" content="noindex">`` (printer-friendly copies say both);
2. pages with **no article** (``ParseError`` / ``MissingBlock``) are skipped, counted;
3. **teasers** are dropped: a record whose title is the text of a link on the same page to
   another page of the site (a news list shows each headline as a link to the article);
4. **lists** are skipped: a page that links, by their titles, to two or more pages that gave
   articles (a BIP menu page, a news list whose teasers the extractor did not split), or to
   one while its own record has no date, author or views; and later pages of a paginated list
   (:data:`~praktyki.crawl.ops_strategy.PAGINATION_PARAMS`, ``/page/N/``);
   links on more than half of a site's pages (menus, footers) do not count for 3 and 4;
5. the rest is loaded, one :class:`~praktyki.schemas.dataset.OpsBundle` per page
   (``source`` = the site's name). Identity is the canonical URL (+ article index), never the
   text: two centres with the same copied paragraph are two records.

Removals (:func:`~praktyki.store.mark_ops_removed`) only for a site whose crawl was complete: no
failed page, budget not exhausted, not cut by ``--max-pages``. One transaction.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import sqlite_utils

from praktyki import __version__
from praktyki.crawl.assemble import Assembly
from praktyki.crawl.ops_reading import PageReading, norm, read_page
from praktyki.crawl.ops_strategy import PAGINATION_PARAMS, OpsSiteSpec, is_continuation
from praktyki.errors import StorageError
from praktyki.schemas.dataset import OpsBundle, Provenance
from praktyki.schemas.ops import OpsPage
from praktyki.store import frontier, load_ops_bundle, mark_ops_removed, marks
from praktyki.store.archive import Archive
from praktyki.store.crawl_runs import record_failures
from praktyki.store.marks import set_site_complete
from praktyki.store.ops_readings import get_reading
from praktyki.store.tracked import ChangeKind

__all__ = [
    "PAGINATION_PARAMS",
    "PARSER_VERSION",
    "assemble_ops",
    "record_run_sites",
    "run_sites",
    "set_site_complete",
]

log = logging.getLogger(__name__)

PARSER_VERSION = f"ops/{__version__}"
_HUB_LINKS = 2  # links to other articles, by their titles, that make a page a list
_TEMPLATE_SHARE = 0.5  # a link on more than this share of a site's pages is its template
_TEMPLATE_MIN_PAGES = 4


def record_run_sites(db: sqlite_utils.Database, run_id: int, sites: list[OpsSiteSpec]) -> None:
    marks.record_run_sites(db, run_id, [(site.name, site.host, site.to_json()) for site in sites])


def run_sites(db: sqlite_utils.Database, run_id: int) -> list[tuple[OpsSiteSpec, bool]]:
    """The run's sites and whether each one's crawl was complete."""
    return [(OpsSiteSpec.from_json(spec), done) for spec, done in marks.run_sites(db, run_id)]


@dataclass(slots=True)
class _Parsed:
    url: str
    records: list[OpsPage]
    links: dict[str, set[str]]  # normalized anchor text → on-site URLs (not this page)
    provenance: Provenance


@dataclass(slots=True)
class OpsAssembly(Assembly):
    """:class:`Assembly` plus what the OPS rules skipped."""

    no_article: int = 0
    duplicates: int = 0
    teasers: int = 0
    lists: int = 0
    sites: dict[str, int] = field(default_factory=dict)  # site → pages loaded


def assemble_ops(
    db: sqlite_utils.Database, run_id: int, source: str, *, complete: bool
) -> OpsAssembly:
    """Load run ``run_id``'s OPS pages (``source`` is the run's key; each site is its own
    dataset source); removals where ``complete`` and the site's own crawl was complete."""
    result = OpsAssembly()
    archive = Archive(db)
    with db.atomic():
        pages = _fetched_pages(db, run_id)
        applied = False
        for site, site_complete in run_sites(db, run_id):
            seen = _assemble_site(db, archive, run_id, site, pages.get(site.host, []), result)
            if complete and site_complete:
                result.removed += len(mark_ops_removed(db, site.name, seen, run_id=run_id))
                applied = True
        result.removals_applied = applied
        record_failures(db, run_id, result.failures)
    log.info(
        "run %d: OPS pages skipped: %d without an article, %d duplicates, %d lists; "
        "%d teaser records dropped",
        run_id,
        result.no_article,
        result.duplicates,
        result.lists,
        result.teasers,
    )
    return result


def _fetched_pages(db: sqlite_utils.Database, run_id: int) -> dict[str, list[tuple[str, int, int]]]:
    by_host: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for url, _, status, archive_id in frontier.done_rows(db, run_id, ["page"]):
        by_host[urlsplit(url).netloc].append((url, status, archive_id))
    return by_host


def _assemble_site(
    db: sqlite_utils.Database,
    archive: Archive,
    run_id: int,
    site: OpsSiteSpec,
    pages: list[tuple[str, int, int]],
    result: OpsAssembly,
) -> list[str]:
    """Load one site's pages; the URLs whose articles were stored (seen this run)."""
    parsed: list[_Parsed] = []
    for url, status, archive_id in pages:
        try:
            reading = _reading(db, archive, run_id, site, url, status, archive_id)
        except StorageError as exc:
            result.failed += 1
            result.failures.append((url, f"StorageError: {exc.reason}"))
            continue
        except Exception as exc:  # a page can fail, a run cannot: recorded on the page
            log.exception("OPS page %s not parsed", url)
            result.failed += 1
            result.failures.append((url, f"internal error: {type(exc).__name__}: {exc}"))
            continue
        page = _tally(url, reading, result)
        if page is not None:
            parsed.append(page)
    _drop_template_links(parsed)
    _drop_teasers(parsed, result)
    kept = _drop_lists(parsed, result)
    for page in kept:
        bundle = OpsBundle(
            source=site.name, url=page.url, pages=tuple(page.records), provenance=(page.provenance,)
        )
        _count(result, load_ops_bundle(db, bundle, run_id=run_id).kind)
    result.sites[site.name] = len(kept)
    return [page.url for page in kept]


def _reading(
    db: sqlite_utils.Database,
    archive: Archive,
    run_id: int,
    site: OpsSiteSpec,
    url: str,
    status: int,
    archive_id: int,
) -> PageReading:
    """The page as the parse worker read it during the run, else read here."""
    body_id = body_archive_id(archive, url, status, archive_id)
    kept = get_reading(db, run_id, body_id)
    if kept is not None:
        return PageReading.model_validate_json(kept)
    return read_page(site, url, archive.get(body_id))


def _tally(url: str, reading: PageReading, result: OpsAssembly) -> _Parsed | None:
    """Count what ``reading`` says; the page when it has articles."""
    if reading.outcome == "failed":
        result.failed += 1
        result.failures.append((url, reading.error or "failed"))
    elif reading.outcome == "duplicate":
        result.duplicates += 1
    elif reading.outcome == "no_article":
        result.no_article += 1
    if reading.outcome != "article":
        return None
    provenance = Provenance(
        url=url,
        archive_id=reading.archive_id,
        fetched_at=reading.fetched_at,
        parser_version=PARSER_VERSION,
    )
    links = {text: set(targets) for text, targets in reading.links.items()}
    return _Parsed(url, list(reading.records), links, provenance)


def _count(result: OpsAssembly, kind: ChangeKind) -> None:
    if kind is ChangeKind.NEW:
        result.new += 1
    elif kind is ChangeKind.CHANGED:
        result.changed += 1
    else:
        result.unchanged += 1


def _drop_template_links(parsed: list[_Parsed]) -> None:
    """Forget links most of the site's pages carry (menus, footers): they say nothing about
    a page's role. Needs a few pages to tell; on a tiny site every link counts."""
    if len(parsed) < _TEMPLATE_MIN_PAGES:
        return
    carried: dict[str, int] = defaultdict(int)
    for page in parsed:
        for target in {t for targets in page.links.values() for t in targets}:
            carried[target] += 1
    template = {t for t, n in carried.items() if n > len(parsed) * _TEMPLATE_SHARE}
    for page in parsed:
        links = {text: targets - template for text, targets in page.links.items()}
        page.links = {text: targets for text, targets in links.items() if targets}


def _drop_teasers(parsed: list[_Parsed], result: OpsAssembly) -> None:
    for page in parsed:
        kept = [r for r in page.records if norm(r.title or "") not in page.links]
        result.teasers += len(page.records) - len(kept)
        page.records = [r.model_copy(update={"article_index": i}) for i, r in enumerate(kept)]


def _drop_lists(parsed: list[_Parsed], result: OpsAssembly) -> list[_Parsed]:
    titled: dict[str, set[str]] = defaultdict(set)  # article title → pages that hold it
    for page in parsed:
        for record in page.records:
            titled[norm(record.title or "")].add(page.url)
    kept = []
    for page in parsed:
        if not page.records:
            result.no_article += 1
            continue
        linked = {
            target
            for text, targets in page.links.items()
            for target in targets & titled.get(text, set())
        }
        undated = not any(
            r.published_at or r.modified_at or r.author or r.views is not None for r in page.records
        )
        if len(linked) >= _HUB_LINKS or (linked and undated) or is_continuation(page.url):
            result.lists += 1
            continue
        kept.append(page)
    return kept


def body_archive_id(archive: Archive, url: str, status: int, archive_id: int) -> int:
    """The archived 2xx response that holds ``url``'s content as of this run (a 304's: the
    earlier one); :class:`StorageError` when a 304 has none."""
    if status != 304:
        return archive_id
    earlier = archive.earlier_ok_id(url, archive_id)
    if earlier is None:
        raise StorageError("304 Not Modified but no earlier body is archived", url=url)
    return earlier
