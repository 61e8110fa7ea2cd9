"""A horizontal bar chart whose names cannot all be read on one slide is continued.

Each bar's name stands level with it, wrapped to at most 65 % of the chart's width; a name
taller than its bar's slot is not drawn by the viewer (LibreOffice named 4 of 7 great
earthquakes on a large-print slide, the other bars unnamed). Names stay at the figure
floor, so when even half the width cannot hold them in their slots, the bars are spread
evenly over as few slides as can (``balance.partition``), every part on the whole chart's
value axis, as a long table continues.
"""

from __future__ import annotations

from builder.charts import scene as sc
from builder.charts.labels import WrappedLabels, wrap_labels
from builder.charts.plots import chart_scale
from builder.charts.style import FigureStyle, show_legend
from builder.deck.balance import partition
from builder.model import BarFigure
from builder.model.figures import ValueAxis

CATEGORY_SHARE = 0.35  # of a horizontal bar chart's width its category labels may take
SHARES = (CATEGORY_SHARE, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
HALF = 0.5  # the names' share when none fits: the chart then continues (``bar_parts``)
"""Tried in turn: the names wrap to each until they fit their slots. Past half the width the
bars keep a third of it, still enough to compare (plate-tectonics large print: seven names
like "Sumatra–Andaman, Indonesia (December 26, 2004)" stand on one line each at 65 %, one
slide, where half the width needed two lines a name and so two slides of 4 + 3 bars)."""


def horizontal(figure) -> bool:
    return isinstance(figure, BarFigure) and figure.orientation == "horizontal"


def margins_below(figure, style: FigureStyle) -> tuple[float, float]:
    """(top, below) of the plot: a little headroom; the numbers, axis title and legend."""
    line = sc.Typeface.line_height(style.size)
    below = line * 1.4 + (line * 1.3 if figure.value_axis_title else 0.0)
    below += line * 1.4 if show_legend(figure) else 0.0
    return style.size * 0.4, below


def category_room(figure, style: FigureStyle, width: float, height: float
                  ) -> tuple[float, WrappedLabels, bool]:
    """(share of the width, the names wrapped to it, whether each fits its bar's slot): the
    narrowest share (35 % first) at which every wrapped name fits its slot, else half."""
    face, size = style.typeface, style.size
    line = sc.Typeface.line_height(size)
    top, below = margins_below(figure, style)
    slot = (height - top - below) / max(len(figure.categories), 1)
    for share in SHARES:
        wrapped = wrap_labels(list(figure.categories), face, size, width * share, size)
        if not wrapped.rotated and wrapped.max_lines * line <= slot:
            return share, wrapped, True
    return HALF, wrap_labels(list(figure.categories), face, size, width * HALF, size), False


def bar_parts(figure, style: FigureStyle, width: float, height: float
              ) -> list[tuple[int, int]] | None:
    """Slices of the categories that each name every bar in a ``width`` × ``height`` chart;
    None when the whole chart does (or it is not a horizontal bar chart)."""
    if not horizontal(figure) or category_room(figure, style, width, height)[2]:
        return None
    count = len(figure.categories)

    def fits(start: int, end: int) -> bool:
        return category_room(sliced_bars(figure, (start, end)), style, width, height)[2]

    parts = partition(count, fits, lambda start, end: (end - start) / count)
    return parts if parts and len(parts) > 1 else None


def sliced_bars(figure, part: tuple[int, int] | None):
    """The chart with only the categories ``part`` (start, end), on the whole chart's value
    axis (so the bars of every slide compare); whole when ``None``."""
    if part is None or part == (0, len(figure.categories)):
        return figure
    start, end = part
    scale = chart_scale(figure)
    return figure.model_copy(update={
        "categories": figure.categories[start:end],
        "series": tuple(one.model_copy(update={"values": one.values[start:end]})
                        for one in figure.series),
        "value_axis": ValueAxis(min=scale.minimum, max=scale.maximum, step=scale.step)})
