"""What every kind of deck figure shares: its box in EMU, its text style and floor, alt text.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.util import Pt

from builder.charts.geometry import centred, fit
from builder.charts.style import FigureStyle
from builder.deck.oxml import set_alt_text, set_font_slots
from builder.layout.values import Color
from builder.resolve.document import Document

EMU_PER_POINT = 12700

MIN_FIGURE_SIZE = 14.0  # labels on a slide: legible from the back of a room

BODY_SHARE = 0.75  # figure text may be this share of the layout's smallest body text

CAPTION_CAP = 16.0  # figure text follows the caption size up to here, unless the floor is higher


def figure_min_size(document: Document) -> float:
    """The smallest text any deck figure may draw: ``max(14, 0.75 × deck.sizes.min_body)``.

    14 pt is legible from the back of a classroom on a 16:9 slide; a layout that raises its
    smallest body text (large print: 24 pt → 18 pt) asks for figures in proportion, so the
    labels do not look like footnotes next to the bullets. Every deck figure keeps to it: a
    crowded timeline changes its label form and a map its label places before they shrink.
    """
    return max(MIN_FIGURE_SIZE, document.layout.deck.sizes.min_body * BODY_SHARE)


def figure_max_size(document: Document) -> float:
    """The largest text a deck figure with room to spare grows to: the slide's body size
    (figure text larger than the bullets would shout)."""
    return max(document.layout.deck.sizes.body, figure_min_size(document))


def figure_style(document: Document) -> FigureStyle:
    """The deck's figure look: labels at the caption size, never below ``figure_min_size``.

    A page is read at arm's length and a slide across a room, so the deck's figures do not
    borrow the guide's 9–10 pt labels; the slide gives the figure most of its body instead.
    """
    size = max(figure_min_size(document), min(document.layout.deck.sizes.caption, CAPTION_CAP))
    return FigureStyle.from_layout(document.layout.palette, document.fonts["body"], size,
                                   document.language)


class FigureBox:
    """The EMU box a figure must stay inside."""

    def __init__(self, left: int, top: int, width: int, height: int):
        self.left, self.top, self.width, self.height = left, top, width, height

    def fitted(self, aspect: float) -> tuple[int, int, int, int]:
        """(left, top, width, height) of the largest centred box with that aspect."""
        inner_width, inner_height = fit(self.width, self.height, aspect)
        x, y = centred(self.left, self.top, self.width, self.height, inner_width, inner_height)
        return int(x), int(y), int(inner_width), int(inner_height)


def rgb(color: Color) -> RGBColor:
    return RGBColor.from_string(str(color))


def finish_figure(shape, figure) -> None:
    shape.name = f"figure-{figure.id}"
    set_alt_text(shape, figure.alt)


def style_run(run, document: Document, name: str, size: float, color: Color, bold: bool = False):
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = rgb(color)
    fonts = document.layout.fonts
    set_font_slots(run, name, fonts.east_asian, fonts.complex_script)
