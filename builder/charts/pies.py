"""Pie and donut charts as scenes, for the guide.

The deck draws these as native PowerPoint charts; this module draws the same chart for the
PDF with the same decisions (colours, slice order, label and legend rules), so a reader sees
one chart in two media.
"""

from __future__ import annotations

import math

from builder.charts.colors import series_color, text_on
from builder.charts.plots import _legend, _number
from builder.charts.scene import Path, Scene, Text, Typeface, Wedge
from builder.charts.spread import Slot, spread
from builder.charts.style import HOLE_SIZE, FigureStyle
from builder.text.typography import breakable_words


def pie_scene(figure, style: FigureStyle, width: float, height: float) -> Scene:
    """A pie or donut, slices clockwise from 12 o'clock as PowerPoint draws them.

    A pie labels each slice outside with its category and value (nudged apart vertically);
    a donut, whose labels PowerPoint can only put on the ring, prints values on the ring in
    a contrasting colour and names the categories in a legend.
    """
    if drawn_kind(figure) == "donut":
        return _donut(figure, style, width, height)
    scene = Scene(width, height)
    size, face = style.size, style.typeface
    line = Typeface.line_height(size)
    # a long name wraps (to a fifth of the width, or its longest word) rather than shrink
    # the pie to a dot and push its label past the margin
    widest = max(width * 0.2, max(face.width(word, size) for c in figure.categories
                                  for word in breakable_words(c)))
    texts = [(tuple(face.wrap(c, size, widest)), _number(v, figure, style))
             for c, v in zip(figure.categories, figure.values)]
    label_width = max(max(max(face.width(l, size) for l in c), face.width(v, size))
                      for c, v in texts) + size * 0.3
    label_lines = max(len(c) for c, _ in texts) + 1
    pad = size * 0.5
    radius = max(size * 2, min(height / 2 - line - pad, (width - 2 * (label_width + size)) / 2 - pad))
    cx, cy = width / 2, height / 2
    placed = []
    first = first_slice_angle(figure.values)
    for index, (start, end) in enumerate(_slice_angles(figure.values, first)):
        divider = style.background if len(figure.values) > 1 else None
        scene.add(Wedge(cx, cy, radius, end, start, series_color(style.chart, index), 0.0,
                        divider, 1.0 if divider else 0.0))
        middle = math.radians((start + end) / 2)
        anchor = (cx + math.cos(middle) * radius, cy - math.sin(middle) * radius)
        is_right = math.cos(middle) >= 0
        label_top = cy - math.sin(middle) * (radius + size) - line
        placed.append((anchor, texts[index], is_right, label_top, middle))
    for side in (True, False):
        group = sorted((p for p in placed if p[2] == side), key=lambda p: p[3])
        tops = _spread([p[3] for p in group], label_lines * line + size * 0.2, 0.0,
                       height - label_lines * line)
        for (anchor, (category, value), is_right, _, middle), top in zip(group, tops):
            edge_x = cx + math.cos(middle) * (radius + size * 0.6)
            x = cx + radius + size if is_right else cx - radius - size - label_width
            x = max(x, edge_x) if is_right else min(x, edge_x - label_width)
            x = min(max(x, 0.0), width - label_width)  # inside the figure, never the margin
            scene.add(Path((anchor, (x if is_right else x + label_width, top + line)),
                           style.muted, 0.5, role="leader"))
            scene.add(Text(x, top, label_width, (*category, value), size, style.text,
                           "left" if is_right else "right", role="data-label"))
    return scene


SMALL_SLICE = 0.06  # of the whole: a slice this thin has no room for its label at its end


def has_thin_slice(values: tuple[float, ...]) -> bool:
    """Whether some slice is under ``SMALL_SLICE`` of the whole (of two slices or more)."""
    total = sum(values)
    return bool(total) and len(values) > 1 and any(v < total * SMALL_SLICE for v in values)


def drawn_kind(figure) -> str:
    """What a pie or donut figure is drawn as, in both outputs: a donut with a thin slice is
    drawn as a pie. A donut's values stand on its ring (OOXML's doughnut has no position
    outside the slice, so the deck cannot move them out with leaders), and a thin slice's
    value printed on the ring overprints its neighbour's ("2" on "17"); a pie moves thin
    slices' labels out beside it with leaders (``first_slice_angle``), so its values never
    overprint."""
    if figure.kind == "donut" and has_thin_slice(figure.values):
        return "pie"
    return figure.kind


def first_slice_angle(values: tuple[float, ...]) -> int:
    """Where the first slice starts, in degrees clockwise from 12 o'clock (OOXML's
    ``firstSliceAng``): 0, unless some slices are thin; then the angle that sets their
    middle at 3 o'clock. Thin slices at 12 o'clock set their labels side by side above the
    pie ("Argon (Ar)Carbon dioxide (CO₂)", touching) and need two lines of room over it; at
    3 o'clock their labels stack beside it, where a wide box has room, and the pie takes
    the box's height. Both outputs turn the pie by this angle."""
    total = sum(values)
    if not total or len(values) < 2:
        return 0
    middles, angle = [], 0.0
    for value in values:
        sweep = 360.0 * value / total
        if value < total * SMALL_SLICE:
            middles.append(math.radians(angle + sweep / 2))
        angle += sweep
    if not middles:
        return 0
    centre = math.degrees(math.atan2(sum(map(math.sin, middles)),
                                     sum(map(math.cos, middles))))
    return round(90 - centre) % 360


def label_room(values: tuple[float, ...], first: int, radius: float, heights: list[float],
               gap: float) -> tuple[float, float]:
    """(above, below): how far the slices' labels (of ``heights``, each ``gap`` off the pie,
    centred on its slice's middle when beside the pie, wholly over or under it at 12 or 6
    o'clock) reach beyond a pie of ``radius``. A box only needs that much room over and
    under its pie, not a label's height on both sides."""
    above = below = 0.0
    for (start, end), height in zip(_slice_angles(values, first), heights):
        up = math.sin(math.radians((start + end) / 2))  # 1 at 12 o'clock, -1 at 6
        reach = (radius + gap) * abs(up) + height / 2 + height / 2 * up * up
        if up >= 0:
            above = max(above, reach - radius)
        else:
            below = max(below, reach - radius)
    return max(above, 0.0), max(below, 0.0)


def _slice_angles(values: tuple[float, ...], first: int = 0) -> list[tuple[float, float]]:
    """(start, end) angles per slice, counter-clockwise degrees, going clockwise from 90°
    less ``first`` (see ``first_slice_angle``)."""
    total = sum(values)
    angles, angle = [], 90.0 - first
    for value in values:
        sweep = 360.0 * value / total if total else 0.0
        angles.append((angle, angle - sweep))
        angle -= sweep
    return angles


def _donut(figure, style: FigureStyle, width: float, height: float) -> Scene:
    scene = Scene(width, height)
    size = style.size
    line = Typeface.line_height(size)
    pad = size * 0.5
    legend = _legend(scene, list(figure.categories), style, width, height - pad)
    radius = max(size * 2, min((height - legend - 3 * pad) / 2, width / 2 - pad))
    cx, cy = width / 2, pad + radius
    inner = radius * HOLE_SIZE / 100
    for index, (start, end) in enumerate(_slice_angles(figure.values)):
        color = series_color(style.chart, index)
        if start != end:
            scene.add(Wedge(cx, cy, radius, end, start, color, inner, style.background, 1.0))
        middle = math.radians((start + end) / 2)
        ring = (radius + inner) / 2
        x, y = cx + math.cos(middle) * ring, cy - math.sin(middle) * ring
        text = _number(figure.values[index], figure, style)
        text_width = style.typeface.width(text, size) + size
        scene.add(Text(x - text_width / 2, y - line / 2, text_width, (text,), size,
                       text_on(color, style.text), "center", role="data-label"))
    return scene


def _spread(tops: list[float], height: float, low: float, high: float) -> list[float]:
    """Sorted label tops moved apart so boxes of ``height`` never overlap, each top within
    [low, high], moving the labels least: the one-line placement the timeline's keys use
    (``builder.charts.spread``), turned on its side."""
    slots = [Slot(top + height / 2, height) for top in tops]
    return [centre - height / 2 for centre in spread(slots, 0.0, low, high + height)]


__all__ = ["SMALL_SLICE", "drawn_kind", "first_slice_angle", "has_thin_slice", "label_room",
           "pie_scene"]
