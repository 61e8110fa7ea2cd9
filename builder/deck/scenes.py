"""Timelines and maps on slides: the shared scene painted as one group of native shapes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.shapes.freeform import FreeformBuilder
from pptx.util import Emu, Pt

from builder.charts import scene as sc
from builder.charts.figures import scene_for
from builder.charts.geometry import centred
from builder.charts.mapkey import key_parts, key_scene, may_continue
from builder.charts.maps import KEEP, map_scene
from builder.charts.markup import emphasis, styled_lines
from builder.text.inline import Run
from builder.charts.style import FigureStyle
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
from builder.layout.values import Color
from builder.model import MapFigure, TimelineFigure
from builder.model.dates import DateSpan
from builder.resolve.document import Document
from builder.resolve.scenecache import cached_scene

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


def add_scene_group(slide, document: Document, figure, box: FigureBox, whole=None,
                    first_key: int = 0, key_part: tuple[int, int] | None = None):
    """The figure's scene as one group of native shapes centred in ``box``. ``whole``: the
    timeline ``figure`` is a part of, continued over slides, so every part is set in one
    size (``part_size``); ``first_key``: where its list's numbers go on from; ``key_part``:
    of a map whose key continues over slides, the slice of its key this slide lists."""
    style = figure_style(document)
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    if isinstance(figure, MapFigure):
        style, arguments, options = map_request(document, figure, box)
        whole_map = cached_scene(map_scene, document, figure, *arguments, **options)
        if key_part is not None:  # the key continued: its entries in columns
            scene = key_scene(whole_map.rest[key_part[0]:key_part[1]], style,
                              figure_min_size(document), width, height)
        else:
            scene = sc.thickened(whole_map, style.size)
    else:
        cap = part_size(document, whole, box) if whole is not None else None
        scene = _scene(document, figure, width, height, cap, first_key)
    x, y = centred(box.left, box.top, box.width, box.height, scene.width * EMU_PER_POINT,
                   scene.height * EMU_PER_POINT)
    group = slide.shapes.add_group_shape()
    shapes = filled_at_once(group)
    painter = _ScenePainter(shapes, document, style, x, y, scene.width)
    painter.level_with = _Levels([item for item in scene.items if isinstance(item, sc.Text)])
    painter.styled = emphasis(figure)
    for item in scene.items:
        painter.paint(item)
    group._element.recalculate_extents()
    finish_figure(group, figure)
    return group


def map_request(document: Document, figure: MapFigure, box: FigureBox
                ) -> tuple[FigureStyle, tuple, dict]:
    """The style a map on a slide is set in and the arguments of its ``map_scene`` (after
    the figure): the one request ``add_scene_group`` makes, which ``deck.ahead`` computes
    in advance. A map is as tall as the body and about as wide as a column: larger labels
    would push a line's name away from its line, which misleads more than small text does;
    its names may stand in the box's room beside the map."""
    floor = figure_min_size(document)
    style = figure_style(document).resized(floor)
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    return style, (style, width, height, document.asset, floor), {"beside": True}


def map_parts(document: Document, figure: MapFigure, box: FigureBox
              ) -> list[tuple[int, int] | None]:
    """The slides a map takes: the map (``None``), then its key's continuation, a slice of
    the entries its slide had no room for on each slide of its own."""
    style, arguments, options = map_request(document, figure, box)
    floor = figure_min_size(document)
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    if not may_continue(figure, style, floor, width, height, KEEP):
        return [None]  # planned without its scene (``deck.ahead`` computes it meanwhile)
    rest = cached_scene(map_scene, document, figure, *arguments, **options).rest
    if not rest:
        return [None]
    return [None, *key_parts(rest, style, floor, width, height)]


def _scene(document: Document, figure, width: float, height: float,
           max_size: float | None = None, first_key: int = 0) -> sc.Scene:
    """A timeline or chart scene for a ``width`` × ``height`` box (points), remembered, so
    planning a timeline's parts and drawing them compute each scene once; its text grows
    with room to spare up to ``max_size`` (the deck's body size unless given)."""
    return cached_scene(scene_for, document, figure, figure_style(document), width, height,
                        document.asset, figure_min_size(document),
                        max_size or figure_max_size(document), first_key=first_key)


def part_size(document: Document, figure: TimelineFigure, box: FigureBox) -> float | None:
    """The one text size for every part of a timeline continued over slides: the smallest
    any part grows to on its own (a part of three events could grow further than one of
    four; set alike, the slides read as one figure). None when it takes one slide."""
    parts = timeline_parts(document, figure, box)
    if len(parts) < 2:
        return None
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    return min(max((item.size for item in _scene(document, sliced(figure, part), width,
                                                  height, None, part[0]).items
                    if isinstance(item, sc.Text)), default=figure_max_size(document))
               for part in parts)


def _legible(scene: sc.Scene, floor: float) -> bool:
    return all(item.size >= floor - 0.01 for item in scene.items if isinstance(item, sc.Text))


def timeline_parts(document: Document, figure: TimelineFigure, box: FigureBox
                   ) -> list[tuple[int, int]]:
    """Slices of the timeline's events that each draw in the EMU ``box`` with every label at
    the deck's ``figure_min_size``; one slice when the whole timeline does.

    A scene too tall for its box is scaled down as a last resort, text included: 13 events on
    a large-print slide came out at 6 pt beside 24 pt bullets. Rather than shrink, the events
    are spread evenly over as many slides as keep every label at the floor, each slide's
    timeline drawn on its own (the list form continued), as a long table continues."""
    floor = figure_min_size(document)
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    events = len(figure.events)
    for count in range(1, events // 2 + 1):  # evenly: 13 events as 4, 3, 3, 3, not 3 … 1
        cuts = [round(index * events / count) for index in range(count + 1)]
        parts = list(zip(cuts, cuts[1:]))
        if all(_legible(_scene(document, sliced(figure, part), width, height), floor)
               for part in parts):
            return parts
    return [(start, min(start + 2, events)) for start in range(0, events, 2)]


def sliced(figure: TimelineFigure, part: tuple[int, int] | None) -> TimelineFigure:
    """The timeline with only the events ``part`` (start, end) of it; whole when ``None``.
    Every part of a continued timeline keeps one axis: the source's ``start``/``end``, else
    from the first of all its events to the last (a part's own events drew a shorter axis
    on some slides than on others)."""
    if part is None or part == (0, len(figure.events)):
        return figure
    first = min((event.date for event in figure.events), key=lambda d: d.start.first_day())
    last = max((event.date for event in figure.events), key=lambda d: d.last.last_day())
    return figure.model_copy(update={
        "events": figure.events[part[0]:part[1]],
        "start": figure.start or DateSpan(first.start),
        "end": figure.end or DateSpan(last.last)})


class _Levels:
    """The labels level with a label (some line of each at the same height), found by the
    labels' tops sorted once: a timeline of 300 labels asked each of the others, 90,000 times."""

    def __init__(self, texts: list[sc.Text]) -> None:
        self.texts = sorted(texts, key=lambda text: text.top)
        self.tops = [text.top for text in self.texts]
        self.tallest = max((text.height for text in texts), default=0.0)

    def __call__(self, item: sc.Text) -> list[sc.Text]:
        bottom = item.top + item.height
        first = bisect_right(self.tops, item.top - self.tallest)
        last = bisect_left(self.tops, bottom)
        return [other for other in self.texts[first:last] if other is not item
                and other.top + other.height > item.top]


def filled_at_once(group):
    """The group's shapes, to be added all at once, then ``group._element.recalculate_extents()``.

    python-pptx recomputes a group's extents over every child and scans every shape id of the
    slide after each shape it adds (quadratic in the group's size): ids are counted here
    instead (nothing else may add to the slide until the group is finished) and the extents
    are computed once, over the finished group, which gives the same values.
    """
    shapes = group.shapes
    shapes.turbo_add_enabled = True
    shapes._recalculate_extents = _later
    return shapes


def _later() -> None:
    """Stands in for the group's per-shape extent update while it is being filled."""


class _ScenePainter:
    """Adds one native shape per scene item, offset to the figure's place on the slide."""

    def __init__(self, shapes, document: Document, style: FigureStyle, x: float, y: float,
                 width: float):
        self.shapes, self.document, self.style = shapes, document, style
        self.x, self.y, self.width = x, y, width
        self.count = 0
        self.level_with = _Levels([])  # the scene's labels, so none grows into another
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
        # headroom against rounding, on the side the text grows, kept inside the figure
        slack = item.size * 0.4
        left = {"left": item.left, "center": item.left - slack / 2,
                "right": item.left - slack}[item.align]
        right = left + item.width + slack
        if not item.rotation:
            left, right = max(left, min(item.left, 0.0)), min(right, max(item.left + item.width,
                                                                          self.width))
            # …and short of a neighbouring label level with it, so no two text boxes overlap
            for other in self.level_with(item):
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
