"""Shared fixtures: paths to the bundled sample and a helper that writes small sources."""

from __future__ import annotations

import tempfile
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


MATRIX = pytest.StashKey()
"""The session's background build of the corpus matrix (``corpus_builds.Matrix``)."""


def _needs(item: pytest.Item, cases) -> list:
    """The matrix cases a test reads: a test parametrized by ``case`` reads that case; by
    ``source`` (and ``layout``), that source's cases (in that layout); any other, all."""
    def stem(value) -> str:
        return Path(str(value)).stem

    params = getattr(getattr(item, "callspec", None), "params", {})
    if "case" in params:
        return [params["case"]]
    if "source" in params:
        return [case for case in cases if case.source.stem == stem(params["source"])
                and ("layout" not in params or case.layout.stem == stem(params["layout"]))]
    return list(cases)


def _in_reading_order(reading: list[pytest.Item]):
    """(the tests, the cases to build, in build order). Student builds come first (most tests
    read them), then instructor builds (the render check and LibreOffice's runs, which start
    as batches of them finish); the tests run in the order their cases will be built (in
    collection order among equals), so each can run while later cases are still building.
    (These tests share no module-scoped fixture, so interleaving modules costs nothing.)"""
    from corpus_builds import CASES

    needs = {item: _needs(item, CASES) for item in reading}
    wanted = {case.id for item in reading for case in needs[item]}
    cases = sorted((case for case in CASES if case.id in wanted),
                   key=lambda case: case.edition != "student")
    rank = {case.id: index for index, case in enumerate(cases)}
    ready = {item: max(rank[case.id] for case in needs[item]) for item in reading}
    return sorted(reading, key=ready.__getitem__), cases


def _start_matrix(config: pytest.Config, cases, render: bool):
    from corpus_builds import start

    factory = getattr(config, "_tmp_path_factory", None)
    root = factory.mktemp("corpus") if factory else Path(tempfile.mkdtemp(prefix="corpus-"))
    config.stash[MATRIX] = start(root, cases, render)
    return config.stash[MATRIX]


@pytest.hookimpl(trylast=True)  # after -k/-m deselection: build only what runs
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    """Start the corpus matrix in the background as soon as the tests that read it are
    known, and run those tests last, so everything else runs while it builds."""
    import render_check

    reading = [item for item in items if "corpus_builds" in getattr(item, "fixturenames", ())]
    if not reading or config.option.collectonly:
        return
    chosen = set(reading)
    reading, cases = _in_reading_order(reading)
    items[:] = [item for item in items if item not in chosen] + reading
    render = render_check.available() and any(
        "rendered_decks" in getattr(item, "fixturenames", ()) for item in reading)
    _start_matrix(config, cases, render)


def pytest_unconfigure(config: pytest.Config) -> None:
    matrix = config.stash.get(MATRIX, None)
    if matrix is not None:
        matrix.stop()


@pytest.fixture(scope="session")
def corpus_matrix(request: pytest.FixtureRequest):
    """The background matrix build (``tests/corpus_builds.py``), started at collection (or
    here, whole, for a test that asked for it another way)."""
    import render_check
    from corpus_builds import CASES

    matrix = request.config.stash.get(MATRIX, None)
    return matrix if matrix is not None else _start_matrix(request.config, CASES,
                                                           render_check.available())


@pytest.fixture(scope="session")
def corpus_builds(corpus_matrix):
    """Every corpus source in every layout and edition, built once per session and shared
    (see ``tests/corpus_builds.py``); a dict from case id to its ``Build``."""
    return corpus_matrix.builds()


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
