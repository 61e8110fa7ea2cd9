"""Maps across the 180° meridian: a Pacific box written west > east, island states framed the
short way round, and places, lines and outlines drawn on the frame's side of 180° — read
back from the built deck (shape positions) and guide (word positions)."""

from __future__ import annotations

import pdfplumber
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pydantic import ValidationError

from builder import atlas
from builder.charts.mapframe import map_geography, region
from builder.charts.maps import map_scene
from builder.charts.scene import Path as ScenePath
from builder.charts.style import FigureStyle
from builder.cli import main
from builder.layout import load_layout
from builder.model import MapFigure

PACIFIC = [110, -50, -65, 62]
RING = ["Tokyo", "Suva", "Apia", "Honolulu", "Lima"]  # west → east across 180°
ISLANDS = ["Suva", "Nuku’alofa", "Apia"]  # 178.4 E, 175.2 W, 171.8 W

SOURCE = """\
title: The Ring of Fire
date: 2026-01-15
instructor: T
essential_question: Where are the Pacific's volcanoes?
objectives: [Read a map]
takeaways: [The Pacific is ringed by volcanoes]
sections:
  - title: The Pacific
    blocks:
      - figure: ring
  - title: Polynesia
    blocks:
      - figure: islands
figures:
  - id: ring
    kind: map
    caption: The Ring of Fire
    alt: A map of the Pacific from Japan to Peru.
    bounds: [110, -50, -65, 62]
    lines:
      - label: Flight
        coordinates: [[139.7, 35.7], [-157.8, 21.3], [-118.2, 34.0]]
    points:
      - {label: Tokyo, lon: 139.7, lat: 35.7}
      - {label: Suva, lon: 178.4, lat: -18.1}
      - {label: Apia, lon: -171.8, lat: -13.8}
      - {label: Honolulu, lon: -157.8, lat: 21.3}
      - {label: Lima, lon: -77.0, lat: -12.0}
  - id: islands
    kind: map
    caption: Fiji, Tonga and Samoa
    alt: A map of three island states.
    countries: [Fiji, Tonga, Samoa]
    points:
      - {label: Suva, lon: 178.44, lat: -18.14}
      - {label: "Nuku'alofa", lon: -175.2, lat: -21.14}
      - {label: Apia, lon: -171.76, lat: -13.83}
review_questions:
  - question: Where?
    answer: There.
bibliography:
  - title: A source
    author: An author
    url: https://example.org/
    accessed: 2026-01-10
"""


def _map(**fields) -> MapFigure:
    return MapFigure(kind="map", id="m", caption="c", alt="a", **fields)


@pytest.fixture(scope="module")
def style() -> FigureStyle:
    layout = load_layout(None)
    from builder.text.fonts import faces

    return FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)


def test_a_box_written_west_of_east_crosses_the_antimeridian() -> None:
    figure = _map(bounds=PACIFIC)
    west, south, east, north = region(figure)
    assert (west, east) == (110, 295) and (south, north) == (-50, 62)
    assert atlas.written(region(figure)) == (110, -50, -65, 62)
    assert atlas.contains(region(figure), -170, 0) and not atlas.contains(region(figure), 0, 0)
    with pytest.raises(ValidationError, match="crosses the 180° meridian"):
        _map(bounds=[40, -10, 40, 10])


def test_island_states_across_180_are_framed_the_short_way() -> None:
    """Fiji (177…180 E), Tonga and Samoa (172–176 W): a regional map, not the world."""
    west, south, east, north = region(_map(countries=["Fiji", "Tonga", "Samoa"]))
    assert east - west < 25 and north - south < 15
    for lon, lat in [(178.44, -18.14), (-175.2, -21.14), (-171.76, -13.83)]:
        assert atlas.contains((west, south, east, north), lon, lat)
    # a country across 180° keeps its parts on either side: Russia includes Chukotka
    assert 180 < atlas.extent([atlas.lookup("Russia")])[2] < 195


def test_outlines_and_places_are_drawn_on_the_frames_side(style) -> None:
    figure = _map(bounds=PACIFIC, points=[
        {"label": name, "lon": lon, "lat": lat} for name, lon, lat in
        [("Tokyo", 139.7, 35.7), ("Apia", -171.8, -13.8), ("Lima", -77.0, -12.0)]],
        lines=[{"coordinates": [[139.7, 35.7], [-157.8, 21.3], [-118.2, 34.0]]}])
    geo = map_geography(figure, 470, 380, page=True)
    west, _, east, _ = geo.bounds
    assert west < 180 < east
    xs = [x for ring in geo.land + geo.shaded for x, _ in ring]
    assert max(xs) > 250 and min(xs) < 150  # the Americas at 250…300, Asia at 110…150
    scene = map_scene(figure, style, 470, 380, asset=None)
    dots = [item.cx for item in scene.items if getattr(item, "role", None) == "city"]
    assert len(dots) == 3 and dots == sorted(dots)  # Tokyo, Apia (east of 180), Lima
    route = [item for item in scene.items if isinstance(item, ScenePath)
             and item.role == "map-line"]
    assert len(route) == 1
    xs = [x for x, _ in route[0].points]
    assert xs == sorted(xs)  # Tokyo → Honolulu → Los Angeles eastward, not across the world
    for item in scene.items:  # clipped to the frame
        if isinstance(item, ScenePath) and item.role in ("land", "map-line"):
            assert all(-0.5 <= x <= scene.width + 0.5 for x, _ in item.points)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pacific")
    source = folder / "pacific.yaml"
    source.write_text(SOURCE, encoding="utf-8")
    assert main(["build", str(source), "--out", str(folder / "out"), "--root",
                 str(folder)]) == 0
    return folder / "out" / "pacific.pdf", folder / "out" / "pacific.pptx"


def _texts(shapes):
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _texts(shape.shapes)
        elif shape.has_text_frame and shape.text_frame.text.strip():
            yield shape.text_frame.text.strip(), shape.left


def _order(found: dict[str, float], names: list[str]) -> list[str]:
    assert set(names) <= set(found), found
    return sorted(names, key=lambda name: found[name])


def test_the_deck_draws_the_pacific_west_to_east(built) -> None:
    deck = Presentation(str(built[1]))
    orders = []
    for slide in deck.slides:
        found = dict(_texts(slide.shapes))
        if "Tokyo" in found:
            orders.append(("ring", _order(found, RING)))
        elif "Nuku’alofa" in found or "Nuku'alofa" in found:
            found["Nuku’alofa"] = found.get("Nuku’alofa", found.get("Nuku'alofa"))
            orders.append(("islands", _order(found, ISLANDS)))
    assert orders == [("ring", RING), ("islands", ISLANDS)]


def test_the_guide_draws_the_pacific_west_to_east(built) -> None:
    orders = []
    with pdfplumber.open(built[0]) as pdf:
        for page in pdf.pages:
            found = {word["text"].replace("'", "’"): word["x0"]
                     for word in page.extract_words()}
            if "Tokyo" in found:
                orders.append(("ring", _order(found, RING)))
            if "Nuku’alofa" in found:
                orders.append(("islands", _order(found, ISLANDS)))
    assert orders == [("ring", RING), ("islands", ISLANDS)]


def test_a_place_outside_a_pacific_box_is_reported_as_written(write_source, capsys) -> None:
    text = SOURCE.replace("{label: Lima, lon: -77.0, lat: -12.0}",
                          "{label: Lagos, lon: 3.4, lat: 6.5}")
    path = write_source(text)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:28:" in err and "'Lagos'" in err and "[110, -50, -65, 62]" in err, err


def test_a_world_map_draws_a_route_across_180_off_one_edge_and_on_at_the_other(style) -> None:
    figure = _map(bounds=[-180, -60, 180, 85],
                  lines=[{"coordinates": [[139.7, 35.7], [-157.8, 21.3]]}])
    scene = map_scene(figure, style, 470, 380, asset=None)
    route = [item for item in scene.items if isinstance(item, ScenePath)
             and item.role == "map-line"]
    frame = next(item for item in scene.items if isinstance(item, ScenePath)
                 and item.role == "frame")
    left, right = min(x for x, _ in frame.points), max(x for x, _ in frame.points)
    assert len(route) == 2
    spans = sorted((min(x for x, _ in path.points), max(x for x, _ in path.points))
                   for path in route)
    assert spans[0][0] == pytest.approx(left, abs=0.5)  # on again from the left edge
    assert spans[1][1] == pytest.approx(right, abs=0.5)  # off the right edge
    assert spans[0][1] - spans[0][0] < (right - left) / 4  # neither across the world
    assert spans[1][1] - spans[1][0] < (right - left) / 4


@pytest.mark.parametrize("country", ["New Zealand", "Fiji"])
def test_a_region_by_180_widens_about_its_middle(country) -> None:
    """New Zealand on a wide slide stays in the middle (the frame runs on past 180° to the
    Chathams) instead of being pushed west against a frame edge at 180°."""
    figure = _map(countries=[country])
    base = region(figure)
    west, _, east, _ = map_geography(figure, 900, 300, page=False).bounds
    assert east - west > (base[2] - base[0]) * 1.5
    assert (west + east) / 2 == pytest.approx((base[0] + base[2]) / 2, abs=1e-6)


def test_a_box_written_east_to_west_by_mistake_gets_the_fix(write_source, capsys) -> None:
    """[131, 33, 124, 43] is legal (the long way round, across 180°) but leaves out Korea;
    its places say so, with the box written the other way as the fix."""
    text = SOURCE.replace("bounds: [110, -50, -65, 62]", "bounds: [131, 33, 124, 43]")
    text = text.split("    lines:\n")[0] + (
        "    points:\n      - {label: Seoul, lon: 126.98, lat: 37.57}\n"
        "  - id: islands" + text.split("  - id: islands")[1])
    path = write_source(text)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "'Seoul'" in err and "write [124, 33, 131, 43]" in err, err


def test_a_sources_own_outline_split_at_180_is_joined_on_the_map(style, tmp_path) -> None:
    """GeoJSON splits an island across 180° into two polygons (175…180 and -180…-175): on a
    Pacific map both halves are drawn side by side, the western one east of 180."""
    import json

    halves = [[[175, -15], [180, -15], [180, -10], [175, -10], [175, -15]],
              [[-180, -15], [-175, -15], [-175, -10], [-180, -10], [-180, -15]]]
    outline = tmp_path / "island.geojson"
    outline.write_text(json.dumps({"type": "MultiPolygon",
                                   "coordinates": [[half] for half in halves]}))
    figure = _map(bounds=[170, -20, -170, -5], outline="island.geojson")
    scene = map_scene(figure, style, 400, 400, asset=lambda name: tmp_path / name)
    land = [item for item in scene.items if isinstance(item, ScenePath) and item.role == "land"]
    assert len(land) == 2
    (a_left, a_right), (b_left, b_right) = sorted(
        (min(x for x, _ in path.points), max(x for x, _ in path.points)) for path in land)
    assert a_right == pytest.approx(b_left, abs=0.5)  # they meet at 180°
    assert b_right - a_left == pytest.approx(scene.width / 2, rel=0.05)  # 10° of the 20°
