"""Where things live: SQL only in the store, and no import cycle among the modules of praktyki
and praktyki_replica.

Both are read from the source files with ``ast`` (nothing is imported), so the checks cover
imports made inside functions as well as those at the top of a module.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PACKAGES = (ROOT / "praktyki", ROOT / "praktyki_replica")
#: The store owns every table; the replica (a development tool, not runtime) builds no database.
SQL_ALLOWED = ("praktyki.store", "praktyki_replica")
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|ALTER|DROP)\b")
SQL_CALLS = {"execute", "executemany", "executescript"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {
    module_name(path): path for package in PACKAGES for path in sorted(package.rglob("*.py"))
}


def sql_in(tree: ast.AST) -> Iterator[str]:
    """Each string constant that reads as SQL and each DB-API ``execute``-style call."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL_WORDS.search(node.value):
                yield f"line {node.lineno}: {node.value[:60]!r}"
        elif isinstance(node, ast.Attribute) and node.attr in SQL_CALLS:
            yield f"line {node.lineno}: .{node.attr}"


def imported(name: str, tree: ast.AST) -> Iterator[str]:
    """The praktyki modules ``name`` imports, wherever the import statement stands."""
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield sub if sub in MODULES else base


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = {target for target in imported(name, tree) if target in MODULES} - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


@pytest.mark.parametrize(
    "name", [name for name in MODULES if not name.startswith(SQL_ALLOWED)], ids=str
)
def test_no_sql_outside_the_store(name: str) -> None:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    assert list(sql_in(tree)) == []


def test_the_sql_check_sees_sql() -> None:
    tree = ast.parse('db.execute("SELECT 1")\nNOTE = "an update of the table"')
    assert sorted(sql_in(tree)) == ["line 1: 'SELECT 1'", "line 1: .execute"]


def test_no_import_cycle_among_the_modules() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_check_sees_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_import_graph_sees_function_level_imports() -> None:
    tree = ast.parse("def f():\n    from praktyki.store import wipe, open_database\n")
    assert list(imported("praktyki.errors", tree)) == ["praktyki.store.wipe", "praktyki.store"]
