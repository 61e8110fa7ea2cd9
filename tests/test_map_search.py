"""The map label search is exact and near-linear: pruning never changes a placement, and
maps of thousands of places (spread, or all at one spot) finish in seconds."""

from __future__ import annotations

import itertools
import random
import time

import pytest

from builder.charts import linelabels
from builder.charts.geometry import Box
from builder.charts.labels import SpatialIndex
from builder.charts.maps import map_scene
from builder.charts.scene import Text
from builder.charts.style import FigureStyle
from builder.layout import load_layout
from builder.model import MapFigure
from builder.model.limits import MAX_MAP_ITEMS


@pytest.fixture(scope="module")
def style() -> FigureStyle:
    layout = load_layout(None)
    from builder.text.fonts import faces

    return FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)


def _exhaustive(text, pieces, face, size, frame, placed, obstacles, drawn, coast, land,
                map_width, edge, near):
    """The scan the pruned search replaces: every candidate scored in order, the first
    lowest score among the clean ones wins (None: no clean place)."""
    labels = linelabels.variants(text, face, size, map_width)
    own = [segment for points in pieces for segment in zip(points, points[1:])]
    anchors = [linelabels.anchors(points) for points in pieces]
    best = None
    for spec in linelabels._specs(labels, pieces, edge is not None):
        box = linelabels._box(spec, labels, anchors, size, edge)
        scored = linelabels._score(box, labels[spec[0]], None, size, frame, placed, obstacles,
                                   drawn, coast, land, own, edge, near, 1.0)
        if scored is not None and (best is None or scored[0] < best[0]):
            best = (scored[0], box, labels[spec[0]])
    return best


@pytest.mark.parametrize("seed", range(12))
def test_the_pruned_line_search_chooses_what_the_full_scan_chooses(style, seed) -> None:
    """Random lines among random placed labels and markers, on a map alone and with room
    beside it, at two offsets sharing one memo: the same box, label and score."""
    rng = random.Random(seed)
    face, size = style.typeface, 14.0
    map_width, height = 400.0, 300.0
    room = rng.choice([0.0, 300.0])
    memo: dict = {}
    for offset in ([0.0] if not room else [room, room / 2]):
        # the same map at each offset: every coordinate moves with it
        r = random.Random(seed)
        frame = Box(0, 0, map_width + room, height)
        edge = Box(offset, 0, map_width, height) if room else None

        def at(x, y):
            return (offset + x, y)

        pieces = [tuple(at(r.uniform(20, 380), r.uniform(20, 280))
                        for _ in range(r.randint(2, 6)))]
        placed = SpatialIndex([Box(offset + r.uniform(0, 350), r.uniform(0, 280),
                                   r.uniform(20, 90), 17) for _ in range(r.randint(0, 8))],
                              cell=size * 3)
        obstacles = SpatialIndex([Box(offset + x - 4, y - 4, 8, 8) for x, y in
                                  ((r.uniform(0, 400), r.uniform(0, 300))
                                   for _ in range(r.randint(0, 10)))], cell=size * 1.5)
        others = [(at(r.uniform(0, 400), r.uniform(0, 300)),
                   at(r.uniform(0, 400), r.uniform(0, 300))) for _ in range(r.randint(0, 4))]
        segments = others + [s for points in pieces for s in zip(points, points[1:])]
        coast = SpatialIndex([(at(r.uniform(0, 400), r.uniform(0, 300)),
                               at(r.uniform(0, 400), r.uniform(0, 300))) for _ in range(6)])
        text = rng.choice(["Yalu River", "Armistice line and DMZ (1953)", "Route of the march"])
        rng.seed(seed)
        want = _exhaustive(text, pieces, face, size, frame, placed, obstacles,
                           SpatialIndex(segments), coast, SpatialIndex([], cell=64.0),
                           map_width, edge, 1.5 if room else linelabels.NEAR)
        box, label, hard, cost, _ = linelabels.place_line_label(
            text, pieces, face, size, frame, placed, obstacles, SpatialIndex(segments), coast,
            SpatialIndex([], cell=64.0), map_width, edge, 1.5 if room else linelabels.NEAR,
            memo=memo, key="line", fixed=SpatialIndex(segments))
        if want is None:
            assert (box, label, hard) == (None, None, 1)
            continue
        assert (box, label.lines) == (want[1], want[2].lines)
        assert (hard, cost) == pytest.approx(want[0])


def _clean(scene) -> list[Box]:
    frame = Box(0, 0, scene.width, scene.height)
    boxes = [Box(t.left, t.top, t.width, t.height) for t in scene.items if isinstance(t, Text)]
    for box in boxes:
        assert box.inside(frame)
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b, -0.01)
    return boxes


def _many(points) -> MapFigure:
    return MapFigure.model_validate({"kind": "map", "id": "m", "caption": "c", "alt": "a",
                                     "bounds": [120, 30, 135, 45], "points": points})


@pytest.mark.parametrize("where", ["spread", "one spot"])
def test_five_thousand_places_label_cleanly_in_seconds_on_a_page_and_a_slide(style, where):
    """5,000 places (the most a map may have) spread over the map or all at one spot (every
    candidate collides): a few labels placed cleanly, the rest counted in the key, on the
    page and on a slide with room beside the map; each scene took ~1 s of CPU here (was 9 s
    and 28 s before the index answered "any overlap?" cell by cell and a crowded map stopped
    trying leaders); generous ceilings on a shared two-core machine."""
    points = [{"label": f"P{i}", "lon": 120 + (i % 80) * 0.18 if where == "spread" else 125,
               "lat": 30 + (i // 80) * 0.23 if where == "spread" else 35}
              for i in range(MAX_MAP_ITEMS)]
    figure = _many(points)
    for width, height, floor in ((470, 330, None), (873.6, 300, 14.0)):
        began = time.process_time()
        scene = map_scene(figure, style.resized(floor or 9.0), width, height, asset=None,
                          min_label=floor, beside=floor is not None)
        assert time.process_time() - began < 20
        assert scene.width <= width + 1e-6 and scene.height <= height + 1e-6
        # on a grid a few points apart no name is plainly nearer its own marker than a
        # neighbour's (builder.charts.labelchoice.CLEAR): the key may take every one
        assert len(_clean(scene)) >= 1
        key = [t for t in scene.items if isinstance(t, Text) and t.role == "map-key"]
        assert key and "more" not in " ".join(key[0].lines)
        # every place named: on the map, in the key under it, or in the key continued after
        # it (scene.rest: the deck's key slides, the guide's list after the figure)
        named = {" ".join(t.lines) for t in scene.items
                 if isinstance(t, Text) and t.role == "place"}
        listed = " ".join(" ".join(t.lines) for t in key).replace("Also marked: ", "")
        entries = {entry.split("\u00a0")[-1] for entry in listed.split(", ")}
        entries |= {entry.split("\u00a0")[-1] for entry in scene.rest}
        assert {point["label"] for point in points} <= named | entries


def test_a_line_name_with_no_clean_place_goes_to_the_key_with_a_sample_of_its_line(style):
    """Fourteen named lines through one small map: names that find no clean place are listed
    under the map, each after a sample of its line, never drawn over another name."""
    import math

    lines = [{"label": f"Route number {i} of the great march", "color": i % 6 + 1,
              "coordinates": [[127.5 + 6 * math.cos(i / 14 * math.pi),
                               37.5 + 6 * math.sin(i / 14 * math.pi)],
                              [127.5 - 6 * math.cos(i / 14 * math.pi),
                               37.5 - 6 * math.sin(i / 14 * math.pi)]]} for i in range(14)]
    figure = MapFigure.model_validate({"kind": "map", "id": "m", "caption": "c", "alt": "a",
                                       "bounds": [120, 30, 135, 45], "lines": lines,
                                       "world": False})
    for width, height, floor in ((150, 150, None), (360, 160, 14.0)):
        scene = map_scene(figure, style.resized(floor or 9.0), width, height, asset=None,
                          min_label=floor, beside=floor is not None)
        assert scene.width <= width + 1e-6 and scene.height <= height + 1e-6
        _clean(scene)
        texts = [t for t in scene.items if isinstance(t, Text)]
        named = [" ".join(t.lines) for t in texts if t.role == "line-label"]
        keyed = [" ".join(t.lines) for t in texts if t.role == "map-key"]
        assert keyed, "the test needs a crowded map"
        listed = [k for k in keyed if k.startswith("Also marked")]
        mentioned = [line["label"] for line in lines
                     if line["label"] in named or line["label"] in keyed
                     or any(line["label"] in k for k in listed)
                     or line["label"] in getattr(scene, "rest", ())]
        assert len(set(mentioned)) == len(lines)  # each named: never "… and 6 more"
        assert len(named) == len(set(named))
        samples = [p for p in scene.items if getattr(p, "role", "") == "line-key"]
        for text in (t for t in texts if t.role == "map-key"
                     and not " ".join(t.lines).startswith("Also marked")):
            assert any(abs(p.points[0][1] - (text.top + text.size * 0.6)) < text.size
                       and p.points[-1][0] <= text.left for p in samples), text.lines
