"""Who may import whom: the runtime package never imports the replica, and the CLI's quick
paths (``--version``, ``--help``) load neither the crawler nor the store (import cycles:
``test_architecture.py``)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import praktyki

RUNTIME = Path(praktyki.__file__).parent
MODULES = sorted(RUNTIME.rglob("*.py"))


def imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(RUNTIME.parent)))
def test_no_runtime_module_imports_the_replica(path: Path) -> None:
    assert not {n for n in imported_names(path) if n.split(".")[0] == "praktyki_replica"}


HEAVY = (
    "httpx",
    "rich",
    "sqlite_utils",
    "praktyki.crawl.engine",
    "praktyki.load",
    "praktyki_replica",
    # the parsers and their models: ~0.1 s of start-up (pydantic alone), only for parse itself
    "pydantic",
    "selectolax",
    "praktyki.schemas",
    "praktyki.parsers",
)

_PROBE = """
import json, sys
from praktyki.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {"httpx", "rich",
    "sqlite_utils", "praktyki", "praktyki_replica", "pydantic", "selectolax"})))
"""


@pytest.mark.parametrize("args", [["--version"], ["parse", "--help"]], ids=" ".join)
def test_quick_commands_import_nothing_heavy(args: list[str]) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    assert not {m for m in loaded if m.startswith(HEAVY)}
