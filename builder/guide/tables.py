"""Tables and boxes: data tables with tinted, repeating headers; tinted single-cell boxes.

Column widths come from the text itself (measured with the real font) so short columns stay
narrow and long text wraps inside its column instead of overflowing the page.
"""

from __future__ import annotations

import copy
import dataclasses
from functools import lru_cache
from typing import Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from builder.guide import tagging
from builder.guide.context import Context
from builder.guide.styles import Styles, TextStyle
from builder.text import adapt
from builder.text.hyphenate import column_hyphenator
from builder.text.inline import plain
from builder.text.measure import styled_width
from builder.text.typography import breakable_words, for_guide

CELL_PADDING = 5.0


def cell_font(styles: Styles) -> tuple:
    """Table style command setting the cells' own font: without it reportlab selects
    Helvetica on every cell (even ones holding paragraphs) and the PDF lists an unembedded font.
    """
    return ("FONT", (0, 0), (-1, -1), styles.body.font_name, styles.body_size)


def column_widths(columns: Sequence[Sequence[str]], style: TextStyle, available: float,
                  header_style: TextStyle | None = None,
                  column_styles: Sequence[TextStyle | None] = ()) -> list[float]:
    """Share ``available`` between columns by their natural and minimum (longest word) widths.

    Each column's first entry is its header, measured in ``header_style`` (bold) when given,
    so a header never breaks inside a word ("Date/s"); ``column_styles`` gives a column's
    body cells their own style (a bold first column). When the columns do not all fit,
    a column that fits in its fair share keeps its natural width (names and dates stay on
    one line) and only the long columns wrap, sharing what is left.
    """
    padding = 2 * CELL_PADDING + 1
    count = len(columns)

    def measured(number: int, column: Sequence[str]) -> list[tuple[str, TextStyle]]:
        body = column_styles[number] if number < len(column_styles) else None
        return [(plain(text), (header_style if index == 0 else body) or style)
                for index, text in enumerate(column)]

    def width_of(text: str, cell_style: TextStyle) -> float:
        # each character in the font that draws it: a CJK name measured in the layout's
        # Latin face (which has no glyph for it) came out narrow and was cut ("尊王/攘夷")
        return styled_width(text, cell_style.faces, cell_style.paragraph.fontSize,
                            cell_style.bold, cell_style.italic)

    cells = [measured(number, column) for number, column in enumerate(columns)]
    natural = [max((width_of(text, cell_style) for text, cell_style in column), default=0)
               + padding for column in cells]
    minimum = [min(max((width_of(word, cell_style) for text, cell_style in column
                        for word in breakable_words(for_guide(text))), default=0) + padding,
                   available / count)
               for column in cells]
    minimum = [max(value, min(36.0, available / count)) for value in minimum]
    if sum(natural) <= available:
        spare = available - sum(natural)
        total = sum(natural)
        return [value + spare * value / total for value in natural]
    fixed: dict[int, float] = {}
    while True:  # settle the columns that fit in a fair share of what the others leave
        open_columns = [i for i in range(count) if i not in fixed]
        left = available - sum(fixed.values())
        fair = left / max(1, len(open_columns))
        settled = [i for i in open_columns if natural[i] <= fair]
        if not settled:
            break
        fixed.update({i: natural[i] for i in settled})
    open_columns = [i for i in range(count) if i not in fixed]
    left = available - sum(fixed.values())
    if not open_columns or sum(minimum[i] for i in open_columns) > left:
        fixed, open_columns, left = {}, list(range(count)), available
    remaining = max(0.0, left - sum(minimum[i] for i in open_columns))
    wants = {i: max(0.0, natural[i] - minimum[i]) for i in open_columns}
    total_want = sum(wants.values()) or 1.0
    return [fixed[i] if i in fixed else minimum[i] + remaining * wants[i] / total_want
            for i in range(count)]


def data_table(context: Context, header: Sequence[str], rows: Sequence[Sequence[str]],
               where: str, bold_first_column: bool = False) -> Table:
    """A full-width table: header tinted and repeated on each page, zebra rows."""
    styles = context.styles
    widths = column_widths([[header[i], *(row[i] for row in rows)] for i in range(len(header))],
                           styles.cell, context.width, header_style=styles.cell_header,
                           column_styles=[styles.cell_bold] if bold_first_column else ())
    rooms = [width - 2 * CELL_PADDING for width in widths]
    language = styles.language
    data: list[list[Flowable]] = [[context.paragraph(text, in_column(styles.cell_header, room,
                                                                     language), where,
                                                     room=room)
                                   for text, room in zip(header, rooms)]]
    for row in rows:
        data.append([context.paragraph(text, in_column(
            styles.cell_bold if bold_first_column and index == 0 else styles.cell,
            room, language), where, room=room)
            for index, (text, room) in enumerate(zip(row, rooms))])
    palette = styles.colors
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    tagging.mark_table(table, context.tags.leaf("Table"))
    table.setStyle(TableStyle([
        cell_font(styles),
        ("BACKGROUND", (0, 0), (-1, 0), palette.surface),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, palette.zebra]),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, palette.primary),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, palette.rule),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ]))
    _split_rows_taller_than_a_page(table, context, where)
    if not getattr(table, "splitInRow", 0):
        table.setStyle(TableStyle(no_lone_rows(table._rowHeights, styles.frame_height)))
    return table


def in_column(style: TextStyle, room: float, language: str) -> TextStyle:
    """``style`` for a cell ``room`` points wide: its words break at syllables and, where a
    word or syllable is wider than the column, between letters, always with a hyphen."""
    return _in_column(style, round(room, 2), language)


@lru_cache(maxsize=256)
def _in_column(style: TextStyle, room: float, language: str) -> TextStyle:
    paragraph = copy.copy(style.paragraph)
    paragraph.hyphenationLang = column_hyphenator(language, style.font_name,
                                                  paragraph.fontSize, room)
    return dataclasses.replace(style, paragraph=paragraph)


TALL_ROW = 0.12  # a row this share of a page tall may start or end a page alone


def no_lone_rows(heights: Sequence[float], frame_height: float,
                 header_rows: int = 1) -> list[tuple]:
    """Where a table (its rows' ``heights``, the header's first) may not break: its header
    stays with its first two rows and its last row with the one before — no short row alone
    at a page's foot or top (a row taller than ``TALL_ROW`` of a page may be), and no table
    moved whole when it could flow (a 4-row table once left a page's foot empty)."""
    count = len(heights)
    if count - header_rows <= 1:
        return [("NOSPLIT", (0, 0), (-1, -1))]
    tall = TALL_ROW * frame_height
    first = header_rows + (0 if heights[header_rows] >= tall else 1)
    commands = [("NOSPLIT", (0, 0), (-1, first))]
    if heights[-1] < tall:
        commands.append(("NOSPLIT", (0, count - 2), (-1, count - 1)))
    return commands


def _split_rows_taller_than_a_page(table: Table, context: Context, where: str) -> None:
    """A row taller than a page (under its repeated header) continues on the next page
    instead of stopping the build; rows that fit a page still move whole."""
    table.wrap(context.width, 1e9)
    heights = list(table._rowHeights)
    if len(heights) > 1 and heights[0] + max(heights[1:]) > context.styles.frame_height:
        table.splitInRow = 1
        adapt.note(where, "a table row is taller than a page: it continues on the next page")


def box(content: list[Flowable], width: float, styles: Styles, *, tint: colors.Color | None,
        rule: colors.Color | None = None, border: colors.Color | None = None,
        padding: float = 10.0, rounded: bool = False) -> Table:
    """One tinted cell holding flowables, with an optional coloured rule on its left.

    A box that fits on a page moves whole to the next one; only a box taller than a page
    splits (``splitInRow``) and continues on the next page rather than fail.
    """
    commands: list[tuple] = [
        cell_font(styles),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding + (2 if rule is not None else 0)),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding * 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
    ]
    if tint is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), tint))
    if rule is not None:
        commands.append(("LINEBEFORE", (0, 0), (0, -1), 3, rule))
    if border is not None:
        commands.append(("BOX", (0, 0), (-1, -1), 0.8, border))
    if rounded:
        commands.append(("ROUNDEDCORNERS", [4, 4, 4, 4]))
    table = Table([[content]], colWidths=[width], hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    allow_splitting_if_taller_than(table, width, styles.frame_height)
    return table


def unbreakable(content: list[Flowable], width: float, styles: Styles,
                align: str = "LEFT") -> Table:
    """Flowables that must stay on one page (a question and its choices, a figure and its
    caption), as one table cell; only content taller than a page (a caption of many
    paragraphs' length) splits, continuing on the next page rather than stopping the build.

    Not platypus' KeepTogether: it reports an unbounded height when nested, so a heading
    kept with its next block (keepWithNext wraps both in a KeepTogether) would always
    push that block, or itself, to a new page.
    """
    table = Table([[content]], colWidths=[width], hAlign=align)
    table.setStyle(TableStyle([
        cell_font(styles), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    allow_splitting_if_taller_than(table, width, styles.frame_height)  # else it continues
    return table


def allow_splitting_if_taller_than(table: Table, width: float, height: float) -> None:
    """Let a one-cell table split inside its row only when it cannot fit on any page."""
    if table.wrap(width, height)[1] > height:
        table.splitInRow = 1

