"""A label's measured box and where it may stand: the candidate places every map label tries.

Shared by point, line and area labels (builder.charts.maplabels, builder.charts.linelabels),
so a candidate box is built by one formula wherever it is scored.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.charts.geometry import Box
from builder.charts.scene import Typeface
from builder.text.fallback import slot_of

SIDES = ("right", "left", "above", "below", "above-right", "below-right", "above-left",
         "below-left")

SIDE_ORDER = {  # the side asked for, then its neighbours, then the rest
    "right": ("right", "above-right", "below-right", "above", "below", "left", "above-left",
              "below-left"),
    "left": ("left", "above-left", "below-left", "above", "below", "right", "above-right",
             "below-right"),
    "above": ("above", "above-right", "above-left", "right", "left", "below-right",
              "below-left", "below"),
    "below": ("below", "below-right", "below-left", "right", "left", "above-right",
              "above-left", "above"),
}


@dataclass(frozen=True)
class Label:
    """A label's wrapped lines and its box size; ``swatch`` is room before the text for a
    sample of the line it names (a key)."""

    lines: tuple[str, ...]
    width: float
    height: float
    swatch: float = 0.0


def measure(text: str, face: Typeface, size: float, available: float,
            bold: bool = False) -> Label:
    """The label's lines and box, measured in the weight it is drawn in (a capital's name
    is bold: measured regular, "Wellington" overran its box by 5 pt)."""
    lines = tuple(face.wrap(text, size, available, bold))
    width = max(face.width(line, size, bold) + size * SPACED_GAP * _spaced_changes(line)
                for line in lines) + size * 0.15
    return Label(lines, width, len(lines) * Typeface.line_height(size))


SPACED_GAP = 0.5  # em LibreOffice adds round a space between East Asian and other text


def drawn_width(line: str, face: Typeface, size: float) -> float:
    """A line's width as LibreOffice draws it: with its East Asian spacing across spaces."""
    return face.width(line, size) + size * SPACED_GAP * _spaced_changes(line)


def wrap_drawn(text: str, face: Typeface, size: float, available: float) -> list[str]:
    """``face.wrap`` whose every line, drawn, fits ``available``: a key's line of names
    ("3 萩 Hagi (Chōshū), 4 鹿児島 Kagoshima (Satsuma)") measured without LibreOffice's East
    Asian spacing ran 9.5 pt out of its box. The target narrows by the widest overrun until
    no line overruns; text without such spacing wraps exactly as ``face.wrap`` does."""
    target = available
    lines = face.wrap(text, size, target)
    for _ in range(8):
        over = max(drawn_width(line, face, size) for line in lines) - available
        if over <= 1e-6 or target <= size:
            break
        target = max(size, target - over)
        lines = face.wrap(text, size, target)
    return lines


def _spaced_changes(line: str) -> int:
    """How often a line changes script across a space ("長崎 Nagasaki": LibreOffice sets
    its East Asian spacing on both sides of the space, which ``Typeface.width`` does not
    count, so the name drew into its own marker)."""
    changes, last, spaced = 0, None, False
    for char in line:
        if char.isspace():
            spaced = True
            continue
        east = slot_of(char) == "ea"
        if last is not None and east != last and spaced:
            changes += 1
        last, spaced = east, False
    return changes


def anchors(points: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
    """Where a line's label may sit: its ends first, then every vertex and segment middle."""
    middles = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(points, points[1:])]
    return [points[0], points[-1], *middles, *points[1:-1]]


def candidate(side: str, x: float, y: float, label: Label, offset: float) -> Box:
    """The label's box on one side of (x, y), ``offset`` points from it."""
    w, h = label.width, label.height
    vertical, _, horizontal = side.partition("-") if "-" in side else (side, "", side)
    if side == "right":
        return Box(x + offset, y - h / 2, w, h)
    if side == "left":
        return Box(x - offset - w, y - h / 2, w, h)
    if side == "above":
        return Box(x - w / 2, y - offset - h, w, h)
    if side == "below":
        return Box(x - w / 2, y + offset, w, h)
    top = y - offset * 0.7 - h if vertical == "above" else y + offset * 0.7
    left = x + offset * 0.7 if horizontal == "right" else x - offset * 0.7 - w
    return Box(left, top, w, h)
