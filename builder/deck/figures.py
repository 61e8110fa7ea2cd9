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

from builder.charts.figures import SCENES
from builder.charts.images import pixel_size
from builder.deck.barparts import bar_parts, sliced_bars
from builder.deck.charts import add_chart
from builder.deck.figurekit import FigureBox, figure_style, finish_figure
from builder.deck.scenes import add_scene_group, map_parts, sliced, timeline_parts
from builder.deck.tablefigure import add_table, table_parts
from builder.errors import RenderError
from builder.model import (
    BarFigure,
    ImageFigure,
    LineFigure,
    MapFigure,
    PieFigure,
    TableFigure,
    TimelineFigure,
)
from builder.resolve.document import Document
from builder.resolve.numbering import NumberedFigure



def add_figure(slide, document: Document, numbered: NumberedFigure, left: int, top: int,
               width: int, height: int, rows: tuple[int, int] | None = None) -> list:
    """Draw ``numbered``'s figure centred in the EMU box; RenderError at its source line.
    ``rows``: of a table continued over slides, the slice of its rows this slide shows."""
    figure = numbered.figure
    box = FigureBox(int(left), int(top), int(width), int(height))
    if isinstance(figure, ImageFigure):
        return [_picture(slide, document, figure, box)]
    if isinstance(figure, TableFigure):
        return [add_table(slide, document, figure, box, rows)]
    if isinstance(figure, (BarFigure, LineFigure, PieFigure)):
        return [add_chart(slide, document, sliced_bars(figure, rows) if rows else figure, box)]
    if isinstance(figure, TimelineFigure):
        return [add_scene_group(slide, document, sliced(figure, rows), box,
                                whole=figure if rows else None,
                                first_key=rows[0] if rows else 0)]
    if type(figure) in SCENES:  # a map's ``rows``: the slice of its key continued here
        return [add_scene_group(slide, document, figure, box,
                                key_part=rows if isinstance(figure, MapFigure) else None)]
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

def figure_parts(document: Document, figure, box) -> list[tuple[int, int] | None]:
    """The slides a figure takes, each a slice of its rows or events (``None``: the whole
    figure): a table too long for the ``box`` (points) is continued, and so is a timeline
    whose labels would fall under the deck's figure floor, a horizontal bar chart whose
    names cannot all stand by their bars, and a map's key that its slide has no room for
    continues on slides of its own; every other figure is one slide."""
    if isinstance(figure, MapFigure):
        left, top, width, height = box.emu()
        return map_parts(document, figure, FigureBox(left, top, width, height))
    if isinstance(figure, TimelineFigure):
        left, top, width, height = box.emu()
        parts = timeline_parts(document, figure, FigureBox(left, top, width, height))
        return parts if len(parts) > 1 else [None]
    if isinstance(figure, BarFigure):  # a horizontal one whose names need more slides
        return bar_parts(figure, figure_style(document), box.width, box.height) or [None]
    if not isinstance(figure, TableFigure):
        return [None]
    parts = table_parts(document, figure, box.width, box.height)
    return parts if len(parts) > 1 else [None]


# --- scenes (timelines, maps) -------------------------------------------------------------


