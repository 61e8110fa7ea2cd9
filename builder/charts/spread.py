"""Labels along one line, as near their anchors as they can stand without touching.

Boxes of known widths, each wanting its centre at an anchor (the anchors in order along the
line), are set in that order with at least ``gap`` between neighbours and inside
``[low, high]``, moving as little as possible: the placement that minimises the sum of the
squared moves. Written with each box's least offset from the first (``o``), the centres
``c`` become ``y = c - o``, the spacing rule becomes "``y`` never decreases", and the best
``y`` is the isotonic regression of ``anchor - o``: the pool-adjacent-violators pass, linear
in the boxes. Clamping it to the bounds keeps it optimal. No search, no candidates tried.

Both outputs draw the result: a timeline's key badges and band years, a pie's stacked
labels, a chart's tick numbers along its value axis (``placed``). A timeline's lanes are
another problem (a level for each label, not a place along one line: ``timelanes``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Slot:
    """One box on the line: its ``width`` and the centre it wants (``anchor``)."""

    anchor: float
    width: float


def fits(slots: list[Slot], gap: float, low: float, high: float) -> bool:
    """Whether the boxes, side by side with ``gap`` between, fit ``[low, high]`` at all."""
    return sum(s.width for s in slots) + gap * max(len(slots) - 1, 0) <= high - low + 1e-9


def spread(slots: list[Slot], gap: float, low: float, high: float) -> list[float]:
    """Centres for ``slots`` (ordered by anchor) that keep ``gap`` apart inside
    ``[low, high]`` and move the boxes least (see the module docstring). When they cannot
    all fit, they are set side by side from ``low`` (the caller should merge first)."""
    if not slots:
        return []
    offsets = [0.0]
    for before, after in zip(slots, slots[1:]):
        offsets.append(offsets[-1] + (before.width + after.width) / 2 + gap)
    wanted = [s.anchor - o for s, o in zip(slots, offsets)]
    # pool adjacent violators: blocks of (sum, count), each block's mean at least the last's
    sums: list[float] = []
    counts: list[int] = []
    for value in wanted:
        sums.append(value)
        counts.append(1)
        while len(sums) > 1 and sums[-2] / counts[-2] > sums[-1] / counts[-1]:
            total, count = sums.pop(), counts.pop()
            sums[-1] += total
            counts[-1] += count
    shifts: list[float] = []
    for total, count in zip(sums, counts):
        shifts.extend([total / count] * count)
    least = low + slots[0].width / 2
    most = high - slots[-1].width / 2 - offsets[-1]
    if most < least:
        most = least
    return [min(max(y, least), most) + o for y, o in zip(shifts, offsets)]


def placed(slots: list[Slot], gap: float, low: float, high: float) -> list[float]:
    """Centres for a line of labels (ordered by anchor): ``spread`` when they fit side by
    side, else each at its anchor, only pulled inside ``[low, high]`` (too many to keep
    apart: the caller has thinned them as far as it could). What the timeline band's years
    and a chart's tick numbers stand on."""
    if fits(slots, gap, low, high):
        return spread(slots, gap, low, high)
    return [min(max(s.anchor, low + s.width / 2), high - s.width / 2) for s in slots]


def every_kth(slots: list[Slot], gap: float, low: float, high: float) -> list[int]:
    """Indexes of the labels to keep when not all fit: every k-th from the first, the
    smallest k that lets them stand side by side (gridlines stay; their numbers thin out,
    never drawn over each other). All of them when they fit."""
    for step in range(1, len(slots) + 1):
        kept = list(range(0, len(slots), step))
        if fits([slots[i] for i in kept], gap, low, high):
            return kept
    return [0] if slots else []


__all__ = ["Slot", "every_kth", "fits", "placed", "spread"]
