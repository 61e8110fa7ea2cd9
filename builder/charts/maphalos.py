"""Coasts and borders knocked out behind map names, as cartographers mask them.

A name set across a coastline or a border had the line drawn through its letters
("Great Alaska earthquake…" crossed by the 141°W border, "Tōhoku…" over the coast of
Korea). The outline now stops short of the name and goes on past it: a land polygon under a
name is filled as before and its coast drawn as the pieces outside the names' boxes, a
border likewise. Only the outlines give way — the grounds keep their colours on both sides
of a name (an opaque patch in one ground's colour cut into the other), and data lines,
areas and markers are never knocked out (names keep off them anyway). The same shapes in
both outputs, no transparency or text effects, which the two draw differently.
"""

from __future__ import annotations

from builder.charts.geometry import Box
from builder.charts.labels import SpatialIndex
from builder.charts.leaders import segment_hits
from builder.charts.scene import Path, Text, Typeface

NAMED = ("place", "line-label", "area-label", "place-number")
PAD = 0.15  # × the size: the gap reaches this far past the text's ends
INSET = 0.1  # × the size: …and stops this far inside its line box's top and bottom


def name_boxes(texts: list, face) -> list[Box]:
    """A box a line of every map name, as wide as that line (``face`` measures it)."""
    boxes = []
    for text in texts:
        if not isinstance(text, Text) or text.role not in NAMED:
            continue
        pad, inset = text.size * PAD, text.size * INSET
        step = Typeface.line_height(text.size)
        for number, line in enumerate(text.lines):
            wide = min(text.width, face.width(line, text.size, text.bold)) + 2 * pad
            left = {"left": text.left - pad, "right": text.left + text.width + pad - wide,
                    "center": text.left + (text.width - wide) / 2}[text.align]
            boxes.append(Box(left, text.top + number * step + inset, wide,
                             max(0.0, step - 2 * inset)))
    return boxes


def knocked_out(items: list, boxes: list[Box]) -> list:
    """``items`` (the map's grounds: land polygons and outline lines) with every outline
    crossing one of ``boxes`` cut there: a land polygon becomes its fill (unstroked) and its
    coast's pieces outside the boxes; an outline line, its pieces."""
    if not boxes:
        return items
    index = SpatialIndex(boxes)
    result = []
    for item in items:
        if not isinstance(item, Path) or item.role not in ("land", "outline-line") \
                or not item.stroke:
            result.append(item)
            continue
        points = list(item.points)
        if item.closed:
            points.append(points[0])
        runs = _outside(points, index)
        if len(runs) == 1 and len(runs[0]) == len(points):
            result.append(item)  # crosses no name
            continue
        if item.closed:
            result.append(Path(item.points, None, 0.0, item.fill, closed=True, role="land"))
        result += [Path(tuple(run), item.stroke, item.stroke_width, dash=item.dash,
                        role="coast" if item.closed else item.role)
                   for run in runs if len(run) >= 2]
    return result


def _outside(points, index: SpatialIndex) -> list[list[tuple[float, float]]]:
    """The polyline's runs outside every box of ``index``."""
    runs: list[list[tuple[float, float]]] = [[points[0]]]
    for a, b in zip(points, points[1:]):
        span = Box(min(a[0], b[0]), min(a[1], b[1]), abs(b[0] - a[0]), abs(b[1] - a[1]))
        cuts = sorted(cut for box in index.near(span) if segment_hits(box, a, b)
                      for cut in [_inside_span(box, a, b)] if cut is not None)
        t = 0.0
        for start, end in cuts:
            if start > t:
                runs[-1].append(_at(a, b, start))
            if end > t:
                runs.append([_at(a, b, end)])  # a new run after the name
                t = end
        if t < 1.0:
            runs[-1].append(b)
    return [run for run in runs if len(run) >= 2]


def _inside_span(box: Box, a, b) -> tuple[float, float] | None:
    """The parameters (0–1) of segment a–b inside the box (Liang–Barsky)."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - box.left), (dx, box.left + box.width - a[0]),
                 (-dy, a[1] - box.top), (dy, box.top + box.height - a[1])):
        if p == 0:
            if q < 0:
                return None
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return None
    return (t0, t1) if t1 > t0 else None


def _at(a, b, t: float) -> tuple[float, float]:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
