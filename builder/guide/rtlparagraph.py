"""Right-to-left paragraphs in the guide: a paragraph, quotation or cell written entirely
in Arabic or Hebrew (``rtl.right_to_left``) is set from the right.

reportlab draws left to right and knows no bidirectional order (its own RTL mode needs a
library we do not ship), so the paragraph breaks its lines itself, in reading order, with the
widths the shaped text is drawn at; then each line is shaped and put in visual order on its
own (``rtl.line_seen``: breaking after reordering would begin the paragraph on its last
line), the lines are set right-aligned, one per ``<br/>``, and a bullet or number hangs on
the right. Inline emphasis is kept: each character carries its run's weight and slant
through the reordering (``rtl.styled_line_seen``).
"""

from __future__ import annotations

import copy

from reportlab.lib.enums import TA_RIGHT
from reportlab.platypus import Paragraph

from builder.guide.markup import check_glyphs, fallback_markup
from builder.guide.styles import TextStyle
from builder.text.inline import parse_inline
from builder.text.measure import styled_width, wrap_measured
from builder.text.rtl import line_seen, shaped, styled_line_seen
from builder.text.typography import for_guide


class RightToLeftParagraph(Paragraph):
    """A paragraph of right-to-left text, right-aligned, its lines broken in reading order."""

    def __init__(self, text: str, style: TextStyle, where: str, bullet: str | None = None):
        runs = parse_inline(for_guide(text))
        self.logical = "".join(run.text for run in runs)
        self.styles = [(run.bold, run.italic) for run in runs for _ in run.text]
        check_glyphs(self.logical, style.faces, where, style.bold, style.italic)
        self.text_style = style
        paragraph = copy.copy(style.paragraph)
        paragraph.alignment = TA_RIGHT
        # the indent (and the bullet's room) on the right, where the lines begin
        paragraph.rightIndent, paragraph.leftIndent = paragraph.leftIndent, paragraph.rightIndent
        paragraph.firstLineIndent = 0
        self.rtl_bullet = bullet
        self._lines_for: float | None = None
        super().__init__(self._markup([self.logical]), paragraph)
        self.bulletText = bullet  # read by the tag recorder (the label is drawn first)

    def _markup(self, lines: list[str]) -> str:
        style = self.text_style
        if not any(bold or italic for bold, italic in self.styles):
            return "<br/>".join(
                fallback_markup(line_seen(line), style.faces, style.bold, style.italic,
                                style.paragraph.fontSize, ordered=True) for line in lines)
        out, start = [], 0
        for line in lines:  # each line is the next stretch of the logical text
            start = self.logical.find(line, start) if line else start
            runs: list[tuple[str, object]] = []
            for offset, char in enumerate(line):
                key = self.styles[start + offset]
                if runs and runs[-1][1] == key:
                    runs[-1] = (runs[-1][0] + char, key)
                else:
                    runs.append((char, key))
            start += len(line)
            out.append("".join(self._styled(text, *key) for text, key in styled_line_seen(runs)))
        return "<br/>".join(out)

    def _styled(self, text: str, bold: bool, italic: bool) -> str:
        style = self.text_style
        piece = fallback_markup(text, style.faces, style.bold or bold, style.italic or italic,
                                style.paragraph.fontSize, ordered=True)
        piece = f"<b>{piece}</b>" if bold and not style.bold else piece
        return f"<i>{piece}</i>" if italic and not style.italic else piece

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        room = availWidth - self.style.leftIndent - self.style.rightIndent
        if self._lines_for != room:
            style = self.text_style

            bold = style.bold or any(bold for bold, _ in self.styles)  # the wider, if any
            italic = style.italic or any(italic for _, italic in self.styles)

            def measured(piece: str) -> float:
                return styled_width(shaped(piece), style.faces, style.paragraph.fontSize,
                                    bold, italic)
            lines = wrap_measured(self.logical, measured, room * 0.995)
            bullet = self.bulletText
            Paragraph.__init__(self, self._markup(lines), self.style)
            self.bulletText = bullet
            self._lines_for = room
        self.bulletText, bullet = None, self.bulletText
        try:
            return super().wrap(availWidth, availHeight)
        finally:
            self.bulletText = bullet

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        self.bulletText, bullet = None, self.bulletText
        try:
            return super().split(availWidth, availHeight)
        finally:
            self.bulletText = bullet

    def draw(self) -> None:
        bullet, self.bulletText = self.bulletText, None
        try:
            if bullet:  # the label first (its own text object), hanging right of the text
                style = self.style
                font, size = style.bulletFontName, style.bulletFontSize
                x = self.width - style.bulletIndent - styled_width(
                    bullet, self.text_style.faces, size, bold=True)
                first = self.height - (self.blPara.lines[0].fontSize
                                       if self.blPara.kind else style.fontSize)
                text = self.canv.beginText(x, first)
                text.setFont(font, size)
                text.textOut(bullet)
                self.canv.drawText(text)
            super().draw()
        finally:
            self.bulletText = bullet
