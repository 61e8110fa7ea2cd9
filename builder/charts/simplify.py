"""Outlines simplified to what the figure can show: no detail finer than a quarter point.

A GeoJSON coastline may hold 100,000 positions where the printed map has room for a few
thousand distinguishable ones. Every later step — label placement testing candidates against
coast segments, the PDF's path operators, the deck's freeform points, the read-back — costs in
proportion to the points kept, so the points are cut first, in the figure's own units
(points), after projecting:

1. radial distance: a point closer than ``tolerance`` to the last one kept is dropped (linear);
2. straight runs: a point whose triangle with the last point kept and the next one has an
   area below ``tolerance``² is dropped (linear; a long base allows less and less deviation,
   so the error does not build up);
3. Visvalingam–Whyatt: the point whose triangle with its neighbours has the smallest area is
   dropped, again and again, while that area is below ``tolerance``² (a heap: n log n for any
   input, unlike Douglas–Peucker's quadratic worst case).

Both are deterministic (ties go to the earlier point), so the two renderers, and two builds,
draw the same path. The shape moves by at most about a quarter of a point: invisible on paper
and on a projected slide.
"""

from __future__ import annotations

from heapq import heapify, heappop, heappush
from typing import Sequence

Point = tuple[float, float]
TOLERANCE = 0.25  # points: a quarter of a typographic point, below what print resolves


def _radial(points: Sequence[Point], tolerance: float) -> list[Point]:
    limit = tolerance * tolerance
    kept = [points[0]]
    last_x, last_y = points[0]
    for point in points[1:]:
        x, y = point
        if (x - last_x) ** 2 + (y - last_y) ** 2 >= limit:
            kept.append(point)
            last_x, last_y = x, y
    if len(kept) > 1 and kept[-1] != points[-1]:
        kept[-1] = points[-1]  # an open line keeps its true end
    return kept


def _area(a: Point, b: Point, c: Point) -> float:
    return abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2


def _straight(points: list[Point], min_area: float) -> list[Point]:
    if len(points) < 3:
        return points
    kept = [points[0]]
    for index in range(1, len(points) - 1):
        if _area(kept[-1], points[index], points[index + 1]) >= min_area:
            kept.append(points[index])
    kept.append(points[-1])
    return kept


def _visvalingam(points: list[Point], min_area: float, closed: bool) -> list[Point]:
    count = len(points)
    floor = 3 if closed else 2
    if count <= floor:
        return points
    before = [index - 1 for index in range(count)]
    after = [index + 1 for index in range(count)]
    if closed:
        before[0], after[-1] = count - 1, 0
    fixed = set() if closed else {0, count - 1}
    area = [float("inf")] * count
    heap = []
    for index in range(count):
        if index not in fixed:
            area[index] = _area(points[before[index]], points[index], points[after[index]])
            heap.append((area[index], index))
    heapify(heap)
    removed = [False] * count
    remaining = count
    while heap and remaining > floor:
        smallest, index = heappop(heap)
        if removed[index] or smallest != area[index]:
            continue  # a stale entry: the point's area changed when a neighbour went
        if smallest >= min_area:
            break
        removed[index] = True
        remaining -= 1
        left, right = before[index], after[index]
        after[left], before[right] = right, left
        for neighbour in (left, right):
            if neighbour not in fixed:
                # never below the area just removed: the order of removal stays by size
                area[neighbour] = max(smallest, _area(points[before[neighbour]],
                                                      points[neighbour],
                                                      points[after[neighbour]]))
                heappush(heap, (area[neighbour], neighbour))
    return [point for point, gone in zip(points, removed) if not gone]


def simplify(points: Sequence[Point], closed: bool = False,
             tolerance: float = TOLERANCE) -> tuple[Point, ...]:
    """``points`` (in the figure's units) with no detail finer than ``tolerance``.

    A closed ring keeps at least three points, an open line its two ends.
    """
    if len(points) <= (3 if closed else 2):
        return tuple(points)
    kept = _radial(points, tolerance)
    if closed and len(kept) < 3:
        return tuple(points[:: max(1, len(points) // 3)][:3])
    kept = _straight(kept, tolerance * tolerance)
    if closed and len(kept) < 3:
        return tuple(points[:: max(1, len(points) // 3)][:3])
    return tuple(_visvalingam(kept, tolerance * tolerance, closed))
