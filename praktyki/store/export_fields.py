"""The logical type of every exported column: what Frictionless, Parquet and pandas are told.

SQLite stores dates and date-times as ISO text and JSON lists as text; an export says what they
are. Dates become ``date`` fields (Parquet ``date32``), date-times ``datetime`` fields (Parquet
timestamps: with the UTC zone where the value carries an offset, naive where the site gave a
local time without one), integers stay nullable integers, and everything else, phones and ids
included, is a string: ``+48297412158`` and the ``art`` number ``0123`` must never become numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from praktyki.store.codebook_types import ColumnDoc

__all__ = ["FieldKind", "TypedColumn", "typed_column"]


class FieldKind(StrEnum):
    """Frictionless field types used by the export (the values are Table Schema type names)."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"
    DATETIME = "datetime"


# Date columns hold ISO dates; the date-time columns hold ISO date-times. Named here, not in
# the SQLite schema, because SQLite has no such types (the codebook says "ISO" for each).
_DATES = frozenset({"date_added", "date_updated"})
_DATETIMES = frozenset({"fetched_at", "published_at", "modified_at", "started_at", "finished_at"})
# Date-times the crawler stamps itself (always UTC with an offset); the others come from pages.
_UTC_DATETIMES = frozenset({"fetched_at", "started_at", "finished_at"})

_BY_SQLITE = {"INTEGER": FieldKind.INTEGER, "REAL": FieldKind.NUMBER}


@dataclass(frozen=True)
class TypedColumn:
    """A codebook column with the type an export declares for it."""

    name: str
    kind: FieldKind
    description: str
    utc: bool = False  # a datetime always written with a UTC offset

    def frictionless(self) -> dict[str, object]:
        return {"name": self.name, "type": self.kind.value, "description": self.description}


def typed_column(column: ColumnDoc) -> TypedColumn:
    if column.name in _DATES:
        kind = FieldKind.DATE
    elif column.name in _DATETIMES:
        kind = FieldKind.DATETIME
    else:
        kind = _BY_SQLITE.get(column.type, FieldKind.STRING)
    return TypedColumn(column.name, kind, column.meaning, utc=column.name in _UTC_DATETIMES)
