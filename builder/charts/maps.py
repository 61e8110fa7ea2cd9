"""Maps as scenes: outline, areas, lines and labelled points, with labels that never collide.

Labels are placed in priority order (points, then lines, then areas). A point's label tries
the side the source asks for (``position``), then the other sides and diagonals, then the
same at two and three times the distance; each candidate is measured with the real font and
rejected if it leaves the frame or touches a marker or a label already placed. Among clean
candidates the earliest wins, a crossed line counting as three places later, so Seoul and
Inch'on stay apart and legible; a label also keeps a sliver clear of every marker.

A line's name is placed by cost rather than order: never over another label or a marker,
then crossing no drawn line, then nearest its line, where writing across a coastline (the
outline polygons, not just the lines) costs more than moving away, and open water is
preferred to land. A name that must move far from its line carries a short sample of the
line, as a map key does. A point's label that had to move away gets a thin leader to its dot
when the leader crosses no other label.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from builder.charts.colors import series_color, tint
from builder.charts.geo import Projection, clip_line, clip_polygon, clip_segment, read_outline
from builder.charts.geometry import Box, fit
from builder.charts.scene import Circle, Path, Scene, Text, Typeface
from builder.charts.style import FigureStyle
from builder.errors import RenderError

LABEL_SCALE = 0.9  # map labels a little smaller than chart labels: maps are dense
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


def map_scene(figure, style: FigureStyle, width: float, max_height: float, asset,
              min_label: float | None = None, beside: bool = False) -> Scene:
    """The map fitted to ``width`` × ``max_height`` keeping the projection's aspect.

    Crowded labels shrink to 70 % of their size; ``min_label`` (points) is a hard floor
    instead, for a slide that must stay legible from the back of a room: labels start no
    smaller than it and never shrink below it (they move to open space instead).

    ``beside`` (the deck's tall maps): the scene is the whole ``width``, wider than the map,
    and a line's name may stand in the room beside the map's frame (wholly outside it, never
    across its edge) with a thin leader to its line, like a map's marginal note. The map
    itself goes where its names read best: left, centre or right of that room.
    """
    aspect = Projection.aspect(figure.projection, figure.bounds)
    map_width, map_height = fit(width, max_height, aspect)
    outline = None
    if figure.outline:
        try:
            outline = read_outline(asset(figure.outline))
        except (OSError, ValueError) as error:
            raise RenderError(f"{figure.where}: outline '{figure.outline}' cannot be read "
                              f"({error})") from None
    if not beside or width - map_width < 1.0:
        return _compose(figure, style, map_width, map_height, map_width, 0, outline,
                        min_label)[0]
    room = width - map_width
    results = [_compose(figure, style, map_width, map_height, width, offset, outline,
                        min_label, near=BESIDE_NEAR)
               for offset in (room, room * 0.75, room / 2, room * 0.25, 0.0)]
    return _trimmed(min(results, key=lambda result: result[1:])[0])


def _trimmed(scene: Scene) -> Scene:
    """The scene cut to what it draws across (the map and the names it set beside it), so
    a map whose names all fit on it is centred in its box rather than pushed to one side."""
    xs = []
    for item in scene.items:
        if isinstance(item, Path):
            xs += [x for x, _ in item.points]
        elif isinstance(item, Circle):
            xs += [item.cx - item.radius, item.cx + item.radius]
        elif isinstance(item, Text):
            xs += [item.left, item.left + item.width]
    left, right = max(0.0, min(xs)), min(scene.width, max(xs))
    trimmed = Scene(right - left, scene.height)
    for item in scene.items:
        if isinstance(item, Path):
            item = replace(item, points=tuple((x - left, y) for x, y in item.points))
        elif isinstance(item, Circle):
            item = replace(item, cx=item.cx - left)
        elif isinstance(item, Text):
            item = replace(item, left=item.left - left)
        trimmed.add(item)
    return trimmed


def _compose(figure, style: FigureStyle, map_width: float, map_height: float,
             scene_width: float, offset: float, outline, min_label: float | None,
             near: float | None = None) -> tuple[Scene, int, float]:
    """The map drawn ``offset`` points from the left of a scene ``scene_width`` wide, its
    labels placed; with the number of labels that found no clean place and their cost."""
    scene = Scene(scene_width, map_height)
    project = Projection(figure.bounds, figure.projection, map_width, map_height, offset)
    size = style.size * LABEL_SCALE
    if min_label:
        size = max(size, min_label)
    smallest = min_label if min_label else size * 0.7
    frame = Box(offset, 0, map_width, map_height)
    bounds = Box(0, 0, scene_width, map_height)
    land = style.background.mix(style.accent_hint, 0.06)
    sea = style.surface.mix(style.muted, 0.12)
    corners = ((offset, 0), (offset + map_width, 0), (offset + map_width, map_height),
               (offset, map_height))

    scene.add(Path(corners, None, fill=sea, closed=True, role="sea"))
    coast_segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    land_rings: list[tuple[tuple[float, float], ...]] = []
    if outline is not None:
        polygons, rivers = outline
        for ring in polygons:
            clipped = clip_polygon(ring, figure.bounds)
            if len(clipped) >= 3:
                coast = tuple(project(*p) for p in clipped)
                scene.add(Path(coast, style.muted, 0.6, land, closed=True, role="land"))
                coast_segments += list(zip(coast, coast[1:] + coast[:1]))
                land_rings.append(coast)
        for line in rivers:
            for piece in clip_line(line, figure.bounds):
                scene.add(Path(tuple(project(*p) for p in piece), style.muted, 0.6,
                               role="outline-line"))

    drawn_segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for area in figure.areas:
        color = series_color(style.chart, area.color)
        clipped = clip_polygon(list(area.coordinates), figure.bounds)
        if len(clipped) >= 3:
            points = tuple(project(*p) for p in clipped)
            scene.add(Path(points, color, 1.0, tint(color), closed=True, role="area"))
            drawn_segments += list(zip(points, points[1:] + points[:1]))
    line_pieces = []
    for line in figure.lines:
        color = series_color(style.chart, line.color)
        for piece in clip_line(list(line.coordinates), figure.bounds):
            points = tuple(project(*p) for p in piece)
            scene.add(Path(points, color, line.width, dash=line.style, role="map-line"))
            drawn_segments += list(zip(points, points[1:]))
            line_pieces.append((line, points, color))

    obstacles: list[Box] = []
    markers = []
    for point in figure.points:
        x, y = project(point.lon, point.lat)
        radius = _marker(scene, point.marker, x, y, size, style)
        markers.append((point, x, y, radius))
        if radius:
            obstacles.append(Box(x - radius, y - radius, 2 * radius, 2 * radius))

    # labels at the largest size (down to 70 %) at which every one finds a clean place
    label_size = size
    while True:
        texts, collisions, cost = min(
            (_labels(figure, style, label_size, frame, markers, obstacles, drawn_segments,
                     coast_segments, line_pieces, project, land_rings, lines_first,
                     bounds=bounds if scene_width > map_width else None, near=near)
             for lines_first in (False, True)), key=lambda result: result[1])
        if collisions == 0 or label_size <= smallest:
            break
        label_size = max(smallest, label_size - 0.5)
    for text in texts:
        scene.add(text)
    scene.add(Path(corners, style.muted, 0.75, closed=True, role="frame"))
    return scene, collisions, cost


def _labels(figure, style: FigureStyle, size: float, frame: Box, markers, obstacles: list[Box],
            drawn_segments, coast_segments, line_pieces, project,
            land_rings=(), lines_first: bool = False, bounds: Box | None = None,
            near: float | None = None) -> tuple[list[Text], int, float]:
    """Every label placed at one size, and how many of them could not be placed cleanly.
    Crossing the coast costs a little (text reads best on one ground), crossing a drawn
    line more. A line's label is placed by distance from its line instead (see
    ``_place_line_label``), so it reads as that line's name and not a neighbour's.

    ``bounds`` (wider than ``frame``) is the room labels may use: a label then stands wholly
    inside the map's frame or wholly outside it, never across its edge."""
    face = style.typeface
    edge = frame if bounds is not None else None
    spacing = 1.0  # labels keep a point apart
    bounds = bounds or frame
    drawn_segments = list(drawn_segments)  # line labels' leaders join them as they are placed
    texts: list[Text] = []
    placed: list[Box] = []
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
            clearance = [Box(b.left - size * 0.15, b.top - size * 0.15, b.width + size * 0.3,
                             b.height + size * 0.3) for b in obstacles]
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
            placed.append(box)
            spread += _box_distance(box, (x, y), (x, y))
            if _box_distance(box, (x, y), (x, y)) > reach:
                leader = _leader(box, [((x, y), (x, y))], style.muted, radius)
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
        placed.append(box)
        texts.append(Text(box.left, box.top, box.width, label.lines, size, style.text, "center",
                          role="area-label"))
    # a leader is drawn only where it crosses no other label: one through a name would tie
    # the wrong name to the line
    clean = [leader for box, leader in leaders
             if not any(other is not box and _segment_hits(other, *leader.points)
                        for other in placed)]
    return [*clean, *swatches, *texts], collisions, spread


LINE_LABEL_SHARES = (0.3, 0.45, 0.6, 1.0)
"""Widths (of the map's) a line's label may wrap at: a narrow stack fits a strait, a single
line fits along a coast; each is tried everywhere."""
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
                hard = ((not box.inside(frame)) * 100
                        + sum(box.overlaps(other, spacing) for other in placed)
                        + sum(box.overlaps(other, size * 0.15) for other in obstacles))
                leader = None
                if edge is not None and not box.overlaps(edge):
                    if label.swatch:
                        continue  # outside the map a leader names it, not a key
                    if hard:
                        continue
                    leader = _leader(box, own, None, 0.0).points
                    hard += sum(_segment_hits(other, *leader) for other in placed)
                    hard += sum(_segment_hits(other, *leader) for other in obstacles)
                elif edge is not None:
                    hard += _straddles(box, edge)
                if best is not None and hard > best[0][0]:
                    continue  # scores compare hard first: this box cannot win
                margin = Box(box.left - 2, box.top - 2, box.width + 4, box.height + 4)
                crossings = sum(_segment_hits(margin, a, b) for a, b in drawn_segments)
                if best is not None and hard == best[0][0] and 1000.0 * crossings > best[0][1]:
                    continue  # every other term of the score is positive
                shore = any(_segment_hits(box, a, b) for a, b in coast_segments)
                on_land = not shore and any(
                    _inside((box.left + box.right) / 2, (box.top + box.bottom) / 2, ring)
                    for ring in land_rings)
                distance = min(_box_distance(box, a, b) for a, b in own)
                if leader is not None:  # the leader names it: a short one is best
                    distance = (size * 0.5 + distance + LEADER_CROSSING_COST
                                * _leader_crossings(leader, drawn_segments, own))
                elif label.swatch:  # the key names it: nearness helps, less
                    distance = size + distance * 0.3
                elif distance > size * near:
                    if edge is not None and not hard:  # on the map, led to its line
                        leader = _leader(box, own, None, 0.0).points
                        if any(_segment_hits(other, *leader)
                               for other in [*placed, *obstacles]):
                            leader = None
                    if leader is None:
                        distance += KEYLESS_COST
                    else:
                        distance = (size * 0.5 + distance + LEADER_CROSSING_COST
                                    * _leader_crossings(leader, drawn_segments, own))
                score = (hard, 1000.0 * crossings + distance + COAST_COST * shore
                         + LAND_COST * on_land + 0.01 * len(label.lines))
                if best is None or score < best[0]:
                    best = (score, box, label, leader)
    assert best is not None
    return best[1], best[2], int(best[0][0]), best[0][1], best[3]


def _straddles(box: Box, frame: Box) -> bool:
    """Whether the box lies across the frame's edge (partly inside, partly outside)."""
    return box.overlaps(frame) and not box.inside(frame)


def _leader_crossings(leader, drawn_segments, own) -> int:
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
        hugging += any(_segment_hits(probe, a, b) for a, b in others)
    return sum(_segments_cross(leader, segment) for segment in others) + hugging


def _segments_cross(first, second) -> bool:
    """Whether two segments properly intersect."""
    (ax, ay), (bx, by) = first
    (cx, cy), (dx, dy) = second

    def side(px, py, qx, qy, rx, ry):
        return (qx - px) * (ry - py) - (qy - py) * (rx - px)

    d1, d2 = side(cx, cy, dx, dy, ax, ay), side(cx, cy, dx, dy, bx, by)
    d3, d4 = side(ax, ay, bx, by, cx, cy), side(ax, ay, bx, by, dx, dy)
    return d1 * d2 < 0 and d3 * d4 < 0


def _leader(box: Box, segments, color, gap: float) -> Path:
    """A thin line from a label that had to move away to the nearest point of what it names
    (stopping ``gap`` short of a marker), so a name far from its line still reads as its."""
    best = None
    left, top = box.left, box.top
    right, bottom = left + box.width, top + box.height
    for a, b in segments:
        for i in range(17):
            t = i / 16
            x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            px = left if x < left else right if x > right else x
            py = top if y < top else bottom if y > bottom else y
            squared = (px - x) * (px - x) + (py - y) * (py - y)
            if best is None or squared < best[0]:
                best = (squared, (px, py), (x, y))
    squared, start, end = best
    distance = squared ** 0.5
    if gap and distance > gap:
        shrink = (distance - gap) / distance
        end = (start[0] + (end[0] - start[0]) * shrink, start[1] + (end[1] - start[1]) * shrink)
    return Path((start, end), color, 0.75, role="leader")


def _box_distance(box: Box, a: tuple[float, float], b: tuple[float, float]) -> float:
    """Shortest distance from segment a–b to the box (0 when it touches or enters it),
    sampled along the segment: exact enough to rank a label's places."""
    if _segment_hits(box, a, b):
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


def _inside(x: float, y: float, ring) -> bool:
    """Whether (x, y) lies inside the polygon (even–odd rule)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


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
        hard = ((not box.inside(frame)) * 100
                + sum(box.overlaps(other, spacing) for other in placed))
        hard += sum(box.overlaps(other) for other in obstacles)
        if edge is not None:
            hard += _straddles(box, edge)
        margin = Box(box.left - 2, box.top - 2, box.width + 4, box.height + 4)
        crossings = sum(_segment_hits(margin, a, b) for a, b in segments)
        shores = sum(_segment_hits(box, a, b) for a, b in coast)
        reach = 0.0
        if target is not None:
            x, y, radius, far, others = target
            own = _box_distance(box, (x, y), (x, y))
            if own > far:
                leader = _leader(box, [((x, y), (x, y))], None, radius).points
                hard += sum(_segment_hits(other, *leader) for other in placed)
                hard += sum(_segment_hits(other, *leader) for other in others)
                crossings += _leader_crossings(leader, segments, ())
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


def _marker(scene: Scene, marker: str, x: float, y: float, size: float,
            style: FigureStyle) -> float:
    """Draw a point's marker; return its radius (0 when there is none)."""
    if marker == "none":
        return 0.0
    ink = style.text
    if marker == "capital":
        radius = size * 0.42
        scene.add(Circle(x, y, radius, style.background, ink, 1.0, role="capital"))
        scene.add(Circle(x, y, radius * 0.45, ink, role="capital"))
        return radius
    if marker == "battle":
        radius = size * 0.38
        color = series_color(style.chart, 1)
        scene.add(Path(((x - radius, y - radius), (x + radius, y + radius)), color, 1.6,
                       role="battle"))
        scene.add(Path(((x - radius, y + radius), (x + radius, y - radius)), color, 1.6,
                       role="battle"))
        return radius
    radius = size * 0.3
    scene.add(Circle(x, y, radius, ink, style.background, 0.75, role="city"))
    return radius


def _segment_hits(box: Box, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether segment a–b passes through the box (Liang–Barsky)."""
    left, top = box.left, box.top
    right, bottom = left + box.width, top + box.height
    if (max(a[0], b[0]) < left or min(a[0], b[0]) > right
            or max(a[1], b[1]) < top or min(a[1], b[1]) > bottom):
        return False  # the common case, decided without the clipping arithmetic
    return clip_segment(a, b, (left, top, right, bottom)) is not None
