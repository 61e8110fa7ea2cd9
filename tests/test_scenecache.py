"""Figure scenes are remembered while the figure and its files are unchanged, and only then."""

from __future__ import annotations

import os
from pathlib import Path

from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve import scenecache
from builder.resolve.document import resolve
from tests.conftest import ROOT


def _document():
    return resolve(load_source(ROOT / "sources" / "korean-war.yaml"), load_layout(None), None)


def test_a_scene_is_computed_once_per_figure_size_and_asset_state(tmp_path: Path) -> None:
    document = _document()
    figure = next(n.figure for n in document.figures.values() if n.figure.kind == "map")
    calls: list[tuple] = []

    def compute(figure, width, height, asset):
        calls.append((width, height))
        return object()

    scenecache.clear()
    first = scenecache.cached_scene(compute, document, figure, 100.0, 80.0, document.asset)
    rebuilt = _document()  # an equal figure from a rebuild
    again = scenecache.cached_scene(compute, rebuilt, rebuilt.figures[figure.id].figure,
                                    100.0, 80.0, rebuilt.asset)
    assert again is first and len(calls) == 1
    scenecache.cached_scene(compute, document, figure, 120.0, 80.0, document.asset)
    assert len(calls) == 2

    outline = document.asset(figure.outline)
    stat = outline.stat()
    try:
        os.utime(outline, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        scenecache.cached_scene(compute, document, figure, 100.0, 80.0, document.asset)
        assert len(calls) == 3  # the outline file was saved again
    finally:
        os.utime(outline, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_the_cache_is_bounded() -> None:
    document = _document()
    figure = next(iter(document.figures.values())).figure
    scenecache.clear()
    for width in range(scenecache.LIMIT + 10):
        scenecache.cached_scene(lambda f, w: object(), document, figure, float(width))
    assert len(scenecache._scenes) == scenecache.LIMIT


def test_a_figure_that_only_moved_in_its_source_keeps_its_scene(tmp_path: Path) -> None:
    """A line added above a figure moves its source position (``where``), which no scene
    draws: the scene is not computed again. A changed field is."""
    text = (ROOT / "sources" / "korean-war.yaml").read_text(encoding="utf-8")
    import shutil

    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    source = tmp_path / "sources" / "korean-war.yaml"

    def figure_of(edited: str):
        source.write_text(edited, encoding="utf-8")
        document = resolve(load_source(source), load_layout(None), None)
        return document, next(n.figure for n in document.figures.values()
                              if n.figure.kind == "map")

    calls: list[int] = []

    def compute(figure, width):
        calls.append(width)
        return object()

    scenecache.clear()
    document, figure = figure_of(text)
    first = scenecache.cached_scene(compute, document, figure, 100.0)
    moved_document, moved = figure_of("# a new first line\n" + text)
    assert moved.where != figure.where
    assert scenecache.cached_scene(compute, moved_document, moved, 100.0) is first
    assert len(calls) == 1
    changed_document, changed = figure_of(text.replace(f"caption: {figure.caption}",
                                                       f"caption: {figure.caption} (new)", 1))
    assert changed.caption != figure.caption
    scenecache.cached_scene(compute, changed_document, changed, 100.0)
    assert len(calls) == 2
