"""JSON Schemas generated from the models, for editors (yaml-language-server) and tools."""

from __future__ import annotations

from typing import Any

from builder.layout.model import Layout
from builder.model import Lecture

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def source_schema() -> dict[str, Any]:
    """Schema of a lecture source file."""
    schema = Lecture.model_json_schema()
    return {**schema, "$schema": DRAFT, "title": "course-builder lecture source"}


def layout_schema() -> dict[str, Any]:
    """Schema of a layout file. Every key is optional: a layout is merged over the default."""
    schema = _without_required(Layout.model_json_schema())
    return {**schema, "$schema": DRAFT, "title": "course-builder layout"}


def _without_required(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_required(v) for k, v in node.items() if k != "required"}
    if isinstance(node, list):
        return [_without_required(v) for v in node]
    return node


SCHEMAS = {"source": source_schema, "layout": layout_schema}
