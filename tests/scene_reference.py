"""The scene painter as it was written with python-pptx's API (builder/deck/scenes.py before
builder/deck/scenexml.py): the reference ``tests/test_deck_scenes_xml.py`` compares the
directly built shapes with."""

from __future__ import annotations

from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.shapes.freeform import FreeformBuilder
from pptx.util import Emu, Pt

from builder.charts import scene as sc
from builder.charts.markup import styled_lines
from builder.charts.style import FigureStyle
from builder.deck.figurekit import EMU_PER_POINT, rgb, style_run
from builder.deck.scenexml import text_extent
from builder.layout.values import Color
from builder.resolve.document import Document
from builder.text.inline import Run


class _Freeform(FreeformBuilder):
    """python-pptx's freeform builder, its shape offset worked out once.

    The library recomputes the offset (the least x and y of every vertex) for each vertex it
    writes: quadratic, 30 s for a 2,500-point coastline. Here it is computed once, when the
    shape is made; the geometry written is the same.
    """

    _offsets: tuple | None = None

    @property
    def shape_offset_x(self):
        return self._offsets[0] if self._offsets else super().shape_offset_x

    @property
    def shape_offset_y(self):
        return self._offsets[1] if self._offsets else super().shape_offset_y

    def convert_to_shape(self, origin_x=Emu(0), origin_y=Emu(0)):
        self._offsets = (super().shape_offset_x, super().shape_offset_y)
        return super().convert_to_shape(origin_x, origin_y)


_DASH = {"dashed": MSO_LINE_DASH_STYLE.DASH, "dotted": MSO_LINE_DASH_STYLE.ROUND_DOT}


class ScenePainter:
    """Adds one native shape per scene item, offset to the figure's place on the slide."""

    def __init__(self, shapes, document: Document, style: FigureStyle, x: float, y: float,
                 width: float):
        self.shapes, self.document, self.style = shapes, document, style
        self.x, self.y, self.width = x, y, width
        self.count = 0
        self.level_with = None  # the scene's labels, so none grows into another
        self.styled: dict = {}  # labels with emphasis (builder.charts.markup.emphasis)

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
        shape.line.color.rgb = rgb(color)
        shape.line.width = Pt(width)
        if dash in _DASH:
            shape.line.dash_style = _DASH[dash]

    @staticmethod
    def _fill(shape, color: Color | None) -> None:
        if color is None:
            shape.fill.background()
        else:
            shape.fill.solid()
            shape.fill.fore_color.rgb = rgb(color)

    def _text(self, item: sc.Text) -> None:
        left, right = text_extent(item, self.width, self.level_with)
        x, y = self._emu(left, item.top)
        box = self.shapes.add_textbox(Emu(x), Emu(y), Emu(int((right - left) * EMU_PER_POINT)),
                                      Emu(int(item.height * EMU_PER_POINT)))
        frame = box.text_frame
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.word_wrap = False
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = MSO_ANCHOR.TOP
        alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
        styled = styled_lines(item.lines, self.styled)  # italic and bold as the source wrote
        for index, line in enumerate(item.lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.alignment = alignment[item.align]
            paragraph.line_spacing = 1.0
            for piece in (styled[index] if styled else [Run(line)]):
                run = paragraph.add_run()
                run.text = piece.text
                style_run(run, self.document, self.style.typeface.deck_name, item.size,
                          item.color, item.bold or piece.bold)
                if piece.italic:
                    run.font.italic = True
        if item.rotation:
            box.rotation = -item.rotation
        self._name(box, item.role)

    def _path(self, item: sc.Path) -> None:
        points = [self._emu(x, y) for x, y in item.points]
        if len(points) == 2 and not item.closed:
            shape = self.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, *points[0], *points[1])
        else:
            builder = _Freeform.new(self.shapes, *points[0], 1.0, 1.0)
            builder.add_line_segments(points[1:], close=item.closed)
            shape = builder.convert_to_shape()
            # python-pptx numbers a freeform by scanning the slide, past the turbo count
            self.shapes._cached_max_shape_id = max(self.shapes._cached_max_shape_id or 0,
                                                   shape.shape_id)
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
