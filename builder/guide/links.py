"""A reference's web address set in a guide paragraph: broken only where an address may break.

reportlab breaks a long word between any two characters where the line ends ("conseil-co" /
"nstitutionnel.fr"), and its own address splitting knows only slashes, leaving a long last
piece past the margin. So the address's lines are decided here, where the paragraph's
width is known: the text before it is broken by reportlab to find how much of its last line
is left, the address's pieces (``builder.text.addresses``) are filled into that room and
then into whole lines, and each line but the last ends in a ``<br/>`` inside the one link.
An address that fits a line is one word (moved whole to the next line, never "https://" /
"www…"), and a long one never leaves only its scheme at a line's end.
The address reads back whole (pdftotext joins its lines), and one ``Link`` element and one
annotation per line cover it, as before.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph

from builder.guide.markup import check_glyphs, fallback_markup
from builder.guide.styles import TextStyle
from builder.text.addresses import lines, spread
from builder.text.measure import styled_width

SAFETY = 0.5  # points each line keeps spare: reportlab's sums and ours may differ a hair
_SCHEME_ONLY = re.compile(r"[a-z][a-z0-9+.-]*://(www)?", re.I)


def broken_link(url: str, style: TextStyle, where: str, color: str, *, before: str,
                spaced: bool, width: float) -> str:
    """The markup of a clickable ``url`` that follows the markup ``before`` (after a space
    when ``spaced``) in a paragraph of ``style`` set ``width`` points wide."""
    check_glyphs(url, style.faces, where, style.bold, style.italic)
    paragraph = style.paragraph
    size = paragraph.fontSize

    def measured(text: str) -> float:
        return styled_width(text, style.faces, size, style.bold, style.italic)

    full = width - paragraph.leftIndent - paragraph.rightIndent - SAFETY
    first = full - paragraph.firstLineIndent
    if before:
        first = _left(before, paragraph, width) - SAFETY
        if spaced:
            first -= measured(" ")
    if measured(url) <= full:  # it fits a line: one word, moved whole if it must be
        set_lines = [url]
    else:
        pieces = spread(url, lambda text: measured(text) <= full)
        set_lines = lines(pieces, measured, first, full)
        if _SCHEME_ONLY.fullmatch(set_lines[0]):  # never "https://" alone at a line's end
            set_lines = lines(pieces, measured, 0.0, full)
    shown = "<br/>".join(fallback_markup(line, style.faces, style.bold, style.italic, size)
                         for line in set_lines if line)
    return f'<a href="{escape(url, {chr(34): "&quot;"})}" color="{color}">{shown}</a>'


def _left(markup: str, style, width: float) -> float:
    """The room left on the last line of ``markup`` set ``width`` wide in ``style``."""
    probe = Paragraph(markup, style)
    probe.wrap(width, 1e6)
    last = probe.blPara.lines[-1]
    return last.extraSpace if probe.blPara.kind == 1 else last[0]
