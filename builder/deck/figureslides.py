"""Figure slides: the figure as large as the slide allows, its whole caption always shown.

A figure keeps at least half the body height. A caption too long for what is left is set
smaller, down to a floor (the larger of ``fit.SMALLEST`` and the footer size); a caption
still too long at the floor is not refused either: the figure keeps its slide and the
caption follows on a text slide of its own (named ``caption-<id>`` for the read-back check),
and the build says so at the figure's ``path:line:col``.
"""

from __future__ import annotations

from dataclasses import replace

from builder.charts.geometry import PIE_ASPECT
from builder.charts.images import pixel_size
from builder.charts.mapframe import natural_aspect
from builder.deck import fit
from builder.deck.arrange import join_notes
from builder.deck.figures import figure_parts
from builder.deck.grid import figure_boxes, labelled_map_width, side_caption_width
from builder.deck.specs import FigureSlide, Para, SlideSpec
from builder.deck.textslides import TextSlides
from builder.model import FigureRef, ImageFigure, MapFigure, PieFigure, Section
from builder.text import adapt
from builder.text.inline import plain

FIGURE_SHARE = 0.5  # of the body height a figure always keeps


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
        for size in fit.size_steps(preferred, floor):
            placed = self.place_caption(numbered.figure, caption, credit, size)
            if placed is not None:
                if size < preferred:
                    adapt.note(where, f"caption set at {size:g} pt, under the layout's "
                                      f"{preferred:g} pt, to leave the figure room")
                caption_height, credit_height, figure_width = placed
                box, _, _ = figure_boxes(self.grid, caption_height, credit_height, figure_width)
                return [FigureSlide(plain(section.title), notes if index == 0 else "",
                                    where=block.where, figure_id=numbered.figure.id,
                                    caption=caption, credit=numbered.credit, caption_size=size,
                                    caption_height=caption_height, credit_height=credit_height,
                                    figure_width=figure_width, rows=part)
                        for index, part in enumerate(figure_parts(self.document,
                                                                  numbered.figure, box))]
        adapt.note(where, f"caption: too long to leave the figure room on its slide even at "
                          f"{floor:g} pt: the caption follows on a slide of its own")
        credit_height = self.measured(credit, floor - 2, self.grid.body.width) if credit else 0.0
        box, _, _ = figure_boxes(self.grid, 0.0, credit_height)
        figures = [FigureSlide(plain(section.title), notes if index == 0 else "",
                               where=block.where, figure_id=numbered.figure.id, caption=(),
                               credit=numbered.credit, caption_size=floor, caption_height=0.0,
                               credit_height=credit_height, figure_width=0.0, rows=part)
                   for index, part in enumerate(figure_parts(self.document, numbered.figure,
                                                             box))]
        pages = self.text_slides(plain(section.title), [[Para(caption)]], where=block.where,
                                 section=section.key)
        return [*figures, *(replace(page, caption_of=numbered.figure.id) for page in pages)]

    def measured(self, runs, size: float, width: float) -> float:
        lines = fit.para_lines(Para(runs), self.body_faces, size, width)
        return lines * fit.line_height(size) + 4.0

    def place_caption(self, figure, caption, credit, size: float
                      ) -> tuple[float, float, float] | None:
        """(caption height, credit height, figure width) at ``size`` when the figure keeps
        its share of the body; a tall figure first tries its caption beside it."""
        figure_width = self.tall_figure_width(figure)
        for width_of_figure in ((figure_width, 0.0) if figure_width else (0.0,)):
            width = (side_caption_width(self.grid, width_of_figure) if width_of_figure
                     else self.grid.body.width)
            caption_height = self.measured(caption, size, width)
            credit_height = self.measured(credit, size - 2, width) if credit else 0.0
            if width_of_figure and caption_height + credit_height > self.grid.body.height:
                continue
            box, _, _ = figure_boxes(self.grid, caption_height, credit_height, width_of_figure)
            if width_of_figure or box.height >= self.grid.body.height * FIGURE_SHARE:
                return caption_height, credit_height, width_of_figure
        return None

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
