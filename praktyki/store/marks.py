"""What a run's assembly did and which OPS sites a run covered (assembly marks).

``crawl_assembled``: the practices the assembly worker loaded during a BDP crawl, in its order,
with their outcome; the run's last phase counts them, and reparse replays that order.
``ops_run_sites``: the OPS sites of each OPS run (the site entry as JSON) and whether each
one's crawl was complete. Both are made by :mod:`praktyki.store.schema_crawl`.
"""

from __future__ import annotations

import sqlite_utils

__all__ = [
    "record_outcome",
    "record_run_sites",
    "recorded_outcomes",
    "run_sites",
    "set_site_complete",
]


def record_outcome(
    db: sqlite_utils.Database, run_id: int, art: str, url: str, outcome: str, reason: str | None
) -> None:
    """Note that practice ``art`` of run ``run_id`` was assembled, with its outcome."""
    db.execute(
        "INSERT INTO crawl_assembled (run_id, art, url, outcome, reason) VALUES (?, ?, ?, ?, ?)",
        [run_id, art, url, outcome, reason],
    )


def recorded_outcomes(
    db: sqlite_utils.Database, run_id: int
) -> list[tuple[str, str, str, str | None]]:
    """``(art, url, outcome, reason)`` the assembly worker recorded for run ``run_id``, in
    its order."""
    rows = db.execute(
        "SELECT art, url, outcome, reason FROM crawl_assembled WHERE run_id = ? ORDER BY seq",
        [run_id],
    ).fetchall()
    return [(art, url, outcome, reason) for art, url, outcome, reason in rows]


def record_run_sites(
    db: sqlite_utils.Database, run_id: int, sites: list[tuple[str, str, str]]
) -> None:
    """The ``(name, host, spec_json)`` sites of run ``run_id`` (kept as first recorded)."""
    with db.atomic():
        db.conn.executemany(
            "INSERT OR IGNORE INTO ops_run_sites (run_id, name, host, spec) VALUES (?, ?, ?, ?)",
            [(run_id, *site) for site in sites],
        )


def run_sites(db: sqlite_utils.Database, run_id: int) -> list[tuple[str, bool]]:
    """``(spec_json, complete)`` of run ``run_id``'s sites, in the order recorded."""
    rows = db.execute(
        "SELECT spec, complete FROM ops_run_sites WHERE run_id = ? ORDER BY rowid", [run_id]
    ).fetchall()
    return [(spec, bool(complete)) for spec, complete in rows]


def set_site_complete(db: sqlite_utils.Database, run_id: int, name: str, *, complete: bool) -> None:
    db.execute(
        "UPDATE ops_run_sites SET complete = ? WHERE run_id = ? AND name = ?",
        [int(complete), run_id, name],
    )
