"""Figure text read back from both outputs: markup never printed as asterisks, value axes
fixed where the source fixes them (guide ticks and the deck's chart XML alike), a pie's thin
slices labelled with leaders, and timeline and map labels on the slide never overlapping."""

from __future__ import annotations

import itertools

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from builder.cli import main

SOURCE = """\
title: Light and leaves
date: 2026-01-15
instructor: T
essential_question: What does a leaf absorb?
objectives: [Read a spectrum]
takeaways: [Leaves absorb red and blue]
sections:
  - title: Pigments
    blocks:
      - figure: absorbance
      - figure: air
      - figure: days
      - figure: island
figures:
  - id: absorbance
    kind: line
    caption: Relative absorbance of two pigments
    alt: Two curves between 0 and 1.
    categories: [400 nm, 450 nm, 500 nm, 550 nm, 600 nm, 650 nm]
    series:
      - {name: "Chlorophyll *a*", values: [0.35, 0.6, 0.1, 0.05, 0.15, 0.8]}
      - {name: "Chlorophyll **b**", values: [0.45, 0.95, 0.3, 0.05, 0.1, 0.4]}
    number_format: "0.0"
    value_axis: {min: 0, max: 1, step: 0.2}
  - id: air
    kind: pie
    caption: Dry air by volume
    alt: Nitrogen 78 %, oxygen 21 %, argon 0.93 %, carbon dioxide 0.04 %.
    categories: [Nitrogen, Oxygen, Argon, "CO₂"]
    values: [78.08, 20.95, 0.93, 0.04]
    number_format: '0.00" %"'
  - id: days
    kind: timeline
    caption: A fortnight in the field
    alt: Four observations over two weeks.
    start: 1962-10-16
    end: 1962-10-28
    events:
      - {date: 1962-10-16, label: "*Marucla* larvae found"}
      - {date: 1962-10-17, label: Leaves sampled}
      - {date: 1962-10-18, label: Second sample}
      - {date: 1962-10-27, label: "**Last** sample"}
  - id: island
    kind: map
    caption: Where the samples came from
    alt: Cuba with Havana marked.
    countries: [Cuba]
    points:
      - {label: "*Havana*", lon: -82.37, lat: 23.11, marker: capital}
      - {label: Miami, lon: -80.19, lat: 25.76}
review_questions:
  - question: Which colours?
    answer: Red and blue.
bibliography:
  - title: A source
    author: An author
    url: https://example.org/
    accessed: 2026-01-10
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("figure-text")
    source = folder / "leaves.yaml"
    source.write_text(SOURCE, encoding="utf-8")
    assert main(["build", str(source), "--out", str(folder / "out")]) == 0
    return folder / "out"


def _charts(deck):
    return [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]


def test_the_deck_chart_keeps_the_fixed_axis_and_plain_series_names(built) -> None:
    deck = Presentation(str(built / "leaves.pptx"))
    line = next(chart for chart in _charts(deck) if chart.chart_type is not None
                and "LINE" in str(chart.chart_type))
    axis = line.value_axis
    assert (axis.minimum_scale, axis.maximum_scale, axis.major_unit) == (0, 1, 0.2)
    xml = line._chartSpace.xml
    assert "<c:min val=\"0.0\"/>" in xml or "<c:min val=\"0\"/>" in xml
    names = [series.name for series in line.plots[0].series]
    assert names == ["Chlorophyll a", "Chlorophyll b"]
    assert "*" not in xml


def test_a_pie_with_thin_slices_labels_them_with_leaders(built) -> None:
    deck = Presentation(str(built / "leaves.pptx"))
    pie = next(chart for chart in _charts(deck) if "PIE" in str(chart.chart_type))
    labels = pie._chartSpace.xpath(".//c:pieChart/c:dLbls")[0]
    assert labels.xpath("./c:dLblPos/@val") == ["outEnd"]
    assert labels.xpath("./c:showLeaderLines/@val") == ["1"]
    thin = pie._chartSpace.xpath(".//c:ser/c:dLbls/c:dLbl")
    assert [label.xpath("./c:idx/@val")[0] for label in thin] == ["2", "3"]  # Ar, CO₂
    for label in thin:
        assert label.xpath("./c:dLblPos/@val") == ["bestFit"]
        assert label.xpath("./c:showCatName/@val") == ["1"]


def test_the_guide_prints_no_asterisks_and_the_fixed_ticks(built) -> None:
    text = "\n".join(page.extract_text() for page in PdfReader(str(built / "leaves.pdf")).pages)
    assert "*" not in text
    for tick in ("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"):
        assert tick in text
    assert "Marucla larvae found" in " ".join(text.split())


def _text_boxes(group):
    boxes = []
    for shape in group.shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.TEXT_BOX and shape.text_frame.text.strip():
            boxes.append((shape.text_frame.text, shape.left, shape.top,
                          shape.left + shape.width, shape.top + shape.height))
    return boxes


@pytest.mark.parametrize("figure_id", ["days", "island"])
def test_slide_labels_never_overlap_and_stay_in_the_figure(built, figure_id: str) -> None:
    deck = Presentation(str(built / "leaves.pptx"))
    group = next(shape for slide in deck.slides for shape in slide.shapes
                 if shape.name == f"figure-{figure_id}")
    boxes = _text_boxes(group)
    assert boxes and not any("*" in text for text, *_ in boxes)
    left, top = group.left, group.top
    right, bottom = left + group.width, top + group.height
    for text, x0, y0, x1, y1 in boxes:
        assert left - 1 <= x0 and x1 <= right + 1 and top - 1 <= y0 and y1 <= bottom + 1, text
    for (a, *one), (b, *two) in itertools.combinations(boxes, 2):
        apart = one[2] <= two[0] or two[2] <= one[0] or one[3] <= two[1] or two[3] <= one[1]
        assert apart, f"'{a}' overlaps '{b}'"
