"""Native pie and donut charts: slice colours, labels that stay clear of each other, and a
plot as large as its box and labels allow.
"""

from __future__ import annotations

from pptx.enum.chart import XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Pt

from builder.charts import scene as sc
from builder.charts.colors import series_color, text_on
from builder.charts.pies import SMALL_SLICE, first_slice_angle, label_room
from builder.charts.style import HOLE_SIZE, FigureStyle
from builder.deck.chartxml import (
    set_data_label_separator,
    set_doughnut_hole,
    set_first_slice_angle,
    set_leader_lines,
    set_plot_inner_box,
    set_point_label,
)
from builder.deck.figurekit import rgb
from builder.text.numbers import format_number


PIE_MIN_SHARE = 0.45  # of the box's height: a pie smaller than this is left to the viewer




def _lay_out_pie(chart, figure, style: FigureStyle, width: float, height: float,
                 legend: bool = False) -> None:
    """The pie as large as the box allows once its labels (name over value, outside the
    slices) have room on every side: the plot's inner box a centred square.

    Left to itself, PowerPoint (and LibreOffice) keep the plot small in the middle of the
    chart and wrap the labels narrowly: on a large-print slide the pie came out about a
    fifth of the slide across, "Nitrogen (N₂) 78.08" in three lines.
    """
    face, size = style.typeface, style.size
    line = sc.Typeface.line_height(size)
    numbers = [format_number(value, figure.number_format) for value in figure.values]
    names = [] if legend else list(figure.categories)
    widest = max(face.width(text, size) for text in numbers + names)
    beside = widest + size * 1.5  # a label and its gap to the slice, on each side
    # over and under the plot only the room its labels reach (a pie with thin slices is
    # turned so they stand at 3 o'clock, ``first_slice_angle``), or the legend's rows
    lines = 1 if legend else 2
    margin = size * 0.25
    legend_rows = _legend_height(figure, style, width) + line if legend else 0.0
    heights = [lines * line] * len(figure.values)
    first = first_slice_angle(figure.values) if figure.kind == "pie" else 0
    if figure.kind == "donut":  # its values stand inside the ring: only a margin around
        beside = size * 0.5

    def room(side: float) -> tuple[float, float]:
        if figure.kind == "donut":
            return size * 0.5, size * 0.5 + legend_rows
        above, below = label_room(figure.values, first, side / 2, heights, size * 0.5)
        return above + margin, below + margin + legend_rows

    side = min(width - 2 * beside, height - sum(room(min(width, height))))
    for _ in range(3):  # the labels' reach shrinks with the pie: a few rounds settle it
        side = min(width - 2 * beside, height - sum(room(side)))
    above, below = room(side)
    left_room = width  # the plot is centred across this much of the chart, from its left
    if legend:  # a legend of long names may stand better beside the plot, a name a row
        key = max(face.width(name, size) for name in figure.categories) + size * 2.5
        beside_side = min(width - key - 2 * beside, height - above - (below - legend_rows))
        if beside_side > side:
            chart.legend.position = XL_LEGEND_POSITION.RIGHT
            side, below, left_room = beside_side, below - legend_rows, width - key
    if first:
        set_first_slice_angle(chart, first)
    if side < height * PIE_MIN_SHARE:
        return
    top = above + (height - above - below - side) / 2
    set_plot_inner_box(chart, (left_room - side) / 2 / width, top / height, side / width,
                       side / height)


LONG_NAME = 0.28  # of the chart's width: a slice name longer than this goes to a legend


def style_pie(chart, figure, style: FigureStyle, width: float, height: float) -> None:
    """A pie or donut chart ``width`` × ``height`` points: slices, labels, legend, plot.

    A pie names its slices by their labels unless a name is too long for a label (the
    viewer breaks it inside a word, "afrodescendient/es"): then, as a donut always does, it
    names them in a legend below and labels the slices with their values."""
    face = style.typeface
    legend = figure.kind == "pie" and any(face.width(name, style.size) > width * LONG_NAME
                                          for name in figure.categories)
    _style_pie(chart, figure, style, legend)
    # a donut names its slices in a legend: beside the ring when that leaves it larger
    _lay_out_pie(chart, figure, style, width, height, legend or figure.kind == "donut")


def _legend_height(figure, style: FigureStyle, width: float) -> float:
    """About how tall the viewer's legend below the plot is: its entries in columns as wide
    as the widest entry (as LibreOffice sets them), as many rows as that needs."""
    face, size = style.typeface, style.size
    widest = max(face.width(name, size) for name in figure.categories) + size * 2.0
    across = max(1, int(width * 0.9 // widest))
    rows = -(-len(figure.categories) // across)
    return rows * sc.Typeface.line_height(size) * 1.15 + size


def _style_pie(chart, figure, style: FigureStyle, legend: bool = False) -> None:
    plot = chart.plots[0]
    plot.vary_by_categories = True
    series = plot.series[0]
    for index, point in enumerate(series.points):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = rgb(series_color(style.chart, index))
        point.format.line.color.rgb = rgb(style.background)
        point.format.line.width = Pt(1)
    is_pie = figure.kind == "pie"
    # a donut names its slices in a legend, as the guide does; so does a pie of long names
    chart.has_legend = not is_pie or legend
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(style.size)
    plot.has_data_labels = True
    labels = plot.data_labels
    _pie_labels(labels, figure, style, with_names=is_pie and not legend)
    if is_pie:
        set_data_label_separator(labels, "\n")
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        total = sum(figure.values)
        thin = [i for i, value in enumerate(figure.values) if value < total * SMALL_SLICE]
        if thin:
            # thin slices' labels would overprint at the slice's end ("Ar 0.93 %" on
            # "CO₂ 0.04 %"): the viewer moves each where it fits, with a leader to its slice.
            # Point labels live in the series' own c:dLbls, which then speaks for every
            # slice: it is told what the plot's says.
            own = series.data_labels
            _pie_labels(own, figure, style, with_names=not legend)
            own.position = XL_LABEL_POSITION.OUTSIDE_END
            set_data_label_separator(own, "\n")
            set_leader_lines(own)
            set_leader_lines(labels)
            # a thin slice between wide ones has room at its end: only neighbouring thin
            # slices' labels are moved (LibreOffice's best fit sets a lone one inside it)
            count = len(figure.values)
            for index in thin:
                if (index - 1) % count not in thin and (index + 1) % count not in thin:
                    continue
                point = series.points[index]
                point.data_label.position = XL_LABEL_POSITION.BEST_FIT
                point.data_label.font.size = Pt(style.size)
                point.data_label.font.color.rgb = rgb(style.text)
                set_point_label(point, figure.number_format, "\n", with_name=not legend)
        return
    set_doughnut_hole(chart, HOLE_SIZE)
    for index, point in enumerate(series.points):
        color = text_on(series_color(style.chart, index), style.text)
        point.data_label.font.size = Pt(style.size)
        point.data_label.font.color.rgb = rgb(color)


def _pie_labels(labels, figure, style: FigureStyle, with_names: bool) -> None:
    """A pie's (or donut's) data labels: the value in the figure's format, the slice's name when
    the chart has no legend, the figure's text size and colour. The plot's labels and a series'
    own labels (which speak for every slice once present) are told the same."""
    labels.number_format = figure.number_format
    labels.number_format_is_linked = False
    labels.show_category_name = with_names
    labels.show_value = True
    labels.show_percentage = False
    labels.font.size = Pt(style.size)
    labels.font.color.rgb = rgb(style.text)
