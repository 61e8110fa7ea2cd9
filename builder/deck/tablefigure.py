"""A table figure on slides: one text size for the whole table, the figure floor or larger,
continued over slides in even parts when it is too long for one.

A table on a slide is read across a room, like every figure: its text keeps to the deck's
figure floor (``figure_min_size``: 14 pt, 18 pt in large print) instead of shrinking to
fit, and a short table grows toward the slide's body size to fill its box (a six-row table
once sat at 11 pt in the top of an empty large-print box). A table too long for one slide
at the floor continues on the next, its header repeated, its rows shared out evenly (not a
full slide and a leftover of two rows). Only a single row too tall for a slide even alone
under the header is set smaller than the floor, down to ``MIN_TABLE_SIZE``: the last resort
before it would run over its caption.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from pptx.util import Emu

from builder.charts import scene as sc
from builder.charts.geometry import centred
from builder.charts.style import FigureStyle
from builder.charts.tables import column_widths
from builder.charts.transpose import may_transpose, prefer_transposed, transposed
from builder.deck.figurekit import (
    EMU_PER_POINT,
    FigureBox,
    figure_max_size,
    figure_min_size,
    figure_style,
    finish_figure,
    rgb,
    style_run,
)
from builder.model import TableFigure
from builder.resolve.document import Document
from builder.text.inline import parse_inline, plain
from builder.text.typography import breakable_words

MIN_TABLE_SIZE = 10.0  # a row too tall for a slide at the floor shrinks this far, no further
TABLE_SLACK = 0.96  # LibreOffice sets table rows a little taller than measured: plan with room
PADDING = 14.4  # PowerPoint's default cell margins, 0.1 in each side
ROW_PAD = 7.2  # and 0.05 in above and below each cell's text


@dataclass(frozen=True)
class TableLayout:
    """The size every slide of the table is set in, its column widths, each row's height
    (the header's first) and the slices of rows each slide shows."""

    size: float
    widths: tuple[float, ...]
    heights: tuple[float, ...]
    parts: tuple[tuple[int, int], ...]
    whole_words: bool = True  # every column holds its longest word
    turned: bool = False  # columns as rows (``builder.charts.transpose``)


def _measure(figure: TableFigure, style: FigureStyle, size: float, width: float
             ) -> tuple[list[float], list[float]]:
    shown = figure.model_copy(update={  # measured as drawn: emphasis markers are not text
        "header": tuple(plain(cell) for cell in figure.header),
        "rows": tuple(tuple(plain(cell) for cell in row) for row in figure.rows)})
    widths = column_widths(shown, style.typeface, size, width, PADDING)
    heights = []
    for row_index, row in enumerate([shown.header, *shown.rows]):
        lines = max(len(style.typeface.wrap(cell, size, w - PADDING, bold=row_index == 0))
                    for cell, w in zip(row, widths))
        heights.append(lines * sc.Typeface.line_height(size) + ROW_PAD)
    return widths, heights


def _parts(heights: list[float], room: float) -> list[tuple[int, int]]:
    """Rows (indexes into the body rows) cut into the fewest slides that hold them under the
    header, and among those cuts the most even one (least sum of squared slide heights, a
    small dynamic programme over the cut points), so the last slide is not left with a row
    or two. A row too tall for any slide stands alone on its own."""
    header, rows = heights[0], heights[1:]
    parts, start, used = [], 0, header
    for index, row in enumerate(rows):  # greedy: the fewest slides
        if used + row > room + 1e-9 and index > start:
            parts.append((start, index))
            start, used = index, header
        used += row
    parts.append((start, len(rows)))
    count = len(parts)
    if count == 1 or count > 60:
        return parts
    prefix = [0.0]
    for row in rows:
        prefix.append(prefix[-1] + row)

    def cost(first: int, last: int) -> float | None:  # rows first..last-1 on one slide
        height = header + prefix[last] - prefix[first]
        if height > room + 1e-9 and last - first > 1:
            return None
        return height * height

    n = len(rows)
    best: list[dict[int, tuple[float, int]]] = [{0: (0.0, 0)}]  # slides used → end → cost
    for slide in range(1, count + 1):
        level: dict[int, tuple[float, int]] = {}
        for first, (so_far, _) in best[-1].items():
            for last in range(first + 1, n + 1):
                step = cost(first, last)
                if step is None:
                    break
                total = so_far + step
                if last not in level or total < level[last][0]:
                    level[last] = (total, first)
        best.append(level)
    if n not in best[count]:
        return parts
    cuts, end = [], n
    for slide in range(count, 0, -1):
        first = best[slide][end][1]
        cuts.append((first, end))
        end = first
    return cuts[::-1]


@lru_cache(maxsize=64)
def _layout(figure: TableFigure, style: FigureStyle, width: float, height: float,
            floor: float, top: float) -> TableLayout:
    room = height * TABLE_SLACK
    measured: dict[float, tuple] = {}

    def at(size: float) -> tuple[list[float], list[float], list[tuple[int, int]]]:
        if size not in measured:
            widths, heights = _measure(figure, style, size, width)
            measured[size] = (widths, heights, _parts(heights, room))
        return measured[size]

    def whole(size: float) -> bool:
        return sum(at(size)[1]) <= room

    def result(size: float) -> TableLayout:
        widths, heights, parts = at(size)
        columns = list(zip(figure.header, *figure.rows))
        whole_words = all(
            max((style.typeface.width(word, size, True) for cell in column
                 for word in breakable_words(plain(cell))), default=0.0) + PADDING <= w + 0.01
            for column, w in zip(columns, widths))
        return TableLayout(size, tuple(widths), tuple(heights), tuple(parts), whole_words)

    base = max(style.size, floor)
    if whole(base):  # it fits: as large as still fits, up to the body size
        size = base
        while size + 1 <= top and whole(size + 1):
            size += 1
        return result(size)
    size = base
    while size - 1 >= floor and not whole(size):
        size -= 1
    if whole(size):
        return result(size)
    size = floor
    widths, heights, parts = at(size)
    if all(heights[0] + row <= room for row in heights[1:]):
        # continued at the floor; as large as keeps the same number of slides
        while size + 1 <= top and len(at(size + 1)[2]) <= len(parts) and all(
                at(size + 1)[1][0] + row <= room for row in at(size + 1)[1][1:]):
            size += 1
        return result(size)
    while size - 1 >= MIN_TABLE_SIZE:  # a row taller than a slide: the last resort
        size -= 1
        widths, heights, parts = at(size)
        if all(heights[0] + row <= room for row in heights[1:]):
            break
    return result(size)


def table_layout(document: Document, figure: TableFigure, width: float,
                 height: float) -> TableLayout:
    """How the table is set in a ``width`` × ``height`` box (points) on every slide it takes
    (see the module docstring)."""
    style, floor, top = figure_style(document), figure_min_size(document), figure_max_size(
        document)
    given = _layout(figure, style, round(width, 2), round(height, 2), floor, top)
    if not may_transpose(figure.header, figure.rows):
        return given
    turned = _layout(turned_figure(figure), style, round(width, 2), round(height, 2), floor,
                     top)

    def is_table(layout: TableLayout) -> bool:  # set at the floor, no word cut
        return layout.size >= floor - 0.01 and layout.whole_words

    if prefer_transposed([given] * len(given.parts), [turned] * len(turned.parts), is_table):
        return replace(turned, turned=True)
    return given


def turned_figure(figure: TableFigure) -> TableFigure:
    """The table with its columns as rows: the same rule body tables turn by (a wide, short
    table, Anscombe's eleven pairs as two rows of twelve, reads as twelve rows of two)."""
    header, rows = transposed(figure.header, figure.rows)
    return figure.model_copy(update={"header": header, "rows": rows})


def table_parts(document: Document, figure: TableFigure, width: float,
                height: float) -> list[tuple[int, int]]:
    """Slices of the table's rows, one per slide, each under the repeated header, at the one
    size the table is set in; one slice when it all fits."""
    return list(table_layout(document, figure, width, height).parts)


def add_table(slide, document: Document, figure: TableFigure, box: FigureBox,
              part: tuple[int, int] | None = None):
    """The table (or the slice ``part`` of its rows) as a native table centred in ``box``."""
    style = figure_style(document)
    layout = table_layout(document, figure, box.width / EMU_PER_POINT,
                          box.height / EMU_PER_POINT)
    if layout.turned:
        figure = turned_figure(figure)
    size, widths, heights = layout.size, layout.widths, list(layout.heights)
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
            paragraph = cell.text_frame.paragraphs[0]
            for piece in parse_inline(text):  # *italic* and **bold** as the source wrote
                run = paragraph.add_run()
                run.text = piece.text
                style_run(run, document, style.typeface.deck_name, size, palette.text,
                          bold=row_index == 0 or piece.bold)
                if piece.italic:
                    run.font.italic = True
    finish_figure(frame, figure)
    return frame


__all__ = ["MIN_TABLE_SIZE", "TableLayout", "add_table", "table_layout", "table_parts"]
