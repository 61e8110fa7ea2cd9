"""Figures drawn as reportlab vector graphics for the guide.

``figure_flowable(document, numbered, width, max_height)`` returns one Flowable that draws
the figure itself (no caption: the guide prints "Figure N. Caption" and the credit), at most
``width`` wide and ``max_height`` tall, keeping the figure's aspect. Charts, timelines and
maps are scenes built in ``builder.charts`` (shared with the deck) and painted here.
"""

from __future__ import annotations

import math
import weakref
from typing import Callable

from reportlab.graphics.shapes import (Circle, Drawing, Group, PolyLine, Polygon, Rect, String,
                                       Wedge)
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isColorOrNone, isNumber
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image, Paragraph, Table, TableStyle

from builder.guide import emboldened
from builder.guide.markup import fallback_markup
from builder.text import measure
from builder.text.fallback import missing as absent, segments
from builder.text.rtl import visual
from builder.text.fonts import Faces
from builder.charts import scene as sc
from builder.charts.figures import SCENES, scene_for
from builder.charts.images import pixel_size
from builder.charts.markup import emphasis, styled_lines
from builder.charts.geometry import fit
from builder.charts.style import FigureStyle
from builder.charts.tables import column_widths
from builder.charts.timeline import MIN_SCALE
from builder.errors import RenderError
from builder.layout.values import Color
from builder.text.inline import Run
from builder.model import ImageFigure, MapFigure, TableFigure, TimelineFigure
from builder.resolve.numbering import NumberedFigure
from builder.resolve.document import Document
from builder.resolve.scenecache import cached_scene

FALLBACK_SIZE = 8.0  # the drawings' opening font size; every String sets its own
_DASHES = {"solid": None, "dashed": (4.0, 2.5), "dotted": (1.0, 2.0)}


def figure_style(document: Document, size: float | None = None) -> FigureStyle:
    """The guide's figure look: body font at the layout's small size."""
    return FigureStyle.from_layout(document.layout.palette, document.fonts["body"],
                                   size or document.layout.guide.sizes.small, document.language)


def figure_floor(document: Document) -> float:
    """The smallest text a guide figure draws: the layout's figure size (``small``) less the
    15 % a crowded timeline may shrink (``timeline.MIN_SCALE``). Large print's 12 pt
    figures never come out at 8 pt because a page was short of room: the figure grows
    taller instead (``figure_flowable``'s ``room``)."""
    return document.layout.guide.sizes.small * MIN_SCALE


def _smallest_text(scene: sc.Scene) -> float:
    return min((item.size for item in scene.items if isinstance(item, sc.Text)),
               default=math.inf)


def figure_flowable(document: Document, numbered: NumberedFigure, width: float,
                    max_height: float, room: float | None = None) -> Flowable:
    """The figure drawing, fitted to ``width`` × ``max_height``; RenderError at its source line.

    ``room``: the most height the page could give (its frame less the caption). A timeline
    that fits ``max_height`` only with its text scaled under ``figure_floor`` is drawn
    taller instead, up to ``room``, its text at the floor or above: a shorter page moves
    it on rather than shrink it (``FittedFigure``)."""
    figure = numbered.figure
    if isinstance(figure, ImageFigure):
        return _image(document, figure, width, max_height)
    if isinstance(figure, TableFigure):
        return _table(document, figure, width)
    if type(figure) not in SCENES:
        raise RenderError(f"{figure.where}: figure kind '{figure.kind}' cannot be drawn")
    style = figure_style(document)
    scene = cached_scene(scene_for, document, figure, style, width, max_height,
                         document.asset)
    floor = figure_floor(document)
    if isinstance(figure, TimelineFigure) and room and room > max_height \
            and _smallest_text(scene) < floor - 0.01:
        taller = cached_scene(scene_for, document, figure, style, width, room,
                              document.asset)
        if _smallest_text(taller) > _smallest_text(scene):
            scene = taller
    for item in scene.items:
        if isinstance(item, sc.Text):
            _check_glyphs(item.text, style.typeface.faces, item.bold, figure.where)
    return paint(scene, style.typeface, emphasis(figure))


SMALLEST_FIT = 0.72  # the least a figure shrinks to finish a page (flowables.FittedFigure)


def key_rest(document: Document, numbered: NumberedFigure, width: float,
             max_height: float) -> tuple[str, ...]:
    """A map's key entries its drawing had no room for (hundreds of names): the guide lists
    them after the figure, so every place is named."""
    figure = numbered.figure
    if not isinstance(figure, MapFigure):
        return ()
    rest: dict[str, None] = {}
    for height in (max_height, max_height * SMALLEST_FIT):  # as large as the page allows,
        scene = cached_scene(scene_for, document, figure, figure_style(document), width,
                             height, document.asset)  # or shrunk to finish a page
        rest.update(dict.fromkeys(getattr(scene, "rest", ())))
    return tuple(rest)


def _check_glyphs(text: str, faces: Faces, bold: bool, where: str) -> None:
    """A character no font has would print as an empty box: stop at the figure instead (the
    build lists such characters up front; this is a backstop)."""
    missing = absent(text, faces, bold)
    if missing:
        font = faces.family
        shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:5])
        raise RenderError(f"{where}: the font {font} has no glyph for {shown} in figure text "
                          f"'{text[:40]}'; choose a font family in the layout that covers it")


def _hex(color: Color | None):
    return None if color is None else colors.HexColor(color.hex)


PAINTED_LIMIT = 64  # scenes whose shapes are kept (as many as ``scenecache`` keeps scenes)
_painted: dict[int, tuple[weakref.ref, dict]] = {}


def paint(scene: sc.Scene, typeface: sc.Typeface, styled: dict | None = None) -> Drawing:
    """A reportlab Drawing of a scene (y flipped: scenes grow downward, PDF upward).

    The drawing starts in the figure's own typeface: reportlab's graphics state otherwise
    opens every drawing with ``STATE_DEFAULTS`` Helvetica, which lands in the PDF as an
    unembedded base-14 font even when no string uses it. ``styled`` (see
    ``builder.charts.markup.emphasis``): labels drawn in italic or bold as the source wrote.

    A scene kept by ``scenecache`` is the same object in a watch's next build; its shapes
    (which drawing never changes) are kept with it and go into a new Drawing each time, as
    the Drawing itself is marked for tagging by whoever places it.
    """
    height = scene.height
    drawing = Drawing(scene.width, height, initialFontName=typeface.font(False),
                      initialFontSize=FALLBACK_SIZE)
    for shape in _shapes(scene, typeface, styled):
        drawing.add(shape)
    drawing.hAlign = "CENTER"
    return drawing


def _shapes(scene: sc.Scene, typeface: sc.Typeface, styled: dict | None) -> list:
    try:
        key = (typeface, tuple(sorted((label, tuple(runs)) for label, runs in
                                      (styled or {}).items())))
        hash(key)
    except TypeError:
        return _drawn_shapes(scene, typeface, styled)
    held = _painted.get(id(scene))
    if held is None or held[0]() is not scene:
        held = (weakref.ref(scene), {})
        _painted.pop(id(scene), None)
        _painted[id(scene)] = held
        while len(_painted) > PAINTED_LIMIT:
            del _painted[next(iter(_painted))]
    shapes = held[1].get(key)
    if shapes is None:
        shapes = held[1][key] = _drawn_shapes(scene, typeface, styled)
    return shapes


def _drawn_shapes(scene: sc.Scene, typeface: sc.Typeface, styled: dict | None) -> list:
    height = scene.height
    return [_text(item, height, typeface, styled_lines(item.lines, styled or {}))
            if isinstance(item, sc.Text) else _PAINTERS[type(item)](item, height, typeface)
            for item in scene.items]


def _text(item: sc.Text, height: float, typeface: sc.Typeface, runs=None):
    group = Group()
    anchor = {"left": "start", "center": "middle", "right": "end"}[item.align]
    x = {"left": item.left, "center": item.left + item.width / 2,
         "right": item.left + item.width}[item.align]
    line = sc.Typeface.line_height(item.size)
    faces = typeface.faces
    for index, text in enumerate(item.lines):
        baseline = height - (item.top + sc.Typeface.ascent(item.size) + index * line)
        text = visual(text)
        styled = [Run(visual(run.text), run.bold, run.italic) for run in runs[index]] if runs \
            else [Run(text)]
        pieces = [(piece, run.bold or item.bold, run.italic) for run in styled
                  for piece in segments(run.text, faces, run.bold or item.bold, run.italic)]
        if not runs and len(pieces) <= 1 and (not pieces or pieces[0][0].primary):
            group.add(String(x, baseline, text, fontName=typeface.font(item.bold),
                             fontSize=item.size, fillColor=_hex(item.color), textAnchor=anchor))
            continue
        # stretches in other fonts (a fallback, an italic word): laid end to end from the
        # line's start
        widths = [measure.styled_width(piece.text, faces, item.size, bold, italic)
                  for piece, bold, italic in pieces]
        start = x - {"start": 0.0, "middle": 0.5, "end": 1.0}[anchor] * sum(widths)
        for (piece, _, _), piece_width in zip(pieces, widths):
            size = item.size * piece.scale
            if piece.font.emboldened:  # a face with no bold: stroked as well (``emboldened``)
                group.add(StrokedString(start, baseline, piece.text, fontName=piece.font.name,
                                        fontSize=size, fillColor=_hex(item.color),
                                        textAnchor="start", textRenderMode=2,
                                        strokeColor=_hex(item.color),
                                        strokeWidth=size * emboldened.STROKE))
            else:
                group.add(String(start, baseline, piece.text, fontName=piece.font.name,
                                 fontSize=size, fillColor=_hex(item.color), textAnchor="start"))
            start += piece_width
    if item.rotation:
        cx = item.left + item.width / 2
        cy = height - (item.top + item.height / 2)
        angle = math.radians(item.rotation)
        cos, sin = math.cos(angle), math.sin(angle)
        group.transform = (cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy)
    return group


class StrokedString(String):
    """A figure String whose glyphs are also stroked (text render mode 2): reportlab's
    String has no stroke colour or width of its own, the renderer reads them from here."""

    _attrMap = AttrMap(BASE=String, strokeColor=AttrMapValue(isColorOrNone),
                       strokeWidth=AttrMapValue(isNumber))


def _path(item: sc.Path, height: float, typeface: sc.Typeface):
    points = [coordinate for x, y in item.points for coordinate in (x, height - y)]
    dash = _DASHES[item.dash]
    if dash is not None:
        dash = [d * max(item.stroke_width, 0.75) for d in dash]
    if item.closed:
        return Polygon(points, fillColor=_hex(item.fill), strokeColor=_hex(item.stroke),
                       strokeWidth=item.stroke_width if item.stroke else 0,
                       strokeDashArray=dash, strokeLineJoin=1)
    return PolyLine(points, strokeColor=_hex(item.stroke), strokeWidth=item.stroke_width,
                    strokeDashArray=dash, strokeLineJoin=1, strokeLineCap=1)


def _rect(item: sc.Rect, height: float, typeface: sc.Typeface):
    return Rect(item.left, height - item.top - item.height, item.width, item.height,
                fillColor=_hex(item.fill), strokeColor=_hex(item.stroke),
                strokeWidth=item.stroke_width)


def _circle(item: sc.Circle, height: float, typeface: sc.Typeface):
    return Circle(item.cx, height - item.cy, item.radius, fillColor=_hex(item.fill),
                  strokeColor=_hex(item.stroke), strokeWidth=item.stroke_width)


def _wedge(item: sc.Wedge, height: float, typeface: sc.Typeface):
    return Wedge(item.cx, height - item.cy, item.radius, item.start, item.end,
                 radius1=item.inner_radius or None, fillColor=_hex(item.fill),
                 strokeColor=_hex(item.stroke), strokeWidth=item.stroke_width)


_PAINTERS: dict[type, Callable] = {sc.Text: _text, sc.Path: _path, sc.Rect: _rect,
                                   sc.Circle: _circle, sc.Wedge: _wedge}


def _image(document: Document, figure: ImageFigure, width: float, max_height: float) -> Image:
    """The picture at its own pixels, scaled to fit (never resampled)."""
    path = document.asset(figure.path)
    pixels_wide, pixels_high = pixel_size(path, figure)
    shown_width, shown_height = fit(width, max_height, pixels_high / pixels_wide)
    image = Image(str(path), shown_width, shown_height)
    image.hAlign = "CENTER"
    return image


def _table(document: Document, figure: TableFigure, width: float) -> Table:
    """A data table: bold header on the surface tint, hairline rules, columns sized by content."""
    palette = document.layout.palette
    faces = document.fonts["body"]
    size = document.layout.guide.sizes.small + 0.5
    body = ParagraphStyle("figure-table", fontName=measure.face(faces), fontSize=size,
                          leading=size * 1.25, textColor=_hex(palette.text))
    head = ParagraphStyle("figure-table-head", parent=body, fontName=measure.face(faces, True))
    widths = column_widths(figure, sc.Typeface(faces), size, width - 0.1, padding=8.0)
    for index, row in enumerate([figure.header, *figure.rows]):
        for cell in row:
            _check_glyphs(cell, faces, index == 0, figure.where)
    data = [[Paragraph(fallback_markup(cell, faces, True, size=head.fontSize), head)
             for cell in figure.header]]
    data += [[Paragraph(fallback_markup(cell, faces, size=body.fontSize), body) for cell in row]
             for row in figure.rows]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), measure.face(faces), size),  # else Helvetica, unembedded
        ("BACKGROUND", (0, 0), (-1, 0), _hex(palette.surface)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, _hex(palette.primary)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, _hex(palette.muted)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table
