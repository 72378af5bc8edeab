"""What the codebook is made of: a table's and a column's description, as data."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ColumnDoc", "TableDoc", "column"]


@dataclass(frozen=True)
class ColumnDoc:
    name: str
    type: str  # the declared SQLite type ("" for FTS5 columns)
    meaning: str
    label: str = ""  # where it comes from on the page, if anywhere
    example: str = ""


@dataclass(frozen=True)
class TableDoc:
    name: str
    description: str
    key: str
    columns: tuple[ColumnDoc, ...]


def column(name: str, type_: str, meaning: str, label: str = "", example: str = "") -> ColumnDoc:
    return ColumnDoc(name, type_, meaning, label, example)
