"""Maps of anywhere: the bundled world outlines, regions named by country, a projection for
the extent, outlines clipped to a frame that fills its box, places off the map as edge
arrows, and label placement that stays near-linear for thousands of places."""

from __future__ import annotations

import itertools
import time

import pytest

from builder import atlas
from builder.charts.geometry import Box
from builder.charts.mapframe import map_geography, projection_for, region
from builder.charts.maps import map_scene
from builder.charts.scene import Path, Text
from builder.charts.style import FigureStyle
from builder.cli import main
from builder.layout import load_layout
from builder.model import MapFigure


@pytest.fixture(scope="module")
def style() -> FigureStyle:
    layout = load_layout(None)
    from builder.text.fonts import faces

    return FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)


@pytest.mark.parametrize("name", ["Cuba", "CU", "CUB", "192", "cuba"])
def test_a_country_is_found_by_name_or_iso_code(name: str) -> None:
    assert atlas.lookup(name) == "192"


def test_names_fold_accents_and_everyday_aliases() -> None:
    assert atlas.lookup("Cote d'Ivoire") == atlas.lookup("Côte d’Ivoire") == atlas.lookup("CI")
    assert atlas.lookup("United Kingdom") == atlas.lookup("UK") == "826"
    assert atlas.lookup("Atlantis") is None
    assert atlas.suggestion("Frnace") == "France"


def test_a_countrys_extent_is_its_main_body() -> None:
    """France means metropolitan France (and Corsica), not French Guiana; the United States
    the lower 48; Russia runs just past the antimeridian (Chukotka) rather than round the
    world."""
    west, south, east, north = atlas.extent([atlas.lookup("France")])
    assert -6 < west and east < 10 and 41 < south and north < 52
    assert atlas.extent([atlas.lookup("USA")])[0] > -130
    west, _, east, _ = atlas.extent([atlas.lookup("Russia")])
    assert 15 < west and 180 < east < 195


def test_the_outlines_are_decoded_once_and_closed() -> None:
    first = atlas.countries("50m")
    assert atlas.countries("50m") is first
    cuba = first["192"]
    ring = max(cuba.rings, key=len)
    assert ring[0] == pytest.approx(ring[-1], abs=1e-6) and len(ring) > 100


def _map(**fields) -> MapFigure:
    return MapFigure.model_validate({"kind": "map", "id": "m", "caption": "c", "alt": "a",
                                     **fields})


def test_the_projection_follows_the_extent() -> None:
    europe = _map(bounds=[-11, 35, 45, 66])
    assert projection_for(europe, region(europe)) == "mercator"
    cuba = _map(countries=["Cuba"])
    assert projection_for(cuba, region(cuba)) == "equirectangular"
    world = _map(bounds=[-180, -60, 180, 85])
    assert projection_for(world, region(world)) == "equirectangular"


@pytest.mark.parametrize("width,height", [(470, 380), (873.6, 300), (400, 600)])
def test_a_world_map_fills_its_box_and_keeps_its_region(width, height) -> None:
    figure = _map(countries=["Cuba"])
    base = region(figure)
    geo = map_geography(figure, width, height, page=False)
    west, south, east, north = geo.bounds
    assert west <= base[0] and south <= base[1] and east >= base[2] and north >= base[3]
    from builder.charts.geo import Projection

    aspect = Projection.aspect(geo.kind, geo.bounds)
    natural = Projection.aspect(geo.kind, base)
    wanted = min(max(height / width, natural / 2.5), natural * 2.5)
    assert aspect == pytest.approx(wanted, rel=0.02)
    assert geo.shaded and geo.land  # Cuba shaded, its neighbours drawn


def _inside(scene, item) -> bool:
    frame = Box(-0.01, -0.01, scene.width + 0.02, scene.height + 0.02)
    return all(frame.left <= x <= frame.left + frame.width
               and frame.top <= y <= frame.top + frame.height for x, y in item.points)


def test_outlines_are_clipped_to_the_frame_and_places_off_it_are_arrows(style) -> None:
    figure = _map(countries=["Cuba"], points=[
        {"label": "Havana", "lon": -82.37, "lat": 23.11, "marker": "capital"},
        {"label": "Moscow", "lon": 37.6, "lat": 55.75, "off_map": True}])
    scene = map_scene(figure, style, 470, 380, asset=None)
    land = [item for item in scene.items if isinstance(item, Path) and item.role == "land"]
    assert len(land) > 3 and all(_inside(scene, item) for item in land)
    arrows = [item for item in scene.items if isinstance(item, Path) and item.role == "off-map"]
    assert len(arrows) == 1
    texts = [item.text for item in scene.items if isinstance(item, Text)]
    assert "Havana" in texts
    assert "Moscow →" in texts  # by its arrow at the east edge, not sent to the key
    assert not any(isinstance(item, Text) and item.role == "map-key" for item in scene.items)


def _assert_labels_clean(scene) -> None:
    frame = Box(0, 0, scene.width, scene.height)
    boxes = [(item.text, Box(item.left, item.top, item.width, item.height))
             for item in scene.items if isinstance(item, Text)]
    for text, box in boxes:
        assert box.inside(frame), f"'{text}' leaves the map"
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b, -0.01), f"'{a}' overlaps '{b}'"


@pytest.mark.parametrize("countries", [["Cuba"], ["Ghana", "Nigeria", "SN"], ["Chile"],
                                       ["Germany", "France", "Poland"]])
@pytest.mark.parametrize("width,height,floor", [(470, 380, None), (873.6, 300, 14.0)])
def test_maps_of_anywhere_label_cleanly(countries, width, height, floor, style) -> None:
    keys = [atlas.lookup(name) for name in countries]
    west, south, east, north = atlas.extent(keys)
    points = [{"label": atlas.countries()[key].name, "lon": (w + e) / 2, "lat": (s + n) / 2}
              for key in keys
              for w, s, e, n in [atlas.extent([key])]]
    figure = _map(countries=countries, points=points)
    scene = map_scene(figure, style.resized(floor or 9.0), width, height, asset=None,
                      min_label=floor)
    assert scene.width <= width + 1e-6 and scene.height <= height + 1e-6
    _assert_labels_clean(scene)


def test_two_thousand_places_finish_in_seconds(style) -> None:
    """Unlabelled-friendly density: a grid of 2,000 towns over France. Each label is tested
    only against its neighbours, so the whole map costs seconds, not minutes."""
    points = [{"label": f"T{i}", "lon": -4.5 + (i % 50) * 0.28, "lat": 42.5 + (i // 50) * 0.21,
               "marker": "city"} for i in range(2000)]
    figure = _map(countries=["France"], points=points)
    began = time.perf_counter()
    scene = map_scene(figure, style, 470, 380, asset=None)
    assert time.perf_counter() - began < 60  # generous ceiling on a shared two-core machine
    assert len([item for item in scene.items if item.role == "city"]) == 2000


SOURCE = """\
title: Maps
date: 2026-01-15
instructor: T
essential_question: Where?
objectives: [Read a map]
takeaways: [Maps]
sections:
  - title: Cuba
    blocks:
      - figure: m
figures:
  - id: m
    kind: map
    caption: The Caribbean
    alt: A map.
{body}review_questions:
  - question: Where?
    answer: There.
bibliography:
  - title: A source
    author: An author
    url: https://example.org/
    accessed: 2026-01-10
"""


@pytest.mark.parametrize("body,line,message", [
    ("    countries: [Cuba, Atlantis]\n", 16, "'Atlantis' is not a country the world map knows"),
    ("    countries: [Frnace]\n", 16, "did you mean 'France'?"),
    ("    bounds: [-86, 18, -73, 25]\n    points:\n      - {label: Moscow, lon: 37.6, lat: 55.75}\n",
     18, "'Moscow' (37.6, 55.75) lies outside the map's region"),
    ("    points: []\n", 12, "needs 'bounds'"),
])
def test_map_mistakes_are_reported_at_their_line(write_source, capsys, body, line,
                                                 message) -> None:
    path = write_source(SOURCE.format(body=body))
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and f"{path}:{line}:" in err, err


def test_an_off_map_place_validates(write_source, capsys) -> None:
    body = ("    countries: [Cuba]\n    points:\n"
            "      - {label: Moscow, lon: 37.6, lat: 55.75, off_map: true}\n")
    assert main(["validate", str(write_source(SOURCE.format(body=body)))]) == 0


def test_a_countries_map_frames_its_places_too() -> None:
    """Without bounds, a town just off the named country's coast widens the region."""
    figure = _map(countries=["Cuba"], points=[{"label": "Miami", "lon": -80.19, "lat": 25.76}])
    assert region(figure)[3] >= 25.76
