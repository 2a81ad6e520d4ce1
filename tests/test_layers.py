"""The architecture as tests (docs/architecture.md): no import cycles, nothing below `cli/` prints or parses
arguments, few loose modules at the root, no module too long to read."""

from __future__ import annotations

import ast
from pathlib import Path

import delegation_lists

PACKAGE = Path(delegation_lists.__file__).parent
NAME = "delegation_lists"


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its `__init__`)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _runtime_imports(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Modules imported when the code runs (module level or inside functions), not under `if TYPE_CHECKING`."""
    found: set[str] = set()
    base = module.split(".") if is_package else module.split(".")[:-1]

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _type_checking(child):
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                root = base[: len(base) - child.level + 1] if child.level else []
                target = ".".join([*root, *([child.module] if child.module else [])])
                found.add(target)
                found.update(f"{target}.{a.name}" for a in child.names)
            visit(child)

    visit(tree)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        imports = _runtime_imports(ast.parse(path.read_text(encoding="utf-8")), name, path.name == "__init__.py")
        graph[name] = {m for m in imports if m in modules and m != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle between modules other than a package and its own submodules, or None."""
    def own(a: str, b: str) -> bool:
        return b.startswith(a + ".") or a.startswith(b + ".")

    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if own(node, nxt):
                continue
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (found := walk(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := walk(start)):
            return found
    return None


def test_no_import_cycle():
    assert _cycle(_graph()) is None


def test_a_planted_cycle_is_found():
    graph = {"p.a": {"p.b"}, "p.b": {"p.c"}, "p.c": {"p.a"}, "p": {"p.a"}}
    assert _cycle(graph) == ["p.a", "p.b", "p.c", "p.a"]


def test_only_the_cli_prints_and_parses_arguments():
    graph_imports = {name: _runtime_imports(ast.parse(path.read_text(encoding="utf-8")), name, path.name == "__init__.py")
                     for name, path in _modules().items() if not name.startswith(f"{NAME}.cli")}
    offenders = {name: sorted(m for m in imports if m.split(".")[0] in ("typer", "rich", "click"))
                 for name, imports in graph_imports.items()}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_few_loose_modules_and_none_too_long():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert len(loose) <= 6, loose
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}
