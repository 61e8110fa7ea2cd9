"""Shared fixtures: paths to the bundled sample and a helper that writes small sources."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sources" / "korean-war.yaml"


@pytest.fixture
def write_source(tmp_path: Path):
    """Write dedented YAML to a file in tmp_path and return its path."""

    def write(text: str, name: str = "lecture.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write
