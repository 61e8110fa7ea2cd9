"""A map's grounds: sea and lands told apart in every layout's palette (history-101's sea was
the beige of the shaded country, ΔE 1.5: look 22:01), names readable on each, and no coast
or border drawn through a name (they are knocked out behind it, as cartographers mask
them: look/review 20:13 "Great Alaska earthquake…" crossed by the 141°W border). Read
from the scenes both outputs draw and from a deck's map group."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from builder.charts.geometry import Box
from builder.charts.leaders import segment_hits
from builder.charts.mapcolors import APART, distance
from builder.charts.maps import map_scene
from builder.charts.scene import Path, Text, Typeface
from builder.deck import render_deck
from builder.guide.figures import figure_style
from builder.layout import load_layout
from builder.load.source import load_source
from builder.model import MapFigure
from builder.resolve.document import resolve
from tests.conftest import ROOT

LAYOUTS = ["default", "large-print", "history-101"]
NAMED = ("place", "line-label", "area-label", "place-number")


def _document(source: str, layout: str):
    return resolve(load_source(ROOT / "tests" / "corpus" / f"{source}.yaml"),
                   load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)


def _scene(source: str, layout: str, figure_id: str, width: float = 468.0):
    document = _document(source, layout)
    figure = next(n.figure for n in document.figures.values() if n.figure.id == figure_id)
    return map_scene(figure, figure_style(document), width, width * 0.8, document.asset)


def _fill(scene, role: str):
    return next(item.fill for item in scene.items if isinstance(item, Path) and item.role == role)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_sea_is_not_the_colour_of_either_land(layout) -> None:
    scene = _scene("meiji-restoration", layout, "japan-map")
    sea = _fill(scene, "sea")
    lands = {item.fill for item in scene.items
             if isinstance(item, Path) and item.role == "land" and item.fill}
    assert len(lands) == 2  # the mainland and the shaded country
    for land in lands:
        assert distance(sea, land) >= APART, (sea, land)
    text = next(item.color for item in scene.items
                if isinstance(item, Text) and item.role == "place")
    for ground in (sea, *lands):
        assert ground.contrast(text) >= 4.5


def _line_boxes(text: Text) -> list[Box]:
    """The middle band of each of a name's lines, across the whole text box: where a line
    through it would strike its letters."""
    step = Typeface.line_height(text.size)
    return [Box(text.left + text.size * 0.2, text.top + index * step + step * 0.3,
                max(0.0, text.width - text.size * 0.4), step * 0.4)
            for index, line in enumerate(text.lines) if line.strip()]


def _outlines(scene):
    """The drawn coast and border segments (stroked outlines only)."""
    for item in scene.items:
        if isinstance(item, Path) and item.stroke and item.role in (
                "land", "coast", "outline-line"):
            points = list(item.points)
            if item.closed:
                points.append(points[0])
            yield from zip(points, points[1:])


@pytest.mark.parametrize("source,figure_id,layout", [
    ("meiji-restoration", "japan-map", "default"),
    ("meiji-restoration", "japan-map", "history-101"),
    ("plate-tectonics", "ring-of-fire-map", "default"),
    ("plate-tectonics", "plate-boundaries-world", "large-print"),
])
def test_no_coast_or_border_strikes_a_name(source, figure_id, layout) -> None:
    scene = _scene(source, layout, figure_id)
    segments = list(_outlines(scene))
    texts = [item for item in scene.items if isinstance(item, Text) and item.role in NAMED]
    assert texts and segments
    struck = [text.text for text in texts for box in _line_boxes(text)
              if any(segment_hits(box, a, b) for a, b in segments)]
    assert struck == []
    # the lands are still filled whole under the names (only their strokes give way)
    assert any(isinstance(item, Path) and item.role == "coast" for item in scene.items)


def test_a_deck_map_draws_its_knocked_out_coast_as_lines() -> None:
    """The deck's map group holds the coast pieces as unfilled freeforms and the land
    polygons they came from as unstroked fills."""
    document = _document("meiji-restoration", "history-101")
    deck = Presentation(io.BytesIO(render_deck(document)))
    group = next(shape for slide in deck.slides for shape in slide.shapes
                 if shape.shape_type == MSO_SHAPE_TYPE.GROUP
                 and shape.name == "figure-japan-map")
    names = [child.name.rsplit(" ", 1)[0] for child in group.shapes]
    assert "coast" in names and "land" in names
    coasts = [child for child in group.shapes if child.name.startswith("coast ")]
    assert all(child.line.fill.type is not None for child in coasts)  # drawn lines
