"""Map labels placed by cost: points by side and distance, lines by nearness, leaders when moved.

See builder.charts.maps for the scene these labels are placed on and the rules they follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.charts.geometry import Box
from builder.charts.labels import SpatialIndex
from builder.charts.labels import along as _along, near as _near
from builder.charts.leaders import (
    box_distance,
    inside_ring,
    leader_crossings,
    leader_line,
    segment_hits,
    straddles,
)
from builder.charts.scene import Path, Text, Typeface
from builder.charts.style import FigureStyle

_SIDES = ("right", "left", "above", "below", "above-right", "below-right", "above-left",
          "below-left")

_SIDE_ORDER = {  # the side asked for, then its neighbours, then the rest
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


class _Label:
    lines: tuple[str, ...]
    width: float
    height: float
    swatch: float = 0.0  # room before the text for a sample of the line it names (a key)


def place_labels(figure, style: FigureStyle, size: float, frame: Box, markers, obstacles: list[Box],
            drawn_segments, coast_segments, line_pieces, project,
            land_rings=(), lines_first: bool = False, bounds: Box | None = None,
            near: float | None = None) -> tuple[list[Text], int, float, list[str]]:
    """Every label placed at one size, how many of them could not be placed cleanly (a
    place's or an area's is then left off, its name returned for the map's key), their cost.
    Crossing the coast costs a little (text reads best on one ground), crossing a drawn
    line more. A line's label is placed by distance from its line instead (see
    ``_place_line_label``), so it reads as that line's name and not a neighbour's.

    ``bounds`` (wider than ``frame``) is the room labels may use: a label then stands wholly
    inside the map's frame or wholly outside it, never across its edge."""
    face = style.typeface
    edge = frame if bounds is not None else None
    spacing = 1.0  # labels keep a point apart
    bounds = bounds or frame
    # indexed, so each candidate is tested against what is near it (line labels' leaders
    # join the drawn segments as they are placed)
    drawn_segments = SpatialIndex(drawn_segments)
    coast_segments = SpatialIndex(coast_segments)
    land_rings = SpatialIndex(land_rings, cell=64.0)
    obstacles = SpatialIndex(obstacles, cell=size * 1.5)
    clear_of = SpatialIndex(cell=size * 1.5, items=(Box(b.left - size * 0.15, b.top - size * 0.15, b.width + size * 0.3,
                                b.height + size * 0.3) for b in obstacles))
    texts: list[Text] = []
    placed = SpatialIndex(cell=size * 3)
    unplaced: list[str] = []  # names no place could take without touching another
    collisions = 0
    map_width = frame.width

    def wrap_width(text: str, share: float) -> float:
        longest = max(face.width(word, size) for word in text.split()) + 1.0
        return max(map_width * share, longest)

    leaders: list[tuple[Box, Path]] = []
    swatches: list[Path] = []

    def place_points() -> float:
        """Point labels, each on the first clean side; returns how far they sit from their
        markers in all (points)."""
        nonlocal collisions
        spread = 0.0
        for point, x, y, radius in markers:
            label = _measure(point.label, face, size, wrap_width(point.label, 0.35))
            offset = max(radius, size * 0.2) + size * 0.3
            order = _SIDE_ORDER[point.position]
            candidates = [_candidate(side, x, y, label, offset * step)
                          for step in (1.0, 2.0, 3.0, 4.5) for side in order]
            # a label keeps clear of every marker by a sliver, so small sizes never touch one
            clearance = clear_of
            reach = radius + size * 1.2  # farther than this, a label needs a leader
            target = None
            if edge is not None:
                # beside the map: the name may stand in the margin at about the marker's
                # height, joined by a leader (after every place by the marker); a name is
                # never struck through by a line, and a leader crosses no other name
                lift = label.height / 2
                for k in (0, -1, 1, -2, 2, -3, 3, -4, 4):
                    top = y - label.height / 2 + k * lift
                    candidates += [Box(edge.left - size * 0.4 - label.width, top, label.width,
                                       label.height),
                                   Box(edge.right + size * 0.4, top, label.width, label.height)]
                others = [b for b in obstacles
                          if abs(b.left + b.width / 2 - x) + abs(b.top + b.height / 2 - y) > 1e-6]
                target = (x, y, radius, reach, others)
            box, hard = _choose(candidates, bounds, placed, clearance, drawn_segments,
                                coast=coast_segments, edge=edge,
                                crossing_cost=3.0 if edge is None else BESIDE_CROSSING,
                                target=target, spacing=spacing)
            collisions += hard > 0
            if hard:  # never over another label: the name goes to the key under the map
                unplaced.append(point.label)
                continue
            placed.append(box)
            spread += box_distance(box, (x, y), (x, y))
            if box_distance(box, (x, y), (x, y)) > reach:
                leader = leader_line(box, [((x, y), (x, y))], style.muted, radius)
                leaders.append((box, leader))
                if edge is not None:
                    drawn_segments.append(leader.points)
            texts.append(Text(box.left, box.top, box.width, label.lines, size, style.text,
                              _align(box, x), bold=point.marker == "capital", role="place"))
        return spread

    def place_lines() -> float:
        """Line labels (see ``_place_line_label``); returns the sum of their costs."""
        nonlocal collisions
        spread = 0.0
        labelled: set[int] = set()
        for line, points, color in line_pieces:
            if not line.label or id(line) in labelled:
                continue  # a line clipped into pieces is named once, at its best piece
            labelled.add(id(line))
            pieces = [piece for other, piece, _ in line_pieces if other is line]
            box, label, hard, cost, leader = _place_line_label(
                line.label, pieces, face, size, bounds, placed, obstacles, drawn_segments,
                coast_segments, land_rings, map_width, edge, near or NEAR, spacing)
            collisions += hard > 0
            spread += cost
            placed.append(box)
            if leader is not None:
                swatches.append(Path(leader, style.muted, 0.75, role="leader"))
                drawn_segments.append(leader)
            if label.swatch:  # a name away from its line carries a sample of it, as a key
                y = box.top + Typeface.line_height(size) / 2
                swatches.append(Path(((box.left, y), (box.left + label.swatch - size * 0.4, y)),
                                     color, max(line.width, 1.5), dash=line.style,
                                     role="line-key"))
            texts.append(Text(box.left + label.swatch, box.top, box.width - label.swatch,
                              label.lines, size, color, "left", role="line-label"))
        return spread

    # points first keeps every town's name on the side its source asks for; lines first is
    # the fallback when that leaves a label with no clean place (map_scene keeps the order
    # with fewer collisions, points first on a tie)
    if lines_first:
        spread = place_lines() + place_points()
    else:
        spread = place_points() + place_lines()

    for area in figure.areas:
        if not area.label:
            continue
        label = _measure(area.label, face, size, wrap_width(area.label, 0.3))
        projected = [project(*p) for p in area.coordinates]
        cx = sum(p[0] for p in projected) / len(projected)
        cy = sum(p[1] for p in projected) / len(projected)
        candidates = [Box(cx - label.width / 2, cy - label.height / 2, label.width, label.height)]
        candidates += [_candidate(side, cx, cy, label, size * step)
                       for step in (1.0, 2.0, 3.0) for side in _SIDES]
        box, hard = _choose(candidates, bounds, placed, obstacles, drawn_segments,
                            crossing_cost=1000.0, coast=coast_segments, coast_cost=4.0,
                            edge=edge, spacing=spacing)
        collisions += hard > 0
        if hard:
            unplaced.append(area.label)
            continue
        placed.append(box)
        texts.append(Text(box.left, box.top, box.width, label.lines, size, style.text, "center",
                          role="area-label"))
    # a leader is drawn only where it crosses no other label: one through a name would tie
    # the wrong name to the line
    clean = [leader for box, leader in leaders
             if not any(other is not box and segment_hits(other, *leader.points)
                        for other in _along(placed, leader.points))]
    return [*clean, *swatches, *texts], collisions, spread, unplaced

LINE_LABEL_SHARES = (0.3, 0.45, 0.6, 1.0)

COAST_COST = 120.0  # points of distance worth not writing across a coastline

NEAR = 2.5  # a line's name within this many × the size of its line reads as its name

KEYLESS_COST = 150.0  # a name farther than that without a key sample could name anything

LAND_COST = 12.0  # …and worth writing on open sea rather than on the land

BESIDE_NEAR = 1.5  # on a slide, with room beside the map, a name keeps nearer its line

BESIDE_CROSSING = 100.0  # …and a place's name crossing a line counts as 100 places later

LEADER_CROSSING_COST = 40.0  # points of distance worth a leader not crossing another line


def _place_line_label(text: str, pieces, face: Typeface, size: float, frame: Box,
                      placed: list[Box], obstacles: list[Box], drawn_segments,
                      coast_segments, land_rings, map_width: float, edge: Box | None = None,
                      near: float = NEAR, spacing: float = 1.0
                      ) -> tuple[Box, "_Label", int, float, tuple | None]:
    """The box (and wrapped label) for a line's name: clear of the frame, other labels and
    markers; then crossing no drawn line; then as near its own line as it can be, where
    straddling a coastline costs ``COAST_COST`` points of distance and sitting on land
    ``LAND_COST``. Measured against the outline polygons, so a name goes to open water
    (or stays wholly on one ground) rather than sitting on the shore.

    A name that cannot sit by its line (within ``NEAR`` × the size) is drawn with a short
    sample of the line before it, as a map key does, so it is never read as the name of
    whatever it lands beside; the sample costs a little, so a name that fits by its line
    goes without.

    With ``edge`` (the map's frame inside a wider ``frame``), a name may also stand wholly
    outside the map with a thin leader to the nearest point of its line, never across the
    frame's edge; the leader must cross no other label or marker."""
    longest = max(face.width(word, size) for word in text.split()) + 1.0
    own = [segment for points in pieces for segment in zip(points, points[1:])]
    best: tuple[tuple[float, float], Box, _Label, tuple | None] | None = None
    seen: set[tuple[str, ...]] = set()
    variants = []
    for share in LINE_LABEL_SHARES:
        label = _measure(text, face, size, max(map_width * share, longest))
        if label.lines in seen:
            continue
        seen.add(label.lines)
        swatch = size * 1.8
        variants += [label, _Label(label.lines, label.width + swatch, label.height, swatch)]
    for label in variants:
        for points in pieces:
            boxes = [_candidate(side, *anchor, label, size * step)
                     for step in (0.3, 0.8, 1.6, 3.0, 5.0) for anchor in _anchors(points)
                     for side in _SIDES]
            if edge is not None:  # flush beside the map's frame, level with its line
                lift = Typeface.line_height(size) / 2
                for anchor in _anchors(points):
                    for k in range(-8, 9):
                        top = anchor[1] - label.height / 2 + k * lift
                        boxes += [Box(edge.left - size * 0.4 - label.width, top, label.width,
                                      label.height),
                                  Box(edge.right + size * 0.4, top, label.width, label.height)]
            for box in boxes:
                grown = Box(box.left - size * 0.15 - spacing, box.top - size * 0.15 - spacing,
                            box.width + size * 0.3 + 2 * spacing,
                            box.height + size * 0.3 + 2 * spacing)
                hard = ((not box.inside(frame)) * 100
                        + sum(box.overlaps(other, spacing) for other in _near(placed, grown))
                        + sum(box.overlaps(other, size * 0.15)
                              for other in _near(obstacles, grown)))
                leader = None
                if edge is not None and not box.overlaps(edge):
                    if label.swatch:
                        continue  # outside the map a leader names it, not a key
                    if hard:
                        continue
                    leader = leader_line(box, own, None, 0.0).points
                    hard += sum(segment_hits(other, *leader) for other in _along(placed, leader))
                    hard += sum(segment_hits(other, *leader)
                                for other in _along(obstacles, leader))
                elif edge is not None:
                    hard += straddles(box, edge)
                if best is not None and hard > best[0][0]:
                    continue  # scores compare hard first: this box cannot win
                margin = Box(box.left - 2, box.top - 2, box.width + 4, box.height + 4)
                crossings = sum(segment_hits(margin, a, b)
                                for a, b in _near(drawn_segments, margin))
                if best is not None and hard == best[0][0] and 1000.0 * crossings > best[0][1]:
                    continue  # every other term of the score is positive
                shore = any(segment_hits(box, a, b) for a, b in _near(coast_segments, box))
                middle = ((box.left + box.right) / 2, (box.top + box.bottom) / 2)
                on_land = not shore and any(
                    inside_ring(*middle, ring) for ring in _near(land_rings, (*middle, *middle)))
                distance = min(box_distance(box, a, b) for a, b in own)
                if leader is not None:  # the leader names it: a short one is best
                    distance = (size * 0.5 + distance + LEADER_CROSSING_COST
                                * leader_crossings(leader, _along(drawn_segments, leader, 4.0),
                                                   own))
                elif label.swatch:  # the key names it: nearness helps, less
                    distance = size + distance * 0.3
                elif distance > size * near:
                    if edge is not None and not hard:  # on the map, led to its line
                        leader = leader_line(box, own, None, 0.0).points
                        if any(segment_hits(other, *leader)
                               for other in [*_along(placed, leader),
                                             *_along(obstacles, leader)]):
                            leader = None
                    if leader is None:
                        distance += KEYLESS_COST
                    else:
                        distance = (size * 0.5 + distance + LEADER_CROSSING_COST
                                    * leader_crossings(leader,
                                                       _along(drawn_segments, leader, 4.0), own))
                score = (hard, 1000.0 * crossings + distance + COAST_COST * shore
                         + LAND_COST * on_land + 0.01 * len(label.lines))
                if best is None or score < best[0]:
                    best = (score, box, label, leader)
    assert best is not None
    return best[1], best[2], int(best[0][0]), best[0][1], best[3]


def _anchors(points: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
    """Where a line's label may sit: its ends first, then every vertex and segment middle."""
    middles = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(points, points[1:])]
    return [points[0], points[-1], *middles, *points[1:-1]]


def _measure(text: str, face: Typeface, size: float, available: float) -> _Label:
    lines = tuple(face.wrap(text, size, available))
    width = max(face.width(line, size) for line in lines) + size * 0.15
    return _Label(lines, width, len(lines) * Typeface.line_height(size))


def _candidate(side: str, x: float, y: float, label: _Label, offset: float) -> Box:
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


def _choose(candidates: list[Box], frame: Box, placed: list[Box], obstacles: list[Box],
            segments, crossing_cost: float = 3.0, coast=(), coast_cost: float = 0.5,
            edge: Box | None = None, target=None, spacing: float = 1.0) -> tuple[Box, int]:
    """The earliest clean candidate, where crossing a drawn line counts as ``crossing_cost``
    places later in the order (a point's label keeps its side unless it would cross a line;
    a line's label avoids every line it can); if none is clean, the fewest collisions.
    Returns the box and its number of collisions (0 when clean).

    ``target`` (x, y, radius, reach, other markers) is the marker a point's label names: a
    box farther than ``reach`` from it needs a leader, which must cross no placed label or
    other marker, counts its crossings of drawn lines and costs its length (in sizes)."""
    best, best_score = candidates[0], None
    for rank, box in enumerate(candidates):
        if best_score is not None and best_score[0] == 0 and rank >= best_score[1]:
            break  # every later place scores at least its rank: a clean earlier one wins
        grown = Box(box.left - spacing, box.top - spacing, box.width + 2 * spacing,
                    box.height + 2 * spacing)
        hard = ((not box.inside(frame)) * 100
                + sum(box.overlaps(other, spacing) for other in _near(placed, grown)))
        hard += sum(box.overlaps(other) for other in _near(obstacles, box))
        if edge is not None:
            hard += straddles(box, edge)
        if best_score is not None and hard > best_score[0]:
            continue  # scores compare collisions first
        margin = Box(box.left - 2, box.top - 2, box.width + 4, box.height + 4)
        crossings = sum(segment_hits(margin, a, b) for a, b in _near(segments, margin))
        shores = sum(segment_hits(box, a, b) for a, b in _near(coast, box))
        reach = 0.0
        if target is not None:
            x, y, radius, far, others = target
            own = box_distance(box, (x, y), (x, y))
            if own > far:
                leader = leader_line(box, [((x, y), (x, y))], None, radius).points
                hard += sum(segment_hits(other, *leader) for other in _along(placed, leader))
                hard += sum(segment_hits(other, *leader) for other in others)
                crossings += leader_crossings(leader, _along(segments, leader, 4.0), ())
                reach = ((leader[1][0] - leader[0][0]) ** 2
                         + (leader[1][1] - leader[0][1]) ** 2) ** 0.5 / box.height
        score = (hard, rank + crossing_cost * crossings + coast_cost * min(shores, 4) + reach)
        if best_score is None or score < best_score:
            best, best_score = box, score
    return best, best_score[0]


def _align(box: Box, x: float) -> str:
    if box.left >= x:
        return "left"
    if box.right <= x:
        return "right"
    return "center"

