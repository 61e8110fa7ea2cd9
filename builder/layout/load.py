"""Load a layout: its ``extends:`` chain deep-merged over the packaged default, then checked.

Stages, each reporting every problem it finds before the load stops:

1. read the chain (the file, its parent, the parent's parent …; cycles and missing parents
   are errors at the ``extends:`` that names them);
2. merge it over ``builder/defaults/layout.yaml``, most general first, remembering which file
   gave each value;
3. make relative paths absolute and check the files; check header/footer fields; validate
   against the model;
4. lint for accessibility (errors, or warnings on stderr when not strict).
"""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel

from builder.errors import LayoutError, Problem
from builder.layout.assets import check_assets
from builder.layout.lint import lint
from builder.layout.merge import MergedLocated, deep_merge
from builder.layout.model import Layout
from builder.layout.templates import check_templates
from builder.model.base import Model
from builder.load.files import FileProblem, confine, display_path
from builder.load.validate import validate
from builder.load.yamlfile import Located, PathKey, load_yaml

DEFAULT_LAYOUT = Path(__file__).resolve().parent.parent / "defaults" / "layout.yaml"
DEFAULT_NAME = "default"
LAYOUT_SUFFIXES = (".yaml", ".yml")

__all__ = ["DEFAULT_LAYOUT", "LoadedLayout", "deep_merge", "load_layout", "read_layout"]


@dataclass(frozen=True)
class LoadedLayout:
    """A layout and the accessibility warnings it passed with (only when not strict)."""

    layout: Layout
    warnings: tuple[Problem, ...] = field(default=())


def load_layout(path: str | Path | None = None, *, strict: bool | None = None,
                warn: Callable[[Problem], None] | None = None) -> Layout:
    """Resolve a layout file (or the default alone) into a validated ``Layout``.

    ``strict`` overrides the layout's own ``strict:``; when not strict, accessibility
    problems go to ``warn`` (default: one line each on stderr) instead of failing the load.
    """
    loaded = read_layout(path, strict=strict)
    for problem in loaded.warnings:
        (warn or _print_warning)(problem)
    return loaded.layout


def read_layout(path: str | Path | None = None, *, strict: bool | None = None) -> LoadedLayout:
    """Like ``load_layout`` but returns the warnings instead of printing them."""
    default_file = DEFAULT_LAYOUT
    default, problems = load_yaml(default_file, display_path=display_path(default_file))
    if problems:
        raise LayoutError(problems)
    chain = _read_chain(Path(path)) if path is not None else []
    merged = MergedLocated.of(default, default_file)
    for file, located in reversed(chain):
        merged.overlay(located, file)
    if chain:
        leaf_file, leaf = chain[0]
        _own_identity(merged, leaf, leaf_file)
    problems = check_assets(merged) + check_templates(merged)
    layout: Layout | None = None
    try:
        layout = validate(Layout, merged, LayoutError)
    except LayoutError as error:
        problems += error.problems
    if problems or layout is None:
        raise LayoutError(_ordered(problems))
    _attach_origins(layout, merged)
    object.__setattr__(layout, "__pydantic_private__", {
        **(layout.__pydantic_private__ or {}),
        "_file": chain[0][0] if chain else None,
        "_chain": (default_file, *(file for file, _ in reversed(chain))),
    })
    findings = [merged.problem(finding.path, finding.message) for finding in lint(layout)]
    if not findings:
        return LoadedLayout(layout)
    if layout.strict if strict is None else strict:
        raise LayoutError(_ordered(findings))
    return LoadedLayout(layout, tuple(_ordered(findings)))


def _read_chain(path: Path) -> list[tuple[Path, Located]]:
    """The layout file and its ancestors, nearest first; stop at ``extends: default``."""
    chain: list[tuple[Path, Located]] = []
    file = path
    while True:
        located, problems = load_yaml(file, display_path=display_path(file))
        if problems:
            raise LayoutError(problems)
        if not isinstance(located.data, dict):
            raise LayoutError(located.problem((), "expected a mapping at the top of the layout"))
        chain.append((_real(file), located))
        parent = located.data.get("extends")
        if parent is None or parent == DEFAULT_NAME:
            return chain
        if not isinstance(parent, str) or not parent.strip():
            raise LayoutError(located.problem(("extends",), "expected a layout name (such as "
                                                            "'default') or a path to a .yaml file"))
        file = _parent_file(file, parent.strip(), located)
        seen = [existing for existing, _ in chain]
        if _real(file) in seen:
            names = [_name(existing) for existing in seen[seen.index(_real(file)):]]
            cycle = " → ".join([*names, _name(file)])
            raise LayoutError(located.problem(("extends",), f"extends cycle: {cycle}"))


def _parent_file(file: Path, parent: str, located: Located) -> Path:
    """``name`` → ``name.yaml`` beside ``file``; a path is relative to ``file``'s folder."""
    folder = Path(os.path.realpath(file)).parent
    is_path = "/" in parent or "\\" in parent or parent.endswith(LAYOUT_SUFFIXES)
    name = parent if is_path else f"{parent}.yaml"
    if is_path and not name.endswith(LAYOUT_SUFFIXES):
        name += ".yaml"
    try:
        candidate = confine(name, folder, "parent layout")
    except FileProblem as problem:
        raise LayoutError(located.problem(("extends",), str(problem))) from None
    if candidate.is_file():
        return candidate
    available = sorted({DEFAULT_NAME, *(p.stem for p in folder.iterdir()
                                        if p.suffix in LAYOUT_SUFFIXES and _real(p) != _real(file))})
    guess = difflib.get_close_matches(Path(parent).stem, available, n=1)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    raise LayoutError(located.problem(
        ("extends",), f"parent layout '{parent}' not found (no {candidate}); {hint}"
                      f"layouts in {display_path(folder) or '.'}: {', '.join(available)} "
                      f"('default' is the packaged default)"))


def _real(path: Path) -> Path:
    """The path with symlinks followed (a symlink loop stays as it is, never an exception)."""
    return Path(os.path.realpath(path))


def _name(file: Path) -> str:
    return file.stem


def _own_identity(merged: MergedLocated, leaf: Located, leaf_file: Path) -> None:
    """``name`` is the layout's own, never its parent's: the leaf's ``name:`` or its file name."""
    if "name" not in leaf.data:
        merged.data = {**merged.data, "name": leaf_file.stem}
        merged.values[("name",)] = leaf.values.get((), (1, 1))
        merged.value_files[("name",)] = leaf.path


def _ordered(problems: list[Problem]) -> list[Problem]:
    """Report in file order: the asked-for file's lines together, each file top to bottom."""
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.path, p.line, p.column))


def _attach_origins(model: BaseModel, merged: MergedLocated, path: PathKey = ()) -> None:
    """Record each sub-model's ``file:line:col``, in the file that supplied it (not the leaf)."""
    if isinstance(model, Model):
        file, line, column = merged.origin(path)
        object.__setattr__(model, "__pydantic_private__", {**(model.__pydantic_private__ or {}),
                                                           "_where": f"{file}:{line}:{column}"})
    for name in type(model).model_fields:
        value: Any = getattr(model, name)
        if isinstance(value, BaseModel):
            _attach_origins(value, merged, (*path, name))


def _print_warning(problem: Problem) -> None:
    print(f"{problem} (warning: not strict)", file=sys.stderr)
