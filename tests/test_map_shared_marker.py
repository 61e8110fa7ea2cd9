"""Places sharing one marker (a capital and the battlefield a few kilometres from it): the
marker's own place — the capital, else the first named — keeps its name on the map, only the
hidden neighbour takes the number in the key (look 22:58: Kyoto's ⊙ bore only "1" and both
names went to the key; Manila likewise). And a name by its marker is plainly nearer it than
any other marker (Uraga's name set below its ✕ reached as near Kyoto's ⊙). Scenes read back
through tests/mapcheck.py, on a page and on a large-print slide."""

from __future__ import annotations

import pytest

from builder.charts.geometry import Box
from builder.charts.labelchoice import choose
from builder.charts.labels import SpatialIndex
from builder.charts.maps import map_scene
from builder.charts.style import FigureStyle
from builder.layout import load_layout
from builder.model import MapFigure
from builder.text.fonts import faces
from tests import mapcheck


@pytest.fixture(scope="module")
def style() -> FigureStyle:
    layout = load_layout(None)
    return FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)


def _figure(points) -> MapFigure:
    return MapFigure.model_validate({"kind": "map", "id": "m", "caption": "c", "alt": "a",
                                     "bounds": [128.0, 30.0, 142.0, 42.0], "points": points})


# the battlefield named FIRST, the capital 2 km from it: the capital still keeps the marker
PAIR = [{"label": "Toba–Fushimi (1868)", "lon": 135.76, "lat": 34.995, "marker": "battle"},
        {"label": "Kyoto", "lon": 135.77, "lat": 35.01, "marker": "capital"},
        {"label": "Hagi", "lon": 131.40, "lat": 34.41, "marker": "city"},
        {"label": "Sendai", "lon": 140.87, "lat": 38.27, "marker": "city"}]


@pytest.mark.parametrize("floor", [None, 24.0])
def test_the_capital_keeps_its_name_and_the_neighbour_is_numbered(style, floor) -> None:
    figure = _figure(PAIR)
    scene = map_scene(figure, style.resized(floor or 9.0), 470.0, 330.0, asset=None,
                      min_label=floor, beside=floor is not None)
    view = mapcheck.from_scene(scene, figure, page=floor is None)
    assert "Kyoto" in view.markers and "TobaFushimi1868" in view.joined
    named = [name.text for name in view.names]
    assert "Kyoto" in named  # by its own ⊙, not a bare number
    assert not any("Toba" in text for text in named)
    entries = dict(mapcheck.key_entries(view.key))
    assert [entry for entry in entries.values() if "Kyoto" in entry] == []
    assert any("Toba" in entry for entry in entries.values()), view.key
    assert mapcheck.problems(view) == []


def test_a_name_as_near_another_marker_as_its_own_is_not_taken() -> None:
    """A name's box below its marker that reaches as near a neighbour's marker (the
    neighbour at its left end) reads as the neighbour's: the first candidate is refused and
    the next (right of its marker, away from the neighbour) taken."""
    size = 9.0
    own, other = (100.0, 100.0), (60.0, 100.0)
    radius = 2.7
    markers = SpatialIndex([Box(x - radius, y - radius, 2 * radius, 2 * radius)
                            for x, y in (own, other)], cell=size * 1.5)
    below = Box(55.0, 106.0, 90.0, 11.0)  # as near the neighbour as its own marker
    right = Box(106.0, 94.5, 90.0, 11.0)
    box, hard = choose([below, right], Box(0, 0, 400, 300), SpatialIndex(cell=27.0),
                       markers, SpatialIndex([]),
                       target=(*own, radius, radius + size * 0.8, markers,
                               SpatialIndex(cell=27.0)))
    assert (box, hard) == (right, 0)


@pytest.mark.parametrize("floor", [None, 24.0])
def test_a_marker_by_the_edge_keeps_off_an_off_map_arrow(style, floor) -> None:
    """A place just inside the top edge and an off-map place beyond it (scramble large
    print: Tripoli's ⊙ covered Berlin's ↑): the arrow stays at its edge, the marker moves
    off it (by at most its radius)."""
    figure = _figure([
        {"label": "Edge town", "lon": 135.0, "lat": 41.0, "marker": "capital"},
        {"label": "Far north", "lon": 135.3, "lat": 60.0, "off_map": True},
        {"label": "Sendai", "lon": 140.87, "lat": 38.27, "marker": "city"}])
    scene = map_scene(figure, style.resized(floor or 9.0), 470.0, 330.0, asset=None,
                      min_label=floor, beside=floor is not None)
    view = mapcheck.from_scene(scene, figure, page=floor is None)
    assert {"Edgetown", "Farnorth"} <= set(view.markers)
    assert [p for p in mapcheck.problems(view) if "overlap" in p or "from its place" in p] == []
