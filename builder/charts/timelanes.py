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
        chosen = None
        for lane in range(2 * len(events) + 1):
            for side in ("above", "below"):
                for text_left, box_left, box_right in _placements(event, width, pad, sides):
                    box = Box(box_left, 0, box_right - box_left, 1)
                    if _clear(spots, side, lane, box, stems, gap) == 0:
                        chosen = _Spot(side, lane, text_left, box, stems)
                        break
                if chosen:
                    break
            if chosen:
                break
        if chosen is None:  # no clean lane: the placement crossing the fewest stems
            forced += 1
            options = []
            for lane in range(2 * len(events) + 1):
                for side in ("above", "below"):
                    for text_left, box_left, box_right in _placements(event, width, pad):
                        box = Box(box_left, 0, box_right - box_left, 1)
                        crossings = _clear(spots, side, lane, box, stems, gap)
                        if crossings < 1000:
                            options.append((crossings, lane, _Spot(side, lane, text_left, box,
                                                                   stems)))
            chosen = min(options, key=lambda option: option[:2])[2]
        placed[index] = chosen
        spots.append(_Reach(chosen.box.left - gap, 0.0, chosen.box.width + 2 * gap, 1.0,
                            chosen))
    return [placed[i] for i in range(len(events))], forced


@dataclass(frozen=True)
class _Reach:
    """A placed spot's extent along the axis, widened by the gap, as the index keeps it."""

    left: float
    top: float
    width: float
    height: float
    spot: _Spot


def _clear(spots: SpatialIndex, side: str, lane: int, box: Box, stems: tuple[float, ...],
           gap: float) -> int:
    """0 when the spot is clear; else 1000 for a label overlap in the lane (never allowed)
    plus one per stem crossing a label (ours through a nearer label, or a farther label's
    stem through ours). Only labels on the same side of the band count."""
    problems = 0
    # every test needs the other's widened extent to meet this box widened by the gap (the
    # stems lie within the boxes): only those labels are looked at
    for reach in spots.near((box.left - gap, 0.0, box.right + gap, 1.0)):
        other = reach.spot
        if other.side != side:
            continue
        other_left, other_right = other.box.left - gap, other.box.right + gap
        if other.lane == lane and not (box.right <= other_left or box.left >= other_right):
            problems += 1000
        if other.lane < lane:
            problems += sum(other_left <= x <= other_right for x in stems)
        if other.lane > lane:
            problems += sum(box.left - gap <= x <= box.right + gap for x in other.stems)
    return problems
