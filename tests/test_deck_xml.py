"""The deck's directly written XML (builder/deck/directxml.py) is what python-pptx's API writes.

Each case draws the same thing twice on one slide, once through the fast path and once through
python-pptx's property API (the path the fast one replaces), and compares the XML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

from builder.deck import directxml, fit, oxml, shapexml, text
from builder.deck.grid import Box
from builder.deck.specs import Para
from builder.layout.load import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from builder.text.inline import Run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def document():
    return resolve(load_source(ROOT / "sources" / "korean-war.yaml"), load_layout(None), None)


def _slide():
    presentation = Presentation()
    return presentation.slides.add_slide(presentation.slide_layouts[6])


def _xml(element) -> bytes:
    return etree.tostring(element)


PARAS = [
    Para((Run("Plain text"),)),
    Para((Run("Bold "), Run("and italic", italic=True), Run(" run", bold=True)), gap=0.5),
    Para((Run("A bullet"),), level=1, marker="•"),
    Para((Run("A sub-bullet"),), level=2, marker="–", align="center"),
    Para((Run("Numbered"),), level=1, marker="3."),
    Para((Run("A choice"),), level=1, marker="c."),
    Para((Run("Continued text under a bullet"),), level=1),
    Para(()),
    Para((Run("서울 Seoul and 東京, a tab\tand a control \x0b char"),), align="right",
         color="muted"),
]


@pytest.mark.parametrize("inset", [(0.0, 3.0), (7.2, 3.6), (4.0, 0.0)])
@pytest.mark.parametrize("anchor", ["top", "middle", "bottom"])
def test_text_box_matches_python_pptx(document, inset, anchor) -> None:
    ink = text.Ink(document.layout)
    faces = document.fonts["body"]
    box = Box(10, 20, 300, 200, *inset)
    styled = [text.Styled(para, 14.5 + index, faces) for index, para in enumerate(PARAS)]
    slide = _slide()
    fast = text.add_text(slide.shapes, box, styled, ink, "fast", anchor)
    slow = slide.shapes.add_textbox(*box.emu())
    text.prepare_frame(slow.text_frame, box, anchor)
    for index, one in enumerate(styled):
        paragraph = slow.text_frame.paragraphs[0] if index == 0 else \
            slow.text_frame.add_paragraph()
        text._paragraph_api(paragraph, one, ink, one.para.color, first=index == 0)
    assert _xml(fast._element.txBody) == _xml(slow._element.txBody)


def test_a_placeholder_paragraph_goes_through_python_pptx(document) -> None:
    paragraph = _slide().shapes.add_textbox(0, 0, 100, 100).text_frame.paragraphs[0]
    paragraph.alignment = 2
    assert not directxml.is_fresh(paragraph._p)


@pytest.mark.parametrize("kind", [MSO_SHAPE.RECTANGLE, MSO_SHAPE.ROUNDED_RECTANGLE])
def test_filled_shape_matches_python_pptx(kind) -> None:
    slide = _slide()
    fast = directxml.add_filled_shape(slide.shapes, kind, 1, 2, 300, 400, "band", "A85C1A")
    slow = slide.shapes.add_shape(kind, 1, 2, 300, 400)
    slow.name = "band"
    slow.fill.solid()
    slow.fill.fore_color.rgb = text.RGBColor.from_string("A85C1A")
    slow.line.fill.background()
    slow.shadow.inherit = False
    for shape in (fast, slow):
        oxml.set_decorative(shape)
        shape._element.xpath("./*[1]/p:cNvPr")[0].set("id", "0")
    assert _xml(fast._element) == _xml(slow._element)


def test_centipoints_are_python_pptx_lengths() -> None:
    for points in (0, 0.5, 10.6, 13.5, 17.25, 44.0, 1 / 3):
        assert directxml.centipoints(points) == str(Pt(points).centipoints)
    assert fit.line_height(10, 1.2) > 0


def _numbered(element) -> bytes:
    """The XML with every shape id set to 0 (two shapes on one slide differ only there)."""
    copy = etree.fromstring(etree.tostring(element))
    for properties in copy.iter("{*}cNvPr"):
        properties.set("id", "0")
    return etree.tostring(copy)


def test_whole_text_box_matches_python_pptx(document) -> None:
    """The text box ``text.add_text`` builds (``shapexml``: id, name, box, body) is the one
    python-pptx's ``add_textbox`` + ``name`` + ``write`` make; the next shape's id follows."""
    ink, faces = text.Ink(document.layout), document.fonts["body"]
    box = Box(12.5, 30, 333.3, 120.25, 7.2, 3.6)
    styled = [text.Styled(para, 16, faces) for para in PARAS[:3]]
    slide = _slide()
    fast = text.add_text(slide.shapes, box, styled, ink, "body", "middle")
    slow = slide.shapes.add_textbox(*box.emu())
    slow.name = "body"
    text.prepare_frame(slow.text_frame, box, "middle")
    for index, one in enumerate(styled):
        paragraph = slow.text_frame.paragraphs[0] if index == 0 else \
            slow.text_frame.add_paragraph()
        text._paragraph_api(paragraph, one, ink, one.para.color, first=index == 0)
    assert _numbered(fast._element) == _numbered(slow._element)
    assert slow.shape_id == fast.shape_id + 1
    assert shapexml.next_shape_id(slide.shapes._spTree) == slide.shapes._next_shape_id


def test_title_placeholder_written_directly_matches_python_pptx(document) -> None:
    """A cloned title placeholder placed and written without proxies (``set_fresh_position``,
    ``write_body``) holds what python-pptx's position properties and ``write`` give it."""
    ink, faces = text.Ink(document.layout), document.fonts["heading"]
    box = Box(40, 20, 600, 80, 0, 3)
    styled = [text.Styled(Para(fit.plain_runs("A title", bold=True)), 32, faces)]
    presentation = Presentation()
    fast, slow = (presentation.slides.add_slide(presentation.slide_layouts[5]).shapes.title
                  for _ in range(2))
    assert shapexml.set_fresh_position(fast._element, *box.emu())
    assert text.write_body(fast._element.txBody, box, styled, ink, "bottom", "primary")
    slow.left, slow.top, slow.width, slow.height = box.emu()
    text.prepare_frame(slow.text_frame, box, "bottom")
    text._paragraph_api(slow.text_frame.paragraphs[0], styled[0], ink, "primary", first=True)
    assert _xml(fast._element) == _xml(slow._element)
    assert not shapexml.set_fresh_position(fast._element, 0, 0, 1, 1)  # placed already
    assert not text.write_body(fast._element.txBody, box, styled, ink)  # written already


def test_empty_placeholders_removed_as_python_pptx_removes_them() -> None:
    from builder.deck.template import remove_empty_placeholders

    def slide_with(texts):
        presentation = Presentation()
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])  # title, content
        for shape, value in zip(slide.placeholders, texts):
            if value is not None:
                shape.text_frame.text = value
        return slide

    for texts in ([None, None], ["Title", None], [" \n ", "Body"], ["_x000B_", "x"]):
        fast, slow = slide_with(texts), slide_with(texts)
        remove_empty_placeholders(fast)
        for shape in list(slow.placeholders):
            if not (shape.has_text_frame and shape.text_frame.text.strip()):
                shape._element.getparent().remove(shape._element)
        assert _xml(fast._element) == _xml(slow._element), texts


def test_east_asian_search_is_slot_of() -> None:
    """``fallback.has_east_asian`` (a regex) answers as ``slot_of`` character by character."""
    from builder.text.fallback import has_east_asian, slot_of

    for code in [*range(0, 0xD800), *range(0xE000, 0x10000), 0x1FFFF, 0x20000, 0x2A6D6,
                 0x3FFFF, 0x40000]:
        char = chr(code)
        assert has_east_asian(char) == (slot_of(char) == "ea"), hex(code)
    assert has_east_asian("Seoul 서울") and not has_east_asian("Zürich – «ça»")
