"""Timeline lanes: the fast search (one neighbour query per placement) picks exactly the spots
the plain scan does, lane after lane, side after side, placement after placement.

The scan below is the rule as it was first written (builder/charts/timelanes.py before the
fast search); random timelines, dense ones that force crossings among them, are compared spot
for spot.
"""

from __future__ import annotations

import random

import pytest

from builder.charts import timelanes
from builder.charts.geometry import Box
from builder.charts.labels import SpatialIndex
from builder.charts.timelanes import LaneEvent, _placements, _Reach, _Spot


def _clear(spots, side, lane, box, stems, gap) -> int:
    problems = 0
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


def _scan(events, order, width, pad, gap, sides):
    placed = {}
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
        if chosen is None:
            forced += 1
            options = []
            for lane in range(2 * len(events) + 1):
                for side in ("above", "below"):
                    for text_left, box_left, box_right in _placements(event, width, pad):
                        box = Box(box_left, 0, box_right - box_left, 1)
                        crossings = _clear(spots, side, lane, box, stems, gap)
                        if crossings < 1000:
                            options.append((crossings, lane,
                                            _Spot(side, lane, text_left, box, stems)))
            chosen = min(options, key=lambda option: option[:2])[2]
        placed[index] = chosen
        spots.append(_Reach(chosen.box.left - gap, 0.0, chosen.box.width + 2 * gap, 1.0,
                            chosen))
    return [placed[i] for i in range(len(events))], forced


def _events(rng: random.Random, width: float) -> list[LaneEvent]:
    events = []
    for _ in range(rng.randint(1, 20)):
        start = rng.uniform(0, width) if rng.random() < 0.7 else rng.choice([10.0, 11.0, 200.0])
        span = rng.random() < 0.3
        end = min(width, start + rng.uniform(0, 120)) if span else start
        events.append(LaneEvent("1950", 0.0, ("label",), rng.uniform(10, 160), 10.0, start,
                                end, span))
    return events


@pytest.mark.parametrize("seed", range(6))
def test_fast_lanes_are_the_scans_lanes(seed):
    rng = random.Random(seed)
    forced_seen = 0
    for _ in range(8):
        width = rng.choice([300.0, 500.0])
        events = _events(rng, width)
        pad, gap = rng.choice([(4.0, 2.0), (6.0, 3.0)])
        order = list(range(len(events)))
        for order, sides in ((order[::-1], "right"), (order, "left"),
                             (order[::-1], "right,left"), (order, "left,right")):
            fast = timelanes._greedy(events, order, width, pad, gap, sides)
            slow = _scan(events, order, width, pad, gap, sides)
            assert fast == slow
            forced_seen += slow[1]
    assert forced_seen > 0  # the dense cases reach the forced branch too
