"""A small dataset for the Datasette and browser tests: two practices, one about współpraca."""

from __future__ import annotations

from pathlib import Path

from store_helpers import SEED_URL, new_database, new_run, seed_bundle

from praktyki.load import load_practice


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
    db.close()
    return root / "data" / "praktyki.db"
