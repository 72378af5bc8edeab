"""Archive → dataset for ONE run: the crawl's last phase, and what ``praktyki reparse`` replays.

For run ``R``: the practice tabs its frontier fetched (200 or 304) are grouped by ``art``; each
tab is read from the latest 2xx body archived at or before its response in ``R`` (a 304's body
is the one it confirmed); the tabs are parsed and loaded as one
:class:`~praktyki.schemas.dataset.PracticeBundle`.

Two callers share the per-practice path (:func:`prepare_practice` reads and parses,
:func:`apply_practice` loads):

- the assembly worker (:mod:`praktyki.crawl.worker`) loads practices whose tabs are final
  while the crawl goes on, in small transactions (:func:`assemble_batch`), each recording the
  practices' outcomes in ``crawl_assembled`` with the load itself — so a killed run keeps
  what the worker committed, and its resume neither loads nor counts those twice;
- :func:`assemble_bdp`, in ONE transaction at the end of the run: sections, every practice
  the worker did not record, the failures, removals. A run killed during it leaves no trace
  of it, and its resume does it again.

- A practice whose every tab answered 304 or was skipped by the revalidation policy (a done
  row with no status: its archived body stands) and that is already active with the same
  parser version is only re-sighted (:func:`~praktyki.store.touch_practice`) — the nightly
  refresh. A skipped tab is read from the body its row names, like a 304's.
- A practice with a tab that failed to fetch, or whose summary does not parse, is not
  loaded (never half-loaded); the reason goes to ``crawl_failures``.
- Removals only after a complete discovery (``complete``): the practices this run's listings
  named are the ones seen.
"""

from __future__ import annotations

import functools
import logging
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import sqlite_utils

from praktyki import __version__
from praktyki.crawl.bdp_strategy import NAVIGATION, TABS, art_of
from praktyki.errors import ParseError, StorageError
from praktyki.parsers.bdp import parse_attachments, parse_menu, parse_practice, parse_presentation
from praktyki.schemas.archive import ArchivedResponse
from praktyki.schemas.bdp import Attachment
from praktyki.schemas.dataset import PracticeBundle, Provenance
from praktyki.store import (
    frontier,
    load_practice,
    load_sections,
    mark_removed,
    marks,
    touch_practice,
    touch_practices,
)
from praktyki.store.archive import Archive
from praktyki.store.crawl_runs import immediate_transaction, record_failures
from praktyki.store.marks import record_outcome

__all__ = [
    "PARSER_VERSION",
    "Assembly",
    "Outcome",
    "Tab",
    "assemble_batch",
    "assemble_bdp",
    "practice_tabs",
    "recorded_outcomes",
    "tab_rows",
]

log = logging.getLogger(__name__)

#: Stored with every practice; a different version makes the refresh re-parse unchanged pages.
PARSER_VERSION = f"bdp/{__version__}"
#: Tab statuses whose body is the one archived before: 304, and None (skipped by the policy).
_NOT_REFETCHED = frozenset({304, None})


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

    def add(self, other: Assembly) -> None:
        """Count ``other``'s records in this total (reparse sums its runs)."""
        self.new += other.new
        self.changed += other.changed
        self.unchanged += other.unchanged
        self.removed += other.removed
        self.failed += other.failed


@dataclass(frozen=True, slots=True)
class Tab:
    """A practice tab's frontier row."""

    url: str
    kind: str
    state: str
    status: int | None
    archive_id: int | None
    error: str | None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What assembling one practice came to (``kind`` names an :class:`Assembly` count)."""

    kind: str
    url: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Prepared:
    """A practice read and parsed, ready to load: a bundle, an outcome decided already
    (not loadable), or ``touch`` (every tab 304: try a re-sighting first)."""

    tabs: Mapping[str, Tab]
    outcome: Outcome | None
    bundle: PracticeBundle | None = None
    touch: bool = False


def assemble_bdp(
    db: sqlite_utils.Database,
    run_id: int,
    source: str,
    *,
    complete: bool,
    replay: bool = False,
) -> Assembly:
    """Load run ``run_id``'s practices of ``source`` from the archive (one transaction).

    The crawl's last phase (``replay=False``) skips the practices the assembly worker already
    recorded for this run and counts their recorded outcomes. ``replay=True`` (reparse) loads
    every practice again, those in the order the worker did them first, so the history rows
    are written in the crawl's order.
    """
    result = Assembly()
    archive = Archive(db)
    with db.atomic():
        _load_menus(db, archive, run_id, source)
        groups = practice_tabs(db, run_id)
        recorded = recorded_outcomes(db, run_id)
        failures: dict[str, tuple[str, str]] = {}
        early = [art for art in recorded if art in groups]
        rest = sorted((art for art in groups if art not in recorded), key=_art_order)
        todo = rest if not replay else early + rest
        touched = _touch_unchanged(db, run_id, source, {art: groups[art] for art in todo})
        for art in early + rest:
            outcome: Outcome | None
            if art in recorded and not replay:
                outcome = recorded[art]
                if outcome.reason is not None:  # the worker logs nothing itself
                    log.warning("practice %s not loaded: %s", outcome.url, outcome.reason)
            elif art in touched:
                outcome = Outcome("unchanged", groups[art]["practice"].url)
            else:
                outcome = assemble_practice(db, archive, run_id, source, groups[art])
            if outcome is not None:
                _count(result, art, outcome, failures)
        result.failures = [failures[art] for art in sorted(failures, key=_art_order)]
        if complete:
            seen = list(groups)
            result.removed = len(mark_removed(db, source, seen, run_id=run_id))
            result.removals_applied = True
        record_failures(db, run_id, result.failures)
    return result


def _touch_unchanged(
    db: sqlite_utils.Database, run_id: int, source: str, groups: Mapping[str, Mapping[str, Tab]]
) -> set[str]:
    """Re-sight at once the practices whose every tab is the archived body (304 or skipped by
    the policy) and which are active with this parser version; the arts re-sighted. The
    others (and a candidate the re-sighting refuses) are assembled one by one."""
    candidates = [art for art, tabs in groups.items() if _resighting(tabs)]
    return touch_practices(db, source, candidates, run_id=run_id, parser_version=PARSER_VERSION)


def _resighting(tabs: Mapping[str, Tab]) -> bool:
    """Whether :func:`prepare_practice` would only re-sight the practice of ``tabs``."""
    return (
        "practice" in tabs
        and "presentation" in tabs
        and all(tab.state == "done" and tab.status in _NOT_REFETCHED for tab in tabs.values())
    )


def assemble_batch(
    db: sqlite_utils.Database,
    run_id: int,
    source: str,
    groups: Mapping[str, Mapping[str, Tab]],
) -> Assembly:
    """Assemble these practices of run ``run_id`` now and record their outcomes, so the run's
    last phase counts them instead (what the assembly worker does while the crawl goes on).

    The pages are read and parsed before the write transaction, which then only loads: the
    crawler's writer waits for the database lock no longer than that. The caller must only
    pass practices whose tabs are final (see :mod:`praktyki.crawl.worker`).
    """
    archive = Archive(db)
    prepared = {art: prepare_practice(db, archive, source, tabs) for art, tabs in groups.items()}
    result = Assembly()
    failures: dict[str, tuple[str, str]] = {}
    with immediate_transaction(db):
        for art, ready in prepared.items():
            if ready is None:
                continue
            outcome = apply_practice(db, archive, run_id, source, ready)
            _count(result, art, outcome, failures)
            record_outcome(db, run_id, art, outcome.url, outcome.kind, outcome.reason)
    result.failures = list(failures.values())
    return result


def recorded_outcomes(db: sqlite_utils.Database, run_id: int) -> dict[str, Outcome]:
    """The outcomes the assembly worker recorded for run ``run_id``, in its order."""
    rows = marks.recorded_outcomes(db, run_id)
    return {art: Outcome(kind, url, reason) for art, url, kind, reason in rows}


def _count(
    result: Assembly, art: str, outcome: Outcome, failures: dict[str, tuple[str, str]]
) -> None:
    setattr(result, outcome.kind, getattr(result, outcome.kind) + 1)
    if outcome.reason is not None:
        failures[art] = (outcome.url, outcome.reason)


def _art_order(art: str) -> tuple[int, str]:
    return (int(art), "") if art.isdigit() else (1 << 62, art)


def practice_tabs(db: sqlite_utils.Database, run_id: int) -> dict[str, dict[str, Tab]]:
    """The practice tabs of run ``run_id``'s frontier, grouped by ``art`` (later rows win)."""
    groups: dict[str, dict[str, Tab]] = defaultdict(dict)
    for _, art, tab in tab_rows(db, run_id):
        groups[art][tab.kind] = tab
    return groups


def tab_rows(
    db: sqlite_utils.Database,
    run_id: int,
    *,
    from_seq: int = 0,
    to_seq: int | None = None,
    done_after: int | None = None,
) -> Iterator[tuple[int, str, Tab]]:
    """``(seq, art, tab)`` of run ``run_id``'s practice tabs in frontier order: from
    ``from_seq`` (to ``to_seq``) on; with ``done_after``, only the rows marked done with an
    archive id above it."""
    rows = frontier.tab_rows(
        db, run_id, TABS, from_seq=from_seq, to_seq=to_seq, done_after=done_after
    )
    for seq, url, kind, state, status, archive_id, error in rows:
        art = _art_of(url)
        if art is not None:
            yield seq, art, Tab(url, kind, state, status, archive_id, error)


@functools.lru_cache(maxsize=1 << 15)
def _art_of(url: str) -> str | None:
    # the worker reads the same frontier rows every poll: parse each URL once
    return art_of(url)


def assemble_practice(
    db: sqlite_utils.Database,
    archive: Archive,
    run_id: int,
    source: str,
    tabs: Mapping[str, Tab],
) -> Outcome | None:
    """One practice of the run, read, parsed and loaded; None when there is nothing to load."""
    ready = prepare_practice(db, archive, source, tabs)
    return None if ready is None else apply_practice(db, archive, run_id, source, ready)


def prepare_practice(
    db: sqlite_utils.Database, archive: Archive, source: str, tabs: Mapping[str, Tab]
) -> Prepared | None:
    """Everything before the load: check the tabs, read and parse them (no writes)."""
    summary = tabs.get("practice")
    if summary is None:
        return None  # a tab linked from elsewhere without its practice: nothing to load
    missing = [tab for tab in tabs.values() if tab.state != "done"]
    if missing or "presentation" not in tabs:
        reason = "; ".join(f"{t.kind} tab not fetched: {t.error}" for t in missing)
        reason = reason or "no presentation tab"
        log.warning("practice %s not loaded: %s", summary.url, reason)
        return Prepared(tabs, Outcome("incomplete", summary.url, reason))
    if all(tab.status in _NOT_REFETCHED for tab in tabs.values()):
        return Prepared(tabs, None, touch=True)  # parsed only if the re-sighting fails
    return _parsed(db, archive, source, tabs)


def _parsed(
    db: sqlite_utils.Database, archive: Archive, source: str, tabs: Mapping[str, Tab]
) -> Prepared:
    try:
        return Prepared(tabs, None, bundle=_bundle(db, archive, source, tabs))
    except (ParseError, StorageError) as exc:
        reason = f"{type(exc).__name__}: {exc.reason}"
        log.warning("practice %s not loaded: %s", tabs["practice"].url, reason)
    except Exception as exc:  # a page can fail, a run cannot: recorded on the practice
        reason = f"internal error: {type(exc).__name__}: {exc}"
        log.exception("practice %s not loaded", tabs["practice"].url)
    return Prepared(tabs, Outcome("failed", tabs["practice"].url, reason))


def apply_practice(
    db: sqlite_utils.Database, archive: Archive, run_id: int, source: str, ready: Prepared
) -> Outcome:
    """The load of a prepared practice (inside the caller's write transaction)."""
    url = ready.tabs["practice"].url
    if ready.touch:
        art = art_of(url) or ""
        if touch_practice(db, source, art, run_id=run_id, parser_version=PARSER_VERSION):
            return Outcome("unchanged", url)
        ready = _parsed(db, archive, source, ready.tabs)
    if ready.outcome is not None:
        return ready.outcome
    assert ready.bundle is not None
    change = load_practice(db, ready.bundle, run_id=run_id)
    return Outcome(str(change.kind), url)


def _bundle(
    db: sqlite_utils.Database, archive: Archive, source: str, tabs: Mapping[str, Tab]
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


def _body(db: sqlite_utils.Database, archive: Archive, tab: Tab) -> ArchivedResponse:
    """The 2xx response that holds ``tab``'s content as of this run (a skipped tab's row
    names it)."""
    if tab.archive_id is None:
        raise StorageError("no archived response", url=tab.url)
    if tab.status != 304:
        return archive.get(tab.archive_id)
    earlier = archive.earlier_ok_id(tab.url, tab.archive_id)
    if earlier is None:
        raise StorageError("304 Not Modified but no earlier body is archived", url=tab.url)
    return archive.get(earlier)


def _load_menus(db: sqlite_utils.Database, archive: Archive, run_id: int, source: str) -> None:
    """Sections from the home page's and the section pages' menus (each shows its own subs)."""
    menus = [kind for kind in NAVIGATION if kind != "listing"]
    for url, kind, status, archive_id in frontier.done_rows(db, run_id, menus):
        tab = Tab(url, kind, "done", status, archive_id, None)
        try:
            page = _body(db, archive, tab)
            menu = parse_menu(page.body, url, page.content_type)
        except (ParseError, StorageError) as exc:
            log.warning("no sections from %s: %s", url, exc)
            continue
        load_sections(db, source, menu)
