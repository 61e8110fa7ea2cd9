"""What every block and part renderer needs: the document, styles and the frame's size.

Renderers build flowables through ``Context.paragraph`` so that every piece of source text
is escaped and glyph-checked on its way in, and tag what they return with the block's
location so a reportlab layout failure can name the source line that caused it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from reportlab.platypus import Flowable, Paragraph

from builder.guide import tagging
from builder.guide.warmwrap import WarmParagraph
from builder.guide.markup import markup
from builder.guide.rtlparagraph import RightToLeftParagraph
from builder.guide.styles import Styles, TextStyle
from builder.resolve.document import Document
from builder.text.rtl import right_to_left

WHERE = "_guide_where"


@dataclass
class Context:
    """Rendering state for one guide: shared by all block and part renderers."""

    document: Document
    styles: Styles
    width: float
    frame_height: float
    anchors: set[str] = field(default_factory=set)
    featured: set[str] = field(default_factory=set)
    """What an earlier part already printed prominently (``"essential_question"`` on the
    title page), so a later part does not print it a second time."""
    tags: tagging.Tags = field(default_factory=tagging.Tags)
    """The structure tree being described (``tags.within("L")`` …): see ``tagging``."""

    @property
    def words(self):
        """The guide's own words in the lecture's language (``builder.text.words``)."""
        return self.document.words

    def paragraph(self, text: str, style: TextStyle, where: str, *, inline: bool = True,
                  prefix: str = "", suffix: str = "", bullet: str | None = None,
                  role: str = "P", node: tagging.Node | None = None,
                  label: tagging.Node | None = None, room: float | None = None,
                  **attributes: str) -> Paragraph:
        """A Paragraph of source text, tagged; ``prefix``/``suffix`` are ready-made markup.

        ``bullet`` (e.g. ``"12."``) hangs in the style's left indent, so wrapped lines align.
        ``room``: the width of a table column, where a bound group wider than it may break
        at its spaces (``markup.loosened``).
        The paragraph's drawing becomes a new ``role`` element under the current one
        (``attributes`` are its ``/A``), or part of ``node`` when given; the bullet's own
        element is ``label`` (an ``Lbl``) when given.
        """
        if not prefix and not suffix and right_to_left(text):  # Arabic, Hebrew: from the right
            paragraph: Paragraph = RightToLeftParagraph(text, style, where, bullet)
        else:
            paragraph = WarmParagraph(prefix + markup(text, style, where, inline=inline,
                                                      room=room)
                                      + suffix, style.paragraph, bulletText=bullet)
        if label is not None:
            tagging.label(paragraph, label)
        return tagging.mark(paragraph, node or self.tags.leaf(role, **attributes))

    def markup(self, text: str, style: TextStyle, where: str, *, inline: bool = True) -> str:
        return markup(text, style, where, inline=inline)

    def claim_anchor(self, key: str) -> bool:
        """True the first time ``key`` is asked for: a named destination exists only once."""
        if key in self.anchors:
            return False
        self.anchors.add(key)
        return True


def tag(flowables: Iterable[Flowable], where: str) -> list[Flowable]:
    """Mark flowables with the source location they render (kept if already marked)."""
    tagged = list(flowables)
    for flowable in tagged:
        if where and not getattr(flowable, WHERE, ""):
            setattr(flowable, WHERE, where)
    return tagged


def where_of(flowable: object) -> str:
    """The source location of a flowable, looking inside containers reportlab builds."""
    where = getattr(flowable, WHERE, "")
    if where:
        return where
    for attribute in ("_content", "_flowables", "content"):
        inner = getattr(flowable, attribute, None)
        if isinstance(inner, (list, tuple)):
            for child in inner:
                found = where_of(child)
                if found:
                    return found
    return ""
