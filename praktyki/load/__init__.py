"""The documented public name of the dataset API (README: ``from praktyki.load import ...``).

Everything here is :mod:`praktyki.store`, which owns the database; this package only keeps the
old import path working.
"""

from praktyki.store import (
    SCHEMA_VERSION,
    Change,
    ChangeKind,
    DatabaseLock,
    begin_run,
    ensure_schema,
    finish_run,
    fold_polish,
    get_run,
    load_ops_bundle,
    load_practice,
    load_sections,
    mark_ops_removed,
    mark_removed,
    open_database,
    search_ops,
    search_practices,
    touch_practice,
    unfinished_runs,
)

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
    "unfinished_runs",
]
