"""Slide shapes built directly as XML (``oxml``'s sibling, the same rule: names follow the
schema), for the shapes every slide has: text boxes, filled bands and panels, placeholders.

python-pptx makes each new shape by formatting an XML template and parsing it, finds its id
by reading every ``@id`` of the slide, and wraps it in proxies whose properties each look
their element up again; a deck of 80 slides paid that ~1,500 times. Here each kind of shape
is parsed once, from python-pptx's own template, and copied (``deepcopy`` of a small tree is
one C call); the copy gets the values python-pptx would have written, in the same places, so
the saved bytes do not change (``tests/test_deck_xml.py`` compares the two).
"""

from __future__ import annotations

from copy import deepcopy
from functools import lru_cache

from lxml import etree
from pptx.oxml.ns import qn
from pptx.oxml.shapes.autoshape import CT_Shape

SHAPE_TAGS = frozenset(qn(tag) for tag in ("p:sp", "p:grpSp", "p:graphicFrame", "p:cxnSp",
                                           "p:pic", "p:contentPart"))
_IDS = etree.XPath("//@id")  # python-pptx's max_shape_id: every id of the slide's document
_P_EXTLST, _P_PH, _A_XFRM, _A_OFF, _A_EXT = (qn("p:extLst"), qn("p:ph"), qn("a:xfrm"),
                                              qn("a:off"), qn("a:ext"))
_P_SP, _P_TXBODY, _A_T, _P_NVPR = qn("p:sp"), qn("p:txBody"), qn("a:t"), qn("p:nvPr")


def next_shape_id(element) -> int:
    """The id python-pptx gives the next shape added to ``element``'s slide (one more than the
    largest id anywhere in its document)."""
    used = [int(value) for value in _IDS(element) if value.isdigit()]
    return (max(used) if used else 0) + 1


def _insert(tree, element) -> None:
    """Add a shape to a shape tree as python-pptx does: before ``p:extLst``, else last."""
    last = tree[-1] if len(tree) else None
    if last is not None and last.tag == _P_EXTLST:
        last.addprevious(element)
    else:
        tree.append(element)


def _placed(prototype, tree, x: int, y: int, cx: int, cy: int, name: str,
            shape_id: int | None):
    """A copy of ``prototype`` with its id (by default the next of the slide), name and box,
    added to ``tree``."""
    element = deepcopy(prototype)
    properties = element[0][0]  # p:nvSpPr/p:cNvPr
    properties.set("id", str(next_shape_id(tree) if shape_id is None else shape_id))
    properties.set("name", name)
    transform = element[1][0]  # p:spPr/a:xfrm
    offset, extent = transform[0], transform[1]
    offset.set("x", str(x))
    offset.set("y", str(y))
    extent.set("cx", str(cx))
    extent.set("cy", str(cy))
    _insert(tree, element)
    return element


@lru_cache(maxsize=None)
def _textbox():
    return CT_Shape.new_textbox_sp(0, "", 0, 0, 0, 0)


def add_textbox(tree, x: int, y: int, cx: int, cy: int, name: str,
                shape_id: int | None = None):
    """``shapes.add_textbox(x, y, cx, cy)`` then ``.name = name``: the new ``p:sp``."""
    return _placed(_textbox(), tree, x, y, cx, cy, name, shape_id)


@lru_cache(maxsize=None)
def _autoshape(prst: str):
    return CT_Shape.new_autoshape_sp(0, "", prst, 0, 0, 0, 0)


def add_autoshape(tree, prst: str, x: int, y: int, cx: int, cy: int, name: str,
                  shape_id: int | None = None):
    """``shapes.add_shape`` of the preset geometry ``prst`` then ``.name = name``."""
    return _placed(_autoshape(prst), tree, x, y, cx, cy, name, shape_id)


def placeholder_type(element) -> str | None:
    """A shape's placeholder type as written (``title``, ``ctrTitle``, ``body``; ``obj`` when
    unsaid, as python-pptx reads it), None for a shape that is no placeholder."""
    properties = element[0] if len(element) else None  # p:nvSpPr, p:nvPicPr, …
    holder = properties.find(_P_NVPR) if properties is not None else None
    ph = holder.find(_P_PH) if holder is not None else None
    return None if ph is None else ph.get("type", "obj")


def shapes_of(tree) -> list:
    """The shape elements of a shape tree, in document order (``slide.shapes``)."""
    return [child for child in tree if child.tag in SHAPE_TAGS]


def set_fresh_position(element, x: int, y: int, cx: int, cy: int) -> bool:
    """``shape.left, .top, .width, .height = …`` on a ``p:sp`` whose ``p:spPr`` has no
    ``a:xfrm`` yet (a cloned placeholder): python-pptx then adds ``a:xfrm`` first in
    ``p:spPr`` with ``a:off x y`` and ``a:ext cx cy``. False, touching nothing, otherwise."""
    if element.tag != _P_SP or len(element) < 2:
        return False
    properties = element[1]
    if properties.find(_A_XFRM) is not None:
        return False
    transform = properties.makeelement(_A_XFRM, {})
    etree.SubElement(transform, _A_OFF, x=str(x), y=str(y))
    etree.SubElement(transform, _A_EXT, cx=str(cx), cy=str(cy))
    properties.insert(0, transform)
    return True


def has_text(element) -> bool | None:
    """Whether a shape's text frame holds visible text (``shape.text_frame.text.strip()``);
    False for a shape without one; None when only python-pptx can tell (escaped characters)."""
    if element.tag != _P_SP or element.find(_P_TXBODY) is None:
        return False
    for text in element.iter(_A_T):
        value = text.text or ""
        if "_x" in value:
            return None
        if value.strip():
            return True
    return False
