"""What a screen reader meets on a slide: the reading order of its shapes and their language.

PowerPoint (and every screen reader) reads a slide's shapes in the order of its shape tree,
which is also the stacking order. ``finish_slide`` reorders the tree so that the title comes
first, then the body in visual order (top to bottom, left to right), then the logo, the
footer and the slide number; decorative shapes, which readers skip, go as early as possible.
Stacking is kept where it shows: two shapes that overlap keep their order (a card's accent
bar stays on top of the card, text stays above its panel), so the picture does not change.
The one exception is the furniture: a logo, footer or slide number that a title or body
shape's box reaches into (a figure whose box ends a point inside the footer band) still
reads last, and is drawn on top, where it stays legible.
Every run of text is then given the language of the lecture, or of its part.
"""

from __future__ import annotations

from typing import Callable

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from builder.deck import oxml, shapexml
from builder.text.scripts import DECK_TAGS

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
DECORATIVE, TITLE, BODY, LOGO, FOOTER, NUMBER = range(6)
FURNITURE = {"logo": LOGO, "footer": FOOTER, "slide-number": NUMBER}


def finish_slide(slide, language: str,
                 part_language: Callable[[str], str | None] | None = None) -> None:
    """Reading order and language for one drawn slide (its notes page too); a run whose
    ``part_language`` is another (a Japanese name in an English lecture, ``text.scripts``)
    gets that one, in PowerPoint's culture form (``ja-JP``)."""
    order_shapes(slide)
    run_language = run_languages(part_language)
    oxml.set_language(slide._element, language, run_language)
    if slide.has_notes_slide:
        oxml.set_language(slide.notes_slide._element, language, run_language)
    for element in shapexml.shapes_of(slide.shapes._spTree):
        # a native chart's text is in its own part, in en-US unless told
        data = element.find(_GRAPHIC_DATA_PATH) if element.tag == _GRAPHIC_FRAME_TAG else None
        if data is not None and data.get("uri") == _CHART_URI:  # shape.has_chart
            chart = slide.shapes._shape_factory(element).chart
            oxml.set_chart_language(chart._chartSpace, language)


def run_languages(part_language: Callable[[str], str | None] | None
                  ) -> Callable[[str], str | None]:
    """``part_language`` as the deck writes it (PowerPoint's culture form, ``ja-JP``),
    remembered per text: a deck repeats its footer, labels and names on every slide."""
    if part_language is None:
        return lambda text: None
    owner = (getattr(part_language, "__self__", None), getattr(part_language, "__func__",
                                                               part_language))
    if _LANGUAGES[0] is None or _LANGUAGES[0][0] is not owner[0] or \
            _LANGUAGES[0][1] is not owner[1]:
        _LANGUAGES[:] = [owner, {}]  # one document (a bound method's) at a time
    known = _LANGUAGES[1]

    def run_language(text: str) -> str | None:
        found = known.get(text, _UNKNOWN)
        if found is _UNKNOWN:
            part = part_language(text)
            found = known[text] = DECK_TAGS.get(part, part) if part else None
        return found

    return run_language


_LANGUAGES: list = [None, {}]  # (the document and its function, their answers)
_UNKNOWN = object()


def role(shape) -> int:
    """Where a shape belongs in the reading order (see the module docstring)."""
    return element_role(shape._element)


def element_role(element) -> int:
    """``role`` of a shape's element."""
    properties = element[0].find(_CNVPR) if len(element) else None
    if properties is not None and oxml.marked_decorative(properties):
        return DECORATIVE
    if shapexml.placeholder_type(element) in _TITLE_XML:
        return TITLE
    name = properties.get("name", "") if properties is not None else ""
    if name == "title" or name.startswith("section-"):
        return TITLE
    return FURNITURE.get(name, BODY)


def reading_order(shapes: list, shape_of: Callable | None = None) -> list:
    """The shapes (python-pptx shapes, or their elements with ``shape_of`` to make a shape
    of one) in reading order, never moving one past another it overlaps."""
    elements = [getattr(shape, "_element", shape) for shape in shapes]
    if shape_of is None:
        shape_of = dict(zip(map(id, elements), shapes)).__getitem__
        boxes = [_box(element, lambda element: shape_of(id(element))) for element in elements]
    else:
        boxes = [_box(element, shape_of) for element in elements]
    roles = [element_role(element) for element in elements]
    body = [index for index, kind in enumerate(roles) if kind == BODY]
    rows = dict(zip(body, _rows([boxes[index] for index in body])))
    keys = [(kind, rows.get(index, 0), boxes[index][0], index)
            for index, kind in enumerate(roles)]
    before: dict[int, set[int]] = {index: set() for index in range(len(shapes))}
    for later in range(len(shapes)):
        for earlier in range(later):
            if _overlap(boxes[earlier], boxes[later]) and \
                    not _furniture_over(roles[earlier], roles[later]):
                before[later].add(earlier)
    placed: list[int] = []
    done: set[int] = set()
    while len(placed) < len(shapes):
        ready = [index for index in range(len(shapes))
                 if index not in done and before[index] <= done]
        chosen = min(ready, key=lambda index: keys[index])
        placed.append(chosen)
        done.add(chosen)
    return [shapes[index] for index in placed]


def _furniture_over(earlier: int, later: int) -> bool:
    """Whether the overlap of two shapes is furniture under content, which reading order
    lifts over it (the furniture goes last: read last, drawn on top)."""
    return earlier in (LOGO, FOOTER, NUMBER) and later in (TITLE, BODY)


def _rows(boxes: list[tuple[int, int, int, int]]) -> list[int]:
    """Each box's visual row: boxes side by side (their heights overlap) share a row, read
    left to right, so a caption beside a map follows the map even if it starts higher."""
    rows = [0] * len(boxes)
    row, bottom = -1, None
    for index in sorted(range(len(boxes)), key=lambda i: (boxes[i][1], boxes[i][0])):
        top = boxes[index][1]
        if bottom is None or top >= bottom:
            row, bottom = row + 1, boxes[index][3]
        else:
            bottom = max(bottom, boxes[index][3])
        rows[index] = row
    return rows


def order_shapes(slide) -> None:
    shapes = shapexml.shapes_of(slide.shapes._spTree)
    ordered = reading_order(shapes, slide.shapes._shape_factory)
    if ordered != shapes:
        oxml.reorder_elements(slide.shapes._spTree, ordered)


def _box(element, shape_of: Callable) -> tuple[int, int, int, int]:
    xfrm = _own_xfrm(element)
    if xfrm is not None:  # read directly: python-pptx's properties cost 4 lookups each
        off, ext = xfrm.find(_OFF), xfrm.find(_EXT)
        if off is not None and ext is not None:
            try:
                left, top = int(off.get("x")), int(off.get("y"))
                return left, top, left + int(ext.get("cx")), top + int(ext.get("cy"))
            except (TypeError, ValueError):
                pass
    shape = shape_of(element)
    left, top = shape.left or 0, shape.top or 0  # inherited from the layout, or unusual
    return left, top, left + (shape.width or 0), top + (shape.height or 0)


def _own_xfrm(element):
    """The shape's own ``a:xfrm``/``p:xfrm`` (where python-pptx reads its position), or None."""
    if element.tag == _GRAPHIC_FRAME:
        return element.find(_P_XFRM)
    holder = element.find(_GRP_SP_PR if element.tag == _GRP_SP else _SP_PR)
    return holder.find(_A_XFRM) if holder is not None else None


_TITLE_XML = ("title", "ctrTitle")
_CNVPR = qn("p:cNvPr")
_GRAPHIC_FRAME_TAG = qn("p:graphicFrame")
_GRAPHIC_DATA_PATH = f"{qn('a:graphic')}/{qn('a:graphicData')}"
_CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_OFF, _EXT, _A_XFRM, _P_XFRM = qn("a:off"), qn("a:ext"), qn("a:xfrm"), qn("p:xfrm")
_SP_PR, _GRP_SP_PR, _GRP_SP, _GRAPHIC_FRAME = (qn("p:spPr"), qn("p:grpSpPr"), qn("p:grpSp"),
                                               qn("p:graphicFrame"))


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
