"""The numbers by a map's markers that tie each keyed name to its place ("3" by Kyoto's
marker, "3 Kyoto" in the key): by the marker, else farther off with a leader, else (a box
kept for it before any name is placed) on the next try; see builder.charts.maplabels.
"""

from __future__ import annotations

from builder.charts.geometry import Box
from builder.charts.labelboxes import SIDE_ORDER as _SIDE_ORDER
from builder.charts.labelboxes import candidate as _candidate, measure as _measure
from builder.charts.labelchoice import choose as _choose
from builder.charts.leaders import box_distance, leader_line
from builder.charts.scene import Text

TOUCH = 0.8  # a number within this many × its size of its marker touches it (maplabels')
BESIDE_REACH = 0.3  # as a name's (maplabels): beside the map only from the side it is near
BESIDE_SIZES = 6.0  # …or this many sizes from it (a narrow map)
NUMBER_STEPS = (1.0, 1.4, 2.2, 3.2, 4.6, 6.5, 9.0, 12.0)  # offsets: by it, then led


def number_keyed(markers, failed, unplaced, face, size, bounds, edge, placed, clear_of,
                  segments, strokes, obstacles, style, spacing, led, reserved=None
                  ) -> tuple[list, set[int]]:
    """A small number by the marker of each place whose name went to the key ("1"), the key
    naming it "1 Tunis": a keyed name is then still tied to its marker. Places sharing one
    marker (``markers.placed``) share its number. A number with no room by its marker
    stands farther off, joined to it by a leader; ``reserved`` holds the places for which
    a box was kept before any name was placed. Returns the numbers and their leaders, and
    the places whose number found no clean place (listed in the key without one)."""
    numbers: list = []
    leaders: list = []
    missing: set[int] = set()
    reserved = reserved or {}
    names = {id(point): point.label for point, *_ in markers}
    at_spot: dict[tuple[float, float], str] = {}
    for point, x, y, radius in markers:
        if id(point) not in failed or names[id(point)] not in unplaced:
            continue
        mark = at_spot.get((x, y))
        if mark is None:
            mark = str(len(numbers) + 1)
            label = _measure(mark, face, size, size * 4)
            found = reserved.get(id(point)) or number_box(
                point, x, y, radius, label, size, bounds, edge, placed, clear_of, segments,
                strokes, obstacles, style, spacing, led)
            if found is None:
                missing.add(id(point))
                continue
            box, leader = found
            if leader is not None:
                leaders.append(leader)
            numbers.append(Text(box.left, box.top, box.width, label.lines, size, style.text,
                                align(box, x), bold=True, role="place-number"))
            at_spot[(x, y)] = mark
        index = unplaced.index(names[id(point)])
        unplaced[index] = f"{mark}\u00a0{unplaced[index]}"  # never parted
    # the key reads 1, 2, 3 …, then the names no number found room for
    names_at = [index for index, entry in enumerate(unplaced) if isinstance(entry, str)]
    ranked = sorted((unplaced[index] for index in names_at), key=_number_of)
    for index, name in zip(names_at, ranked):
        unplaced[index] = name
    return [*leaders, *numbers], missing


def number_box(point, x, y, radius, label, size, bounds, edge, placed, clear_of, segments,
                strokes, obstacles, style, spacing, led):
    """Where a keyed place's number stands (placed: added to ``placed``, its leader to the
    lines), and its leader (None when it touches the marker); None when nowhere is clean."""
    offset = max(radius, size * 0.2) + size * 0.2
    candidates = [_candidate(side, x, y, label, offset * step) for step in NUMBER_STEPS
                  for side in _SIDE_ORDER[point.position]]
    if edge is not None:  # …or in the room beside the map on the side it is near, led to it
        sides = [left for left, near_side in ((edge.left - size * 0.4 - label.width,
                                                x - edge.left),
                                               (edge.right + size * 0.4, edge.right - x))
                 if near_side <= max(edge.width * BESIDE_REACH, size * BESIDE_SIZES)]
        candidates += [Box(left, y - label.height / 2 + k * label.height, label.width,
                           label.height)
                       for k in (0, -1, 1, -2, 2, -3, 3) for left in sides]
    reach = radius + size * TOUCH
    box, hard = _choose(candidates, bounds, placed, clear_of, segments, crossing_cost=8.0,
                        target=(x, y, radius, reach, obstacles, led), spacing=spacing,
                        strokes=strokes, edge=edge)
    if hard:
        return None
    placed.append(box)
    leader = None
    if box_distance(box, (x, y), (x, y)) > reach:
        leader = leader_line(box, [((x, y), (x, y))], style.muted, radius)
        segments.append(leader.points)
        strokes.append(leader.points)
        led.append(leader.points)
    return box, leader


def _number_of(name: str) -> int:
    """A key entry's number ("3\u00a0Kyoto" → 3); unnumbered entries after every number."""
    head, joiner, _ = name.partition("\u00a0")
    return int(head) if joiner and head.isdigit() else 1 << 30




def align(box: Box, x: float) -> str:
    """A label's alignment seen from its marker at ``x``: away from it."""
    if box.left >= x:
        return "left"
    if box.right <= x:
        return "right"
    return "center"
