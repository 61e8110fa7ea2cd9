"""Timeline geometry: dates to x, year ticks, and label lanes that never collide.

Years are written on a band across the middle; each event's label stands in a lane above or
below it, joined to its date by a stem (a span draws a bar from start to end, with dotted
drop lines to the band). Lanes are assigned greedily: an event takes the nearest lane, on
either side, where its measured label clears every label in that lane and no stem crosses a
label. Going right to left with labels right of their stems (or the mirror) finds such a
lane unless a label must be pulled in from the figure's edge, because a label then only
covers stems already placed lower; both directions are tried and the one with fewer lanes
wins. Labels never overlap at any size; text shrinks
(to 70 %) before a stem is ever allowed across a label. Both outputs draw the result, so
they show the same lanes.

A slide has a floor in points instead of a share (the deck's ``figure_min_size``), so before
its text shrinks it tries compact forms: each date on the same line as its label, with
tighter lanes; and, when even those need more lanes than the box has height, the list form:
the events marked on the year band and listed beneath it in date order, in columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.charts.colors import series_color
from builder.charts.scene import Circle, Path, Rect, Scene, Text, Typeface, scaled
from builder.charts.style import FigureStyle
from builder.charts.timeaxis import TimeAxis, axis_years, end_fraction, start_fraction
from builder.charts.timelanes import LaneEvent, assign_lanes

MIN_SCALE = 0.7  # shrink text to 70 % before shrinking the whole drawing


@dataclass(frozen=True)


class LabelForm:
    """How an event's label is set: its date over the label (``inline`` False, the page's
    reading form) or on the same line before it (half the lanes' height, which a slide's short
    figure box needs), wrapped at ``wrap`` × the figure's width, with ``lane_gap`` × the text
    size between lanes."""

    inline: bool = False
    wrap: float = 0.22
    lane_gap: float = 0.5


PAGE_FORMS = (LabelForm(),)
SLIDE_FORMS = (LabelForm(), LabelForm(inline=True, wrap=0.45, lane_gap=0.3),
               LabelForm(inline=True, wrap=0.45, lane_gap=0.2),
               LabelForm(inline=True, wrap=0.3, lane_gap=0.2))
"""Forms tried at each text size, best-looking first. A slide tries the compact ones before it
gives up a point of text: from the back of a room, size matters more than the date's line."""


def timeline_scene(figure, style: FigureStyle, width: float, max_height: float,
                   min_size: float | None = None) -> Scene:
    """The timeline at the largest text size (down to 70 %, or to ``min_size`` when given)
    that fits ``max_height`` with no stem crossing a label; failing that, the layout with the
    fewest crossings, scaled to fit.

    A slide seen across a room needs a floor in points rather than a share of the style's
    size, so the deck passes ``min_size``: the slide's compact label forms and then the list
    form are tried at every size, and when nothing fits at the floor the candidate whose text
    ends up largest after scaling wins. The page keeps the 70 % rule and the date over each
    label.
    """
    if min_size:
        return _slide_scene(figure, style, width, max_height, min(style.size, min_size))
    size = style.size
    smallest = style.size * MIN_SCALE
    best: tuple[int, float, Scene] | None = None
    while True:
        scene, forced = _layout(figure, style.resized(size), width)
        if forced == 0 and scene.height <= max_height:
            return scene
        if best is None or forced <= best[0]:  # on a tie the smaller text scales down less
            best = (forced, size, scene)
        if size <= smallest:
            break
        size = max(smallest, size - 0.5)
    scene = best[2]
    return scaled(scene, max_height / scene.height) if scene.height > max_height else scene


def _slide_scene(figure, style: FigureStyle, width: float, max_height: float,
                 smallest: float) -> Scene:
    """The slide's timeline: the first clean lane form, else the list form, that fits at the
    largest size from the style's down to ``smallest``; if none fits even there, whichever
    clean candidate keeps the largest text once scaled into the box."""
    size = style.size
    best: tuple[float, Scene] | None = None
    while True:
        candidates = []
        for form in SLIDE_FORMS:
            scene, forced = _layout(figure, style.resized(size), width, form)
            if forced == 0:
                candidates.append(scene)
        listed = _list_layout(figure, style.resized(size), width)
        if listed is not None:
            candidates.append(listed)
        for scene in candidates:
            if scene.height <= max_height:
                return scene
            shown = size * max_height / scene.height
            if best is None or shown > best[0]:
                best = (shown, scene)
        if size <= smallest:
            break
        size = max(smallest, size - 0.5)
    if best is None:  # no clean form at all: the page's rule, crossings and all
        scene, _ = _layout(figure, style.resized(smallest), width)
    else:
        scene = best[1]
    return scaled(scene, max_height / scene.height) if scene.height > max_height else scene


def _list_layout(figure, style: FigureStyle, width: float) -> Scene | None:
    """The dense timeline a slide cannot lane: the year band on top with every event marked
    on it (a point as a dot, a span as a bar under the band), and below it the events in date
    order, each row its date then its label, in the column count (two to four) that makes the
    shortest figure.

    Lanes need one level per event of a cluster (six in 1950 for the Korean War) and a
    label's width clear of the stems it passes; on a 4:3 slide at 18 pt that is twice the
    height there is, while a list of twelve rows in two columns takes two thirds of it. The
    marks keep the shape of the period; the dates in the list say which mark is which.
    None when no column count leaves room for a label beside its date.
    """
    size, face = style.size, style.typeface
    line = Typeface.line_height(size)
    pad = size * 0.3
    gap = size * 0.5  # between columns, at least: the last column moves right if it can
    separator = size * 0.5
    first, last = axis_years(figure)
    axis = TimeAxis(first, last, pad, width - pad)
    band = line * 1.1  # a little slimmer than the lane form's: every point counts here
    bar_height = size * 0.55
    events = sorted(figure.events, key=lambda e: e.date)
    span_rows = _span_rows(events, axis, pad)
    list_top = band + (span_rows and span_rows * bar_height + (span_rows - 1) * pad) + pad * 2
    def rows_at(column_width: float) -> list | None:
        """Each event's (event, date, date width, label lines) in a column that wide; None
        when a label word would not fit beside its date."""
        rows = []
        for event in events:
            date_text = event.date.short()
            date_width = face.width(date_text, size, bold=True) + 1.0
            available = column_width - date_width - separator
            if any(face.width(word, size) > available for word in event.label.split()):
                return None
            rows.append((event, date_text, date_width,
                         tuple(face.wrap(event.label, size, available))))
        return rows

    def lines(chunk: list) -> int:
        return sum(len(row[3]) for row in chunk)

    layouts: list[tuple[int, float, list[list], list[float]]] = []
    # two columns of any widths (30–70 %) cut anywhere: a wide label's column may take more
    # room so it stays on one line, which can save the line that decides the height
    usable = width - gap
    for share in range(30, 71, 2):
        widths = [usable * share / 100, usable * (100 - share) / 100]
        left, right = rows_at(widths[0]), rows_at(widths[1])
        if left is None or right is None:
            continue
        for cut in range(1, len(events)):
            chunks = [left[:cut], right[cut:]]
            layouts.append((max(map(lines, chunks)), abs(share - 50), chunks, widths))
    for columns in (3, 4):
        column_width = (width - gap * (columns - 1)) / columns
        rows = rows_at(column_width)
        if rows is not None:
            chunks = _balanced(rows, columns)
            layouts.append((max(map(lines, chunks)), 100, chunks, [column_width] * columns))
    if not layouts:
        return None
    _, _, chunks, widths = min(layouts, key=lambda layout: layout[:2])
    return _draw_list(figure, style, width, axis, band, bar_height, list_top, chunks, widths,
                      separator, gap)


def _year_band(scene: Scene, axis: "TimeAxis", first: int, last: int, band_top: float,
               band: float, line: float, face, size: float, style: FigureStyle,
               width: float) -> None:
    """The band of years both timeline forms stand on: ticks between years and as many
    year labels as fit (every ``step``-th year), kept inside the figure's width."""
    scene.add(Rect(axis.left, band_top, axis.right - axis.left, band, style.muted, role="axis"))
    step = axis.label_step(face.width("0000", size, bold=True))
    for year in range(first, last + 2):
        x = axis.x(year)
        if first < year <= last:
            scene.add(Path(((x, band_top), (x, band_top + band)), style.background, 0.75,
                           role="tick"))
        if year <= last and (year - first) % step == 0:
            label_width = face.width(str(year), size, bold=True) + 1.0
            centre = min(max(axis.x(year + 0.5), label_width / 2), width - label_width / 2)
            scene.add(Text(centre - label_width / 2, band_top + (band - line) / 2, label_width,
                           (str(year),), size, style.background, "center", bold=True,
                           role="year"))


def _MARK_TOP(size: float) -> float:
    """Room above the band for the event dots that sit on its top edge."""
    return size * 0.28 + 0.75


def _span_rows(events, axis: "TimeAxis", pad: float) -> int:
    """How many rows of span bars the list form draws under the band: spans that do not
    overlap share a row."""
    return len(set(_span_row_of(events, axis, pad).values()))


def _span_row_of(events, axis: "TimeAxis", pad: float) -> dict[int, int]:
    """Span event index → its bar's row (first row whose bars end ``pad`` before it starts)."""
    ends: list[float] = []
    rows: dict[int, int] = {}
    for index, event in enumerate(events):
        if not event.date.is_range:
            continue
        start = axis.x(start_fraction(event.date))
        row = next((r for r, end in enumerate(ends) if end + pad <= start), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = axis.x(end_fraction(event.date))
        rows[index] = row
    return rows


def _balanced(rows: list, columns: int) -> list[list]:
    """The rows, in order, cut into at most ``columns`` columns whose tallest (in lines) is as
    short as can be: the smallest line cap that a greedy fill keeps within the count."""
    total = sum(len(r[3]) for r in rows)
    cap = max(-(-total // columns), max(len(r[3]) for r in rows))
    while True:
        chunks: list[list] = [[]]
        used = 0
        for row in rows:
            if used + len(row[3]) > cap and chunks[-1]:
                chunks.append([])
                used = 0
            chunks[-1].append(row)
            used += len(row[3])
        if len(chunks) <= columns:
            return chunks
        cap += 1


def _draw_list(figure, style: FigureStyle, width: float, axis: "TimeAxis", band: float,
               bar_height: float, list_top: float, chunks, widths: list[float],
               separator: float, gap: float) -> Scene:
    """Paint the list form (see ``_list_layout``): band, marks, then the columns of rows."""
    size, face = style.size, style.typeface
    line = Typeface.line_height(size)
    pad = size * 0.3
    # the band starts a marker's radius down, so the dots on its top edge stay in the figure
    band_top = _MARK_TOP(size)
    height = band_top + list_top + max(sum(len(r[3]) for r in chunk) for chunk in chunks) * line
    scene = Scene(width, height)
    first, last = axis.first, axis.last
    point_color = series_color(style.chart, 0)
    span_color = series_color(style.chart, 1)
    _year_band(scene, axis, first, last, band_top, band, line, face, size, style, width)
    events = sorted(figure.events, key=lambda e: e.date)
    span_rows = _span_row_of(events, axis, pad)
    for index, event in enumerate(events):
        start = axis.x(start_fraction(event.date))
        if event.date.is_range:  # bars hang from the band, a row per overlapping span
            end = axis.x(end_fraction(event.date))
            bar_top = band_top + band + span_rows[index] * (bar_height + pad)
            scene.add(Rect(start, bar_top, max(end - start, 1.0), bar_height, span_color,
                           role="span"))
        else:
            scene.add(Circle(start, band_top, size * 0.28, point_color, style.background, 0.75,
                             role="event"))
    def content(row) -> float:
        return row[2] + separator + max(face.width(l, size) for l in row[3]) + 1.0

    for index, chunk in enumerate(chunks):
        left = sum(widths[:index]) + gap * index
        if index == len(chunks) - 1 and index:  # spare room goes between the columns
            left = max(left, width - max(content(row) for row in chunk))
        top = band_top + list_top
        for event, date_text, date_width, lines in chunk:
            color = span_color if event.date.is_range else point_color
            scene.add(Text(left, top, date_width, (date_text,), size, color, bold=True,
                           role="date"))
            label_width = max(face.width(l, size) for l in lines) + 1.0
            scene.add(Text(left + date_width + separator, top, label_width, lines, size,
                           style.text, role="event-label"))
            top += len(lines) * line
    return scene


def _layout(figure, style: FigureStyle, width: float,
            form: LabelForm = LabelForm()) -> tuple[Scene, int]:
    """The timeline at one text size, and how many labels had to accept a crossing stem."""
    size, face = style.size, style.typeface
    line = Typeface.line_height(size)
    gap, pad = size * 0.5, size * 0.3
    lane_gap = size * form.lane_gap
    first, last = axis_years(figure)
    axis = TimeAxis(first, last, pad, width - pad)
    max_label = max(width * form.wrap, face.width("Armistice signed", size))
    bar_height = size * 0.55
    # the space after an inline date is wider than the deck's text-box headroom (0.4 × size),
    # so the date's box never reaches into its label's
    separator = size * 0.5

    events = []
    for event in sorted(figure.events, key=lambda e: e.date):
        date_text = event.date.short()
        date_width = face.width(date_text, size, bold=True) + 1.0
        if form.inline:
            lines = tuple(face.wrap(event.label, size, max(max_label - date_width - separator,
                                                           face.width("Armistice", size))))
            label_width = max(face.width(l, size) for l in lines) + 1.0
            text_width = date_width + separator + label_width
            offset = date_width + separator
            text_lines = len(lines)
        else:
            lines = tuple(face.wrap(event.label, size, max_label))
            text_width = max([date_width] + [face.width(l, size) + 1.0 for l in lines])
            offset = 0.0
            text_lines = 1 + len(lines)
        start = axis.x(start_fraction(event.date))
        end = axis.x(end_fraction(event.date)) if event.date.is_range else start
        height = text_lines * line + (bar_height + pad if event.date.is_range else 0.0)
        events.append(LaneEvent(date_text, offset, lines, text_width, height, start, end,
                             event.date.is_range))
    spots, forced = assign_lanes(events, width, pad, gap)
    lanes_above = 1 + max((s.lane for s in spots if s.side == "above"), default=-1)
    lanes_below = 1 + max((s.lane for s in spots if s.side == "below"), default=-1)

    band = line * 1.25
    # each lane as tall as its tallest label, so one long label does not widen every lane
    heights = {side: [max((e.height for e, p in zip(events, spots)
                           if p.side == side and p.lane == lane), default=0.0) + lane_gap
                      for lane in range(count)]
               for side, count in (("above", lanes_above), ("below", lanes_below))}
    offsets = {side: [sum(values[:lane]) for lane in range(len(values))]
               for side, values in heights.items()}
    band_top = sum(heights["above"]) + gap
    band_bottom = band_top + band
    height = band_bottom + sum(heights["below"]) + gap
    scene = Scene(width, height)
    point_color = series_color(style.chart, 0)
    span_color = series_color(style.chart, 1)

    _year_band(scene, axis, first, last, band_top, band, line, face, size, style, width)

    for event, spot in zip(events, spots):
        above = spot.side == "above"
        edge = band_top if above else band_bottom
        if above:
            bottom = band_top - gap - offsets["above"][spot.lane]
            top = bottom - event.height
        else:
            top = band_bottom + gap + offsets["below"][spot.lane]
            bottom = top + event.height
        color = span_color if event.is_span else point_color
        text_top = top
        if event.is_span:
            bar_top = bottom - bar_height if above else top
            text_top = top if above else top + bar_height + pad
            bar_edge = bar_top + bar_height if above else bar_top
            for x in (event.start, event.end):
                scene.add(Path(((x, bar_edge), (x, edge)), span_color, 0.75, dash="dotted",
                               role="stem"))
            scene.add(Rect(event.start, bar_top, max(event.end - event.start, 1.0), bar_height,
                           span_color, role="span"))
        else:
            scene.add(Path(((event.start, bottom if above else top), (event.start, edge)),
                           style.muted, 0.6, role="stem"))
            scene.add(Circle(event.start, edge, size * 0.28, point_color, style.background, 0.75,
                             role="event"))
        if event.label_offset:  # inline: the date, then the label on the same first line
            scene.add(Text(spot.text_left, text_top, event.label_offset - separator,
                           (event.date_text,), size, color, bold=True, role="date"))
            scene.add(Text(spot.text_left + event.label_offset, text_top,
                           event.text_width - event.label_offset, event.lines, size,
                           style.text, role="event-label"))
        else:
            scene.add(Text(spot.text_left, text_top, event.text_width, (event.date_text,), size,
                           color, bold=True, role="date"))
            scene.add(Text(spot.text_left, text_top + line, event.text_width, event.lines, size,
                           style.text, role="event-label"))
    return scene, forced
