"""The BDP replica's golden fixtures are exactly what the replica serves today."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

FOLDER = Path(__file__).parent / "fixtures" / "bdp" / "replica"


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bdp_replica_fixtures", FOLDER / "make_fixtures.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKER = _maker()
CASES = MAKER.build_fixtures()


@pytest.mark.parametrize("case", sorted(CASES))
def test_fixture_matches_what_the_replica_serves(case: str, update_golden: bool) -> None:
    body, content_type, truth = CASES[case]
    if update_golden:
        MAKER.write_fixtures(FOLDER)
    assert (FOLDER / f"{case}.html").read_bytes() == body
    assert (FOLDER / f"{case}.headers").read_text(encoding="ascii").strip() == content_type
    assert json.loads((FOLDER / f"{case}.json").read_text(encoding="utf-8")) == truth
