"""A long slide title keeps the deck's title size on a third line (a taller title box, the
rule and the body below it) before it shrinks: large-print titles no longer come down to the
body size (26–28 pt against the layout's 40). Read back from the written decks (python-pptx):
the title runs' sizes, the title box against the rule under it, the body's shapes under the
rule, and the title's lines inside its box (measured with the fonts the deck names)."""

from __future__ import annotations

import io
from functools import lru_cache

import pytest
from pptx import Presentation

from builder.deck import render_deck
from builder.deck.fit import para_lines, plain_runs
from builder.deck.grid import TITLE_LEADING
from builder.deck.specs import Para
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from tests.conftest import ROOT
from tests.pptx_readback import leaves

EMU = 12700
FURNITURE = {"band", "rule", "title", "footer", "slide-number", "logo"}


@lru_cache(maxsize=None)
def _deck(lecture: str, layout: str):
    document = resolve(load_source(ROOT / "tests" / "corpus" / f"{lecture}.yaml"),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), "student")
    return document, Presentation(io.BytesIO(render_deck(document)))


def _content_slides(deck):
    """(number, title shape, rule shape, other shapes) of every slide with a title rule."""
    for number, slide in enumerate(deck.slides, 1):
        shapes = list(slide.shapes)
        named = {shape.name: shape for shape in shapes}
        if "rule" in named and "title" in named and "band" in named:
            others = [shape for shape in shapes if shape.name not in FURNITURE]
            yield number, named["title"], named["rule"], others


def _title_size(shape) -> float:
    sizes = {run.font.size.pt for paragraph in shape.text_frame.paragraphs
             for run in paragraph.runs if run.font.size is not None}
    assert len(sizes) == 1, sizes
    return sizes.pop()


@pytest.mark.parametrize("lecture", ["revolution-francaise", "meiji-restoration"])
def test_large_print_titles_keep_the_title_size_on_a_third_line(lecture: str) -> None:
    document, deck = _deck(lecture, "large-print")
    title_size = document.layout.deck.sizes.title
    faces = document.fonts["heading"]
    sizes, tall = [], 0
    for number, title, rule, others in _content_slides(deck):
        size = _title_size(title)
        sizes.append(size)
        height = title.height / EMU
        lines = para_lines(Para(plain_runs(title.text_frame.text, bold=True)), faces, size,
                           title.width / EMU)
        assert lines * size * TITLE_LEADING <= height + 0.5, (number, title.text_frame.text)
        if height > 2 * title_size * TITLE_LEADING + 8:
            tall += 1
        assert title.top + title.height <= rule.top, number  # the rule under the title
        for shape in others:  # and the slide's body under the rule
            assert shape.top >= rule.top + rule.height, (number, shape.name)
    assert tall >= 8  # these lectures' long section titles take a third line
    # before: 26–28 pt on most slides of a long-titled section; now the title size, and
    # only a rare title ("Chronologie : <a long section title> (1 sur 2)" over a timeline
    # that cannot give up the room) a step or two under it
    assert min(sizes) >= title_size - 4
    assert sum(size == title_size for size in sizes) >= 0.9 * len(sizes)


def test_a_title_that_fits_two_lines_keeps_the_two_line_box() -> None:
    """The default deck's titles fit two lines: no box is taller, no body moved."""
    document, deck = _deck("revolution-francaise", "default")
    title_size = document.layout.deck.sizes.title
    heights = {round(title.height / EMU, 1) for _, title, _, _ in _content_slides(deck)}
    assert heights == {round(2 * title_size * TITLE_LEADING + 6, 1)}


def test_a_section_whose_third_line_costs_slides_keeps_one_title_size() -> None:
    """The Cuban crisis' "October 23–27 – the quarantine, DEFCON 2 and "Black Saturday""
    section would need three more large-print slides under three-line titles (its cards
    and listings no longer share one): its titles shrink instead, all to one size — none of
    its slides takes a third line alone, so its "(n of 10)" series does not change size."""
    document, deck = _deck("cuban-missile-crisis", "large-print")
    series: dict[str, set[float]] = {}
    for _, title, _, _ in _content_slides(deck):
        text = title.text_frame.text.replace("\u2060", "").replace("\u00a0", " ")
        if text.startswith("October 23–27 – the quarantine"):
            series.setdefault("October 23–27", set()).add(_title_size(title))
    assert len(series["October 23–27"]) == 1, series
    assert series["October 23–27"].pop() < document.layout.deck.sizes.title


def test_a_third_line_never_cuts_a_paragraph_one_slide_held() -> None:
    """Scramble's Berlin Conference section under three-line titles would cut Article 35
    of the General Act over two slides ("…freedom of trade and of transit" / "under the
    conditions agreed upon.”" and its attribution): its titles shrink instead, and the
    quotation stays on one slide."""
    _, deck = _deck("scramble-for-africa", "large-print")
    holding = [number for number, slide in enumerate(deck.slides, 1)
               if any(shape.has_text_frame and "Signatory Powers" in shape.text_frame.text
                      or shape.has_text_frame and "conditions agreed upon" in shape.text_frame.text
                      for shape in slide.shapes)]
    assert len(holding) == 1, holding
