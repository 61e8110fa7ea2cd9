"""A table figure too long for its slide continues on the next slides (the header repeated,
the whole set in one size) instead of running over its caption; read back from the deck."""

from __future__ import annotations

import io

from pptx import Presentation

from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from tests.conftest import ROOT

ROWS = 30
SOURCE = """
title: Empires
date: 2026-02-10
instructor: History Department
essential_question: "Who ruled where?"
objectives: [Name the empires]
takeaways: [Many empires]
sections:
  - title: The powers
    blocks:
      - figure: powers
figures:
  - id: powers
    kind: table
    caption: The powers and their possessions
    alt: A table of powers.
    header: [Power, Main possessions, Roughly today]
    rows:
{rows}
review_questions:
  - {{question: "Who?", choices: [A, B], answer: A, explanation: Because.}}
bibliography:
  - {{title: "Atlas", publisher: Press}}
"""


def _source(write_source):
    rows = "\n".join(
        f"      - [Power {i}, 'Colony {i}a; colony {i}b; protectorate {i}c; the coast of "
        f"region {i}', 'Today the states of {i}x, {i}y and {i}z, with part of {i}w']"
        for i in range(ROWS))
    return write_source(SOURCE.format(rows=rows))


def test_a_long_table_figure_continues_over_slides_clear_of_its_caption(write_source):
    path = _source(write_source)
    for name in ("default", "large-print"):
        document = resolve(load_source(path), load_layout(ROOT / "layouts" / f"{name}.yaml"),
                           None)
        deck = Presentation(io.BytesIO(render_deck(document)))
        shown, sizes, slides = [], set(), 0
        for slide in deck.slides:
            tables = [s for s in slide.shapes if s.has_table]
            if not tables:
                continue
            slides += 1
            frame = tables[0]
            caption = next(s for s in slide.shapes if s.name == "caption-powers")
            assert frame.name == "figure-powers"
            assert frame.top + frame.height <= caption.top, (name, slides)
            rows = list(frame.table.rows)
            assert rows[0].cells[0].text == "Power"  # the header on every slide
            bottom = frame.top + sum(row.height for row in rows)
            assert bottom <= caption.top, (name, slides)
            shown += [row.cells[0].text for row in rows[1:]]
            sizes |= {run.font.size.pt for row in rows for cell in row.cells
                      for paragraph in cell.text_frame.paragraphs for run in paragraph.runs}
        assert slides >= 2, name
        assert shown == [f"Power {i}" for i in range(ROWS)], name
        assert len(sizes) == 1, (name, sizes)
