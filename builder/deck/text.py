"""Write measured paragraphs into python-pptx text frames, exactly as ``fit`` measured them.

Every frame gets explicit insets, no autofit and word wrap; every paragraph gets exact line
spacing, explicit space before/after and its indent; every run names its Latin, East Asian
and complex-script fonts. Nothing is left for PowerPoint to decide.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Sequence

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from lxml import etree
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.util import Pt

from builder.deck import fit, oxml, directxml, shapexml
from builder.deck.grid import Box
from builder.deck.specs import Para
from builder.text.fallback import Segment, has_east_asian, segments
from builder.text.fonts import Faces
from builder.text.rtl import right_to_left
from builder.layout.model import Layout

ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
ALIGN_XML = {"left": "l", "center": "ctr", "right": "r"}
ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


@dataclass(frozen=True)
class Styled:
    """A paragraph with the size and family it is drawn (and was measured) in."""

    para: Para
    size: float
    faces: Faces
    leading: float = fit.LEADING


@dataclass(frozen=True)
class Ink:
    """Colours and fonts from the layout, resolved once for the renderer."""

    layout: Layout

    def color(self, role: str) -> RGBColor:
        palette = self.layout.palette
        value = {"text": palette.text, "muted": palette.muted, "primary": palette.primary,
                 "accent": palette.accent, "on_primary": palette.on_primary,
                 "surface": palette.surface, "background": self.background,
                 "on_primary_soft": palette.on_primary.mix(palette.primary, 0.22)}.get(role)
        if value is None:
            value = palette.chart[int(role.removeprefix("chart"))]
        return RGBColor(*value.rgb)

    def hex(self, role: str) -> str:
        known = self._hexes.get(role)
        if known is None:
            known = self._hexes[role] = str(self.color(role))
        return known

    @cached_property
    def _hexes(self) -> dict[str, str]:
        return {}

    @property
    def background(self):
        return self.layout.deck.background or self.layout.palette.background

    @property
    def east_asian(self) -> str:
        return self.layout.fonts.east_asian

    @property
    def complex_script(self) -> str:
        return self.layout.fonts.complex_script


def prepare_frame(text_frame, box: Box, anchor: str = "top") -> None:
    """Insets, wrap and anchoring as measured; autofit off so nothing is silently shrunk."""
    text_frame.word_wrap = True
    text_frame.auto_size = MSO_AUTO_SIZE.NONE
    text_frame.margin_left = text_frame.margin_right = Pt(box.inset_x)
    text_frame.margin_top = text_frame.margin_bottom = Pt(box.inset_y)
    text_frame.vertical_anchor = ANCHOR[anchor]


def write(text_frame, box: Box, paragraphs: Sequence[Styled], ink: Ink, anchor: str = "top",
          color: str | None = None) -> None:
    """Replace the frame's text with ``paragraphs``; ``color`` overrides each paragraph's role."""
    body = text_frame._txBody
    if write_body(body, box, paragraphs, ink, anchor, color):
        return
    broken = [replace(styled, para=fit.breakable(styled.para, styled.faces, styled.size,
                                                 box.inner_width)) for styled in paragraphs]
    # a line break in the first paragraph is the API's own a:br (no size): left to it
    if broken and _fresh_shape_body(body) and not any(
            directxml.LINE_BREAK in run.text for run in broken[0].para.runs or ()) and \
            directxml.prepare_shape_body(body[0], Pt(box.inset_x), Pt(box.inset_y), anchor):
        body[2].remove(body[2][0])  # its a:pPr: the API's properties start with algn anyway
        for index, styled in enumerate(broken):
            p = body[2] if index == 0 else etree.SubElement(body, _A_P)
            _fill(p, styled, ink, color or styled.para.color, first=index == 0)
        return
    if not directxml.prepare_fresh_body(text_frame._txBody.bodyPr, Pt(box.inset_x),
                                        Pt(box.inset_y), anchor):
        prepare_frame(text_frame, box, anchor)
    text_frame.clear()
    for index, styled in enumerate(paragraphs):
        paragraph = text_frame.paragraphs[0] if index == 0 else text_frame.add_paragraph()
        styled = replace(styled, para=fit.breakable(styled.para, styled.faces, styled.size,
                                                    box.inner_width))
        _paragraph(paragraph, styled, ink, color or styled.para.color, first=index == 0)


def write_body(body, box: Box, paragraphs: Sequence[Styled], ink: Ink, anchor: str = "top",
               color: str | None = None) -> bool:
    """``write`` into a fresh ``p:txBody`` (a new text box's or placeholder's: its
    ``a:bodyPr``, ``a:lstStyle`` and one empty ``a:p``) without python-pptx's proxies; the
    same XML. False, touching nothing, for any other body."""
    if len(body) != 3 or body[2].tag != _A_P or not directxml.is_fresh(body[2]) or \
            not directxml.prepare_fresh_body(body[0], Pt(box.inset_x), Pt(box.inset_y), anchor):
        return False
    for index, styled in enumerate(paragraphs):
        p = body[2] if index == 0 else etree.SubElement(body, _A_P)
        styled = replace(styled, para=fit.breakable(styled.para, styled.faces, styled.size,
                                                    box.inner_width))
        _fill(p, styled, ink, color or styled.para.color, first=index == 0)
    return True


_A_P, _A_PPR = qn("a:p"), qn("a:pPr")


def _fresh_shape_body(body) -> bool:
    """A new autoshape's ``p:txBody`` as python-pptx's template makes it (a card's panel):
    ``a:bodyPr``, ``a:lstStyle`` and one ``a:p`` holding only ``a:pPr algn="ctr"``. Written
    through the API (``prepare_frame``, ``clear``, the first paragraph merged into that
    ``a:pPr``, whose alignment it sets first) it gets what ``_fill`` writes into a fresh
    ``a:p``: ``tests/test_deck_cards_xml.py`` draws cards both ways."""
    if len(body) != 3 or body[2].tag != _A_P or len(body[2]) != 1:
        return False
    properties = body[2][0]
    return (properties.tag == _A_PPR and len(properties) == 0 and not body[2].attrib
            and dict(properties.attrib) == {"algn": "ctr"})


def _paragraph(paragraph, styled: Styled, ink: Ink, role: str, first: bool) -> None:
    if not directxml.is_fresh(paragraph._p):  # a placeholder's paragraph with its own properties
        _paragraph_api(paragraph, styled, ink, role, first)
        return
    _fill(paragraph._p, styled, ink, role, first)


def _fill(p, styled: Styled, ink: Ink, role: str, first: bool) -> None:
    """Write one measured paragraph into a fresh ``a:p`` (``directxml.fill_paragraph``)."""
    para, size = styled.para, styled.size
    bullet = margin = indent = None
    if para.marker:
        margin = str(Pt(fit.indent(para, size)))
        indent = str(-Pt(fit.hang(para, size)))
        bullet = (ink.hex("accent" if para.level == 1 else "muted"), styled.faces.deck_name,
                  para.marker)
    elif para.level:
        margin, indent = str(Pt(fit.indent(para, size))), "0"
    runs: list[directxml.RunXml] = []
    if para.runs:
        color, sz = ink.hex(role), directxml.centipoints(size)
        for source in para.runs:
            for segment in _segments(source.text, styled.faces, source.bold, source.italic):
                for index, piece in enumerate(segment.text.split(directxml.LINE_BREAK)):
                    if index:  # a line break the measure set (fit.breakable): a:br
                        runs.append(directxml.RunXml(directxml.LINE_BREAK, sz, False, None,
                                                     color, "", "", ""))
                    if piece:
                        runs.append(directxml.RunXml(
                            piece, sz if segment.scale == 1.0 else
                            directxml.centipoints(size * segment.scale), source.bold,
                            source.italic, color, *font_slots(segment, styled.faces, ink)))
    rtl = right_to_left(para.text)
    directxml.fill_paragraph(p, directxml.ParagraphXml(
        "r" if rtl else ALIGN_XML[para.align],
        directxml.centipoints(fit.line_height(size, styled.leading)),
        directxml.centipoints(0 if first else para.gap * size), "0", tuple(runs),
        margin=margin, indent=indent, bullet=bullet,
        end_size=None if para.runs else directxml.centipoints(size),
        no_hanging=_east_asian(para), rtl=rtl))


@lru_cache(maxsize=1 << 13)
def _segments(text: str, faces: Faces, bold: bool, italic: bool) -> tuple[Segment, ...]:
    """``segments``, remembered: a deck writes its footer, labels and names again and
    again."""
    return tuple(segments(text, faces, bold, italic))


def _east_asian(para) -> bool:
    """Whether the paragraph holds East Asian text (whose line breaking knows punctuation
    that may not begin a line)."""
    return any(run.text and has_east_asian(run.text) for run in para.runs or ())


def _paragraph_api(paragraph, styled: Styled, ink: Ink, role: str, first: bool) -> None:
    """``_paragraph`` through python-pptx's API, which merges into existing properties."""
    para, size = styled.para, styled.size
    paragraph.alignment = ALIGN[para.align]
    paragraph.line_spacing = Pt(fit.line_height(size, styled.leading))
    paragraph.space_before = Pt(0 if first else para.gap * size)
    paragraph.space_after = Pt(0)
    margin = Pt(fit.indent(para, size))
    if para.marker:
        oxml.set_bullet(paragraph, para.marker, margin,
                        ink.hex("accent" if para.level == 1 else "muted"), styled.faces.deck_name,
                        Pt(fit.hang(para, size)))
    elif para.level:
        oxml.set_indent(paragraph, margin)
    if _east_asian(para):
        oxml.set_no_hanging_punctuation(paragraph)
    if right_to_left(para.text):
        oxml.set_right_to_left(paragraph)
    for source in para.runs or ():
        for segment in segments(source.text, styled.faces, source.bold, source.italic):
            head, *rest = segment.text.split(directxml.LINE_BREAK)
            for piece in rest:  # a line break the measure set; the runs written in order
                if head:
                    _api_run(paragraph, head, segment, styled, ink, role, size, source)
                paragraph.add_line_break()
                head = piece
            if not head:
                continue
            _api_run(paragraph, head, segment, styled, ink, role, size, source)
    if not para.runs:
        paragraph.font.size = Pt(size)


def _api_run(paragraph, text: str, segment: Segment, styled: Styled, ink: Ink, role: str,
             size: float, source) -> None:
    """One run through python-pptx's API (``_paragraph_api``)."""
    run = paragraph.add_run()
    run.text = text
    font = run.font
    font.size = Pt(size * segment.scale)
    font.bold = source.bold
    font.italic = source.italic
    font.color.rgb = ink.color(role)
    oxml.set_font_slots(run, *font_slots(segment, styled.faces, ink))
    oxml.set_plain_letters(run)


def font_slots(segment: Segment, faces: Faces, ink: Ink) -> tuple[str, str, str]:
    """(latin, East Asian, complex script) fonts for a run: the font the run was measured
    in goes in the slot PowerPoint reads for its characters, so it draws what we measured."""
    slots = {"latin": faces.deck_name, "ea": ink.east_asian, "cs": ink.complex_script}
    if not segment.primary:
        slots[segment.font.slot] = segment.font.family
    return slots["latin"], slots["ea"], slots["cs"]


def add_text(shapes, box: Box, paragraphs: Sequence[Styled], ink: Ink, name: str,
             anchor: str = "top", color: str | None = None):
    """A text box at ``box`` holding ``paragraphs`` (its python-pptx shape), numbered as
    ``shapes`` numbers its next shape (counting, in a group being filled at once)."""
    return Shape(add_text_element(shapes._spTree, box, paragraphs, ink, name, anchor, color,
                                  shapes._next_shape_id), shapes)


def add_text_element(tree, box: Box, paragraphs: Sequence[Styled], ink: Ink, name: str,
                     anchor: str = "top", color: str | None = None,
                     shape_id: int | None = None):
    """``add_text`` into the shape tree ``tree``, built directly (``shapexml``): its ``p:sp``."""
    element = shapexml.add_textbox(tree, *box.emu(), name, shape_id)
    if not write_body(element[2], box, paragraphs, ink, anchor, color):  # pragma: no cover
        write(Shape(element, None).text_frame, box, paragraphs, ink, anchor, color)
    return element


def write_notes(slide, notes: str, ink: Ink, faces: Faces) -> None:
    """Speaker notes, one paragraph per blank-line-separated chunk, fonts in all three slots."""
    frame = slide.notes_slide.notes_text_frame
    frame.clear()
    for index, line in enumerate(notes.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        for segment in segments(line, faces):
            run = paragraph.add_run()
            run.text = segment.text
            oxml.set_font_slots(run, *font_slots(segment, faces, ink))
