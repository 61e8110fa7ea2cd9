"""World outlines that ship with the package: Natural Earth's countries (public domain), as
the npm package ``world-atlas`` publishes them (TopoJSON, ISC licence; see
``data/NOTICE.txt``).

A map names its region by country (a name as Natural Earth or ISO writes it, the name in a
lecture language the builder speaks, or an ISO 3166-1 alpha-2, alpha-3 or numeric code) and draws the outlines of every country in its
frame. Each TopoJSON file is decoded once per process, into rings of (lon, lat) per
country with a bounding box, so a map only clips the countries it can see. The 1:50m file
serves regional maps; the 1:110m file continents and the world, where 50m's detail would
be invisible and slow.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ATTRIBUTION = "Outlines: Natural Earth (public domain), via world-atlas"
DETAILED_SPAN = 60.0
MARGIN = 0.12  # of the countries' box, on every side, so coasts do not touch the frame
MIN_SPAN = 2.0  # degrees: a city state still gets some surroundings
MAX_LAT = 85.0
LARGE = 0.4  # a part this share of the main body's area counts from farther away  # degrees: a region narrower than this gets the 1:50m outlines

LonLat = tuple[float, float]
Ring = tuple[LonLat, ...]


@dataclass(frozen=True)
class Country:
    """One country's outline: its rings (outer rings only; lakes left out) and their box."""

    key: str  # ISO numeric id, or the name where Natural Earth gives none
    name: str
    a2: str | None
    a3: str | None
    rings: tuple[Ring, ...]
    bbox: tuple[float, float, float, float]  # west, south, east, north


@lru_cache(maxsize=1)
def _codes() -> dict[str, dict]:
    return json.loads((DATA / "codes.json").read_text(encoding="utf-8"))["countries"]


def _fold(text: str) -> str:
    """A name as compared: no accents, case, punctuation or spacing ('Côte d’Ivoire' ~
    'cote divoire'); letters of every script kept ('ブラジル', '대한민국')."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]", "", text.casefold())


@lru_cache(maxsize=1)
def _translations() -> dict[str, dict[str, list[str]]]:
    """Country key → language → its names there (``data/names.json``, from
    i18n-iso-countries: the languages ``text/words.yaml`` speaks)."""
    return json.loads((DATA / "names.json").read_text(encoding="utf-8"))["names"]


def _names(language: str | None) -> dict[str, list[str]]:
    """Country key → the names a lecture in ``language`` may write: the atlas's English
    names, and that language's (every vendored language's when ``language`` is None)."""
    primary = (language or "").split("-")[0].lower()
    result: dict[str, list[str]] = {}
    for key, entry in _codes().items():
        names = list(entry["names"])
        for code, translated in _translations().get(key, {}).items():
            if language is None or code == primary:
                names += translated
        result[key] = names
    return result


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Folded name or code → country key: English names and ISO codes first, so a name
    means what it means in English; then the names in every vendored language, so a map
    resolves the same country wherever it is looked up (the renderers know no language)."""
    index: dict[str, str] = {}
    for key, entry in _codes().items():
        for name in [*entry["names"], entry.get("a2"), entry.get("a3"), key]:
            if name and _fold(name):
                index.setdefault(_fold(name), key)
    for key, names in _names(None).items():
        for name in names:
            if _fold(name):
                index.setdefault(_fold(name), key)
    return index


def lookup(name: str) -> str | None:
    """The country key a name or code means (in English, in any lecture language the
    builder speaks — 'Brasil', 'Pérou', 'ブラジル' — or as ISO 3166-1 alpha-2, alpha-3 or
    numeric code), or None."""
    return _index().get(_fold(str(name)))


def suggestion(name: str, language: str | None = "en") -> str | None:
    """A close known name for an unknown one (for the error's fix), or None: among the
    English names and those of the lecture's ``language``, so a Spanish lecture's 'Brazill'
    hears 'Brasil' or 'Brazil', whichever is nearer."""
    import difflib

    folded = _fold(str(name))
    names: dict[str, str] = {}
    for candidates in _names(language or "en").values():
        for candidate in candidates:
            names.setdefault(_fold(candidate), candidate)
    names.pop("", None)
    match = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.7)
    return names[match[0]] if match else None


@lru_cache(maxsize=2)
def countries(detail: str = "110m") -> dict[str, Country]:
    """Every country of one file (``110m`` or ``50m``), decoded once."""
    topology = json.loads((DATA / f"countries-{detail}.json").read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    codes = _codes()
    result: dict[str, Country] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        key = geometry.get("id") or name
        polygons = (geometry.get("arcs") or []) if geometry["type"] == "MultiPolygon" \
            else [geometry.get("arcs") or []]
        rings = tuple(_ring(polygon[0], arcs) for polygon in polygons if polygon)
        rings = tuple(piece for ring in rings if len(ring) >= 4 for piece in _unwrapped(ring))
        if not rings:
            continue
        lons = [p[0] for ring in rings for p in ring]
        lats = [p[1] for ring in rings for p in ring]
        entry = codes.get(key, {})
        result[key] = Country(key, entry.get("name", name), entry.get("a2"), entry.get("a3"),
                              rings, (min(lons), min(lats), max(lons), max(lats)))
    return result


def _decode_arcs(topology) -> list[list[LonLat]]:
    """TopoJSON arcs to absolute (lon, lat): quantized positions are delta-encoded."""
    transform = topology.get("transform")
    if not transform:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for px, py, *_ in arc:
            x += px
            y += py
            points.append((x * kx + dx, y * ky + dy))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs: list[list[LonLat]]) -> Ring:
    """A ring joined from its arcs (a negative index ``~i`` runs arc ``i`` backwards); each
    arc after the first repeats the last point, which is dropped."""
    points: list[LonLat] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return tuple(points)


def _unwrapped(ring: Ring) -> tuple[Ring, ...]:
    """A ring that crosses the antimeridian (Chukotka, Fiji) made continuous, once east of
    180° and once shifted west of -180°, so a frame on either side clips the part it shows.
    A polar ring (Antarctica's runs along -90° from 180 to -180) is left as it is."""
    jumps = [(a, b) for a, b in zip(ring, ring[1:]) if abs(a[0] - b[0]) > 180]
    if not jumps or all(abs(a[1]) > 89 and abs(b[1]) > 89 for a, b in jumps):
        return (ring,)
    points = [ring[0]]
    shift = 0.0
    for a, b in zip(ring, ring[1:]):
        if b[0] - a[0] > 180:
            shift -= 360.0
        elif a[0] - b[0] > 180:
            shift += 360.0
        points.append((b[0] + shift, b[1]))
    if min(p[0] for p in points) < -180:
        points = [(x + 360.0, y) for x, y in points]
    return tuple(points), tuple((x - 360.0, y) for x, y in points)


def detail_for(bounds: tuple[float, float, float, float]) -> str:
    """Which file suits a frame: 1:50m for a region, 1:110m for a continent or the world."""
    west, south, east, north = bounds
    return "50m" if max(east - west, north - south) < DETAILED_SPAN else "110m"


def extent(keys: list[str], detail: str = "110m") -> tuple[float, float, float, float]:
    """The box around the named countries' main bodies: each country's largest ring and the
    rings near it, so France means metropolitan France and not French Guiana too."""
    boxes = []
    table = countries(detail)
    for key in keys:
        country = table.get(key) or countries("50m").get(key)
        if country is None:
            continue
        seen = [ring for ring in country.rings if -180 <= sum(_box(ring)[::2]) / 2 <= 180]
        main = max(seen, key=_area)
        box, large = _box(main), _area(main) * LARGE
        centre = (box[0] + box[2]) / 2  # every part taken the short way from the main body
        parts = [(_moved(_box(ring), centre), _area(ring)) for ring in country.rings]
        grown = True
        while grown:  # islands near the main body, and large parts near what it has become
            grown = False
            for other, area in parts:
                if _union(box, other) != box and (
                        _near(box, other) or (area >= large and _near(box, other, 1.5))):
                    box, grown = _union(box, other), True
        boxes.append(box)
    west, south, east, north = _shortest_union(boxes)
    return west, max(south, -MAX_LAT), east, min(north, MAX_LAT)


def _moved(box, centre: float) -> tuple[float, float, float, float]:
    """``box`` moved by whole turns so its middle lies within 180° of ``centre``."""
    middle = (box[0] + box[2]) / 2
    turn = near(middle, centre) - middle
    return box[0] + turn, box[1], box[2] + turn, box[3]


def _area(ring: Ring) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))) / 2


def _box(ring: Ring) -> tuple[float, float, float, float]:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return min(lons), min(lats), max(lons), max(lats)


def _near(main, other, reach: float = 0.25) -> bool:
    """Whether ``other``'s middle lies within ``reach`` × the main box's size of it (an
    island off the coast, not Alaska or an overseas territory)."""
    width, height = main[2] - main[0], main[3] - main[1]
    margin = max(width, height) * reach
    x, y = (other[0] + other[2]) / 2, (other[1] + other[3]) / 2
    return main[0] - margin <= x <= main[2] + margin and main[1] - margin <= y <= main[3] + margin


def _union(*boxes):
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))


def near(lon: float, centre: float) -> float:
    """``lon`` moved by whole turns to lie within 180° of ``centre``: the same place, on the
    side of the globe the map looks at (-170 near 175 is 190)."""
    return centre + (lon - centre + 180.0) % 360.0 - 180.0


def unwrap_bounds(bounds) -> tuple[float, float, float, float]:
    """A source's [west, south, east, north] with west < east: a box written with west >
    east crosses the 180° meridian, so its east is counted past 180 ([110, …, -65, …] runs
    110…295)."""
    west, south, east, north = (float(value) for value in bounds)
    return west, south, (east + 360.0 if west > east else east), north


def written(bounds) -> tuple[float, float, float, float]:
    """An unwrapped box as a source writes it: longitudes within -180…180 (west > east
    when it crosses the 180° meridian)."""
    west, south, east, north = bounds
    if east - west >= 360.0 - 1e-9:
        return -180.0, south, 180.0, north
    return near(west, 0.0), south, (near(east, 0.0) if east != 180.0 else 180.0), north


def contains(bounds, lon: float, lat: float) -> bool:
    """Whether (lon, lat) lies in an unwrapped box, whichever way round its longitude is."""
    west, south, east, north = bounds
    lon = near(lon, (west + east) / 2)
    return west - 1e-9 <= lon <= east + 1e-9 and south <= lat <= north


def _shortest_union(boxes) -> tuple[float, float, float, float]:
    """The narrowest box around all ``boxes`` on the sphere: each box may be moved by a
    whole turn, so Fiji (177…182), Tonga (-176…-173) and Samoa (-172…-171) are framed the
    short way round, across 180°, not across the world. Its west lies within -180…180."""
    boxes = list(boxes)
    if not boxes:
        return -180.0, -60.0, 180.0, MAX_LAT
    best = None
    for reference in boxes:
        centre = (reference[0] + reference[2]) / 2
        moved = []
        for box in boxes:
            middle = (box[0] + box[2]) / 2
            turn = near(middle, centre) - middle
            moved.append((box[0] + turn, box[1], box[2] + turn, box[3]))
        union = _union(*moved)
        if best is None or union[2] - union[0] < best[2] - best[0] - 1e-9:
            best = union
    west, south, east, north = best
    if east - west >= 360.0:
        return -180.0, south, 180.0, north
    turn = near(west, 0.0) - west if not -180.0 <= west < 180.0 else 0.0
    return west + turn, south, east + turn, north


def region(bounds, names, places=()) -> tuple[float, float, float, float]:
    """The least a map must show: its ``bounds``, the named countries' main bodies with a
    margin, or the box around both; at least ``MIN_SPAN`` degrees each way. Without
    ``bounds``, the (lon, lat) ``places`` the map marks are framed too: a town just beyond
    the countries' coast is on the map rather than an error.

    The box is unwrapped: west < east always, and a region across the 180° meridian runs
    past 180, its west within -180…180, so projecting and clipping it is
    plain arithmetic (see ``near`` for bringing a longitude onto it)."""
    boxes = []
    keys = [key for key in (lookup(name) for name in names or ()) if key]
    if keys:
        west, south, east, north = extent(keys)
        if bounds is None and places:
            centre = (west + east) / 2
            west, south, east, north = _union(
                (west, south, east, north), *[(near(x, centre), y, near(x, centre), y)
                                              for x, y in places])
        margin = max(east - west, north - south, MIN_SPAN) * MARGIN
        boxes.append((west - margin, south - margin, east + margin, north + margin))
    if bounds is not None:
        boxes.append(unwrap_bounds(bounds))
    if not boxes:
        return -180.0, -60.0, 180.0, MAX_LAT
    west, south, east, north = _shortest_union(boxes)
    if east - west < MIN_SPAN:
        west, east = (east + west - MIN_SPAN) / 2, (east + west + MIN_SPAN) / 2
    if north - south < MIN_SPAN:
        south, north = (north + south - MIN_SPAN) / 2, (north + south + MIN_SPAN) / 2
    if east - west >= 360.0:
        west, east = -180.0, 180.0
    return west, max(-MAX_LAT, south), east, min(MAX_LAT, north)
