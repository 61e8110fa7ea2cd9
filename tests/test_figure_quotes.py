"""A figure's own labels get the language's quotation marks like body text, in both outputs:
timeline labels, map names and chart categories (resolve sets them once, in the figure the
renderers read). Read back from the PDF's text and every text run and chart category of the
deck."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pypdf import PdfReader

from builder.deck import render_deck
from builder.guide import render_guide
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve

SOURCE = """
title: Thirteen days
date: 1962-10-28
instructor: History Department
language: {language}
essential_question: How close was it?
objectives: [Sequence the crisis]
takeaways: [Close]
sections:
  - title: The crisis
    blocks:
      - figure: days
      - figure: sea
      - figure: aid
figures:
  - id: days
    kind: timeline
    caption: Thirteen days
    alt: A timeline.
    events:
      - {{date: 1962-10-16, label: "Photographs reach Kennedy's desk"}}
      - {{date: 1962-10-26, label: 'Soviet aid is "defensive"'}}
  - id: sea
    kind: map
    caption: The quarantine line
    alt: A map.
    bounds: [-86, 18, -70, 28]
    world: false
    points:
      - {{label: "Banes, where Anderson's U-2 fell", lon: -75.7, lat: 20.9}}
  - id: aid
    kind: bar
    caption: Aid
    alt: A bar chart.
    categories: ['"Defensive" arms', "Khrushchev's offer"]
    series:
      - {{name: Ships, values: [3, 5]}}
review_questions:
  - {{question: "Who?", choices: [A, B], answer: A, explanation: Because.}}
bibliography:
  - {{title: "Atlas", publisher: Press}}
"""


def _texts(tmp_path, language: str) -> tuple[str, str]:
    path = tmp_path / "days.yaml"
    path.write_text(SOURCE.format(language=language), encoding="utf-8")
    document = resolve(load_source(path), load_layout(None), None)
    guide = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(render_guide(document))).pages)
    deck = Presentation(io.BytesIO(render_deck(document)))
    runs: list[str] = []

    def walk(shapes) -> None:
        for shape in shapes:
            if shape.shape_type == 6:  # a group: timelines and maps
                walk(shape.shapes)
            elif getattr(shape, "has_chart", False) and shape.has_chart:
                runs.extend(shape.chart.plots[0].categories)
            elif shape.has_text_frame:
                runs.append(shape.text_frame.text)

    for slide in deck.slides:
        walk(slide.shapes)
    return guide, "\n".join(runs)


@pytest.mark.parametrize("language, opening, closing", [("en", "“", "”"), ("fr", "«", "»")])
def test_figure_labels_take_the_language_quotes(tmp_path, language, opening, closing) -> None:
    for output in _texts(tmp_path, language):
        labels = output.replace("\n", " ")
        assert '"' not in labels and "'" not in labels, labels
        assert "Kennedy’s" in labels and "Anderson’s" in labels and "Khrushchev’s" in labels
        assert opening in labels and closing in labels
