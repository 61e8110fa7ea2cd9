"""A figure scene (map, timeline) painted as native shapes built directly as XML.

A map is a group of a few hundred shapes, a timeline of some dozens; python-pptx made each
by parsing a formatted template, then set its fill, outline, shadow, text frame, paragraphs
and runs through proxies that look their elements up again (about a third of drawing a deck
with a map). Here each kind of shape is parsed once (python-pptx's own templates, through
``shapexml``) and copied, and the copy gets exactly what those property calls wrote, in the
same order: ``tests/test_deck_scenes_xml.py`` paints corpus scenes both ways and compares.
Ids are counted (they are consecutive after the group's, as python-pptx's own count gives
them in a group filled at once) and the group's extents are taken from the boxes written.
"""

from __future__ import annotations

from copy import deepcopy
from functools import lru_cache

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.oxml.shapes.connector import CT_Connector

from builder.charts import scene as sc
from builder.charts.markup import styled_lines
from builder.deck import shapexml
from builder.deck.directxml import centipoints
from builder.layout.values import Color
from builder.text.inline import Run

EMU_PER_POINT = 12700
_DASH = {"dashed": "dash", "dotted": "sysDot"}  # MSO_LINE_DASH_STYLE.DASH, .ROUND_DOT
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
(_A_SOLIDFILL, _A_SRGBCLR, _A_NOFILL, _A_LN, _A_EFFECTLST, _A_PRSTDASH, _A_PPR, _A_LNSPC,
 _A_SPCPCT, _A_R, _A_RPR, _A_T, _A_P, _A_LATIN, _A_EA, _A_CS, _A_PATH, _A_MOVETO, _A_LNTO,
 _A_PT, _A_CLOSE, _A_NOAUTOFIT) = (qn(f"a:{tag}") for tag in (
    "solidFill", "srgbClr", "noFill", "ln", "effectLst", "prstDash", "pPr", "lnSpc", "spcPct",
    "r", "rPr", "t", "p", "latin", "ea", "cs", "path", "moveTo", "lnTo", "pt", "close",
    "noAutofit"))


@lru_cache(maxsize=None)
def _connector(flip_h: bool, flip_v: bool):
    return CT_Connector.new_cxnSp(0, "", "line", 0, 0, 0, 0, flip_h, flip_v)


@lru_cache(maxsize=None)
def _freeform():
    return CT_Shape.new_freeform_sp(0, "", 0, 0, 0, 0)


@lru_cache(maxsize=None)
def _text_box():
    """python-pptx's text box after ``margin_* = 0``, ``word_wrap = False``,
    ``auto_size = NONE`` and ``vertical_anchor = TOP`` (its one ``a:p`` still empty)."""
    element = deepcopy(shapexml._textbox())
    body = element[2][0]
    for name in ("lIns", "rIns", "tIns", "bIns"):
        body.set(name, "0")
    body.remove(body[0])  # a:spAutoFit
    etree.SubElement(body, _A_NOAUTOFIT)
    body.set("anchor", "t")
    return element


_RUN_ESCAPE = __import__("re").compile(r"([\x00-\x08\x0B-\x1F])")


def text_extent(item: sc.Text, width: float, level_with) -> tuple[float, float]:
    """Where a scene text's box runs (left, right, in points): headroom against rounding on
    the side the text grows, kept inside the figure, and short of a neighbouring label level
    with it, so no two text boxes overlap. Shared with the python-pptx reference painter the
    tests compare against."""
    slack = item.size * 0.4
    left = {"left": item.left, "center": item.left - slack / 2,
            "right": item.left - slack}[item.align]
    right = left + item.width + slack
    if not item.rotation:
        left, right = max(left, min(item.left, 0.0)), min(right, max(item.left + item.width,
                                                                      width))
        for other in level_with(item):
            if other.left >= item.left + item.width - 1e-6:  # halfway to it at most
                right = min(right, max((other.left + item.left + item.width) / 2 - 0.2,
                                       item.left + item.width))
            elif other.left + other.width <= item.left + 1e-6:
                left = max(left, min((other.left + other.width + item.left) / 2 + 0.2,
                                     item.left))
    return left, right


class ScenePainter:
    """Adds one native shape per scene item to a group's shape tree, offset to the figure's
    place on the slide; ``finish`` sets the group's extents."""

    def __init__(self, group_element, fonts: tuple[str, str, str], x: float, y: float,
                 width: float):
        self.tree = group_element
        self.latin, self.east_asian, self.complex_script = fonts
        self.x, self.y, self.width = x, y, width
        self.count = 0
        self.next_id = shapexml.next_shape_id(group_element)
        # python-pptx numbers a freeform by the first id free in the slide (a gap left by a
        # removed shape), every other shape by counting on from the largest
        taken = {int(value) for value in shapexml._IDS(group_element) if value.isdigit()}
        self._gaps = [number for number in range(1, self.next_id) if number not in taken]
        self.level_with = None  # the scene's labels, so none grows into another (_Levels)
        self.styled: dict = {}  # labels with emphasis (builder.charts.markup.emphasis)
        self._boxes: list[tuple[int, int, int, int]] = []
        self._hexes: dict[str, str] = {}

    # ---------------------------------------------------------------- shared pieces

    def _emu(self, x: float, y: float) -> tuple[int, int]:
        return int(round(self.x + x * EMU_PER_POINT)), int(round(self.y + y * EMU_PER_POINT))

    def _hex(self, color: Color) -> str:
        key = str(color)
        known = self._hexes.get(key)
        if known is None:
            known = self._hexes[key] = str(RGBColor.from_string(key))
        return known

    def _add(self, prototype, role: str, x: int, y: int, cx: int, cy: int,
             freeform: bool = False):
        """A copy of ``prototype`` numbered, named ``role N`` and placed, in the group."""
        element = deepcopy(prototype)
        self.count += 1
        properties = element[0][0]
        if freeform and self._gaps:
            properties.set("id", str(self._gaps.pop(0)))
        else:
            properties.set("id", str(self.next_id))
            self.next_id += 1
        properties.set("name", f"{role} {self.count}")
        transform = element[1][0]
        transform[0].set("x", str(x))
        transform[0].set("y", str(y))
        transform[1].set("cx", str(cx))
        transform[1].set("cy", str(cy))
        self.tree.append(element)  # a group has no p:extLst
        self._boxes.append((x, y, cx, cy))
        return element

    def _fill(self, properties, color: Color | None) -> None:
        """``shape.fill.background()`` or ``.solid()`` + ``.fore_color.rgb``."""
        if color is None:
            etree.SubElement(properties, _A_NOFILL)
        else:
            etree.SubElement(etree.SubElement(properties, _A_SOLIDFILL), _A_SRGBCLR,
                             val=self._hex(color))

    def _outline(self, properties, color: Color | None, width: float,
                 dash: str = "solid") -> None:
        """``shape.line``: its ``fill.background()``, or colour, width and dash."""
        line = etree.SubElement(properties, _A_LN)
        if color is None or width <= 0:
            etree.SubElement(line, _A_NOFILL)
            return
        etree.SubElement(etree.SubElement(line, _A_SOLIDFILL), _A_SRGBCLR, val=self._hex(color))
        emu = int(width * EMU_PER_POINT)  # Pt(width); python-pptx writes no w="0"
        if emu:
            line.set("w", str(emu))
        if dash in _DASH:
            etree.SubElement(line, _A_PRSTDASH, val=_DASH[dash])

    # ---------------------------------------------------------------- items

    def paint(self, item) -> None:
        {sc.Text: self._text, sc.Path: self._path, sc.Rect: self._rect,
         sc.Circle: self._circle}[type(item)](item)

    def _text(self, item: sc.Text) -> None:
        left, right = text_extent(item, self.width, self.level_with)
        x, y = self._emu(left, item.top)
        element = self._add(_text_box(), item.role, x, y,
                            int((right - left) * EMU_PER_POINT), int(item.height * EMU_PER_POINT))
        body = element[2]
        size, color = centipoints(item.size), self._hex(item.color)
        styled = styled_lines(item.lines, self.styled)  # italic and bold as the source wrote
        sub = etree.SubElement
        for index, line in enumerate(item.lines):
            p = body[2] if index == 0 else sub(body, _A_P)
            sub(sub(sub(p, _A_PPR, algn=_ALIGN[item.align]), _A_LNSPC), _A_SPCPCT, val="100000")
            for piece in (styled[index] if styled else [Run(line)]):
                run = sub(p, _A_R)
                properties = sub(run, _A_RPR, sz=size, b="1" if item.bold or piece.bold else "0")
                sub(sub(properties, _A_SOLIDFILL), _A_SRGBCLR, val=color)
                sub(properties, _A_LATIN, typeface=self.latin)
                sub(properties, _A_EA, typeface=self.east_asian)
                sub(properties, _A_CS, typeface=self.complex_script)
                if piece.italic:
                    properties.set("i", "1")
                sub(run, _A_T).text = _RUN_ESCAPE.sub(
                    lambda match: "_x%04X_" % ord(match.group(1)), piece.text)
        if item.rotation:
            element[1][0].set("rot", str(int(round(-item.rotation * 60000)) % 21600000))

    def _path(self, item: sc.Path) -> None:
        points = [self._emu(x, y) for x, y in item.points]
        if len(points) == 2 and not item.closed:
            (begin_x, begin_y), (end_x, end_y) = points
            element = self._add(_connector(begin_x > end_x, begin_y > end_y), item.role,
                                min(begin_x, end_x), min(begin_y, end_y), abs(end_x - begin_x),
                                abs(end_y - begin_y))
            self._outline(element[1], item.stroke, item.stroke_width, item.dash)
            return
        xs, ys = [x for x, _ in points], [y for _, y in points]
        left, top = min(xs), min(ys)
        width, height = max(xs) - left, max(ys) - top
        element = self._add(_freeform(), item.role, left, top, width, height, freeform=True)
        properties = element[1]
        sub = etree.SubElement
        path = sub(properties[1][5], _A_PATH, w=str(width), h=str(height))  # custGeom/pathLst
        (start_x, start_y), *rest = points
        sub(sub(path, _A_MOVETO), _A_PT, x=str(start_x - left), y=str(start_y - top))
        for x, y in rest:
            sub(sub(path, _A_LNTO), _A_PT, x=str(x - left), y=str(y - top))
        if item.closed:
            sub(path, _A_CLOSE)
        self._fill(properties, item.fill if item.closed else None)
        self._outline(properties, item.stroke, item.stroke_width, item.dash)
        sub(properties, _A_EFFECTLST)

    def _rect(self, item: sc.Rect) -> None:
        x, y = self._emu(item.left, item.top)
        element = self._add(shapexml._autoshape("rect"), item.role, x, y,
                            max(1, int(item.width * EMU_PER_POINT)),
                            max(1, int(item.height * EMU_PER_POINT)))
        self._filled(element, item)

    def _circle(self, item: sc.Circle) -> None:
        x, y = self._emu(item.cx - item.radius, item.cy - item.radius)
        diameter = max(1, int(2 * item.radius * EMU_PER_POINT))
        element = self._add(shapexml._autoshape("ellipse"), item.role, x, y, diameter, diameter)
        self._filled(element, item)

    def _filled(self, element, item) -> None:
        """Fill, outline and no shadow, as ``_rect``/``_circle`` set them (spPr order)."""
        properties = element[1]
        self._fill(properties, item.fill)
        self._outline(properties, item.stroke, item.stroke_width)
        etree.SubElement(properties, _A_EFFECTLST)

    # ---------------------------------------------------------------- the group

    def finish(self) -> None:
        """The group's position and size over its shapes (``recalculate_extents``)."""
        if self._boxes:
            x = min(box[0] for box in self._boxes)
            y = min(box[1] for box in self._boxes)
            cx = max(box[0] + box[2] for box in self._boxes) - x
            cy = max(box[1] + box[3] for box in self._boxes) - y
        else:
            x = y = cx = cy = 0
        transform = self.tree[1][0]  # p:grpSpPr/a:xfrm: off, ext, chOff, chExt
        for index in (0, 2):
            transform[index].set("x", str(x))
            transform[index].set("y", str(y))
        for index in (1, 3):
            transform[index].set("cx", str(cx))
            transform[index].set("cy", str(cy))
