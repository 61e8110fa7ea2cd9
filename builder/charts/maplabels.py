"""Map labels placed by cost: points by side and distance, lines by nearness, leaders when moved.

See builder.charts.maps for the scene these labels are placed on and the rules they follow.
"""

from __future__ import annotations

from builder.charts.geometry import Box
from builder.charts.labels import SpatialIndex
from builder.charts.labels import along as _along
from builder.charts.labelchoice import choose as _choose
from builder.charts.labelboxes import SIDE_ORDER as _SIDE_ORDER, SIDES as _SIDES
from builder.charts.labelboxes import candidate as _candidate, measure as _measure
from builder.charts.leaders import EDGE_CLEAR, box_distance, inset as _inset, leader_line, segment_hits
from builder.charts.linelabels import BESIDE_CROSSING, NEAR, place_line_label
from builder.charts.mapnumbers import align as _align, number_box as _number_box
from builder.charts.mapnumbers import number_keyed as _number_keyed
from builder.charts.scene import Path, Text, Typeface
from builder.charts.style import FigureStyle
from builder.text.typography import breakable_words

TOUCH = 0.8  # a name within this many × its size of its marker touches it; farther, a leader
STEPS = (1.0, 1.6, 2.6, 4.0, 6.0)  # a name's distances from its marker, in offsets
TOUCHING = STEPS[:2]  # …those that touch it (no leader)
SHARES = (0.35, 0.2, 0.12)  # widths (of the map's) a place's name wraps at, widest first
TRIES = 3  # placements of a map's names, each putting the last one's homeless first
RETRY_LIMIT = 200  # maps with more places are placed once (their key takes the rest)
BESIDE_REACH = 0.3  # a place's name stands beside the map only within this share of the
# map's width from that side: a leader across the map crosses places and reads as theirs
BESIDE_SIZES = 6.0  # …or this many sizes (a narrow map: Korea's, half its width)
LINE_SEARCH_LIMIT = 60  # named lines whose names are searched for (~30 ms each)

PAGE_CROSSING = 8.0  # on a page a place's name crossing a drawn line (a range circle, a
# route) counts as 8 places later: any side at the first distance beats striking through it

def place_labels(figure, style: FigureStyle, size: float, frame: Box, markers, obstacles: list[Box],
            drawn_segments, coast_segments, line_pieces, project,
            land_rings=(), lines_first: bool = False, bounds: Box | None = None,
            near: float | None = None, memo: dict | None = None, strokes=(),
            priority: frozenset = frozenset(), tries: int = TRIES,
            joined: frozenset = frozenset(), reserve: frozenset = frozenset()
            ) -> tuple[list[Text], int, float, list, set]:
    """Every label placed at one size, how many of them could not be placed cleanly (a
    place's or an area's is then left off, its name returned for the map's key), their cost.
    Crossing the coast costs a little (text reads best on one ground), crossing a drawn
    line more. A line's label is placed by distance from its line instead (see
    ``_place_line_label``), so it reads as that line's name and not a neighbour's.

    ``bounds`` (wider than ``frame``) is the room labels may use: a label then stands wholly
    inside the map's frame or wholly outside it, never across its edge. ``memo`` carries what
    one map's line labels learn from one offset to the next (see builder.charts.linelabels).

    ``strokes`` are the drawn lines no place's name may cross (a range circle, a route; the
    leaders join them as they are drawn). ``priority``: the places whose names are placed
    first (after the off-map ones); a try that leaves names without room tries again with
    those first too (``tries`` in all), and the best stands. ``joined``: places sharing
    another's marker (builder.charts.markers.placed), named in the key by a number at it;
    ``reserve``: places whose number a try could not set by their marker: a box for it is
    kept before any name is placed. Also returns the keyed places left without a number."""
    face = style.typeface
    fixed_segments, coast_input, land_input = drawn_segments, coast_segments, land_rings
    bounds_input, strokes_input = bounds, strokes
    strokes = SpatialIndex(strokes, cell=size * 3)
    failed: set[int] = set()
    edge = frame if bounds is not None else None
    spacing = 1.0  # labels keep a point apart
    bounds = bounds or _inset(frame)  # clear of the frame's edge (``leaders.straddles``)
    # indexed, so each candidate is tested against what is near it (line labels' leaders
    # join the drawn segments as they are placed)
    fixed = SpatialIndex(drawn_segments)  # the lines before any leader joins them
    drawn_segments = SpatialIndex(drawn_segments)
    coast_segments = SpatialIndex(coast_segments)
    land_rings = SpatialIndex(land_rings, cell=64.0)
    # one box per spot: a thousand places at one spot are one obstacle to every candidate
    obstacles = SpatialIndex(dict.fromkeys(obstacles), cell=size * 1.5)
    clear_of = SpatialIndex(cell=size * 1.5, items=(Box(b.left - size * 0.15, b.top - size * 0.15, b.width + size * 0.3,
                                b.height + size * 0.3) for b in obstacles))
    texts: list[Text] = []
    placed = SpatialIndex(cell=size * 3)
    # names no place could take without touching another: a place's or an area's name, or a
    # line's (name, colour, width, dash) so the key can show a sample of the line
    unplaced: list = []
    collisions = 0
    map_width = frame.width

    def wrap_width(text: str, share: float) -> float:
        longest = max(face.width(word, size, True) for word in breakable_words(text)) + 1.0  # bold
        return max(map_width * share, longest)

    leaders: list = []  # (box, leader, text, point) of each name joined to its place
    led = SpatialIndex(cell=size * 3)  # the leaders drawn so far
    swatches: list[Path] = []

    # the boxes kept for reserved places' numbers, one a marker: a place hidden under
    # another's marker is numbered there for certain, so its number is placed before any name
    kept_for: dict[int, tuple] = {}
    kept_at: dict[tuple[float, float], tuple | None] = {}
    for point, x, y, radius in markers:
        if id(point) in reserve | joined and len(markers) <= RETRY_LIMIT:
            if (x, y) not in kept_at:
                kept_at[(x, y)] = _number_box(
                    point, x, y, radius, _measure("00", face, size, size * 4), size, bounds,
                    edge, placed, clear_of, drawn_segments, strokes, obstacles, style,
                    spacing, led)
            if kept_at[(x, y)] is not None:
                kept_for[id(point)] = kept_at[(x, y)]

    def place_points() -> float:
        """Point labels, each on the first clean side; returns how far they sit from their
        markers in all (points)."""
        nonlocal collisions
        spread = 0.0
        for point, x, y, radius in _ordered(markers, priority, joined):
            if id(point) in joined:  # its marker is another's: keyed, numbered there
                unplaced.append(point.label)
                failed.add(id(point))
                continue
            crowded = len(markers) > RETRY_LIMIT  # hundreds of places: one wrap each, by
            bold = point.marker == "capital"
            labels = _variants(point.label, face, size, wrap_width,  # its marker or keyed
                               SHARES[:1] if crowded else SHARES, bold)
            if point.off_map:  # in one line, in the band beyond the edge it points across
                labels.append(_measure(point.label, face, size, bounds.width - 2.0))
            offset = max(radius, size * 0.2) + size * 0.3
            reach = radius + size * TOUCH  # farther than this, a label needs a leader
            candidates = _point_candidates(point, x, y, labels, offset, frame,
                                           TOUCHING if crowded else STEPS, bounds)
            target = (x, y, radius, reach, obstacles, led)
            if edge is not None and not crowded:
                # beside the map: the name may stand in the margin at about the marker's
                # height, joined by a leader (after every place by the marker); a name is
                # never struck through by a line, and a leader crosses no other name
                # — from the side it is near: a leader across the map would cross places
                sides = [left for left, near_side in (
                    (lambda w: edge.left - size * 0.4 - w, x - edge.left),
                    (lambda w: edge.right + size * 0.4, edge.right - x))
                    if near_side <= max(edge.width * BESIDE_REACH, size * BESIDE_SIZES)]
                for label in labels:
                    lift = label.height / 2
                    for k in (0, -1, 1, -2, 2, -3, 3, -4, 4):
                        top = y - label.height / 2 + k * lift
                        candidates += [Box(left(label.width), top, label.width, label.height)
                                       for left in sides]
            hard = 1
            if point.off_map:  # beyond the frame, over its arrow: no marker out there to
                # mistake it for (the places by that edge are named inside the frame)
                beyond = [box for box in candidates
                          if box.bottom <= frame.top + 1e-6 or box.top >= frame.bottom - 1e-6]
                if beyond:
                    box, hard = _choose(beyond, bounds, placed, clear_of, drawn_segments,
                                        coast=coast_segments, edge=edge, spacing=spacing,
                                        strokes=strokes)
            if hard:
                box, hard = _choose(candidates, bounds, placed, clear_of, drawn_segments,
                                    coast=coast_segments, edge=edge,
                                    crossing_cost=PAGE_CROSSING if edge is None
                                    else BESIDE_CROSSING,
                                    target=target, spacing=spacing, strokes=strokes)
            collisions += hard > 0
            if hard:  # never over another label: the name goes to the key under the map
                unplaced.append(point.label)
                failed.add(id(point))
                continue
            placed.append(box)
            label = next(label for label in labels
                         if abs(label.width - box.width) + abs(label.height - box.height) < 1e-6)
            distance = box_distance(box, (x, y), (x, y))
            spread += distance
            text = Text(box.left, box.top, box.width, label.lines, size, style.text,
                        _align(box, x), bold=point.marker == "capital", role="place")
            if distance > reach:
                leader = leader_line(box, [((x, y), (x, y))], style.muted, radius)
                leaders.append((box, leader, text, point))
                drawn_segments.append(leader.points)
                strokes.append(leader.points)  # no later name is struck through by it
                led.append(leader.points)  # …and no later leader crosses it
            texts.append(text)
        return spread

    def place_lines() -> float:
        """Line labels (see ``place_line_label``); returns the sum of their costs."""
        nonlocal collisions
        spread = 0.0
        labelled: set[int] = set()
        named = {id(line) for line, _, _ in line_pieces if line.label}
        limit = LINE_SEARCH_LIMIT if len(named) <= RETRY_LIMIT else LINE_SEARCH_LIMIT // 4
        for line, points, color in line_pieces:
            if not line.label or id(line) in labelled:
                continue  # a line clipped into pieces is named once, at its best piece
            labelled.add(id(line))
            if len(labelled) > limit:  # a map of hundreds of named lines: the
                collisions += 1  # first are searched, the rest named in the key
                unplaced.append((line.label, color, line.width, line.style))
                continue
            pieces = [piece for other, piece, _ in line_pieces if other is line]
            box, label, hard, cost, leader = place_line_label(
                line.label, pieces, face, size, bounds, placed, obstacles, drawn_segments,
                coast_segments, land_rings, map_width, edge, near or NEAR, spacing,
                memo=memo, key=id(line), fixed=fixed, led=led)
            collisions += hard > 0
            spread += cost
            if hard:  # never over another label or a marker: the line is named in the key
                unplaced.append((line.label, color, line.width, line.style))
                continue
            placed.append(box)
            if leader is not None:
                swatches.append(Path(leader, style.muted, 0.75, role="leader"))
                drawn_segments.append(leader)
                strokes.append(leader)  # no later place's name is struck through by it
                led.append(leader)  # …and no later leader crosses it
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
    # a leader through a name would tie the wrong name to the place: a name whose leader
    # another label (a line's, an area's) came to cross goes to the key instead
    kept = []
    for box, leader, text, point in leaders:
        if any(other is not box and segment_hits(other, *leader.points)
               for other in _along(placed, leader.points)):
            texts.remove(text)
            unplaced.append(point.label)
            failed.add(id(point))
            collisions += 1
        else:
            kept.append(leader)
    numbers, missing = ([], set()) if len(markers) > RETRY_LIMIT else _number_keyed(
        markers, failed, unplaced, face, size, bounds, edge, placed, clear_of, drawn_segments,
        strokes, obstacles, style, spacing, led, kept_for)
    result = ([*kept, *swatches, *texts, *numbers], collisions, spread, unplaced, missing)
    if (failed - priority - joined or missing - reserve) and tries > 1 \
            and len(markers) <= RETRY_LIMIT:
        # the places that found no room go first, and the rest fit round them if they can;
        # a number that found no room by its marker is given its box before any name
        again = place_labels(figure, style, size, frame, markers, obstacles, fixed_segments,
                             coast_input, line_pieces, project, land_input, lines_first,
                             bounds=bounds_input, near=near, memo=memo, strokes=strokes_input,
                             priority=priority | failed, tries=tries - 1, joined=joined,
                             reserve=frozenset(reserve | missing))
        if (len(again[4]), again[1], again[2]) < (len(missing), result[1], result[2]):
            return again
    return result


def _ordered(markers, priority, joined=frozenset()):
    """Markers in the order their names are placed: off-map places first (a name that must
    stand by its arrow at the frame's edge has the fewest places), then the places whose
    marker others share (it stands for them all: Kyoto's name had gone to the key with
    Toba–Fushimi's), then those a first try left without room, then the source's order."""
    shared = {(x, y) for point, x, y, _ in markers if id(point) in joined}
    return sorted(markers, key=lambda marker: (
        not marker[0].off_map,
        id(marker[0]) in joined or (marker[1], marker[2]) not in shared,
        id(marker[0]) not in priority))


def _variants(text: str, face, size: float, wrap_width, shares, bold: bool = False) -> list:
    """A place's name as one wide line (up to a third of the map), then narrower stacks: a
    long name ("Guantánamo Bay (U.S. naval base)") that finds no room in a line may in two."""
    labels = []
    for share in shares:
        label = _measure(text, face, size, wrap_width(text, share), bold)
        if all(label.lines != other.lines for other in labels):
            labels.append(label)
    return labels


def _point_candidates(point, x: float, y: float, labels, offset: float, frame: Box,
                      steps: tuple[float, ...] = (), bounds: Box | None = None) -> list[Box]:
    """Where a place's name may stand: touching its marker on the side asked for, then the
    other sides, then a little farther; then (joined by a leader) farther still; each step
    tried with the name on one line, then stacked. An off-map place's name stays by its
    arrow at the frame's edge, or beyond that edge over it (within ``bounds``)."""
    order = _SIDE_ORDER[point.position]
    bounds = bounds or frame
    if not point.off_map:
        return [_candidate(side, x, y, label, offset * step) for step in steps
                for label in labels for side in order]
    inward = point.position
    boxes = []
    gap = offset * 0.3  # beyond the edge, in the band kept for it (``maps._strips``)
    for label in labels:
        w, h = label.width, label.height
        if inward in ("below", "above"):
            top = frame.top - gap - h if inward == "below" else frame.bottom + gap
            slid = min(max(x - w / 2, bounds.left + 1.0), bounds.right - 1.0 - w)
            boxes += [Box(left, top, w, h)
                      for left in (x - w / 2, x - offset, x + offset - w, slid)
                      if left - 1e-6 <= x <= left + w + 1e-6]
    for label in labels:
        boxes += [_candidate(side, x, y, label, offset * step) for step in TOUCHING
                  for side in order if inward in side]
        inset = EDGE_CLEAR  # along the edge beside the arrow, inside the frame's stroke
        w, h = label.width, label.height
        if inward == "below":
            boxes += [Box(x + offset, frame.top + inset, w, h),
                      Box(x - offset - w, frame.top + inset, w, h)]
        elif inward == "above":
            boxes += [Box(x + offset, frame.bottom - inset - h, w, h),
                      Box(x - offset - w, frame.bottom - inset - h, w, h)]
        elif inward == "right":
            boxes += [Box(frame.left + inset, y - offset - h, w, h),
                      Box(frame.left + inset, y + offset, w, h)]
        else:
            boxes += [Box(frame.right - inset - w, y - offset - h, w, h),
                      Box(frame.right - inset - w, y + offset, w, h)]
    return boxes
