"""No import cycles among the app's modules: each layer builds only on the ones below it.

The graph is read from the source with `ast`, so it sees every import: at module level,
inside functions (deferred imports still tie two modules together). For the records of
`ssi_coach.model` the ones under `if TYPE_CHECKING:` count too: a record that names a type
from a module above it is not at the bottom any more.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = ROOT / "py"
Graph = dict[str, set[str]]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PY).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.Module, typing_too: bool) -> Iterator[ast.Import | ast.ImportFrom]:
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node) and not typing_too:
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _targets(node: ast.Import | ast.ImportFrom, here: str, is_package: bool,
             known: set[str]) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    if node.level:
        base = here.split(".") if is_package else here.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        module = ".".join([*base, *([node.module] if node.module else [])])
    else:
        module = node.module or ""
    # `from package import submodule` depends on the submodule; `from module import name`
    # on the module.
    submodules = {f"{module}.{alias.name}" for alias in node.names} & known
    names_only = len(submodules) < len(node.names)
    return {*submodules, *([module] if names_only else [])}


def import_graph(typing_too: bool = False, only: str = "") -> Graph:
    """Module -> the app modules it imports, for every module under py/ (or under `only`)."""
    paths = {module_name(p): p for p in PY.rglob("*.py")}
    known = set(paths)
    graph: Graph = {}
    for name, path in paths.items():
        if not name.startswith(only):
            continue
        tree = ast.parse(path.read_text(), str(path))
        is_package = path.name == "__init__.py"
        graph[name] = {
            target for node in _import_nodes(tree, typing_too)
            for target in _targets(node, name, is_package, known)
            if target in known and target != name and target.startswith(only)
        }
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _describe(groups: list[list[str]], graph: Mapping[str, set[str]]) -> str:
    lines = []
    for group in groups:
        edges = [f"{a} -> {b}" for a in group for b in sorted(graph[a]) if b in group]
        lines.append("cycle among " + ", ".join(group) + ": " + "; ".join(edges))
    return "\n".join(lines)


def test_no_module_under_py_imports_itself_round_a_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 50  # the graph really was read
    found = cycles(graph)
    assert not found, _describe(found, graph)


def test_records_sit_at_the_bottom_even_for_type_only_imports() -> None:
    graph = import_graph(typing_too=True, only="ssi_coach")
    below = {"ssi_coach.model", "ssi_coach.errors", "ssi_coach.text"}
    for module, targets in graph.items():
        if module.startswith("ssi_coach.model"):
            above = {t for t in targets if not t.startswith(tuple(below))}
            assert not above, f"{module} imports {sorted(above)}"


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert "a -> b" in _describe(cycles(graph), graph)
