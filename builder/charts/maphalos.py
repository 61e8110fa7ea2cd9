"""Coasts and borders knocked out behind map names, as cartographers mask them.

A name set across a coastline or a border had the line drawn through its letters
("Great Alaska earthquake…" crossed by the 141°W border, "Tōhoku…" over the coast of
Korea). The outline now stops short of the name and goes on past it: a land polygon under a
name is filled as before and its coast drawn as the pieces outside the names' boxes, a
border likewise. Only the outlines give way — the grounds keep their colours on both sides
of a name (an opaque patch in one ground's colour cut into the other); a data line gives
way only where its stroke's width reaches a name its centre line keeps clear of (names keep
off lines), and areas and markers never do. The same shapes in
both outputs, no transparency or text effects, which the two draw differently.
"""

from __future__ import annotations

from builder.charts.geo import clip_span
from builder.charts.geometry import Box
from builder.charts.labels import SpatialIndex
from builder.charts.leaders import segment_hits
from builder.charts.scene import Path, Text

NAMED = ("place", "line-label", "area-label", "place-number")
CUT = ("land", "outline-line", "map-line")  # the strokes that give way to a name
PAD = 0.15  # × the size: the gap reaches this far past the text's ends
CLEAR = 0.06  # × the size: …and past its box's top and bottom (tests/mapcheck.CLEARANCE)


def name_boxes(texts: list, face=None) -> list[Box]:
    """The box each map name keeps clear of outlines: its text box, ``PAD`` × its size
    wider at each end and ``CLEAR`` × its size beyond its top and bottom (LibreOffice draws
    a little wider and higher than planned: a ridge's stroke half a point from a name's box
    touched its letters)."""
    boxes = []
    for text in texts:
        if not isinstance(text, Text) or text.role not in NAMED:
            continue
        pad, clear = text.size * PAD, text.size * CLEAR
        boxes.append(Box(text.left - pad, text.top - clear, text.width + 2 * pad,
                         text.height + 2 * clear))
    return boxes


def knocked_out(items: list, boxes: list[Box], factor: float = 1.0) -> list:
    """``items`` (the map's grounds and lines) with every outline crossing one of ``boxes``
    cut there: a land polygon becomes its fill (unstroked) and its coast's pieces outside
    the boxes; an outline line, its pieces; a data line (``map-line``) too, where its stroke
    — drawn ``factor`` times its width (``scene.thickened``) — would reach into a name's
    letters: a thick ridge passing half a stroke from "Spreading ridges" struck it in
    LibreOffice, though its centre line kept clear. Each box is grown by half the stroke."""
    if not boxes:
        return items
    indexes: dict[float, SpatialIndex] = {}
    result = []
    for item in items:
        if not isinstance(item, Path) or item.role not in CUT or not item.stroke:
            result.append(item)
            continue
        half = item.stroke_width * factor / 2
        if half not in indexes:
            indexes[half] = SpatialIndex([Box(box.left - half, box.top - half,
                                              box.width + 2 * half, box.height + 2 * half)
                                          for box in boxes])
        index = indexes[half]
        points = list(item.points)
        if item.closed:
            points.append(points[0])
        runs = _outside(points, index)
        if len(runs) == 1 and len(runs[0]) == len(points):
            result.append(item)  # crosses no name
            continue
        if item.closed:
            result.append(Path(item.points, None, 0.0, item.fill, closed=True,
                               role=item.role))
        result += [Path(tuple(run), item.stroke, item.stroke_width, dash=item.dash,
                        role=("coast" if item.role == "land" else item.role + "-edge")
                        if item.closed else item.role)
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
    """The parameters (0–1) of segment a–b inside the box, None when it only touches it."""
    span = clip_span(a, b, (box.left, box.top, box.left + box.width, box.top + box.height))
    return span if span is not None and span[1] > span[0] else None


def _at(a, b, t: float) -> tuple[float, float]:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
