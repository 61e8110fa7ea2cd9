"""Which part of the world a map shows: its region, projection and frame.

A source names the region by ``bounds``, by ``countries`` (their main bodies' box with a
margin), or both (the box around all of it). The projection follows the region when the
source says ``auto``: Mercator keeps shapes across a large region away from the poles;
a small one, or one reaching towards a pole or round the world, reads best equirectangular
at its middle latitude. A map drawn on the bundled world outlines then widens its frame to
the box the page or slide gives it, so the region sits in the middle of real geography
instead of in a small box with blank room beside it (a source's own outline covers only its
bounds, so such a map keeps them).

A region across the 180° meridian (a Pacific box written west > east, or Fiji and Samoa) is
unwrapped: its east runs past 180, and every longitude the map draws — places, lines, areas,
outlines — is brought onto the frame's side of the globe first (``unwrapped``), so the
projection and clipping stay plain arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder import atlas
from builder.charts.geo import Projection

Bounds = tuple[float, float, float, float]
MERCATOR_SPAN = 20.0  # degrees of latitude from which Mercator beats equirectangular
MERCATOR_LIMIT = 75.0  # …as long as the region stays this far from the poles
WORLD_SPAN = 150.0  # degrees of longitude from which a map shows (nearly) the world
MAX_LAT = 85.0
MAX_GROWTH = 2.5  # a frame widens at most this much to fill its box (Chile stays Chile)
PAGE_ASPECT = 0.8  # on a page, a wide region's frame grows no taller than this × its width


@dataclass(frozen=True)
class Geography:
    """What one map draws: its frame in lon/lat, the projection, and the world's rings in
    the frame (``shaded``: the countries the source names)."""

    bounds: Bounds
    kind: str
    land: tuple = ()
    shaded: tuple = ()


def natural_aspect(figure) -> float:
    """Height over width of the map's region once projected (before it fills its box)."""
    bounds = region(figure)
    return Projection.aspect(projection_for(figure, bounds), bounds)


def map_geography(figure, width: float, height: float, page: bool) -> Geography:
    """The frame for a ``width`` × ``height`` box: the region, widened to fill the box when
    the map stands on the world outlines (a source's own outline covers only its bounds),
    and the outlines that show in it."""
    base = region(figure)
    kind = projection_for(figure, base)
    if not figure.draws_world:
        return Geography(base, kind)
    natural = Projection.aspect(kind, base)
    target = height / width
    if page:
        target = min(target, max(natural, PAGE_ASPECT))
    target = min(max(target, natural / MAX_GROWTH), natural * MAX_GROWTH)
    bounds = filled(base, kind, target)
    detail = atlas.detail_for(bounds)
    # in the source's order (a set's order follows PYTHONHASHSEED: the shaded rings, and so
    # the drawn shapes, came out in another order in another process)
    named = dict.fromkeys(key for key in map(atlas.lookup, figure.countries) if key is not None)
    table = atlas.countries(detail)
    shaded, land, seen = [], [], set()
    for key, country in table.items():
        turns = _turns(country.bbox, bounds)
        if not turns:
            continue
        into = shaded if key in named else land
        for ring in country.rings:
            for turn in turns:
                moved = ring if not turn else tuple((x + turn, y) for x, y in ring)
                mark = (key, round(moved[0][0], 6), round(moved[0][1], 6), len(moved))
                if mark not in seen and _meets(moved, bounds):
                    # a ring across 180° is stored twice (east of 180, and west of -180):
                    # a frame that sees both copies once moved draws it once
                    seen.add(mark)
                    into.append(moved)
    return Geography(bounds, kind, tuple(land), tuple(shaded))


def _turns(box, bounds: Bounds) -> tuple[float, ...]:
    """The whole turns (0, ±360) by which a country's box meets a frame that may run past
    ±180°, so Tonga (-175) is drawn at 185 on a Pacific map running 110…295."""
    return tuple(turn for turn in (0.0, -360.0, 360.0)
                 if _box_meets((box[0] + turn, box[1], box[2] + turn, box[3]), bounds))


def _box_meets(box, bounds: Bounds) -> bool:
    return not (box[2] < bounds[0] or box[0] > bounds[2] or box[3] < bounds[1]
                or box[1] > bounds[3])


def _meets(ring, bounds: Bounds) -> bool:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return _box_meets((min(lons), min(lats), max(lons), max(lats)), bounds)


def unwrapped(figure, bounds: Bounds):
    """The figure with every longitude brought onto the frame's side of the globe: a point
    at -170 on a map running 110…295 at 190, east of 180; a line or area continuous (each
    vertex the short way from the one before, the first the short way from the frame's
    middle), so a route across 180° is not drawn back across the world."""
    centre = (bounds[0] + bounds[2]) / 2
    points = tuple(point.model_copy(update={"lon": atlas.near(point.lon, centre)})
                   for point in figure.points)
    lines = tuple(line.model_copy(update={"coordinates": unwrapped_ring(line.coordinates,
                                                                        centre)})
                  for line in figure.lines)
    areas = tuple(area.model_copy(update={"coordinates": unwrapped_ring(area.coordinates,
                                                                        centre)})
                  for area in figure.areas)
    return figure.model_copy(update={"points": points, "lines": lines, "areas": areas})


def turned(coordinates, bounds: Bounds) -> list[tuple[tuple[float, float], ...]]:
    """The line or ring as unwrapped, and its copies a whole turn east or west that meet
    the frame: on a map of the whole world a route from Tokyo to Honolulu runs off the
    right edge and on again from the left, instead of stopping at 180°."""
    coordinates = tuple(coordinates)
    lons = [lon for lon, _ in coordinates]
    if not lons:
        return []
    low, high = min(lons), max(lons)
    return [coordinates if not turn else tuple((lon + turn, lat) for lon, lat in coordinates)
            for turn in (0.0, -360.0, 360.0)
            if high + turn >= bounds[0] and low + turn <= bounds[2]]


def unwrapped_ring(coordinates, centre: float) -> tuple[tuple[float, float], ...]:
    """A line's or ring's (lon, lat) made continuous, starting the short way from
    ``centre`` (see ``unwrapped``)."""
    result = []
    previous = centre
    for lon, lat in coordinates:
        previous = atlas.near(lon, previous)
        result.append((previous, lat))
    return tuple(result)


def region(figure) -> Bounds:
    """The least the map must show (see ``builder.atlas.region``)."""
    return atlas.region(figure.bounds, figure.countries, places(figure))


def places(figure) -> list[tuple[float, float]]:
    """Where the map's points on it lie (off-map places are drawn at the edge instead)."""
    return [(point.lon, point.lat) for point in figure.points if not point.off_map]


def projection_for(figure, bounds: Bounds) -> str:
    """The source's projection, or for ``auto`` the one that suits the region's extent."""
    if figure.projection != "auto":
        return figure.projection
    west, south, east, north = bounds
    large = north - south >= MERCATOR_SPAN
    polar = max(abs(south), abs(north)) > MERCATOR_LIMIT
    if large and not polar and east - west < WORLD_SPAN:
        return "mercator"
    return "equirectangular"


def filled(bounds: Bounds, kind: str, aspect: float) -> Bounds:
    """``bounds`` widened (never narrowed) about its middle until its projected height over
    width is ``aspect``, kept inside the world (and off the poles)."""
    natural = Projection.aspect(kind, bounds)
    west, south, east, north = bounds
    if abs(natural - aspect) < 1e-3:
        return bounds
    if natural > aspect:  # taller than the box: widen east and west
        grow = (east - west) * (natural / aspect - 1) / 2
        crosses = west < -180 or east > 180
        west, east = west - grow, east + grow  # about its middle, across 180° if need be
        if east - west >= 360:  # the whole way round: Greenwich in the middle, unless the
            middle = (west + east) / 2 if crosses else 0.0  # region is the Pacific's
            west, east = middle - 180.0, middle + 180.0
        return west, south, east, north
    lo, hi = 0.0, MAX_LAT * 2  # wider than the box: add latitude, by bisection
    for _ in range(50):
        add = (lo + hi) / 2
        s, n = _vertical(south - add / 2, north + add / 2)
        if Projection.aspect(kind, (west, s, east, n)) < aspect and n - s < MAX_LAT * 2 - 1e-6:
            lo = add
        else:
            hi = add
    s, n = _vertical(south - hi / 2, north + hi / 2)
    return west, s, east, n


def _vertical(south: float, north: float) -> tuple[float, float]:
    """A latitude band moved (not cut) to stay within ±85°, cut only when wider than that."""
    if south < -MAX_LAT:
        north, south = min(MAX_LAT, north + (-MAX_LAT - south)), -MAX_LAT
    if north > MAX_LAT:
        south, north = max(-MAX_LAT, south - (north - MAX_LAT)), MAX_LAT
    return south, north


def _clamped(bounds: Bounds) -> Bounds:
    west, south, east, north = bounds
    return max(-180.0, west), max(-MAX_LAT, south), min(180.0, east), min(MAX_LAT, north)


def inside(bounds: Bounds, lon: float, lat: float) -> bool:
    return atlas.contains(bounds, lon, lat)


def edge_point(bounds: Bounds, lon: float, lat: float) -> tuple[float, float, str]:
    """Where the straight way from the region's middle to an off-map place leaves the frame,
    and which way it points (``left``, ``right``, ``up``, ``down``)."""
    west, south, east, north = bounds
    cx, cy = (west + east) / 2, (south + north) / 2
    dx, dy = atlas.near(lon, cx) - cx, lat - cy  # the short way round
    scales = []
    if dx:
        scales.append(((east if dx > 0 else west) - cx) / dx)
    if dy:
        scales.append(((north if dy > 0 else south) - cy) / dy)
    t = min(s for s in scales if s > 0) if scales else 1.0
    x, y = cx + dx * t, cy + dy * t
    if abs(x - east) < 1e-9 or abs(x - west) < 1e-9:
        side = "right" if dx > 0 else "left"
    else:
        side = "up" if dy > 0 else "down"
    return x, y, side
