"""Figure slides: the figure as large as the slide allows, its whole caption always shown.

The figure is what the slide is for, so its caption and credit are kept compact: the credit
is small print (the caption floor), set on the caption's line when both fit there, and the
caption comes down from the layout's size, toward that floor, until the figure has
``FIGURE_ROOM`` of the body height (a large-print caption of two lines at 20 pt and a
two-line credit left a chart 247 pt of a 540 pt slide). A figure keeps at least
``FIGURE_SHARE`` of the body: a caption too long for what is left even at the floor (the
larger of ``fit.SMALLEST`` and the footer size) is not refused either: the figure keeps its
slide and the caption follows on a text slide of its own (named ``caption-<id>`` for the
read-back check), and the build says so at the figure's ``path:line:col``.
"""

from __future__ import annotations

from dataclasses import replace

from builder.charts.geometry import PIE_ASPECT
from builder.charts.images import pixel_size
from builder.charts.mapframe import natural_aspect
from builder.deck import fit
from builder.deck.arrange import join_notes
from builder.deck.figures import figure_parts
from builder.deck.grid import (CREDIT_GAP, figure_boxes, labelled_map_width,
                               side_caption_width)
from builder.deck.specs import FigureSlide, Para, SlideSpec
from builder.deck.textslides import TextSlides
from builder.model import FigureRef, ImageFigure, MapFigure, PieFigure, Section
from builder.text import adapt
from builder.text import measure
from builder.text.inline import plain

FIGURE_SHARE = 0.5  # of the body height a figure always keeps
FIGURE_ROOM = 0.8  # of the body height a caption comes down in size to leave the figure


class FigureSlides(TextSlides):
    """Plans one figure block: its slide, and its caption's slide when it needs one."""

    def figure_slides(self, block: FigureRef, section: Section) -> list[SlideSpec]:
        numbered = self.document.figure(block.figure)
        where = numbered.figure.where
        preferred = self.deck.sizes.caption
        floor = min(preferred, max(fit.SMALLEST, self.deck.sizes.footer))
        caption = fit.runs(numbered.caption)
        credit = fit.plain_runs(numbered.credit) if numbered.credit else ()
        notes = join_notes(numbered.figure.notes, block.notes)
        placed = self.compact_caption(numbered.figure, caption, credit, preferred, floor)
        if placed is not None:
            size, (caption_height, credit_height, figure_width, credit_width) = placed
            if size < preferred and self.place_caption(numbered.figure, caption, credit,
                                                       preferred, floor) is None:
                # (coming down only to give the figure more than its share is the design,
                # not an adaptation: no warning for it)
                adapt.note(where, f"caption set at {size:g} pt, under the layout's "
                                  f"{preferred:g} pt, to leave the figure room")
            box, _, _ = figure_boxes(self.grid, caption_height, credit_height, figure_width,
                                     credit_width)
            return [FigureSlide(plain(section.title), notes if index == 0 else "",
                                where=block.where, figure_id=numbered.figure.id,
                                caption=caption, credit=numbered.credit, caption_size=size,
                                credit_size=floor, caption_height=caption_height,
                                credit_height=credit_height, figure_width=figure_width,
                                credit_width=credit_width, rows=part)
                    for index, part in enumerate(figure_parts(self.document,
                                                              numbered.figure, box))]
        adapt.note(where, f"caption: too long to leave the figure room on its slide even at "
                          f"{floor:g} pt: the caption follows on a slide of its own")
        credit_height = self.measured(credit, floor, self.grid.body.width) if credit else 0.0
        box, _, _ = figure_boxes(self.grid, 0.0, credit_height)
        figures = [FigureSlide(plain(section.title), notes if index == 0 else "",
                               where=block.where, figure_id=numbered.figure.id, caption=(),
                               credit=numbered.credit, caption_size=floor,
                               credit_size=floor, caption_height=0.0,
                               credit_height=credit_height, figure_width=0.0, rows=part)
                   for index, part in enumerate(figure_parts(self.document, numbered.figure,
                                                             box))]
        pages = self.text_slides(plain(section.title), [[Para(caption)]], where=block.where,
                                 section=section.key)
        return [*figures, *(replace(page, caption_of=numbered.figure.id) for page in pages)]

    def measured(self, runs, size: float, width: float) -> float:
        lines = fit.para_lines(Para(runs), self.body_faces, size, width)
        return lines * fit.line_height(size) + 4.0

    def compact_caption(self, figure, caption, credit, preferred: float, floor: float
                        ) -> tuple[float, tuple[float, float, float, float]] | None:
        """(caption size, placement) for the largest caption size that leaves the figure
        ``FIGURE_ROOM`` of the body; when none does, the size that leaves it the most room
        (the larger size on a tie), if that is at least ``FIGURE_SHARE``; else None."""
        best: tuple[float, float, tuple[float, float, float, float]] | None = None
        for size in fit.size_steps(preferred, floor):
            placed = self.place_caption(figure, caption, credit, size, floor)
            if placed is None:
                continue
            box, _, _ = figure_boxes(self.grid, placed[0], placed[1], placed[2], placed[3])
            room = box.height if not placed[2] else self.grid.body.height
            if room >= self.grid.body.height * FIGURE_ROOM - 1e-6:
                return size, placed
            if best is None or room > best[0] + 0.5:
                best = (room, size, placed)
        return (best[1], best[2]) if best is not None else None

    def place_caption(self, figure, caption, credit, size: float, credit_size: float
                      ) -> tuple[float, float, float, float] | None:
        """(caption height, credit height, figure width, credit width) at ``size`` when the
        figure keeps its share of the body; a tall figure first tries its caption beside it.
        A credit width > 0: the credit stands on the caption's one line, right of it."""
        figure_width = self.tall_figure_width(figure)
        for width_of_figure in ((figure_width, 0.0) if figure_width else (0.0,)):
            width = (side_caption_width(self.grid, width_of_figure) if width_of_figure
                     else self.grid.body.width)
            caption_height = self.measured(caption, size, width)
            credit_height = self.measured(credit, credit_size, width) if credit else 0.0
            credit_width = 0.0 if width_of_figure else self.credit_beside(
                caption, credit, size, credit_size, width)
            if credit_width:
                caption_height = max(caption_height, credit_height)
                credit_height = 0.0
            if width_of_figure and caption_height + credit_height > self.grid.body.height:
                continue
            box, _, _ = figure_boxes(self.grid, caption_height, credit_height, width_of_figure,
                                     credit_width)
            if width_of_figure or box.height >= self.grid.body.height * FIGURE_SHARE:
                return caption_height, credit_height, width_of_figure, credit_width
        return None

    def credit_beside(self, caption, credit, size: float, credit_size: float,
                      width: float) -> float:
        """The credit's box width when caption and credit each stay on one line side by side
        in ``width`` (0 when they do not: the credit then goes under the caption)."""
        if not credit:
            return 0.0
        credit_width = measure.runs_width(list(credit), self.body_faces, credit_size) + 8.0
        rest = width - credit_width - CREDIT_GAP
        if rest < width / 3 or fit.para_lines(Para(credit), self.body_faces, credit_size,
                                               credit_width) > 1:
            return 0.0
        return credit_width if fit.para_lines(Para(caption), self.body_faces, size,
                                              rest) == 1 else 0.0

    def tall_figure_width(self, figure) -> float:
        """The width a tall figure takes at the body's full height (a map's with room for
        its names beside it), when a caption column still fits beside it; 0 for wide
        figures (charts, timelines, tables), which keep the caption underneath."""
        if isinstance(figure, MapFigure):  # with room beside it for its names
            aspect = natural_aspect(figure)
            return labelled_map_width(self.grid, self.grid.body.height / aspect)
        if isinstance(figure, PieFigure):
            aspect = PIE_ASPECT
        elif isinstance(figure, ImageFigure):
            pixels_wide, pixels_high = pixel_size(self.document.asset(figure.path), figure)
            aspect = pixels_high / pixels_wide
        else:
            return 0.0
        width = self.grid.body.height / aspect
        return width if side_caption_width(self.grid, width) else 0.0
