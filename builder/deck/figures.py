"""Figures as native PowerPoint objects.

``add_figure(slide, document, numbered, left, top, width, height)`` adds the figure itself
(a native chart, table, shapes or a picture; no caption) inside the box given in EMU,
names its main shape ``figure-<id>``, sets the alt text, and returns the shapes it added.

Charts are PowerPoint charts holding the source's numbers, told the same axis scale, number
format and colours the guide draws (``builder.charts``). Timelines and maps are the shared
scenes, painted as grouped native shapes.
"""

from __future__ import annotations

from pptx.util import Emu

from builder.charts import scene as sc
from builder.charts.figures import SCENES
from builder.charts.geometry import centred
from builder.charts.images import pixel_size
from builder.charts.style import FigureStyle
from builder.charts.tables import column_widths
from builder.deck.charts import add_chart
from builder.deck.figurekit import (
    EMU_PER_POINT,
    FigureBox,
    figure_style,
    finish_figure,
    rgb,
    style_run,
)
from builder.deck.scenes import add_scene_group, sliced, timeline_parts
from builder.errors import RenderError
from builder.model import (
    BarFigure,
    ImageFigure,
    LineFigure,
    PieFigure,
    TableFigure,
    TimelineFigure,
)
from builder.resolve.document import Document
from builder.resolve.numbering import NumberedFigure

MIN_TABLE_SIZE = 10.0  # a long table shrinks this far rather than overflow its slide


def add_figure(slide, document: Document, numbered: NumberedFigure, left: int, top: int,
               width: int, height: int, rows: tuple[int, int] | None = None) -> list:
    """Draw ``numbered``'s figure centred in the EMU box; RenderError at its source line.
    ``rows``: of a table continued over slides, the slice of its rows this slide shows."""
    figure = numbered.figure
    box = FigureBox(int(left), int(top), int(width), int(height))
    if isinstance(figure, ImageFigure):
        return [_picture(slide, document, figure, box)]
    if isinstance(figure, TableFigure):
        return [_table(slide, document, figure, box, rows)]
    if isinstance(figure, (BarFigure, LineFigure, PieFigure)):
        return [add_chart(slide, document, figure, box)]
    if isinstance(figure, TimelineFigure):
        return [add_scene_group(slide, document, sliced(figure, rows), box)]
    if type(figure) in SCENES:
        return [add_scene_group(slide, document, figure, box)]
    raise RenderError(f"{figure.where}: figure kind '{figure.kind}' cannot be drawn")


# --- pictures -----------------------------------------------------------------------------

def _picture(slide, document: Document, figure: ImageFigure, box: FigureBox):
    path = document.asset(figure.path)
    pixels_wide, pixels_high = pixel_size(path, figure)
    x, y, cx, cy = box.fitted(pixels_high / pixels_wide)
    shape = slide.shapes.add_picture(str(path), Emu(x), Emu(y), Emu(cx), Emu(cy))
    finish_figure(shape, figure)
    return shape


# --- charts -------------------------------------------------------------------------------


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


TABLE_SLACK = 0.96  # LibreOffice sets table rows a little taller than measured: plan with room


def figure_parts(document: Document, figure, box) -> list[tuple[int, int] | None]:
    """The slides a figure takes, each a slice of its rows or events (``None``: the whole
    figure): a table too long for the ``box`` (points) is continued, and so is a timeline
    whose labels would fall under the deck's figure floor; every other figure is one slide."""
    if isinstance(figure, TimelineFigure):
        left, top, width, height = box.emu()
        parts = timeline_parts(document, figure, FigureBox(left, top, width, height))
        return parts if len(parts) > 1 else [None]
    if not isinstance(figure, TableFigure):
        return [None]
    parts = table_parts(document, figure, box.width, box.height)
    return parts if len(parts) > 1 else [None]


def table_parts(document: Document, figure: TableFigure, width: float,
                height: float) -> list[tuple[int, int]]:
    """Slices of the table's rows that each fit a ``width`` × ``height`` box (points) under
    the repeated header, at the size the whole table is set in (the same on every slide); one
    slice when it all fits. A table too long for one slide at ``MIN_TABLE_SIZE`` continues
    on the next rather than running over its caption."""
    _, _, heights = _table_size(figure, figure_style(document), width, height * TABLE_SLACK)
    room = height * TABLE_SLACK
    parts, start, used = [], 0, heights[0]
    for index, row_height in enumerate(heights[1:]):
        if used + row_height > room and index > start:
            parts.append((start, index))
            start, used = index, heights[0]
        used += row_height
    parts.append((start, len(heights) - 1))
    return parts


def _table(slide, document: Document, figure: TableFigure, box: FigureBox,
           part: tuple[int, int] | None = None):
    style = figure_style(document)
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    size, widths, heights = _table_size(figure, style, width,
                                        height * (TABLE_SLACK if part else 1.0))
    rows = [figure.header, *figure.rows]
    if part:  # a slice of a continued table, set as the whole is
        rows = [figure.header, *figure.rows[part[0]:part[1]]]
        heights = [heights[0], *heights[1 + part[0]:1 + part[1]]]
    total = sum(heights)
    x, y = centred(box.left, box.top, box.width, box.height, box.width,
                   min(total * EMU_PER_POINT, box.height))
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
            cell.fill.fore_color.rgb = rgb(fill)
            cell.text = text
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    style_run(run, document, style.typeface.deck_name, size, palette.text,
                          bold=row_index == 0)
    finish_figure(frame, figure)
    return frame


# --- scenes (timelines, maps) -------------------------------------------------------------


