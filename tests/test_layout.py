"""The package layering of generator/: no import cycles, and no layer imports one above it.

Every module under generator/ is parsed with `ast` (nothing is imported); every ``generator.*``
import counts, also those inside functions and ``if TYPE_CHECKING:`` blocks. From the bottom up:
loading, models, validation, URLs and problems; derive/ (catalog, agenda, German wording);
outputs/; build/, serve and the CLI.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

FORBIDDEN = {
    **{
        lower: ("generator.derive", "generator.outputs", "generator.build", "generator.serve", "generator.cli")
        for lower in (
            "generator.load",
            "generator.models",
            "generator.validate",
            "generator.urls",
            "generator.problems",
        )
    },
    "generator.derive": ("generator.outputs", "generator.build"),
    "generator.outputs": ("generator.build", "generator.serve", "generator.cli"),
}
"""Module or package → what neither it nor anything below it may import."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _imports(path: Path, modules: set[str]) -> dict[str, int]:
    """Every generator module ``path`` imports, with the line of the first such import."""
    name = _module_name(path)
    is_package = path.name == "__init__.py"
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # `from generator.x import y` imports generator.x.y when y is a module, else generator.x
            targets = [
                f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source for alias in node.names
            ]
        for target in targets:
            if _within(target, "generator"):
                while target not in modules and "." in target:  # `import generator.x.y` of a name
                    target = target.rsplit(".", 1)[0]
                found.setdefault(target, node.lineno)
    return found


def _graph() -> dict[str, dict[str, int]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(path) for path in paths}
    return {_module_name(path): _imports(path, modules) for path in paths}


def _source(module: str) -> str:
    path = PACKAGE.parent / Path(*module.split("."))
    return str((path / "__init__.py" if path.is_dir() else path.with_suffix(".py")).relative_to(PACKAGE.parent))


def test_the_graph_sees_imports_in_functions_and_type_checking_blocks() -> None:
    graph = _graph()
    assert len(graph) > 50
    assert "generator.outputs.pages.render" in graph["generator.build.stages"]
    assert "generator.build.publish" in graph["generator.cli"]  # imported inside a function
    assert "generator.models.site" in graph["generator.outputs.standalone.qr"]  # under TYPE_CHECKING


def test_no_layer_imports_one_above_it() -> None:
    wrong = [
        f"{_source(module)}:{line}: {module} imports {target} (nothing in {lower} may import {upper})"
        for module, imports in _graph().items()
        for lower, uppers in FORBIDDEN.items()
        if _within(module, lower)
        for target, line in imports.items()
        for upper in uppers
        if _within(target, upper)
    ]
    assert wrong == [], "imports against the layering:\n  " + "\n  ".join(sorted(wrong))


def _cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Import cycles found by a depth-first walk, each as ``[a, b, …, a]``."""
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, {})):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return cycles


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3, "d": 4}, "d": {}}
    assert _cycles(graph) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b": 1}, "b": {}, "c": {"a": 1, "b": 2}}) == []


def test_no_import_cycles() -> None:
    graph = _graph()
    cycles = _cycles(graph)
    shown = [
        " → ".join(f"{a} ({_source(a)}:{graph[a][b]})" for a, b in itertools.pairwise(cycle)) + f" → {cycle[-1]}"
        for cycle in cycles
    ]
    assert cycles == [], "import cycles (module, file:line of the import → next):\n  " + "\n  ".join(shown)


def test_only_the_frame_imports_mkdocs() -> None:
    """Replacing MkDocs + Material must touch one folder: `outputs/frame/`."""
    users = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name == "mkdocs" or name.startswith("mkdocs.") for name in names):
                users.append(path.relative_to(PACKAGE.parent).as_posix())
    assert users and all(user.startswith("generator/outputs/frame/") for user in users), users
