"""Typography both outputs share: no break between a number and its unit or after the dash of
a range, and quotation marks that alternate “ ‘ ’ ” at every level (never ``””``)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from builder.deck.plan import plan_deck
from builder.guide import render_guide
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from builder.text import typography as t


def test_a_number_keeps_its_unit():
    assert t.bind_units("a 12 km march at 25 °C, 3.5 μm and 5 %") == (
        "a 12\u00a0km march at 25\u00a0°C, 3.5\u00a0μm and 5\u00a0%")
    assert t.bind_units("in 4 kinds of soil") == "in 4 kinds of soil"  # not a unit: "kinds"


def test_a_range_does_not_break_after_its_dash():
    assert t.join_ranges("October 14–21, 1950–53") == "October 14–\u206021, 1950–\u206053"
    assert t.join_ranges("war – and peace") == "war – and peace"  # a spaced dash may break


def test_quotes_alternate_at_every_level():
    assert t.quoted('He asked, “Is this the question?”') == "“He asked, ‘Is this the question?’”"
    assert t.quoted("She said ‘no’ and didn’t care") == "“She said “no” and didn’t care”"
    assert t.quoted("“Already quoted.”") == "“Already quoted.”"
    assert t.quoted('He said "yes"') == "“He said ‘yes’”"


QUOTE = """
title: Quotes
sections:
  - title: Words
    blocks:
      - quote: {text: "She asked, “Is this the question?”", speaker: A student}
      - paragraph: Between October 14–21 the front moved 12 km.
"""


def test_both_outputs_nest_the_quote_the_same_way(write_source):
    document = resolve(load_source(write_source(QUOTE)), load_layout())
    text = "".join(page.extract_text() for page in
                   PdfReader(io.BytesIO(render_guide(document))).pages)
    assert "question?’”" in text and "””" not in text
    plan = plan_deck(document)
    quote = next(slide for slide in plan.slides if type(slide).__name__ == "QuoteSlide")
    assert "".join(run.text for para in quote.paras for run in para.runs) == (
        "“She asked, ‘Is this the question?’”")
    body = "".join(run.text for slide in plan.slides for para in getattr(slide, "paras", ())
                   for run in para.runs)
    assert "14–\u206021" in body and "12\u00a0km" in body
