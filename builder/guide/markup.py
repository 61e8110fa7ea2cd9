"""Source text → reportlab paragraph markup: escaped, with emphasis, each run in its font.

reportlab's Paragraph reads a small HTML dialect, so every run of source text is escaped
(a ``<`` in a lecture prints as ``<``) and only ``**bold**``/``*italic*`` become tags. Each
run is split by ``builder.text.fallback`` into stretches drawn by one font: the style's
face where it has the characters, a bundled or installed fallback face (named exactly, in a
``<font name=…>`` run) where it does not. Only a character that no available font has is an
error; the build reports every such character of a source at once before rendering
(``builder.text.coverage``), so the error here is a backstop.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from builder.errors import RenderError
from builder.guide import emboldened
from builder.guide.styles import TextStyle
from builder.text.fallback import missing, segments
from builder.text.fonts import Faces
from builder.text.inline import parse_inline
from builder.text.measure import styled_width
from builder.text.rtl import visual
from builder.text.typography import bound_spaces, current_language, for_guide


def check_glyphs(text: str, faces: Faces, where: str, bold: bool = False,
                 italic: bool = False) -> None:
    """Raise RenderError if no available font can draw a character of ``text``."""
    absent = missing(text, faces, bold, italic)
    if absent:
        shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in absent)
        raise RenderError(
            f"{where}: no available font has {shown} in '{_excerpt(text)}'; install a font "
            "that covers it or choose a layout font family that does")


def _drawn(text: str, style: TextStyle, bold: bool, italic: bool) -> str:
    """Escaped text, with each stretch a fallback draws wrapped in its exact face."""
    return fallback_markup(text, style.faces, bold, italic, style.paragraph.fontSize)


def fallback_markup(text: str, faces: Faces, bold: bool = False, italic: bool = False,
                    size: float | None = None, ordered: bool = False) -> str:
    """Literal text as escaped markup, each stretch a fallback draws in its exact face (at
    the size that matches the layout face, ``Segment.scale``, relative to ``size``);
    ``ordered``: the text is already in visual order (a right-to-left paragraph's line)."""
    pieces = []
    for segment in segments(text if ordered else visual(text), faces, bold, italic):
        piece = escape(segment.text)
        smaller = size * (segment.scale - 1.0) if size else 0.0
        size_attr = f' size="{smaller:.2f}"' if smaller < -0.005 else ""
        if not segment.primary:
            piece = f'<font name="{segment.font.name}"{size_attr}>{piece}</font>'
            if segment.font.emboldened:  # a face with no bold: stroked as well as filled
                piece = emboldened.wrapped(piece, size * segment.scale if size else None)
        pieces.append(piece)
    return "".join(pieces)


MARKUP_LIMIT = 8192  # texts remembered: a watched course's paragraphs, headings and cells
_markups: dict[tuple, str] = {}


def markup(text: str, style: TextStyle, where: str, *, inline: bool = True,
           room: float | None = None) -> str:
    """Escaped reportlab markup for ``text`` drawn in ``style``.

    With ``inline`` (the default) ``**bold**`` and ``*italic*`` become ``<b>``/``<i>``;
    without it the text is taken literally (URLs, dates). The same text in the same faces
    size and language gives the same markup, so a watch's rebuild sets only what changed; text
    that cannot be set raises every time (``where`` is only for that message).
    """
    key = (text, style.faces, style.paragraph.fontSize, style.bold, style.italic, inline,
           current_language(), room)
    found = _markups.get(key)
    if found is None:
        found = _markup(text, style, where, inline, room)
        if len(_markups) >= MARKUP_LIMIT:
            _markups.clear()
        _markups[key] = found
    return found


def loosened(text: str, style: TextStyle, room: float | None) -> str:
    """``text`` with the no-break spaces of any bound group wider than ``room`` (a table
    column) made ordinary where it must break, as few as fit and the first pieces longest:
    "7 de agosto de 1819" breaks at its spaces in a narrow column rather than being cut
    between letters ("7 de agosto d" / "e 1819"), and "9 novembre 1799" breaks as
    "9 novembre" / "1799", never "9" / "novembre 1799"."""
    if room is None or "\u00a0" not in text:
        return text

    def fits(piece: str) -> bool:
        return styled_width(piece, style.faces, style.paragraph.fontSize, True,
                            style.italic) <= room

    def split(word: str) -> str:  # as few breaks as fit, the first pieces longest
        if "\u00a0" not in word or fits(word):
            return word
        parts, line = [], ""
        for part in word.split("\u00a0"):
            if line and not fits(line + "\u00a0" + part):
                parts.append(line)
                line = part
            else:
                line = f"{line}\u00a0{part}" if line else part
        return " ".join([*parts, line])
    return " ".join(split(word) for word in text.split(" "))


def _markup(text: str, style: TextStyle, where: str, inline: bool,
            room: float | None = None) -> str:
    if not inline:  # literal text (a date, a label): no markup, the no-break rules still
        text = loosened(bound_spaces(text, marked=False), style, room)
        check_glyphs(text, style.faces, where, style.bold, style.italic)
        return _drawn(text, style, style.bold, style.italic)
    parts: list[str] = []
    for run in parse_inline(loosened(for_guide(text), style, room)):
        bold, italic = style.bold or run.bold, style.italic or run.italic
        check_glyphs(run.text, style.faces, where, bold, italic)
        piece = _drawn(run.text, style, bold, italic)
        if run.bold and not style.bold:
            piece = f"<b>{piece}</b>"
        if run.italic and not style.italic:
            piece = f"<i>{piece}</i>"
        parts.append(piece)
    return "".join(parts)


def link(url: str, style: TextStyle, where: str, color: str) -> str:
    """A clickable URL; ``color`` is a ``#RRGGBB`` string."""
    check_glyphs(url, style.faces, where, style.bold, style.italic)
    return (f'<a href="{escape(url, {chr(34): "&quot;"})}" color="{color}">'
            f'{_drawn(url, style, style.bold, style.italic)}</a>')


def _excerpt(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def draw_text(canvas, text: str, faces: Faces, size: float, x: float, y: float,
              anchor: str = "left", bold: bool = False) -> None:
    """Draw one line on a canvas (page furniture), each stretch in the font that has it."""
    text = visual(text)
    pieces = segments(text, faces, bold)
    total = styled_width(text, faces, size, bold)
    start = {"left": x, "centre": x - total / 2, "right": x - total}[anchor]
    for segment in pieces:
        canvas.setFont(segment.font.name, size * segment.scale)
        if segment.font.emboldened:
            emboldened.draw_string(canvas, start, y, segment.text, size * segment.scale)
        else:
            canvas.drawString(start, y, segment.text)
        start += styled_width(segment.text, faces, size, bold)
