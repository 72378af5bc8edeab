"""The ordered process-pool map behind ``praktyki parse --jobs``."""

from __future__ import annotations

import os

import pytest

from praktyki.errors import ParseError
from praktyki.pool import _chunks, available_cores, ordered_map


def square(n: int) -> int:
    return n * n


def pid(_: int) -> int:
    return os.getpid()


def die(n: int) -> int:
    if n == 5:
        os._exit(3)  # a worker killed mid-chunk, as by a crash in C code
    return n


@pytest.mark.parametrize("jobs", [1, 2, 3], ids=lambda jobs: f"jobs={jobs}")
def test_results_come_in_input_order(jobs: int) -> None:
    items = list(range(500))
    assert list(ordered_map(square, items, jobs=jobs, min_items=1)) == [n * n for n in items]


@pytest.mark.parametrize("count", [1, 5, 70, 1520], ids=lambda count: f"{count} items")
def test_chunks_cover_the_items_in_order(count: int) -> None:
    items = list(range(count))
    assert [item for chunk in _chunks(items, 2) for item in chunk] == items


def test_chunks_shrink_towards_the_end() -> None:
    sizes = [len(chunk) for chunk in _chunks(list(range(1520)), 2)]
    assert sizes[0] == 32
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-2] == 4  # the last may be smaller still


def test_small_inputs_run_in_this_process() -> None:
    assert set(ordered_map(pid, list(range(10)), jobs=2, min_items=64)) == {os.getpid()}


def test_large_inputs_run_in_worker_processes() -> None:
    assert os.getpid() not in set(ordered_map(pid, list(range(200)), jobs=2, min_items=64))


def test_a_dead_worker_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="process died"):
        list(ordered_map(die, list(range(100)), jobs=2, min_items=1))


def test_available_cores_is_at_least_one() -> None:
    assert available_cores() >= 1
