"""Category labels: wrapped to their slot with real font metrics, shrunk before they overflow."""

from __future__ import annotations

from dataclasses import dataclass

from builder.charts.scene import Typeface

MAX_LINES = 3


@dataclass(frozen=True)
class WrappedLabels:
    """Each label's lines at one size; ``rotated`` when they only fit turned 45° (one line
    each), as PowerPoint turns category labels that do not fit their slot."""

    lines: tuple[tuple[str, ...], ...]
    size: float
    rotated: bool = False

    @property
    def max_lines(self) -> int:
        return max((len(lines) for lines in self.lines), default=1)


def wrap_labels(labels: tuple[str, ...] | list[str], typeface: Typeface, size: float,
                available: float, min_size: float | None = None) -> WrappedLabels:
    """Wrap each label to ``available`` points; shrink (to ``min_size``) until no word breaks
    and no label takes more than three lines; failing that, rotate them."""
    floor = min_size if min_size is not None else size * 0.75
    current = size
    while True:
        wrapped = tuple(tuple(typeface.wrap(label, current, available)) for label in labels)
        words_whole = all(typeface.width(word, current) <= available
                          for label in labels for word in label.split())
        if words_whole and all(len(lines) <= MAX_LINES for lines in wrapped):
            return WrappedLabels(wrapped, current)
        if current <= floor:
            return WrappedLabels(tuple((label,) for label in labels), size, rotated=True)
        current = max(floor, current - 0.5)
