"""The check's own deck reader (``builder.check.deckxml``) sees what python-pptx sees (the
guide's reader, ``builder.check.pdfread``, is compared with pypdf in ``test_pdfread.py``)."""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.shapes.group import GroupShape
from pptx.util import Pt

from builder.check.deckxml import DeckPackage
from builder.check.readback import deck_figures, deck_sections

PICTURE = Path(__file__).resolve().parent.parent / "layouts" / "assets" / "history-101-crest.png"


def _deck() -> bytes:
    """Shapes of every kind the check may meet: text with line breaks and several paragraphs,
    an empty text box, nested groups, a picture, a chart, a connector, placeholders."""
    presentation = Presentation()
    layouts = presentation.slide_layouts
    first = presentation.slides.add_slide(layouts[0])
    first.shapes.title.text = "Section\vtitle"
    first.shapes.title.name = "section-intro"
    second = presentation.slides.add_slide(layouts[5])
    second.shapes.title.text = "Figures"
    box = second.shapes.add_textbox(0, 0, Pt(200), Pt(50))
    box.name = "caption-one"
    box.text_frame.text = "Figure 1. A caption"
    box.text_frame.add_paragraph().text = "Credit: somebody"
    second.shapes.add_textbox(0, Pt(60), Pt(20), Pt(20)).name = "empty"
    outer = second.shapes.add_group_shape()
    outer.name = "figure-one"
    inner = outer.shapes.add_group_shape()
    inner.name = "inner"
    inner.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Pt(10), Pt(10)).text = "in a group"
    outer.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, 0, 0, Pt(5), Pt(5))
    if PICTURE.is_file():
        second.shapes.add_picture(str(PICTURE), Pt(300), 0, Pt(40)).name = "logo"
    third = presentation.slides.add_slide(layouts[6])
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("s", (1, 2))
    third.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Pt(200), Pt(100),
                           data).name = "figure-two"
    caption = third.shapes.add_textbox(0, Pt(120), Pt(200), Pt(30))
    caption.name = "caption-two"
    caption.text_frame.text = "Figure 2. Another"
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def _python_pptx(data: bytes) -> list[tuple]:
    def walk(shapes):
        for shape in shapes:
            yield shape
            if isinstance(shape, GroupShape):
                yield from walk(shape.shapes)

    found = []
    for number, slide in enumerate(Presentation(io.BytesIO(data)).slides, start=1):
        for shape in walk(slide.shapes):
            text = shape.has_text_frame if hasattr(shape, "has_text_frame") else False
            found.append((number, shape.name, tuple(p.text for p in shape.text_frame.paragraphs)
                          if text else None, shape.text_frame.text if text else None))
    return found


def test_the_light_reader_lists_shapes_and_text_as_python_pptx_does(tmp_path: Path) -> None:
    data = _deck()
    light = [(number, shape.name, shape.paragraphs, shape.text if shape.has_text_frame else None)
             for number, shapes in enumerate(DeckPackage(data).slides(), start=1)
             for shape in shapes]
    assert light == _python_pptx(data)
    path = tmp_path / "deck.pptx"
    path.write_bytes(data)
    assert [(s.key, s.title, s.slide) for s in deck_sections(path)] == [
        ("intro", "Section title", 1)]
    assert [(f.id, f.slide, f.caption, f.caption_slide) for f in deck_figures(path)] == [
        ("one", 2, "Figure 1. A caption", 2), ("two", 3, "Figure 2. Another", 3)]
