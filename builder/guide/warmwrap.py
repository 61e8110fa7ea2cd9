"""Paragraphs whose line breaks are remembered: the same text in the same style and width
breaks into the same lines, in every layout pass and every rebuild a watch makes.

Breaking lines (``Paragraph.breakLines``) is a quarter of laying out a guide, and a rebuild
after a one-word edit breaks the same few hundred paragraphs again. A paragraph's lines are
a function of its markup, its style's values, its bullet and the width it is given, so they
are kept under exactly that key, with the attributes breaking sets on the paragraph.

What is shared is only read: drawing reads the lines (reportlab reverses them in place only
for right-to-left word wrap, which is never shared), and a paragraph that is split over two
frames breaks its own lines again first, because reportlab's split edits the fragments of
the lines it splits. The PDF is the one a paragraph without memory draws
(``tests/test_warm.py``, ``tests/test_warmwrap.py``).
"""

from __future__ import annotations

import copy
import weakref
from typing import Any

from reportlab.platypus import Paragraph

from builder.text.hyphenate import WideWords

LIMIT = 20_000  # broken paragraphs kept (a watched course's, a few KiB each)
_BROKEN = ("blPara", "width", "height", "_wrapWidths", "_width_max", "_hyphenations",
           "_splitLongWordCount")

_lines: dict[tuple, tuple] = {}
_styles: "weakref.WeakKeyDictionary[Any, str]" = weakref.WeakKeyDictionary()


def _style_key(style: Any) -> str | None:
    """Every value of a ParagraphStyle, as text (its parent's are copied into it)."""
    try:
        key = _styles.get(style)
        if key is None:
            key = repr(sorted((name, value) for name, value in vars(style).items()
                              if name != "parent"))
            _styles[style] = key
        return key
    except TypeError:
        return None


class WarmParagraph(Paragraph):
    """A reportlab Paragraph that takes its broken lines from an equal paragraph's."""

    def _warm_key(self, width: float) -> tuple | None:
        style = self.style
        text = getattr(self, "text", None)
        if not isinstance(text, str) or not text or getattr(style, "wordWrap", None) == "RTL":
            return None
        style_key = _style_key(style)
        if style_key is None:
            return None
        return (text, style_key, repr(self.bulletText), self.caseSensitive, self.encoding,
                repr(getattr(self, "autoLeading", None)), width)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        self.style = _within(self.style, availWidth)
        key = self._warm_key(availWidth)
        if key is None:
            return super().wrap(availWidth, availHeight)
        kept = _lines.get(key)
        if kept is None:
            size = super().wrap(availWidth, availHeight)
            if len(_lines) >= LIMIT:
                _lines.clear()
            _lines[key] = (size, tuple(getattr(self, name, None) for name in _BROKEN))
            return size
        size, values = kept
        for name, value in zip(_BROKEN, values):
            if value is not None:
                setattr(self, name, list(value) if name == "_wrapWidths" else value)
        return size

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        if hasattr(self, "blPara"):  # split edits its lines' fragments: never shared ones,
            Paragraph.wrap(self, self.width, availHeight)  # so it breaks them again itself
        return super().split(availWidth, availHeight)


_within_styles: dict[tuple[int, float], tuple[Any, Any]] = {}


def _within(style: Any, width: float) -> Any:
    """``style`` for a paragraph ``width`` wide: a ``WideWords`` hyphenator (words wider than
    the line break at a syllable with a hyphen) made concrete for that width."""
    words = getattr(style, "hyphenationLang", None)
    if not isinstance(words, WideWords):
        return style
    key = (id(style), round(width, 2))
    kept = _within_styles.get(key)
    if kept is None or kept[0] is not style:
        room = width - style.leftIndent - style.rightIndent - max(0.0, style.firstLineIndent)
        concrete = copy.copy(style)
        concrete.hyphenationLang = words.within(style.fontName, style.fontSize, room)
        if len(_within_styles) >= LIMIT:
            _within_styles.clear()
        kept = _within_styles[key] = (style, concrete)
    return kept[1]


def forget() -> None:
    _lines.clear()
