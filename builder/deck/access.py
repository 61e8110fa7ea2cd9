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

from builder.deck import oxml
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

    def run_language(text: str) -> str | None:
        part = part_language(text) if part_language is not None else None
        return DECK_TAGS.get(part, part) if part else None

    oxml.set_language(slide._element, language, run_language)
    if slide.has_notes_slide:
        oxml.set_language(slide.notes_slide._element, language, run_language)
    for shape in slide.shapes:  # a native chart's text is in its own part, in en-US unless told
        if getattr(shape, "has_chart", False) and shape.has_chart:
            oxml.set_chart_language(shape.chart._chartSpace, language)


def role(shape) -> int:
    """Where a shape belongs in the reading order (see the module docstring)."""
    if oxml.is_decorative(shape):
        return DECORATIVE
    if shape.is_placeholder and shape.placeholder_format.type in TITLE_TYPES:
        return TITLE
    if shape.name == "title" or shape.name.startswith("section-"):
        return TITLE
    return FURNITURE.get(shape.name, BODY)


def reading_order(shapes: list) -> list:
    """The shapes in reading order, never moving one past another it overlaps."""
    boxes = [_box(shape) for shape in shapes]
    roles = [role(shape) for shape in shapes]
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
    shapes = list(slide.shapes)
    ordered = reading_order(shapes)
    if ordered != shapes:
        oxml.reorder_shapes(slide, ordered)


def _box(shape) -> tuple[int, int, int, int]:
    xfrm = _own_xfrm(shape._element)
    if xfrm is not None:  # read directly: python-pptx's properties cost 4 lookups each
        off, ext = xfrm.find(_OFF), xfrm.find(_EXT)
        if off is not None and ext is not None:
            try:
                left, top = int(off.get("x")), int(off.get("y"))
                return left, top, left + int(ext.get("cx")), top + int(ext.get("cy"))
            except (TypeError, ValueError):
                pass
    left, top = shape.left or 0, shape.top or 0  # inherited from the layout, or unusual
    return left, top, left + (shape.width or 0), top + (shape.height or 0)


def _own_xfrm(element):
    """The shape's own ``a:xfrm``/``p:xfrm`` (where python-pptx reads its position), or None."""
    if element.tag == _GRAPHIC_FRAME:
        return element.find(_P_XFRM)
    holder = element.find(_GRP_SP_PR if element.tag == _GRP_SP else _SP_PR)
    return holder.find(_A_XFRM) if holder is not None else None


_OFF, _EXT, _A_XFRM, _P_XFRM = qn("a:off"), qn("a:ext"), qn("a:xfrm"), qn("p:xfrm")
_SP_PR, _GRP_SP_PR, _GRP_SP, _GRAPHIC_FRAME = (qn("p:spPr"), qn("p:grpSpPr"), qn("p:grpSp"),
                                               qn("p:graphicFrame"))


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
