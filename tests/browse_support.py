"""A small dataset for the Datasette and browser tests: two practices, one about współpraca,
and one OPS article (Łódź, CAL)."""

from __future__ import annotations

from pathlib import Path

from store_helpers import SEED_URL, new_database, new_run, seed_bundle

from praktyki.schemas.dataset import OpsBundle
from praktyki.schemas.ops import OpsPage
from praktyki.store import load_ops_bundle, load_practice

OPS_URL = "https://ops-lodz.example.pl/cal"


def browse_database(root: Path) -> Path:
    db = new_database(root)
    run = new_run(db)
    load_practice(db, seed_bundle(), run_id=run)
    load_practice(
        db,
        seed_bundle(
            practice_id="77",
            url=SEED_URL + "7",
            title="Współpraca z organizacjami pozarządowymi",
            summary="Gmina i organizacje: współpraca międzysektorowa.",
        ),
        run_id=run,
    )
    article = OpsPage(
        url=OPS_URL,
        title="CAL w Łodzi: współpraca sąsiedzka",
        body="Centrum Aktywności Lokalnej w Łodzi.",
        topics=("CAL",),
    )
    load_ops_bundle(db, OpsBundle(source="ops-lodz", url=OPS_URL, pages=(article,)), run_id=run)
    db.close()
    return root / "data" / "praktyki.db"
