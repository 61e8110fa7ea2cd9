"""A pie with thin slices is turned so they stand at 3 o'clock, in both outputs, and takes
its box's height: their labels stack beside the pie, where a wide box has room, instead of
touching end to end over it ("Argon (Ar)Carbon dioxide (CO₂)") and shrinking the pie to
a quarter of the slide. Read back from the deck's chart XML and from the guide's scene."""

from __future__ import annotations

import io
import math

from pptx import Presentation

from builder.charts.pies import SMALL_SLICE, first_slice_angle, pie_scene
from builder.charts.scene import Text
from builder.charts.style import FigureStyle
from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.model.figures import PieFigure
from builder.resolve.document import resolve
from builder.text.fonts import faces
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _thin_middles(values, first: int) -> list[float]:
    """Thin slices' middles, degrees clockwise from 12 o'clock."""
    total, angle, middles = sum(values), float(first), []
    for value in values:
        sweep = 360 * value / total
        if value < total * SMALL_SLICE:
            middles.append((angle + sweep / 2) % 360)
        angle += sweep
    return middles


def test_the_deck_turns_a_pie_of_thin_slices_and_gives_it_the_box_height() -> None:
    document = resolve(load_source(CORPUS / "photosynthesis.yaml"),
                       load_layout(ROOT / "layouts" / "large-print.yaml"), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    pies = [shape for slide in deck.slides for shape in slide.shapes
            if shape.has_chart and shape.chart._chartSpace.xpath(".//c:pieChart")]
    assert pies
    for shape in pies:
        space = shape.chart._chartSpace
        values = [float(v.text) for v in space.xpath(".//c:ser/c:val//c:pt/c:v")]
        angle = space.xpath(".//c:pieChart/c:firstSliceAng")
        assert angle, "a pie of thin slices keeps them at 12 o'clock"
        first = int(angle[0].get("val"))
        assert first == first_slice_angle(tuple(values))
        for middle in _thin_middles(values, first):
            assert 75 <= middle <= 105, (values, first, middle)
        box = space.xpath(".//c:plotArea/c:layout/c:manualLayout")[0]
        height = float(box.find(f"{C}h").get("val"))
        width = float(box.find(f"{C}w").get("val"))
        # labels beside it: the pie nearly the box's height (it was 68 %), a square
        assert height >= 0.85, height
        assert math.isclose(width * shape.width, height * shape.height, rel_tol=0.02)


def test_the_guide_turns_the_same_pie_and_sets_its_thin_labels_apart() -> None:
    layout = load_layout(None)
    document = resolve(load_source(CORPUS / "photosynthesis.yaml"), layout)
    style = FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)
    figure = next(n.figure for n in document.figures.values()
                  if isinstance(n.figure, PieFigure) and n.figure.kind == "pie")
    scene = pie_scene(figure, style, 470, 300)
    labels = [item for item in scene.items if isinstance(item, Text)]
    names = [name for name, value in zip(figure.categories, figure.values)
             if value < sum(figure.values) * SMALL_SLICE]
    thin = [label for label in labels
            if any(" ".join(label.lines[:-1]) == name for name in names)]
    assert len(thin) == len(names), [label.lines for label in labels]
    assert thin and all(label.left > scene.width / 2 for label in thin)  # at 3 o'clock
    for a in labels:
        for b in labels:
            if a is not b:
                assert (a.left + a.width <= b.left or b.left + b.width <= a.left
                        or a.top + a.height <= b.top or b.top + b.height <= a.top), (
                    a.text, b.text)
