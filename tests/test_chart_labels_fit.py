"""The guide's charts keep their names in their places: a horizontal bar chart's wrapped
category names each stand in their bar's slot (three-line names once printed over the
next in large print), and a pie with a long category name wraps it instead of shrinking
to a dot and pushing the label past the margin. Read from the shared scenes the guide
paints, then from the guide PDF (pdfplumber)."""

from __future__ import annotations

import io

import pdfplumber

from builder.charts.pies import pie_scene
from builder.charts.plots import category_scene
from builder.charts.scene import Text, Wedge
from builder.charts.style import FigureStyle
from builder.guide import render_guide
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from builder.text.fonts import faces
from tests.conftest import ROOT

SOURCE = """
title: Quakes
date: 2026-02-10
instructor: Earth Sciences
essential_question: "Where?"
objectives: [Rank them]
takeaways: [The Pacific]
sections:
  - title: The largest
    blocks:
      - figure: quakes
      - figure: people
figures:
  - id: quakes
    kind: bar
    orientation: horizontal
    caption: The largest earthquakes
    alt: A bar chart.
    categories: ["Valdivia, Chile (May 22, 1960)", "Great Alaska earthquake (March 27, 1964)",
                 "Sumatra–Andaman, Indonesia (December 26, 2004)",
                 "Tōhoku, Japan (March 11, 2011)", "Kamchatka, Russia (November 4, 1952)",
                 "Maule, Chile (February 27, 2010)", "Ecuador–Colombia (January 31, 1906)"]
    series:
      - {name: Mw, values: [9.5, 9.2, 9.1, 9.1, 9.0, 8.8, 8.8]}
    value_axis: {min: 8, max: 9.6}
  - id: people
    kind: pie
    caption: Population around 1800
    alt: A pie chart.
    categories: [Indígenas, Mestizos y castas, Criollos, Africanos y afrodescendientes esclavizados,
                 Peninsulares]
    values: [44.4, 31.4, 18.9, 4.7, 0.6]
review_questions:
  - {question: "Which?", choices: [A, B], answer: A, explanation: Because.}
bibliography:
  - {title: "Atlas", publisher: Press}
"""


def _document(write_source, layout: str = "large-print"):
    return resolve(load_source(write_source(SOURCE)),
                   load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)


def _style(size: float) -> FigureStyle:
    layout = load_layout(None)
    return FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), size)


def test_horizontal_bar_names_stand_in_their_slots(write_source) -> None:
    figure = _document(write_source).figure("quakes").figure
    for size, width, height in ((12, 470, 290), (9, 470, 240), (14, 600, 260)):
        scene = category_scene(figure, _style(size), width, height)
        names = sorted((item for item in scene.items
                        if isinstance(item, Text) and item.role == "category"),
                       key=lambda item: item.top)
        assert len(names) == 7
        for upper, lower in zip(names, names[1:]):
            assert upper.top + upper.height <= lower.top + 0.01, (size, upper.text, lower.text)
        assert all(item.left >= -0.01 for item in names)


def test_a_long_pie_name_wraps_and_stays_in_the_figure(write_source) -> None:
    figure = _document(write_source).figure("people").figure
    for size, width, height in ((12, 470, 290), (9, 300, 190)):
        scene = pie_scene(figure, _style(size), width, height)
        texts = [item for item in scene.items if isinstance(item, Text)]
        for item in texts:
            assert -0.01 <= item.left and item.left + item.width <= width + 0.01, item.text
        radius = max(item.radius for item in scene.items if isinstance(item, Wedge))
        assert radius >= 0.25 * min(width, height), (size, radius)
        assert any(len(item.lines) > 2 for item in texts)  # the long name is wrapped


def test_the_guide_keeps_pie_labels_inside_its_margins(write_source) -> None:
    document = _document(write_source)
    margins = document.layout.guide.margins
    with pdfplumber.open(io.BytesIO(render_guide(document))) as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            if not any(w["text"] == "esclavizados" for w in words):
                continue
            for word in words:
                assert word["x0"] >= margins.left - 1.0, word["text"]
                assert word["x1"] <= page.width - margins.right + 1.0, word["text"]
            return
    raise AssertionError("the pie's label is not in the guide")
