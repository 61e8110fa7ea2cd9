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
