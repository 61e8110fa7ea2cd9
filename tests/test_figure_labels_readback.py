"""Figure labels read back from the deck as written: in every timeline and map of the sample
and of corpus lectures with a thirteen-day timeline, a map outside Korea and Japanese names,
no two label boxes overlap and every label lies within its figure, in every shipped layout."""

from __future__ import annotations

import io
import itertools

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from tests.conftest import ROOT, SAMPLE

SOURCES = [SAMPLE, ROOT / "tests" / "corpus" / "cuban-missile-crisis.yaml",
           ROOT / "tests" / "corpus" / "meiji-restoration.yaml"]


def _texts(group):
    for shape in group.shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _texts(shape)
        elif shape.has_text_frame and shape.text_frame.text.strip():
            yield shape


@pytest.mark.parametrize("layout", ["default", "history-101", "large-print"])
@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_deck_figure_labels_never_overlap_and_stay_in_their_figure(source, layout) -> None:
    document = resolve(load_source(source), load_layout(ROOT / "layouts" / f"{layout}.yaml"),
                       None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    groups = [shape for slide in deck.slides for shape in slide.shapes
              if shape.shape_type == MSO_SHAPE_TYPE.GROUP and shape.name.startswith("figure-")]
    assert groups
    tolerance = 12700 // 2  # half a point: boxes that touch are fine
    for group in groups:
        left, top = group.left, group.top
        right, bottom = left + group.width, top + group.height
        boxes = []
        for shape in _texts(group):
            box = (shape.left, shape.top, shape.left + shape.width, shape.top + shape.height)
            assert (box[0] >= left - tolerance and box[1] >= top - tolerance
                    and box[2] <= right + tolerance and box[3] <= bottom + tolerance), \
                (group.name, shape.text_frame.text)
            boxes.append((shape.text_frame.text, box))
        for (a, one), (b, other) in itertools.combinations(boxes, 2):
            apart = (one[2] <= other[0] + tolerance or other[2] <= one[0] + tolerance
                     or one[3] <= other[1] + tolerance or other[3] <= one[1] + tolerance)
            assert apart, (group.name, a, b)
