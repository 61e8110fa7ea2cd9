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

from dataclasses import replace

from builder.charts.colors import series_color, tint
from builder.charts.geo import Projection, clip_line, clip_polygon, read_outline
from builder.charts.geometry import Box, fit
from builder.charts.markup import plain_figure
from builder.charts.mapframe import (Geography, edge_point, inside, map_geography, turned,
                                     unwrapped, unwrapped_ring)
from builder.charts.linelabels import BESIDE_NEAR
from builder.charts.maplabels import place_labels
from builder.charts.markers import INWARD, arrowed, edge_arrow, spread
from builder.charts.markers import draw as draw_marker, radius as marker_radius
from builder.charts.scene import Circle, Path, Scene, Text, Typeface
from builder.charts.simplify import simplify
from builder.charts.style import FigureStyle
from builder.errors import RenderError

LABEL_SCALE = 0.9  # map labels a little smaller than chart labels: maps are dense
PAGE_FLOOR = 0.85  # …and on a page never below 85 % of the layout's figure text (large print stays large)


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
    figure = plain_figure(figure)
    outline = None
    if figure.outline:
        try:
            outline = _Outline(*read_outline(asset(figure.outline)))
        except (OSError, ValueError) as error:
            raise RenderError(f"{figure.where}: outline '{figure.outline}' cannot be read "
                              f"({error})") from None
    complete = not _crowded(figure)  # hundreds of names: counted, as they always were
    scene = _fitted(figure, style, width, max_height, outline, min_label, beside, complete)
    if not complete or scene.height <= max_height + 1e-6:
        return scene
    # a key naming every place cannot fit even under a shrunken map: as few rows as before,
    # the rest counted (only a map too full for its box comes to this)
    return _fitted(figure, style, width, max_height, outline, min_label, beside, False)


def _fitted(figure, style: FigureStyle, width: float, max_height: float, outline,
            min_label: float | None, beside: bool, complete: bool) -> Scene:
    """The map with its key, shrunk until both fit ``max_height`` (when they can);
    ``complete``: the key names every place, however many rows that takes."""
    for key_lines in (KEY_LINES, 1):  # a key that would squeeze the map under 60 % of
        if _crowded(figure):  # its box is cut to one line of samples and one of names
            _, smallest = _label_sizes(style, min_label)
            first = max(max_height - key_height(smallest), max_height / 2)
        else:
            first = max_height
        scene = _draw(figure, style, width, first, outline, min_label, beside, key_lines,
                      complete)
        height = first
        for _ in range(4):  # a key under it: the map gives up that room (a smaller map may
            if scene.height <= max_height + 1e-6:  # leave more names to the key: again)
                break
            height -= scene.height - max_height
            scene = _draw(figure, style, width, max(height, max_height / 4), outline,
                          min_label, beside, key_lines, complete)
        if height >= max_height * 0.6 or _crowded(figure):
            break
    return scene


def _draw(figure, style: FigureStyle, width: float, max_height: float, outline,
          min_label: float | None, beside: bool, key_lines: int = 3,
          complete: bool = True) -> Scene:
    geo = map_geography(figure, width, max_height, page=min_label is None)
    figure = unwrapped(figure, geo.bounds)  # longitudes on the frame's side of 180°
    map_width, map_height = fit(width, max_height, Projection.aspect(geo.kind, geo.bounds))
    memo: dict = {}  # what the labels learn at one offset serves the others
    if not beside or width - map_width < 1.0:
        return _compose(figure, geo, style, map_width, map_height, map_width, 0, outline,
                        min_label, memo=memo, key_lines=key_lines, complete=complete)[0]
    room = width - map_width
    # a crowded map is drawn centred: hundreds of names go to its key wherever it stands
    offsets = (room / 2,) if _crowded(figure) else (
        room, room * 0.75, room / 2, room * 0.25, 0.0)
    results = [_compose(figure, geo, style, map_width, map_height, width, offset, outline,
                        min_label, near=BESIDE_NEAR, memo=memo, key_lines=key_lines,
                        complete=complete)
               for offset in offsets]
    return _trimmed(min(results, key=lambda result: result[1:])[0])


def _label_sizes(style: FigureStyle, min_label: float | None) -> tuple[float, float]:
    """The size map labels start at and the smallest they may shrink to."""
    size = style.size * LABEL_SCALE
    if min_label:
        size = max(size, min_label)
    return size, min_label if min_label else max(size * 0.7, style.size * PAGE_FLOOR)


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


def _compose(figure, geo: "Geography", style: FigureStyle, map_width: float, map_height: float,
             scene_width: float, offset: float, outline, min_label: float | None,
             near: float | None = None, memo: dict | None = None, key_lines: int = 3,
             complete: bool = True) -> tuple[Scene, int, float]:
    """The map drawn ``offset`` points from the left of a scene ``scene_width`` wide, its
    labels placed; with the number of labels that found no clean place and their cost."""
    scene = Scene(scene_width, map_height)
    project = Projection(geo.bounds, geo.kind, map_width, map_height, offset)
    size, smallest = _label_sizes(style, min_label)
    frame = Box(offset, 0, map_width, map_height)
    bounds = Box(0, 0, scene_width, map_height)
    land = style.background.mix(style.accent_hint, 0.06)
    sea = style.surface.mix(style.muted, 0.12)
    corners = ((offset, 0), (offset + map_width, 0), (offset + map_width, map_height),
               (offset, map_height))

    scene.add(Path(corners, None, fill=sea, closed=True, role="sea"))
    coast_segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    land_rings: list[tuple[tuple[float, float], ...]] = []
    shaded = style.background.mix(style.accent_hint, 0.2)
    polygons = [(clip_polygon(list(ring), geo.bounds), land) for ring in geo.land]
    polygons += [(clip_polygon(list(ring), geo.bounds), shaded) for ring in geo.shaded]
    if outline is not None:
        polygons += [(ring, land) for ring in outline.clipped(geo.bounds)[0]]
    for clipped, fill in polygons:
        if len(clipped) >= 3:
            coast = simplify(project.many(clipped), closed=True)
            scene.add(Path(coast, style.muted, 0.5, fill, closed=True, role="land"))
            coast_segments += list(zip(coast, coast[1:] + coast[:1]))
            land_rings.append(coast)
    if outline is not None:
        for piece in outline.clipped(geo.bounds)[1]:
            scene.add(Path(simplify(project.many(piece)), style.muted, 0.6, role="outline-line"))

    drawn_segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for area in figure.areas:
        color = series_color(style.chart, area.color)
        for copy in turned(area.coordinates, geo.bounds):  # a world map: both sides of 180°
            clipped = clip_polygon(list(copy), geo.bounds)
            if len(clipped) >= 3:
                points = simplify(project.many(clipped), closed=True)
                scene.add(Path(points, color, 1.0, tint(color), closed=True, role="area"))
                drawn_segments += list(zip(points, points[1:] + points[:1]))
    line_pieces = []
    strokes: list[tuple[tuple[float, float], tuple[float, float]]] = []  # no name crosses
    for line in figure.lines:
        color = series_color(style.chart, line.color)
        for piece in (piece for copy in turned(line.coordinates, geo.bounds)
                      for piece in clip_line(list(copy), geo.bounds)):
            points = simplify(project.many(piece))
            scene.add(Path(points, color, line.width, dash=line.style, role="map-line"))
            drawn_segments += list(zip(points, points[1:]))
            strokes += list(zip(points, points[1:]))
            line_pieces.append((line, points, color))

    obstacles: list[Box] = []
    markers = []
    spots, sides = [], []
    for point in figure.points:
        if inside(geo.bounds, point.lon, point.lat):
            x, y = project(point.lon, point.lat)
            spots.append((x, y, marker_radius(point.marker, size)))
            sides.append(None)
        else:  # off the map: an arrow at the edge, on the way from the middle to the place
            lon, lat, side = edge_point(geo.bounds, point.lon, point.lat)
            x, y = project(lon, lat)
            spots.append((x, y, 0.0))  # at the edge, where it points: not pushed about
            sides.append(side)
    for point, side, (x, y) in zip(figure.points, sides, spread(spots, frame, size)):
        if side is None:
            radius = draw_marker(scene, point.marker, x, y, size, style)
        else:
            radius = edge_arrow(scene, x, y, side, size, style)
            point = point.model_copy(update={"label": arrowed(point.label, side),
                                             "position": INWARD[side], "marker": "city",
                                             "off_map": True})
        markers.append((point, x, y, radius))
        if radius:
            obstacles.append(Box(x - radius, y - radius, 2 * radius, 2 * radius))

    # labels at the largest size (down to 70 %) at which every one finds a clean place; a
    # crowded map (hundreds of places) goes straight to the smallest, placing once
    crowded = _crowded(figure)
    label_size = smallest if crowded else size
    # lines first only matters when lines have names to place
    orders = (False, True) if not crowded and any(line.label for line in figure.lines) else (
        False,)
    while True:
        best = None
        for lines_first in orders:  # the first with the fewest collisions: once one has
            result = place_labels(  # none, no later order can beat it
                figure, style, label_size, frame, markers, obstacles, drawn_segments,
                coast_segments, line_pieces, project, land_rings, lines_first,
                bounds=bounds if scene_width > map_width else None, near=near, memo=memo,
                strokes=strokes)
            if best is None or result[1] < best[1]:
                best = result
            if best[1] == 0:
                break
        texts, collisions, cost, unplaced = best
        if collisions == 0 or label_size <= smallest:
            break
        label_size = max(smallest, label_size - 0.5)
    for text in texts:
        scene.add(text)
    scene.add(Path(corners, style.muted, 0.75, closed=True, role="frame"))
    if unplaced:
        shown = _key(scene, unplaced, style, label_size, offset, map_width, key_lines,
                     crowded or not complete)
        # a number by a marker whose name the key had no room to list would name nothing
        listed = {name.split("\u00a0", 1)[0] for name in shown if "\u00a0" in name}
        scene.items = [item for item in scene.items if not (
            isinstance(item, Text) and item.role == "place-number"
            and item.lines[0] not in listed)]
    return scene, collisions, cost


CROWDED = 200


def _crowded(figure) -> bool:
    """Whether the map names hundreds of things (places, lines, areas): its key is certain,
    so it is drawn once, centred, its names at the smallest size."""
    return (len(figure.points) + sum(1 for line in figure.lines if line.label)
            + sum(1 for area in figure.areas if area.label)) > CROWDED


class _Outline:
    """A GeoJSON outline, read once per map and clipped once per bounds: a map is drawn
    several times (each placement of a deck's tall map, again with a key under it)."""

    def __init__(self, polygons: list, lines: list) -> None:
        self.polygons, self.lines = polygons, lines
        self._clipped: dict[tuple, tuple[list, list]] = {}

    def clipped(self, bounds: tuple[float, float, float, float]) -> tuple[list, list]:
        """(rings, line pieces) inside ``bounds``."""
        if bounds not in self._clipped:
            centre = (bounds[0] + bounds[2]) / 2  # on the frame's side of 180°
            self._clipped[bounds] = (
                [clip_polygon(list(unwrapped_ring(ring, centre)), bounds)
                 for ring in self.polygons],
                [piece for line in self.lines
                 for piece in clip_line(list(unwrapped_ring(line, centre)), bounds)])
        return self._clipped[bounds]
KEY_LINES = 3


def key_height(size: float) -> float:
    """Room under a map for the names no place on it could take."""
    return size * 0.4 + KEY_LINES * Typeface.line_height(size)


def _key(scene: Scene, names: list, style: FigureStyle, size: float, left: float,
         width: float, rows: int = KEY_LINES, counted: bool = False) -> list[str]:
    """The names the map could not set without touching another, listed under it: each
    unnamed line on a row of its own after a sample of it, as a legend does (three lines of
    them at most; further lines are named with the places), then the places and areas (as
    many lines as they take: ``map_scene`` shrinks the map to make room; only a crowded map
    or one whose full key cannot fit its box (``counted``) keeps to ``rows`` lines and counts
    the rest), so a name is never drawn over another. Returns the
    names it lists (a counted one has no entry, so its number is not drawn). With room
    beside the map (a scene wider than ``width``) the key may use the scene's width, centred
    under the map."""
    face = style.typeface
    line_height = Typeface.line_height(size)
    swatch = size * 1.8
    available = max(width, scene.width) - 1.0
    wrapped_rows = []
    budget = rows  # lines of samples; further lines are named with the places
    for entry in names:
        if isinstance(entry, str) or budget <= 0:
            continue
        lines = face.wrap(entry[0], size, max(available - swatch, size))
        if len(lines) <= budget:
            wrapped_rows.append((entry, lines))
        budget -= len(lines)
    sampled = {id(entry) for entry, _ in wrapped_rows}
    names = [entry if isinstance(entry, str) else entry[0] for entry in names
             if id(entry) not in sampled]
    places: list[str] = []
    if names:
        shown = list(names)
        while True:
            rest = len(names) - len(shown)
            words = style.words
            listed = shown + ([words("more", count=f"{rest:,}")] if rest else [])
            text = words("also_marked",
                         places=words.join(listed) if rest else ", ".join(shown))
            places = face.wrap(text, size, available)
            if len(places) <= rows or not shown or not counted:
                break  # a key names every place (it takes more rows, the map shrinks);
                # only a crowded map, or one whose full key cannot fit, counts the rest
            shown = shown[:max(0, min(len(shown) - 1, len(shown) * rows // len(places)))]
    used = max([face.width(line, size) + 1.0 for line in places]
               + [swatch + face.width(line, size) + 1.0 for _, lines in wrapped_rows
                  for line in lines] + [0.0])
    if used > width:  # wider than the map: centred under it, within the scene
        left = min(max(0.0, left + width / 2 - used / 2), scene.width - used)
        width = used
    top = scene.height + size * 0.4
    for (_, color, line_width, dash), lines in wrapped_rows:
        y = top + line_height / 2
        scene.add(Path(((left, y), (left + swatch - size * 0.4, y)), color,
                       max(line_width, 1.5), dash=dash, role="line-key"))
        scene.add(Text(left + swatch, top, width - swatch, tuple(lines), size, style.text,
                       role="map-key"))
        top += len(lines) * line_height
    if places:
        scene.add(Text(left, top, width, tuple(places), size, style.muted, role="map-key"))
        top += len(places) * line_height
    scene.height = top
    return shown if names else []

