"""A native horizontal bar chart names every bar: LibreOffice drew 4 of 7 great earthquakes'
names on a large-print slide (a wrapped name taller than its bar's slot is hidden). Names
stay at the figure floor, so a chart whose names cannot all stand by their bars is continued
over slides on one value axis, and each part's category axis is told to keep its labels
level (LibreOffice then breaks a long name rather than hiding it). Read back from the chart
XML, and from LibreOffice's rendering."""

from __future__ import annotations

import io
import subprocess

import pytest
from pptx import Presentation

import render_check
from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from tests.conftest import ROOT

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
NAMES = ["Valdivia, Chile (May 22, 1960)", "Great Alaska earthquake (March 27, 1964)",
         "Sumatra–Andaman, Indonesia (December 26, 2004)", "Tōhoku, Japan (March 11, 2011)",
         "Kamchatka, Russia (November 4, 1952)", "Maule, Chile (February 27, 2010)",
         "Ecuador–Colombia (January 31, 1906)"]
LECTURE = f"""
title: Earthquakes
sections:
  - title: Measuring earthquakes
    blocks:
      - figure: great
figures:
  - id: great
    kind: bar
    orientation: horizontal
    caption: The largest earthquakes recorded since 1900, by moment magnitude Mw
    alt: Bar chart of magnitudes.
    value_axis_title: Moment magnitude (Mw)
    number_format: "0.0"
    categories: {NAMES!r}
    series: [{{name: Mw, values: [9.5, 9.2, 9.1, 9.1, 9.0, 8.8, 8.8]}}]
"""


def _charts(deck):
    return [(number, shape) for number, slide in enumerate(deck.slides, start=1)
            for shape in slide.shapes if shape.name == "figure-great"]


@pytest.mark.parametrize("layout", ["large-print", "default", "history-101"])
def test_every_bar_is_named_on_one_value_axis(write_source, layout, tmp_path) -> None:
    document = resolve(load_source(write_source(LECTURE)),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)
    data = render_deck(document)
    charts = _charts(Presentation(io.BytesIO(data)))
    names = [str(c) for _, shape in charts for c in shape.chart.plots[0].categories]
    assert [" ".join(n.split()) for n in names] == NAMES
    if layout == "large-print":
        # seven names on one line each once they may take 65 % of the width: one slide, its
        # value axis numbered every other gridline so the numbers stand level in the plot
        assert len(charts) == 1
        unit = charts[0][1].chart._chartSpace.find(f".//{C}valAx/{C}majorUnit")
        assert float(unit.get("val")) > 0.2 + 1e-9
    axes = set()
    for _, shape in charts:
        space = shape.chart._chartSpace
        axis = space.find(f".//{C}catAx")
        body = axis.find(f"{C}txPr/{A}bodyPr")
        assert body is not None and body.get("rot") == "0"
        scaling = space.find(f".//{C}valAx/{C}scaling")
        axes.add((scaling.find(f"{C}min").get("val"), scaling.find(f"{C}max").get("val")))
    assert len(axes) == 1  # every part on the whole chart's axis
    if layout == "large-print" and render_check.available():
        deck = tmp_path / "bars.pptx"
        deck.write_bytes(data)
        pdf = render_check.convert_decks([deck], tmp_path / "pdf",
                                         render_check.temporary_profile())[deck]
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        for name in NAMES:  # each name drawn, whole words (wrapped, not dropped)
            assert name.split(",")[0].split(" (")[0].split()[0] in text, (name, text)
        assert render_check.check_deck(deck, pdf) == []


def test_a_chart_whose_names_cannot_stand_by_their_bars_still_continues(write_source) -> None:
    """Fourteen such names in large print need two lines each even at 65 %: continued."""
    names = NAMES + [name.replace(" (", " II (") for name in NAMES]
    lecture = LECTURE.replace(repr(NAMES), repr(names)).replace(
        "values: [9.5, 9.2, 9.1, 9.1, 9.0, 8.8, 8.8]",
        "values: [9.5, 9.2, 9.1, 9.1, 9.0, 8.8, 8.8, 9.5, 9.2, 9.1, 9.1, 9.0, 8.8, 8.8]")
    document = resolve(load_source(write_source(lecture)),
                       load_layout(ROOT / "layouts" / "large-print.yaml"), None)
    charts = _charts(Presentation(io.BytesIO(render_deck(document))))
    assert len(charts) >= 2
    shown = [str(c) for _, shape in charts for c in shape.chart.plots[0].categories]
    assert [" ".join(n.split()) for n in shown] == names
