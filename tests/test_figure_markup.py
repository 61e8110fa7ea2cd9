"""Emphasis in figure text is drawn where the output can show it: italic and bold words in
the guide's figure strings and the deck's text runs, read back from both files; a native
chart's series names carry no asterisks."""

from __future__ import annotations

import io

import pdfplumber
from pptx import Presentation

from builder.charts.markup import emphasis, styled_lines
from builder.deck import render_deck
from builder.guide import render_guide
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve

SOURCE = """
title: Blockade
date: 2026-02-10
instructor: History Department
essential_question: "How close was it?"
objectives: [Sequence the crisis]
takeaways: [Close]
sections:
  - title: The quarantine
    blocks:
      - figure: days
      - figure: sea
figures:
  - id: days
    kind: timeline
    caption: Thirteen days
    alt: A timeline.
    events:
      - {date: 1962-10-16, label: Photographs reach Kennedy}
      - {date: 1962-10-26, label: "Boarding of the *Marucla*"}
      - {date: 1962-10-28, label: "**Khrushchev** agrees"}
  - id: sea
    kind: map
    caption: The quarantine line
    alt: A map.
    bounds: [-86, 18, -70, 28]
    world: false
    points:
      - {label: "The *Marucla* stopped", lon: -75.5, lat: 24.5}
review_questions:
  - {question: "Who?", choices: [A, B], answer: A, explanation: Because.}
bibliography:
  - {title: "Atlas", publisher: Press}
"""


def test_a_label_is_found_in_wrapped_lines_but_not_inside_a_word() -> None:
    from builder.text.inline import parse_inline, plain

    label = "Chlorophyll *a* in ether"
    table = {plain(label): parse_inline(label)}
    lines = styled_lines(("Oct 26 Chlorophyll a", "in ether"), table)
    assert [(r.text, r.italic) for r in lines[0]] == [("Oct 26 Chlorophyll ", False),
                                                       ("a", True)]
    assert styled_lines(("Chlorophyll ab in ether",), table) is None


def test_italic_and_bold_figure_words_in_the_guide_and_the_deck(write_source) -> None:
    path = write_source(SOURCE)
    document = resolve(load_source(path), load_layout(None), None)
    assert set(emphasis(document.figure("days").figure)) == {"Boarding of the Marucla",
                                                             "Khrushchev agrees"}
    with pdfplumber.open(io.BytesIO(render_guide(document))) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    text = "".join(c["text"] for c in chars)
    for word, face in (("Marucla", "Italic"), ("Khrushchev", "Bold")):
        at = [i for i in range(len(text)) if text.startswith(word, i)]
        assert at, word
        for i in at:
            assert all(face in chars[i + k]["fontname"] for k in range(len(word))), word
        assert "*" not in text
    deck = Presentation(io.BytesIO(render_deck(document)))
    runs = [run for slide in deck.slides for shape in _all(slide.shapes) if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]
    italic = [run.text for run in runs if run.font.italic]
    bold = [run.text for run in runs if run.font.bold and "Khrushchev" in run.text]
    assert italic.count("Marucla") >= 2 and bold, (italic, bold)
    assert not any("*" in run.text for run in runs)
    roman = [run.text for run in runs if "Boarding of the" in run.text]
    assert roman and not any(run.font.italic for run in runs if "Boarding" in run.text)


def _all(shapes):
    for shape in shapes:
        if shape.shape_type == 6:
            yield from _all(shape.shapes)
        else:
            yield shape
