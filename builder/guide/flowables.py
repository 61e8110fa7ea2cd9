"""Small custom flowables the guide needs beyond platypus' own."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable


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
