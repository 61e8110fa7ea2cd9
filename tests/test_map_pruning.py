"""Pruning a map's label search never changes the map: random maps drawn with the pruned
search (bounds shared across offsets, what one offset learnt bounding the next) come out
exactly as with a plain scan of every candidate, and the spatial index answers as a scan of
every item does."""

from __future__ import annotations

import random

import pytest

from builder.charts import linelabels, maplabels
from builder.charts.geometry import Box
from builder.charts.labels import SpatialIndex
from builder.charts.maps import map_scene
from builder.charts.style import FigureStyle
from builder.layout import load_layout
from builder.model import MapFigure


@pytest.fixture(scope="module")
def style() -> FigureStyle:
    layout = load_layout(None)
    from builder.text.fonts import faces

    return FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)


def _scan(text, pieces, face, size, frame, placed, obstacles, drawn_segments, coast_segments,
          land_rings, map_width, edge=None, near=linelabels.NEAR, spacing=1.0, memo=None,
          key=None, fixed=None, led=()):
    """``place_line_label`` without any pruning or memory: every candidate scored in the
    scan's order, the first lowest score among the clean ones wins."""
    labels = linelabels.variants(text, face, size, map_width)
    own = [segment for points in pieces for segment in zip(points, points[1:])]
    anchors = [linelabels.anchors(points) for points in pieces]
    best = None
    for spec in linelabels._specs(labels, pieces, edge is not None):
        box = linelabels._box(spec, labels, anchors, size, edge)
        label = labels[spec[0]]
        scored = linelabels._score(box, label, None, size, frame, placed, obstacles,
                                   drawn_segments, coast_segments, land_rings, own, edge,
                                   near, spacing, led=led)
        if scored is not None and (best is None or scored[0] < best[0]):
            best = (scored[0], box, label, scored[1])
    if best is None:
        return None, None, 1, 0.0, None
    return best[1], best[2], 0, best[0][1], best[3]


NAMES = ["Yalu River", "Armistice line and DMZ (1953)", "Route of the march", "Front, 1951",
         "Pusan Perimeter"]


def _random_map(seed: int) -> MapFigure:
    r = random.Random(seed)

    def spot():
        return [round(r.uniform(121, 134), 2), round(r.uniform(31, 44), 2)]

    points = [{"label": f"Town {i}" + " upon the river" * r.randint(0, 1), "lon": p[0],
               "lat": p[1], "position": r.choice(["right", "left", "above", "below"])}
              for i, p in enumerate(spot() for _ in range(r.randint(2, 7)))]
    lines = [{"label": name, "color": i + 1,
              "coordinates": [spot() for _ in range(r.randint(2, 3))]}
             for i, name in enumerate(r.sample(NAMES, r.randint(1, 3)))]
    return MapFigure.model_validate({"kind": "map", "id": "m", "caption": "c", "alt": "a",
                                     "bounds": [120, 30, 135, 45], "points": points,
                                     "lines": lines, "world": seed % 2 == 0})


@pytest.mark.parametrize("seed", range(6))
def test_a_pruned_map_is_the_map_a_full_scan_draws(style, seed, monkeypatch) -> None:
    """A slide's map (five offsets in the room beside it, names beside the map) and a
    page's: the same scene, item for item, with the search pruned and with every candidate
    scored."""
    figure = _random_map(seed)
    cases = [(560.0, 260.0, 14.0), (300.0, 260.0, None)]
    pruned = [repr(map_scene(figure, style.resized(floor or 9.0), width, height, asset=None,
                             min_label=floor, beside=floor is not None))
              for width, height, floor in cases]
    monkeypatch.setattr(maplabels, "place_line_label", _scan)
    scanned = [repr(map_scene(figure, style.resized(floor or 9.0), width, height, asset=None,
                              min_label=floor, beside=floor is not None))
               for width, height, floor in cases]
    assert pruned == scanned


@pytest.mark.parametrize("seed", range(4))
def test_the_spatial_index_finds_what_a_scan_of_its_cells_finds(seed) -> None:
    """Small and large queries (walked cell by cell, or read from the items' spans) find
    the items that share a cell with the query, in the order they were added."""
    r = random.Random(seed)
    cell = 20.0
    items = [Box(r.uniform(-50, 400), r.uniform(-50, 300), r.uniform(0, 90), r.uniform(0, 40))
             for _ in range(r.randint(1, 40) if seed % 2 else 300)]
    index = SpatialIndex(items, cell=cell)

    def cells(l, t, rt, b):
        return {(c, w) for c in range(int(l // cell), int(rt // cell) + 1)
                for w in range(int(t // cell), int(b // cell) + 1)}

    for _ in range(200):
        query = Box(r.uniform(-80, 420), r.uniform(-80, 320), r.uniform(0, 300),
                    r.uniform(0, 120))
        mine = cells(query.left, query.top, query.right, query.bottom)
        want = [item for item in items
                if mine & cells(item.left, item.top, item.right, item.bottom)]
        assert index.near(query) == want
        assert index.count(query, lambda item: item.width > 30) == sum(
            1 for item in want if item.width > 30)
        assert index.any(query, lambda item: item.height > 30) == any(
            item.height > 30 for item in want)
        gap = r.choice([0.0, 1.0, 2.1])
        assert index.overlapping(query, gap) == any(query.overlaps(i, gap) for i in items)
        assert index.count_overlapping(query, gap) == sum(
            query.overlaps(i, gap) for i in items)
