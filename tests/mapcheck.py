"""What a reader of a map sees, read back from a deck's map group or a map scene, and the
rules its place names must keep:

- a name touches its own marker (within a small gap) or has a leader to it;
- without a leader it is plainly nearer its own marker than any other (by 0.2 × its size:
  Uraga's name below its ✕ as near Kyoto's ⊙ read as Kyoto's);
- no name overlaps another name or another place's marker, and no leader crosses a name
  or another leader;
- no name is struck through by a drawn line (a range circle, a route), its stroke's width
  counted;
- an off-map place's name stands at the frame's edge by its arrow (or just beyond it);
- every marker covers its place's true position (projected afresh from lon/lat);
- every place is named, on the map or in its key (continued on later slides), and a keyed
  place's number stands by its marker (or is led to it);
- every marker lies wholly inside the map's frame.

Used by tests/test_map_labels.py; run it on a deck to list what breaks the rules:
``python tests/mapcheck.py deck.pptx source.yaml``.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, field

from pptx.util import Emu

from builder.charts.geo import clip_span

EMU = 12700.0
CLEARANCE = 0.0  # × a name's size a drawn line's stroke keeps from its box; 0.05 (as
# LibreOffice draws text a little wider and higher: "Spreading ridges" touched) still finds
# plate LP 'Tōhoku…' beside the map by the Ring of Fire's end at the frame: not done
NEARER = 0.2  # × a name's size: its own marker is nearer than any other by at least this
MARKERS = {"capital": 2, "battle": 2, "city": 1}  # shapes (scene items) each marker draws


@dataclass
class Marker:
    name: str
    cx: float
    cy: float
    radius: float
    off_map: bool = False
    spot: tuple[float, float] | None = None  # where the place really is


@dataclass
class Name:
    text: str
    box: tuple[float, float, float, float]  # left, top, right, bottom (points)
    size: float


@dataclass
class MapView:
    frame: tuple[float, float, float, float]
    markers: dict[str, Marker] = field(default_factory=dict)
    names: list[Name] = field(default_factory=list)
    leaders: list[tuple[tuple[float, float], tuple[float, float]]] = field(default_factory=list)
    lines: list[tuple[tuple[float, float], tuple[float, float]]] = field(default_factory=list)
    strokes: list[float] = field(default_factory=list)  # each line's stroke width (points)
    joined: dict[str, tuple[float, float]] = field(default_factory=dict)  # no marker of its own
    stray: int = 0  # markers drawn where no place is
    numbers: list[Name] = field(default_factory=list)  # keyed places' numbers by markers
    line_names: list[Name] = field(default_factory=list)  # the lines' names set on the map
    key: str = ""  # the map key's text (every keyed name, numbered "3 Kyoto")


def key(text: str) -> str:
    """A name compared without spaces, quotes, arrows or joiners (wrapping and typography
    change those, not the letters)."""
    return "".join(char for char in text if char.isalnum())


def _points_of(figure):
    """(key, marker kind, off_map) of each point in draw order."""
    return [(key(point.label), "off-map" if point.off_map else point.marker, point.off_map)
            for point in figure.points]


# --- reading ------------------------------------------------------------------------------

def _segments(points, closed):
    pairs = list(zip(points, points[1:]))
    if closed and len(points) > 2:
        pairs.append((points[-1], points[0]))
    return pairs


def from_scene(scene, figure, page: bool = True) -> MapView:
    """The view of a scene (builder.charts.scene items in points); ``page``: drawn as the
    guide draws it (without a deck's label floor)."""
    from builder.charts import scene as sc

    items = list(scene.items)
    frame = next(item for item in items if getattr(item, "role", "") == "sea")
    xs = [p[0] for p in frame.points]
    ys = [p[1] for p in frame.points]
    view = MapView((min(xs), min(ys), max(xs), max(ys)))
    drawn = [item for item in items if getattr(item, "role", "") in
             ("capital", "battle", "city", "off-map")]
    _pair_markers(view, figure, [(item.role, _item_box(item, sc)) for item in drawn], page)
    keys = []
    for item in items:
        role = getattr(item, "role", "")
        if role in ("place", "place-number", "line-label"):
            {"place": view.names, "place-number": view.numbers,
             "line-label": view.line_names}[role].append(
                Name("".join(item.lines), (item.left, item.top, item.left + item.width,
                                           item.top + item.height), item.size))
        elif role == "map-key":
            keys.append(" ".join(item.lines))
        elif role == "leader":
            view.leaders.append(tuple(item.points))
        elif role in ("map-line", "area"):
            pairs = _segments(list(item.points), item.closed)
            view.lines += pairs
            view.strokes += [item.stroke_width] * len(pairs)
    # the key continued after the map (a page's paragraph under the figure)
    view.key = " ".join([*keys, *getattr(scene, "rest", ())])
    return view


def _item_box(item, sc):
    if isinstance(item, sc.Circle):
        return (item.cx - item.radius, item.cy - item.radius, item.cx + item.radius,
                item.cy + item.radius)
    xs = [p[0] for p in item.points]
    ys = [p[1] for p in item.points]
    return min(xs), min(ys), max(xs), max(ys)


def _true_spots(frame, figure, page: bool):
    """Where each point really is on a map drawn in ``frame`` (x, y in the frame's
    coordinates; an off-map place's at the frame's edge), projected afresh from the
    figure's lon/lat: what a marker must cover."""
    from builder.charts.geo import Projection
    from builder.charts.mapframe import edge_point, inside, map_geography, unwrapped

    left, top, right, bottom = frame
    width, height = right - left, bottom - top
    geo = map_geography(figure, width, height, page=page)
    project = Projection(geo.bounds, geo.kind, width, height, left, top)
    spots = []
    for point in unwrapped(figure, geo.bounds).points:
        if inside(geo.bounds, point.lon, point.lat):
            spots.append(project(point.lon, point.lat))
        else:
            lon, lat, _ = edge_point(geo.bounds, point.lon, point.lat)
            spots.append(project(lon, lat))
    return spots


def _pair_markers(view: MapView, figure, drawn, page: bool = True) -> None:
    """Markers are drawn in the figure's point order (a capital and a battle mark draw two
    shapes, a place marked ``none`` none); a place sharing an earlier place's marker draws
    none (``view.joined``): a marker is paired with a place only where it covers the place's
    true position, projected afresh."""
    index = 0
    spots = _true_spots(view.frame, figure, page)
    for (name, kind, off_map), spot in zip(_points_of(figure), spots):
        count = 1 if kind == "off-map" else MARKERS.get(kind, 0)
        if not count:
            continue
        shapes = drawn[index:index + count]
        marker = None
        if len(shapes) == count and all(role == kind for role, _ in shapes):
            left = min(box[0] for _, box in shapes)
            top = min(box[1] for _, box in shapes)
            right = max(box[2] for _, box in shapes)
            bottom = max(box[3] for _, box in shapes)
            marker = Marker(name, (left + right) / 2, (top + bottom) / 2,
                            max(right - left, bottom - top) / 2, off_map, spot)
            if not off_map and math.hypot(marker.cx - spot[0], marker.cy - spot[1]) > \
                    marker.radius + 1.5:
                marker = None  # another place's marker: this one shares an earlier one's
        if marker is None:
            view.joined[name] = spot
            continue
        index += count
        view.markers[name] = marker
    view.stray = len(drawn) - index  # markers no place is at: moved off their places


def from_group(group, figure, keys: tuple = ()) -> MapView:
    """The view of a deck's map group (python-pptx shapes, child coordinates = slide's);
    ``keys``: the texts of its key continued on later slides."""
    shapes = list(group.shapes)
    role = lambda shape: shape.name.rsplit(" ", 1)[0]  # noqa: E731
    sea = next(shape for shape in shapes if role(shape) == "sea")
    view = MapView(_box(sea))
    drawn = [(role(shape), _box(shape)) for shape in shapes
             if role(shape) in ("capital", "battle", "city", "off-map")]
    _pair_markers(view, figure, drawn, page=False)
    texts = []
    for shape in shapes:
        kind = role(shape)
        if kind == "place":
            view.names.append(_name(shape))
        elif kind == "place-number":
            view.numbers.append(_name(shape))
        elif kind == "line-label":
            view.line_names.append(_name(shape))
        elif kind == "map-key":
            texts.append(shape.text_frame.text)
        elif kind == "leader":
            view.leaders.append(((shape.begin_x / EMU, shape.begin_y / EMU),
                                 (shape.end_x / EMU, shape.end_y / EMU)))
        elif kind in ("map-line", "area"):
            pairs = _segments(_freeform_points(shape), kind == "area")
            view.lines += pairs
            view.strokes += [shape.line.width / EMU if shape.line.width else 0.75] * len(pairs)
    view.key = " ".join([*texts, *keys]).replace("\v", " ").replace("\n", " ")
    return view


def _box(shape):
    return (shape.left / EMU, shape.top / EMU, (shape.left + shape.width) / EMU,
            (shape.top + shape.height) / EMU)


def _name(shape) -> Name:
    """A label's text box, less the headroom the painter adds on the side text grows."""
    frame = shape.text_frame
    paragraph = frame.paragraphs[0]
    size = next(run.font.size for run in paragraph.runs if run.font.size) / EMU
    left, top, right, bottom = _box(shape)
    slack = size * 0.4
    align = str(paragraph.alignment)
    if "RIGHT" in align:
        left += slack
    elif "CENTER" in align:
        left, right = left + slack / 2, right - slack / 2
    else:
        right -= slack
    return Name(frame.text, (left, top, max(left, right), bottom), size)


def _freeform_points(shape):
    """A freeform's vertices in slide points (python-pptx writes them at scale 1: EMU from
    the shape's offset)."""
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    points = []
    for element in shape._element.iter(f"{ns}pt"):
        points.append(((shape.left + int(element.get("x"))) / EMU,
                       (shape.top + int(element.get("y"))) / EMU))
    return points


# --- rules --------------------------------------------------------------------------------

def _distance(box, x, y) -> float:
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return math.hypot(dx, dy)


def _overlap(one, other, tolerance=0.5) -> bool:
    return not (one[2] <= other[0] + tolerance or other[2] <= one[0] + tolerance
                or one[3] <= other[1] + tolerance or other[3] <= one[1] + tolerance)


def _hits(box, a, b) -> bool:
    """Whether segment a–b passes through the box (left, top, right, bottom)."""
    return clip_span(a, b, box) is not None


def _shrunk(box, by):
    return (box[0] + by, box[1] + by, box[2] - by, box[3] - by)


def touch_limit(marker: Marker, size: float) -> float:
    """How far (points) a name may stand from its marker and still read as its, unled."""
    return marker.radius + size * 1.0


def problems(view: MapView) -> list[str]:
    """Every broken rule, one line each."""
    found = []
    by_key = {}
    for name in view.names:
        by_key.setdefault(key(name.text), name)
    left, top, right, bottom = view.frame
    for marker in view.markers.values():
        if (marker.cx - marker.radius < left - 0.5 or marker.cx + marker.radius > right + 0.5
                or marker.cy - marker.radius < top - 0.5
                or marker.cy + marker.radius > bottom + 0.5):
            found.append(f"marker of {marker.name!r} cut by the frame")
        if marker.spot is not None and not marker.off_map:
            moved = math.hypot(marker.cx - marker.spot[0], marker.cy - marker.spot[1])
            if moved > marker.radius + 1.0:
                found.append(f"marker of {marker.name!r} is {moved:.0f} pt from its place")
    found += _keyed_problems(view)
    if view.stray:
        found.append(f"{view.stray} marker shape(s) drawn away from every place")
    for name in view.names:
        marker = view.markers.get(key(name.text))
        if marker is None:
            continue  # a place drawn without a marker
        own = _distance(name.box, marker.cx, marker.cy)
        led = any(_distance(_grown(name.box, 1.0), *leader[0]) < 0.01
                  and math.hypot(leader[1][0] - marker.cx, leader[1][1] - marker.cy)
                  <= marker.radius + 2.0 for leader in view.leaders)
        if own > touch_limit(marker, name.size) and not led:
            found.append(f"{name.text!r} is {own:.0f} pt from its marker with no leader")
        beyond = marker.off_map and (name.box[3] <= top + 0.5 or name.box[1] >= bottom - 0.5)
        if not led and not beyond:  # (a name beyond the frame names no marker inside it)
            for other in view.markers.values():
                if other is marker:
                    continue
                if _distance(name.box, other.cx, other.cy) < own + name.size * NEARER:
                    found.append(f"{name.text!r} is nearer {other.name!r}'s marker than its own")
                    break
        if marker.off_map and own > touch_limit(marker, name.size):
            found.append(f"off-map {name.text!r} is {own:.0f} pt from its edge arrow")
        for other in view.markers.values():
            if other is not marker and _overlap(
                    name.box, (other.cx - other.radius, other.cy - other.radius,
                               other.cx + other.radius, other.cy + other.radius)):
                found.append(f"{name.text!r} covers {other.name!r}'s marker")
        for (a, b), stroke in zip(view.lines, view.strokes):
            # the line's stroke, not its centre: a thick dashed ridge half a stroke from
            # a name draws through its letters
            if _hits(_shrunk(name.box, 0.5 - stroke / 2 - name.size * CLEARANCE), a, b):
                found.append(f"{name.text!r} is struck by a drawn line")
                break
    for name in view.line_names:  # a line's name: beside its line, struck by none
        for (a, b), stroke in zip(view.lines, view.strokes):
            if _hits(_shrunk(name.box, 0.5 - stroke / 2 - name.size * CLEARANCE), a, b):
                found.append(f"line name {name.text!r} is struck by a drawn line")
                break
    for one_index, one in enumerate(view.names):
        for other in view.names[one_index + 1:]:
            if _overlap(one.box, other.box):
                found.append(f"{one.text!r} overlaps {other.text!r}")
    for leader in view.leaders:
        for name in view.names:
            if _distance(_grown(name.box, 1.0), *leader[0]) < 0.01:
                continue  # its own name: the leader starts on it
            if _hits(_shrunk(name.box, 0.5), *leader):
                found.append(f"a leader crosses {name.text!r}")
    for index, leader in enumerate(view.leaders):
        for other in view.leaders[index + 1:]:
            if _cross(leader, other):
                found.append("two leaders cross")
    for first, second in _marker_pairs(view):
        found.append(f"markers of {first!r} and {second!r} overlap")
    return found


def key_entries(text: str) -> list[tuple[str, str]]:
    """The numbered entries of a key ("1\u00a0Tunis, 2\u00a0Cairo"): (number, the text up
    to the next number); places sharing a marker share its number."""
    # a number opens the key or follows a space ("Mw 9.5 (1960)", "−10,994 m" in a name
    # are bound with no-break spaces too, but are no entry's number)
    marks = list(re.finditer(r"(?:^|(?<=[ \n]))(\d+)\u00a0", text))
    return [(mark.group(1), text[mark.end():following.start() if following else len(text)])
            for mark, following in zip(marks, [*marks[1:], None])]


def _keyed_problems(view: MapView) -> list[str]:
    """Every place is named (on the map or in the key) and located: a keyed place's number
    stands by its marker (the one it shares, if joined), or is led to it."""
    found = []
    named = {key(name.text) for name in view.names}
    entries = key_entries(view.key)
    whole = key(view.key)
    places = {**{name: (marker.cx, marker.cy) for name, marker in view.markers.items()},
              **view.joined}
    for name, spot in places.items():
        if name in named:
            continue
        if name not in whole:
            found.append(f"{name!r} is named nowhere (neither on the map nor in its key)")
            continue
        number = next((mark for mark, entry in entries
                       if key(entry).startswith(name)), None)
        if number is None:
            found.append(f"{name!r} is keyed without a number (named but not located)")
            continue
        # its own marker, or (joined) one covering its spot that it shares
        own = view.markers.get(name)
        hosts = [own] if own is not None else [
            m for m in view.markers.values()
            if math.hypot(m.cx - spot[0], m.cy - spot[1]) <= m.radius * 3 + 2.0]
        shown = [n for n in view.numbers if n.text.strip() == number]
        near = any(_distance(n.box, marker.cx, marker.cy) <= touch_limit(marker, n.size)
                   or any(_distance(_grown(n.box, 1.0), *leader[0]) < 0.01
                          and math.hypot(leader[1][0] - marker.cx, leader[1][1] - marker.cy)
                          <= marker.radius + 2.0 for leader in view.leaders)
                   for n in shown for marker in hosts)
        if not near:
            found.append(f"{name!r}'s number {number} is not by its marker")
    return found


def _cross(first, second) -> bool:
    """Whether two segments properly intersect."""
    (ax, ay), (bx, by) = first
    (cx, cy), (dx, dy) = second

    def side(px, py, qx, qy, rx, ry):
        return (qx - px) * (ry - py) - (qy - py) * (rx - px)

    return (side(cx, cy, dx, dy, ax, ay) * side(cx, cy, dx, dy, bx, by) < 0
            and side(ax, ay, bx, by, cx, cy) * side(ax, ay, bx, by, dx, dy) < 0)


def _marker_pairs(view):
    markers = list(view.markers.values())
    for index, one in enumerate(markers):
        for other in markers[index + 1:]:
            if math.hypot(one.cx - other.cx, one.cy - other.cy) < (one.radius + other.radius) * 0.9:
                yield one.name, other.name


def _grown(box, by):
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


def deck_views(path, source):
    """(slide number, figure id, view) of every map group in a deck built from ``source``."""
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    from builder.load.source import load_source
    from builder.model import MapFigure

    lecture = load_source(source).lecture
    maps = {figure.id: figure for figure in _figures(lecture) if isinstance(figure, MapFigure)}
    yield from views(Presentation(path), maps)


def views(deck, maps):
    """(slide number, group name, view) of each map group of a python-pptx deck, its view's
    key including the key continued on the slides after it (groups without a map)."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    found = []
    for number, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            name = shape.name.removeprefix("figure-")
            if shape.shape_type != MSO_SHAPE_TYPE.GROUP or name not in maps:
                continue
            if any(child.name.startswith("sea") for child in shape.shapes):
                found.append([number, shape.name, shape, maps[name], []])
            elif found and found[-1][1] == shape.name:  # its key, continued
                found[-1][4] += [child.text_frame.text for child in shape.shapes
                                 if child.has_text_frame]
    for number, name, shape, figure, keys in found:
        yield number, name, from_group(shape, figure, tuple(keys))


def _figures(lecture):
    found = []

    def walk(value):
        if hasattr(value, "kind") and getattr(value, "kind", None) == "map":
            found.append(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif hasattr(type(value), "model_fields"):
            for name in type(value).model_fields:
                walk(getattr(value, name))

    walk(lecture)
    return found


if __name__ == "__main__":
    total = 0
    for number, name, view in deck_views(sys.argv[1], sys.argv[2]):
        for line in problems(view):
            total += 1
            print(f"slide {number} {name}: {line}")
    print(f"{total} problem(s)")
