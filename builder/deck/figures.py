"""Figures as native PowerPoint objects.

``add_figure(slide, document, numbered, left, top, width, height)`` adds the figure itself
(a native chart, table, shapes or a picture; no caption) inside the box given in EMU,
names its main shape ``figure-<id>``, sets the alt text, and returns the shapes it added.

Charts are PowerPoint charts holding the source's numbers, told the same axis scale, number
format and colours the guide draws (``builder.charts``). Timelines and maps are the shared
scenes, painted as grouped native shapes.
"""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.chart import XL_TICK_LABEL_POSITION, XL_TICK_MARK
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from builder.charts import scene as sc
from builder.charts.colors import series_color, text_on
from builder.charts.figures import SCENES, scene_for
from builder.charts.images import pixel_size
from builder.charts.maps import map_scene
from builder.charts.geometry import CHART_ASPECT, PIE_ASPECT, centred, fit
from builder.charts.plots import chart_scale
from builder.charts.style import (GAP_WIDTH, HOLE_SIZE, FigureStyle, line_label_below,
                                  show_data_labels, show_legend)
from builder.charts.labels import wrap_labels
from builder.text.numbers import format_number
from builder.charts.tables import column_widths
from builder.deck.oxml import (keep_tick_labels_level, renumber_axis_ids, set_alt_text,
                               set_axis_crosses, set_chart_fonts, set_data_label_separator,
                               set_doughnut_hole, set_font_slots, set_plot_inner_box)
from builder.errors import RenderError
from builder.layout.values import Color
from builder.model import (BarFigure, ImageFigure, LineFigure, MapFigure, PieFigure,
                           TableFigure)
from builder.resolve.numbering import NumberedFigure
from builder.resolve.document import Document

EMU_PER_POINT = 12700
MIN_TABLE_SIZE = 10.0  # a long table shrinks this far rather than overflow its slide
MIN_FIGURE_SIZE = 14.0  # labels on a slide: legible from the back of a room
BODY_SHARE = 0.75  # figure text may be this share of the layout's smallest body text
CAPTION_CAP = 16.0  # figure text follows the caption size up to here, unless the floor is higher


def figure_min_size(document: Document) -> float:
    """The smallest text any deck figure may draw: ``max(14, 0.75 × deck.sizes.min_body)``.

    14 pt is legible from the back of a classroom on a 16:9 slide; a layout that raises its
    smallest body text (large print: 24 pt → 18 pt) asks for figures in proportion, so the
    labels do not look like footnotes next to the bullets. Every deck figure keeps to it: a
    crowded timeline changes its label form and a map its label places before they shrink.
    """
    return max(MIN_FIGURE_SIZE, document.layout.deck.sizes.min_body * BODY_SHARE)


def figure_style(document: Document) -> FigureStyle:
    """The deck's figure look: labels at the caption size, never below ``figure_min_size``.

    A page is read at arm's length and a slide across a room, so the deck's figures do not
    borrow the guide's 9–10 pt labels; the slide gives the figure most of its body instead.
    """
    size = max(figure_min_size(document), min(document.layout.deck.sizes.caption, CAPTION_CAP))
    return FigureStyle.from_layout(document.layout.palette, document.fonts["body"], size)


def add_figure(slide, document: Document, numbered: NumberedFigure, left: int, top: int,
               width: int, height: int) -> list:
    """Draw ``numbered``'s figure centred in the EMU box; RenderError at its source line."""
    figure = numbered.figure
    box = _Box(int(left), int(top), int(width), int(height))
    try:
        if isinstance(figure, ImageFigure):
            return [_picture(slide, document, figure, box)]
        if isinstance(figure, TableFigure):
            return [_table(slide, document, figure, box)]
        if isinstance(figure, (BarFigure, LineFigure, PieFigure)):
            return [_chart(slide, document, figure, box)]
        if type(figure) in SCENES:
            return [_scene_group(slide, document, figure, box)]
        raise RenderError(f"{figure.where}: figure kind '{figure.kind}' cannot be drawn")
    except RenderError:
        raise
    except Exception as error:  # a python-pptx or file failure, reported at the figure
        raise RenderError(f"{figure.where}: figure '{figure.id}' cannot be drawn: "
                          f"{error}") from error


class _Box:
    """The EMU box a figure must stay inside."""

    def __init__(self, left: int, top: int, width: int, height: int):
        self.left, self.top, self.width, self.height = left, top, width, height

    def fitted(self, aspect: float) -> tuple[int, int, int, int]:
        """(left, top, width, height) of the largest centred box with that aspect."""
        inner_width, inner_height = fit(self.width, self.height, aspect)
        x, y = centred(self.left, self.top, self.width, self.height, inner_width, inner_height)
        return int(x), int(y), int(inner_width), int(inner_height)


def _rgb(color: Color) -> RGBColor:
    return RGBColor.from_string(str(color))


def _finish(shape, figure) -> None:
    shape.name = f"figure-{figure.id}"
    set_alt_text(shape, figure.alt)


# --- pictures -----------------------------------------------------------------------------

def _picture(slide, document: Document, figure: ImageFigure, box: _Box):
    path = document.asset(figure.path)
    pixels_wide, pixels_high = pixel_size(path, figure)
    x, y, cx, cy = box.fitted(pixels_high / pixels_wide)
    shape = slide.shapes.add_picture(str(path), Emu(x), Emu(y), Emu(cx), Emu(cy))
    _finish(shape, figure)
    return shape


# --- charts -------------------------------------------------------------------------------

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


def _chart(slide, document: Document, figure, box: _Box):
    style = figure_style(document)
    data = CategoryChartData(number_format=figure.number_format)
    data.categories = list(figure.categories)
    is_pie = figure.kind in ("pie", "donut")
    if is_pie:
        data.add_series(figure.caption, list(figure.values))
    else:
        for one in figure.series:
            data.add_series(one.name, list(one.values))
    # a pie keeps its proportions; bar and line charts take the whole area the slide gives
    # them, so 14 pt axis labels lie flat instead of slanting in a narrow plot
    x, y, cx, cy = (box.fitted(PIE_ASPECT) if is_pie
                    else (box.left, box.top, box.width, box.height))
    frame = slide.shapes.add_chart(_chart_type(figure), Emu(x), Emu(y), Emu(cx), Emu(cy), data)
    chart = frame.chart
    chart.has_title = False  # the slide prints the caption
    chart.font.name = style.typeface.deck_name
    chart.font.size = Pt(style.size)
    chart.font.color.rgb = _rgb(style.text)
    if is_pie:
        _style_pie(chart, figure, style)
    else:
        _style_category_chart(chart, figure, style)
        if figure.kind == "bar" and figure.orientation == "horizontal":
            _lay_out_horizontal_bars(chart, figure, style, cx / EMU_PER_POINT,
                                     cy / EMU_PER_POINT)
    renumber_axis_ids(chart)
    fonts = document.layout.fonts
    set_chart_fonts(chart, style.typeface.deck_name, fonts.east_asian, fonts.complex_script)
    _finish(frame, figure)
    return frame


def _style_category_chart(chart, figure, style: FigureStyle) -> None:
    plot = chart.plots[0]
    plot.vary_by_categories = False
    if figure.kind == "bar":
        plot.gap_width = GAP_WIDTH
        plot.overlap = 100 if figure.stacked else 0
    for index, series in enumerate(plot.series):
        color = _rgb(series_color(style.chart, index))
        if figure.kind == "line":
            series.format.line.color.rgb = color
            series.format.line.width = Pt(2.25)
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
    value_axis.major_gridlines.format.line.color.rgb = _rgb(style.grid)
    value_axis.major_gridlines.format.line.width = Pt(0.5)
    value_axis.format.line.fill.background()
    value_axis.major_tick_mark = XL_TICK_MARK.NONE
    value_axis.tick_labels.number_format = figure.number_format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.tick_labels.font.color.rgb = _rgb(style.muted)
    category_axis = chart.category_axis
    category_axis.format.line.color.rgb = _rgb(style.muted)
    category_axis.major_tick_mark = XL_TICK_MARK.NONE
    category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    if figure.kind == "bar" and figure.orientation == "horizontal":
        category_axis.reverse_order = True  # first category at the top, as the guide reads
        set_axis_crosses(value_axis, "max")  # and the value axis stays at the bottom
    _axis_title(value_axis, figure.value_axis_title, style)
    _axis_title(category_axis, figure.category_axis_title, style)
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
                    if line_label_below(one.values, index):
                        label = series.points[index].data_label
                        label.position = XL_LABEL_POSITION.BELOW
                        label.font.size = Pt(style.size)
                        label.font.color.rgb = _rgb(style.text)


CATEGORY_SHARE = 0.35  # of a horizontal bar chart's width its category labels may take


def _lay_out_horizontal_bars(chart, figure, style: FigureStyle, width: float,
                             height: float) -> None:
    """Give the category labels ``CATEGORY_SHARE`` of the width (up to half, when a wrapped
    name would otherwise be taller than its bar's slot) and keep the value axis's numbers
    level.

    Left alone, PowerPoint (and LibreOffice) give long category names half the chart, then
    slant the value numbers in the narrow plot that is left, or drop every other category.
    The plot's inner box is placed from measured text instead: the widest category line
    wrapped to the share, the widest value label on the right, one line of numbers and the
    axis title (and legend) below; the numbers' text body is told not to rotate.
    """
    face, size = style.typeface, style.size
    line = sc.Typeface.line_height(size)
    below = line * 1.4 + (line * 1.3 if figure.value_axis_title else 0.0)
    below += line * 1.4 if show_legend(figure) else 0.0
    top = size * 0.4
    slot = (height - top - below) / max(len(figure.categories), 1)
    # the narrowest share (35 % first) at which every wrapped name fits its bar's slot: a
    # name taller than its slot is dropped by the viewer, which is worse than a wider margin
    for share in (CATEGORY_SHARE, 0.4, 0.45, 0.5):
        wrapped = wrap_labels(list(figure.categories), face, size, width * share, size)
        if not wrapped.rotated and wrapped.max_lines * line <= slot:
            break
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
    keep_tick_labels_level(chart.value_axis)


def _value_labels(labels, figure, style: FigureStyle, position) -> None:
    """Value labels in the figure's number format, as the guide prints them."""
    labels.number_format = figure.number_format
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.font.size = Pt(style.size)
    labels.font.color.rgb = _rgb(style.text)
    labels.position = position


def _axis_title(axis, title: str | None, style: FigureStyle) -> None:
    if not title:
        axis.has_title = False
        return
    axis.has_title = True
    frame = axis.axis_title.text_frame
    frame.text = title
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.bold = True
            run.font.size = Pt(style.size)
            run.font.color.rgb = _rgb(style.text)


def _style_pie(chart, figure, style: FigureStyle) -> None:
    plot = chart.plots[0]
    plot.vary_by_categories = True
    series = plot.series[0]
    for index, point in enumerate(series.points):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(series_color(style.chart, index))
        point.format.line.color.rgb = _rgb(style.background)
        point.format.line.width = Pt(1)
    is_pie = figure.kind == "pie"
    chart.has_legend = not is_pie  # a donut names its slices in a legend, as the guide does
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(style.size)
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = figure.number_format
    labels.number_format_is_linked = False
    labels.show_category_name = is_pie
    labels.show_value = True
    labels.show_percentage = False
    labels.font.size = Pt(style.size)
    labels.font.color.rgb = _rgb(style.text)
    if is_pie:
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        set_data_label_separator(labels, "\n")
        return
    set_doughnut_hole(chart, HOLE_SIZE)
    for index, point in enumerate(series.points):
        color = text_on(series_color(style.chart, index), style.text)
        point.data_label.font.size = Pt(style.size)
        point.data_label.font.color.rgb = _rgb(color)


# --- tables -------------------------------------------------------------------------------

def _table_size(figure, style: FigureStyle, width: float, height: float):
    """The largest text size (down to 10 pt) at which the table fits the box."""
    size = style.size
    padding = 14.4  # PowerPoint's default cell margins, 0.1 in each side
    while True:
        widths = column_widths(figure, style.typeface, size, width, padding)
        rows = [figure.header, *figure.rows]
        heights = []
        for row_index, row in enumerate(rows):
            lines = max(len(style.typeface.wrap(cell, size, w - padding, bold=row_index == 0))
                        for cell, w in zip(row, widths))
            heights.append(lines * sc.Typeface.line_height(size) + 7.2)
        if sum(heights) <= height or size <= MIN_TABLE_SIZE:
            return size, widths, heights
        size -= 1


def _table(slide, document: Document, figure: TableFigure, box: _Box):
    style = figure_style(document)
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    size, widths, heights = _table_size(figure, style, width, height)
    total = sum(heights)
    x, y = centred(box.left, box.top, box.width, box.height, box.width,
                   min(total * EMU_PER_POINT, box.height))
    rows = [figure.header, *figure.rows]
    frame = slide.shapes.add_table(len(rows), len(figure.header), Emu(int(x)), Emu(int(y)),
                                   Emu(box.width), Emu(int(total * EMU_PER_POINT)))
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    for index, column_width in enumerate(widths):
        table.columns[index].width = Emu(int(column_width * EMU_PER_POINT))
    palette = document.layout.palette
    for row_index, row in enumerate(rows):
        table.rows[row_index].height = Emu(int(heights[row_index] * EMU_PER_POINT))
        for column_index, text in enumerate(row):
            cell = table.cell(row_index, column_index)
            cell.fill.solid()
            fill = palette.surface if row_index == 0 else palette.background
            cell.fill.fore_color.rgb = _rgb(fill)
            cell.text = text
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    _font(run, document, style.typeface.deck_name, size, palette.text,
                          bold=row_index == 0)
    _finish(frame, figure)
    return frame


def _font(run, document: Document, name: str, size: float, color: Color, bold: bool = False):
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = _rgb(color)
    fonts = document.layout.fonts
    set_font_slots(run, name, fonts.east_asian, fonts.complex_script)


# --- scenes (timelines, maps) -------------------------------------------------------------

_DASH = {"dashed": MSO_LINE_DASH_STYLE.DASH, "dotted": MSO_LINE_DASH_STYLE.ROUND_DOT}


def _scene_group(slide, document: Document, figure, box: _Box):
    style = figure_style(document)
    floor = figure_min_size(document)
    if isinstance(figure, MapFigure):
        # a map is as tall as the body and about as wide as a column: larger labels would
        # push a line's name away from its line, which misleads more than small text does
        style = style.resized(floor)
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    if isinstance(figure, MapFigure):  # names may stand in the box's room beside the map
        scene = map_scene(figure, style, width, height, document.asset, floor, beside=True)
    else:
        scene = scene_for(figure, style, width, height, document.asset, floor)
    x, y = centred(box.left, box.top, box.width, box.height, scene.width * EMU_PER_POINT,
                   scene.height * EMU_PER_POINT)
    group = slide.shapes.add_group_shape()
    painter = _ScenePainter(group.shapes, document, style, x, y, scene.width)
    painter.texts = [item for item in scene.items if isinstance(item, sc.Text)]
    for item in scene.items:
        painter.paint(item)
    _finish(group, figure)
    return group


class _ScenePainter:
    """Adds one native shape per scene item, offset to the figure's place on the slide."""

    def __init__(self, shapes, document: Document, style: FigureStyle, x: float, y: float,
                 width: float):
        self.shapes, self.document, self.style = shapes, document, style
        self.x, self.y, self.width = x, y, width
        self.count = 0
        self.texts: list[sc.Text] = []  # the scene's labels, so none grows into another

    def _emu(self, x: float, y: float) -> tuple[int, int]:
        return int(round(self.x + x * EMU_PER_POINT)), int(round(self.y + y * EMU_PER_POINT))

    def _name(self, shape, role: str) -> None:
        self.count += 1
        shape.name = f"{role} {self.count}"

    def paint(self, item) -> None:
        {sc.Text: self._text, sc.Path: self._path, sc.Rect: self._rect,
         sc.Circle: self._circle}[type(item)](item)

    @staticmethod
    def _outline(shape, color: Color | None, width: float, dash: str = "solid") -> None:
        if color is None or width <= 0:
            shape.line.fill.background()
            return
        shape.line.color.rgb = _rgb(color)
        shape.line.width = Pt(width)
        if dash in _DASH:
            shape.line.dash_style = _DASH[dash]

    @staticmethod
    def _fill(shape, color: Color | None) -> None:
        if color is None:
            shape.fill.background()
        else:
            shape.fill.solid()
            shape.fill.fore_color.rgb = _rgb(color)

    def _text(self, item: sc.Text) -> None:
        # headroom against rounding, on the side the text grows, kept inside the figure
        slack = item.size * 0.4
        left = {"left": item.left, "center": item.left - slack / 2,
                "right": item.left - slack}[item.align]
        right = left + item.width + slack
        if not item.rotation:
            left, right = max(left, min(item.left, 0.0)), min(right, max(item.left + item.width,
                                                                          self.width))
            # …and short of a neighbouring label level with it, so no two text boxes overlap
            for other in self.texts:
                if other is item or other.top >= item.top + item.height \
                        or other.top + other.height <= item.top:
                    continue
                if other.left >= item.left + item.width - 1e-6:  # halfway to it at most
                    right = min(right, max((other.left + item.left + item.width) / 2 - 0.2,
                                           item.left + item.width))
                elif other.left + other.width <= item.left + 1e-6:
                    left = max(left, min((other.left + other.width + item.left) / 2 + 0.2,
                                         item.left))
        x, y = self._emu(left, item.top)
        box = self.shapes.add_textbox(Emu(x), Emu(y), Emu(int((right - left) * EMU_PER_POINT)),
                                      Emu(int(item.height * EMU_PER_POINT)))
        frame = box.text_frame
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.word_wrap = False
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = MSO_ANCHOR.TOP
        alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
        for index, line in enumerate(item.lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.alignment = alignment[item.align]
            paragraph.line_spacing = 1.0
            run = paragraph.add_run()
            run.text = line
            _font(run, self.document, self.style.typeface.deck_name, item.size, item.color,
                  item.bold)
        if item.rotation:
            box.rotation = -item.rotation
        self._name(box, item.role)

    def _path(self, item: sc.Path) -> None:
        points = [self._emu(x, y) for x, y in item.points]
        if len(points) == 2 and not item.closed:
            shape = self.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, *points[0], *points[1])
        else:
            builder = self.shapes.build_freeform(*points[0], scale=1.0)
            builder.add_line_segments(points[1:], close=item.closed)
            shape = builder.convert_to_shape()
            self._fill(shape, item.fill if item.closed else None)
            shape.shadow.inherit = False
        self._outline(shape, item.stroke, item.stroke_width, item.dash)
        self._name(shape, item.role)

    def _rect(self, item: sc.Rect) -> None:
        x, y = self._emu(item.left, item.top)
        shape = self.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(x), Emu(y),
                                      Emu(max(1, int(item.width * EMU_PER_POINT))),
                                      Emu(max(1, int(item.height * EMU_PER_POINT))))
        self._fill(shape, item.fill)
        self._outline(shape, item.stroke, item.stroke_width)
        shape.shadow.inherit = False
        self._name(shape, item.role)

    def _circle(self, item: sc.Circle) -> None:
        x, y = self._emu(item.cx - item.radius, item.cy - item.radius)
        diameter = Emu(max(1, int(2 * item.radius * EMU_PER_POINT)))
        shape = self.shapes.add_shape(MSO_SHAPE.OVAL, Emu(x), Emu(y), diameter, diameter)
        self._fill(shape, item.fill)
        self._outline(shape, item.stroke, item.stroke_width)
        shape.shadow.inherit = False
        self._name(shape, item.role)
