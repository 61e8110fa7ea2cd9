"""Map projection and GeoJSON outlines: longitude/latitude to points in a box, north up.

Equirectangular uses the bounds' middle latitude as its standard parallel (so a country at
38°N is not stretched sideways); Mercator keeps shapes. Outlines are clipped to the map's
bounds before projecting, so a neighbouring country never spills outside the frame.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

LonLat = tuple[float, float]
Ring = list[LonLat]


@dataclass(frozen=True)
class Projection:
    """Projects lon/lat inside ``bounds`` onto a ``width`` × ``height`` box (origin top-left)."""

    bounds: tuple[float, float, float, float]
    kind: str
    width: float
    height: float
    left: float = 0.0
    top: float = 0.0

    @staticmethod
    def raw(kind: str, bounds: tuple[float, float, float, float], lon: float,
            lat: float) -> tuple[float, float]:
        """Unscaled projected (x, y), y growing northward."""
        if kind == "mercator":
            return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        middle = math.radians((bounds[1] + bounds[3]) / 2)
        return math.radians(lon) * math.cos(middle), math.radians(lat)

    @classmethod
    def aspect(cls, kind: str, bounds: tuple[float, float, float, float]) -> float:
        """Height / width of the bounds once projected."""
        west, south, east, north = bounds
        x0, y0 = cls.raw(kind, bounds, west, south)
        x1, y1 = cls.raw(kind, bounds, east, north)
        return (y1 - y0) / (x1 - x0)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        west, south, east, north = self.bounds
        x0, y0 = self.raw(self.kind, self.bounds, west, south)
        x1, y1 = self.raw(self.kind, self.bounds, east, north)
        x, y = self.raw(self.kind, self.bounds, lon, lat)
        return (self.left + (x - x0) / (x1 - x0) * self.width,
                self.top + (y1 - y) / (y1 - y0) * self.height)


    def many(self, points) -> list[tuple[float, float]]:
        """``[self(lon, lat) for lon, lat in points]`` with the same arithmetic, the constants
        worked out once (an outline of 100,000 positions is projected per drawing)."""
        west, south, east, north = self.bounds
        x0, y0 = self.raw(self.kind, self.bounds, west, south)
        x1, y1 = self.raw(self.kind, self.bounds, east, north)
        dx, dy, width, height, left, top = x1 - x0, y1 - y0, self.width, self.height, \
            self.left, self.top
        radians = math.radians
        if self.kind == "mercator":
            log, tan, quarter = math.log, math.tan, math.pi / 4
            return [(left + (radians(lon) - x0) / dx * width,
                     top + (y1 - log(tan(quarter + radians(lat) / 2))) / dy * height)
                    for lon, lat in points]
        across = math.cos(radians((south + north) / 2))
        return [(left + (radians(lon) * across - x0) / dx * width,
                 top + (y1 - radians(lat)) / dy * height) for lon, lat in points]


def read_outline(path: Path) -> tuple[list[Ring], list[Ring]]:
    """(polygons, lines) from a GeoJSON file: outer rings of every (Multi)Polygon, and every
    (Multi)LineString (rivers, borders). Inner rings (lakes) are left out."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    polygons: list[Ring] = []
    lines: list[Ring] = []
    for geometry in _geometries(data):
        kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
        if kind == "Polygon":
            polygons += [_ring(coordinates[0])] if coordinates else []
        elif kind == "MultiPolygon":
            polygons += [_ring(polygon[0]) for polygon in coordinates if polygon]
        elif kind == "LineString":
            lines.append(_ring(coordinates))
        elif kind == "MultiLineString":
            lines += [_ring(line) for line in coordinates]
    return polygons, lines


def _geometries(data) -> list[dict]:
    if not isinstance(data, dict):
        return []
    kind = data.get("type")
    if kind == "FeatureCollection":
        return [g for feature in data.get("features") or [] for g in _geometries(feature)]
    if kind == "Feature":
        return _geometries(data.get("geometry") or {})
    if kind == "GeometryCollection":
        return [g for one in data.get("geometries") or [] for g in _geometries(one)]
    return [data]


def _ring(coordinates) -> Ring:
    return [(float(point[0]), float(point[1])) for point in coordinates]


def clip_polygon(ring: Ring, bounds: tuple[float, float, float, float]) -> Ring:
    """Sutherland–Hodgman clipping of a polygon to the lon/lat rectangle."""
    west, south, east, north = bounds
    if ring:  # wholly inside (the usual case for an outline of the mapped country): as it is
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        if west <= min(xs) and max(xs) <= east and south <= min(ys) and max(ys) <= north:
            return list(ring)
    edges = ((lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
             (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
             (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
             (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)))
    output = list(ring)
    for inside, cross in edges:
        points, output = output, []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    output.append(cross(previous, current))
                output.append(current)
            elif inside(previous):
                output.append(cross(previous, current))
        if not output:
            return []
    return output


def clip_line(line: Ring, bounds: tuple[float, float, float, float]) -> list[Ring]:
    """A polyline cut to the rectangle: the pieces that lie inside (Liang–Barsky per segment)."""
    pieces: list[Ring] = []
    current: Ring = []
    for a, b in zip(line, line[1:]):
        clipped = clip_segment(a, b, bounds)
        if clipped is None:
            if len(current) > 1:
                pieces.append(current)
            current = []
            continue
        start, end = clipped
        if current and current[-1] == start:
            current.append(end)
        else:
            if len(current) > 1:
                pieces.append(current)
            current = [start, end]
    if len(current) > 1:
        pieces.append(current)
    return pieces


def clip_span(a: LonLat, b: LonLat, bounds) -> tuple[float, float] | None:
    """The parameters (0–1) of segment a–b inside ``bounds`` = (low x, low y, high x, high y),
    or None (Liang–Barsky): the one clip behind lon/lat clipping, the names' knock-outs and the
    tests' hit checks."""
    west, south, east, north = bounds
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in ((-dx, a[0] - west), (dx, east - a[0]), (-dy, a[1] - south), (dy, north - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return low, high


def clip_segment(a: LonLat, b: LonLat, bounds) -> tuple[LonLat, LonLat] | None:
    """The part of segment a–b inside ``bounds`` = (low x, low y, high x, high y), or None."""
    span = clip_span(a, b, bounds)
    if span is None:
        return None
    low, high = span
    dx, dy = b[0] - a[0], b[1] - a[1]
    start = a if low == 0 else (a[0] + low * dx, a[1] + low * dy)
    end = b if high == 1 else (a[0] + high * dx, a[1] + high * dy)
    return start, end


def _at_x(a: LonLat, b: LonLat, x: float) -> LonLat:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _at_y(a: LonLat, b: LonLat, y: float) -> LonLat:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y
