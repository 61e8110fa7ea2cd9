"""A donut with a thin slice is drawn as a pie in both outputs: a donut's values stand on its
ring (OOXML's doughnut has no label position outside the slice), and a thin slice's value
there overprints its neighbour's; a pie moves them out beside it with leaders. Read back from
the deck's chart XML and the guide's scene; a donut of wide slices stays a donut."""

from __future__ import annotations

import io
import math

from pptx import Presentation

from builder.charts.pies import drawn_kind, pie_scene
from builder.charts.scene import Text, Wedge
from builder.charts.style import FigureStyle
from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from builder.text.fonts import faces
from tests.conftest import ROOT
from tests.test_deck_chart_fill import DONUT

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
THIN = DONUT.replace("values: [62, 28, 10]", "values: [81, 17, 2]")


def _document(write_source, text: str, layout: str = "large-print"):
    return resolve(load_source(write_source(text)),
                   load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)


def _chart(document):
    deck = Presentation(io.BytesIO(render_deck(document)))
    return next(shape for slide in deck.slides for shape in slide.shapes
                if shape.name == "figure-where").chart


def test_a_donut_with_a_thin_slice_is_a_pie_with_its_values_outside(write_source) -> None:
    document = _document(write_source, THIN)
    space = _chart(document)._chartSpace
    assert space.find(f".//{C}doughnutChart") is None
    assert space.find(f".//{C}pieChart") is not None
    positions = {element.get("val") for element in space.iter(f"{C}dLblPos")}
    # the one thin slice (2 of 100, between wide ones) has room at its end: LibreOffice's
    # best fit would set its value inside the sliver
    assert positions == {"outEnd"}, positions
    assert space.find(f".//{C}showLeaderLines") is not None


def test_a_donut_of_wide_slices_stays_a_donut(write_source) -> None:
    space = _chart(_document(write_source, DONUT))._chartSpace
    assert space.find(f".//{C}doughnutChart") is not None


def test_the_guide_draws_the_same_pie_its_values_off_the_slices(write_source) -> None:
    document = _document(write_source, THIN, "default")
    figure = next(n.figure for n in document.figures.values())
    assert figure.kind == "donut" and drawn_kind(figure) == "pie"
    layout = document.layout
    style = FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 8.5)
    scene = pie_scene(figure, style, 400, 260)
    wedges = [item for item in scene.items if isinstance(item, Wedge)]
    assert wedges and all(w.inner_radius == 0 for w in wedges)  # a pie: no hole
    cx, cy, radius = wedges[0].cx, wedges[0].cy, wedges[0].radius
    labels = [item for item in scene.items if isinstance(item, Text)
              and item.role == "data-label"]
    assert len(labels) == 3
    boxes = []
    for label in labels:
        height = len(label.lines) * label.size * 1.2
        box = (label.left, label.top, label.left + label.width, label.top + height)
        # wholly outside the pie: its nearest point to the centre is past the radius
        nearest_x = min(max(cx, box[0]), box[2])
        nearest_y = min(max(cy, box[1]), box[3])
        assert math.hypot(nearest_x - cx, nearest_y - cy) >= radius, label.lines
        boxes.append(box)
    for index, a in enumerate(boxes):
        for b in boxes[index + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
