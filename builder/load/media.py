"""Is a named file what its field says it is? Images, fonts and GeoJSON, checked in full.

Each check reads bytes already bounded by ``builder.load.files`` and returns a sentence for
the line that named the file, or None. The checks decode as much as a renderer will, so a
file that passes here cannot fail later: an image is decoded (truncated pixel data, a
decompression bomb), a font's table directory is walked (a TrueType header on garbage), a
GeoJSON outline is parsed strictly (NaN, text coordinates, absurd nesting or size).
"""

from __future__ import annotations

import io
import json
import struct
import warnings
from typing import Any

MAX_PIXELS = 40_000_000  # a 48-megapixel phone photo at most; Pillow warns from 89 Mpx
MAX_VERTICES = 250_000  # positions in an outline (maps simplify outlines to their scale: 100,000 cost ~2 s)
MAX_DEPTH = 64
IMAGE_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "MPO": "JPEG"}
REQUIRED_TABLES = (b"cmap", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp")


def image_problem(data: bytes, shown: str) -> str | None:
    """Why ``data`` is not a PNG or JPEG a renderer can draw, or None."""
    from PIL import Image, UnidentifiedImageError  # Pillow only: validate stays renderer-free

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if IMAGE_FORMATS.get(image.format or "") is None:
                    return f"'{shown}' is a {image.format} image; use a PNG or JPEG"
                if width * height > MAX_PIXELS:
                    return _too_many_pixels(shown, width, height)
                image.load()
        except Image.DecompressionBombError:
            return f"'{shown}' claims more pixels than any picture needs; use a smaller image"
        except UnidentifiedImageError:
            if data.startswith((b"\x89PNG", b"\xff\xd8")):
                return (f"image '{shown}' cannot be read: it starts like a PNG or JPEG but is "
                        "damaged; save it again")
            return f"'{shown}' is not a PNG or JPEG image"
        except (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError,
                MemoryError):
            return (f"image '{shown}' cannot be read: its pixel data is damaged or cut short; "
                    "save it again")
    return None


def _too_many_pixels(shown: str, width: int, height: int) -> str:
    return (f"image '{shown}' is {width:,} × {height:,} pixels; the limit is "
            f"{MAX_PIXELS // 1_000_000} megapixels: scale it down")


def font_problem(data: bytes, shown: str) -> str | None:
    """Why ``data`` is not a TrueType font reportlab can embed, or None (walks the tables)."""
    head = data[:4]
    if head == b"OTTO":
        return (f"'{shown}' has PostScript (CFF) outlines; the PDF needs TrueType outlines: "
                "use the .ttf version of the font")
    if head == b"ttcf":
        return f"'{shown}' is a font collection (.ttc); give one .ttf font"
    if head not in (b"\x00\x01\x00\x00", b"true") or len(data) < 12:
        return f"'{shown}' is not a TrueType (.ttf) font"
    damaged = f"font '{shown}' is damaged (its table directory does not match the file)"
    count = struct.unpack(">H", data[4:6])[0]
    if count == 0 or 12 + 16 * count > len(data):
        return damaged
    tables: dict[bytes, tuple[int, int]] = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * index: 28 + 16 * index])
        if offset + length > len(data):
            return damaged
        tables[tag] = (offset, length)
    missing = [tag.decode("latin-1") for tag in REQUIRED_TABLES if tag not in tables]
    if missing:
        return f"font '{shown}' is damaged or incomplete (no {', '.join(missing)} table)"
    offset, length = tables[b"head"]
    if length < 54 or data[offset + 12: offset + 16] != b"\x5f\x0f\x3c\xf5":
        return damaged
    return None


class _Bad(Exception):
    pass


def _refuse_constant(name: str) -> Any:
    raise _Bad(f"contains {name}, which is not a number GeoJSON allows")


def geojson_problem(text: str, shown: str) -> str | None:
    """Why ``text`` is not a GeoJSON land outline a map can draw, or None."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except _Bad as error:
        return f"outline '{shown}' {error}"
    except RecursionError:
        return f"outline '{shown}' is nested too deeply to be GeoJSON"
    except json.JSONDecodeError as error:
        return f"outline '{shown}' is not JSON (line {error.lineno}, column {error.colno}: {error.msg})"
    if not isinstance(data, dict) or data.get("type") not in ("FeatureCollection", "Feature",
                                                              "Polygon", "MultiPolygon"):
        return (f"outline '{shown}' is not a GeoJSON FeatureCollection, Feature or "
                "(Multi)Polygon")
    try:
        vertices = _geometry_vertices(data, 0)
    except _Bad as error:
        return f"outline '{shown}': {error}"
    except RecursionError:
        return f"outline '{shown}' is nested too deeply to be GeoJSON"
    if vertices > MAX_VERTICES:
        return (f"outline '{shown}' has more than {MAX_VERTICES:,} points (the limit): use a "
                "simplified outline (e.g. Natural Earth 1:110m)")
    return None


def _geometry_vertices(item: Any, depth: int) -> int:
    """Count positions, checking each is [longitude, latitude] in range."""
    if depth > MAX_DEPTH:
        raise _Bad("nested too deeply")
    if not isinstance(item, dict):
        raise _Bad("a feature or geometry is not an object")
    kind = item.get("type")
    if kind == "FeatureCollection":
        features = item.get("features")
        if not isinstance(features, list):
            raise _Bad("a FeatureCollection has no 'features' list")
        return sum(_geometry_vertices(feature, depth + 1) for feature in features)
    if kind == "Feature":
        geometry = item.get("geometry")
        return 0 if geometry is None else _geometry_vertices(geometry, depth + 1)
    if kind == "GeometryCollection":
        geometries = item.get("geometries")
        if not isinstance(geometries, list):
            raise _Bad("a GeometryCollection has no 'geometries' list")
        return sum(_geometry_vertices(geometry, depth + 1) for geometry in geometries)
    nesting = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2,
               "MultiPolygon": 3}.get(kind)  # type: ignore[arg-type]
    if nesting is None:
        raise _Bad(f"unknown geometry type {str(kind)[:40]!r}")
    return _positions(item.get("coordinates"), nesting, kind)


def _positions(value: Any, nesting: int, kind: str) -> int:
    stack = [(value, nesting)]
    count = 0
    while stack:
        current, level = stack.pop()
        if not isinstance(current, list):
            raise _Bad(f"a {kind}'s coordinates are not nested lists of numbers")
        if level == 0:
            if len(current) < 2 or not all(isinstance(n, (int, float)) and not isinstance(n, bool)
                                           for n in current[:2]):
                raise _Bad(f"a {kind} has a position that is not [longitude, latitude] numbers")
            lon, lat = current[0], current[1]
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):  # NaN compares false
                raise _Bad(f"a {kind} has a position outside the world ({lon}, {lat})")
            count += 1
            if count > MAX_VERTICES:
                return count
        else:
            stack.extend((item, level - 1) for item in current)
    return count


MAX_UNPACKED = 300 * 1024 * 1024  # a template's parts together; a zip bomb claims far more
MAX_MEMBERS = 5000
REQUIRED_PARTS = ("[Content_Types].xml", "ppt/presentation.xml")


def template_problem(data: bytes, shown: str) -> str | None:
    """Why ``data`` is not a .pptx python-pptx can open: zip, parts, sizes, well-formed XML."""
    import zipfile
    from xml.etree import ElementTree

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return f"'{shown}' is not a .pptx (not a zip archive)"
    with archive:
        members = archive.infolist()
        names = {member.filename for member in members}
        missing = [part for part in REQUIRED_PARTS if part not in names]
        if missing:
            return f"'{shown}' is not a PowerPoint presentation (no {missing[0]})"
        if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
            return f"'{shown}' unpacks to more than {MAX_UNPACKED // 1024 // 1024} MB; use a smaller template"
        for member in members:
            if not member.filename.endswith((".xml", ".rels")):
                continue
            try:
                ElementTree.fromstring(archive.read(member))
            except ElementTree.ParseError:
                return (f"'{shown}' is damaged: its part {member.filename} is not well-formed "
                        "XML; save the template again from PowerPoint")
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                    RuntimeError):
                return f"'{shown}' is damaged: its part {member.filename} cannot be unpacked"
    return None
