"""Who may import whom: the runtime package never imports the replica, the replica has no
import cycle (function-level imports included), and the CLI's quick paths (``--version``,
``--help``) load neither the crawler nor the store."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import praktyki
import praktyki_replica

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


def module_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports, anywhere in its body."""
    modules = {
        ".".join(path.relative_to(package.parent).with_suffix("").parts).removesuffix(
            ".__init__"
        ): path
        for path in package.rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                subs = {f"{node.module}.{alias.name}" for alias in node.names}
                found |= (subs & set(modules)) or ({node.module} & set(modules))
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names} & set(modules)
        graph[name] = found - {name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of ``graph`` (empty if none), by depth-first search."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                return [*path[path.index(dep) :], dep]
            if dep not in state and (cycle := visit(dep)):
                return cycle
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_find_cycle_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_replica_has_no_import_cycle() -> None:
    assert find_cycle(module_graph(Path(praktyki_replica.__file__).parent)) == []


def test_the_cli_has_no_import_cycle() -> None:
    cli = {k: v for k, v in module_graph(RUNTIME).items() if k.startswith("praktyki.cli")}
    assert find_cycle({k: v & set(cli) for k, v in cli.items()}) == []


HEAVY = (
    "httpx",
    "rich",
    "sqlite_utils",
    "praktyki.crawl.engine",
    "praktyki.load",
    "praktyki_replica",
)

_PROBE = """
import json, sys
from praktyki.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {"httpx", "rich",
    "sqlite_utils", "praktyki", "praktyki_replica"})))
"""


@pytest.mark.parametrize("args", [["--version"], ["parse", "--help"]], ids=" ".join)
def test_quick_commands_import_nothing_heavy(args: list[str]) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    assert not {m for m in loaded if m.startswith(HEAVY)}
