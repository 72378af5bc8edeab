"""The dataset's Metryka columns come from the model: names, order and storage types."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import BaseModel

from praktyki.store import open_database
from praktyki.store.fields import METRYKA_COLUMNS, add_model_columns, scalar_columns
from praktyki.store.practices import METRYKA_SCALARS


class Sample(BaseModel):
    name: str
    when: dt.date | None = None
    count: int | None = None
    share: float = 0.0
    tags: tuple[str, ...] = ()
    either: int | str | None = None


def test_scalar_fields_in_order_with_their_storage_type() -> None:
    assert scalar_columns(Sample) == {"name": str, "when": str, "count": int, "share": float}


def test_the_loader_writes_the_model_columns() -> None:
    assert tuple(METRYKA_COLUMNS) == METRYKA_SCALARS


@pytest.mark.parametrize("times", [1, 2])
def test_a_new_model_field_becomes_a_nullable_column(times: int) -> None:
    db = open_database(":memory:")
    for _ in range(times):
        add_model_columns(db, {**METRYKA_COLUMNS, "budget": int})
    info = {row[1]: (row[2], row[3]) for row in db.execute("PRAGMA table_info(practices)")}
    assert info["budget"] == ("INTEGER", 0)
