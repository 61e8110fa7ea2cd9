"""Slides and notes pages made by counting are the ones python-pptx makes by searching."""

from __future__ import annotations

from pptx import Presentation

from builder.deck.slideparts import SlideMaker
from tests.pptx_readback import package_entries as _entries


def _deck(make_slide, make_notes) -> dict[str, bytes]:
    presentation = Presentation()
    layouts = list(presentation.slide_layouts)
    for index in range(12):
        slide = make_slide(presentation, layouts[index % len(layouts)])
        if index % 3 != 1:
            make_notes(presentation, slide).notes_text_frame.text = f"notes {index}"
    return _entries(presentation)


def test_same_package_as_python_pptx() -> None:
    makers: dict = {}

    def maker(presentation) -> SlideMaker:
        return makers.setdefault(id(presentation), SlideMaker(presentation))

    ours = _deck(lambda p, layout: maker(p).add_slide(layout),
                 lambda p, slide: maker(p).notes_slide(slide))
    theirs = _deck(lambda p, layout: p.slides.add_slide(layout),
                   lambda p, slide: slide.notes_slide)
    assert sorted(ours) == sorted(theirs)
    assert ours == theirs


def test_notes_slide_is_made_once() -> None:
    presentation = Presentation()
    maker = SlideMaker(presentation)
    slide = maker.add_slide(presentation.slide_layouts[6])
    first = maker.notes_slide(slide)
    assert maker.notes_slide(slide).part is first.part is slide.notes_slide.part
    assert [s.slide_id for s in presentation.slides] == [256]


def test_a_frozen_slide_saves_the_same_bytes() -> None:
    def deck(freeze: bool) -> dict[str, bytes]:
        presentation = Presentation()
        maker = SlideMaker(presentation)
        for index in range(4):
            slide = maker.add_slide(presentation.slide_layouts[index % 2])
            slide.shapes.add_textbox(0, 0, 100, 100).text_frame.text = f"slide {index}"
            maker.notes_slide(slide).notes_text_frame.text = f"notes {index}"
            if freeze:
                maker.freeze(slide)
        return _entries(presentation)

    assert deck(freeze=True) == deck(freeze=False)


def test_slides_copied_from_the_first_on_their_layout_are_python_pptx_slides() -> None:
    """After its first slide on a layout (and background) SlideMaker copies that slide's fresh
    tree; the package is the one python-pptx makes slide by slide, backgrounds included."""
    from pptx.dml.color import RGBColor

    colors = [None, "1F3A5F", "FFFFFF"]

    def deck(ours: bool) -> dict[str, bytes]:
        presentation = Presentation()
        maker = SlideMaker(presentation)
        layouts = list(presentation.slide_layouts)
        for index in range(20):
            layout, color = layouts[index % 4], colors[index % 3]
            if ours:
                slide = maker.add_slide(layout, color)
            else:
                slide = presentation.slides.add_slide(layout)
                if color is not None:
                    slide.background.fill.solid()
                    slide.background.fill.fore_color.rgb = RGBColor.from_string(color)
            slide.shapes.add_textbox(0, 0, 100, 100).text_frame.text = f"slide {index}"
        return _entries(presentation)

    assert deck(ours=True) == deck(ours=False)
