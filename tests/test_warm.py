"""A watch's rebuild after an edit reuses what the last build computed, and still writes the
bytes a cold build of the edited source writes in a fresh process.

The warm path keeps state across builds on purpose (the guide's settled passes, the deck's
drawn slides, the read-back of unchanged pages and slides); each test here edits the sample
the way a teacher does and compares every output with a fresh, uncached build.
"""

from __future__ import annotations

import gc
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.guide import passes
from builder.watch import Lecture, Watcher
from builder.worker import DeckWorker

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sources" / "korean-war.yaml"
OUTPUTS = ("pdf", "pptx", "manifest.json")


def _outputs(folder: Path, stem: str) -> dict[str, bytes]:
    return {ext: (folder / f"{stem}.{ext}").read_bytes() for ext in OUTPUTS}


def _cold(source: Path, out: Path) -> dict[str, bytes]:
    """The source built in a fresh process: nothing warm, nothing cached."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get(
        "PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-m", "builder", "build", str(source), "--out", str(out),
                    "-j", "1"], check=True, env=env, capture_output=True)
    return _outputs(out, source.stem)


def _word_edit(text: str, word: str) -> str:
    """One word added to the first paragraph, as ``benchmarks/run.py`` edits the sample."""
    match = re.search(r"(paragraph: *>?-?\s*)(\S+)", text)
    assert match, "the sample has a paragraph"
    return text[: match.start(2)] + word + " " + text[match.start(2):]


def _title_edit(text: str) -> str:
    """A section renamed: the contents' entries change, so the guide cannot reuse them."""
    match = re.search(r"(\n  - title: *)(\S)", text)
    assert match, "the sample has a section title"
    return text[: match.start(2)] + "Renamed " + text[match.start(2):]


@pytest.fixture(autouse=True)
def _reuse_off_afterwards():
    """A watcher turns slide reuse on for its process; the tests after these build cold."""
    from builder.deck import reuse

    yield
    reuse.enable(False)


@pytest.fixture()
def watched(tmp_path: Path):
    """The sample copied with its assets, built once by a watcher (with its deck worker when
    the machine allows one, as ``course-builder watch`` runs)."""
    shutil.copytree(SAMPLE.parent, tmp_path / "sources")
    source = tmp_path / "sources" / SAMPLE.name
    log, errors = io.StringIO(), io.StringIO()
    watcher = Watcher([Lecture(source, None, tmp_path / "out")], out=log, err=errors)
    threshold = gc.get_threshold()
    watcher.build_all()
    watcher.settle()
    if DeckWorker.possible():
        watcher.worker = DeckWorker()
    try:
        yield watcher, source, errors
    finally:
        if watcher.worker is not None:
            watcher.worker.close()
        gc.unfreeze()  # what the watch set aside is this test process's, not a watch's
        gc.set_threshold(*threshold)


def test_a_rebuild_after_edits_writes_what_a_cold_build_writes(watched, tmp_path: Path) -> None:
    watcher, source, errors = watched
    text = source.read_text(encoding="utf-8")
    key = ("korean-war", "student", "default")
    renamed = _title_edit(text)
    for index, edited in enumerate([_word_edit(text, "Edited"), renamed,
                                    _word_edit(renamed, "Again")]):
        source.write_text(edited, encoding="utf-8")
        watcher.rebuild([source])
        assert errors.getvalue() == ""
        warm = _outputs(tmp_path / "out", source.stem)
        cold = _cold(source, tmp_path / f"cold-{index}")
        for ext in OUTPUTS:
            assert warm[ext] == cold[ext], f"edit {index}: the warm {ext} differs from a cold one"
        settled = passes.last(key)
        assert settled is not None
        # a word changed: the last build's contents and page total hold, one pass; a section
        # renamed: its contents entry is new, so a second pass confirms the new state
        assert settled.passes == (2 if index == 1 else 1)


def test_a_serial_rebuild_reuses_unchanged_slides_with_notes_and_pictures(tmp_path: Path) -> None:
    """Without a deck worker, in this process: the instructor edition of a layout with a logo
    (slides with speaker notes and a picture) takes every slide the edit left alone from the
    last build, and the deck is still a cold build's."""
    from builder.deck import reuse

    shutil.copytree(SAMPLE.parent, tmp_path / "sources")
    source = tmp_path / "sources" / SAMPLE.name
    layout = ROOT / "layouts" / "history-101.yaml"
    errors = io.StringIO()
    watcher = Watcher([Lecture(source, layout, tmp_path / "out")], edition="instructor",
                      out=io.StringIO(), err=errors)
    watcher.build_all()
    # a word changed and a line added at the top: every source position below moves, which
    # no slide and no figure scene draws
    edited = "# revised\n" + _word_edit(source.read_text(encoding="utf-8"), "Edited")
    source.write_text(edited, encoding="utf-8")
    watcher.rebuild([source])
    assert errors.getvalue() == ""
    counts = reuse.counts()
    assert counts["drawn"] <= 3 and counts["reused"] >= 60, counts
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get(
        "PYTHONPATH", "")])}
    cold = tmp_path / "cold"
    subprocess.run([sys.executable, "-m", "builder", "build", str(source), "--out", str(cold),
                    "-j", "1", "--layout", str(layout), "--edition", "instructor"], check=True,
                   env=env, capture_output=True)
    for ext in OUTPUTS:
        assert (tmp_path / "out" / f"{source.stem}.{ext}").read_bytes() == \
            (cold / f"{source.stem}.{ext}").read_bytes(), f"the warm {ext} differs from a cold one"
