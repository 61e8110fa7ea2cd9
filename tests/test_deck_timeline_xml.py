"""A section timeline's shapes built directly as XML (builder/deck/timelinexml.py) are the
shapes python-pptx's API drew (the handler it replaced, kept here as the reference): the
sample's decks with their timeline slides drawn both ways are the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.util import Pt

from builder.deck import oxml, render_deck, slides
from builder.deck.events import event_paras
from builder.deck.grid import Box, timeline_boxes
from builder.deck.scenes import filled_at_once
from builder.deck.specs import TimelineSlide
from builder.deck.text import add_text
from builder.layout.load import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve

ROOT = Path(__file__).resolve().parent.parent


def _reference(spec: TimelineSlide, canvas) -> None:
    """The timeline slide as python-pptx's API drew it (main before timelinexml)."""
    emu = slides._emu
    slides._content_slide(canvas, spec)
    grid = slides._lead(canvas, spec)
    body = grid.body
    axis, xs, boxes = timeline_boxes(grid, len(spec.events))
    group = canvas.shapes.add_group_shape()
    group.name = "timeline"
    shapes = filled_at_once(group)
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, emu(body.left), emu(axis),
                                emu(body.right), emu(axis))
    line.line.color.rgb = canvas.ink.color("primary")
    line.line.width = Pt(3)
    line.name = "axis"
    for index, (event, x, box) in enumerate(zip(spec.events, xs, boxes)):
        above = index % 2 == 0
        tick_end = box.bottom if above else box.top
        tick = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, emu(x), emu(axis), emu(x),
                                    emu(tick_end))
        tick.line.color.rgb = canvas.ink.color("muted")
        tick.line.width = Pt(1)
        tick.name = f"tick-{index + 1}"
        marker = shapes.add_shape(MSO_SHAPE.OVAL, emu(x - 7), emu(axis - 7), emu(14), emu(14))
        marker.fill.solid()
        marker.fill.fore_color.rgb = canvas.ink.color("accent")
        marker.line.color.rgb = canvas.ink.color("background")
        marker.line.width = Pt(2)
        marker.shadow.inherit = False
        marker.name = f"marker-{index + 1}"
        paras = canvas.styled(event_paras(event), spec.size)
        label = Box(box.left, box.top, box.width, box.height, box.inset_x, box.inset_y)
        text = add_text(shapes, label, paras, canvas.ink, f"event-{index + 1}",
                        "bottom" if above else "top")
        text.fill.solid()
        text.fill.fore_color.rgb = canvas.ink.color("background")
    group._element.recalculate_extents()
    summary = "; ".join(f"{event.date}: {''.join(r.text for r in event.label)}"
                        for event in spec.events)
    oxml.set_alt_text(group, canvas.document.words("alt_timeline", events=summary), spec.title)


@pytest.mark.parametrize("layout", ["default", "large-print"])
def test_timeline_slides_drawn_directly_are_python_pptx_s(layout: str) -> None:
    document = resolve(load_source(ROOT / "sources" / "korean-war.yaml"),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)
    drawn = []
    direct = slides.draw.dispatch(TimelineSlide)

    def counted(spec, canvas):
        drawn.append(spec)
        direct(spec, canvas)
    slides.draw.register(TimelineSlide, counted)
    try:
        ours = render_deck(document)
        slides.draw.register(TimelineSlide, _reference)
        reference = render_deck(document)
    finally:
        slides.draw.register(TimelineSlide, direct)
    assert drawn, "the sample has section timelines"
    assert ours == reference
