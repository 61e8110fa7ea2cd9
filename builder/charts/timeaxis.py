"""A time axis at any scale: hours of one day to millennia, chosen from the span.

Every date becomes a day number (``builder.model.dates``), so a thirteen-day crisis and
three thousand years of history are the same arithmetic. The axis is cut into *cells* of the
coarsest natural unit that gives at least ``MIN_CELLS`` of them (millennia, centuries,
decades, years, months, weeks, days, hours); its labels step over as many cells as their
measured width needs (every 2nd, 5th … year), or move up to a coarser unit, so labels never
touch and their count stays bounded whatever the span. Periods read inside their cell
("Oct 16", "1962", "1950s"); hours, weeks and centuries read just after the tick that
starts them ("14:00", "Oct 15", "300 BCE").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from builder.model.dates import (DateSpan, PartialDate, day_number, deep_text, year_of,
                                 years_ago)
from builder.text.nobreak import bind
from builder.text.words import Words, words_for

MIN_CELLS = 4
MAX_TICKS = 60  # more cells than this draw ticks only where a label stands


@dataclass(frozen=True)
class Unit:
    """A natural unit of time: ``kind`` (year, month, week, day, hour) × ``size``."""

    kind: str
    size: int = 1

    @property
    def days(self) -> float:
        return {"year": 365.2425, "ago": 365.2425, "month": 30.436875, "week": 7.0,
                "day": 1.0, "hour": 1 / 24}[self.kind] * self.size

    @property
    def centred(self) -> bool:
        """Whether a label names the cell (read inside it) rather than the tick."""
        return (self.kind in ("day", "month") and self.size == 1) or (
            self.kind == "year" and self.size in (1, 10))


NATURAL = (Unit("year", 1000), Unit("year", 100), Unit("year", 10), Unit("year"),
           Unit("month"), Unit("week"), Unit("day"), Unit("hour"))
# deep time (a date written "66 Ma"): years before present, in steps of 100 years to 1 Ga
DEEP = tuple(Unit("ago", 10 ** power) for power in range(9, 1, -1))
MULTIPLES = {**{(unit.kind, unit.size): (1, 2, 5) for unit in DEEP},
             ("year", 1000): (1, 2, 5), ("year", 100): (1, 2, 5), ("year", 10): (1, 2, 5),
             ("year", 1): (1, 2, 5), ("month", 1): (1, 2, 3, 6), ("week", 1): (1, 2),
             ("day", 1): (1, 2, 7), ("hour", 1): (1, 2, 3, 6, 12)}


def _historical(astro: int) -> int:
    return astro if astro > 0 else astro - 1


def boundaries(unit: Unit, first: float, last: float) -> list[float]:
    """Day numbers where cells of ``unit`` start, from the last one at or before ``first`` to
    the first one at or after ``last`` (aligned: decades on 1950, months on Jan/Apr…)."""
    result: list[float] = []
    if unit.kind == "ago":  # ages before present on multiples of the step: 300 Ma, 200 Ma
        ago = math.ceil(years_ago(_historical(_year_month(first)[0])) / unit.size) * unit.size
        while True:
            value = float(day_number(year_of(ago)))
            if value > first + 1e-9 and not result:
                ago += unit.size  # the first boundary must not lie after ``first``
                continue
            result.append(value)
            if value >= last - 1e-9:
                return result
            ago -= unit.size
    if unit.kind == "hour":
        step = unit.size / 24
        value = math.floor(first / step) * step
        while True:
            result.append(value)
            if value >= last - 1e-9:
                return result
            value += step
    if unit.kind in ("day", "week"):
        step = 7 * unit.size if unit.kind == "week" else unit.size
        value = float(math.floor(first))
        if unit.kind == "week":  # weeks start on Monday (1970-01-01 was a Thursday)
            value -= (value + 3) % 7
        while True:
            result.append(value)
            if value >= last - 1e-9:
                return result
            value += step
    if unit.kind == "month":
        year, month = _year_month(first)
        month -= (month - 1) % unit.size
        while True:
            value = float(day_number(_historical(year), month, 1))
            if value > first + 1e-9 and not result:
                month -= unit.size  # first boundary must not lie after ``first``
                if month < 1:
                    month += 12
                    year -= 1
                continue
            result.append(value)
            if value >= last - 1e-9:
                return result
            month += unit.size
            if month > 12:
                month -= 12
                year += 1
    astro = _year_month(first)[0]
    while not _year_boundary(astro, unit.size):
        astro -= 1
    while True:
        value = float(day_number(_historical(astro)))
        result.append(value)
        if value >= last - 1e-9:
            return result
        astro += 1
        while not _year_boundary(astro, unit.size):
            astro += 1


def _year_boundary(astro: int, size: int) -> bool:
    """Year boundaries fall on years that are multiples of ``size`` as a historian counts
    them (100 BCE, 1900), with 1 CE standing in for the year 0 there is not."""
    if size == 1:
        return True
    year = _historical(astro)
    return year % size == 0 or year == 1


def _year_month(day: float) -> tuple[int, int]:
    """(astronomical year, month) of a day number (H. Hinnant's ``civil_from_days``)."""
    z = math.floor(day) + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month


def _date_of(day: float) -> tuple[int, int, int]:
    """(historical year, month, day of month) of a day number."""
    astro, month = _year_month(day)
    first = day_number(_historical(astro), month, 1)
    return _historical(astro), month, int(math.floor(day) - first) + 1


@dataclass(frozen=True)
class TimeScale:
    """Day numbers ``first`` .. ``last`` on ``left`` .. ``right`` points, cut into cells."""

    first: float
    last: float
    left: float
    right: float
    unit: Unit
    era: bool  # the axis reaches before the common era, so CE years say so
    one_year: bool  # every date on it falls in one year: labels need not repeat it
    one_day: bool
    language: str = "en"  # of the labels: "Oct 16" in English, "16 oct." in French
    deep: str = ""  # a deep-time axis: the unit its ages read in (ka, Ma, Ga)

    @property
    def words(self) -> Words:
        return words_for(self.language)

    def x(self, day: float) -> float:
        return self.left + (day - self.first) / (self.last - self.first) * (self.right - self.left)

    def cells(self) -> list[float]:
        """The cell boundaries inside the axis (its two ends included)."""
        inner = [b for b in boundaries(self.unit, self.first, self.last)
                 if self.first + 1e-9 < b < self.last - 1e-9]
        return [self.first, *inner, self.last]

    def label(self, unit: Unit, day: float) -> str:
        """How the cell (or tick) of ``unit`` starting at ``day`` is named."""
        year, month, date = _date_of(day)
        if unit.kind == "ago":
            return deep_text(years_ago(year), self.deep or "Ma", self.words.number_marks[1])
        if unit.kind == "hour":
            hour = round((day - math.floor(day)) * 24) % 24
            return f"{hour:02d}:00"
        words = self.words
        if unit.kind in ("day", "week"):
            text = words.point(PartialDate(year, month, date), short=True, year=False)
            if self.one_year:
                return text
            if words.base == "en":  # the sample's "Oct 16, 1962"
                return f"{text}, {words.year(year, self.era)}"
            return words.point(PartialDate(year, month, date), short=True)
        if unit.kind == "month":
            name = words.point(PartialDate(year, month), short=True, year=False)
            return name if self.one_year else words.point(PartialDate(year, month), short=True)
        if unit.size == 10 and year > 0:
            return words.decade(year)
        return words.year(year, self.era)

    def ticks(self, unit: Unit, widest: float) -> list[tuple[float, float, str]]:
        """(x of the cell's start, x of its end, label) for the labels ``unit`` can show."""
        result = []
        edges = [b for b in boundaries(unit, self.first, self.last)]
        for start, end in zip(edges, edges[1:]):
            if end <= self.first + 1e-9 or start >= self.last - 1e-9:
                continue
            if unit.centred and (start < self.first - 1e-9 or end > self.last + 1e-9):
                # a period cut by the axis's end is named only if its label still fits
                if self.x(min(end, self.last)) - self.x(max(start, self.first)) < widest:
                    continue
            if not unit.centred and start < self.first - 1e-9:
                continue
            result.append((self.x(max(start, self.first)), self.x(min(end, self.last)),
                           self.label(unit, start)))
        return result

    def labels(self, measure, gap: float) -> tuple[Unit, list[tuple[float, str]]]:
        """The finest labelling whose labels keep ``gap`` apart: (its unit, [(centre x, text)]).

        Tries the cell unit at every multiple (each 1st, 2nd, 5th year …), then coarser
        natural units, so a narrow figure names decades rather than crowding years. The band
        draws the chosen unit's cells (``band_cells``), so it stays a true scale: a name
        stands inside the one cell it names, wholly (a year wider than its year cell moves
        the band to 2- or 5-year cells named at their ticks, never a name across three
        cells beside empty slivers, where an event of 1858 read as 1856)."""
        natural_units = DEEP if self.unit.kind == "ago" else NATURAL
        start = natural_units.index(self.unit)
        options = []
        for natural in reversed(natural_units[:start + 1]):
            for multiple in MULTIPLES[(natural.kind, natural.size)]:
                options.append(Unit(natural.kind, natural.size * multiple))
        options.sort(key=lambda unit: unit.days)
        options = [unit for unit in options if unit.days >= self.unit.days - 1e-9]
        chosen = None
        for unit in options:
            ticks = self.ticks(unit, 0.0)
            placed = []
            for left, right, text in ticks:
                width = measure(text)
                # a period's name stands in its cell; a tick's just after it, never across it
                centre = (left + right) / 2 if unit.centred else left + gap / 2 + width / 2
                if not unit.centred and centre + width / 2 > self.right + 1e-6 and placed:
                    continue
                placed.append((centre - width / 2, centre + width / 2, centre, text))
            if not unit.centred:
                placed = self._with_start(unit, placed, measure, gap)
            clear = all(a[1] + gap <= b[0] for a, b in zip(placed, placed[1:]))
            # a name wholly inside its cell, clear of both its ticks
            fits = all(p[1] - p[0] + 1.0 <= right - left
                       for p, (left, right, _) in zip(placed, ticks)) if unit.centred \
                else True
            if clear and fits and placed:
                return unit, [(p[2], p[3]) for p in placed]
            if chosen is None and placed:
                chosen = (unit, placed)
        unit, placed = chosen if chosen else (self.unit, [])
        return unit, [(p[2], p[3]) for p in placed[:1]]

    def _with_start(self, unit: Unit, placed: list, measure, gap: float) -> list:
        """Tick names with the axis's start named at its left end too, when the start is no
        tick of ``unit`` and its cell holds the name clear of the first tick: an axis of
        1789–1800 in 2-year cells reads "1789 ▯ 1792 …", not blank up to 1790. The first
        tick's name gives way to it when both cannot stand (the tick is still drawn); never
        two."""
        if any(abs(b - self.first) < 1e-6 for b in boundaries(unit, self.first, self.first)):
            return placed
        text = self.label(unit, self.first)
        width = measure(text)
        left = self.left + gap / 2
        inner = self.band_cells(unit)
        if left + width + 1.0 > (self.x(inner[0]) if inner else self.right):
            return placed  # it would hide the first tick: the cell it names is too narrow
        rest = placed[1:] if placed and left + width + gap > placed[0][0] else placed
        if rest and left + width + gap > rest[0][0]:
            return placed  # the start's name would hide two ticks' names: not worth it
        return [(left, left + width, left + width / 2, text), *rest]

    def band_cells(self, unit: Unit) -> list[float]:
        """Day numbers of the ticks a band labelled in ``unit`` draws between its ends: the
        labelling unit's own cells, so every cell of equal time is equally wide."""
        return [b for b in boundaries(unit, self.first, self.last)
                if self.first + 1e-9 < b < self.last - 1e-9]

    def event_text(self, date: DateSpan) -> str:
        """An event's date as its label prints it: without the year an axis within one year
        already says, without the day a single-day axis already says."""
        if self.one_day and date.start.hour is not None and (
                date.end is None or date.end.hour is not None):
            return " – ".join(part.clock() for part in (date.start, date.end) if part)
        return bind(self.words.date(date, short=True, year=not self.one_year))

    def start_of(self, date: DateSpan) -> float:
        """Where an event starts: a point at its period's middle, a span at its first day."""
        return date.start.first_day() if date.is_range else date.start.middle()

    def end_of(self, date: DateSpan) -> float:
        return date.end.last_day() if date.end is not None else date.start.middle()


def cell_unit(span_days: float, deep: bool = False) -> Unit:
    """The coarsest natural unit that cuts the span into at least ``MIN_CELLS`` cells (of
    deep time, when the axis reads in ages before present)."""
    units = DEEP if deep else NATURAL
    for unit in units:
        if span_days / unit.days >= MIN_CELLS - 1e-9:
            return unit
    return units[-1]


def deep_unit(dates) -> str:
    """The unit a deep-time axis reads in: that of its oldest date written in deep time
    (``66 Ma`` and ``2.5 Ga`` on one axis: Ga), "" when no date is (not a deep axis)."""
    deep = [d for d in dates if d.deep]
    if not deep:
        return ""
    return min(deep, key=lambda d: d.year).deep.rsplit("\u00a0", 1)[-1]


def time_scale(events, start: DateSpan | None, end: DateSpan | None, left: float,
               right: float, language: str = "en") -> TimeScale:
    """The axis for a timeline: its ``start``/``end`` when given (from the first instant of
    ``start`` to the last of ``end``), else the events' extent widened to whole cells."""
    firsts = [e.date.start.first_day() for e in events]
    lasts = [e.date.last.last_day() for e in events]
    low = min(firsts + ([start.start.first_day()] if start else []))
    high = max(lasts + ([end.start.last_day()] if end else []))
    dates = [e.date.start for e in events] + [e.date.last for e in events]
    deep = deep_unit(dates + [d.start for d in (start, end) if d is not None])
    unit = cell_unit(high - low, bool(deep))
    if start is None or end is None:
        edges = boundaries(unit, low, high)
        low = low if start is not None else edges[0]
        high = high if end is not None else edges[-1]
        unit = cell_unit(high - low, bool(deep))
    years = {d.year for d in dates}
    one_year = len(years) == 1 and high - low <= 366.5
    one_day = (len({(d.year, d.month, d.day) for d in dates}) == 1
               and all(d.day is not None for d in dates) and high - low <= 1.0 + 1e-9)
    era = _date_of(low)[0] < 0
    return TimeScale(low, high, left, right, unit, era, one_year, one_day, language, deep)


__all__ = ["TimeScale", "Unit", "boundaries", "cell_unit", "time_scale"]
