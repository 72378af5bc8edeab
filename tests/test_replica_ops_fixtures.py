"""The OPS replica fixtures (tests/fixtures/ops/replica) match what the replica serves today."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "ops" / "replica"


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "ops_make_fixtures", FIXTURES / "make_fixtures.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


MAKER = _maker()
SITES = {site.name: site for site in MAKER.build_ops_sites()}
CASES = [
    (name, case, target) for name, cases in MAKER.CASES.items() for case, target in cases.items()
]


@pytest.mark.parametrize(("name", "case", "target"), CASES, ids=[f"{n}_{c}" for n, c, _ in CASES])
def test_fixture_is_current(name: str, case: str, target: str, update_golden: bool) -> None:
    url = MAKER.BASE + target
    resource = MAKER.fetch(SITES[name], url)
    want = {
        ".html": resource.body,
        ".headers": f"Content-Type: {resource.content_type}\n".encode(),
        ".json": MAKER.expected(SITES[name], url).encode(),
    }
    stem = FIXTURES / f"{name}_{case}"
    if update_golden:
        for suffix, body in want.items():
            stem.with_suffix(suffix).write_bytes(body)
    assert {s: stem.with_suffix(s).read_bytes() for s in want} == want


def test_every_site_has_fixtures() -> None:
    assert {p.name.split("_")[0] for p in FIXTURES.glob("*.json")} == set(SITES)
