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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*.json from the current outputs (on purpose only)")


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample built once per session (default layout, student edition)."""
    from builder.cli import main

    out = tmp_path_factory.mktemp("sample")
    assert main(["build", str(SAMPLE), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def corpus_builds(tmp_path_factory: pytest.TempPathFactory):
    """Every corpus source in every layout and edition, built once per session and shared
    (see ``tests/corpus_builds.py``); a dict from case id to its ``Build``."""
    from corpus_builds import build_all

    return build_all(tmp_path_factory.mktemp("corpus"))


# Hypothesis: 200 generated examples by default (CI), 2,000 with --hypothesis-profile thorough.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", max_examples=200, deadline=None)
_hypothesis_settings.register_profile("thorough", max_examples=2000, deadline=None)
_hypothesis_settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    """``--hypothesis-profile NAME`` wins over the ``ci`` default loaded above."""
    name = config.getoption("hypothesis_profile", default=None)
    if name:
        _hypothesis_settings.load_profile(name)
