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
from functools import partial

from builder.charts.colors import readable, series_color
from builder.charts.scene import Circle, Path, Rect, Scene, Text, Typeface, scaled
from builder.charts.style import FigureStyle
from builder.charts.timeaxis import TimeScale, time_scale
from builder.charts.timelanes import LaneEvent, assign_lanes
from builder.charts.timelist import list_layout, time_band
from builder.text.typography import breakable_words

MIN_SCALE = 0.85  # shrink text to 85 % (the page's figure floor) before anything else
FULL = 0.85  # of its box's height: a slide timeline this tall does not grow its text
LANE_LIMIT = 30
"""More events than this are never laned: a cluster of thirty would need thirty lanes, and
the lane search grows with the square of the events; the list form reads them in date order."""


def figure_scale(figure, left: float, right: float, language: str = "en") -> TimeScale:
    """The figure's time axis between ``left`` and ``right`` (see ``timeaxis``), its labels
    in ``language``."""
    return time_scale(figure.events, figure.start, figure.end, left, right, language)


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
                   min_size: float | None = None, max_size: float | None = None,
                   first_key: int = 0, listed: bool = False) -> Scene:
    """The timeline at the largest text size (down to 70 %, or to ``min_size`` when given)
    that fits ``max_height`` with no stem crossing a label; failing that, the list form;
    failing that, the clean candidate that keeps the largest text once scaled to fit.

    A slide seen across a room needs a floor in points rather than a share of the style's
    size, so the deck passes ``min_size``: the slide's compact label forms and then the list
    form are tried at every size; the page tries its lane form (the date over each label),
    then the list, at each size. More than ``LANE_LIMIT`` events go straight
    to the list, so a day of three hundred events costs a few linear passes.

    With ``max_size`` (the deck's body size) a form that fits at the style's size grows, in
    the same kind (lanes stay lanes, a list stays a list), to the largest size up to
    ``max_size`` that still fits: a continued part of three events, or a short list, then
    fills the slide's box instead of its top third. ``first_key``: the list form's first
    number less one (a continued part goes on from the last); ``listed``: the list form
    only (every part of a continued timeline in one form, if any part needs the list).
    """
    make_scale = partial(figure_scale, figure, language=style.language)
    laned = len(figure.events) <= LANE_LIMIT and not listed
    forms = (SLIDE_FORMS if min_size else PAGE_FORMS) if laned else ()
    smallest = min(style.size, min_size) if min_size else style.size * MIN_SCALE
    sizes = [style.size]
    while sizes[-1] > smallest:
        sizes.append(max(smallest, sizes[-1] - 0.5))
    best: list = []  # [shown size, scene] of the best clean candidate too tall for the box

    def fits(scene: Scene | None, size: float) -> bool:
        if scene is None:
            return False
        if scene.height <= max_height:
            return True
        shown = size * max_height / scene.height
        if not best or shown > best[0]:
            best[:] = [shown, scene]
        return False

    def lanes(size: float) -> Scene | None:
        for form in forms:
            scene, forced = _layout(figure, style.resized(size), width, form)
            if forced == 0 and fits(scene, size):
                return scene
        return None

    def listed(size: float) -> Scene | None:
        scene = list_layout(figure, style.resized(size), width, make_scale, first_key,
                            max_height)
        return scene if fits(scene, size) else None

    # at each size the lanes, then the list: the largest text wins over the form (a page's
    # lanes shrunk to 7.5 pt beside a list that fits at the layout's 8.5 pt read worse)
    steps = [(size, step) for size in sizes for step in (lanes, listed)]
    for size, step in steps:
        scene = step(size)
        if scene is not None:
            if max_size and size >= style.size - 1e-9 and scene.height < max_height * FULL:
                # the height grows about as the text does: no size past that ratio can fit
                ceiling = min(max_size, round(size * max_height / max(scene.height, 1e-6)
                                              * 2) / 2)
                return _grown(step, scene, size, ceiling)
            return scene
    if best:
        scene = best[1]
    else:  # no clean form at all: lanes at the floor, the fewest crossings
        scene, _ = _layout(figure, style.resized(smallest), width)
    return scaled(scene, max_height / scene.height) if scene.height > max_height else scene


def _grown(step, scene: Scene, size: float, max_size: float) -> Scene:
    """The largest scene ``step`` makes between ``size`` (where it made ``scene``) and
    ``max_size``, by halving the interval in half points: a few layouts, not one per size."""
    low, high = size, max_size  # fits at low; high untried
    if high - low >= 0.5:  # the ceiling itself first: a continued part is asked for the
        grown = step(high)  # size its siblings reached, and fit is not always monotonic
        if grown is not None:
            return grown
        high -= 0.5
    while high - low >= 0.5:
        middle = low + round((high - low) / 2 * 2) / 2
        if middle <= low:
            break
        grown = step(middle)
        if grown is None:
            high = middle - 0.5
        else:
            low, scene = middle, grown
    return scene


def _layout(figure, style: FigureStyle, width: float,
            form: LabelForm = LabelForm()) -> tuple[Scene, int]:
    """The timeline at one text size, and how many labels had to accept a crossing stem."""
    size, face = style.size, style.typeface
    line = Typeface.line_height(size)
    gap, pad = size * 0.5, size * 0.3
    lane_gap = size * form.lane_gap
    axis = figure_scale(figure, pad, width - pad, style.language)
    max_label = max(width * form.wrap, face.width("Armistice signed", size))
    bar_height = size * 0.55
    # the space after an inline date is wider than the deck's text-box headroom (0.4 × size),
    # so the date's box never reaches into its label's
    separator = size * 0.5

    events = []
    for event in sorted(figure.events, key=lambda e: e.date):
        date_text = axis.event_text(event.date)
        date_width = face.width(date_text, size, bold=True) + 1.0
        longest = max((face.width(word, size) for word in breakable_words(event.label)), default=0.0)
        if form.inline:  # never narrower than the label's longest word: it would be cut
            lines = tuple(face.wrap(event.label, size, max(max_label - date_width - separator,
                                                           face.width("Armistice", size),
                                                           longest + 1.0)))
            label_width = max(face.width(l, size) for l in lines) + 1.0
            text_width = date_width + separator + label_width
            offset = date_width + separator
            text_lines = len(lines)
        else:
            lines = tuple(face.wrap(event.label, size, max(max_label, longest + 1.0)))
            text_width = max([date_width] + [face.width(l, size) + 1.0 for l in lines])
            offset = 0.0
            text_lines = 1 + len(lines)
        start = axis.x(axis.start_of(event.date))
        end = axis.x(axis.end_of(event.date)) if event.date.is_range else start
        height = text_lines * line + (bar_height + pad if event.date.is_range else 0.0)
        events.append(LaneEvent(date_text, offset, lines, text_width, height, start, end,
                             event.date.is_range))
    spots, forced = assign_lanes(events, width, pad, gap)
    lanes_above = 1 + max((s.lane for s in spots if s.side == "above"), default=-1)
    lanes_below = 1 + max((s.lane for s in spots if s.side == "below"), default=-1)

    band = line * 1.25
    radius = size * 0.28
    mark = 2 * radius + 0.75  # the dots stand off the band, clear of its year numbers
    # each lane as tall as its tallest label, so one long label does not widen every lane
    heights = {side: [max((e.height for e, p in zip(events, spots)
                           if p.side == side and p.lane == lane), default=0.0) + lane_gap
                      for lane in range(count)]
               for side, count in (("above", lanes_above), ("below", lanes_below))}
    offsets = {side: [sum(values[:lane]) for lane in range(len(values))]
               for side, values in heights.items()}
    band_top = sum(heights["above"]) + gap + mark
    band_bottom = band_top + band
    height = band_bottom + mark + sum(heights["below"]) + gap
    scene = Scene(width, height)
    point_color = series_color(style.chart, 0)
    span_color = series_color(style.chart, 1)
    # dates and badges are text: kept readable on the paper (bars and stems keep the chart's)
    point_text, span_text = (readable(c, style.background, style.text)
                             for c in (point_color, span_color))

    time_band(scene, axis, band_top, band, line, face, size, style, width)

    for event, spot in zip(events, spots):
        above = spot.side == "above"
        edge = band_top if above else band_bottom
        if above:
            bottom = band_top - mark - gap - offsets["above"][spot.lane]
            top = bottom - event.height
        else:
            top = band_bottom + mark + gap + offsets["below"][spot.lane]
            bottom = top + event.height
        color = span_text if event.is_span else point_text  # the date's
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
            dot = edge - radius - 0.75 if above else edge + radius + 0.75
            scene.add(Path(((event.start, bottom if above else top),
                            (event.start, dot - radius if above else dot + radius)),
                           style.muted, 0.6, role="stem"))
            scene.add(Circle(event.start, dot, radius, point_color, style.background, 0.75,
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
