"""``watch`` rebuilds on save, only what the save touched, and survives bad input."""

from __future__ import annotations

import io
import textwrap
import threading
import time
from pathlib import Path

import pytest

from builder.watch import Lecture, Watcher, watch

LECTURE = """
title: {title}
sections:
  - title: Causes
    blocks:
      - paragraph: {text}
"""
CEILING = 120.0  # seconds: generous, the machine may be busy


@pytest.fixture(autouse=True)
def _reuse_off_afterwards():
    """A watcher turns slide reuse on for its process and sets the collector for a long wait
    (``Watcher.settle``); the tests after these build cold, in a test process."""
    import gc

    from builder.deck import reuse

    threshold = gc.get_threshold()
    yield
    reuse.enable(False)
    gc.unfreeze()
    gc.set_threshold(*threshold)


def _write(path: Path, title: str, text: str = "Why it began.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(LECTURE.format(title=title, text=text)).lstrip("\n"),
                    encoding="utf-8")
    return path


def _wait(condition, ceiling: float = CEILING) -> bool:
    deadline = time.monotonic() + ceiling
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_rebuild_touches_only_the_lectures_that_read_the_saved_file(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.yaml", "First")
    second = _write(tmp_path / "b.yaml", "Second")
    out, err = io.StringIO(), io.StringIO()
    watcher = Watcher([Lecture(first, None, tmp_path / "out"), Lecture(second, None, tmp_path / "out")],
                      ("pdf",), check=False, out=out, err=err)
    watcher.build_all()
    assert (tmp_path / "out" / "a.pdf").is_file() and (tmp_path / "out" / "b.pdf").is_file()
    assert first.resolve() in watcher.watched()
    assert any(path.name == "layout.yaml" for path in watcher.watched())  # the default layout

    before = (tmp_path / "out" / "b.pdf").stat().st_mtime_ns
    _write(first, "First", "Why it began, said again.")
    assert [lecture.source for lecture in watcher.rebuild([first])] == [first]
    assert (tmp_path / "out" / "b.pdf").stat().st_mtime_ns == before
    assert watcher.rebuild([tmp_path / "unrelated.txt"]) == []

    first.write_text("title: [broken]\nsections: []\n", encoding="utf-8")
    watcher.rebuild([first])  # reported, not raised
    assert "a.yaml:1:8: title: expected text" in err.getvalue()
    assert "not built" in err.getvalue()


def test_watch_rebuilds_after_a_save_and_stops_on_request(tmp_path: Path) -> None:
    source = _write(tmp_path / "lecture.yaml", "Watched")
    watcher = Watcher([Lecture(source, None, tmp_path / "out")], ("pdf",), check=False,
                      out=io.StringIO(), err=io.StringIO())
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(watcher,), kwargs={"stop_event": stop},
                              daemon=True)
    thread.start()
    try:
        assert _wait(lambda: "watching" in watcher.out.getvalue())
        built = watcher.builds
        time.sleep(0.3)
        _write(source, "Watched", "A saved edit.")
        assert _wait(lambda: watcher.builds > built), watcher.err.getvalue()
        assert _wait(lambda: watcher.out.getvalue().count("built in") >= 2)
    finally:
        stop.set()
        thread.join(CEILING)
    assert not thread.is_alive()
