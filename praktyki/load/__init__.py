"""The dataset layer: schema and migrations, loaders with history, FTS, runs, the run lock.

See docs/CODEBOOK.md (generated from :mod:`praktyki.load.codebook`) for every table.
"""

from praktyki.load.db import SCHEMA_VERSION, ensure_schema, open_database
from praktyki.load.fold import fold_polish
from praktyki.load.fts import search_ops, search_practices
from praktyki.load.lock import DatabaseLock
from praktyki.load.ops import load_ops_bundle, mark_ops_removed
from praktyki.load.practices import (
    Change,
    ChangeKind,
    load_practice,
    load_sections,
    mark_removed,
)
from praktyki.load.runs import begin_run, finish_run, get_run, unfinished_runs

__all__ = [
    "SCHEMA_VERSION",
    "Change",
    "ChangeKind",
    "DatabaseLock",
    "begin_run",
    "ensure_schema",
    "finish_run",
    "fold_polish",
    "get_run",
    "load_ops_bundle",
    "load_practice",
    "load_sections",
    "mark_ops_removed",
    "mark_removed",
    "open_database",
    "search_ops",
    "search_practices",
    "unfinished_runs",
]
