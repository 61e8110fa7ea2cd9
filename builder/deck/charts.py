"""Native PowerPoint charts (bar, line, pie, donut) holding the source's numbers.

Each chart is told the same axis scale, number format and colours the guide draws
(``builder.charts``), so the two outputs show one figure.
"""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.util import lazyproperty
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
    XL_TICK_MARK,
)
from pptx.util import Emu, Pt

from builder.charts import scene as sc
from builder.charts.colors import series_color, text_on
from builder.charts.plots import chart_scale
from builder.charts.style import (
    GAP_WIDTH,
    HOLE_SIZE,
    FigureStyle,
    line_label_below,
    show_data_labels,
    show_legend,
)
from builder.deck.barparts import category_room, margins_below
from builder.deck.figurekit import (
    EMU_PER_POINT,
    FigureBox,
    figure_style,
    finish_figure,
    rgb,
)
from builder.charts.markup import plain, plain_figure
from builder.charts.pies import drawn_kind
from builder.deck.chartxml import (
    keep_tick_labels_level,
    renumber_axis_ids,
    set_axis_crosses,
    set_data_label_separator,
    set_doughnut_hole,
    set_leader_lines,
    set_plot_inner_box,
    set_point_label,
    show_every_category,
)
from builder.deck.oxml import set_chart_fonts
from builder.deck.piecharts import style_pie
from builder.resolve.document import Document
from builder.text.inline import parse_inline
from builder.text.numbers import format_number
from builder.text.typography import bind_french_spaces


def _chart_type(figure):
    if figure.kind == "pie":
        return XL_CHART_TYPE.PIE
    if figure.kind == "donut":
        return XL_CHART_TYPE.DOUGHNUT
    if figure.kind == "line":
        return XL_CHART_TYPE.LINE_MARKERS
    if figure.orientation == "horizontal":
        return XL_CHART_TYPE.BAR_STACKED if figure.stacked else XL_CHART_TYPE.BAR_CLUSTERED
    return XL_CHART_TYPE.COLUMN_STACKED if figure.stacked else XL_CHART_TYPE.COLUMN_CLUSTERED


def column_headers(figure, default: str) -> tuple[str, str]:
    """The headings of the chart data's first two columns: categories, then (a pie's one
    series) values. Bar and line series are headed by their own names."""
    if figure.kind in ("pie", "donut"):
        categories, values = figure.header or (default, figure.caption)
        return bind_french_spaces(plain(categories)), bind_french_spaces(plain(values))
    return bind_french_spaces(plain(
        figure.category_header or figure.category_axis_title or default)), ""


class _HeadedWorkbookWriter(CategoryWorkbookWriter):
    """python-pptx leaves the categories column's heading (cell A1) empty; PowerPoint's
    "Edit Data" then shows an unnamed column. This writer names it."""

    def __init__(self, chart_data: "HeadedChartData") -> None:
        super().__init__(chart_data)
        self._heading = chart_data.category_heading

    def _populate_worksheet(self, workbook, worksheet) -> None:
        super()._populate_worksheet(workbook, worksheet)
        worksheet.write(0, 0, self._heading)


class HeadedChartData(CategoryChartData):
    """Category chart data whose categories column has a heading in the embedded workbook."""

    def __init__(self, category_heading: str, number_format: str = "General") -> None:
        super().__init__(number_format=number_format)
        self.category_heading = category_heading

    @lazyproperty
    def _workbook_writer(self):
        return _HeadedWorkbookWriter(self)


def add_chart(slide, document: Document, figure, box: FigureBox):
    titles = _axis_titles(figure)  # as written: an axis title is a rich text body
    figure = plain_figure(figure)  # a chart's categories and series names hold no runs
    if figure.kind == "donut" and drawn_kind(figure) == "pie":  # as the guide draws it
        figure = figure.model_copy(update={"kind": "pie"})
    style = figure_style(document)
    is_pie = figure.kind in ("pie", "donut")
    category_header, value_header = column_headers(figure, document.words("category"))
    data = HeadedChartData(category_header, number_format=figure.number_format)
    data.categories = list(figure.categories)
    if is_pie:
        data.add_series(value_header, list(figure.values))
    else:
        for one in figure.series:
            data.add_series(one.name, list(one.values))
    # bar and line charts take the whole area the slide gives them, so 14 pt axis labels lie
    # flat instead of slanting in a narrow plot; so do pies and donuts, whose round plot is
    # then placed by hand as large as its labels and legend leave room for (``_lay_out_pie``)
    x, y, cx, cy = box.left, box.top, box.width, box.height
    frame = slide.shapes.add_chart(_chart_type(figure), Emu(x), Emu(y), Emu(cx), Emu(cy), data)
    chart = frame.chart
    chart.has_title = False  # the slide prints the caption
    chart.font.name = style.typeface.deck_name
    chart.font.size = Pt(style.size)
    chart.font.color.rgb = rgb(style.text)
    if is_pie:
        style_pie(chart, figure, style, cx / EMU_PER_POINT, cy / EMU_PER_POINT)
    else:
        _style_category_chart(chart, figure, style, titles)
        if figure.kind == "bar" and figure.orientation == "horizontal":
            _lay_out_horizontal_bars(chart, figure, style, cx / EMU_PER_POINT,
                                     cy / EMU_PER_POINT)
    renumber_axis_ids(chart)
    fonts = document.layout.fonts
    set_chart_fonts(chart, style.typeface.deck_name, fonts.east_asian, fonts.complex_script)
    finish_figure(frame, figure)
    return frame


def _axis_titles(figure) -> dict[str, str | None]:
    """The figure's axis titles with their markup, for the runs ``_axis_title`` writes."""
    return {name: getattr(figure, name, None)
            for name in ("value_axis_title", "category_axis_title")}


def _style_category_chart(chart, figure, style: FigureStyle,
                          titles: dict[str, str | None] | None = None) -> None:
    plot = chart.plots[0]
    plot.vary_by_categories = False
    if figure.kind == "bar":
        plot.gap_width = GAP_WIDTH
        plot.overlap = 100 if figure.stacked else 0
    for index, series in enumerate(plot.series):
        color = rgb(series_color(style.chart, index))
        if figure.kind == "line":
            series.format.line.color.rgb = color
            series.format.line.width = Pt(2.25 * sc.stroke_factor(style.size))
            series.smooth = False
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = max(2, round(style.size * 0.6))
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = color
            series.marker.format.line.color.rgb = color
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = color
    scale = chart_scale(figure)
    value_axis = chart.value_axis
    value_axis.minimum_scale = scale.minimum
    value_axis.maximum_scale = scale.maximum
    value_axis.major_unit = scale.step
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = rgb(style.grid)
    value_axis.major_gridlines.format.line.width = Pt(0.5 * sc.stroke_factor(style.size))
    value_axis.format.line.fill.background()
    value_axis.major_tick_mark = XL_TICK_MARK.NONE
    value_axis.tick_labels.number_format = figure.number_format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.tick_labels.font.color.rgb = rgb(style.muted)
    category_axis = chart.category_axis
    category_axis.format.line.color.rgb = rgb(style.muted)
    category_axis.major_tick_mark = XL_TICK_MARK.NONE
    category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    show_every_category(category_axis)
    if figure.kind == "bar" and figure.orientation == "horizontal":
        category_axis.reverse_order = True  # first category at the top, as the guide reads
        set_axis_crosses(value_axis, "max")  # and the value axis stays at the bottom
    titles = titles or _axis_titles(figure)
    _axis_title(value_axis, titles["value_axis_title"], style)
    _axis_title(category_axis, titles["category_axis_title"], style)
    chart.has_legend = show_legend(figure)
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(style.size)
    if show_data_labels(figure):
        if figure.kind == "bar":
            plot.has_data_labels = True
            _value_labels(plot.data_labels, figure, style, XL_LABEL_POSITION.OUTSIDE_END)
        else:
            for series, one in zip(plot.series, figure.series):
                _value_labels(series.data_labels, figure, style, XL_LABEL_POSITION.ABOVE)
                for index in range(len(one.values)):
                    if line_label_below(one.values, index, (scale.minimum, scale.maximum)):
                        label = series.points[index].data_label
                        label.position = XL_LABEL_POSITION.BELOW
                        label.font.size = Pt(style.size)
                        label.font.color.rgb = rgb(style.text)


def _lay_out_horizontal_bars(chart, figure, style: FigureStyle, width: float,
                             height: float) -> None:
    """Give the category labels ``CATEGORY_SHARE`` of the width (up to half, when a wrapped
    name would otherwise be taller than its bar's slot: ``barparts.category_room``) and keep
    the value axis's numbers and the names level.

    Left alone, PowerPoint (and LibreOffice) give long category names half the chart, then
    slant the value numbers in the narrow plot that is left, or drop every other category.
    The plot's inner box is placed from measured text instead: the widest category line
    wrapped to the share, the widest value label on the right, one line of numbers and the
    axis title (and legend) below; the numbers' text body is told not to rotate, and so is
    the names' (LibreOffice then breaks a long name into lines instead of hiding it).
    """
    face, size = style.typeface, style.size
    line = sc.Typeface.line_height(size)
    top, below = margins_below(figure, style)
    share, wrapped, _ = category_room(figure, style, width, height)
    category_width = max((face.width(text, size) for lines in wrapped.lines for text in lines),
                         default=0.0)
    left = min(category_width + size, width * (share + 0.02))
    left += line * 1.3 if figure.category_axis_title else 0.0  # the title turned up the side
    labels = [format_number(v, figure.number_format) for one in figure.series
              for v in one.values] if show_data_labels(figure) else []
    scale = chart_scale(figure)
    ticks = [format_number(t, figure.number_format) for t in scale.ticks]
    right = max([face.width(text, size) + size * 0.6 for text in labels]
                + [face.width(ticks[-1], size) / 2 + size * 0.3])
    if left + right >= width * 0.9 or top + below >= height * 0.8:
        return  # too small a chart to place by hand: PowerPoint's own layout is better
    set_plot_inner_box(chart, left / width, top / height, 1 - (left + right) / width,
                       1 - (top + below) / height)
    _thin_value_labels(chart, scale, ticks, style, width - left - right)
    keep_tick_labels_level(chart.value_axis)
    keep_tick_labels_level(chart.category_axis)


def _thin_value_labels(chart, scale, ticks: list[str], style: FigureStyle,
                       plot_width: float) -> None:
    """Number every ``k``-th gridline when the value axis's numbers at the figure's step
    cannot stand side by side in the plot (the viewer would slant them and drop every
    other): the labels' (and gridlines') step the least multiple of the figure's step that
    fits, ending on the axis's maximum when one does."""
    face, size = style.typeface, style.size
    spacing = max(face.width(text, size) for text in ticks) + size * 0.8
    count = len(ticks)
    if count < 3 or count * spacing <= plot_width:
        return
    fitting = [k for k in range(2, count) if ((count - 1) // k + 1) * spacing <= plot_width]
    if not fitting:
        return
    k = next((k for k in fitting if (count - 1) % k == 0), fitting[0])
    chart.value_axis.major_unit = scale.step * k


def _value_labels(labels, figure, style: FigureStyle, position) -> None:
    """Value labels in the figure's number format, as the guide prints them."""
    labels.number_format = figure.number_format
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.font.size = Pt(style.size)
    labels.font.color.rgb = rgb(style.text)
    labels.position = position


def _axis_title(axis, title: str | None, style: FigureStyle) -> None:
    """The axis title as rich text: a run per stretch of the source's ``*italic*`` and
    ``**bold**`` (a title is a text body in the chart XML, unlike the category labels, which
    are cached strings and stay plain). Titles are bold, so ``**…**`` inside one reads as
    regular weight would not: it stays bold, and italic is what shows."""
    if not title:
        axis.has_title = False
        return
    axis.has_title = True
    frame = axis.axis_title.text_frame
    frame.text = ""
    paragraph = frame.paragraphs[0]
    for piece in parse_inline(title):
        run = paragraph.add_run()
        run.text = piece.text
        run.font.bold = True
        run.font.italic = piece.italic
        run.font.size = Pt(style.size)
        run.font.color.rgb = rgb(style.text)


