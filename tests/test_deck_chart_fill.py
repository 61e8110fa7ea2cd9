"""A native pie takes the room its slide gives it: the chart spans the figure's box and its
round plot is placed by hand, as large as its outside labels allow (on a large-print slide it
was about a fifth of the slide across). Read back from the chart XML."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_LEGEND_POSITION

from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from tests.conftest import ROOT

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


@pytest.mark.parametrize("layout", ["large-print", "default"])
def test_a_pie_fills_its_box(layout: str) -> None:
    document = resolve(load_source(ROOT / "tests" / "corpus" / "photosynthesis.yaml"),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    frames = [(slide, shape) for slide in deck.slides for shape in slide.shapes
              if shape.name == "figure-atmosphere"]
    assert len(frames) == 1
    slide, frame = frames[0]
    manual = frame.chart._chartSpace.find(f".//{C}plotArea/{C}layout/{C}manualLayout")
    assert manual is not None, "the pie's plot is placed by hand"
    value = {child.tag.removeprefix(C): child.get("val") for child in manual}
    assert value["layoutTarget"] == "inner"
    width, height = frame.width / 12700, frame.height / 12700
    x, y, w, h = (float(value[k]) for k in ("x", "y", "w", "h"))
    side = w * width
    assert side == pytest.approx(h * height, abs=0.5)  # round, not squashed
    assert side >= 0.6 * height, (side, height)
    assert x + w <= 1.0 and y + h <= 1.0 and x >= 0 and y >= 0
    assert abs((x + w / 2) - 0.5) < 0.01  # centred across the box
    caption = next(s for s in slide.shapes if s.name == "caption-atmosphere")
    assert frame.top + frame.height <= caption.top or frame.left + frame.width <= caption.left


def test_a_pie_of_long_names_names_its_slices_in_a_legend(write_source) -> None:
    """"Africanos y afrodescendientes esclavizados" is too long for a slice's label (the
    viewer broke it inside a word): the slices are named in a legend, labelled with their
    values, and the plot still has its hand-placed box."""
    from tests.test_chart_labels_fit import SOURCE as CHARTS

    document = resolve(load_source(write_source(CHARTS)),
                       load_layout(ROOT / "layouts" / "large-print.yaml"), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    frame = next(shape for slide in deck.slides for shape in slide.shapes
                 if shape.name == "figure-people")
    chart = frame.chart
    assert chart.has_legend
    space = chart._chartSpace
    shows = [element.get("val") for element in space.iter(f"{C}showCatName")]
    assert shows and set(shows) == {"0"}
    assert space.find(f".//{C}plotArea/{C}layout/{C}manualLayout") is not None


def test_a_donut_fills_its_box_with_its_legend_beside(write_source) -> None:
    """A donut took a box of the pie's proportions with its legend below (large print: a ring
    about 200 pt across in a 648 × 295 pt box); now it spans the box, its ring placed by hand
    and its legend beside it when that leaves the ring larger. (No slice is thin: a donut
    with one is drawn as a pie, tests/test_donut_thin_slices.py.)"""
    document = resolve(load_source(write_source(DONUT)),
                       load_layout(ROOT / "layouts" / "large-print.yaml"), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    frame = next(shape for slide in deck.slides for shape in slide.shapes
                 if shape.name == "figure-where")
    space = frame.chart._chartSpace
    manual = space.find(f".//{C}plotArea/{C}layout/{C}manualLayout")
    assert manual is not None, "the ring is placed by hand"
    value = {child.tag.removeprefix(C): child.get("val") for child in manual}
    width, height = frame.width / 12700, frame.height / 12700
    side = float(value["w"]) * width
    assert side == pytest.approx(float(value["h"]) * height, abs=0.5)
    assert side >= 0.75 * height, (side, height)
    assert frame.chart.legend.position == XL_LEGEND_POSITION.RIGHT


DONUT = """
title: Donuts
sections:
  - title: Where earthquakes happen
    blocks:
      - figure: where
figures:
  - id: where
    kind: donut
    caption: Where the world's largest earthquakes happen
    alt: Donut chart of the belts.
    credit: USGS Earthquake Hazards Program, rounded.
    categories: [Circum-Pacific belt (Ring of Fire), "Alpide belt (Java, Himalaya, Mediterranean)",
                 Mid-ocean ridges and elsewhere]
    values: [62, 28, 10]
    number_format: "0"
"""
