"""A line's value label goes below a valley point only when the point has room below it:
near the foot of a value axis that does not start at zero ("2,500" on an axis from 2,000)
the label stands above, in the guide's scene and the deck's chart XML alike, instead of
being printed over the category names."""

from __future__ import annotations

import io

from pptx import Presentation

from builder.charts.plots import category_scene
from builder.charts.scene import Circle, Text
from builder.charts.style import FigureStyle, line_label_below
from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from builder.text.fonts import faces

SOURCE = """
title: Sea floor
date: 2026-02-10
instructor: Earth Sciences
essential_question: "How deep?"
objectives: [Read the curve]
takeaways: [Deeper with age]
sections:
  - title: Depth
    blocks:
      - figure: depth
figures:
  - id: depth
    kind: line
    caption: Depth against age
    alt: A line chart.
    categories: ["0", "10", "20", "30", "40"]
    series:
      - {name: Depth (m), values: [2500, 3607, 3400, 4417, 4714]}
    value_axis: {min: 2000, max: 7000, step: 1000}
    legend: false
review_questions:
  - {question: "Which?", choices: [A, B], answer: A, explanation: Because.}
bibliography:
  - {title: "Atlas", publisher: Press}
"""

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def test_the_rule() -> None:
    values = (2500, 3607, 3400, 4417)
    assert line_label_below(values, 0) and line_label_below(values, 2)
    assert not line_label_below(values, 0, (2000, 7000))  # 10 % up the axis: no room below
    assert line_label_below(values, 2, (2000, 7000))  # a valley with room keeps its place


def test_both_outputs_put_the_foot_label_above(write_source) -> None:
    document = resolve(load_source(write_source(SOURCE)), load_layout(None), None)
    figure = document.figure("depth").figure
    layout = load_layout(None)
    style = FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)
    scene = category_scene(figure, style, 400, 250)
    first = min((item for item in scene.items if isinstance(item, Circle)),
                key=lambda item: item.cx)
    label = next(item for item in scene.items if isinstance(item, Text)
                 and item.role == "data-label" and item.text == "2,500")
    assert label.top + label.height <= first.cy  # above its point
    deck = Presentation(io.BytesIO(render_deck(document)))
    chart = next(shape.chart for slide in deck.slides for shape in slide.shapes
                 if shape.has_chart)
    positions = {int(label.find(f"{C}idx").get("val")): label.find(f"{C}dLblPos").get("val")
                 for label in chart._chartSpace.iter(f"{C}dLbl")
                 if label.find(f"{C}dLblPos") is not None}
    assert positions.get(0) != "b"
    assert positions.get(2) == "b"  # the valley with room is still labelled below
