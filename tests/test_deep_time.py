"""Deep time: a geology lecture dates its events as geologists do ("66 Ma", "2.5 Ga", "12 ka":
years before present), and a timeline over hundreds of millions of years reads in ages, in
both outputs (the schema took years ≥ −9999 only, so "Pangaea breaks up, 200 Ma" could not
be said). Read back from the drawn deck and the guide's words."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from pptx import Presentation

from builder.cli import main
from builder.deck import render_deck
from builder.guide import render_guide
from builder.layout import load_layout
from builder.load.source import load_source
from builder.model.dates import parse_date, years_ago
from builder.resolve.document import resolve
from builder.text.words import words_for
from tests.conftest import ROOT

LECTURE = """
title: Deep time
language: {language}
sections:
  - title: Earth history
    blocks:
      - paragraph: The dinosaurs died out about 66 million years ago.
      - timeline:
          - {{date: 252 Ma, label: End-Permian extinction}}
          - {{date: 66 Ma, label: Chicxulub impact}}
          - {{date: 2.6 Ma, label: Ice ages begin}}
          - {{date: 12 ka, label: Last glacial period ends}}
      - figure: eras
figures:
  - id: eras
    kind: timeline
    caption: Earth's history
    alt: Timeline of Earth's history.
    events:
      - {{date: 4.54 Ga, label: Earth forms}}
      - {{date: 2.4 Ga, label: Great Oxidation Event}}
      - {{date: 541 Ma/252 Ma, label: Palaeozoic}}
      - {{date: 252 Ma/66 Ma, label: Mesozoic}}
      - {{date: 66 Ma, label: Chicxulub impact}}
"""


def test_ages_parse_to_years_before_present_and_print_as_written() -> None:
    assert years_ago(parse_date("66 Ma").start.year) == 66_000_000
    assert years_ago(parse_date("2.5 Ga").start.year) == 2_500_000_000
    assert years_ago(parse_date("12 ka").start.year) == 12_000
    span = parse_date("252 Ma/201 Ma")
    assert span.start < span.end
    assert str(span) == "252 Ma/201 Ma" and parse_date(str(span)) == span
    assert words_for("en").date(parse_date("2.5 Ga")) == "2.5\u00a0Ga"
    assert words_for("fr").date(parse_date("2.5 Ga")) == "2,5\u00a0Ga"
    assert parse_date("300 BCE").start.deep is None  # historical years as before
    for bad, said in (("20 Ga", "older than the universe"), ("201 Ma/252 Ma", "older age"),
                      ("66 Myr", "is not a date")):
        with pytest.raises(ValueError, match=said):
            parse_date(bad)


def test_a_bad_age_is_an_error_at_its_line(write_source, capsys) -> None:
    source = write_source(LECTURE.format(language="en").replace("4.54 Ga", "45.4 Ga"))
    assert main(["validate", str(source)]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1, error
    line = next(number for number, text in enumerate(source.read_text().splitlines(), 1)
                if "45.4 Ga" in text)
    assert re.match(rf"{re.escape(str(source))}:{line}:\d+: .*older than the universe",
                    error[0]), error


@pytest.mark.parametrize("layout", ["default", "large-print", "history-101"])
def test_a_deep_timeline_reads_in_ages_in_both_outputs(write_source, layout) -> None:
    document = resolve(load_source(write_source(LECTURE.format(language="en"))),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    texts: list[tuple[float, str, str]] = []

    every: list[str] = []

    def walk(shapes, inside):
        for shape in shapes:
            if shape.shape_type == 6:
                walk(shape.shapes, inside or shape.name.startswith("figure-eras"))
            elif shape.has_text_frame and shape.text_frame.text.strip():
                every.append(shape.text_frame.text)
                if inside:
                    texts.append((shape.left, shape.text_frame.text, shape.name))

    for slide in deck.slides:
        walk(slide.shapes, False)
    drawn = " ".join(text for _, text, _ in texts)
    assert "4.54\u00a0Ga" in drawn and "66\u00a0Ma" in drawn, drawn
    assert "BCE" not in drawn and not re.search(r"\d{5,}", drawn), drawn
    ticks = [(left, text) for left, text, name in texts if name.startswith("year")]
    assert len(ticks) >= 3, texts
    assert all(re.fullmatch(r"\d+(\.\d+)?\u00a0Ga", text) for _, text in ticks), ticks
    ages = [float(text.split("\u00a0")[0]) for _, text in sorted(ticks)]
    assert ages == sorted(ages, reverse=True)  # oldest on the left, as time runs
    assert re.search("252[\u00a0 ]Ma", " ".join(every)), every  # the timeline block
    with pdfplumber.open(io.BytesIO(render_guide(document))) as pdf:
        guide = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert "4.54 Ga" in guide and "252 Ma" in guide and "12 ka" in guide, guide
    assert "BCE" not in guide and not re.search(r"\d{7,}", guide)


def test_a_french_deep_timeline_writes_its_decimal_comma(write_source) -> None:
    document = resolve(load_source(write_source(LECTURE.format(language="fr"))),
                       load_layout(), None)
    with pdfplumber.open(io.BytesIO(render_guide(document))) as pdf:
        guide = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert "4,54 Ga" in guide and "2,6 Ma" in guide, guide
