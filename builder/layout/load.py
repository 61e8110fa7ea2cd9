"""Load a layout: the packaged default, with a layout file deep-merged over it.

(First cut: a single file over the default. ``extends:`` chains come with the layouts issue.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from builder.errors import LayoutError
from builder.layout.model import Layout
from builder.validation import validate
from builder.yamlload import Located, load_yaml

DEFAULT_LAYOUT = Path(__file__).resolve().parent.parent / "defaults" / "layout.yaml"


def deep_merge(base: Any, override: Any) -> Any:
    """Mappings merge key by key; anything else (lists included) is replaced."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = deep_merge(base[key], value) if key in base else value
        return merged
    return override


def load_layout(path: str | Path | None = None) -> Layout:
    """Resolve a layout file (or the default alone) into a validated ``Layout``."""
    default, problems = load_yaml(DEFAULT_LAYOUT)
    if problems:
        raise LayoutError(problems)
    if path is None:
        return validate(Layout, default, LayoutError)
    located, problems = load_yaml(path)
    if problems:
        raise LayoutError(problems)
    merged = Located(located.path, deep_merge(default.data, located.data or {}),
                     located.values, located.keys)
    return validate(Layout, merged, LayoutError)
