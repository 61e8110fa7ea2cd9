"""Small custom flowables the guide needs beyond platypus' own."""

from __future__ import annotations

from typing import Callable

import re
from html import unescape

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.tableofcontents import TableOfContents

from builder.guide import tagging

UNBOUNDED = 0xffffff  # platypus measures keep-together groups with (at least) this height


class Anchor(Flowable):
    """A named destination (``figure-<id>``) at this point of the page; takes no space.

    The checker and links jump to these names, so they are part of the guide's contract.
    """

    def __init__(self, key: str):
        super().__init__()
        self.key = key

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)


class AnswerLines(Flowable):
    """Ruled lines students write a short answer on."""

    def __init__(self, count: int, spacing: float, color: Color, indent: float = 0):
        super().__init__()
        self.count = count
        self.spacing = spacing
        self.color = color
        self.indent = indent
        self.line_width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.line_width = available_width - self.indent
        return available_width, self.count * self.spacing + self.spacing * 0.3

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(0.5)
        for index in range(self.count):
            y = (self.count - index - 1) * self.spacing
            canvas.line(self.indent, y, self.indent + self.line_width, y)
        canvas.restoreState()


class Badge(Flowable):
    """A number in a filled circle (the takeaways' markers): reads as a designed list, not
    as a second numbered list competing with the objectives' "1." "2." "3."."""

    def __init__(self, text: str, diameter: float, fill: Color, ink: Color, font: str,
                 size: float):
        super().__init__()
        self.text = text
        self.diameter = diameter
        self.fill = fill
        self.ink = ink
        self.font = font
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.diameter, self.diameter

    def draw(self) -> None:
        canvas = self.canv
        radius = self.diameter / 2
        canvas.saveState()
        canvas.setFillColor(self.fill)
        canvas.circle(radius, radius, radius, stroke=0, fill=1)
        canvas.setFillColor(self.ink)
        canvas.setFont(self.font, self.size)
        canvas.drawCentredString(radius, radius - self.size * 0.35, self.text)
        canvas.restoreState()


class Rule(Flowable):
    """A short coloured bar, e.g. under a section heading; keeps with what follows."""

    def __init__(self, length: float, thickness: float, color: Color, space_after: float):
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.color = color
        self.space_after = space_after
        self.keepWithNext = 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return min(self.length, available_width), self.thickness + self.space_after

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.color)
        canvas.rect(0, self.space_after, self.length, self.thickness, stroke=0, fill=1)
        canvas.restoreState()


class FittedFigure(Flowable):
    """A figure column (drawing, caption, credit) that may shrink a little to fit the space
    left on a page instead of leaving a large gap and moving whole to the next one.

    ``make(max_height)`` builds the column with the drawing at most ``max_height`` tall;
    ``natural`` is the drawing's height at full size. The figure shrinks to no less than
    ``min_scale`` of that; below, it reports its full size and platypus moves it on. Inside
    a keep-together group (a heading kept with its figure) platypus measures with an
    unbounded height: we answer with the smallest acceptable size, so the group is kept on
    this page whenever the shrunk figure fits, and the real wrap then picks the largest size
    that does. Never split: a figure is one piece.
    """

    def __init__(self, make: Callable[[float], Flowable], natural: float,
                 min_scale: float = 0.72):
        super().__init__()
        self.make = make
        self.natural = natural
        self.min_scale = min_scale
        self.hAlign = "CENTER"  # the frame places us; a narrow map's column sits centred
        self.chosen: Flowable | None = None
        self._sizes: dict[tuple[float, float], tuple[Flowable, float, float]] = {}

    def _build(self, width: float, drawing_height: float) -> tuple[Flowable, float, float]:
        key = (round(width, 3), round(drawing_height, 3))
        if key not in self._sizes:
            column = self.make(drawing_height)
            self._sizes[key] = (column, *column.wrap(width, UNBOUNDED))
        return self._sizes[key]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # the smallest size is built only when it may be chosen: a figure that fits whole
        # (most) never computes a scene that would be measured and not drawn
        if available_height >= UNBOUNDED:
            smallest = self._build(available_width, self.natural * self.min_scale)
            self.chosen = smallest[0]
            return smallest[1], smallest[2]
        full = self._build(available_width, self.natural)
        if full[2] <= available_height:
            self.chosen = full[0]
            return full[1], full[2]
        smallest = self._build(available_width, self.natural * self.min_scale)
        if smallest[2] > available_height:
            self.chosen = full[0]
            return full[1], full[2]
        # the caption and credit keep their height: take the difference off the drawing
        shrunk = self._build(available_width, self.natural - (full[2] - available_height) - 1)
        self.chosen = shrunk[0] if shrunk[2] <= available_height else smallest[0]
        chosen = shrunk if self.chosen is shrunk[0] else smallest
        return chosen[1], chosen[2]

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Whole, unless the column is taller than a page (a caption of many paragraphs'
        length): then its table splits as ``unbreakable`` allows, the caption continuing."""
        column = self._build(available_width, self.natural * self.min_scale)[0]
        return column.split(available_width, available_height) \
            if getattr(column, "splitInRow", 0) else []

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        assert self.chosen is not None, "platypus wraps a flowable before drawing it"
        self.chosen.drawOn(canvas, x, y, _sW)

    def getSpaceBefore(self) -> float:
        return 0.0

    def getSpaceAfter(self) -> float:
        return 0.0


class Contents(TableOfContents):
    """The table of contents, tagged: a ``TOC`` whose entries are ``TOCI`` › ``Link``.

    reportlab rebuilds the entries' paragraphs on every wrap (the page numbers settle over
    the passes), so each wrap tags the paragraphs it made; each entry's link is described
    by its text and page ("Glossary, page 14").
    """

    def __init__(self, node: tagging.Node, page_word: str = "page", **kwargs):
        super().__init__(**kwargs)
        self.node = node
        self.page_word = page_word

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        size = super().wrap(available_width, available_height)
        entries = iter(self._lastEntries)
        for row in self._table._cellvalues:
            for cell in row:
                cell = next((f for f in cell if isinstance(f, Paragraph)), None) \
                    if isinstance(cell, (list, tuple)) else cell
                if isinstance(cell, Paragraph):
                    entry = next(entries, None)
                    text = unescape(re.sub(r"<[^>]*>", "", entry[1])) if entry else ""
                    description = f"{text}, {self.page_word} {entry[2]}" if entry else None
                    link = self.node.add("TOCI").add("Link", link_alt=description)
                    if entry:  # read "Glossary 14", not the dot leaders between
                        link.actual_text = f"{text} {entry[2]}"
                    tagging.mark(cell, link)
        return size
