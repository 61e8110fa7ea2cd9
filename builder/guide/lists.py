"""A bulleted list's items as the guide sets them: each item its own flowable in the story,
so the items at a list's ends can be kept with their neighbours (``blocks``: a parent bullet
with its first sub-bullet, never alone at a page's foot; a list's last item, or a sub-list's,
with the one before it, never alone atop a page).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, ListItem
from reportlab.platypus.flowables import LIIndenter

from builder.guide.rtlparagraph import RightToLeftParagraph


def item(paragraph: Flowable, indent: float,
         content: list[Flowable] | None = None) -> ListItem:
    """A list item; a right-to-left one (Arabic, Hebrew) indented from the right, its
    bullet hanging on the right."""
    if isinstance(paragraph, RightToLeftParagraph):
        return ListItem(content or paragraph, bulletDir="rtl", leftIndent=0,
                        rightIndent=indent, bulletDedent=indent * 0.35)
    return ListItem(content or paragraph)


class _KeptIndenter(LIIndenter):
    """A list item's indenter that keeps with the next flowable and remembers it itself.

    An ``LIIndenter`` hands unknown attributes to the paragraph inside it, so platypus,
    undoing its keep marks between ``multiBuild`` passes, restored ``keepWithNext`` on the
    paragraph while the indenter kept its 0: the keep held on the first pass only.
    """

    _IndenterAttrs = [*LIIndenter._IndenterAttrs, "keepWithNext"]


def kept(indenter: LIIndenter) -> _KeptIndenter:
    """The same list item, kept with what follows it."""
    own = indenter.__dict__
    result = _KeptIndenter(own["_flowable"], own["_leftIndent"], own["_rightIndent"],
                           own["_bullet"], own.get("spaceBefore"), own.get("spaceAfter"))
    result.keepWithNext = 1
    return result


def ends(items: list[Flowable]) -> tuple[list[Flowable], ...]:
    """A sub-list's items as its first, its middle, the one before its last and its last,
    each a list of its own (empty parts left out): ``Bullets`` keeps the parent with the
    first and the one before the last with the last, and the middle may break anywhere."""
    if len(items) < 4:
        return tuple([one] for one in items)
    return items[:1], items[1:-2], items[-2:-1], items[-1:]
