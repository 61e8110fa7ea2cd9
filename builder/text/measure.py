"""Text measurement with real font metrics, shared by the guide and the deck.

The deck cannot ask PowerPoint how tall a paragraph will be, so we measure with the TTF the
deck's font is metric-compatible with, the same files the PDF embeds. One wrap algorithm
serves both outputs, so a line that fits in one fits in the other.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from builder.text.fonts import Faces
from builder.text.inline import Run


@lru_cache(maxsize=None)
def _register(name: str, file: str) -> str:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, file))
        _units.cache_clear()
    return name


@lru_cache(maxsize=None)
def register(faces: Faces) -> str:
    """Register a family's four faces with reportlab; return the regular face's name.

    Registering the family lets reportlab's ``<b>``/``<i>`` pick the right file. Once per
    family and process: a build asks for a face thousands of times.
    """
    names = {}
    for bold in (False, True):
        for italic in (False, True):
            names[bold, italic] = _register(faces.face_name(bold, italic),
                                            str(faces.file(bold, italic)))
    pdfmetrics.registerFontFamily(names[False, False], normal=names[False, False],
                                  bold=names[True, False], italic=names[False, True],
                                  boldItalic=names[True, True])
    return names[False, False]


def face(faces: Faces, bold: bool = False, italic: bool = False) -> str:
    """The registered reportlab name of one face."""
    register(faces)
    return faces.face_name(bold, italic)


def width(text: str, font: str, size: float) -> float:
    """Advance width of ``text`` in points.

    One fixed formula, reportlab's pure-Python one (``0.001 × size × Σ advance``), rather
    than ``pdfmetrics.stringWidth``: that uses the optional ``_rl_accel`` C extension when it
    is installed, whose sums differ in the last bits, and a deck's boxes moved by an EMU
    with it. The sum is cached per text and face; words recur across a lecture.
    """
    return 0.001 * size * _units(text, font)


@lru_cache(maxsize=1 << 16)
def _units(text: str, font: str) -> float:
    """``text``'s advance in 1/1000 em, summed left to right as reportlab's Python code does."""
    found = pdfmetrics.getFont(font)
    face_ = getattr(found, "face", None)
    widths = getattr(face_, "charWidths", None)
    if not isinstance(widths, dict):  # a standard Type 1 font: reportlab's own formula
        return pdfmetrics.stringWidth(text, font, 1000.0)
    get, default = widths.get, face_.defaultWidth
    return sum(get(ord(character), default) for character in text)


def runs_width(runs: list[Run], faces: Faces, size: float) -> float:
    return sum(width(run.text, face(faces, run.bold, run.italic), size) for run in runs)


def missing_glyphs(text: str, font: str) -> list[str]:
    """Characters of ``text`` the font has no glyph for (whitespace and controls excepted)."""
    char_to_glyph = pdfmetrics.getFont(font).face.charToGlyph
    return sorted({c for c in text if ord(c) not in char_to_glyph and not c.isspace()
                   and ord(c) >= 32 and c not in "\u00ad\u200b"})


def wrap(text: str, font: str, size: float, available: float) -> list[str]:
    """Greedy word wrap to ``available`` points; a word longer than a line is broken by characters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if width(candidate, font, size) <= available:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            while width(word, font, size) > available and len(word) > 1:
                cut = _longest_prefix(word, font, size, available)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _longest_prefix(word: str, font: str, size: float, available: float) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if width(word[:middle], font, size) <= available:
            low = middle
        else:
            high = middle - 1
    return max(low, 1)


def wrap_runs(runs: list[Run], faces: Faces, size: float, available: float) -> int:
    """Number of lines mixed-style text takes at ``available`` points (each word in its own face)."""
    words: list[tuple[str, str]] = []
    for run in runs:
        font = face(faces, run.bold, run.italic)
        for index, piece in enumerate(run.text.split(" ")):
            if index > 0:
                words.append((" ", font))
            if piece:
                words.append((piece, font))
    lines, used = 1, 0.0
    space_pending = 0.0
    for piece, font in words:
        if piece == " ":
            space_pending = width(" ", font, size)
            continue
        advance = width(piece, font, size)
        if used and used + space_pending + advance > available:
            lines += 1
            used = 0.0
        elif used:
            used += space_pending
        space_pending = 0.0
        while advance > available:
            lines += 1
            advance -= available
        used += advance
    return lines


def line_height(size: float, leading: float = 1.2) -> float:
    """Baseline-to-baseline distance for a size, as both renderers set it."""
    return size * leading


def font_file_name(font: str) -> Path:
    return Path(pdfmetrics.getFont(font).face.filename)
