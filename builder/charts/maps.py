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
from builder.charts.geo import Projection, clip_line, clip_polygon, read_outline
from builder.charts.geometry import Box, fit
from builder.charts.markup import plain_figure
from builder.charts.mapframe import (Geography, edge_point, inside, map_geography, turned,
                                     unwrapped, unwrapped_ring)
from builder.charts.linelabels import BESIDE_NEAR
from builder.charts.mapcolors import map_colors
from builder.charts.maphalos import knocked_out, name_boxes
from builder.charts.mapkey import KEY_LINES, MapScene, draw_key, key_height
from builder.charts.maplabels import place_labels
from builder.charts.markers import ARROW, INWARD, arrow_box, arrowed, edge_arrow, placed
from builder.charts.markers import draw as draw_marker, radius as marker_radius
from builder.charts.scene import Circle, Path, Text, Typeface, stroke_factor
from builder.charts.simplify import simplify
from builder.charts.style import FigureStyle
from builder.errors import RenderError

# on a page a map's names are set at the layout's figure text size, as every other
# figure's labels are, and never shrink below it (large print stays large: a 12 pt floor
# beside 14 pt body, where 10 pt names read as footnotes); crowded names go to the key


def map_scene(figure, style: FigureStyle, width: float, max_height: float, asset,
              min_label: float | None = None, beside: bool = False) -> MapScene:
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
    return _fitted(figure, style, width, max_height, outline, min_label, beside)


KEEP = 0.7  # of its box a deck's map keeps however long its key: the key continues instead


def _fitted(figure, style: FigureStyle, width: float, max_height: float, outline,
            min_label: float | None, beside: bool) -> MapScene:
    """The map with its key, the map shrunk until both fit ``max_height``, down to a
    quarter of its box on a page (``KEEP`` on a slide, whose map must read across a room);
    a key that still does not fit stops at a whole entry, the rest continued after the
    map (``MapScene.rest``).

    The names are placed once per height tried (``_placed``, the costly part): the key, all
    that changes between the tries at one height (its lines of samples, where it stops), is
    drawn on that placement each time."""
    placements: dict[float, _Placed] = {}

    def draw(height: float, key_lines: int, limit: float | None = None) -> MapScene:
        if height not in placements:
            placements[height] = _placed(figure, style, width, height, outline, min_label,
                                         beside)
        return placements[height].keyed(style, key_lines, limit)

    floor = max_height * (KEEP if min_label else 0.25)
    height = max_height
    for key_lines in (KEY_LINES, 1):  # a key that would squeeze the map under 60 % of
        if _crowded(figure):  # its box is cut to one line of samples and one of names
            _, smallest = _label_sizes(style, min_label)
            first = max(max_height - key_height(smallest), max_height / 2)
        else:
            first = max_height
        scene = draw(first, key_lines)
        height = first
        for _ in range(4):  # a key under it: the map gives up that room (a smaller map may
            if scene.height <= max_height + 1e-6 or height <= floor:  # leave more names
                break  # to the key: again)
            height = max(floor, height - (scene.height - max_height))
            scene = draw(height, key_lines)
        if height >= max_height * 0.6 or _crowded(figure):
            break
    if scene.height > max_height + 1e-6:  # the key continues after the map
        scene = draw(height, key_lines, limit=max_height)
    return scene


@dataclass(frozen=True)
class _Placed:
    """A map drawn at one height with its names placed (the best of the offsets tried),
    before its key: the key's inputs kept to draw it as often as asked."""

    scene: MapScene
    collisions: int
    cost: float
    unplaced: list
    label_size: float
    offset: float
    map_width: float
    room: float
    trim: bool = False
    missing: int = 0  # keyed places whose number found no room by their marker

    def keyed(self, style: FigureStyle, key_lines: int = KEY_LINES,
              limit: float | None = None) -> MapScene:
        """The scene with the key of the names left unplaced (``limit``: the height it
        stops at, the rest continued), on a copy: this placement serves every key."""
        scene = MapScene(self.scene.width, self.scene.height, list(self.scene.items))
        if self.unplaced:
            _, scene.rest = draw_key(scene, self.unplaced, style, self.label_size,
                                     self.offset, self.map_width, key_lines, limit, self.room)
        return _trimmed(scene) if self.trim else scene


def _placed(figure, style: FigureStyle, width: float, max_height: float, outline,
            min_label: float | None, beside: bool) -> _Placed:
    """The map fitted to ``width`` × ``max_height`` with its names placed, before its key;
    beside a deck's map, the best of five places for it across the room."""
    geo = map_geography(figure, width, max_height, page=min_label is None)
    top, bottom = _strips(figure, geo.bounds, style, min_label, width)
    if top or bottom:  # the band above or below the frame for off-map places' names
        geo = map_geography(figure, width, max_height - top - bottom, page=min_label is None)
    figure = unwrapped(figure, geo.bounds)  # longitudes on the frame's side of 180°
    map_width, map_height = fit(width, max_height - top - bottom,
                                Projection.aspect(geo.kind, geo.bounds))
    memo: dict = {}  # what the labels learn at one offset serves the others
    bands = {"top": top, "bottom": bottom}
    if not beside or width - map_width < 1.0:
        return _compose(figure, geo, style, map_width, map_height, map_width, 0, outline,
                        min_label, memo=memo, room=width, **bands)
    room = width - map_width
    # a crowded map is drawn centred: hundreds of names go to its key wherever it stands
    offsets = (room / 2,) if _crowded(figure) else (
        room, room * 0.75, room / 2, room * 0.25, 0.0)
    results = [_compose(figure, geo, style, map_width, map_height, width, offset, outline,
                        min_label, near=BESIDE_NEAR, memo=memo, **bands)
               for offset in offsets]
    # a keyed place without its number is named but not located: the worst of all
    return replace(min(results, key=lambda result: (result.missing, result.collisions,
                                                    result.cost)), trim=True)


def _strips(figure, bounds, style: FigureStyle, min_label: float | None, width: float
            ) -> tuple[float, float]:
    """The bands above and below the frame where an off-map place north or south of it is
    named, beside its arrow and beyond the edge it points across (a name inside the frame
    would crowd the places at that edge: Berlin's over Tunis and Cairo)."""
    size = _label_sizes(style, min_label)[0]
    face = style.typeface
    bands = {"up": 0.0, "down": 0.0}
    for point in figure.points:
        if not point.off_map or inside(bounds, point.lon, point.lat):
            continue
        side = edge_point(bounds, point.lon, point.lat)[2]
        if side in bands:
            lines = face.wrap(arrowed(point.label, side), size, width - 2.0)
            bands[side] = max(bands[side], len(lines) * Typeface.line_height(size) + size * 0.3)
    return bands["up"], bands["down"]


def _label_sizes(style: FigureStyle, min_label: float | None) -> tuple[float, float]:
    """The size map labels start at and the smallest they may shrink to."""
    size = max(style.size, min_label or 0.0)
    return size, min_label or style.size


def _trimmed(scene: MapScene) -> MapScene:
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
    trimmed = MapScene(right - left, scene.height, rest=scene.rest)
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
             near: float | None = None, memo: dict | None = None, room: float = 0.0,
             top: float = 0.0, bottom: float = 0.0) -> _Placed:
    """The map drawn ``offset`` points from the left of a scene ``scene_width`` wide, its
    labels placed; with the number of labels that found no clean place and their cost, and
    what its key needs (``room``: the width a page's key may use, see ``draw_key``)."""
    scene = MapScene(scene_width, top + map_height + bottom)
    project = Projection(geo.bounds, geo.kind, map_width, map_height, offset, top)
    size, smallest = _label_sizes(style, min_label)
    frame = Box(offset, top, map_width, map_height)
    bounds = Box(0, 0, scene_width, top + map_height + bottom)
    grounds = map_colors(style)
    land, sea = grounds.land, grounds.sea
    corners = ((offset, top), (offset + map_width, top),
               (offset + map_width, top + map_height), (offset, top + map_height))

    scene.add(Path(corners, None, fill=sea, closed=True, role="sea"))
    coast_segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    land_rings: list[tuple[tuple[float, float], ...]] = []
    shaded = grounds.shaded
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
    positions, hosts = placed(spots, frame, size,
                              first=[point.marker == "capital" for point in figure.points],
                              fixed=[0.0 if side is None else ARROW * size for side in sides])
    # a place sharing another's marker (hidden under it) is keyed under a number at that
    # marker; the marker's own place (a capital, else the first named) keeps its name on
    # the map: Kyoto named by its ⊙, "1" beside it for Toba–Fushimi
    joined: set[int] = {id(point) for point, host in zip(figure.points, hosts)
                        if host is not None}
    drawn: list = [None] * len(figure.points)
    for index, (point, side, (x, y)) in enumerate(zip(figure.points, sides, positions)):
        if hosts[index] is not None:
            continue
        if side is None:
            radius = draw_marker(scene, point.marker, x, y, size, style)
        else:
            radius = edge_arrow(scene, x, y, side, size, style)
            point = point.model_copy(update={"label": arrowed(point.label, side),
                                             "position": INWARD[side], "marker": "city",
                                             "off_map": True})
        drawn[index] = (point, x, y, radius)
        if side is not None:  # the arrow's own box, inside the frame
            obstacles.append(arrow_box(x, y, side, size))
        elif radius:
            obstacles.append(Box(x - radius, y - radius, 2 * radius, 2 * radius))
    for index, point in enumerate(figure.points):
        if hosts[index] is not None:
            _, x, y, radius = drawn[hosts[index]]
            drawn[index] = (point, x, y, radius)
    markers = drawn

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
                bounds=bounds if scene_width > map_width or top or bottom else None,
                near=near, memo=memo,
                strokes=strokes, joined=frozenset(joined))
            if best is None or result[1] < best[1]:
                best = result
            if best[1] == 0:
                break
        texts, collisions, cost, unplaced, missing = best
        if collisions == 0 or label_size <= smallest:
            break
        label_size = max(smallest, label_size - 0.5)
    scene.items = knocked_out(scene.items, name_boxes(texts, style.typeface),
                              stroke_factor(style.size))
    for text in texts:
        scene.add(text)
    scene.add(Path(corners, style.muted, 0.75, closed=True, role="frame"))
    return _Placed(scene, collisions, cost, unplaced, label_size, offset, map_width, room,
                   missing=len(missing))


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

