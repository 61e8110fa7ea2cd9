"""The generated JSON Schema accepts what the loader accepts, for editors' sake."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from builder.cli import main
from builder.schema import layout_schema, source_schema
from builder.load.yamlfile import load_yaml
from tests.conftest import ROOT, SAMPLE


def _data(path: Path):
    located, problems = load_yaml(path)
    assert not problems
    return located.data


def test_schema_validates_the_sample() -> None:
    jsonschema.validate(_data(SAMPLE), source_schema())


def test_schema_validates_the_scaffold(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    main(["new", str(target)])
    jsonschema.validate(_data(target), source_schema())


def test_schema_rejects_an_unknown_key(write_source) -> None:
    path = write_source("title: T\ntitel: U\nsections:\n  - title: A\n    blocks:\n"
                        "      - paragraph: x\n")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_data(path), source_schema())


@pytest.mark.parametrize("layout", sorted((ROOT / "layouts").glob("*.yaml")), ids=lambda p: p.stem)
def test_layout_schema_validates_shipped_layouts(layout: Path) -> None:
    jsonschema.validate(_data(layout), layout_schema())
