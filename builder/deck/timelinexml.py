"""A section timeline's axis, ticks, markers and labels built directly as XML (``shapexml``'s
way): each shape copied from python-pptx's own template and given what its connector, shape,
fill and line calls wrote, in the same places, so the saved bytes do not change.

Through python-pptx's API a timeline slide cost ~12 ms (each connector and oval parsed from a
formatted template, then its line, fill and shadow set through proxies that look their
elements up again), four times a text slide; ``tests/test_deck_timeline_xml.py`` draws
corpus timelines both ways and compares the XML.
"""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn

from builder.deck import shapexml
from builder.deck.grid import EMU_PER_POINT, Box
from builder.deck.scenexml import _connector
from builder.deck.text import add_text_element

_A_LN, _A_SOLIDFILL, _A_SRGBCLR, _A_EFFECTLST, _A_NOFILL = (
    qn("a:ln"), qn("a:solidFill"), qn("a:srgbClr"), qn("a:effectLst"), qn("a:noFill"))
AXIS_WIDTH, TICK_WIDTH, RING_WIDTH = 38100, 12700, 25400  # Pt(3), Pt(1), Pt(2)
MARKER = 14.0  # the marker's diameter in points


def _emu(points: float) -> int:
    return round(points * EMU_PER_POINT)


def _line(properties, color: str, width: int) -> None:
    """``shape.line.color.rgb = color`` then ``shape.line.width = width``: an ``a:ln`` after
    the geometry (and fill), holding the colour."""
    line = etree.SubElement(properties, _A_LN)
    etree.SubElement(etree.SubElement(line, _A_SOLIDFILL), _A_SRGBCLR).set("val", color)
    line.set("w", str(width))


class TimelineXml:
    """Adds a timeline's shapes to its group's shape tree, numbered on from the slide's
    largest id as python-pptx numbers a group filled at once (``scenes.filled_at_once``)."""

    def __init__(self, group_element) -> None:
        self.tree = group_element
        self.next_id = shapexml.next_shape_id(group_element)

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def connector(self, begin_x: int, begin_y: int, end_x: int, end_y: int, name: str,
                  color: str, width: int) -> None:
        """``shapes.add_connector(STRAIGHT, …)`` with its line's colour and width."""
        element = shapexml._placed(_connector(begin_x > end_x, begin_y > end_y), self.tree,
                                   min(begin_x, end_x), min(begin_y, end_y),
                                   abs(end_x - begin_x), abs(end_y - begin_y), name, self._id())
        _line(element[1], color, width)

    def marker(self, x: float, axis: float, name: str, fill: str, ring: str) -> None:
        """``shapes.add_shape(OVAL, …)`` filled, ringed and without shadow."""
        element = shapexml.add_autoshape(self.tree, "ellipse", _emu(x - MARKER / 2),
                                         _emu(axis - MARKER / 2), _emu(MARKER), _emu(MARKER),
                                         name, self._id())
        properties = element[1]
        etree.SubElement(etree.SubElement(properties, _A_SOLIDFILL), _A_SRGBCLR).set("val",
                                                                                     fill)
        _line(properties, ring, RING_WIDTH)
        etree.SubElement(properties, _A_EFFECTLST)  # shadow.inherit = False

    def label(self, box: Box, paras, ink, name: str, anchor: str, fill: str) -> None:
        """``add_text`` then ``fill.solid()`` with ``fill``: the text box's ``a:noFill``
        becomes an ``a:solidFill`` in its place."""
        element = add_text_element(self.tree, box, paras, ink, name, anchor, None, self._id())
        properties = element[1]
        empty = properties.find(_A_NOFILL)
        solid = properties.makeelement(_A_SOLIDFILL, {})
        etree.SubElement(solid, _A_SRGBCLR).set("val", fill)
        empty.addprevious(solid)
        properties.remove(empty)

    def finish(self) -> None:
        """The group's extents over its finished shapes (``recalculate_extents``)."""
        self.tree.recalculate_extents()
