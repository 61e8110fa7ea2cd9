"""Figures drawn as reportlab vector graphics for the guide (contract; see the figures issue).

``figure_flowable(document, numbered, width, max_height)`` returns one Flowable that draws
the figure itself (no caption: the guide prints "Figure N. Caption" and the credit), at most
``width`` wide and ``max_height`` tall, keeping the figure's aspect.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from builder.errors import RenderError
from builder.numbering import NumberedFigure
from builder.resolve import Document


def figure_flowable(document: Document, numbered: NumberedFigure, width: float,
                    max_height: float) -> Flowable:
    raise RenderError(f"{numbered.figure.where}: figure kind '{numbered.figure.kind}' "
                      "cannot be drawn in the guide yet")
