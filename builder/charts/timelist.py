"""The timeline's time band and its list form, shared by the lane form in ``timeline``.

The band is the axis both forms stand on: cells of the scale's unit (see
``builder.charts.timeaxis``), ticks between them (only where labels stand when there are
very many) and as many labels as fit. The list form is what a timeline too dense to lane
becomes: every event marked on the band, and listed beneath it in date order in columns.
"""

from __future__ import annotations

import re
from itertools import accumulate

from builder.charts.colors import readable, series_color
from builder.charts.scene import Circle, Path, Rect, Scene, Text, Typeface
from builder.charts.style import FigureStyle
from builder.charts.spread import Slot, placed
from builder.charts.timeaxis import MAX_TICKS, TimeScale, boundaries
from builder.charts.timekeys import badge_diameter, draw_keys, key_groups, key_text, keys_height
from builder.text.typography import breakable_words

LIST_SHARES_FEW = tuple(range(30, 71, 2))
LIST_SHARES_MANY = tuple(range(30, 71, 10))  # many rows: fewer trials, each row is measured
MANY = 40
STACKED = ""  # the first "lines" of a row whose label stands under its date (the date's)
SPAN_DASH = re.compile(r"[ \u00a0]–[ \u00a0]")


def time_band(scene: Scene, scale: TimeScale, band_top: float, band: float, line: float,
              face, size: float, style: FigureStyle, width: float) -> None:
    """The band of time both timeline forms stand on: ticks between cells and as many labels
    as keep apart, each kept inside the figure's width."""
    scene.add(Rect(scale.left, band_top, scale.right - scale.left, band, style.muted,
                   role="axis"))

    def measure(text: str) -> float:
        return face.width(text, size, bold=True) + 1.0

    unit, labels = scale.labels(measure, size * 0.8)
    cells = scale.band_cells(unit)  # the labelling unit's cells: a true scale
    if len(cells) <= MAX_TICKS:
        ticks = [scale.x(b) for b in cells]
    else:  # bounded: a tick only where a label stands
        ticks = [scale.x(b) for b in boundaries(unit, scale.first, scale.last)
                 if scale.first < b < scale.last]
    # kept on the band by the shared line placement (``spread``): a label pulled in from
    # the edge pushes its neighbour along rather than landing on it
    slots = [Slot(centre, measure(text)) for centre, text in labels]
    gap = size * 0.8
    low, high = scale.left, scale.right  # white on the band: off it, a label is unseen
    centres = placed(slots, gap, low, high)
    spots = [(centre, slot.width, text)
             for centre, slot, (_, text) in zip(centres, slots, labels)]
    for x in ticks:  # a tick never runs through a label's letters
        if any(centre - w / 2 + 0.5 < x < centre + w / 2 - 0.5 for centre, w, _ in spots):
            continue
        scene.add(Path(((x, band_top), (x, band_top + band)), style.background, 0.75,
                       role="tick"))
    for centre, label_width, text in spots:
        scene.add(Text(centre - label_width / 2, band_top + (band - line) / 2, label_width,
                       (text,), size, style.background, "center", bold=True, role="year"))


def span_row_of(events, scale: TimeScale, pad: float) -> dict[int, int]:
    """Span event index → its bar's row (first row whose bars end ``pad`` before it starts)."""
    ends: list[float] = []
    rows: dict[int, int] = {}
    for index, event in enumerate(events):
        if not event.date.is_range:
            continue
        start = scale.x(scale.start_of(event.date))
        row = next((r for r, end in enumerate(ends) if end + pad <= start), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = scale.x(scale.end_of(event.date))
        rows[index] = row
    return rows


def list_layout(figure, style: FigureStyle, width: float, make_scale,
                first_key: int = 0, max_height: float | None = None) -> Scene | None:
    """The dense timeline that cannot be laned: the time band with every event marked on it
    (a point as a dot just above it, a span as a bar under it), a row of numbered badges over
    the marks (``builder.charts.timekeys``), and below the band the events in date order,
    each row its number, its date, then its label, in the column count (two to four) that
    makes the shortest figure.

    Lanes need one level per event of a cluster (six in 1950 for the Korean War, thirteen on
    one day of a crisis) and a label's width clear of the stems it passes; a list of rows in
    columns takes far less. The marks keep the shape of the period; the numbers say which
    mark is which line. None when no column count leaves room for a label beside its
    date. Cost: linear in the events for each column split tried.
    """
    size, face = style.size, style.typeface
    pad = size * 0.3
    gap = size * 0.5  # between columns, at least: the last column moves right if it can
    separator = size * 0.5
    scale = make_scale(pad, width - pad)
    line = Typeface.line_height(size)
    band = line * 1.1  # a little slimmer than the lane form's: every point counts here
    bar_height = size * 0.55
    events = sorted(figure.events, key=lambda e: e.date)
    span_rows = len(set(span_row_of(events, scale, pad).values()))
    list_top = band + (span_rows and span_rows * bar_height + (span_rows - 1) * pad) + pad * 2
    dates = [date_lines(scale.event_text(event.date)) for event in events]
    key_width = face.width(key_text(first_key + len(events) - 1), size, bold=True) + 1.0
    # one date column for every row, as wide as the widest single date (a span's two ends
    # each count alone, "Jan 27, 1868 –" / "Jun 27, 1869"): every name starts on one edge
    # and a span too wide for the column sets its end under its start
    def measured(text: str) -> float:
        return face.width(text, size, bold=True) + 1.0
    single = max(measured(line) for whole, halves in dates for line in (halves or (whole,)))
    date_width = key_width + separator + single
    date_rows = [(whole,) if not halves or measured(whole) <= single else halves
                 for whole, halves in dates]
    longest_word = [max((face.width(word, size) for word in breakable_words(event.label)),
                        default=0.0) for event in events]
    # a label column narrower than this (or than the widest label) wraps names a word a line
    # ("Coup d’État" / "du" / "18 Brumaire"): tried only when no wider one leaves room
    roomy = min(max(face.width(event.label, size) for event in events) + 1.0, size * 8)
    wrapped: dict[tuple[int, bool], list | None] = {}

    def rows_at(column_width: float, strict: bool) -> list | None:
        """Each event's row in a column that wide: (event, date lines, the date column's
        width, label lines). A label with no room for a word beside the date column
        ("Entrevista de Guayaquil" in a narrow column) goes under its date (its lines then
        start with ``STACKED``); None when a word would not fit even there, or (``strict``)
        when the label column is narrower than ``roomy`` or a label would go under."""
        key = (int(column_width * 4), strict)
        if key in wrapped:
            return wrapped[key]
        rows: list | None = []
        available = column_width - date_width - separator
        under = column_width - key_width - separator
        if strict and available < roomy:
            wrapped[key] = None
            return None
        for event, lines, word in zip(events, date_rows, longest_word):
            if word <= available:
                rows.append((event, lines, date_width,
                             tuple(face.wrap(event.label, size, available))))
            elif word <= under and date_width <= column_width and not strict:
                rows.append((event, lines, date_width,
                             (STACKED,) * len(lines) + tuple(face.wrap(event.label, size,
                                                                       under))))
            else:
                rows = None
                break
        wrapped[key] = rows
        return rows

    # the first of: the shortest layout with roomy labels that fits ``max_height``, the
    # shortest that fits at all (some labels under their dates), the shortest
    top = keys_height(size, badge_diameter(face, size, len(events), first_key)) + list_top
    ranked = [sorted(_layouts(events, width, gap, rows_at, strict), key=lambda l: l[:2])
              for strict in (True, False)]
    tried = [layout for layouts in ranked for layout in layouts[:1]]
    if not tried:
        return None
    _, _, chunks, widths = next(
        (layout for layout in tried
         if max_height is None or top + layout[0] * line <= max_height + 1e-6),
        min(tried, key=lambda layout: layout[0]))
    return _draw_list(events, style, width, scale, band, bar_height, list_top, chunks, widths,
                      separator, gap, key_width, first_key)


def _layouts(events, width: float, gap: float, rows_at, strict: bool) -> list:
    """(height in lines, distance from even columns, columns of rows, column widths) of
    every column split tried: two columns of any widths (30–70 %) cut anywhere (a wide
    label's column may take more room so it stays on one line, which can save the line
    that decides the height), three or four even columns, and (``strict``) one column."""
    layouts: list[tuple[int, float, list[list], list[float]]] = []
    usable = width - gap
    single = rows_at(width, strict) if strict else None  # roomy labels in one column
    if single is not None:
        layouts.append((sum(map(row_height, single)), 200, [single], [width]))
    for share in (LIST_SHARES_MANY if len(events) > MANY else LIST_SHARES_FEW):
        widths = [usable * share / 100, usable * (100 - share) / 100]
        left, right = rows_at(widths[0], strict), rows_at(widths[1], strict)
        if left is None or right is None:
            continue
        left_lines = list(accumulate(map(row_height, left)))
        right_lines = list(accumulate(map(row_height, right)))
        cut = min(range(1, len(events)),
                  key=lambda c: max(left_lines[c - 1], right_lines[-1] - right_lines[c - 1]))
        height = max(left_lines[cut - 1], right_lines[-1] - right_lines[cut - 1])
        layouts.append((height, abs(share - 50), [left[:cut], right[cut:]], widths))
    for columns in (3, 4):
        column_width = (width - gap * (columns - 1)) / columns
        rows = rows_at(column_width, strict)
        if rows is not None:
            chunks = _balanced(rows, columns)
            layouts.append((max(sum(map(row_height, chunk)) for chunk in chunks), 100,
                            chunks, [column_width] * columns))
    return layouts


def date_lines(text: str) -> tuple[str, tuple[str, ...]]:
    """A listed date and, for a span, its two ends as lines ("Jan 27, 1868 –", "Jun 27,
    1869"): cut only at the span's dash, so a day, its month and its year stay together."""
    match = SPAN_DASH.search(text)
    if match is None:
        return text, ()
    return text, (text[:match.start()] + "\u00a0–", text[match.end():])


def row_height(row) -> int:
    """A listed row's height in lines: its date's lines or its label's, whichever is more."""
    return max(len(row[1]), len(row[3]))


def _balanced(rows: list, columns: int) -> list[list]:
    """The rows, in order, cut into at most ``columns`` columns whose tallest (in lines) is as
    short as can be: the smallest line cap that a greedy fill keeps within the count (a
    binary search over the cap, so linear in the rows times a logarithm)."""
    total = sum(map(row_height, rows))

    def fill(cap: int) -> list[list]:
        chunks: list[list] = [[]]
        used = 0
        for row in rows:
            if used + row_height(row) > cap and chunks[-1]:
                chunks.append([])
                used = 0
            chunks[-1].append(row)
            used += row_height(row)
        return chunks

    low = max(-(-total // columns), max(map(row_height, rows)))
    high = total
    while low < high:
        middle = (low + high) // 2
        if len(fill(middle)) <= columns:
            high = middle
        else:
            low = middle + 1
    return fill(low)


def _draw_list(events, style: FigureStyle, width: float, scale: TimeScale, band: float,
               bar_height: float, list_top: float, chunks, widths: list[float],
               separator: float, gap: float, key_width: float, first_key: int = 0) -> Scene:
    """Paint the list form (see ``list_layout``): keys, band, marks, then the columns."""
    size, face = style.size, style.typeface
    line = Typeface.line_height(size)
    pad = size * 0.3
    diameter = badge_diameter(face, size, len(events), first_key)
    band_top = keys_height(size, diameter)  # the badge row and the marks stand above it
    height = band_top + list_top + max(sum(map(row_height, chunk)) for chunk in chunks) * line
    scene = Scene(width, height)
    point_color = series_color(style.chart, 0)
    span_color = series_color(style.chart, 1)
    # dates and badges are text: kept readable on the paper (bars and stems keep the chart's)
    point_text, span_text = (readable(c, style.background, style.text)
                             for c in (point_color, span_color))
    time_band(scene, scale, band_top, band, line, face, size, style, width)
    span_rows = span_row_of(events, scale, pad)
    targets, spans = [], set()
    for index, event in enumerate(events):
        start = scale.x(scale.start_of(event.date))
        if event.date.is_range:  # bars hang from the band, a row per overlapping span
            end = scale.x(scale.end_of(event.date))
            bar_top = band_top + band + span_rows[index] * (bar_height + pad)
            scene.add(Rect(start, bar_top, max(end - start, 1.0), bar_height, span_color,
                           role="span"))
            targets.append((start + end) / 2)
            spans.add(index)
        else:
            targets.append(start)
    groups = key_groups(targets, face, size, width, pad, diameter, first_key)
    draw_keys(scene, groups, spans, style, (point_text, span_text), diameter, band_top)
    numbers = {event_id: first_key + index for index, event_id in enumerate(map(id, events))}

    def content(row) -> float:
        shown = [l for l in row[3] if l != STACKED]
        label = max(face.width(l, size) for l in shown) + 1.0
        if row[3][0] == STACKED:
            return max(row[2], key_width + separator + label)
        return row[2] + separator + label

    for index, chunk in enumerate(chunks):
        left = sum(widths[:index]) + gap * index
        if index == len(chunks) - 1 and index:  # spare room goes between the columns
            left = max(left, width - max(content(row) for row in chunk))
        top = band_top + list_top
        for event, dates, date_width, lines in chunk:
            color = span_text if event.date.is_range else point_text
            scene.add(Text(left, top, key_width, (key_text(numbers[id(event)]),), size, color,
                           "right", bold=True, role="key-number"))
            number_end = key_width + separator
            scene.add(Text(left + number_end, top, date_width - number_end, dates, size,
                           color, bold=True, role="date"))
            shown = tuple(l for l in lines if l != STACKED)
            label_width = max(face.width(l, size) for l in shown) + 1.0
            if lines[0] == STACKED:  # under its date, on the dates' left edge
                scene.add(Text(left + number_end, top + len(dates) * line, label_width, shown,
                               size, style.text, role="event-label"))
            else:
                scene.add(Text(left + date_width + separator, top, label_width, shown, size,
                               style.text, role="event-label"))
            top += row_height((event, dates, date_width, lines)) * line
    return scene
