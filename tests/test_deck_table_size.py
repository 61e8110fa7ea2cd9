"""A table figure on a slide keeps the deck's figure floor (18 pt in large print, where
tables once came out at 10–11 pt), grows toward the body size when it has room, and a
continued table shares its rows out evenly (no slide left holding a row or two in an empty
box). Read back from the decks with python-pptx."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from builder.deck import render_deck
from builder.deck.figurekit import figure_max_size, figure_min_size
from builder.deck.tablefigure import _parts
from builder.layout import load_layout
from builder.load.source import load_source
from builder.model import TableFigure
from builder.resolve.document import resolve
from tests.conftest import ROOT


def _sizes(frame) -> set[float]:
    return {run.font.size.pt for row in frame.table.rows for cell in row.cells
            for paragraph in cell.text_frame.paragraphs for run in paragraph.runs}


@pytest.mark.parametrize("lecture,layout", [("scramble-for-africa", "large-print"),
                                            ("describing-data", "large-print"),
                                            ("scramble-for-africa", "default")])
def test_table_figures_keep_the_floor_and_fill_their_slides(lecture: str, layout: str) -> None:
    document = resolve(load_source(ROOT / "tests" / "corpus" / f"{lecture}.yaml"),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)
    floor, top = figure_min_size(document), figure_max_size(document)
    tables = {n.figure.id for n in document.figures.values()
              if isinstance(n.figure, TableFigure)}
    assert tables
    deck = Presentation(io.BytesIO(render_deck(document)))
    seen: dict[str, list] = {key: [] for key in tables}
    for number, slide in enumerate(deck.slides, 1):
        for frame in slide.shapes:
            key = frame.name.removeprefix("figure-")
            if key not in tables or not frame.has_table:
                continue
            caption = next(s for s in slide.shapes if s.name == f"caption-{key}")
            title = slide.shapes.title
            room = caption.top - (title.top + title.height)
            height = sum(row.height for row in frame.table.rows)
            seen[key].append((number, _sizes(frame), len(frame.table.rows) - 1, height / room))
            assert frame.top + height <= caption.top, (number, key)
    for key, slides in seen.items():
        assert slides, key
        sizes = set().union(*(s for _, s, _, _ in slides))
        assert len(sizes) == 1, (key, sizes)  # one size on every slide of the table
        size = sizes.pop()
        assert floor - 0.01 <= size <= top + 0.01, (key, size, floor)
        if len(slides) == 1:
            # a table that fits one slide is as large as fits: it fills most of the room
            # or has reached the body size
            _, _, _, share = slides[0]
            assert share >= 0.6 or size >= top - 0.01, (key, size, share)
        else:  # continued: no slide is left with a sliver of the table
            shares = [share for *_, share in slides]
            assert min(shares) >= 0.4, (key, [round(s, 2) for s in shares])


def test_rows_are_shared_out_evenly_over_the_fewest_slides() -> None:
    # header 10, rows of 30: room 100 holds 3 rows; seven rows take 3 slides: 3, 2, 2 not 3, 3, 1
    parts = _parts([10.0] + [30.0] * 7, 100.0)
    assert len(parts) == 3
    assert [end - start for start, end in parts] in ([3, 2, 2], [2, 3, 2], [2, 2, 3])
    assert _parts([10.0, 30.0, 30.0], 100.0) == [(0, 2)]


def test_table_figure_cells_keep_their_emphasis(write_source) -> None:
    """A cell's *italic* is an italic run on the slide, never asterisks."""
    source = write_source("""
title: Species
date: 2026-02-10
instructor: Biology Department
essential_question: "Which?"
objectives: [Name them]
takeaways: [Names]
sections:
  - title: Names
    blocks:
      - figure: names
figures:
  - id: names
    kind: table
    caption: Two species
    alt: A table.
    header: [Common name, Species]
    rows:
      - [Pea, "*Pisum sativum*"]
      - [Spinach, "**Spinacia** oleracea"]
review_questions:
  - {question: "Which?", choices: [A, B], answer: A, explanation: Because.}
bibliography:
  - {title: "Atlas", publisher: Press}
""")
    document = resolve(load_source(source), load_layout(None), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    frame = next(shape for slide in deck.slides for shape in slide.shapes
                 if shape.name == "figure-names")
    cells = [cell for row in frame.table.rows for cell in row.cells]
    assert "*" not in "".join(cell.text for cell in cells)
    runs = {run.text: run for cell in cells for paragraph in cell.text_frame.paragraphs
            for run in paragraph.runs}
    assert runs["Pisum sativum"].font.italic
    assert runs["Spinacia"].font.bold and not runs[" oleracea"].font.bold


WIDE = """
title: Pairs
date: 2026-02-10
instructor: Statistics Department
essential_question: "Same numbers?"
objectives: [Read the pairs]
takeaways: [Plot first]
sections:
  - title: Data
    blocks:
      - figure: pairs
figures:
  - id: pairs
    kind: table
    caption: Anscombe's data set I
    alt: A table of eleven pairs.
    header: [x, "10", "8", "13", "9", "11", "14", "6", "4", "12", "7", "5"]
    rows:
      - [y, "8.04", "6.95", "7.58", "8.81", "8.33", "9.96", "7.24", "4.26", "10.84", "4.82", "5.68"]
review_questions:
  - {question: "Which?", choices: [A, B], answer: A, explanation: Because.}
bibliography:
  - {title: "Atlas", publisher: Press}
"""


def test_a_wide_short_table_figure_turns(write_source, tmp_path) -> None:
    """Twelve columns of numbers that a large-print slide cannot hold whole turn into rows
    of "x | y" (the body tables' rule, builder/charts/transpose.py), at the floor or above,
    every pair shown once; and the build's own check still finds the figure in both files."""
    from builder.cli import main

    path = write_source(WIDE)
    document = resolve(load_source(path), load_layout(ROOT / "layouts" / "large-print.yaml"),
                       None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    frames = [shape for slide in deck.slides for shape in slide.shapes
              if shape.name == "figure-pairs"]
    assert frames
    pairs = []
    for frame in frames:
        rows = [[cell.text for cell in row.cells] for row in frame.table.rows]
        assert rows[0] == ["x", "y"]
        pairs += rows[1:]
        assert min(_sizes(frame)) >= figure_min_size(document) - 0.01
    assert pairs[0] == ["10", "8.04"] and len(pairs) == 11
    assert main(["build", str(path), "--layout", str(ROOT / "layouts" / "large-print.yaml"),
                 "--out", str(tmp_path / "out")]) == 0
