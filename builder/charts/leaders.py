"""Leader lines and the hit tests label placement needs: segments crossing, boxes straddling, distances.
"""

from __future__ import annotations

from builder.charts.geo import clip_segment
from builder.charts.geometry import Box
from builder.charts.scene import Path


EDGE_CLEAR = 2.0  # a name keeps this far from a map's frame, inside or out: one touching
# it from inside is drawn across it (LibreOffice's glyphs reach past the planned box)


def straddles(box: Box, frame: Box) -> bool:
    """Whether the box lies across the frame's edge (partly inside, partly outside), or
    within ``EDGE_CLEAR`` of it."""
    clear = EDGE_CLEAR
    return (box.overlaps(Box(frame.left - clear, frame.top - clear, frame.width + 2 * clear,
                             frame.height + 2 * clear))
            and not box.inside(inset(frame)))


def inset(frame: Box) -> Box:
    """The room inside a map's frame a name may take (``EDGE_CLEAR`` from its edges)."""
    clear = EDGE_CLEAR
    return Box(frame.left + clear, frame.top + clear, frame.width - 2 * clear,
               frame.height - 2 * clear)


def leader_crossings(leader, drawn_segments, own) -> int:
    """How many drawn lines (other than its own line) a leader crosses, plus how many
    stretches of it run along one (within 3 pt): a leader beside a line reads as that line."""
    mine = set(own)
    others = [segment for segment in drawn_segments
              if segment not in mine and tuple(segment) != tuple(leader)]
    (ax, ay), (bx, by) = leader
    hugging = 0
    for i in range(8):  # the stretch before the target, where it could be mistaken
        t = i / 10
        px, py = ax + (bx - ax) * t, ay + (by - ay) * t
        probe = Box(px - 3.0, py - 3.0, 6.0, 6.0)
        hugging += any(segment_hits(probe, a, b) for a, b in others)
    return sum(segments_cross(leader, segment) for segment in others) + hugging


def segments_cross(first, second) -> bool:
    """Whether two segments properly intersect."""
    (ax, ay), (bx, by) = first
    (cx, cy), (dx, dy) = second

    def side(px, py, qx, qy, rx, ry):
        return (qx - px) * (ry - py) - (qy - py) * (rx - px)

    d1, d2 = side(cx, cy, dx, dy, ax, ay), side(cx, cy, dx, dy, bx, by)
    d3, d4 = side(ax, ay, bx, by, cx, cy), side(ax, ay, bx, by, dx, dy)
    return d1 * d2 < 0 and d3 * d4 < 0


def bound_distances(box: Box, segments) -> list[float]:
    """The squared distance from ``box`` to each segment's bounding box: a lower bound on
    the distance to any point of the segment, so a search may skip segments by it."""
    left, top = box.left, box.top
    right, bottom = left + box.width, top + box.height
    bounds = []
    for a, b in segments:
        x0, x1 = (a[0], b[0]) if a[0] <= b[0] else (b[0], a[0])
        y0, y1 = (a[1], b[1]) if a[1] <= b[1] else (b[1], a[1])
        dx = x0 - right if x0 > right else left - x1 if left > x1 else 0.0
        dy = y0 - bottom if y0 > bottom else top - y1 if top > y1 else 0.0
        bounds.append(dx * dx + dy * dy)
    return bounds


def leader_line(box: Box, segments, color, gap: float, bounds=None) -> Path:
    """A thin line from a label that had to move away to the nearest point of what it names
    (stopping ``gap`` short of a marker), so a name far from its line still reads as its.

    Segments whose bounding box is already farther than the nearest point found on the
    likeliest segment are skipped: the first nearest sample, in the segments' order, is the
    same as a scan of every sample finds. ``bounds``: ``bound_distances(box, segments)``,
    when the caller has them already."""
    if bounds is None:
        bounds = bound_distances(box, segments)
    likeliest = min(range(len(bounds)), key=bounds.__getitem__)
    ceiling = _nearest_sample(box, *segments[likeliest])[0]
    ceiling += 1e-9 * (1.0 + ceiling)  # samples may stray past the box by a rounding
    best = None
    for (a, b), bound in zip(segments, bounds):
        if bound > ceiling:
            continue  # every sample of it is farther than the nearest one found
        found = _nearest_sample(box, a, b)
        if best is None or found[0] < best[0]:
            best = found
    squared, start, end = best
    distance = squared ** 0.5
    if gap and distance > gap:
        shrink = (distance - gap) / distance
        end = (start[0] + (end[0] - start[0]) * shrink, start[1] + (end[1] - start[1]) * shrink)
    return Path((start, end), color, 0.75, role="leader")


def _nearest_sample(box: Box, a, b):
    """(squared distance, point on the box, sample) of the first of 17 samples along a–b
    nearest the box."""
    best = None
    left, top = box.left, box.top
    right, bottom = left + box.width, top + box.height
    for i in range(17):
        t = i / 16
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        px = left if x < left else right if x > right else x
        py = top if y < top else bottom if y > bottom else y
        squared = (px - x) * (px - x) + (py - y) * (py - y)
        if best is None or squared < best[0]:
            best = (squared, (px, py), (x, y))
    return best


def box_distance(box: Box, a: tuple[float, float], b: tuple[float, float]) -> float:
    """Shortest distance from segment a–b to the box (0 when it touches or enters it),
    sampled along the segment: exact enough to rank a label's places."""
    if segment_hits(box, a, b):
        return 0.0
    best = float("inf")
    left, top = box.left, box.top
    right, bottom = left + box.width, top + box.height
    for i in range(9):
        t = i / 8
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        dx = left - x if x < left else x - right if x > right else 0.0
        dy = top - y if y < top else y - bottom if y > bottom else 0.0
        squared = dx * dx + dy * dy
        if squared < best:
            best = squared
    return best ** 0.5


def inside_ring(x: float, y: float, ring) -> bool:
    """Whether (x, y) lies inside the polygon (even–odd rule)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def segment_hits(box: Box, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether segment a–b passes through the box (Liang–Barsky)."""
    left, top = box.left, box.top
    right, bottom = left + box.width, top + box.height
    ax, ay = a
    bx, by = b
    if ((ax if ax > bx else bx) < left or (bx if ax > bx else ax) > right
            or (ay if ay > by else by) < top or (by if ay > by else ay) > bottom):
        return False  # the common case, decided without the clipping arithmetic
    return clip_segment(a, b, (left, top, right, bottom)) is not None
