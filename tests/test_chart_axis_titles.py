"""A native chart's axis titles are rich text in the chart XML: the source's *italic* and
**bold** become styled runs (never asterisks), while the category labels stay plain strings.
Read back from the deck's chart part."""

from __future__ import annotations

import io

from pptx import Presentation

from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve

SOURCE = """
title: Pigments
date: 2026-02-10
instructor: Biology Department
essential_question: "Why are leaves green?"
objectives: [Read an absorption chart]
takeaways: [Green is reflected]
sections:
  - title: Absorbance
    blocks:
      - figure: absorb
figures:
  - id: absorb
    kind: bar
    caption: Absorbance by colour
    alt: A bar chart.
    categories: ["Blue *light*", Red]
    series:
      - {name: "Chlorophyll *a*", values: [0.9, 0.6]}
    value_axis_title: "Absorbance of chlorophyll *a*"
    category_axis_title: "Colour of **light**"
review_questions:
  - {question: "Which?", choices: [A, B], answer: A, explanation: Because.}
bibliography:
  - {title: "Atlas", publisher: Press}
"""

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _chart(write_source):
    document = resolve(load_source(write_source(SOURCE)), load_layout(None), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                return shape.chart
    raise AssertionError("no chart in the deck")


def _title_runs(axis_element) -> list[tuple[str, bool, bool]]:
    runs = []
    for run in axis_element.iter(f"{A}r"):
        properties = run.find(f"{A}rPr")
        runs.append((run.find(f"{A}t").text, properties.get("i") == "1",
                     properties.get("b") == "1"))
    return runs


def test_axis_titles_keep_their_emphasis_as_runs(write_source) -> None:
    chart = _chart(write_source)
    space = chart._chartSpace
    value_title = space.find(f".//{C}valAx/{C}title")
    category_title = space.find(f".//{C}catAx/{C}title")
    assert _title_runs(value_title) == [("Absorbance of chlorophyll ", False, True),
                                        ("a", True, True)]
    # a title is bold throughout; **…** inside it adds nothing to show but its words
    assert "".join(text for text, _, _ in _title_runs(category_title)) == "Colour of light"
    xml = space.xml
    assert "*" not in xml
    # category labels and series names are cached strings: plain words, no markers
    assert list(chart.plots[0].categories) == ["Blue light", "Red"]
    assert chart.plots[0].series[0].name == "Chlorophyll a"


def test_every_category_is_named(write_source) -> None:
    """``c:tickLblSkip val=1`` on the category axis, in the schema's place (before
    ``c:noMultiLvlLbl``): LibreOffice otherwise named every other bar of a crowded chart."""
    chart = _chart(write_source)
    axis = chart._chartSpace.find(f".//{C}catAx")
    skip = axis.find(f"{C}tickLblSkip")
    assert skip is not None and skip.get("val") == "1"
    tags = [child.tag for child in axis]
    if f"{C}noMultiLvlLbl" in tags:
        assert tags.index(f"{C}tickLblSkip") < tags.index(f"{C}noMultiLvlLbl")
