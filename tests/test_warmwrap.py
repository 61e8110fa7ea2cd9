"""A paragraph that takes its line breaks from an equal one draws what breaking them itself
draws, also when it is split over two pages (``builder.guide.warmwrap``)."""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from builder.guide import warmwrap
from builder.guide.warmwrap import WarmParagraph

TEXT = ("A <b>long</b> paragraph with <i>emphasis</i> and enough words to wrap over many "
        "lines, so that a page break falls inside it and reportlab splits it in two. ") * 12


def _pdf(kind: type, styles: list[ParagraphStyle]) -> bytes:
    buffer = io.BytesIO()
    story = [kind(f"{index}. {TEXT}", style) for index, style in enumerate(styles)]
    SimpleDocTemplate(buffer, invariant=1, pagesize=(300, 400)).build(story)
    return buffer.getvalue()


def test_remembered_line_breaks_draw_what_fresh_ones_draw() -> None:
    styles = [ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12),
              ParagraphStyle("big", fontName="Times-Roman", fontSize=13, leading=16,
                             alignment=4),  # justified
              ParagraphStyle("indented", fontName="Helvetica", fontSize=10, leading=12,
                             leftIndent=20, firstLineIndent=-10, bulletText="•")]
    plain = _pdf(Paragraph, styles)
    warmwrap.forget()
    first = _pdf(WarmParagraph, styles)  # breaks its lines, remembers them
    kept = len(warmwrap._lines)
    again = _pdf(WarmParagraph, styles)  # every paragraph takes them from the first build
    assert kept > 0 and len(warmwrap._lines) == kept
    assert first == plain
    assert again == plain
    other = [ParagraphStyle("other", fontName="Helvetica", fontSize=11, leading=13)]
    assert _pdf(WarmParagraph, other) == _pdf(Paragraph, other)  # another style: its own


def test_a_split_paragraph_leaves_the_remembered_lines_as_they_were() -> None:
    """reportlab's split edits the fragments of the lines it splits (a space at each line's
    end): the same paragraph met whole in the next build must not draw those edits."""
    from reportlab.platypus import Spacer

    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)
    text = "Words <b>in bold</b> and plain, " * 30

    def build(kind: type, before: float) -> bytes:
        buffer = io.BytesIO()
        story = [Spacer(1, before), kind(text, style)] if before else [kind(text, style)]
        SimpleDocTemplate(buffer, invariant=1, pagesize=(300, 600)).build(story)
        return buffer.getvalue()

    warmwrap.forget()
    assert build(WarmParagraph, 250) == build(Paragraph, 250)  # split over two pages
    assert build(WarmParagraph, 0) == build(Paragraph, 0)  # whole, from the same lines
