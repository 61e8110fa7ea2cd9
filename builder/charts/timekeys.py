"""Keys that tie a listed timeline's marks to its list: numbered badges above the band.

In the list form (``builder.charts.timelist``) the events are marked on the band and read in
a list beside it; an unkeyed dot cannot say which line of the list it is. Each event is
numbered in date order (the list prints the same number before its date), and the numbers
stand in one row of badges above the band, each joined by a leader to its mark. The badges
are spread along the row by ``builder.charts.spread`` (as near their marks as they can stand
apart, never crossing: the badges keep the marks' order, so no two leaders cross); when the
row cannot hold one badge per event, the closest neighbours share one ("4–6") until it can.

A leader ends on the band's top edge at its event's date, where the lane form puts a dot:
nothing is drawn over the band's own labels ("1865", "Oct 16"), and the row costs only the
badges' height and the leaders' slant.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.charts.scene import Circle, Path, Rect, Scene, Text, Typeface
from builder.charts.spread import Slot, fits, spread
from builder.charts.style import FigureStyle

LEADER = 0.6  # × the text size: the height the leaders have to slant in


@dataclass(frozen=True)
class KeyGroup:
    """Events ``first``..``last`` (indexes in date order) under one badge centred at
    ``centre``; ``targets`` are the x of their marks."""

    first: int
    last: int
    targets: tuple[float, ...]
    text: str
    width: float
    centre: float = 0.0

    @property
    def anchor(self) -> float:
        return (min(self.targets) + max(self.targets)) / 2


def key_text(index: int) -> str:
    """The key an event is known by, in the row and in the list: its number in date order."""
    return str(index + 1)


def badge_diameter(face, size: float, count: int, first: int = 0) -> float:
    """One size of round badge for every single key, wide enough for the longest number
    (keys count from ``first``: a continued list goes on numbering)."""
    widest = face.width(key_text(first + count - 1), size, bold=True)
    return max(Typeface.line_height(size), widest + size * 0.45)


def keys_height(size: float, diameter: float) -> float:
    """The room the badge row and its leaders take above the band."""
    return diameter + size * LEADER


def key_groups(targets: list[float], face, size: float, width: float, gap: float,
               diameter: float, offset: int = 0) -> list[KeyGroup]:
    """Badges for events whose marks stand at ``targets`` (in date order, numbered from
    ``offset``), placed along a row ``width`` wide; neighbours merged, closest first, until
    the row holds them."""

    def group(first: int, last: int) -> KeyGroup:
        text = (key_text(first + offset) if first == last
                else f"{key_text(first + offset)}–{key_text(last + offset)}")
        badge = diameter if first == last else max(
            diameter, face.width(text, size, bold=True) + size * 0.6)
        return KeyGroup(first, last, tuple(targets[first:last + 1]), text, badge)

    groups = [group(i, i) for i in range(len(targets))]

    def slots() -> list[Slot]:
        return [Slot(g.anchor, g.width) for g in groups]

    while len(groups) > 1 and not fits(slots(), gap, 0.0, width):
        join = min(range(len(groups) - 1),
                   key=lambda i: (groups[i + 1].anchor - groups[i].anchor, i))
        groups[join:join + 2] = [group(groups[join].first, groups[join + 1].last)]
    centres = spread(slots(), gap, 0.0, width)
    return [KeyGroup(g.first, g.last, g.targets, g.text, g.width, c)
            for g, c in zip(groups, centres)]


def draw_keys(scene: Scene, groups: list[KeyGroup], spans: set[int], style: FigureStyle,
              colors: tuple, diameter: float, band_top: float) -> None:
    """Paint the badge row from the figure's top: badges, their numbers and the leaders
    to the events' places on ``band_top`` (a span's bar hangs below the band)."""
    size = style.size
    point_color, span_color = colors
    for group in groups:
        single = group.first == group.last
        color = span_color if single and group.first in spans else point_color
        middle = diameter / 2
        if single:
            scene.add(Circle(group.centre, middle, diameter / 2, color, style.background, 0.75,
                             role="key"))
        else:
            scene.add(Rect(group.centre - group.width / 2, 0.0, group.width, diameter, color,
                           role="key"))
        text_width = style.typeface.width(group.text, size, bold=True) + 1.0
        line = Typeface.line_height(size)
        scene.add(Text(group.centre - text_width / 2, middle - line / 2, text_width,
                       (group.text,), size, style.background, "center", bold=True,
                       role="key-number"))
        for target in group.targets:
            scene.add(Path(((group.centre, diameter), (target, band_top)), style.muted, 0.75,
                           role="leader"))


__all__ = ["KeyGroup", "badge_diameter", "draw_keys", "key_groups", "key_text", "keys_height"]
