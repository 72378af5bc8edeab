"""Dataset columns derived from the pydantic models, so that a new Metryka field is declared
once, in :class:`praktyki.schemas.bdp.Metryka` (plus its labels in ``parsers/labels.py``).

The loader's field list, the ``practices`` columns and their types, and the codebook's column
types all come from here. A scalar Metryka field the version-1 schema did not have is added to
``practices`` as a nullable column when the file is opened (:func:`add_model_columns`).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping

from pydantic import BaseModel
from sqlite_utils import Database

from praktyki.schemas.bdp import Metryka

__all__ = ["METRYKA_COLUMNS", "SQL_TYPES", "add_model_columns", "scalar_columns"]

#: How a scalar model value is stored: dates as ISO text.
STORAGE: Mapping[type, type] = {str: str, int: int, float: float, dt.date: str, dt.datetime: str}
SQL_TYPES: Mapping[type, str] = {str: "TEXT", int: "INTEGER", float: "REAL"}


def _scalar(annotation: object) -> type | None:
    """The storage type of ``X`` or ``X | None`` for a scalar X; None for anything else."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _scalar(members[0]) if len(members) == 1 else None
    return STORAGE.get(annotation) if isinstance(annotation, type) else None


def scalar_columns(model: type[BaseModel]) -> dict[str, type]:
    """The model's scalar fields in declaration order, with the type each is stored as."""
    columns = {}
    for name, info in model.model_fields.items():
        storage = _scalar(info.annotation)
        if storage is not None:
            columns[name] = storage
    return columns


#: The Metryka fields flattened into ``practices`` (lists go to child tables).
METRYKA_COLUMNS: Mapping[str, type] = types.MappingProxyType(scalar_columns(Metryka))


def add_model_columns(db: Database, columns: Mapping[str, type] = METRYKA_COLUMNS) -> None:
    """Add to ``practices`` each Metryka column it lacks (nullable; in the caller's
    transaction). Nothing to do for a file whose schema already matches the model."""
    practices = db.table("practices")
    existing = set(practices.columns_dict)
    for name, storage in columns.items():
        if name not in existing:
            practices.add_column(name, storage)
