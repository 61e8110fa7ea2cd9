"""Guide figure text never falls under the layout's figure floor (``figure_floor``: the
figure size ``small`` less the 15 % a crowded timeline may shrink), in any layout: a timeline
too tall for its share of the page was scaled whole, text included (large print's 12 pt
labels at 7 pt); it is now drawn taller, up to the page, its text at the floor. Read back
from the PDFs: each tagged figure's glyph sizes (pdfplumber inside the figure's /BBox)."""

from __future__ import annotations

import shutil

import pytest

from builder.guide import render_guide
from builder.guide.figures import figure_floor
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from corpus_builds import CASES
from tests.conftest import ROOT
from tests.figure_glyphs import figure_glyphs

needs_build = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no poppler")
FALLBACK = 0.9  # a glyph the body face lacks, set by its fallback face a little smaller


def _dense(count: int) -> str:
    events = "\n".join(
        f'      - {{date: 1962-10-{14 + index % 13:02d}, label: "Event number {index} of the '
        f'crisis, told at some length so it wraps"}}' for index in range(count))
    return f"""
title: A crowded timeline
sections:
  - title: Thirteen days
    blocks:
      - paragraph: The days.
      - figure: days
figures:
  - id: days
    kind: timeline
    caption: Every event of thirteen days
    alt: A timeline of many events.
    events:
{events}
"""


def _sizes(pdf) -> list[tuple[int, str, float]]:
    return [(page, char, size) for page, glyphs in figure_glyphs(pdf) for char, size in glyphs]


@pytest.mark.parametrize("layout,count", [("large-print", 40), ("default", 100)])
def test_a_crowded_timeline_grows_taller_instead_of_shrinking_its_text(
        write_source, tmp_path, layout, count) -> None:
    """Too tall at the floor for its share of the page, short enough for a page."""
    document = resolve(load_source(write_source(_dense(count))),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(render_guide(document))
    sizes = _sizes(pdf)
    assert sizes, "the figure's glyphs are read back"
    floor = figure_floor(document)
    small = [(page, char, round(size, 2)) for page, char, size in sizes
             if size < floor - 0.05]
    assert not small, (floor, small[:10])


@needs_build
@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in CASES
                                  if case.edition == "student"])
def test_every_corpus_guide_figure_keeps_the_floor(case, corpus_builds) -> None:
    build = corpus_builds[case.id]
    if build.returncode != 0:
        pytest.skip("does not build yet (see test_corpus)")
    layout = load_layout(case.layout, warn=lambda problem: None)
    floor = layout.guide.sizes.small * 0.85
    small = [(page, char, round(size, 2)) for page, char, size in _sizes(build.pdf)
             if size < floor * FALLBACK - 0.05]
    assert not small, (floor, small[:10])
