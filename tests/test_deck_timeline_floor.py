"""No deck timeline draws its text under the layout's figure floor (``figure_min_size``): a
timeline too crowded for its slide at the floor continues over slides, each showing some of
its events, rather than being scaled down (13 events once came out at 6.4 pt on a large-print
slide). Read back from the decks with python-pptx."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from builder.deck import render_deck
from builder.deck.figurekit import figure_min_size
from builder.layout import load_layout
from builder.load.source import load_source
from builder.model import TimelineFigure
from builder.resolve.document import resolve
from tests.conftest import ROOT
from tests.pptx_readback import leaves as _leaves


@pytest.mark.parametrize("lecture", ["meiji-restoration", "revolution-francaise"])
def test_every_timeline_run_on_a_large_print_deck_is_at_least_the_floor(lecture):
    document = resolve(load_source(ROOT / "tests" / "corpus" / f"{lecture}.yaml"),
                       load_layout(ROOT / "layouts" / "large-print.yaml"), None)
    floor = figure_min_size(document)
    assert floor >= 18  # large print: 0.75 × its 24 pt smallest body text
    timelines = {numbered.figure.id: numbered.figure for numbered in document.figures.values()
                 if isinstance(numbered.figure, TimelineFigure)}
    assert timelines
    deck = Presentation(io.BytesIO(render_deck(document)))
    seen: dict[str, str] = {key: "" for key in timelines}
    for number, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            key = shape.name.removeprefix("figure-")
            if key not in timelines:
                continue
            runs = [run for leaf in _leaves(shape) if leaf.has_text_frame
                    for paragraph in leaf.text_frame.paragraphs for run in paragraph.runs]
            assert runs, (number, shape.name)
            small = [(run.text, run.font.size.pt) for run in runs
                     if run.font.size is None or run.font.size.pt < floor - 0.01]
            assert not small, f"slide {number} {shape.name}: under {floor} pt: {small[:3]}"
            seen[key] += " ".join(run.text for run in runs) + " "
    for key, figure in timelines.items():  # every event is shown on some slide
        for event in figure.events:
            first = event.label.split()[0]
            assert first in seen[key], (key, event.label)
