"""The reparse wipe: empty one source kind's dataset tables before the runs are replayed.

The archive, the frontier and the run tables stay (they are what reparse replays from).
"""

from __future__ import annotations

from typing import Literal

import sqlite_utils

from praktyki.store.ops_pages import OPS_PAGE
from praktyki.store.practices import PRACTICE
from praktyki.store.search_index import clear_search_index
from praktyki.store.tracked import EntityKind

__all__ = ["WipeKind", "wipe"]

WipeKind = Literal["bdp", "ops"]

# The entity kind of each source kind, the history entities it owns besides its own, and
# the side table its records are grouped under (sections of BDP, institutions of OPS).
_KINDS: dict[str, tuple[EntityKind, tuple[str, ...], str]] = {
    "bdp": (PRACTICE, (), "sections"),
    "ops": (OPS_PAGE, ("institution",), "institutions"),
}


def wipe(db: sqlite_utils.Database, kind: WipeKind) -> None:
    """Empty the dataset tables of ``kind`` (in the caller's transaction, if any)."""
    entity_kind, other_entities, side_table = _KINDS[kind]
    entities = (entity_kind.entity, *other_entities)
    marks = ", ".join("?" for _ in entities)
    # FTS5's delete-all: a DELETE on an external-content index would re-read the owner rows
    clear_search_index(db, entity_kind.fts_table)
    for child in entity_kind.children.values():
        db.execute(f"DELETE FROM {child.table}")  # noqa: S608
    db.execute(f"DELETE FROM history WHERE entity IN ({marks})", list(entities))  # noqa: S608
    db.execute(f"DELETE FROM {entity_kind.table}")  # noqa: S608
    db.execute(f"DELETE FROM {side_table}")  # noqa: S608
