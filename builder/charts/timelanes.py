"""Timeline lanes: each event's label gets a side and a lane so that no two labels or stems collide.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.charts.geometry import Box
from builder.charts.labels import SpatialIndex


@dataclass(frozen=True)


class LaneEvent:
    """One event's measured label and where its date falls on the axis."""

    date_text: str
    label_offset: float  # how far the label starts right of the date when inline (else 0)
    lines: tuple[str, ...]
    text_width: float
    height: float
    start: float
    end: float
    is_span: bool


@dataclass(frozen=True)


class _Spot:
    side: str  # "above" or "below" the axis band
    lane: int
    text_left: float
    box: Box  # horizontal extent only (top/height unused)
    stems: tuple[float, ...]


def _placements(event: LaneEvent, width: float, pad: float,
                sides: str = "right,left") -> list[tuple[float, float, float]]:
    """(text_left, box_left, box_right) choices, in the order ``sides`` names them: the label
    right of its stem (a span's label starts with its bar) or left of it."""
    choices = []
    right = event.start if event.is_span else event.start + pad
    left = event.start - pad - event.text_width
    lefts = [right if side == "right" else left for side in sides.split(",")]
    for text_left in lefts:
        text_left = min(max(text_left, 0.0), width - event.text_width)
        box_left = min(event.start, text_left) - pad / 2
        box_right = max(event.end, text_left + event.text_width) + pad / 2
        choices.append((text_left, box_left, box_right))
    return choices


def assign_lanes(events: list[LaneEvent], width: float, pad: float,
            gap: float) -> tuple[list[_Spot], int]:
    """Lanes for every event: greedy in date order and in reverse (a cluster of close events
    only clears its stems as a staircase, which one of the two orders builds); keep the result
    with fewest forced crossings, then fewest lanes. Returns the spots and that count."""
    best = None
    forward = list(range(len(events)))
    # Right-to-left with labels to the right (and the mirror) always has a clean answer: a
    # label then covers only stems already placed, and so placed lower.
    for order, sides in ((forward[::-1], "right"), (forward, "left"),
                         (forward[::-1], "right,left"), (forward, "left,right")):
        spots, forced = _greedy(events, order, width, pad, gap, sides)
        lanes = (1 + max((s.lane for s in spots if s.side == "above"), default=-1)
                 + 1 + max((s.lane for s in spots if s.side == "below"), default=-1))
        if best is None or (forced, lanes) < best[:2]:
            best = (forced, lanes, spots)
    return best[2], best[0]


def _greedy(events: list[LaneEvent], order: list[int], width: float, pad: float,
            gap: float, sides: str) -> tuple[list[_Spot], int]:
    """Place events in ``order``, each in the nearest clear lane; count the ones that had to
    be forced (their label put in a free lane above the rest, where a stem may cross it)."""
    placed: dict[int, _Spot] = {}
    # the labels placed so far, by their reach along the axis (the map labels' index): a spot
    # is tested only against labels it could touch, so a long timeline costs about n, not n²
    spots = SpatialIndex(cell=max(width / 6, pad, 1.0))
    forced = 0
    for index in order:
        event = events[index]
        stems = (event.start, event.end) if event.is_span else (event.start,)
        chosen = _first_clear(spots, event, stems, width, pad, gap, sides, 2 * len(events))
        if chosen is None:  # no clean lane: the placement crossing the fewest stems
            forced += 1
            chosen = _fewest_crossings(spots, event, stems, width, pad, gap, 2 * len(events))
        placed[index] = chosen
        spots.append(_Reach(chosen.box.left - gap, 0.0, chosen.box.width + 2 * gap, 1.0,
                            chosen))
    return [placed[i] for i in range(len(events))], forced


def _first_clear(spots: SpatialIndex, event: LaneEvent, stems: tuple[float, ...], width: float,
                 pad: float, gap: float, sides: str, last: int) -> _Spot | None:
    """The first clear spot in a scan of lanes 0..``last``, each side, each placement in
    turn. A spot is clear when, among the labels on its side, none in its lane overlaps it
    (extents widened by ``gap``), none in a nearer lane is crossed by its stems and none in
    a farther lane crosses it with theirs.

    For one side and placement, a label in lane k forbids lane k if it overlaps, every lane
    above k if our stems cross it, every lane below k if its stems cross us: the clear lanes
    run from the highest of the latter k to the lowest of the former, less the overlapped
    ones. One neighbour query per placement instead of one per lane, same answer as testing
    lane after lane (tests/test_timeline_lanes.py keeps that scan as the reference)."""
    best: tuple[int, int, int] | None = None  # (lane, side index, placement index)
    found = None
    placements = _placements(event, width, pad, sides)
    for p, (text_left, box_left, box_right) in enumerate(placements):
        box = Box(box_left, 0, box_right - box_left, 1)
        left, right = box.left, box.right
        nearby = spots.near((left - gap, 0.0, right + gap, 1.0))
        for s, side in enumerate(("above", "below")):
            low, high, taken = 0, last, set()
            for reach in nearby:
                other = reach.spot
                if other.side != side:
                    continue
                other_left, other_right = other.box.left - gap, other.box.right + gap
                if not (right <= other_left or left >= other_right):
                    taken.add(other.lane)
                if other.lane < high and any(other_left <= x <= other_right for x in stems):
                    high = other.lane
                if other.lane > low and any(left - gap <= x <= right + gap
                                            for x in other.stems):
                    low = other.lane
            lane = low
            while lane in taken:
                lane += 1
            if lane > high:
                continue
            if best is None or (lane, s, p) < best:
                best = (lane, s, p)
                found = _Spot(side, lane, text_left, box, stems)
    return found


def _fewest_crossings(spots: SpatialIndex, event: LaneEvent, stems: tuple[float, ...],
                      width: float, pad: float, gap: float, last: int) -> _Spot:
    """The spot crossing the fewest stems (ours through a nearer label's, a farther
    label's through ours), then in the lowest lane, then on the first side and placement,
    among the spots that overlap no label in their lane; from per-lane sums of the
    neighbours' crossings, as the lane-by-lane scan would count them."""
    best: tuple | None = None  # (crossings, lane, side index, placement index)
    found = None
    for p, (text_left, box_left, box_right) in enumerate(_placements(event, width, pad)):
        box = Box(box_left, 0, box_right - box_left, 1)
        left, right = box.left, box.right
        nearby = spots.near((left - gap, 0.0, right + gap, 1.0))
        top = max([last, *(reach.spot.lane for reach in nearby)]) + 1
        for s, side in enumerate(("above", "below")):
            overlap = [0] * top
            ours = [0] * top  # our stems through a label in lane k: lanes above k pay
            theirs = [0] * top  # its stems through us: lanes below k pay
            for reach in nearby:
                other = reach.spot
                if other.side != side:
                    continue
                other_left, other_right = other.box.left - gap, other.box.right + gap
                if not (right <= other_left or left >= other_right):
                    overlap[other.lane] += 1000
                ours[other.lane] += sum(other_left <= x <= other_right for x in stems)
                theirs[other.lane] += sum(left - gap <= x <= right + gap for x in other.stems)
            farther = sum(theirs)  # crossings from labels in lanes beyond this one
            nearer = 0  # …and from labels in lanes nearer the band
            for lane in range(last + 1):
                farther -= theirs[lane]
                crossings = overlap[lane] + nearer + farther
                if crossings < 1000 and (best is None or (crossings, lane, s, p) < best):
                    best = (crossings, lane, s, p)
                    found = _Spot(side, lane, text_left, box, stems)
                nearer += ours[lane]
    return found


@dataclass(frozen=True)
class _Reach:
    """A placed spot's extent along the axis, widened by the gap, as the index keeps it."""

    left: float
    top: float
    width: float
    height: float
    spot: _Spot
