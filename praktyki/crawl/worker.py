"""The assembly worker: a second process that loads BDP practices while the crawl fetches.

Assembly (read the tabs from the archive, parse, load) costs about as much CPU as fetching. In
one process the two add up; in a worker process on the other core they overlap. The worker
runs the same per-practice code as the run's last phase (:func:`~praktyki.crawl.assemble.
assemble_batch` → ``prepare_practice`` / ``apply_practice``) and records each outcome in
``crawl_assembled`` in the load's own transaction; the last phase skips what it finds there.

**When a practice is final** — decided from committed frontier state only: every navigation
page of the run is done (practices are only listed by navigation pages, so no summary URL can
still appear), and every frontier row of the practice's ``art`` (summary and tabs) is done
(a done row never changes again in a run; the summary's tab links are queued in the very
transaction that marks it done). Practices with a failed tab are left to the last phase:
an engine pass may still fetch them.

**Lifetime** — spawned (not forked: the crawler has an event loop, threads and SQLite
connections) once the run's navigation is complete and it knows enough practices
(:attr:`~praktyki.crawl.settings.CrawlSettings.worker_min_practices`). It polls the frontier,
assembles ready practices in small transactions (``BEGIN IMMEDIATE``, busy timeout: the
crawler's writer waits at most one batch), and exits when asked to finish (after a last
poll) or when the crawler is gone: the pipe from the crawler reads EOF, and on Linux the
kernel kills it at once (``PR_SET_PDEATHSIG``), so a ``kill -9``'d crawl never leaves a
worker writing behind the resumed run's back.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Collection, Iterator, Mapping
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

import sqlite_utils

from praktyki.crawl import worker_process
from praktyki.crawl.assemble import (
    Assembly,
    Tab,
    assemble_batch,
    recorded_outcomes,
    tab_rows,
)
from praktyki.crawl.bdp_strategy import NAVIGATION
from praktyki.errors import PraktykiError
from praktyki.store import open_database
from praktyki.store.crawl_runs import read_snapshot
from praktyki.store.frontier import Frontier

__all__ = ["AssemblyWorker", "WorkerLauncher", "ReadyPractices", "navigation_complete"]

log = logging.getLogger(__name__)

#: Practices per worker transaction (a few ms of loading: what the crawler's writer may wait for).
BATCH = 8
#: How often an idle worker looks at the frontier again.
POLL_SECONDS = 0.5
#: How long the crawler waits for the worker's last round before doing it itself.
FINISH_TIMEOUT = 600.0
_FINISH = "finish"
_PR_SET_PDEATHSIG = 1


def navigation_complete(db: sqlite_utils.Database, run_id: int) -> bool:
    """Whether every navigation page of the run is fetched (no practice can still appear)."""
    total, open_ = Frontier(db, run_id).kind_progress(NAVIGATION)
    return bool(total) and not open_


class ReadyPractices:
    """Which practices of run ``run_id`` have final tabs (see the module docstring), read
    from the frontier incrementally: each :meth:`poll` reads, in ONE read transaction (one
    snapshot), the tab rows added since the last (``seq`` grows with every insert) and the
    tab rows marked done since (a row is marked done with the id of the response archived in
    the same transaction, and archive ids grow too). So the copy kept here is the frontier's
    exact state, for the price of the rows that changed."""

    def __init__(self, db: sqlite_utils.Database, run_id: int, skip: Collection[str] = ()):
        self.db = db
        self.run_id = run_id
        self._skip = set(skip)
        self._rows: dict[str, dict[str, tuple[int, Tab]]] = {}  # art -> url -> (seq, tab)
        self._seq = -1
        self._archive_id = -1
        self._navigation = False

    def poll(self) -> dict[str, dict[str, Tab]]:
        """The practices ready now and not handed out before (they are not again)."""
        known, done_after = self._seq, self._archive_id  # what the last poll saw
        with read_snapshot(self.db):
            self._navigation = self._navigation or navigation_complete(self.db, self.run_id)
            for seq, art, tab in tab_rows(self.db, self.run_id, from_seq=known + 1):
                self._seq = seq
                self._keep(seq, art, tab)
            for seq, art, tab in tab_rows(
                self.db, self.run_id, done_after=done_after, to_seq=known
            ):
                self._keep(seq, art, tab)
        if not self._navigation:
            return {}
        ready = {}
        for art, rows in self._rows.items():
            tabs = {tab.kind: tab for _, tab in sorted(rows.values(), key=lambda r: r[0])}
            if "practice" in tabs and all(tab.state == "done" for tab in tabs.values()):
                ready[art] = tabs  # later rows win, as in assembly
        for art in ready:
            del self._rows[art]
            self._skip.add(art)
        return ready

    def _keep(self, seq: int, art: str, tab: Tab) -> None:
        if tab.archive_id is not None and tab.state == "done":
            self._archive_id = max(self._archive_id, tab.archive_id)
        if art not in self._skip:
            self._rows.setdefault(art, {})[tab.url] = (seq, tab)


class _ParentGone(Exception):
    pass


def _chunks(groups: Mapping[str, dict[str, Tab]]) -> Iterator[dict[str, dict[str, Tab]]]:
    arts = list(groups)
    for start in range(0, len(arts), BATCH):
        yield {art: groups[art] for art in arts[start : start + BATCH]}


def asked_to_finish(conn: Connection, timeout: float) -> bool:
    """Whether the crawler said "finish" (within ``timeout``); :class:`_ParentGone` on EOF."""
    if not conn.poll(timeout):
        return False
    try:
        return bool(conn.recv() == _FINISH)
    except (EOFError, OSError) as exc:
        raise _ParentGone from exc


def _die_with_parent(parent: int) -> None:
    """Linux: have the kernel SIGKILL this process when the crawler dies."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the prctl
        raise _ParentGone


#: A worker's job: ``(conn, db_path, run_id, source)`` → counts to report; it polls ``conn``
#: with :func:`asked_to_finish` and returns after its round following the request.
Job = Callable[[Connection, str, int, str], tuple[int, ...]]


def _serve(conn: Connection, db_path: str, run_id: int, source: str, parent: int, job: str) -> None:
    """The worker process's main loop (see the module docstring), started through
    :func:`praktyki.crawl.worker_process.run`; ``job`` names the :data:`Job` (by name, so
    that its module is imported only once the process refused what it does not need)."""
    # the crawler logs the recorded failures itself; the worker has nothing to tell a terminal
    logging.disable(logging.CRITICAL)
    try:
        _die_with_parent(parent)
        counts = worker_process.resolve(job)(conn, db_path, run_id, source)
    except _ParentGone:
        os._exit(0)  # nothing half-written: every batch is its own transaction
    except (PraktykiError, OSError, ValueError) as exc:
        with contextlib.suppress(OSError):
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
        raise SystemExit(1) from exc
    conn.send(("done", counts))


def assemble_until_finished(
    conn: Connection, db_path: str, run_id: int, source: str
) -> tuple[int, ...]:
    """The BDP job: load practices as they become final; (new, changed, unchanged, failed)."""
    total = _assemble_practices(conn, db_path, run_id, source)
    return total.new, total.changed, total.unchanged, total.failed


def _assemble_practices(conn: Connection, db_path: str, run_id: int, source: str) -> Assembly:
    db = open_database(db_path)
    total = Assembly()
    try:
        practices = ReadyPractices(db, run_id, skip=recorded_outcomes(db, run_id))
        finish = False
        while True:
            last_round = finish
            ready = practices.poll()
            for chunk in _chunks(ready):
                result = assemble_batch(db, run_id, source, chunk)
                for name in ("new", "changed", "unchanged", "failed", "incomplete"):
                    setattr(total, name, getattr(total, name) + getattr(result, name))
                finish = finish or asked_to_finish(conn, 0)
            if last_round:
                return total
            # with no backlog, let practices pile up a little: fewer polls, fuller batches
            backlog = len(ready) >= BATCH
            finish = finish or asked_to_finish(conn, 0 if backlog else POLL_SECONDS)
    finally:
        db.close()


class AssemblyWorker:
    """The crawler's handle on one worker process for run ``run_id``."""

    def __init__(
        self,
        db_path: Path | str,
        run_id: int,
        source: str,
        job: Job = assemble_until_finished,
        *,
        what: str = "(new, changed, unchanged, failed)",
    ) -> None:
        self.db_path = str(db_path)
        self.run_id = run_id
        self.source = source
        self.job = job
        self.what = what  # what the job's counts are, for the log
        self._conn: Connection | None = None
        self._process: BaseProcess | None = None

    @property
    def started(self) -> bool:
        return self._process is not None

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe(duplex=True)
        process = context.Process(
            target=worker_process.run,
            args=(f"{__name__}:_serve", theirs, *(self.db_path, self.run_id, self.source)),
            kwargs={"parent": os.getpid(), "job": f"{self.job.__module__}:{self.job.__qualname__}"},
            name=f"praktyki-assembly-{self.run_id}",
            daemon=True,
        )
        process.start()
        theirs.close()  # our copy: the worker must see EOF when we are gone
        self._conn, self._process = ours, process
        log.info("run %d: assembly worker started (pid %s)", self.run_id, process.pid)

    def finish(self, timeout: float = FINISH_TIMEOUT) -> bool:
        """Ask for a last round and wait for it; False when the worker failed (the run's last
        phase then assembles what it did not)."""
        if self._conn is None or self._process is None:
            return False
        reply: object = None
        try:
            self._conn.send(_FINISH)
            if self._conn.poll(timeout):
                reply = self._conn.recv()
        except (EOFError, OSError) as exc:
            reply = ("error", f"the worker is gone: {exc}")
        self.stop()
        if isinstance(reply, tuple) and reply and reply[0] == "done":
            log.info("run %d: worker done: %s %s", self.run_id, reply[1], self.what)
            return True
        log.warning(
            "run %d: assembly worker failed (%s); the crawler assembles the rest",
            self.run_id,
            reply,
        )
        return False

    def stop(self, timeout: float = 10.0) -> None:
        """Close the pipe (the worker exits at its next check) and reap it."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            self._process.join(timeout)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None


class WorkerLauncher:
    """Starts the run's worker once it has something to do: called after each write of the
    engine, it looks (at most every ``interval`` seconds) whether navigation is complete (when
    ``after_navigation``) and the run has fetched at least ``min_fetched`` URLs of ``kinds``
    with a body (2xx) — for BDP practice summaries. A refresh whose pages answer 304 or are
    skipped by the revalidation policy only re-sights them, which costs less in the crawler
    than spawning the worker does.

    Both looks are frontier scans that grow with the run: navigation, once complete, is not
    looked at again (as :class:`ReadyPractices` does), and each count short of
    ``min_fetched`` doubles the wait for the next (up to ``max_interval``), so a refresh
    that never gets there does not pay a scan every ``interval`` all night."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        worker: AssemblyWorker,
        *,
        min_fetched: int,
        kinds: Collection[str] = ("practice",),
        after_navigation: bool = True,
        interval: float = 0.2,
        max_interval: float = 1.0,
    ) -> None:
        self.db = db
        self.worker = worker
        self.min_fetched = min_fetched
        self.kinds = tuple(kinds)
        self.after_navigation = after_navigation
        self.interval = interval
        self.max_interval = max(max_interval, interval)
        self._wait = interval
        self._checked = 0.0
        self._navigation = False

    def __call__(self) -> None:
        now = time.monotonic()
        if self.worker.started or now - self._checked < self._wait:
            return
        self._checked = now
        if self.after_navigation and not self._navigation_complete():
            return
        fetched = Frontier(self.db, self.worker.run_id).fetched(self.kinds)
        if fetched >= self.min_fetched:
            self.worker.start()
        else:
            self._wait = min(self._wait * 2, self.max_interval)

    def _navigation_complete(self) -> bool:
        self._navigation = self._navigation or navigation_complete(self.db, self.worker.run_id)
        return self._navigation
