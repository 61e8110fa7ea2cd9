"""The folders show the pipeline: imports run one way, no cycles, small modules.

Read from the source text (``ast``), not by importing, so that a lazy import inside a function
counts as much as one at the top of a file: a cycle that only bites at run time is still a cycle.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "builder"
MAX_LINES = 400

# Each unit (a stage package or a top-level module) may import only units of a lower rank:
# face → pipeline → stages → text/model/errors. Units of the same rank never import each other,
# which keeps the two renderers (and check) independent.
RANKS: dict[str, int] = {
    "errors": 0,
    "model": 1,
    "text": 2,
    "write": 2,
    "load": 3,
    "layout": 4,
    "resolve": 5,
    "charts": 5,
    "atlas": 1,
    "guide": 6,
    "deck": 6,
    "check": 6,
    "build": 7,
    "course": 8,
    "worker": 8,  # builder/worker.py: a watch's long-lived deck process
    "watch": 9,
    "progress": 9,
    "schema": 9,
    "commands": 10,
    "cli": 11,
    "__main__": 12,
    "__init__": -1,  # builder/__init__.py: the version, imported by anyone
}
RENDERER_LIBRARIES = ("reportlab", "pptx")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@lru_cache(maxsize=None)
def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """Every module name this file imports, anywhere in it (top level, functions, TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:  # a submodule when it is one, else a name from ``base``
                submodule = f"{base}.{alias.name}"
                names.add(submodule if submodule in _modules() else base)
    return names


def _builder_imports(path: Path) -> set[str]:
    """The project modules a file imports (``from builder.charts import scene`` → the module)."""
    known = _modules()
    return {name for name in _imports(path) if name in known} - {_module_name(path)}


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path, or None (iterative depth-first search)."""
    state: dict[str, int] = {}
    for start in sorted(graph):
        if state.get(start):
            continue
        stack: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        path = [start]
        state[start] = 1
        while stack:
            node, pending = stack[-1]
            if not pending:
                state[node] = 2
                stack.pop()
                path.pop()
                continue
            child = pending.pop()
            if state.get(child) == 1:
                return path[path.index(child):] + [child]
            if not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, sorted(graph.get(child, ()))))
    return None


def test_every_unit_has_a_rank() -> None:
    units = {_unit(module) for module in _modules()}
    assert units <= set(RANKS), f"give these a rank in RANKS: {sorted(units - set(RANKS))}"


def test_imports_run_one_way() -> None:
    wrong = []
    for module, path in _modules().items():
        unit = _unit(module)
        for target in _builder_imports(path):
            other = _unit(target)
            if other != unit and other != "__init__" and RANKS[other] >= RANKS[unit]:
                wrong.append(f"{module} imports {target} ({unit} → {other})")
    assert not wrong, "imports against the pipeline's direction:\n" + "\n".join(sorted(wrong))


def test_no_import_cycles_between_modules() -> None:
    graph = {module: _builder_imports(path) for module, path in _modules().items()}
    # A package's __init__ re-exports are not a dependency of its own modules on each other.
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_validate_side_imports_no_renderer_library() -> None:
    """``load`` (what ``validate`` runs) is read without reportlab or python-pptx."""
    offenders = []
    for module, path in _modules().items():
        if _unit(module) in ("load", "model", "errors"):
            for name in _imports(path):
                if name.split(".")[0] in RENDERER_LIBRARIES:
                    offenders.append(f"{module} imports {name}")
    assert not offenders, "\n".join(offenders)


# What ``run_validate`` (builder/commands.py) imports: loading, layouts, and resolving
VALIDATE_ENTRY = ("builder.load.yamlfile", "builder.load.source", "builder.layout",
                  "builder.resolve.document")


def test_validate_reaches_no_renderer_library() -> None:
    """Everything ``validate`` can reach — every module imported, at the top or lazily inside a
    function, by what it imports, transitively — is free of reportlab and python-pptx. So the
    resolve-level checks validate runs (glyph coverage included) cannot pull a renderer in."""
    commands = _imports(_modules()["builder.commands"])
    assert set(VALIDATE_ENTRY) - {"builder.layout"} <= commands | {"builder.load.yamlfile"}
    reached: set[str] = set()
    pending = list(VALIDATE_ENTRY)
    while pending:
        module = pending.pop()
        if module in reached:
            continue
        reached.add(module)
        pending += sorted(_builder_imports(_modules()[module]))
    assert "builder.text.coverage" in reached  # the check that once needed reportlab
    offenders = sorted(f"{module} imports {name}" for module in reached
                       for name in _imports(_modules()[module])
                       if name.split(".")[0] in RENDERER_LIBRARIES)
    assert not offenders, "validate reaches a renderer library:\n" + "\n".join(offenders)


@pytest.mark.parametrize("module", sorted(_modules()))
def test_no_module_over_the_limit(module: str) -> None:
    lines = _modules()[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines; split it by what the code does"


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
