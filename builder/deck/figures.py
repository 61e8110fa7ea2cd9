"""Figures as native PowerPoint objects (contract; see the figures issue).

``add_figure(slide, document, numbered, left, top, width, height)`` adds the figure itself
(a native chart, table, shapes or a picture; no caption) inside the box given in EMU,
names its main shape ``figure-<id>``, sets the alt text, and returns the shapes it added.
"""

from __future__ import annotations

from builder.errors import RenderError
from builder.numbering import NumberedFigure
from builder.resolve import Document


def add_figure(slide, document: Document, numbered: NumberedFigure, left: int, top: int,
               width: int, height: int) -> list:
    raise RenderError(f"{numbered.figure.where}: figure kind '{numbered.figure.kind}' "
                      "cannot be drawn in the deck yet")
