"""Font fallback: every character is drawn by the first font that has it.

The chain for a face is: the layout's face, then the bundled DejaVu Sans face of the same
weight and slant (Latin Extended, Greek, Cyrillic, Hebrew, Arabic, sub- and superscripts,
arrows, mathematical symbols), then a font installed on the machine that fontconfig says has
the character (CJK, Hangul, and whatever else a lecture brings). Both renderers split text
into ``Segment`` runs here, so the guide draws and the deck names exactly the font that the
text was measured with. Choices are deterministic for a given machine: bundled fonts first,
then installed TrueType fonts in a fixed order (regular styles first, then by file path).
"""

from __future__ import annotations

import re

import struct
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from builder.text import glyphs
from builder.text.fonts import FONT_FOLDER, Faces
from builder.text.coverage import INVISIBLE, drawn as _drawn
from builder.text.installed import installed as _installed
from builder.text.ttface import TTFace

FALLBACK_FAMILY = "DejaVu Sans"
_FALLBACK_FILES = {(False, False): "DejaVuSans.ttf", (True, False): "DejaVuSans-Bold.ttf",
                   (False, True): "DejaVuSans-Oblique.ttf",
                   (True, True): "DejaVuSans-BoldOblique.ttf"}


@dataclass(frozen=True)
class Font:
    """One drawable face: its reportlab name, and the family name the deck writes."""

    name: str
    family: str
    slot: str = "latin"  # the DrawingML slot that names it: latin, ea (East Asian) or cs
    # a regular face drawing bold text (no bold of it is installed or readable): the guide
    # strokes its glyphs (``guide.emboldened``), the deck's bold run is emboldened by the app
    emboldened: bool = False


@dataclass(frozen=True)
class Segment:
    """A stretch of text drawn in one font."""

    text: str
    font: Font
    primary: bool  # drawn by the layout's own face (not a fallback)
    # the size the stretch is drawn (and measured) at, relative to the text's: a Latin-slot
    # fallback matches the layout face's x-height or cap height (``glyphs.scale``)
    scale: float = 1.0


def _register(name: str, file: Path, index: int = 0) -> str | None:
    """Register a TrueType face with reportlab once; None if reportlab cannot read it (CFF)."""
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        pdfmetrics.registerFont(TTFace(name, str(file), subfontIndex=index))
    except (TTFError, OSError, ValueError, KeyError, AssertionError):
        return None
    return name


@lru_cache(maxsize=None)
def _cmap(name: str) -> frozenset[int]:
    """The characters the face draws: its cmap, less those mapped to a glyph with no outline
    (WenQuanYi Zen Hei maps ゝ to an empty glyph: the next font in the chain draws it)."""
    face = pdfmetrics.getFont(name).face
    empty = _empty_glyphs(face)
    return frozenset(code for code, glyph in face.charToGlyph.items()
                     if glyph not in empty or chr(code).isspace() or not _drawn(chr(code)))


def _empty_glyphs(face) -> frozenset[int]:
    """Glyph ids whose outline is empty (equal offsets in ``loca``); none if unreadable."""
    try:
        long_offsets = struct.unpack(">h", face.get_table("head")[50:52])[0] == 1
        loca = face.get_table("loca")
    except (KeyError, struct.error, AttributeError, TypeError):
        return frozenset()
    width = 4 if long_offsets else 2
    count = len(loca) // width
    offsets = struct.unpack(f">{count}{'L' if long_offsets else 'H'}", loca[:count * width])
    return frozenset(glyph for glyph in range(count - 1)
                     if offsets[glyph] == offsets[glyph + 1])


def has(name: str, char: str) -> bool:
    return ord(char) in _cmap(name)


@lru_cache(maxsize=None)
def _usable(name: str) -> frozenset[int]:
    """What a layout face draws well: its cmap less the glyphs it draws too small to read
    beside its text (Caladea's arrows; ``glyphs.poor``) and the combining marks it would set
    beside their letter rather than over it (Liberation Sans's macron: ``x̄`` read "x ̄";
    ``glyphs.misplaced_mark``), which a fallback draws instead."""
    cmap = _cmap(name)
    poor = {code for low, high in glyphs.ARROWS for code in range(low, high + 1)
            if code in cmap and glyphs.poor(name, chr(code))}
    poor |= {code for code in range(0x300, 0x370) if code in cmap
             and glyphs.misplaced_mark(name, chr(code))}
    return cmap - poor if poor else cmap


def slot_of(char: str) -> str:
    """Which DrawingML slot PowerPoint reads for ``char``: ea for CJK, cs for RTL/Indic."""
    code = ord(char)
    if (0x1100 <= code <= 0x11FF or 0x2E80 <= code <= 0x9FFF or 0xA960 <= code <= 0xA97F
            or 0xAC00 <= code <= 0xD7FF or 0xF900 <= code <= 0xFAFF or 0xFE30 <= code <= 0xFE4F
            or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x3FFFF):
        return "ea"
    if 0x0590 <= code <= 0x08FF or 0x0900 <= code <= 0x0DFF or 0x0E00 <= code <= 0x0EFF \
            or 0xFB1D <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "cs"
    return "latin"


_EAST_ASIAN = re.compile("[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
                         "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")


def has_east_asian(text: str) -> bool:
    """Whether any character of ``text`` is read from the ``ea`` slot (``slot_of``), found
    in C (a deck asks it of every paragraph)."""
    return _EAST_ASIAN.search(text) is not None


@lru_cache(maxsize=None)
def bundled(bold: bool, italic: bool) -> Font:
    """The bundled DejaVu Sans face for a weight and slant."""
    file = FONT_FOLDER / _FALLBACK_FILES[bold, italic]
    name = "DejaVuSans" + {(False, False): "", (True, False): "-Bold", (False, True): "-Oblique",
                           (True, True): "-BoldOblique"}[bold, italic]
    if _register(name, file) is None:  # pragma: no cover - the files ship with the package
        raise RuntimeError(f"bundled fallback font {file} cannot be read")
    return Font(name, FALLBACK_FAMILY)


def _is_bold(style: str) -> bool:
    lower = style.lower()
    return "bold" in lower or "heavy" in lower or "black" in lower


def _styled(style: str, bold: bool, italic: bool) -> int:
    """How well an installed style matches the wanted weight and slant (lower is better)."""
    lower = style.lower()
    is_italic = "italic" in lower or "oblique" in lower
    return (_is_bold(style) != bold) + (is_italic != italic)


@lru_cache(maxsize=None)
def installed_font(char: str, bold: bool = False, italic: bool = False) -> Font | None:
    """The first installed font that draws ``char`` (closest style first), or None.

    Fonts reportlab cannot read (CFF outlines, bitmap-only) are passed over.
    """
    code = ord(char)
    candidates = [font for font in _installed() if font.covers(code)]
    candidates.sort(key=lambda font: _styled(font.style, bold, italic))  # stable: keeps order
    for font in candidates:
        name = f"{_INSTALLED}{Path(font.file).stem}-{font.index}".replace(" ", "")
        if _register(name, Path(font.file), font.index) and has(name, char):
            return Font(name, font.family, slot_of(char),
                        emboldened=bold and not _is_bold(font.style))
    return None


@lru_cache(maxsize=None)
def primary(faces: Faces, bold: bool = False, italic: bool = False) -> Font:
    """The layout's own face: first in every chain."""
    name = faces.face_name(bold, italic)
    if _register(name, faces.file(bold, italic)) is None:
        raise ValueError(f"font file '{faces.file(bold, italic)}' is not a TrueType font "
                         "reportlab can read")
    return Font(name, faces.deck_name)


@lru_cache(maxsize=65536)
def font_for(char: str, primary_font: Font, bold: bool, italic: bool) -> Font | None:
    """The first font of the chain that has ``char`` (and draws it well enough to read); None
    when no available font has it."""
    if ord(char) in _usable(primary_font.name):
        return primary_font
    fallback = bundled(bold, italic)
    if has(fallback.name, char):
        return Font(fallback.name, fallback.family, slot_of(char))
    found = installed_font(char, bold, italic)
    if found is None and has(primary_font.name, char):
        return primary_font  # a small glyph is better than none
    return found


def segments(text: str, faces: Faces, bold: bool = False, italic: bool = False
             ) -> list[Segment]:
    """``text`` cut where the drawing font changes.

    A space goes back to the layout's face unless the fallback stretch goes on after it
    ("O₂ and": the space after ₂ is the layout's, not a wider fallback space; "강화도 조약"
    stays one run). A combining mark the current font lacks takes its base letter with it
    into the font that draws the mark ("x̄" is one run), so the two are set together. A
    character no font has stays in the current segment (the caller reports it; see
    ``missing``), so segmenting never fails.
    """
    first = primary(faces, bold, italic)
    cmap = _usable(first.name)
    if all(ord(char) in cmap or not _drawn(char) for char in text):
        return [Segment(text, first, True)] if text else []
    out: list[Segment] = []
    current: Font = first
    buffer: list[str] = []
    for index, char in enumerate(text):
        font = None
        if _drawn(char):
            if current is not first and ord(char) not in cmap and has(current.name, char) \
                    and not _first_choice_again(char, current, first, bold, italic):
                font = current  # stay in the fallback already drawing this stretch
            elif (current is not first and current.slot == "cs" and _neutral(char)
                  and has(current.name, char)
                  and _next_font(text, index, first, bold, italic) == current):
                font = current  # בן-גוריון: a right-to-left stretch is one run, in one order
            else:
                font = font_for(char, first, bold, italic)
        elif char.isspace() and current is not first and ord(char) in cmap \
                and _next_font(text, index, first, bold, italic) != current:
            font = first  # the stretch ends here: its space is the layout's
        if (font is not None and font != current and buffer and unicodedata.combining(char)
                and has(font.name, buffer[-1])):
            base = buffer.pop()  # the mark's base letter moves with it
            if buffer:
                out.append(Segment("".join(buffer), current, current == first))
            buffer = [base]
            current = font
        if font is not None and font != current and buffer:
            out.append(Segment("".join(buffer), current, current == first))
            buffer = []
        if font is not None:
            current = font
        buffer.append(char)
    if buffer:
        out.append(Segment("".join(buffer), current, current == first))
    return [_scaled(segment, first) for segment in out]


def _scaled(segment: Segment, first: Font) -> Segment:
    """A Latin-slot fallback stretch at the size that matches the layout face (CJK and
    right-to-left scripts have no x-height to match: they keep the text's size)."""
    if segment.primary or segment.font.slot != "latin":
        return segment
    factor = glyphs.scale(segment.text, first.name, segment.font.name)
    return Segment(segment.text, segment.font, False, factor) if factor != 1.0 else segment


def _neutral(char: str) -> bool:
    """Punctuation or a space (a hyphen, a maqaf, an apostrophe inside a name)."""
    return unicodedata.category(char)[0] in "PZ"


def _first_choice_again(char: str, current: Font, first: Font, bold: bool,
                        italic: bool) -> bool:
    """Whether ``char``, drawn by ``current`` (an installed font taken for a character the
    first installed choice lacked, ゝ with WenQuanYi's empty glyph), goes back to that first
    choice: "学問のすゝめ』岩波書店" is WenQuanYi again after ゝ, not Droid Sans Fallback
    to its end. A bundled fallback's stretch, or an installed one's punctuation the bundled
    face also has (・), stays as it is."""
    if not current.name.startswith(_INSTALLED):
        return False
    preferred = font_for(char, first, bold, italic)
    return (preferred is not None and preferred.name != current.name
            and preferred.name.startswith(_INSTALLED))


_INSTALLED = "sys-"  # the names ``installed_font`` registers


def _next_font(text: str, index: int, first: Font, bold: bool, italic: bool) -> Font | None:
    """The font of the next drawn character after ``index`` (None at the end)."""
    for char in text[index + 1:]:
        if _drawn(char):
            return first if ord(char) in _usable(first.name) else font_for(char, first, bold,
                                                                             italic)
    return None


def missing(text: str, faces: Faces, bold: bool = False, italic: bool = False) -> list[str]:
    """Characters of ``text`` that no available font can draw, in order of first use."""
    first = primary(faces, bold, italic)
    cmap = _cmap(first.name)
    found: dict[str, None] = {}
    for char in text:
        if ord(char) not in cmap and _drawn(char) and font_for(char, first, bold, italic) is None:
            found[char] = None
    return list(found)


def visible(text: str) -> str:
    """``text`` without the characters that draw nothing (their missing glyph has a width)."""
    return text.translate(_STRIP) if any(char in INVISIBLE for char in text) else text


_STRIP = {ord(char): None for char in INVISIBLE - {"\u00ad"}}
