"""A figure slide is for its figure: the caption and credit are kept compact (the credit in
small print, beside a one-line caption when both fit there; the caption set smaller toward
its floor) so a chart keeps most of the body (a large-print chart was 247 pt of a 540 pt
slide under a two-line caption and a two-line credit). Read back from the drawn decks."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from builder.deck import render_deck
from builder.deck.figureslides import FIGURE_ROOM
from builder.deck.grid import Grid
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from tests.conftest import ROOT

LECTURE = """
title: Earthquakes
sections:
  - title: The largest earthquakes
    blocks:
      - figure: great
      - figure: short
figures:
  - id: great
    kind: bar
    orientation: horizontal
    caption: "The largest earthquakes recorded since 1900, by moment magnitude Mw – all but
      one of them on the Ring of Fire around the Pacific"
    credit: "Computed from the square-root-of-age law (Parsons and Sclater, 1977, rounded)
      and the USGS list of the largest earthquakes."
    alt: Bar chart of magnitudes.
    categories: [Valdivia, Alaska, Sumatra, Tōhoku, Kamchatka]
    series: [{name: Mw, values: [9.5, 9.2, 9.1, 9.1, 9.0]}]
  - id: short
    kind: line
    caption: Depth against age
    credit: USGS.
    alt: Line chart.
    categories: ["0", "10", "20"]
    series: [{name: Depth, values: [2500, 3600, 4100]}]
"""

PT = 12700


def _deck(write_source, layout: str):
    document = resolve(load_source(write_source(LECTURE)),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)
    grid = Grid.build(document.layout.deck)
    deck = Presentation(io.BytesIO(render_deck(document)))
    shapes = {shape.name: shape for slide in deck.slides for shape in slide.shapes}
    return grid, shapes


@pytest.mark.parametrize("layout", ["default", "large-print", "history-101"])
def test_a_chart_keeps_most_of_the_body_under_a_long_caption_and_credit(write_source,
                                                                        layout) -> None:
    grid, shapes = _deck(write_source, layout)
    for name in ("great", "short"):
        figure, caption = shapes[f"figure-{name}"], shapes[f"caption-{name}"]
        credit = shapes[f"credit-{name}"]
        # a two-line caption and a two-line credit at large print still leave ~ 3/4 (the
        # layout's 20 pt caption and 18 pt credit left 0.63); a short one leaves FIGURE_ROOM
        least = FIGURE_ROOM if name == "short" else 0.72
        assert figure.height / PT >= least * grid.body.height - 1, (name, layout)
        assert figure.top + figure.height <= caption.top
        assert caption.top + caption.height <= grid.body.bottom * PT + PT
        assert credit.top + credit.height <= grid.body.bottom * PT + PT
        assert (credit.top >= caption.top + caption.height - PT
                or credit.left >= caption.left + caption.width)  # under it or beside it


@pytest.mark.parametrize("layout", ["default", "large-print"])
def test_a_short_credit_stands_beside_a_one_line_caption(write_source, layout) -> None:
    _, shapes = _deck(write_source, layout)
    caption, credit = shapes["caption-short"], shapes["credit-short"]
    assert credit.top == caption.top
    assert credit.left >= caption.left + caption.width
    sizes = {run.font.size.pt for p in credit.text_frame.paragraphs for run in p.runs}
    captions = {run.font.size.pt for p in caption.text_frame.paragraphs for run in p.runs}
    assert max(sizes) < max(captions)  # the credit is small print
