"""What a run changed, record by record: the report a nightly job mails or logs.

Built from the dataset itself, so it is the same after ``praktyki reparse``: records first seen
in the run are ``new``, records the run marked removed are ``removed``, and records with
``history`` rows in the run are ``changed`` (with the fields that changed).
"""

from __future__ import annotations

from sqlite_utils import Database

from praktyki.schemas.run import RunChange

__all__ = ["RunChange", "run_changes"]

_NEW_OR_REMOVED = """
SELECT 'practice', source, practice_id, CASE WHEN removed_run = :run THEN 'removed' ELSE 'new' END
FROM practices WHERE first_seen_run = :run OR removed_run = :run
UNION ALL
SELECT 'ops_page', source, url || '#' || article_index,
       CASE WHEN removed_run = :run THEN 'removed' ELSE 'new' END
FROM ops_pages WHERE first_seen_run = :run OR removed_run = :run
ORDER BY 1, 2, 3
"""

_CHANGED = """
SELECT entity, source, key, group_concat(field, ',')
FROM (SELECT entity, source, key, field FROM history WHERE run_id = :run ORDER BY id)
GROUP BY entity, source, key
ORDER BY entity, source, key
"""


def run_changes(db: Database, run_id: int) -> list[RunChange]:
    """Every record run ``run_id`` added, changed or removed, in a stable order."""
    params = {"run": run_id}
    changes = [
        RunChange(entity=entity, source=source, key=key, change=change)
        for entity, source, key, change in db.execute(_NEW_OR_REMOVED, params).fetchall()
    ]
    settled = {(c.entity, c.source, c.key) for c in changes}
    for entity, source, key, fields in db.execute(_CHANGED, params).fetchall():
        if (entity, source, key) not in settled:  # a removal's status row is not a change
            changes.append(
                RunChange(
                    entity=entity,
                    source=source,
                    key=key,
                    change="changed",
                    fields=tuple(dict.fromkeys(fields.split(","))),
                )
            )
    return changes
