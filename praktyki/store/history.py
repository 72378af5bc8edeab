"""The ``history`` table: one row per changed field of a record, and the run that saw it."""

from __future__ import annotations

from collections.abc import Mapping

from sqlite_utils import Database

from praktyki.store.rows import Scalar, insert_rows

__all__ = ["changed_fields", "history_value", "record_change", "record_history"]


def history_value(value: Scalar) -> str | None:
    """A value as history stores it: text as is, numbers as their decimal text, NULL as NULL."""
    if value is None or isinstance(value, str):
        return value
    return str(value)


def changed_fields(old: Mapping[str, Scalar], new: Mapping[str, Scalar]) -> tuple[str, ...]:
    """The fields of ``new`` whose value differs from ``old`` (in ``new``'s order)."""
    return tuple(name for name, value in new.items() if old.get(name) != value)


def record_change(
    db: Database,
    *,
    source: str,
    entity: str,
    key: str,
    changes: Mapping[str, tuple[Scalar, Scalar]],
    run_id: int,
) -> None:
    """Append one history row per ``field -> (old, new)``."""
    insert_rows(
        db,
        "history",
        [
            {
                "source": source,
                "entity": entity,
                "key": key,
                "field": name,
                "old_value": history_value(old),
                "new_value": history_value(new),
                "run_id": run_id,
            }
            for name, (old, new) in changes.items()
        ],
    )


def record_history(
    db: Database,
    *,
    source: str,
    entity: str,
    key: str,
    old: Mapping[str, Scalar],
    new: Mapping[str, Scalar],
    fields: tuple[str, ...],
    run_id: int,
) -> None:
    """History rows for ``fields``, taking their old and new values from the two records."""
    changes = {name: (old.get(name), new.get(name)) for name in fields}
    record_change(db, source=source, entity=entity, key=key, changes=changes, run_id=run_id)
