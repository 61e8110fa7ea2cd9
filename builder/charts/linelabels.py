"""A map line's name placed by cost, searched best-first so a long line costs milliseconds.

The rules (see ``place_line_label``) score every candidate box; the search is exact: it
visits candidates in order of a lower bound on their score that needs no collision test
(how far the box is from its line's segments' bounding boxes, which a box can only be
farther from in truth), and stops at the first candidate whose bound already loses to the
best clean place found. The result is the place the full scan would choose (ties go to the
earlier candidate in the scan's order, as before).

The bounds depend only on the line's shape and the label, not on where the map stands in
its scene nor on what is placed, so one map drawn at several offsets (the deck's tall maps)
ranks each line's candidates once (``memo``), refuses once the boxes no offset can take (on
a marker, across the map's edge: dropped from the ranking), and refuses the rest (out of the
room, on a placed name) before any geometry of lines. A search among the same placed names
and leaders as an earlier one (the same map at another offset, ``_signature``) takes what
that one scored, less ``SLACK``, as each candidate's bound: only a candidate that could beat
the best is scored again, in its own offset's arithmetic.
"""

from __future__ import annotations

import heapq

from builder.charts.geometry import Box
from builder.charts.labelboxes import Label, anchors
from builder.charts.labels import along as _along, any_near as _any_near
from builder.charts.labels import count_near as _count_near
from builder.charts.labels import count_overlapping as _count_overlapping
from builder.charts.labels import overlapping as _overlapping
from builder.charts.leaders import (
    bound_distances,
    box_distance,
    inside_ring,
    leader_crossings,
    leader_line,
    segment_hits,
    segments_cross,
    straddles,
)
from builder.charts.linerank import KEYLESS_COST, SLACK, _box, _ranking, _with_samples
from builder.charts.linerank import _specs, variants  # noqa: F401 (the tests' full scan)
from builder.charts.scene import Typeface

COAST_COST = 120.0  # points of distance worth not writing across a coastline

NEAR = 2.5  # a line's name within this many × the size of its line reads as its name

LAND_COST = 12.0  # …and worth writing on open sea rather than on the land

BESIDE_NEAR = 1.5  # on a slide, with room beside the map, a name keeps nearer its line

BESIDE_CROSSING = 100.0  # …and a place's name crossing a line counts as 100 places later

LEADER_CROSSING_COST = 40.0  # points of distance worth a leader not crossing another line


def place_line_label(text: str, pieces, face: Typeface, size: float, frame: Box,
                     placed, obstacles, drawn_segments, coast_segments, land_rings,
                     map_width: float, edge: Box | None = None, near: float = NEAR,
                     spacing: float = 1.0, memo: dict | None = None, key=None,
                     fixed=None, led=()) -> tuple[Box, Label, int, float, tuple | None]:
    """The box (and wrapped label) for a line's name: clear of the frame, other labels and
    markers; then crossing no drawn line; then as near its own line as it can be, where
    straddling a coastline costs ``COAST_COST`` points of distance and sitting on land
    ``LAND_COST``. Measured against the outline polygons, so a name goes to open water
    (or stays wholly on one ground) rather than sitting on the shore.

    A name that cannot sit by its line (within ``near`` × the size) is drawn with a short
    sample of the line before it, as a map key does, so it is never read as the name of
    whatever it lands beside; the sample costs a little, so a name that fits by its line
    goes without.

    With ``edge`` (the map's frame inside a wider ``frame``), a name may also stand wholly
    outside the map with a thin leader to the nearest point of its line, never across the
    frame's edge; the leader must cross no other label or marker.

    ``memo`` (with ``key`` naming the line) keeps the ranked candidates for the next call
    on the same map at another offset; ``fixed`` is the drawn lines before any leader
    (default ``drawn_segments``), which the cached bounds may count; ``led`` the leaders
    drawn so far (among ``drawn_segments``), which a name's leader may not cross: two leaders
    crossing tie each name to the other's place."""
    own = [segment for points in pieces for segment in zip(points, points[1:])]
    points_anchors = [anchors(points) for points in pieces]
    cache_key = (key, text, size, near, map_width, edge is not None, spacing)
    if memo is not None and key is not None and cache_key in memo:
        labels, ranked, refined, contexts, dead, alive = memo[cache_key]
    else:
        labels = variants(text, face, size, map_width)
        ranked = _ranking(labels, pieces, points_anchors, own, size, edge, near)
        refined, contexts, dead, alive = {}, {}, set(), set()
        if memo is not None and key is not None:
            memo[cache_key] = (labels, ranked, refined, contexts, dead, alive)
    fixed = fixed if fixed is not None else drawn_segments
    signature = _signature(placed, drawn_segments, fixed, edge or frame)
    learnt = contexts.setdefault(signature, {}) if signature is not None else {}
    best: tuple | None = None  # (score, scan index, box, label, leader)
    heap: list = []  # candidates whose bound has been refined, by bound
    position = 0
    while position < len(ranked) or heap:
        if heap and (position == len(ranked) or heap[0][0] < (0, ranked[position][0])
                     or heap[0][0] == (0, ranked[position][0])
                     and heap[0][1] < ranked[position][1]):
            bound, index, spec, box = heapq.heappop(heap)
            fine = True
        else:
            coarse, index, spec = ranked[position]
            bound = (0, coarse)
            position += 1
            fine = False
        if bound[0] > 0 or best is not None and (bound, index) > (best[0], best[1]):
            break  # no later candidate is clean, or can beat (or tie earlier than) the best
        if index < 0:  # the names with a key sample come into the ranking
            position -= 1
            _with_samples(ranked, position, labels, points_anchors, own, size, edge, near)
            continue
        if not fine:
            if index in dead or learnt.get(index) is REFUSED:
                continue
            label = labels[spec[0]]
            box = _box(spec, labels, points_anchors, size, edge)
            if index not in refined and index not in alive:
                if _barred(box, label, size, obstacles, edge):
                    dead.add(index)  # at every offset
                    continue
                alive.add(index)
            if not box.inside(frame):
                continue  # what ``_score`` refuses first: out of the room…
            if _overlapping(placed, box, spacing):
                learnt[index] = REFUSED  # …on a name (wherever these names stand)
                continue
            finer = bound
            if edge is not None:  # drawn at several offsets: the bound is shared
                if index not in refined:
                    refined[index] = max(bound, _static(
                        box, label, size, obstacles, fixed, coast_segments, land_rings, own,
                        edge, near))
                finer = refined[index]
            if index in learnt:  # scored before among the same names and leaders
                finer = max(finer, learnt[index])
            if finer > bound:
                heapq.heappush(heap, (finer, index, spec, box))
                continue
        else:
            label = labels[spec[0]]
        scored = _evaluate(box, label, best[0] if best is not None else None, size, placed,
                           obstacles, drawn_segments, coast_segments, land_rings, own, edge,
                           near, learnt, index, led)
        if scored is None:
            continue
        score, leader = scored
        if best is None or (score, index) < (best[0], best[1]):
            best = (score, index, box, label, leader)
    if dead:  # the next call walks past none of them
        ranked[:] = [entry for entry in ranked if entry[1] not in dead]
        dead.clear()
    if best is None:  # no clean place: the caller names the line in the map's key
        return None, None, 1, 0.0, None
    return best[2], best[3], 0, best[0][1], best[4]


REFUSED = (1, 0.0)  # a bound no candidate passes: never clean among these names


def _signature(placed, drawn_segments, fixed, origin: Box) -> tuple | None:
    """What a candidate's score depends on besides the map itself (which moves with its
    offset) and the room's edges: the names placed and the leaders drawn so far, relative to
    the map's corner. Two calls with one signature score each candidate alike (to rounding),
    so one's scores bound the other's. None: the drawn lines are not the fixed ones plus
    leaders (nothing is learnt)."""
    extra = len(drawn_segments) - len(fixed)
    drawn, base = list(drawn_segments), list(fixed)
    if extra < 0 or any(a is not b for a, b in zip(drawn, base)):
        return None
    x, y = origin.left, origin.top
    boxes = tuple((round(b.left - x, 6), round(b.top - y, 6), round(b.width, 6),
                   round(b.height, 6)) for b in placed)
    leaders = tuple((round(a[0] - x, 6), round(a[1] - y, 6), round(b[0] - x, 6),
                     round(b[1] - y, 6)) for a, b in drawn[len(base):])
    return boxes, leaders


def _refused(box: Box, label: Label, size: float, frame: Box, placed, obstacles,
             edge: Box | None, spacing: float) -> bool:
    """Whether ``_score`` refuses the box before any geometry of lines: outside the room,
    on a placed name, or ``_barred``."""
    return (not box.inside(frame) or _barred(box, label, size, obstacles, edge)
            or _overlapping(placed, box, spacing))


def _barred(box: Box, label: Label, size: float, obstacles, edge: Box | None) -> bool:
    """Whether the box is refused wherever the map stands and whatever is placed: a key
    sample outside the map, across the map's edge, on a marker."""
    outside = edge is not None and not box.overlaps(edge)
    if outside and label.swatch:
        return True  # outside the map a leader names it, not a key
    if edge is not None and not outside and straddles(box, edge):
        return True
    return _overlapping(obstacles, box, size * 0.15)


def own_distance(box: Box, own, bounds=None) -> float:
    """``min(box_distance(box, a, b) for a, b in own)``, skipping the segments whose bounding
    box is already farther than the nearest found (their sampled distance can only be more):
    nearest bounding boxes first."""
    if bounds is None:
        bounds = bound_distances(box, own)
    bounds = sorted(((squared, a, b) for squared, (a, b) in zip(bounds, own)),
                    key=lambda item: item[0])
    best = float("inf")
    for squared, a, b in bounds:
        if squared ** 0.5 > best + 1e-9 * (1.0 + best):
            break  # this one and every later one are farther than the nearest found
        distance = box_distance(box, a, b)
        if distance < best:
            best = distance
    return best


def _ground(box: Box, coast_segments, land_rings) -> tuple[bool, bool]:
    """Whether the box straddles a coastline, and (if not) whether it sits on land."""
    shore = _any_near(coast_segments, box, lambda s: segment_hits(box, *s))
    middle = ((box.left + box.right) / 2, (box.top + box.bottom) / 2)
    on_land = not shore and _any_near(land_rings, (*middle, *middle),
                                      lambda ring: inside_ring(*middle, ring))
    return shore, on_land


def _static(box: Box, label: Label, size: float, obstacles, fixed, coast_segments,
            land_rings, own, edge: Box | None, near: float) -> tuple[int, float]:
    """A bound on a candidate's score from what does not change while labels are placed:
    the markers it touches, the lines drawn before any leader, the coast, the land, and its
    distance from its line (see ``_score``, which adds what placed labels cost)."""
    hard = _count_overlapping(obstacles, box, size * 0.15)
    outside = edge is not None and not box.overlaps(edge)
    if edge is not None and not outside:
        hard += straddles(box, edge)
    margin = Box(box.left - 2, box.top - 2, box.width + 4, box.height + 4)
    crossings = _count_near(fixed, margin, lambda s: segment_hits(margin, *s))
    shore, on_land = _ground(box, coast_segments, land_rings)
    distance = own_distance(box, own)
    if outside:
        distance += size * 0.5
    elif label.swatch:
        distance = size + distance * 0.3
    elif distance > size * near:
        distance += KEYLESS_COST if edge is None else min(size * 0.5, KEYLESS_COST)
    return hard, (1000.0 * crossings + distance + COAST_COST * shore + LAND_COST * on_land
                  + 0.01 * len(label.lines) - SLACK)


def _score(box: Box, label: Label, best, size: float, frame: Box, placed, obstacles,
           drawn_segments, coast_segments, land_rings, own, edge: Box | None, near: float,
           spacing: float, learnt: dict | None = None, index: int = -1, led=()):
    """(score, leader) of one clean candidate, or None when it is not clean (out of the
    room, across the map's edge, on a label or a marker, a leader through one), not a place
    (a key sample outside the map) or cannot beat ``best``. Tests stop at the first
    collision: a name with no clean place goes to the map's key.

    ``learnt`` (with the candidate's ``index``) keeps a lower bound on the score for another
    call among the same names and leaders (see ``_signature``): the score itself less
    ``SLACK``, what stopped it early, or never clean."""
    if _refused(box, label, size, frame, placed, obstacles, edge, spacing):
        return None
    return _evaluate(box, label, best, size, placed, obstacles, drawn_segments, coast_segments,
                     land_rings, own, edge, near, {} if learnt is None else learnt, index, led)


def _evaluate(box: Box, label: Label, best, size: float, placed, obstacles, drawn_segments,
              coast_segments, land_rings, own, edge: Box | None, near: float, learnt: dict,
              index: int, led=()):
    """``_score`` of a box ``_refused`` lets through."""
    outside = edge is not None and not box.overlaps(edge)
    hard = 0
    leader = None
    bounds = None  # each own segment's bounding-box distance, for the leader and distance
    if outside:
        bounds = bound_distances(box, own)
        leader = leader_line(box, own, None, 0.0, bounds).points
        if any(segment_hits(other, *leader) for other in _along(placed, leader)) or any(
                segment_hits(other, *leader) for other in _along(obstacles, leader)) or any(
                segments_cross(leader, other) for other in _along(led, leader)):
            learnt[index] = REFUSED  # its leader is barred here
            return None
    margin = Box(box.left - 2, box.top - 2, box.width + 4, box.height + 4)
    crossings = _count_near(drawn_segments, margin, lambda s: segment_hits(margin, *s))
    if best is not None and 1000.0 * crossings > best[1]:
        learnt[index] = (0, 1000.0 * crossings - SLACK)
        return None  # every other term of the score is positive
    shore, on_land = _ground(box, coast_segments, land_rings)
    if bounds is None:
        bounds = bound_distances(box, own)
    distance = own_distance(box, own, bounds)
    if leader is not None:  # the leader names it: a short one is best
        distance = (size * 0.5 + distance + LEADER_CROSSING_COST
                    * leader_crossings(leader, _along(drawn_segments, leader, 4.0),
                                       own))
    elif label.swatch:  # the key names it: nearness helps, less
        distance = size + distance * 0.3
    elif distance > size * near:
        if edge is not None:  # on the map, led to its line
            leader = leader_line(box, own, None, 0.0, bounds).points
            if any(segment_hits(other, *leader)
                   for other in [*_along(placed, leader),
                                 *_along(obstacles, leader)]) or any(
                    segments_cross(leader, other) for other in _along(led, leader)):
                leader = None
        if leader is None:
            distance += KEYLESS_COST
        else:
            distance = (size * 0.5 + distance + LEADER_CROSSING_COST
                        * leader_crossings(leader,
                                           _along(drawn_segments, leader, 4.0), own))
    score = (hard, 1000.0 * crossings + distance + COAST_COST * shore
             + LAND_COST * on_land + 0.01 * len(label.lines))
    learnt[index] = (hard, score[1] - SLACK)
    return score, leader
