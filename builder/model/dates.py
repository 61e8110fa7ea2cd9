"""Dates as teachers write them: a year, a month, a day or an hour, or a range of those.

Sources say ``1950``, ``1950-06``, ``1950-06-25`` or ``1962-10-27 14:00`` (``T`` works
too), ``300 BCE`` or ``-300`` for a year before the common era, and ``1951-07/1953-07-27``
for a span. Years are the historian's: 1 BCE is followed by 1 CE, there is no year 0.
Deep time is written as geologists write it, years before present (1950) in thousands,
millions or billions: ``12 ka``, ``66 Ma``, ``2.5 Ga``, a span ``252 Ma/201 Ma``; such a
date keeps its text (``PartialDate.deep``) and stands on the axis at its year.
Both renderers print dates through ``DateSpan.display`` so the guide and deck agree, and
place them on a time axis through ``PartialDate.first_day``/``last_day`` (day numbers of the
proleptic Gregorian calendar, any era).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

_PART = (r"(-)?(\d{1,4})(?:-(\d{2})(?:-(\d{2})(?:(?:T|\s+)(\d{1,2}):(\d{2}))?)?)?"
         r"(?:\s*(BCE|BC|CE|AD))?")
_PATTERN = re.compile(rf"^{_PART}(?:\s*/\s*{_PART})?$", re.IGNORECASE)
_POINT = (r"-?\d{1,4}(-\d{2}(-\d{2}((T|\s+)\d{1,2}:\d{2})?)?)?(\s*(BCE|BC|CE|AD|bce|bc|ce|ad))?")
_DEEP = r"(\d{1,5}(?:[.,]\d{1,3})?)\s*(ka|Ma|Ga)"
_DEEP_POINT = re.compile(rf"^{_DEEP}$")
_DEEP_JSON = r"\d{1,5}([.,]\d{1,3})?\s*(ka|Ma|Ga)"
_ANY_JSON = rf"({_POINT}|{_DEEP_JSON})"
JSON_PATTERN = rf"^{_ANY_JSON}(\s*/\s*{_ANY_JSON})?$"
HINT = ("write 1950, 1950-06, 1950-06-25, 1962-10-27 14:00, 300 BCE, deep time as 12 ka, 66 Ma "
        "or 2.5 Ga, or a range 1951-07/1953-07")
PRESENT = 1950  # "before present", as radiocarbon and geological ages count
DEEP_FACTORS = {"ka": 1_000, "Ma": 1_000_000, "Ga": 1_000_000_000}
OLDEST = 14_000_000_000  # years: older than the universe is a typing error


def days_in_month(year: int, month: int) -> int:
    """Days of ``month`` in the historian's ``year`` (proleptic Gregorian; 1 BCE is a leap year,
    as astronomical year 0 is)."""
    if month == 2:
        return 29 if calendar.isleap(astronomical(year)) else 28
    return (31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def astronomical(year: int) -> int:
    """The year as astronomers count (1 BCE = 0, 2 BCE = -1), so arithmetic has no gap."""
    return year + 1 if year < 0 else year


def day_number(year: int, month: int = 1, day: int = 1) -> int:
    """Days from 1 January 1970 to the date (negative before; any era; H. Hinnant's
    ``days_from_civil``)."""
    y = astronomical(year) - (month <= 2)
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def years_ago(year: int) -> int:
    """Years before present (1950) of the historian's ``year`` (1 BCE is 1950 years ago)."""
    return PRESENT - astronomical(year)


def year_of(ago: float) -> int:
    """The historian's year ``ago`` years before present (never 0)."""
    astro = PRESENT - round(ago)
    return astro if astro > 0 else astro - 1


def deep_text(ago: float, unit: str, decimal: str = ".") -> str:
    """``66 Ma``, ``2.5 Ga``: an age in ``unit`` (ka, Ma, Ga) with as few decimals as it
    needs (three at most), in the language's decimal mark."""
    value = round(ago / DEEP_FACTORS[unit], 3)
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', decimal)}\u00a0{unit}"


def year_label(year: int, era: bool = False) -> str:
    """``1962``; ``300 BCE`` before the common era; ``1 CE`` when ``era`` asks for it (an
    axis that also shows years BCE)."""
    if year < 0:
        return f"{-year} BCE"
    return f"{year} CE" if era else str(year)


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month, the day or the hour; a coarser date sorts first.

    ``year`` is the historian's (negative before the common era, never 0)."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    deep: str | None = None  # written in deep time ("66 Ma"): the year is its nearest one

    @property
    def precision(self) -> str:
        return ("year" if self.month is None else "month" if self.day is None
                else "day" if self.hour is None else "hour")

    @property
    def sort_key(self) -> tuple[int, int, int, int, int]:
        return (astronomical(self.year), self.month or 0, self.day or 0,
                -1 if self.hour is None else self.hour, self.minute or 0)

    def __lt__(self, other: "PartialDate") -> bool:
        return self.sort_key < other.sort_key

    def first_day(self) -> float:
        """Where the period starts, as a (fractional) day number."""
        base = day_number(self.year, self.month or 1, self.day or 1)
        if self.hour is None:
            return float(base)
        return base + (self.hour + (self.minute or 0) / 60) / 24

    def last_day(self) -> float:
        """Where the period ends (its first instant after): a year ends on 1 January next."""
        if self.month is None:
            following = self.year + 1 if self.year != -1 else 1
            return float(day_number(following))
        if self.day is None:
            return float(day_number(self.year, self.month, 1) + days_in_month(self.year, self.month))
        if self.hour is None:
            return self.first_day() + 1.0
        return self.first_day() + 1 / 24  # an hour, the finest period a timeline draws

    def middle(self) -> float:
        """The period's middle: where a point event drawn on a finer axis sits."""
        if self.hour is not None:
            return self.first_day()
        return (self.first_day() + self.last_day()) / 2

    def clock(self) -> str:
        return "" if self.hour is None else f"{self.hour:02d}:{self.minute or 0:02d}"

    def display(self) -> str:
        if self.deep:
            return self.deep
        year = year_label(self.year)
        if self.month is None:
            return year
        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {year}"
        text = f"{month} {self.day}, {year}"
        return f"{text}, {self.clock()}" if self.hour is not None else text

    def __str__(self) -> str:
        if self.deep:
            return self.deep.replace("\u00a0", " ")
        if self.year < 0 and self.month is None:
            return f"{-self.year} BCE"
        text = f"-{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.clock()}"
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

    @property
    def last(self) -> PartialDate:
        return self.end or self.start

    def display(self) -> str:
        if self.end is None:
            return self.start.display()
        return f"{self.start.display()} – {self.end.display()}"

    def __str__(self) -> str:
        return str(self.start) if self.end is None else f"{self.start}/{self.end}"


def _part(sign, year, month, day, hour, minute, era) -> PartialDate:
    y = int(year)
    m, d = (int(month) if month else None), (int(day) if day else None)
    era = (era or "").upper()
    if sign and era:
        raise ValueError(f"write either -{year} or {year} {era}, not both")
    if sign or era in ("BC", "BCE"):
        y = -y
    if y == 0:
        raise ValueError("there is no year 0: 1 BCE is followed by 1 CE")
    if m is not None and not 1 <= m <= 12:
        raise ValueError(f"month {m} is not between 1 and 12")
    if d is not None and m is not None and not 1 <= d <= days_in_month(y, m):
        raise ValueError(f"day {d} does not exist in {calendar.month_name[m]} {year_label(y)}")
    h, mi = (int(hour) if hour else None), (int(minute) if minute else None)
    if h is not None and not 0 <= h <= 23:
        raise ValueError(f"hour {h} is not between 0 and 23")
    if mi is not None and not 0 <= mi <= 59:
        raise ValueError(f"minute {mi} is not between 0 and 59")
    return PartialDate(y, m, d, h, mi)


def parse_date(value: Any) -> DateSpan:
    """Parse a date or a range ``A/B`` (see the module's docstring); raise ValueError with a
    hint."""
    if isinstance(value, DateSpan):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"expected a date: {HINT}")
    text = str(value).strip()
    if re.search(r"\d\s*(ka|Ma|Ga)\b", text):
        return _deep_span(text)
    match = _PATTERN.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date: {HINT}")
    start = _part(*match.group(1, 2, 3, 4, 5, 6, 7))
    if match.group(9) is None:
        return DateSpan(start)
    end = _part(*match.group(8, 9, 10, 11, 12, 13, 14))
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    return DateSpan(start, end)


def _deep_point(text: str) -> PartialDate:
    """``66 Ma`` (or, in a span with a deep end, any other date) as a PartialDate."""
    match = _DEEP_POINT.match(text.strip())
    if not match:
        return parse_point(text).start
    number, unit = match.groups()
    ago = float(number.replace(",", ".")) * DEEP_FACTORS[unit]
    if ago > OLDEST:
        raise ValueError(f"'{text.strip()}' is older than the universe (about 13.8 Ga)")
    return PartialDate(year_of(ago), deep=f"{number.replace(',', '.')}\u00a0{unit}")


def _deep_span(text: str) -> DateSpan:
    parts = [part for part in re.split(r"\s*/\s*", text)]
    if len(parts) > 2 or not all(parts):
        raise ValueError(f"'{text}' is not a date: {HINT}")
    start = _deep_point(parts[0])
    if len(parts) == 1:
        return DateSpan(start)
    end = _deep_point(parts[1])
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start}): an older age "
                         "comes first (252 Ma/201 Ma)")
    return DateSpan(start, end)


def parse_point(value: Any) -> DateSpan:
    """A single date (no range): a timeline's ``start`` or ``end``."""
    span = parse_date(value)
    if span.is_range:
        raise ValueError(f"'{value}' is a range; give one date here (its first or last)")
    return span


Date = Annotated[
    DateSpan,
    PlainValidator(parse_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": ["string", "integer"], "pattern": JSON_PATTERN,
                    "description": "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM, 300 BCE, "
                                   "deep time (12 ka, 66 Ma, 2.5 Ga: years before 1950), "
                                   "or a range A/B"}),
]

PointDate = Annotated[
    DateSpan,
    PlainValidator(parse_point),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": ["string", "integer"], "pattern": f"^{_ANY_JSON}$",
                    "description": "one date: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DD HH:MM, "
                                   "300 BCE or deep time (66 Ma)"}),
]
