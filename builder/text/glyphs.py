"""How big a face draws its letters: what a fallback run needs to sit well beside the layout's.

A fallback face has its own proportions: DejaVu Sans's capitals stand 0.73 em tall and its
x-height is 0.55 em, where Caladea's are 0.67 and 0.47, so a "₂" or a "μ" drawn by DejaVu at
the layout's size looks a size too big beside Caladea. ``scale`` gives the size factor that
makes a fallback stretch match the layout face (cap height for capitals, digits, sub- and
superscripts and symbols; x-height for lower-case letters). Both renderers draw, and the
measurer measures, a fallback stretch at that size (``fallback.Segment.scale``).

``poor`` names glyphs a face has but draws too small to read beside the text: Caladea's
arrows are 0.17 em tall, so "H₂O → PSII" reads as a dash; such a character goes to the
fallback like one the face lacks.

Heights are read from the glyphs themselves (the ``glyf`` bounding boxes of "x" and "H"),
since older fonts (DejaVu's OS/2 table is version 1) do not state them.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

SMALLEST_SCALE = 0.75  # never shrink a fallback stretch below this (a very different design)
ARROWS = ((0x2190, 0x21FF), (0x27F0, 0x27FF), (0x2900, 0x297F), (0x2B00, 0x2B11))
POOR_INK = 0.2  # em: an arrow whose ink is thinner than this either way is too small to read
# em: a zero-width combining mark whose ink is centred right of this is placed by the font's
# GPOS anchors, which the guide's renderer does not apply (reportlab)
MARK_OVER_BASE = -0.1


@lru_cache(maxsize=None)
def _outlines(name: str) -> tuple[int, tuple[int, ...], bytes] | None:
    """(units per em, glyph offsets, glyf table) of a registered TrueType face, or None."""
    face = getattr(pdfmetrics.getFont(name), "face", None)
    try:
        head = face.get_table("head")
        per_em = struct.unpack(">H", head[18:20])[0]
        long_offsets = struct.unpack(">h", head[50:52])[0] == 1
        loca, glyf = face.get_table("loca"), face.get_table("glyf")
    except (KeyError, struct.error, AttributeError, TypeError):
        return None
    width = 4 if long_offsets else 2
    count = len(loca) // width
    offsets = struct.unpack(f">{count}{'L' if long_offsets else 'H'}", loca[:count * width])
    if not long_offsets:
        offsets = tuple(offset * 2 for offset in offsets)
    return per_em, offsets, glyf


@lru_cache(maxsize=4096)
def ink(name: str, char: str) -> tuple[float, float, float, float] | None:
    """(left, bottom, right, top) of ``char``'s outline in ems, or None (no glyph, no ink)."""
    outlines = _outlines(name)
    glyph = getattr(pdfmetrics.getFont(name), "face", None)
    glyph = glyph.charToGlyph.get(ord(char)) if glyph is not None else None
    if outlines is None or glyph is None:
        return None
    per_em, offsets, glyf = outlines
    if glyph + 1 >= len(offsets) or offsets[glyph] == offsets[glyph + 1]:
        return None
    start = offsets[glyph]
    left, bottom, right, top = struct.unpack(">hhhh", glyf[start + 2:start + 10])
    return left / per_em, bottom / per_em, right / per_em, top / per_em


@lru_cache(maxsize=None)
def heights(name: str) -> tuple[float, float] | None:
    """(x-height, cap height) in ems, from the ink of "x" and "H"; None if unreadable."""
    x, capital = ink(name, "x"), ink(name, "H")
    if x is None or capital is None or x[3] <= 0 or capital[3] <= 0:
        return None
    return x[3], capital[3]


def _lower_case(text: str) -> bool:
    """Whether ``text`` reads at x-height: lower-case letters and no capital or digit."""
    letters = [char for char in text if char.isalnum()]
    return bool(letters) and all(unicodedata.category(char) == "Ll" for char in letters)


@lru_cache(maxsize=4096)
def scale(text: str, primary: str, fallback: str) -> float:
    """The size factor for ``text`` drawn by ``fallback`` beside ``primary``: the ratio of
    their x-heights (lower-case letters) or cap heights (anything else), at most 1 (a
    fallback is never set larger than the text) and at least ``SMALLEST_SCALE``."""
    ours, theirs = heights(primary), heights(fallback)
    if ours is None or theirs is None:
        return 1.0
    index = 0 if _lower_case(text) else 1
    return round(max(SMALLEST_SCALE, min(1.0, ours[index] / theirs[index])), 3)


@lru_cache(maxsize=4096)
def misplaced_mark(name: str, char: str) -> bool:
    """Whether the face draws the combining mark ``char`` away from its base letter when
    set without mark positioning: Liberation Sans centres U+0304 on the advance's end, over
    the next character ("x ̄="), where DejaVu's sits over the letter before it."""
    if not unicodedata.combining(char):
        return False
    font = pdfmetrics.getFont(name)
    box = ink(name, char)
    if box is None or font.face.charWidths.get(ord(char), 0) > 0:
        return False
    return (box[0] + box[2]) / 2 > MARK_OVER_BASE


def _arrow(code: int) -> bool:
    return any(low <= code <= high for low, high in ARROWS)


@lru_cache(maxsize=4096)
def poor(name: str, char: str) -> bool:
    """Whether the face draws ``char`` (an arrow) too small to read beside its text."""
    if not _arrow(ord(char)):
        return False
    box = ink(name, char)
    return box is not None and min(box[2] - box[0], box[3] - box[1]) < POOR_INK
