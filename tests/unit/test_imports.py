"""The shape of the ``etl`` package, read statically from its source (nothing is imported).

* No import cycle between modules of ``etl``. Every ``import`` that runs counts: at module
  level and inside functions and methods (the package imports heavy libraries lazily, so a
  cycle through a function-level import is as real a tangle as one at the top). Imports under
  ``if TYPE_CHECKING:`` never run and are left out. ``import a.b.c`` and ``from a.b import c``
  are one edge to the most specific module of ``etl`` they name (``etl.a.b.c`` when it is a
  module, else the package ``etl.a.b``); the parent packages Python initialises on the way are
  not edges of their own.
* No module of ``etl`` over :data:`MAX_LINES` lines (the house rule).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "etl"
MAX_LINES = 600


def module_files() -> dict[str, Path]:
    """Dotted name → file of every module and package under etl/."""
    out = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(nodes):
    """Every Import/ImportFrom among ``nodes`` and below them, but for ``if TYPE_CHECKING:`` bodies."""
    for node in nodes:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            yield from _import_nodes(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        yield from _import_nodes(ast.iter_child_nodes(node))


def _target(name: str, modules: dict[str, Path]) -> str | None:
    """The most specific module of etl that the dotted ``name`` names (None: not etl's)."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Modules of etl that ``module`` imports (at any depth of its code)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in _import_nodes(tree.body):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            base = _absolute(node, module, path.name == "__init__.py")
            names = [f"{base}.{alias.name}" for alias in node.names]  # a submodule, else a name in base
        for name in names:
            target = _target(name, modules)
            if target is not None and target != module:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def _describe(component: list[str], graph: dict[str, set[str]]) -> str:
    members = set(component)
    edges = [f"{a} -> {b}" for a in component for b in sorted(graph[a] & members)]
    return "; ".join(edges)


def test_the_graph_sees_the_package():
    graph = import_graph()
    assert len(graph) > 50
    assert "etl.db.engine" in graph["etl.pipeline"]  # module level
    assert "etl.pipeline" in graph["etl.workers"]  # inside a function


def test_cycles_are_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_imports_resolve(tmp_path):
    modules = {"etl": ROOT, "etl.w": ROOT, "etl.x": ROOT, "etl.x.y": ROOT, "etl.z": ROOT}
    src = tmp_path / "m.py"
    src.write_text(
        "from typing import TYPE_CHECKING\n"
        "import etl.x.y.name_in_y\n"
        "from .. import z\n"
        "if TYPE_CHECKING:\n    from etl import w\n"
        "def f():\n    from etl.x import something\n",
        encoding="utf-8",
    )
    assert imports_of("etl.x.m", src, modules) == {"etl.x.y", "etl.z", "etl.x"}


def test_no_import_cycle_in_etl():
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles in etl/:\n" + "\n".join(_describe(c, graph) for c in found)


@pytest.mark.parametrize("module", sorted(module_files()))
def test_module_is_not_too_long(module):
    path = module_files()[module]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines (at most {MAX_LINES})"
