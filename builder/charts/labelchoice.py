"""Where one map label goes among its candidates: the first clean place, a drawn line's
crossing, a coast or a leader's length counted as places later in the order.

See builder.charts.maplabels for the labels it places and builder.charts.maps for the rules.
"""

from __future__ import annotations

from builder.charts.geometry import Box
from builder.charts.labels import along as _along, near as _near
from builder.charts.labels import overlapping as _overlapping
from builder.charts.leaders import (
    box_distance,
    leader_crossings,
    leader_line,
    segment_hits,
    segments_cross,
    straddles,
)

LED_GAP = 1.5  # a led name keeps this many times the touching gap from every other marker
CLEAR = 0.3  # a name by its marker is nearer it than any other by this many × the touching
# gap (a quarter of its size): Uraga's name set below its ✕ reached as near Kyoto's ⊙ and
# read as Kyoto's


def choose(candidates: list[Box], frame: Box, placed: list[Box], obstacles: list[Box],
            segments, crossing_cost: float = 3.0, coast=(), coast_cost: float = 0.5,
            edge: Box | None = None, target=None, spacing: float = 1.0,
            strokes=()) -> tuple[Box, int]:
    """The earliest clean candidate, where crossing a drawn line counts as ``crossing_cost``
    places later in the order (a point's label keeps its side unless it would cross a line;
    a line's label avoids every line it can). Returns the box and 0, or (when no candidate
    is clean) the first candidate and 1: a name with no clean place is not drawn, so which
    unclean place would have been least bad does not matter, and a crowded map tests each
    candidate only until its first collision. A candidate crossing one of ``strokes`` is not
    clean.

    ``target`` (x, y, radius, reach, every marker's box, the leaders drawn) is the marker a
    point's label names:
    a box within ``reach`` of it touches it and must be nearer it than any other marker; a
    box farther needs a leader, which must cross no placed label nor any other marker,
    counts its crossings of drawn lines and costs its length (in sizes)."""
    best, best_score = None, None
    for rank, box in enumerate(candidates):
        if best_score is not None and rank >= best_score:
            break  # every later place scores at least its rank: a clean earlier one wins
        if not box.inside(frame) or (edge is not None and straddles(box, edge)):
            continue
        if _overlapping(obstacles, box) or _overlapping(placed, box, spacing):
            continue
        margin = Box(box.left - 2, box.top - 2, box.width + 4, box.height + 4)
        if any(segment_hits(margin, a, b) for a, b in _near(strokes, margin)):
            continue
        crossings = sum(segment_hits(margin, a, b) for a, b in _near(segments, margin))
        shores = sum(segment_hits(box, a, b) for a, b in _near(coast, box))
        reach = 0.0
        if target is not None:
            x, y, radius, far, markers, led = target
            own = box_distance(box, (x, y), (x, y))
            if _nearer_marker(box, own if own <= far else None, (far - radius) * LED_GAP, x, y,
                              markers, (far - radius) * CLEAR):
                continue  # it would read as the other place's name, leader or not
            if own > far:
                leader = leader_line(box, [((x, y), (x, y))], None, radius).points
                if any(segment_hits(other, *leader) for other in _along(placed, leader)):
                    continue
                if any(segment_hits(other, *leader) for other in _along(markers, leader)
                       if not _own(other, x, y)):
                    continue  # through another marker (its own is where it ends)
                if any(segments_cross(leader, other) for other in _along(led, leader)):
                    continue  # two leaders crossing tie each name to the other's place
                crossings += leader_crossings(leader, _along(segments, leader, 4.0), ())
                reach = ((leader[1][0] - leader[0][0]) ** 2
                         + (leader[1][1] - leader[0][1]) ** 2) ** 0.5 / box.height
        score = rank + crossing_cost * crossings + coast_cost * min(shores, 4) + reach
        if best_score is None or score < best_score:
            best, best_score = box, score
    if best is None:
        return candidates[0], 1
    return best, 0


def _nearer_marker(box: Box, own: float, gap: float, x: float, y: float, markers,
                   clear: float = 0.0) -> bool:
    """Whether the box reads as another place's name than the marker at (x, y): another
    marker's centre is within ``own`` + ``clear`` of the box (a name touching its own
    marker: its own must be plainly the nearer), or, for a name led from afar (``own``
    None), another marker's rim is within ``gap``."""
    if own is not None:
        own += clear
    reach = own if own is not None else gap + 2 * gap  # markers are smaller than the gap
    grown = Box(box.left - reach, box.top - reach, box.width + 2 * reach,
                box.height + 2 * reach)
    for other in _near(markers, grown):
        if _own(other, x, y):
            continue  # its own marker (or one at its very spot)
        cx, cy = other.left + other.width / 2, other.top + other.height / 2
        distance = box_distance(box, (cx, cy), (cx, cy))
        if distance < own if own is not None else distance - other.width / 2 < gap:
            return True
    return False


def _own(marker: Box, x: float, y: float) -> bool:
    """Whether ``marker`` is the one drawn for the place at (x, y): centred on it, or (an
    off-map place's edge arrow, drawn just inside the frame from the edge point it stands
    for) within a point and a half of it."""
    return (marker.left - 1.5 <= x <= marker.left + marker.width + 1.5
            and marker.top - 1.5 <= y <= marker.top + marker.height + 1.5)
