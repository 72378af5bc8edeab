"""`praktyki demo` serves the replicas on stable ports, so running it again is a refresh."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from conftest import free_port_run

from praktyki_replica.demo import run_demo

SITES = 6  # the BDP replica and five OPS sites, on consecutive ports


@pytest.fixture
def port() -> int:
    return free_port_run(SITES)


@pytest.fixture
def occupied(port: int) -> Iterator[int]:
    with ExitStack() as stack:
        listener = stack.enter_context(socket.socket())
        listener.bind(("127.0.0.1", port))
        listener.listen()
        yield port


@pytest.mark.slow
def test_second_demo_is_an_incremental_refresh(tmp_path: Path, port: int) -> None:
    db = tmp_path / "demo.db"
    first = run_demo(db, practices=8, port=port)
    second = run_demo(db, practices=8, port=port)
    assert (first.bdp.new, first.bdp.changed) == (8, 0)
    assert (second.bdp.new, second.bdp.changed, second.bdp.unchanged) == (0, 0, 8)
    assert second.bdp.not_modified > 0
    assert second.ops is not None
    assert (second.ops.new, second.ops.changed, second.ops.removed) == (0, 0, 0)


@pytest.mark.slow
def test_demo_falls_back_to_free_ports_when_its_port_is_taken(
    tmp_path: Path, occupied: int
) -> None:
    result = run_demo(tmp_path / "demo.db", practices=5, port=occupied)
    assert result.bdp.new == 5
    assert not result.base_urls["bdp"].endswith(f":{occupied}")
