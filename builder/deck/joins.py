"""Joining slides: small neighbours share one slide when they fit.

The planner makes each block's slides on their own; these decide, as it goes, when the new
slides go onto the one before instead — two short flow blocks on one slide, the leading items
of a list filling the room left by a paragraph, two prompts of a kind in one panel, a short
paragraph on top of the table or cards it introduces — so no slide is left mostly empty when
its content could join a neighbour (tests/test_density.py reads the decks back for it).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Sequence

from builder.deck import fit
from builder.deck.arrange import join_notes
from builder.deck.grid import Grid, below, figure_boxes, prompt_boxes
from builder.deck.specs import (CardsSlide, FigureSlide, Lead, PromptSlide, QuoteSlide,
                                SlideSpec, TableSlide, TextSlide, TimelineSlide)
from builder.deck.textslides import TextSlides
from builder.errors import RenderError
from builder.model import Section
from builder.text import adapt
from builder.text.inline import plain

# A text slide filled less than this (measured text height / body height) is sparse: the
# planner avoids making one when the content could go elsewhere (tests/test_density.py).
SPARSE = 0.4
# A text slide filled at most this much may go on top of the table or cards after it.
LEAD_FILL = 0.45
LEAD_SHRINK = 4.0  # points the table or cards may come down (two size steps) to share it
# A figure keeps at least this share of the area it has alone to take a paragraph above it.
FIGURE_LEAD_AREA = 0.65
# Two flow slides whose fills add up to at most this may shrink to the minimum to merge.
MERGE_SUM = 1.15
# What a short paragraph may go on top of (``lead_into``; figures: ``lead_figure``).
LEADS = (TableSlide, CardsSlide, QuoteSlide, PromptSlide, TimelineSlide)
Led = TableSlide | CardsSlide | QuoteSlide | PromptSlide | TimelineSlide


class JoinSlides(TextSlides):
    """When a block's slides go onto the slide before (the planner's ``block`` and ``flow``
    make them; these only join)."""

    def merge(self, previous: SlideSpec, slide: TextSlide) -> TextSlide | None:
        """Join a flow block onto the previous flow slide when both fit at one size.

        The joined slide may sit one step under the body size (as a list may before it
        splits): two short blocks on one slide read better than two half-empty slides.
        """
        if not (isinstance(previous, TextSlide) and previous.mergeable
                and previous.section == slide.section):
            return None
        first, *rest = slide.paras
        paras = (*previous.paras, replace(first, gap=max(first.gap, 0.8)), *rest)
        bullets = sum(1 for p in paras if p.level == 1 and p.marker)
        if bullets > self.deck.max_bullets:
            return None
        largest = min(previous.size, slide.size)
        # two small blocks ("Key people" at two thirds of a slide, "Key terms" at a half)
        # may come down to the layout's minimum to share one; larger ones one step at most
        floor = self.min_size if self.fill(previous) + self.fill(slide) <= MERGE_SUM \
            else max(self.list_floor, self.min_size)
        size = fit.largest_fitting(paras, self.body_faces, fit.size_steps(largest, floor),
                                   self.grid.body) if largest >= self.list_floor else None
        if size is None:
            return None
        return replace(previous, paras=paras, size=size,
                       notes=join_notes(previous.notes, slide.notes))

    def lead_into(self, previous: SlideSpec, block, section: Section,
                  alone: Led) -> Led | None:
        """A short text slide of the section followed by a table, a row of cards, a quote,
        a prompt or a timeline that fits one slide: both on one slide, the text above (a
        paragraph alone on a quarter of a slide, then the quote it introduces, is two
        half-empty slides for one idea).

        Only when the text fills at most ``LEAD_FILL`` of a slide and what follows still
        fits one slide under it, at most ``LEAD_SHRINK`` smaller than alone.
        """
        if not (isinstance(previous, TextSlide) and previous.mergeable and
                previous.section == section.key and not previous.caption_of):
            return None
        tried = self._under_lead(previous, lambda under: under.block(block, section))
        if tried is None:
            return None
        lead, under, trial = tried
        if not (len(trial) == 1 and type(trial[0]) is type(alone)
                and trial[0].size >= alone.size - LEAD_SHRINK - 1e-6):
            return None
        return replace(trial[0], lead=lead, notes=join_notes(previous.notes, trial[0].notes))

    def _under_lead(self, previous: TextSlide, draw) -> tuple[Lead, "JoinSlides", list] | None:
        """The text of ``previous`` as a lead on top of the slide, and what ``draw`` plans in
        the room left under it (a trial: what it would adapt is not said); None when the text
        fills more than ``LEAD_FILL`` of a slide or a word is too wide for what is left."""
        body = self.grid.body
        used = fit.height(previous.paras, self.body_faces, previous.size, body.inner_width)
        if used > LEAD_FILL * body.inner_height:
            return None
        lead = Lead(previous.paras, previous.size, used + 2 * body.inset_y)
        under = copy.copy(self)
        under.grid = below(self.grid, lead.height)
        try:
            with adapt.collecting():
                return lead, under, draw(under)
        except RenderError:
            return None

    def lead_figure(self, previous: SlideSpec, block, section: Section,
                    alone: FigureSlide) -> FigureSlide | None:
        """A short text slide of the section followed by a figure that fits one slide: the
        text on top of the figure it introduces (as ``lead_into`` does for tables and cards),
        when the figure keeps ``FIGURE_LEAD_AREA`` of its area, its caption on the slide at
        no smaller size, and needs no more slides than alone."""
        if not (isinstance(previous, TextSlide) and previous.mergeable and
                previous.section == section.key and not previous.caption_of
                and alone.caption and alone.rows is None):
            return None
        tried = self._under_lead(previous, lambda under: under.figure_slides(block, section))
        if tried is None:
            return None
        lead, under, trial = tried
        if not (len(trial) == 1 and isinstance(trial[0], FigureSlide) and trial[0].caption
                and trial[0].rows is None and trial[0].caption_size >= alone.caption_size):
            return None
        if (_figure_area(under.grid, trial[0])
                < FIGURE_LEAD_AREA * _figure_area(self.grid, alone)):
            return None
        return replace(trial[0], lead=lead, notes=join_notes(previous.notes, trial[0].notes))

    def merge_prompts(self, previous: SlideSpec, slide: PromptSlide) -> PromptSlide | None:
        """Two prompts in a row of the same kind (two discussion questions) share one panel,
        each its own paragraph, when both fit at no less than the body size."""
        if not (isinstance(previous, PromptSlide) and (previous.title, previous.tone,
                                                       previous.heading)
                == (slide.title, slide.tone, slide.heading)):
            return None
        first, *rest = slide.paras
        paras = (*previous.paras, replace(first, gap=max(first.gap, 1.0)), *rest)
        _, _, box = prompt_boxes(below(self.grid, previous.lead.height) if previous.lead
                                 else self.grid)
        size = fit.largest_fitting(paras, self.body_faces,
                                   fit.size_steps(min(previous.size, slide.size),
                                                  max(self.body_size, self.min_size)), box)
        if size is None:
            return None
        return replace(previous, paras=paras, size=size,
                       notes=join_notes(previous.notes, slide.notes))

    def spill(self, previous: SlideSpec, block, section: Section, alone: list[SlideSpec],
              followed: bool = False) -> tuple[TextSlide, list[SlideSpec]] | None:
        """Move the leading whole items of a flow block onto the previous flow slide when the
        whole block does not fit there; the rest continues on its own slide(s).

        Without this a list after a short paragraph starts a fresh slide and leaves a stub
        behind it (a paragraph at a quarter of a slide, then a full list, then two lines).
        A spill must not cost: it may not add a slide, nor leave a slide emptier than
        ``SPARSE`` where the block on its own slides (``alone``) would not (moving items only
        to strand the block's last item on a slide of its own is worse than not moving them).
        Of the spills that qualify, the one moving most items. When flow text ``followed``,
        the last slide is not judged: what follows may fill it.
        """
        units, smallest, notes = self.flow(block, section)
        if len(units) < 2 or not (isinstance(previous, TextSlide) and previous.mergeable):
            return None
        judged = slice(None, -1 if followed else None)
        best = (len(alone) + 1, -min(self.emptiest([previous, *alone][judged]), SPARSE))
        chosen = None
        for count in range(len(units) - 1, 0, -1):
            head = TextSlide(previous.title, join_notes(notes), where=block.where,
                             paras=tuple(p for unit in units[:count] for p in unit),
                             size=self.body_size, section=section.key, mergeable=True)
            merged = self.merge(previous, head)
            if merged is None:
                continue
            rest = self.text_slides(plain(section.title), units[count:], notes="",
                                    where=block.where, section=section.key,
                                    mergeable=True, smallest=smallest)
            score = (len(rest) + 1, -min(self.emptiest([merged, *rest][judged]), SPARSE))
            if score <= best:
                best, chosen = score, (merged, rest)
        return chosen

    def fill(self, slide: TextSlide) -> float:
        """How full a text slide is: measured text height / body height."""
        body = self.grid.body
        return fit.height(slide.paras, self.body_faces, slide.size or self.body_size,
                          body.inner_width) / body.inner_height

    def emptiest(self, slides: Sequence[SlideSpec]) -> float:
        """The smallest fill (measured text height / body height) among text slides."""
        fills = [fit.height(slide.paras, self.body_faces, slide.size, self.grid.body.inner_width)
                 / self.grid.body.inner_height for slide in slides if isinstance(slide, TextSlide)]
        return min(fills, default=1.0)


def _figure_area(grid: Grid, slide: FigureSlide) -> float:
    """The area the figure of ``slide`` is drawn in on ``grid`` (before its aspect)."""
    area, _, _ = figure_boxes(grid, slide.caption_height, slide.credit_height,
                              slide.figure_width, slide.credit_width)
    return area.width * area.height
