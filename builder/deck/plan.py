"""The slide plan: a Document becomes a list of measured slide specs, with no python-pptx.

Keeping the plan pure makes the deck's structure testable as data (titles, order, notes,
continuations) and keeps every fitting decision — sizes, splits, cards per slide — in one
place. The renderer then only draws: it never measures, shrinks or reorders.
"""

from __future__ import annotations

from dataclasses import replace
from functools import singledispatchmethod
from typing import Callable, Sequence

from builder.deck import fit
from builder.deck.arrange import join_notes
from builder.deck.events import event_paras
from builder.deck.grid import (Grid, prompt_boxes, quote_boxes, section_slide_boxes,
                               timeline_boxes)
from builder.deck.titles import unique_titles
from builder.deck.specs import (Card, FigureSlide, Para, Plan, PromptSlide, QuoteSlide,
                                SectionSlide, SlideSpec, TextSlide, TimelineSlide, TitleSlide)
from builder.errors import RenderError
from builder.text import adapt
from builder.text.inline import Run, plain
from builder.model import (Bullets, Callout, Discussion, FigureRef, KeyTerms, MapFigure,
                           Paragraph, People,
                           Questions, Quote, Section, SpeakerNotes,
                           Statistics, Table, Timeline)
from builder.resolve.document import Document
from builder.deck.textslides import add_notes
from builder.text.typography import bind_value, in_documents_language, quoted
from builder.deck.parts import PartSlides
from builder.deck.figureslides import FigureSlides
from builder.deck.joins import LEADS, SPARSE, JoinSlides  # noqa: F401  (SPARSE: the tests')

__all__ = ["plan_deck"]


def _excerpt(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"

# Stacked grids (one column, full-width cards) come last: a narrow or large-print deck whose
# cards hold too much text for a column still shows two or three per slide, not one.
STATISTIC_GRIDS = ((4, 1), (3, 1), (2, 2), (2, 1), (1, 3), (1, 2), (1, 1))
# A section's timeline or people block this small is listed as text (and may share a slide
# with the flow around it) rather than drawn alone: an axis with two dates or a grid with one
# card leaves most of a slide empty (the deck's timeline and people parts draw them all).
FOLD_EVENTS = 3
FOLD_PEOPLE = 3
TALL_TITLE = 3  # lines of a long title's box (``Grid.titled``) before the title shrinks
TALL_TITLE_COST = 1  # slides a section may gain for its titles' third line


@in_documents_language
def plan_deck(document: Document, grid: Grid | None = None) -> Plan:
    """Every slide of the deck, in the order of ``layout.deck.parts``, measured to fit."""
    planner = _Planner(document, grid or Grid.build(document.layout.deck))
    slides: list[SlideSpec] = []
    for part in document.layout.deck.parts:
        slides += getattr(planner, f"part_{part}")()
    if not document.edition.speaker_notes:  # the student deck carries no notes at all
        slides = [replace(slide, notes="") for slide in slides]
    return Plan(tuple(planner.finish_titles(slides)))


@in_documents_language
def plan_sections(document: Document, grid: Grid, wanted: Callable[[Section], bool]) -> Plan:
    """The slides of the sections ``wanted`` accepts, each planned as the whole deck plans it
    (a section's slides depend on nothing outside it; titles are not yet made unique), for
    what must be known of them before the deck is planned (``builder.deck.ahead``). The
    adaptations planning notes are the caller's to keep or drop."""
    planner = _Planner(document, grid)
    sections = document.lecture.sections
    return Plan(tuple(slide for number, section in enumerate(sections, start=1)
                      if wanted(section)
                      for slide in planner.section(section, number, len(sections))))


class _Planner(FigureSlides, JoinSlides, PartSlides):
    """Turns parts and blocks into slide specs; one method per part and per block type."""

    def __init__(self, document: Document, grid: Grid):
        super().__init__(document, grid)
        # sections whose titles shrink rather than take a third line (``section``): none of
        # their slides takes one alone either, so a section's titles keep one size
        self.short_titled: set[str] = set()

    # ---------------------------------------------------------------- text pages


    # ---------------------------------------------------------------- parts


    # ---------------------------------------------------------------- sections

    def section(self, section: Section, number: int, count: int) -> list[SlideSpec]:
        """The section's slides; planned again under a three-line title box when one of
        their titles needs a third line at the deck's title size (``tall_titles``): the
        section's titles keep that size and its bodies the room left under them — unless
        that room costs the section more than ``TALL_TITLE_COST`` slides (cards and listings
        that no longer share one) or cuts a paragraph one slide held (a quotation's last
        line continued alone), when its titles shrink instead."""
        slides = self.section_slides(section, number, count)
        if not self.tall_titles(slides):
            return slides
        grid, self.grid = self.grid, self.grid.titled(TALL_TITLE)
        try:
            tall = self.section_slides(section, number, count)
        finally:
            self.grid = grid
        if (len(tall) > len(slides) + TALL_TITLE_COST or _cut(tall) > _cut(slides)
                or self.shows_a_map(tall)):
            self.short_titled.add(slides[0].title)
            return slides
        return [slide if isinstance(slide, SectionSlide) else replace(slide, title_lines=TALL_TITLE)
                for slide in tall]

    def shows_a_map(self, slides: Sequence[SlideSpec]) -> bool:
        """Whether a slide shows a map: a map fills the box it is given and keys what does not
        fit by it, so a title line taken from its box costs the map its size and its names
        (scramble-for-africa's large-print Africa map fell to ~215 pt with places keyed and
        unnumbered); its section's titles shrink instead."""
        return any(isinstance(slide, FigureSlide)
                   and isinstance(self.document.figure(slide.figure_id).figure, MapFigure)
                   for slide in slides)

    def tall_titles(self, slides: Sequence[SlideSpec]) -> bool:
        """Whether a title of a section's slides, as the deck will finish it (continuations
        numbered, a lone slide's "– key points"), is too long for two lines at the deck's
        title size. (A title the deck then also names by its section, "Discussion: …", is
        given its third line alone, by ``finish_titles``, when its slide has the room.)"""
        largest, box = self.deck.sizes.title, self.grid.title
        return any(fit.fit_title(slide.title, self.heading_faces, box, largest, largest,
                                 whole_words=True) is None
                   for slide in unique_titles(slides, self.document.words)
                   if not isinstance(slide, SectionSlide))

    def section_slides(self, section: Section, number: int, count: int) -> list[SlideSpec]:
        title = plain(section.title)
        _, _, title_box = section_slide_boxes(self.grid)
        fitted = fit.adapt_title(title, self.heading_faces, title_box, self.deck.sizes.section,
                                 min(28.0, self.deck.sizes.section), self.min_size, max_lines=3)
        if fitted.adapted:
            adapt.note(section.where, f"title on the section slide: {fitted.adapted}")
        size = fitted.size
        slides: list[SlideSpec] = [SectionSlide(title, join_notes(section.notes), size,
                                                section.where, key=section.key, number=number,
                                                count=count)]
        blocks = [block for block in section.blocks]
        for position, block in enumerate(blocks):
            if isinstance(block, SpeakerNotes):
                slides[-1] = add_notes(slides[-1], block.notes)
                continue
            added = self.block(block, section)
            if len(added) == 1 and isinstance(added[0], LEADS):
                joined = self.lead_into(slides[-1], block, section, added[0])
                if joined is not None:  # the paragraph before it goes on top of it
                    slides[-1], added = joined, []
            elif len(added) == 1 and isinstance(added[0], FigureSlide):
                joined = self.lead_figure(slides[-1], block, section, added[0])
                if joined is not None:  # the paragraph introducing the figure, above it
                    slides[-1], added = joined, []
            if added and isinstance(added[0], TextSlide) and added[0].mergeable:
                merged = self.merge(slides[-1], added[0])
                if merged is not None:
                    slides[-1] = merged
                    added = added[1:]
                else:
                    later = next((b for b in blocks[position + 1:]
                                  if not isinstance(b, SpeakerNotes)), None)
                    spilled = self.spill(slides[-1], block, section, added,
                                         followed=self.is_flow(later))
                    if spilled is not None:
                        slides[-1], added = spilled
            if added and isinstance(added[0], PromptSlide):
                joined = self.merge_prompts(slides[-1], added[0])
                if joined is not None:
                    slides[-1] = joined
                    added = added[1:]
            slides += added
        return slides

    @singledispatchmethod
    def block(self, block, section: Section) -> list[SlideSpec]:
        raise RenderError(f"{block.where}: the deck cannot show a {type(block).__name__} block")

    @block.register
    def _(self, block: Paragraph, section: Section) -> list[SlideSpec]:
        return self.flow_slides(block, section)

    @block.register
    def _(self, block: Bullets, section: Section) -> list[SlideSpec]:
        return self.flow_slides(block, section)

    @block.register
    def _(self, block: KeyTerms, section: Section) -> list[SlideSpec]:
        return self.flow_slides(block, section)

    def flow(self, block, section: Section) -> tuple[list[list[Para]], float | None, str]:
        """A flow block's units (a paragraph, a bullet with its sub-bullets, a listed entry),
        how far it may shrink before splitting, and its notes.

        Key terms, a few people or a few dates are listed under a small heading as flow
        text: they share a slide with the text before them (or with each other) whenever
        everything fits, instead of each standing alone on an almost empty slide. Each entry
        is a unit, the heading going with the first, so the heading is never stranded.
        """
        notes = block.notes or ""
        if isinstance(block, Paragraph):
            return [[Para(fit.runs(block.paragraph))]], None, notes
        if isinstance(block, Bullets):
            return self.bullet_units(block.bullets), self.list_floor, notes
        if isinstance(block, KeyTerms):
            heading = self.document.words("key_terms")
            entries = [(*fit.runs(term.term, bold=True), Run(" — "), *fit.runs(term.definition))
                       for term in block.key_terms]
        elif isinstance(block, People):
            heading = self.document.words("key_people")
            entries = [(fit.set_run(plain(person.name), bold=True),
                        fit.set_run(f" ({self.document.life(person)}) — "
                                    if self.document.life(person) else " — "),
                        *fit.runs(person.role)) for person in block.people]
        else:
            heading = self.document.words("timeline")
            entries = [(fit.set_run(self.document.date(event.date), bold=True), Run(" — "),
                        *fit.runs(event.label))
                       for event in block.timeline]
            notes = join_notes(notes, *(f"{self.document.date(event.date)}: {plain(event.label)} — "
                                        f"{event.detail}" for event in block.timeline
                                        if event.detail))
        label = Para(fit.plain_runs(heading, bold=True), gap=0.9, color="primary")
        # a unit per entry, the heading with the first: the leading entries may fill the room
        # left on the slide before (a slide holding one bullet, then a full slide of terms,
        # reads worse than both filled), and the heading never ends a slide alone
        return [[label, Para(entries[0], gap=0.25)],
                *([Para(entry, gap=0.5)] for entry in entries[1:])], None, notes

    def flow_slides(self, block, section: Section) -> list[SlideSpec]:
        units, smallest, notes = self.flow(block, section)
        return self.text_slides(plain(section.title), units, notes=notes, where=block.where,
                                section=section.key, mergeable=True, smallest=smallest)

    def is_flow(self, block) -> bool:
        """Whether a block is set as flow text (so it may join the slide before it)."""
        return (isinstance(block, (Paragraph, Bullets, KeyTerms))
                or (isinstance(block, People) and len(block.people) <= FOLD_PEOPLE)
                or (isinstance(block, Timeline) and len(block.timeline) <= FOLD_EVENTS))

    @block.register
    def _(self, block: Discussion, section: Section) -> list[SlideSpec]:
        return self.prompt(self.document.words("discussion"), self.document.words("discuss"), "discussion",
                           [Para(fit.runs(block.discussion))], block.notes, block.where)

    @block.register
    def _(self, block: Callout, section: Section) -> list[SlideSpec]:
        callout = block.callout
        heading = self.document.words(callout.kind)
        title = plain(callout.title) if callout.title else heading
        return self.prompt(title, heading, callout.kind, [Para(fit.runs(callout.text))],
                           block.notes, block.where)

    @block.register
    def _(self, block: Quote, section: Section) -> list[SlideSpec]:
        quote = block.quote
        text = [Para(fit.runs(quoted(quote.text, self.document.language)), color="primary")]
        who = quote.speaker + (f", {self.document.date(quote.date)}" if quote.date else "")
        attribution = [Para((Run("— "), *fit.runs(who, bold=True)))]
        if quote.context:
            attribution.append(Para(fit.runs(quote.context), gap=0.15, color="muted"))
        attribution_size = self.min_size
        attribution_height = (fit.height(attribution, self.body_faces, attribution_size,
                                         self.grid.body.width - 56) + 6)
        _, box, _ = quote_boxes(self.grid, attribution_height)
        sizes = fit.size_steps(max(self.body_size + 8, self.min_size), self.min_size)
        size = fit.largest_fitting(text, self.body_faces, sizes, box)
        if size is None or attribution_height > self.grid.body.height / 2:
            paras = [*text, replace(attribution[0], gap=0.6), *attribution[1:]]
            return self.text_slides(plain(section.title), [paras], notes=block.notes,
                                    where=block.where)
        return [QuoteSlide(plain(section.title), join_notes(block.notes), where=block.where,
                           paras=tuple(text), size=size, attribution=tuple(attribution),
                           attribution_size=attribution_size)]

    @block.register
    def _(self, block: Statistics, section: Section) -> list[SlideSpec]:
        cards = [Card(bind_value(statistic.value), "", fit.runs(statistic.label),
                      fit.runs(statistic.note) if statistic.note else ())
                 for statistic in block.statistics]
        return self.card_slides(self.document.words("by_the_numbers"), "statistic", cards, STATISTIC_GRIDS,
                                block.notes, block.where)

    @block.register
    def _(self, block: People, section: Section) -> list[SlideSpec]:
        if len(block.people) <= FOLD_PEOPLE:
            return self.flow_slides(block, section)
        return self.people_slides(self.document.words("key_people"), block.people, block.notes, block.where)

    @block.register
    def _(self, block: Timeline, section: Section) -> list[SlideSpec]:
        if len(block.timeline) <= FOLD_EVENTS:
            return self.flow_slides(block, section)
        return self.timeline_slides(self.document.words("timeline"), block.timeline, block.notes, block.where)

    @block.register
    def _(self, block: Table, section: Section) -> list[SlideSpec]:
        table = block.table
        title = plain(table.caption) if table.caption else plain(section.title)
        return self.table_slides(title, table.header, table.rows, block.notes, block.where)

    @block.register
    def _(self, block: FigureRef, section: Section) -> list[SlideSpec]:
        return self.figure_slides(block, section)

    @block.register
    def _(self, block: Questions, section: Section) -> list[SlideSpec]:
        return self.question_slides(block.questions, block.notes, block.where)

    # ---------------------------------------------------------------- shared builders


    # ---------------------------------------------------------------- titles

    def finish_titles(self, slides: Sequence[SlideSpec]) -> list[SlideSpec]:
        """Make every title unique (``titles``: continuations numbered, repeats named by
        their section), and size every content title to fit."""
        finished: list[SlideSpec] = []
        smallest = max(20.0, self.deck.sizes.title * 0.7)
        section = ""
        for slide in unique_titles(slides, self.document.words):
            if isinstance(slide, SectionSlide):
                section = slide.title
            if not isinstance(slide, (TitleSlide, SectionSlide)):
                if (slide.title_lines < TALL_TITLE and section not in self.short_titled
                        and self.room_for_tall_title(slide)):
                    slide = replace(slide, title_lines=TALL_TITLE)
                fitted = fit.adapt_title(slide.title, self.heading_faces,
                                         self.grid.titled(slide.title_lines).title,
                                         self.deck.sizes.title, smallest, self.min_size,
                                         max_lines=slide.title_lines)
                if fitted.adapted:
                    adapt.note(slide.where, f"slide title '{_excerpt(slide.title)}': "
                                            f"{fitted.adapted}")
                slide = replace(slide, title=fitted.text, title_size=fitted.size)
            finished.append(slide)
        return finished

    def room_for_tall_title(self, slide: SlideSpec) -> bool:
        """Whether a slide planned under a two-line title box takes a third line instead of
        a smaller title: its title needs one at the deck's title size ("Discussion: <a long
        section title>", named so only once the whole deck is known) and what the slide
        shows (text, a prompt, a timeline) still fits the body under it."""
        largest = self.deck.sizes.title
        if fit.fit_title(slide.title, self.heading_faces, self.grid.title, largest, largest,
                         whole_words=True) is not None:
            return False
        grid = self.grid.titled(TALL_TITLE)
        if isinstance(slide, TextSlide):
            return fit.fits(slide.paras, self.body_faces, slide.size, grid.body)
        if isinstance(slide, PromptSlide) and slide.lead is None:
            return fit.fits(slide.paras, self.body_faces, slide.size, prompt_boxes(grid)[2])
        if isinstance(slide, TimelineSlide) and slide.lead is None:
            box = timeline_boxes(grid, len(slide.events))[2][0]
            return all(fit.fits(event_paras(event), self.body_faces, slide.size, box)
                       for event in slide.events)
        return False


def _cut(slides: Sequence[SlideSpec]) -> int:
    """How many body paragraphs (not list items) the text slides hold: one more when a
    paragraph or a quotation set as text is cut over two slides."""
    return sum(1 for slide in slides if isinstance(slide, TextSlide)
               for para in slide.paras if para.level == 0 and not para.marker)
