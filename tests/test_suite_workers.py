"""The suite's own machinery: the whole suite spread over the cores, one corpus matrix shared
by every test process (``tests/conftest.py``, ``tests/corpus_builds.py``)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import corpus_builds
from conftest import MAX_WORKERS, workers_for


def test_the_whole_suite_uses_the_cores_and_chosen_files_one_process():
    assert workers_for(True, "auto", 8) == MAX_WORKERS
    assert workers_for(True, "", 8, default="auto") == MAX_WORKERS
    assert workers_for(True, "auto", 1) == 1
    assert workers_for(False, "auto", 8) == 1
    assert workers_for(True, "auto", 8, interactive=True) == 1
    assert workers_for(True, "", 8, default="") == 1  # not spreading by default


def test_the_environment_chooses_the_workers_either_way():
    assert workers_for(True, "1", 8, default="auto") == 1
    assert workers_for(False, "3", 2) == 3
    assert workers_for(True, " 0 ", 8) == 1


def _wait_ended(root: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not (root / corpus_builds.ENDED).exists():
        assert time.monotonic() < deadline, (root / "matrix.log").read_text()
        time.sleep(0.05)


def test_a_second_process_reads_the_matrix_the_first_started(tmp_path):
    """The first to ask starts the background process; the next attaches to it (no second
    process), and asking for other cases is an error rather than a silent mismatch."""
    first = corpus_builds.start_or_attach(tmp_path, [], render=False)
    try:
        second = corpus_builds.start_or_attach(tmp_path, [], render=False)
        assert first.process is not None and second.process is None
        assert second.pid == first.pid
        with pytest.raises(RuntimeError, match="different corpus matrices"):
            corpus_builds.start_or_attach(tmp_path, corpus_builds.CASES[:1], render=False)
        _wait_ended(tmp_path)
        assert json.loads((tmp_path / corpus_builds.ENDED).read_text()) == {"error": None}
        assert json.loads((tmp_path / corpus_builds.RESULTS).read_text())["builds"] == 0
    finally:
        first.stop()


def test_a_reader_does_not_wait_for_a_build_that_will_never_come(tmp_path):
    """An attached reader cannot poll the process: once it has ended, asking for a build
    it never published fails with the process's log instead of waiting forever."""
    first = corpus_builds.start_or_attach(tmp_path, [], render=False)
    try:
        second = corpus_builds.start_or_attach(tmp_path, [], render=False)
        _wait_ended(tmp_path)
        case = corpus_builds.CASES[0]
        with pytest.raises(RuntimeError, match="ended before"):
            second._build(case.id)
    finally:
        first.stop()


def test_the_controller_ends_a_matrix_a_worker_started(tmp_path):
    """``stop_at`` (the xdist controller, after its workers) ends a matrix still running."""
    cases = corpus_builds.CASES[:1]
    matrix = corpus_builds.start_or_attach(tmp_path, cases, render=False)
    try:
        corpus_builds.stop_at(tmp_path)
        assert matrix.process.wait(timeout=30) != 0
        assert not (tmp_path / "builds" / f"{cases[0].id}.json").exists()
    finally:
        matrix.stop()
