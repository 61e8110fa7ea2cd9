"""Dates as teachers write them: a year, a month, a day, or a range of those.

Sources say ``1950``, ``1950-06`` or ``1950-06-25``, and ``1951-07/1953-07-27`` for a span.
Both renderers print them through ``DateSpan.display`` so the guide and deck agree.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

_PART = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
_PATTERN = re.compile(rf"^{_PART}(?:\s*/\s*{_PART})?$")
JSON_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?(\s*/\s*\d{4}(-\d{2}(-\d{2})?)?)?$"


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day; a coarser date sorts first."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self.year, self.month or 0, self.day or 0

    def __lt__(self, other: "PartialDate") -> bool:
        return self.sort_key < other.sort_key

    def display(self) -> str:
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{month} {self.day}, {self.year}"

    def short(self) -> str:
        """Compact form for axis labels and tight spaces (``Jun 1950``)."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_abbr[self.month]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def as_fraction(self) -> float:
        """Position on a continuous time axis, in years (mid-period for partial dates)."""
        if self.month is None:
            return self.year + 0.5
        days = calendar.monthrange(self.year, self.month)[1]
        day = self.day if self.day is not None else (days + 1) / 2
        return self.year + (self.month - 1) / 12 + (day - 1) / (days * 12)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


@total_ordering
@dataclass(frozen=True)
class DateSpan:
    """A single partial date, or a range from ``start`` to ``end`` (ordered by start, then end)."""

    start: PartialDate
    end: PartialDate | None = None

    def __lt__(self, other: "DateSpan") -> bool:
        return (self.start, self.end or self.start) < (other.start, other.end or other.start)

    @property
    def is_range(self) -> bool:
        return self.end is not None

    def display(self) -> str:
        if self.end is None:
            return self.start.display()
        return f"{self.start.display()} – {self.end.display()}"

    def short(self) -> str:
        if self.end is None:
            return self.start.short()
        return f"{self.start.short()} – {self.end.short()}"

    def __str__(self) -> str:
        return str(self.start) if self.end is None else f"{self.start}/{self.end}"


def _part(year: str, month: str | None, day: str | None) -> PartialDate:
    y, m = int(year), int(month) if month else None
    d = int(day) if day else None
    if m is not None and not 1 <= m <= 12:
        raise ValueError(f"month {m} is not between 1 and 12")
    if d is not None and m is not None and not 1 <= d <= calendar.monthrange(y, m)[1]:
        raise ValueError(f"day {d} does not exist in {calendar.month_name[m]} {y}")
    return PartialDate(y, m, d)


def parse_date(value: Any) -> DateSpan:
    """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``A/B``; raise ValueError with a hint."""
    if isinstance(value, DateSpan):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError("expected a date such as 1950, 1950-06 or 1950-06-25")
    text = str(value).strip()
    match = _PATTERN.match(text)
    if not match:
        raise ValueError(
            f"'{text}' is not a date: write 1950, 1950-06, 1950-06-25 or a range 1951-07/1953-07"
        )
    start = _part(*match.group(1, 2, 3))
    if match.group(4) is None:
        return DateSpan(start)
    end = _part(*match.group(4, 5, 6))
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    return DateSpan(start, end)


Date = Annotated[
    DateSpan,
    PlainValidator(parse_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": ["string", "integer"], "pattern": JSON_PATTERN,
                    "description": "YYYY, YYYY-MM, YYYY-MM-DD, or a range A/B"}),
]
