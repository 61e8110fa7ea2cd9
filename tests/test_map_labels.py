"""Map place names read back from the outputs keep to their places (tests/mapcheck.py has
the rules): a name touches its marker or has a leader to it, is never nearer another
place's marker without one, overlaps no other name or marker, is not struck by a drawn line
(the Cuban range circle), an off-map name stands by its arrow at the frame's edge, markers
a few kilometres apart (Tokyo, Yokohama, Uraga) are spread so none covers another, and no
marker is cut by the frame. Decks are read with python-pptx, the guide with pdfplumber and
its scene."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pptx import Presentation

from builder.charts.figures import scene_for
from builder.charts.geometry import Box
from builder.charts.maps import map_scene
from builder.charts.scene import Text
from builder.guide.figures import figure_style
from builder.layout import load_layout
from builder.load.source import load_source
from builder.model import MapFigure
from builder.resolve.document import resolve
from tests import mapcheck
from tests.conftest import ROOT, SAMPLE

CORPUS = ROOT / "tests" / "corpus"
MAPS = ["meiji-restoration", "scramble-for-africa", "cuban-missile-crisis", "plate-tectonics"]


def _document(source: str, layout: str):
    path = SAMPLE if source == SAMPLE.stem else CORPUS / f"{source}.yaml"
    return resolve(load_source(path),
                   load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)


def _maps(document) -> dict[str, MapFigure]:
    return {numbered.figure.id: numbered.figure for numbered in document.figures.values()
            if isinstance(numbered.figure, MapFigure)}


# known defects, each with its owner: the finding expected, removed once it is fixed
KNOWN_DECK: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
}


@pytest.mark.parametrize("layout", ["default", "large-print", "history-101"])
@pytest.mark.parametrize("source", [*MAPS, SAMPLE.stem])
def test_deck_map_names_keep_to_their_places(source, layout, corpus_builds) -> None:
    """Read from the corpus matrix's student decks (tests/corpus_builds.py): the decks a
    teacher's build writes, not rendered again here."""
    maps = _maps(_document(source, layout))
    build = corpus_builds[f"{source}-{layout}-student"]
    assert build.returncode == 0, build.report()
    deck = Presentation(str(build.pptx))
    seen = 0
    found = []
    for number, name, view in mapcheck.views(deck, maps):
        assert view.names and view.markers
        found += [(number, name, problem) for problem in mapcheck.problems(view)]
        seen += 1
    assert seen
    known = KNOWN_DECK.get((source, layout))
    if known is not None:
        assert tuple(problem for *_, problem in found) == known[1], \
            f"KNOWN_DECK {(source, layout)} no longer finds what it lists: update the entry"
        pytest.xfail(f"known ({known[0]}): {'; '.join(known[1])}")
    assert found == []


@pytest.mark.parametrize("layout", ["default", "large-print"])
@pytest.mark.parametrize("source", MAPS)
def test_guide_map_names_keep_to_their_places(source, layout) -> None:
    """The page's map scene (as the guide draws it: a text column, a narrower one) keeps
    the rules."""
    document = _document(source, layout)
    style = figure_style(document)
    for width in (468.0, 360.0):
        for figure in _maps(document).values():
            scene = scene_for(figure, style, width, width * 0.8, document.asset)
            view = mapcheck.from_scene(scene, figure)
            assert view.names
            assert mapcheck.problems(view) == [], (figure.id, width)


def _words_crossed_by_dashed_lines(pdf: bytes, word: str) -> list[str]:
    """On the guide page whose map names ``word``: the words a dashed stroke (a map line:
    the range circle) passes through."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            words = page.extract_words()
            if not any(word in item["text"] for item in words):
                continue
            dashed = [curve for curve in page.curves if curve.get("dash") and curve["dash"][0]]
            if not dashed:
                continue
            crossed = []
            for item in words:
                box = (item["x0"] + 0.5, item["top"] + 0.5, item["x1"] - 0.5, item["bottom"] - 0.5)
                for curve in dashed:
                    points = [(x, y) for x, y in curve["pts"]]
                    if any(mapcheck._hits(box, a, b) for a, b in zip(points, points[1:])):
                        crossed.append(item["text"])
                        break
            return crossed
    raise AssertionError(f"no page with a dashed map line names {word!r}")


@pytest.mark.parametrize("layout", ["default", "large-print"])
@pytest.mark.parametrize("source", ["cuban-missile-crisis"])
def test_guide_range_circle_strikes_no_name(source, layout, corpus_builds) -> None:
    """Cuban large-print guide p12 had the range circle through "Banes, where Anderson's
    U-2…" and "Guantánamo Bay…": read back with pdfplumber, no word on the map is crossed.
    Read from the corpus matrix's student guide (tests/corpus_builds.py), not rendered
    again here."""
    build = corpus_builds[f"{source}-{layout}-student"]
    assert build.returncode == 0, build.report()
    assert _words_crossed_by_dashed_lines(build.pdf.read_bytes(), "Havana") == []


def _map(points, lines=(), bounds=(120.0, 30.0, 135.0, 45.0)):
    return MapFigure.model_validate({"id": "m", "kind": "map", "caption": "A map", "alt": "A map of places",
                                     "bounds": bounds,
                                     "world": False, "points": points, "lines": list(lines)})


@pytest.fixture(scope="module")
def style():
    document = _document("meiji-restoration", "default")
    return figure_style(document)


def test_places_at_one_spot_are_spread_and_each_keeps_its_name(style) -> None:
    """Three places a few kilometres apart draw three separate markers, each named."""
    figure = _map([{"label": "Tokyo", "lon": 139.69, "lat": 35.69, "marker": "capital"},
                   {"label": "Yokohama", "lon": 139.64, "lat": 35.44},
                   {"label": "Uraga", "lon": 139.72, "lat": 35.24, "marker": "battle"}],
                  bounds=(128.0, 30.0, 146.0, 46.0))
    scene = map_scene(figure, style, 400, 320, asset=None)
    view = mapcheck.from_scene(scene, figure)
    assert len(view.markers) == 3
    assert list(mapcheck._marker_pairs(view)) == []
    assert mapcheck.problems(view) == []
    assert {mapcheck.key(name.text) for name in view.names} | _keyed(scene) >= {
        "Tokyo", "Yokohama", "Uraga"}


def _keyed(scene) -> set[str]:
    return {mapcheck.key(part) for item in scene.items
            if isinstance(item, Text) and item.role == "map-key"
            for part in " ".join(item.lines).split(",")}


def test_off_map_name_stands_by_its_arrow_at_the_frame_edge(style) -> None:
    """Berlin, north of a map of Africa: the arrow at the top edge, the name beside it."""
    figure = _map([{"label": "Tunis", "lon": 10.2, "lat": 36.8},
                   {"label": "Berlin (the 1884–1885 conference)", "lon": 13.4, "lat": 52.5,
                    "off_map": True},
                   {"label": "Cairo", "lon": 31.2, "lat": 30.0, "marker": "capital"}],
                  bounds=(-20.0, -35.0, 52.0, 37.0))
    for beside, width in ((False, 300), (True, 500)):
        scene = map_scene(figure, style, width, 330, asset=None, beside=beside)
        view = mapcheck.from_scene(scene, figure)
        assert mapcheck.problems(view) == []
        berlin = next(name for name in view.names if "Berlin" in name.text)
        assert berlin.box[1] - view.frame[1] < style.size * 2  # at the top edge


def test_a_name_never_crosses_a_drawn_line_and_keyed_places_are_numbered(style) -> None:
    """A ring of places round a dashed circle: no name is struck by it; a place whose name
    found no room is numbered by its marker and named after its number in the key."""
    import math

    circle = [(127.5 + 6 * math.cos(t / 20 * math.pi), 37.5 + 6 * math.sin(t / 20 * math.pi))
              for t in range(41)]
    points = [{"label": f"A long place name number {i}", "lon": 127.5 + 6 * math.cos(i / 3),
               "lat": 37.5 + 6 * math.sin(i / 3)} for i in range(18)]
    figure = _map(points, [{"coordinates": circle, "style": "dashed"}])
    scene = map_scene(figure, style, 360, 300, asset=None)
    view = mapcheck.from_scene(scene, figure)
    assert mapcheck.problems(view) == []
    numbers = [item for item in scene.items if isinstance(item, Text)
               and item.role == "place-number"]
    key = " ".join(" ".join(item.lines) for item in scene.items
                   if isinstance(item, Text) and item.role == "map-key")
    for number in numbers:
        assert f"{number.lines[0]}\u00a0A long place name" in key
    frame = Box(*view.frame[:2], view.frame[2] - view.frame[0], view.frame[3] - view.frame[1])
    assert all(Box(n.left, n.top, n.width, n.height).inside(frame) for n in numbers)


def test_every_number_by_a_marker_has_its_entry_in_the_key(style) -> None:
    """Sixty places with long names on one small map: the key names every place it could
    not set on the map, never counting them ("and 12 more"), on the slide or continued
    after it; a number by a marker always has its entry; every place is named."""
    points = [{"label": f"A rather long place name, number {i}", "lon": 121 + (i % 10) * 1.4,
               "lat": 31 + (i // 10) * 2.2} for i in range(60)]
    for floor in (None, 14.0):
        scene = map_scene(_map(points), style.resized(floor or style.size), 300, 240,
                          asset=None, min_label=floor, beside=floor is not None)
        key = " ".join([" ".join(item.lines) for item in scene.items
                        if isinstance(item, Text) and item.role == "map-key"]
                       + list(scene.rest))
        numbers = [item.lines[0] for item in scene.items
                   if isinstance(item, Text) and item.role == "place-number"]
        assert "more" not in key
        assert all(f"{number}\u00a0" in key for number in numbers), (numbers, key)
        view = mapcheck.from_scene(scene, _map(points), page=floor is None)
        view.key = key
        assert [p for p in mapcheck.problems(view) if "named nowhere" in p] == []
