"""Timeline dates and badges are text: they contrast at least 4.5:1 with the paper in every
layout (history-101's chart gold #A57C1B set span dates at 3.8:1 on its #FFFDF8 paper, the
default's #C8553D at 4.35:1); bars and stems keep the chart's colours. Read back from the
drawn deck's timeline shapes."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from builder.deck import render_deck
from builder.layout import load_layout
from builder.layout.values import Color
from builder.load.source import load_source
from builder.resolve.document import resolve
from tests.conftest import ROOT


def _walk(shapes):
    for shape in shapes:
        yield shape
        if shape.shape_type == 6:
            yield from _walk(shape.shapes)


@pytest.mark.parametrize("layout", ["default", "history-101", "large-print"])
def test_timeline_dates_read_on_the_paper(layout) -> None:
    document = resolve(load_source(ROOT / "tests" / "corpus" / "revolution-francaise.yaml"),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)
    paper = document.layout.palette.background
    deck = Presentation(io.BytesIO(render_deck(document)))
    dates = 0
    for slide in deck.slides:
        for group in slide.shapes:
            if not group.name.startswith("figure-") or group.shape_type != 6:
                continue
            for shape in _walk([group]):
                if not (shape.has_text_frame and shape.name.startswith("date")):
                    continue
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        color = Color(str(run.font.color.rgb))
                        dates += 1
                        assert color.contrast(paper) >= 4.5, (run.text, color, paper)
    assert dates >= 5
