"""Text measurement with real font metrics, shared by the guide and the deck.

The deck cannot ask PowerPoint how tall a paragraph will be, so we measure with the TTF the
deck's font is metric-compatible with, the same files the PDF embeds. One wrap algorithm
serves both outputs, so a line that fits in one fits in the other.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from reportlab.pdfbase import pdfmetrics
from builder.text.ttface import TTFace

from builder.text.fallback import INVISIBLE, segments, slot_of, visible
from builder.text.fonts import Faces
from builder.text.inline import Run


@lru_cache(maxsize=None)
def _register(name: str, file: str) -> str:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFace(name, file))
        _units.cache_clear()  # nothing measured may outlive what a name meant
        _styled_units.cache_clear()
        _wrap_runs.cache_clear()
        _pieces.cache_clear()
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
    with it. The sum is cached per text and face; words recur across a lecture. Characters
    that draw nothing (a word joiner) count zero, not as the font's missing-glyph box.
    """
    return 0.001 * size * _units(visible(text), font)


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


@lru_cache(maxsize=1 << 17)
def _styled_units(text: str, faces: Faces, bold: bool, italic: bool) -> float:
    return sum(_units(visible(segment.text), segment.font.name) * segment.scale
               for segment in segments(text, faces, bold, italic))


styled_units = _styled_units  # ``text``'s advance in 1/1000 em: × 0.001 × size is its width


def styled_width(text: str, faces: Faces, size: float, bold: bool = False,
                 italic: bool = False) -> float:
    """Advance width of ``text`` as drawn: each character in the first font that has it
    (the family's face, then the fallbacks), as both renderers draw it."""
    return 0.001 * size * _styled_units(text, faces, bold, italic)


def runs_width(runs: list[Run], faces: Faces, size: float) -> float:
    return sum(styled_width(run.text, faces, size, run.bold, run.italic) for run in runs)


def missing_glyphs(text: str, font: str) -> list[str]:
    """Characters of ``text`` the font has no glyph for (whitespace and controls excepted)."""
    char_to_glyph = pdfmetrics.getFont(font).face.charToGlyph
    return sorted({c for c in text if ord(c) not in char_to_glyph and not c.isspace()
                   and ord(c) >= 32 and c not in INVISIBLE})


def wrap(text: str, font: str, size: float, available: float) -> list[str]:
    """Greedy word wrap to ``available`` points; a word longer than a line is broken by characters."""
    return wrap_measured(text, lambda piece: width(piece, font, size), available)


def wrap_styled(text: str, faces: Faces, size: float, available: float,
                bold: bool = False, italic: bool = False) -> list[str]:
    """``wrap`` measuring each character in the font that draws it (the fallback chain)."""
    return wrap_measured(text, lambda piece: styled_width(piece, faces, size, bold, italic),
                         available)


def wrap_measured(text: str, measured: Callable[[str], float], available: float) -> list[str]:
    """Greedy word wrap with any width function; long words break between characters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if measured(candidate) <= available:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            if "\u00a0" in word and measured(word) > available:  # a bound unit wider than
                *heads, word = _bound_pieces(word, measured, available)  # the line: at its
                lines.extend(heads)  # no-break spaces first ("Valdivia, Mw" / "9.5 (1960)")
            while measured(word) > available and len(word) > 1:
                cut = _longest_prefix(word, measured, available)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _bound_pieces(word: str, measured: Callable[[str], float], available: float) -> list[str]:
    """A bound group (words joined by no-break spaces) too wide for a line, cut at as few of
    its no-break spaces as fit, the first pieces longest."""
    pieces, line = [], ""
    for part in word.split("\u00a0"):
        candidate = f"{line}\u00a0{part}" if line else part
        if line and measured(candidate) > available:
            pieces.append(line)
            line = part
        else:
            line = candidate
    return [*pieces, line]


def _longest_prefix(word: str, measured: Callable[[str], float], available: float) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measured(word[:middle]) <= available:
            low = middle
        else:
            high = middle - 1
    return max(low, 1)


def wrap_runs(runs: list[Run], faces: Faces, size: float, available: float,
              script_gap: float = 0.0) -> int:
    """Number of lines mixed-style text takes at ``available`` points (each word in its own
    face, each character in the first font of the fallback chain that has it).

    ``script_gap`` (in ems) is added wherever East Asian text meets other text: LibreOffice
    sets that much space there by default (its "Asian/Latin spacing", which no PowerPoint
    file can switch off), so a deck measured with it fits in both applications.

    Remembered: fitting tries each paragraph at several sizes and boxes, and most of a
    deck's measurements repeat one already made (2,130 calls, 659 different, for the sample).
    """
    if script_gap and not any(run.text and max(run.text) >= "\u1100" for run in runs):
        script_gap = 0.0  # no East Asian text: nothing to allow for (most paragraphs)
    return _wrap_runs(tuple(runs), faces, size, available, script_gap)


@lru_cache(maxsize=1 << 15)  # asked of each word again at every size a paragraph is tried
def script_changes(text: str, last: bool | None = None) -> tuple[int, bool | None]:
    """How often ``text`` changes between East Asian characters and other visible ones,
    starting after a character of kind ``last`` (True: East Asian); spaces take no side.
    Returns the count and the kind of the last visible character."""
    changes = 0
    for char in text:
        if char.isspace() or char in INVISIBLE:
            continue
        east = slot_of(char) == "ea"
        if last is not None and east != last:
            changes += 1
        last = east
    return changes, last


@lru_cache(maxsize=1 << 15)
def _wrap_runs(runs: tuple[Run, ...], faces: Faces, size: float, available: float,
               script_gap: float = 0.0) -> int:
    lines, used = 1, 0.0
    space_pending = 0.0
    scale = 0.001 * size  # styled_width's own product, so every advance is the same float
    for units, changes, east in _pieces(runs, faces):
        if changes is None:  # a space, set before the next word only if it stays on the line
            space_pending = scale * units
            continue
        if changes == FORCED:  # a line break the text asks for (``LINE_BREAK``)
            lines, used, space_pending = lines + 1, 0.0, 0.0
            continue
        advance = scale * units
        if script_gap and changes:
            advance += changes * script_gap * size
        if used and used + space_pending + advance > available:
            lines += 1
            used = 0.0
        elif used:
            used += space_pending
        space_pending = 0.0
        if advance > available:  # a word longer than a line breaks by characters
            # East Asian text breaks between characters, but not before 、。）: allow one
            # character per line for a break moved earlier
            per_line = available - size if (east and available > 2 * size) else available
            whole = math.ceil(advance / per_line) - 1
            lines += whole
            advance -= whole * per_line
        used += advance
    return lines


LINE_BREAK = "\u2028"  # LINE SEPARATOR: a line break inside a paragraph (the deck: a:br)
FORCED = -1  # a ``_pieces`` entry's "changes" for a LINE_BREAK


# the characters ``slot_of`` puts in the East Asian slot, found at C speed (a test compares)
_EAST_ASIAN = re.compile("[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
                         "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")


@lru_cache(maxsize=1 << 13)
def _pieces(runs: tuple[Run, ...], faces: Faces) -> tuple[tuple[float, int | None, bool], ...]:
    """What wrapping ``runs`` needs at any size and width, measured once: per word its
    advance in 1/1000 em, how often it changes between East Asian and other text (counted
    along the runs, as ``script_changes``) and whether it is East Asian; per space its
    advance and ``None``. Fitting tries each paragraph at many sizes and widths; a word's
    advance at a size is ``0.001 × size × units``, exactly ``styled_width``'s float."""
    pieces: list[tuple[float, int | None, bool]] = []
    kind: bool | None = None
    mixed = any(_EAST_ASIAN.search(run.text) for run in runs)  # most paragraphs: none
    for run in runs:
        for index, piece in enumerate(run.text.split(" ")):
            if index > 0:
                pieces.append((_styled_units(" ", faces, run.bold, run.italic), None, False))
            if LINE_BREAK in piece:  # only a deck paragraph whose name must not be cut
                head, *rest = piece.split(LINE_BREAK)
                pieces.extend(_pieces((Run(head, run.bold, run.italic),), faces))
                for part in rest:
                    pieces.append((0.0, FORCED, False))
                    pieces.extend(_pieces((Run(part, run.bold, run.italic),), faces))
                continue
            words = [piece]
            if "\u200b" in piece:  # a break opportunity with no space (a word's own break)
                words = [part + "\u200b" for part in piece.split("\u200b")[:-1]]
                words.append(piece.rsplit("\u200b", 1)[1])
            for word in words:
                if not word:
                    continue
                changes, east = 0, False
                if mixed:
                    changes, kind = script_changes(word, kind)
                    east = max(word) >= "\u1100" and any(slot_of(char) == "ea" for char in word)
                pieces.append((_styled_units(word, faces, run.bold, run.italic), changes, east))
    return tuple(pieces)


def line_height(size: float, leading: float = 1.2) -> float:
    """Baseline-to-baseline distance for a size, as both renderers set it."""
    return size * leading


def font_file_name(font: str) -> Path:
    return Path(pdfmetrics.getFont(font).face.filename)
