"""Source text → reportlab paragraph markup: escaped, with emphasis, glyph-checked.

reportlab's Paragraph reads a small HTML dialect, so every run of source text is escaped
(a ``<`` in a lecture prints as ``<``) and only ``**bold**``/``*italic*`` become tags. Each
run is checked against the face that will draw it: a character the font lacks would print
as an empty box, so it is an error naming the character and the block's location.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from builder.errors import RenderError
from builder.text.fonts import Faces
from builder.guide.styles import TextStyle
from builder.text.inline import parse_inline
from builder.text.measure import face, missing_glyphs


def check_glyphs(text: str, faces: Faces, where: str, bold: bool = False,
                 italic: bool = False) -> None:
    """Raise RenderError if the face cannot draw a character of ``text``."""
    font = face(faces, bold, italic)
    missing = missing_glyphs(text, font)
    if missing:
        shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise RenderError(
            f"{where}: the font {font} has no glyph for {shown}{more} in "
            f"'{_excerpt(text)}'; choose a font family in the layout that covers it")


def markup(text: str, style: TextStyle, where: str, *, inline: bool = True) -> str:
    """Escaped reportlab markup for ``text`` drawn in ``style``.

    With ``inline`` (the default) ``**bold**`` and ``*italic*`` become ``<b>``/``<i>``;
    without it the text is taken literally (URLs, dates).
    """
    if not inline:
        check_glyphs(text, style.faces, where, style.bold, style.italic)
        return escape(text)
    parts: list[str] = []
    for run in parse_inline(text):
        bold, italic = style.bold or run.bold, style.italic or run.italic
        check_glyphs(run.text, style.faces, where, bold, italic)
        piece = escape(run.text)
        if run.bold and not style.bold:
            piece = f"<b>{piece}</b>"
        if run.italic and not style.italic:
            piece = f"<i>{piece}</i>"
        parts.append(piece)
    return "".join(parts)


def link(url: str, style: TextStyle, where: str, color: str) -> str:
    """A clickable URL; ``color`` is a ``#RRGGBB`` string."""
    check_glyphs(url, style.faces, where, style.bold, style.italic)
    return f'<a href="{escape(url, {chr(34): "&quot;"})}" color="{color}">{escape(url)}</a>'


def _excerpt(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
