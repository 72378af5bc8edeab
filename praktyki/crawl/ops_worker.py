"""The OPS parse worker: reads a large OPS crawl's pages on the other core while it fetches.

Most of an OPS run's last phase is parsing every page it fetched; with hundreds of sites that
came after the crawl, one page after another. This job of the worker process
(:class:`~praktyki.crawl.worker.AssemblyWorker`) instead polls the frontier for pages marked
done since its last look (rows are marked done with the id of the response archived in the
same transaction, and archive ids grow), reads each one
(:func:`~praktyki.crawl.ops_reading.read_page`) and keeps the reading in ``ops_readings``
(:mod:`praktyki.store.ops_readings`), a small batch per transaction. The last phase then loads
from the readings and parses only what the worker has not read: pages done after its last
round, and any page it could not read (that page's failure is recorded there, as without a
worker). The site-level rules (teasers, lists, removals) stay in the last phase, which sees
every page of a site at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from urllib.parse import urlsplit

import sqlite_utils

from praktyki.crawl.ops_assemble import body_archive_id, run_sites
from praktyki.crawl.ops_reading import read_page
from praktyki.crawl.ops_strategy import OpsSiteSpec
from praktyki.crawl.worker import POLL_SECONDS, asked_to_finish
from praktyki.errors import StorageError
from praktyki.store import open_database
from praktyki.store.archive import Archive
from praktyki.store.crawl_runs import immediate_transaction, read_snapshot
from praktyki.store.frontier import tab_rows
from praktyki.store.ops_readings import put_readings, read_ids

__all__ = ["BATCH", "read_until_finished"]

log = logging.getLogger(__name__)

#: Pages per transaction: a few tens of ms of parsing, what the crawler's writer may wait for.
BATCH = 16

_Row = tuple[str, int, int]  # url, status, archive_id


class DonePages:
    """The OPS pages of run ``run_id`` marked done since the last :meth:`poll`."""

    def __init__(self, db: sqlite_utils.Database, run_id: int) -> None:
        self.db = db
        self.run_id = run_id
        self._after = -1  # the highest archive id seen done

    def poll(self) -> list[_Row]:
        with read_snapshot(self.db):
            rows = tab_rows(self.db, self.run_id, ["page"], done_after=self._after)
        out = []
        for _, url, _, _, status, archive_id, _ in rows:
            if status is None or archive_id is None:
                continue  # skipped by the revalidation policy: the last phase reads it
            self._after = max(self._after, archive_id)
            out.append((url, status, archive_id))
        return out


def read_until_finished(
    conn: Connection, db_path: str, run_id: int, source: str
) -> tuple[int, ...]:
    """The OPS job: read pages as they are archived until asked to finish; (pages read,)."""
    db = open_database(db_path)
    try:
        sites = {spec.host: spec for spec, _ in run_sites(db, run_id)}
        done = read_ids(db, run_id)  # a resumed run's worker: what an earlier one read
        pages, read, finish = DonePages(db, run_id), 0, False
        while True:
            last_round = finish
            rows = pages.poll()
            for chunk in _chunks(rows):
                read += _read_chunk(db, run_id, sites, chunk, done)
                finish = finish or asked_to_finish(conn, 0)
            if last_round:
                return (read,)
            backlog = len(rows) >= BATCH
            finish = finish or asked_to_finish(conn, 0 if backlog else POLL_SECONDS)
    finally:
        db.close()


def _chunks(rows: Sequence[_Row]) -> Iterator[Sequence[_Row]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def _read_chunk(
    db: sqlite_utils.Database,
    run_id: int,
    sites: dict[str, OpsSiteSpec],
    rows: Sequence[_Row],
    done: set[int],
) -> int:
    """Read ``rows`` and keep their readings in one transaction; how many were read."""
    archive = Archive(db)
    readings: list[tuple[int, str]] = []
    for url, status, archive_id in rows:
        site = sites.get(urlsplit(url).netloc)
        if site is None:
            continue
        try:
            body_id = body_archive_id(archive, url, status, archive_id)
            if body_id in done:
                continue
            reading = read_page(site, url, archive.get(body_id))
        except StorageError:
            continue  # the last phase records it
        except Exception:  # the last phase reads it again and records the failure
            log.debug("worker: %s not read", url, exc_info=True)
            continue
        done.add(body_id)
        readings.append((body_id, reading.model_dump_json()))
    if readings:
        with immediate_transaction(db):
            put_readings(db, run_id, readings)
    return len(readings)
