"""Archive → dataset for ONE run: the crawl's last phase, and what ``praktyki reparse`` replays.

For run ``R``: the practice tabs its frontier fetched (200 or 304) are grouped by ``art``; each
tab is read from the latest 2xx body archived at or before its response in ``R`` (a 304's body
is the one it confirmed); the tabs are parsed and loaded as one
:class:`~praktyki.schemas.dataset.PracticeBundle`. Everything happens in one transaction, so a
run killed during assembly leaves no trace of it and its resume assembles from scratch.

- A practice whose every tab answered 304 and that is already active with the same parser
  version is only re-sighted (:func:`~praktyki.load.touch_practice`) — the nightly refresh.
- A practice with a tab that failed to fetch, or whose summary does not parse, is not
  loaded (never half-loaded); the reason goes to ``crawl_failures``.
- Removals only after a complete discovery (``complete``): the practices this run's listings
  named are the ones seen.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

import sqlite_utils

from praktyki import __version__
from praktyki.crawl.bdp import NAVIGATION, TABS
from praktyki.errors import ParseError, StorageError
from praktyki.load import load_practice, load_sections, mark_removed, touch_practice
from praktyki.load.tracked import ChangeKind
from praktyki.parsers.bdp import parse_attachments, parse_menu, parse_practice, parse_presentation
from praktyki.parsers.bdp_page import query_param
from praktyki.schemas.archive import ArchivedResponse
from praktyki.schemas.bdp import Attachment
from praktyki.schemas.dataset import PracticeBundle, Provenance
from praktyki.scraper.archive import Archive

__all__ = ["PARSER_VERSION", "Assembly", "assemble_bdp"]

log = logging.getLogger(__name__)

#: Stored with every practice; a different version makes the refresh re-parse unchanged pages.
PARSER_VERSION = f"bdp/{__version__}"


@dataclass(slots=True)
class Assembly:
    """What one run's assembly did."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    incomplete: int = 0
    removals_applied: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class _Tab:
    url: str
    kind: str
    state: str
    status: int | None
    archive_id: int | None
    error: str | None


def assemble_bdp(
    db: sqlite_utils.Database, run_id: int, source: str, *, complete: bool
) -> Assembly:
    """Load run ``run_id``'s practices of ``source`` from the archive (one transaction)."""
    result = Assembly()
    archive = Archive(db)
    with db.atomic():
        db.execute("DELETE FROM crawl_failures WHERE run_id = ?", [run_id])
        _load_menus(db, archive, run_id, source)
        groups = _practice_tabs(db, run_id)
        for art in sorted(groups, key=_art_order):
            _assemble_one(db, archive, run_id, source, groups[art], result)
        if complete:
            seen = list(groups)
            result.removed = len(mark_removed(db, source, seen, run_id=run_id))
            result.removals_applied = True
        for url, reason in result.failures:
            db.execute(
                "INSERT INTO crawl_failures (run_id, url, reason) VALUES (?, ?, ?)",
                [run_id, url, reason],
            )
    return result


def _art_order(art: str) -> tuple[int, str]:
    return (int(art), "") if art.isdigit() else (1 << 62, art)


def _practice_tabs(db: sqlite_utils.Database, run_id: int) -> dict[str, dict[str, _Tab]]:
    marks = ", ".join("?" for _ in TABS)
    rows = db.execute(
        "SELECT url, kind, state, status, archive_id, last_error FROM frontier "  # noqa: S608
        f"WHERE run_id = ? AND kind IN ({marks}) ORDER BY seq",
        [run_id, *TABS],
    ).fetchall()
    groups: dict[str, dict[str, _Tab]] = defaultdict(dict)
    for url, kind, state, status, archive_id, error in rows:
        art = query_param(url, "art")
        if art is not None:
            groups[art][kind] = _Tab(url, kind, state, status, archive_id, error)
    return groups


def _assemble_one(
    db: sqlite_utils.Database,
    archive: Archive,
    run_id: int,
    source: str,
    tabs: dict[str, _Tab],
    result: Assembly,
) -> None:
    summary = tabs.get("practice")
    if summary is None:
        return  # a tab linked from elsewhere without its practice: nothing to load
    missing = [tab for tab in tabs.values() if tab.state != "done"]
    if missing or "presentation" not in tabs:
        reason = "; ".join(f"{t.kind} tab not fetched: {t.error}" for t in missing)
        log.warning("practice %s not loaded: %s", summary.url, reason or "no presentation tab")
        result.incomplete += 1
        result.failures.append((summary.url, reason or "no presentation tab"))
        return
    art = query_param(summary.url, "art") or ""
    if all(tab.status == 304 for tab in tabs.values()) and touch_practice(
        db, source, art, run_id=run_id, parser_version=PARSER_VERSION
    ):
        result.unchanged += 1
        return
    try:
        bundle = _bundle(db, archive, source, tabs)
    except (ParseError, StorageError) as exc:
        reason = f"{type(exc).__name__}: {exc.reason}"
        log.warning("practice %s not loaded: %s", summary.url, reason)
        result.failed += 1
        result.failures.append((summary.url, reason))
        return
    change = load_practice(db, bundle, run_id=run_id)
    if change.kind is ChangeKind.NEW:
        result.new += 1
    elif change.kind is ChangeKind.CHANGED:
        result.changed += 1
    else:
        result.unchanged += 1


def _bundle(
    db: sqlite_utils.Database, archive: Archive, source: str, tabs: dict[str, _Tab]
) -> PracticeBundle:
    bodies = {kind: _body(db, archive, tab) for kind, tab in tabs.items()}
    summary = bodies["practice"]
    practice = parse_practice(summary.body, tabs["practice"].url, summary.content_type)
    shown = bodies["presentation"]
    presentation = parse_presentation(shown.body, tabs["presentation"].url, shown.content_type)
    attachments: tuple[Attachment, ...] = ()
    if "attachments" in bodies:
        files = bodies["attachments"]
        page = parse_attachments(files.body, tabs["attachments"].url, files.content_type)
        attachments = page.attachments
    provenance = tuple(
        Provenance(
            url=tabs[kind].url,
            archive_id=body.id,
            fetched_at=body.fetched_at,
            parser_version=PARSER_VERSION,
        )
        for kind, body in bodies.items()
    )
    return PracticeBundle(
        source=source,
        practice=practice,
        presentation=presentation,
        attachments=attachments,
        provenance=provenance,
    )


def _body(db: sqlite_utils.Database, archive: Archive, tab: _Tab) -> ArchivedResponse:
    """The 2xx response that holds ``tab``'s content as of this run."""
    if tab.archive_id is None:
        raise StorageError("no archived response", url=tab.url)
    if tab.status != 304:
        return archive.get(tab.archive_id)
    row = db.execute(
        "SELECT MAX(id) FROM archive_responses WHERE url = ? AND id < ? "
        "AND status BETWEEN 200 AND 299 AND error IS NULL",
        [tab.url, tab.archive_id],
    ).fetchone()
    if row is None or row[0] is None:
        raise StorageError("304 Not Modified but no earlier body is archived", url=tab.url)
    return archive.get(int(row[0]))


def _load_menus(db: sqlite_utils.Database, archive: Archive, run_id: int, source: str) -> None:
    """Sections from the home page's and the section pages' menus (each shows its own subs)."""
    marks = ", ".join("?" for _ in NAVIGATION)
    rows = db.execute(
        "SELECT url, kind, status, archive_id FROM frontier WHERE run_id = ? "  # noqa: S608
        f"AND state = 'done' AND kind IN ({marks}) AND kind != 'listing' ORDER BY seq",
        [run_id, *NAVIGATION],
    ).fetchall()
    for url, kind, status, archive_id in rows:
        tab = _Tab(url, kind, "done", status, archive_id, None)
        try:
            page = _body(db, archive, tab)
            menu = parse_menu(page.body, url, page.content_type)
        except (ParseError, StorageError) as exc:
            log.warning("no sections from %s: %s", url, exc)
            continue
        load_sections(db, source, menu)
