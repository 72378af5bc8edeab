"""The store: the one owner of the SQLite file, every table in it and all SQL text.

One schema version for the whole file and one migration path (:mod:`praktyki.store.db`); the
dataset (loaders with history, FTS, runs, the run lock) and the crawl's state (raw archive,
frontier, crawl runs, assembly marks, link cache, the reparse wipe). Nothing outside this
package writes SQL (``tests/test_architecture.py``). See docs/CODEBOOK.md (generated from
:mod:`praktyki.store.codebook`) for every table.
"""

from praktyki.store.db import SCHEMA_VERSION, ensure_schema, open_database
from praktyki.store.fold import fold_polish
from praktyki.store.fts import search_ops, search_practices
from praktyki.store.lock import DatabaseLock
from praktyki.store.ops_pages import load_ops_bundle, mark_ops_removed
from praktyki.store.practices import (
    Change,
    ChangeKind,
    load_practice,
    load_sections,
    mark_removed,
    touch_practice,
    touch_practices,
)
from praktyki.store.runs import begin_run, finish_run, get_run, resume_run, unfinished_runs

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
    "touch_practice",
    "touch_practices",
    "resume_run",
    "unfinished_runs",
]
