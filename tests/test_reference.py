"""The generated schema files and the field reference stay current with the models."""

from __future__ import annotations

import importlib.util
import json

from builder.schema import layout_schema, source_schema
from tests.conftest import ROOT


def _generated(schema) -> str:
    """Exactly what ``course-builder schema source|layout`` prints."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def test_schema_files_are_current() -> None:
    for name, schema in (("source", source_schema()), ("layout", layout_schema())):
        path = ROOT / "schema" / f"{name}.json"
        assert path.read_text(encoding="utf-8") == _generated(schema), (
            f"schema/{name}.json is stale: run "
            f"python -m builder schema {name} > schema/{name}.json")


def _reference_module():
    spec = importlib.util.spec_from_file_location("reference", ROOT / "docs" / "reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_field_reference_is_current() -> None:
    current = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert current == _reference_module().render(), \
        "docs/reference.md is stale: run python docs/reference.py"


def test_the_reference_documents_every_block_and_figure_kind_and_is_linked() -> None:
    from builder.model import BLOCK_KINDS, FIGURE_KINDS

    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    for kind in BLOCK_KINDS:
        assert f"`{kind}:`" in text
    for kind in FIGURE_KINDS:
        assert f"`{kind}`" in text
    assert "docs/reference.md" in (ROOT / "README.md").read_text(encoding="utf-8")
