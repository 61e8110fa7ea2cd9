"""The time axis of a timeline: which span it covers and where a date falls on it.
"""

from __future__ import annotations

from dataclasses import dataclass

YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)


@dataclass(frozen=True)


class TimeAxis:
    """Years ``first`` .. ``last`` inclusive, mapped onto ``left`` .. ``right`` points."""

    first: int
    last: int
    left: float
    right: float

    def x(self, year_fraction: float) -> float:
        span = (self.last + 1) - self.first
        return self.left + (year_fraction - self.first) / span * (self.right - self.left)

    def label_step(self, label_width: float) -> int:
        """Label every n-th year, n from 1, 2, 5, 10 …, so year labels keep a gap between them."""
        per_year = (self.right - self.left) / ((self.last + 1) - self.first)
        return next((s for s in YEAR_STEPS if s * per_year >= label_width * 1.5), YEAR_STEPS[-1])


def axis_years(figure) -> tuple[int, int]:
    """First and last year on the axis: the figure's ``start``/``end`` or the events' extent."""
    starts = [event.date.start.year for event in figure.events]
    ends = [(event.date.end or event.date.start).year for event in figure.events]
    first = figure.start if figure.start is not None else min(starts)
    last = figure.end if figure.end is not None else max(ends)
    return min(first, min(starts)), max(last, max(ends))


def end_fraction(date) -> float:
    """The right end of a span: the end of its last period (a year ends at year + 1)."""
    end = date.end
    if end.month is None:
        return end.year + 1.0
    if end.day is None:
        return end.year + end.month / 12
    return end.as_fraction()


def start_fraction(date) -> float:
    start = date.start
    if not date.is_range:
        return start.as_fraction()
    if start.month is None:
        return float(start.year)
    if start.day is None:
        return start.year + (start.month - 1) / 12
    return start.as_fraction()
