"""The slide plan: a Document becomes a list of measured slide specs, with no python-pptx.

Keeping the plan pure makes the deck's structure testable as data (titles, order, notes,
continuations) and keeps every fitting decision — sizes, splits, cards per slide — in one
place. The renderer then only draws: it never measures, shrinks or reorders.
"""

from __future__ import annotations

import math
from dataclasses import replace
from functools import singledispatchmethod
from typing import Sequence

from builder.charts.geo import Projection
from builder.charts.geometry import PIE_ASPECT
from builder.charts.images import pixel_size
from builder.deck import fit
from builder.deck.arrange import CONTINUED, Arranger, join_notes
from builder.deck.grid import (Grid, figure_boxes, prompt_boxes, quote_boxes,
                               labelled_map_width, section_slide_boxes, side_caption_width,
                               title_slide_boxes)
from builder.deck.specs import (Card, FigureSlide, Para, Plan, PromptSlide, QuoteSlide,
                                SectionSlide, SlideSpec, TextSlide, TitleSlide)
from builder.errors import RenderError
from builder.text.inline import Run, plain
from builder.model import (Bullets, Callout, Discussion, FigureRef, ImageFigure, KeyTerms,
                           MapFigure, Paragraph, People, PieFigure,
                           Person, Question, Questions, Quote, Reference, Section, SpeakerNotes,
                           Statistics, SubBullets, Table, Timeline, choice_letter)
from builder.resolve.document import Document

__all__ = ["plan_deck"]

BULLET = "•"
SUB_BULLET = "–"
CALLOUT_HEADINGS = {"note": "Note", "tip": "Tip", "warning": "Warning"}
PERSON_GRIDS = ((3, 2), (2, 2), (2, 1), (1, 1))
STATISTIC_GRIDS = ((4, 1), (3, 1), (2, 2), (2, 1), (1, 1))
# A section's timeline or people block this small is listed as text (and may share a slide
# with the flow around it) rather than drawn alone: an axis with two dates or a grid with one
# card leaves most of a slide empty (the deck's timeline and people parts draw them all).
FOLD_EVENTS = 3
FOLD_PEOPLE = 3
MAX_QUESTIONS = 4  # questions sharing one slide, so each still reads as its own prompt
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


def plan_deck(document: Document, grid: Grid | None = None) -> Plan:
    """Every slide of the deck, in the order of ``layout.deck.parts``, measured to fit."""
    planner = _Planner(document, grid or Grid.build(document.layout.deck))
    slides: list[SlideSpec] = []
    for part in document.layout.deck.parts:
        slides += getattr(planner, f"part_{part}")()
    return Plan(tuple(planner.finish_titles(slides)))


def _add_notes(slide: SlideSpec, notes: str | None) -> SlideSpec:
    return replace(slide, notes=join_notes(slide.notes, notes)) if notes else slide


class _Planner(Arranger):
    """Turns parts and blocks into slide specs; one method per part and per block type."""

    # ---------------------------------------------------------------- text pages

    def text_slides(self, title: str, units: Sequence[Sequence[Para]], *, notes: str | None = "",
                    where: str = "", section: str = "", mergeable: bool = False,
                    max_bullets: int | None = None, largest: float | None = None,
                    smallest: float | None = None) -> list[TextSlide]:
        """One slide at the largest size that fits, else continuation slides at body size.

        ``largest`` lets short, single-focus slides (a question) start above the body size.
        ``smallest`` stops shrinking early: a list splits between its items onto a
        continuation slide rather than dropping to the minimum size, as a teacher would.
        """
        max_bullets = max_bullets or self.deck.max_bullets
        floor = max(self.min_size, min(smallest, self.body_size)) if smallest else self.min_size
        sizes = fit.size_steps(largest or self.body_size, floor)
        paras = [para for unit in units for para in unit]
        bullets = sum(1 for p in paras if p.level == 1 and p.marker)
        box = self.grid.body
        if bullets <= max_bullets:
            size = fit.largest_fitting(paras, self.body_faces, sizes, box)
            if size is not None:
                return [TextSlide(title, join_notes(notes), where=where, paras=tuple(paras),
                                  size=size, section=section, mergeable=mergeable)]
        pages_needed = max(1, math.ceil(bullets / max_bullets))
        balanced = math.ceil(bullets / pages_needed) if bullets else None
        try:
            pages = fit.paginate(units, self.body_faces, self.body_size, box, balanced)
        except ValueError as error:
            raise RenderError(f"{where}: {error}") from None
        pages = self.balance(units, pages, balanced)
        slides = []
        for index, page in enumerate(pages):
            slides.append(TextSlide(title + (CONTINUED if index else ""),
                                    join_notes(notes) if index == 0 else "", where=where,
                                    paras=tuple(page), size=self.body_size, section=section,
                                    mergeable=mergeable and index == len(pages) - 1))
        return slides

    def balance(self, units: Sequence[Sequence[Para]], pages: list[list[Para]],
                max_bullets: int | None) -> list[list[Para]]:
        """Even out continuation pages: the shortest page height that needs no extra page.

        Greedy packing fills the first pages and leaves a stub; a teacher would split evenly.
        """
        if len(pages) < 2:
            return pages
        box = self.grid.body
        low, high = box.height / len(pages), box.height
        for _ in range(8):
            middle = (low + high) / 2
            try:
                trial = fit.paginate(units, self.body_faces, self.body_size,
                                     replace(box, height=middle), max_bullets)
            except ValueError:
                trial = []
            if trial and len(trial) <= len(pages):
                pages, high = trial, middle
            else:
                low = middle
        return pages

    def bullet_units(self, items: Sequence[str | SubBullets]) -> list[list[Para]]:
        units = []
        for item in items:
            if isinstance(item, SubBullets):
                units.append([Para(fit.runs(item.text), 1, BULLET, 0.5),
                              *(Para(fit.runs(sub), 2, SUB_BULLET, 0.2) for sub in item.items)])
            else:
                units.append([Para(fit.runs(item), 1, BULLET, 0.5)])
        return units

    def prompt(self, title: str, heading: str, tone: str, paras: Sequence[Para],
               notes: str | None, where: str) -> list[SlideSpec]:
        """Text in a tinted panel, large; falls back to plain text slides if it is long."""
        _, _, box = prompt_boxes(self.grid)
        sizes = fit.size_steps(max(self.body_size + 4, self.min_size), self.min_size)
        size = fit.largest_fitting(paras, self.body_faces, sizes, box)
        if size is None:
            return self.text_slides(title, [paras], notes=notes, where=where)
        return [PromptSlide(title, join_notes(notes), where=where, tone=tone, heading=heading,
                            paras=tuple(paras), size=size)]

    # ---------------------------------------------------------------- parts

    def part_title(self) -> list[SlideSpec]:
        lecture = self.lecture
        title_box, _, subtitle_box, details_box = title_slide_boxes(self.grid)
        largest = min(self.deck.sizes.title * 1.5, 60.0)
        title = plain(lecture.title)
        size = fit.fit_title(title, self.heading_faces, title_box, largest, 24.0, max_lines=3)
        if size is None:
            raise RenderError(f"{lecture.where}: title: too long for the title slide; shorten it")
        subtitle = fit.runs(lecture.subtitle) if lecture.subtitle else ()
        subtitle_size = 0.0
        if subtitle:
            subtitle_size = fit.largest_fitting(
                [Para(subtitle)], self.body_faces,
                fit.size_steps(max(self.body_size, self.min_size), self.min_size), subtitle_box)
            if subtitle_size is None:
                raise RenderError(f"{lecture.where}: subtitle: too long for the title slide")
        details = [self.document.fill("{instructor} · {date}"), self.document.course_label]
        details = tuple(line for line in details if line)
        detail_paras = [Para(fit.plain_runs(line)) for line in details]
        if details and not fit.fits(detail_paras, self.body_faces, self.min_size, details_box):
            details = details[:1]
        return [TitleSlide(title, join_notes(lecture.notes), size, lecture.where,
                           subtitle=subtitle, details=details, subtitle_size=subtitle_size)]

    def part_agenda(self) -> list[SlideSpec]:
        units = [[Para(fit.plain_runs(plain(section.title)), 1, f"{index}.", 0.35)]
                 for index, section in enumerate(self.lecture.sections, start=1)]
        return self.text_slides("Agenda", units, max_bullets=max(self.deck.max_bullets, 12))

    def part_objectives(self) -> list[SlideSpec]:
        slides: list[SlideSpec] = []
        if self.lecture.objectives:
            slides += self.text_slides("Learning objectives",
                                       self.bullet_units(self.lecture.objectives),
                                       where=self.lecture.where, smallest=self.list_floor)
        if self.lecture.essential_question:
            slides += self.prompt("Essential question", "Keep this question in mind",
                                  "essential", [Para(fit.runs(self.lecture.essential_question))],
                                  None, self.lecture.where)
        return slides

    def part_sections(self) -> list[SlideSpec]:
        slides: list[SlideSpec] = []
        count = len(self.lecture.sections)
        for number, section in enumerate(self.lecture.sections, start=1):
            slides += self.section(section, number, count)
        return slides

    def part_timeline(self) -> list[SlideSpec]:
        if not self.document.timeline:
            return []
        return self.timeline_slides("Timeline of events", self.document.timeline, None,
                                    self.lecture.where)

    def part_people(self) -> list[SlideSpec]:
        if not self.document.people:
            return []
        return self.people_slides("People to know", self.document.people, None,
                                  self.lecture.where)

    def part_questions(self) -> list[SlideSpec]:
        return self.question_slides(self.lecture.review_questions, None, self.lecture.where)

    def part_takeaways(self) -> list[SlideSpec]:
        if not self.lecture.takeaways:
            return []
        return self.text_slides("Key takeaways", self.bullet_units(self.lecture.takeaways),
                                where=self.lecture.where, smallest=self.list_floor)

    @property
    def list_floor(self) -> float:
        """How far a bullet list shrinks before it splits: one step under the body size."""
        return self.body_size - fit.SIZE_STEP

    def part_sources(self) -> list[SlideSpec]:
        if not self.lecture.bibliography:
            return []
        units = [[Para(_reference_runs(reference), 1, BULLET, 0.5)]
                 for reference in self.lecture.bibliography]
        return self.text_slides("Sources", units, where=self.lecture.where)

    # ---------------------------------------------------------------- sections

    def section(self, section: Section, number: int, count: int) -> list[SlideSpec]:
        title = plain(section.title)
        _, _, title_box = section_slide_boxes(self.grid)
        size = fit.fit_title(title, self.heading_faces, title_box, self.deck.sizes.section,
                             min(28.0, self.deck.sizes.section), max_lines=3)
        if size is None:
            raise RenderError(f"{section.where}: title: too long for a section slide; shorten it")
        slides: list[SlideSpec] = [SectionSlide(title, join_notes(section.notes), size,
                                                section.where, key=section.key, number=number,
                                                count=count)]
        for block in section.blocks:
            if isinstance(block, SpeakerNotes):
                slides[-1] = _add_notes(slides[-1], block.notes)
                continue
            added = self.block(block, section)
            if added and isinstance(added[0], TextSlide) and added[0].mergeable:
                merged = self.merge(slides[-1], added[0])
                if merged is not None:
                    slides[-1] = merged
                    added = added[1:]
                else:
                    spilled = self.spill(slides[-1], block, section)
                    if spilled is not None:
                        slides[-1], added = spilled
            if added and isinstance(added[0], PromptSlide):
                joined = self.merge_prompts(slides[-1], added[0])
                if joined is not None:
                    slides[-1] = joined
                    added = added[1:]
            slides += added
        return slides

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
        size = fit.largest_fitting(paras, self.body_faces,
                                   fit.size_steps(largest, max(self.list_floor, self.min_size)),
                                   self.grid.body) if largest >= self.list_floor else None
        if size is None:
            return None
        return replace(previous, paras=paras, size=size,
                       notes=join_notes(previous.notes, slide.notes))

    def merge_prompts(self, previous: SlideSpec, slide: PromptSlide) -> PromptSlide | None:
        """Two prompts in a row of the same kind (two discussion questions) share one panel,
        each its own paragraph, when both fit at no less than the body size."""
        if not (isinstance(previous, PromptSlide) and (previous.title, previous.tone,
                                                       previous.heading)
                == (slide.title, slide.tone, slide.heading)):
            return None
        first, *rest = slide.paras
        paras = (*previous.paras, replace(first, gap=max(first.gap, 1.0)), *rest)
        _, _, box = prompt_boxes(self.grid)
        size = fit.largest_fitting(paras, self.body_faces,
                                   fit.size_steps(min(previous.size, slide.size),
                                                  max(self.body_size, self.min_size)), box)
        if size is None:
            return None
        return replace(previous, paras=paras, size=size,
                       notes=join_notes(previous.notes, slide.notes))

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
        everything fits, instead of each standing alone on an almost empty slide. A listing
        is one unit, so it moves whole and its heading is never stranded.
        """
        notes = block.notes or ""
        if isinstance(block, Paragraph):
            return [[Para(fit.runs(block.paragraph))]], None, notes
        if isinstance(block, Bullets):
            return self.bullet_units(block.bullets), self.list_floor, notes
        if isinstance(block, KeyTerms):
            heading = "Key terms"
            entries = [(*fit.runs(term.term, bold=True), Run(" — "), *fit.runs(term.definition))
                       for term in block.key_terms]
        elif isinstance(block, People):
            heading = "Key people"
            entries = [(Run(plain(person.name), bold=True),
                        Run(f" ({person.life}) — " if person.life else " — "),
                        *fit.runs(person.role)) for person in block.people]
        else:
            heading = "Timeline"
            entries = [(Run(event.date.display(), bold=True), Run(" — "), *fit.runs(event.label))
                       for event in block.timeline]
            notes = join_notes(notes, *(f"{event.date.display()}: {plain(event.label)} — "
                                        f"{event.detail}" for event in block.timeline
                                        if event.detail))
        label = Para(fit.plain_runs(heading, bold=True), gap=0.9, color="primary")
        # one unit: a listing moves whole (never its second half alone under no heading)
        return [[label, Para(entries[0], gap=0.25),
                 *(Para(entry, gap=0.5) for entry in entries[1:])]], None, notes

    def flow_slides(self, block, section: Section) -> list[SlideSpec]:
        units, smallest, notes = self.flow(block, section)
        return self.text_slides(plain(section.title), units, notes=notes, where=block.where,
                                section=section.key, mergeable=True, smallest=smallest)

    def spill(self, previous: SlideSpec, block, section: Section
              ) -> tuple[TextSlide, list[SlideSpec]] | None:
        """Move the leading whole items of a flow block onto the previous flow slide when the
        whole block does not fit there; the rest continues on its own slide(s).

        Without this a list after a short paragraph starts a fresh slide and leaves a stub
        behind it (a paragraph at a quarter of a slide, then a full list, then two lines).
        """
        units, smallest, notes = self.flow(block, section)
        if len(units) < 2 or not (isinstance(previous, TextSlide) and previous.mergeable):
            return None
        for count in range(len(units) - 1, 0, -1):
            head = TextSlide(previous.title, join_notes(notes), where=block.where,
                             paras=tuple(p for unit in units[:count] for p in unit),
                             size=self.body_size, section=section.key, mergeable=True)
            merged = self.merge(previous, head)
            if merged is not None:
                rest = self.text_slides(plain(section.title), units[count:], notes="",
                                        where=block.where, section=section.key,
                                        mergeable=True, smallest=smallest)
                return merged, rest
        return None

    @block.register
    def _(self, block: Discussion, section: Section) -> list[SlideSpec]:
        return self.prompt("Discussion", "Discuss", "discussion",
                           [Para(fit.runs(block.discussion))], block.notes, block.where)

    @block.register
    def _(self, block: Callout, section: Section) -> list[SlideSpec]:
        callout = block.callout
        heading = CALLOUT_HEADINGS[callout.kind]
        title = plain(callout.title) if callout.title else heading
        return self.prompt(title, heading, callout.kind, [Para(fit.runs(callout.text))],
                           block.notes, block.where)

    @block.register
    def _(self, block: Quote, section: Section) -> list[SlideSpec]:
        quote = block.quote
        text = [Para(_quoted(fit.runs(quote.text)), color="primary")]
        who = quote.speaker + (f", {quote.date.display()}" if quote.date else "")
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
        cards = [Card(statistic.value, "", fit.runs(statistic.label),
                      fit.runs(statistic.note) if statistic.note else ())
                 for statistic in block.statistics]
        return self.card_slides("By the numbers", "statistic", cards, STATISTIC_GRIDS,
                                block.notes, block.where)

    @block.register
    def _(self, block: People, section: Section) -> list[SlideSpec]:
        if len(block.people) <= FOLD_PEOPLE:
            return self.flow_slides(block, section)
        return self.people_slides("Key people", block.people, block.notes, block.where)

    @block.register
    def _(self, block: Timeline, section: Section) -> list[SlideSpec]:
        if len(block.timeline) <= FOLD_EVENTS:
            return self.flow_slides(block, section)
        return self.timeline_slides("Timeline", block.timeline, block.notes, block.where)

    @block.register
    def _(self, block: Table, section: Section) -> list[SlideSpec]:
        table = block.table
        title = plain(table.caption) if table.caption else plain(section.title)
        return self.table_slides(title, table.header, table.rows, block.notes, block.where)

    @block.register
    def _(self, block: FigureRef, section: Section) -> list[SlideSpec]:
        numbered = self.document.figure(block.figure)
        caption_size = self.deck.sizes.caption
        caption = fit.runs(numbered.caption)
        figure_width = self.tall_figure_width(numbered.figure)
        width = (side_caption_width(self.grid, figure_width) if figure_width
                 else self.grid.body.width)

        def measured(runs, size: float) -> float:
            lines = fit.para_lines(Para(runs), self.body_faces, size, width)
            return lines * fit.line_height(size) + 4.0

        caption_height = measured(caption, caption_size)
        credit_height = (measured(fit.plain_runs(numbered.credit), caption_size - 2)
                         if numbered.credit else 0.0)
        if figure_width and caption_height + credit_height > self.grid.body.height:
            figure_width = 0.0
            width = self.grid.body.width
            caption_height = measured(caption, caption_size)
            credit_height = (measured(fit.plain_runs(numbered.credit), caption_size - 2)
                             if numbered.credit else 0.0)
        figure_box, _, _ = figure_boxes(self.grid, caption_height, credit_height, figure_width)
        if figure_box.height < self.grid.body.height * 0.5:
            raise RenderError(f"{numbered.figure.where}: caption: too long to leave room for the "
                              "figure on its slide; shorten it")
        return [FigureSlide(plain(section.title),
                            join_notes(numbered.figure.notes, block.notes), where=block.where,
                            figure_id=numbered.figure.id, caption=caption,
                            credit=numbered.credit, caption_size=caption_size,
                            caption_height=caption_height, credit_height=credit_height,
                            figure_width=figure_width)]

    def tall_figure_width(self, figure) -> float:
        """The width a tall figure takes at the body's full height (a map's with room for
        its names beside it), when a caption column still fits beside it; 0 for wide
        figures (charts, timelines, tables), which keep the caption underneath."""
        if isinstance(figure, MapFigure):  # with room beside it for its names
            aspect = Projection.aspect(figure.projection, figure.bounds)
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

    @block.register
    def _(self, block: Questions, section: Section) -> list[SlideSpec]:
        return self.question_slides(block.questions, block.notes, block.where)

    # ---------------------------------------------------------------- shared builders

    def question_slides(self, questions: Sequence[Question], notes: str | None,
                        where: str) -> list[SlideSpec]:
        """Consecutive questions share a slide (up to ``MAX_QUESTIONS``) while all of them fit
        at the body size; one question alone keeps its larger single-question slide."""
        groups: list[list[Question]] = []
        for question in questions:
            if groups and len(groups[-1]) < MAX_QUESTIONS and fit.fits(
                    [p for unit in self.question_units([*groups[-1], question]) for p in unit],
                    self.body_faces, self.body_size, self.grid.body):
                groups[-1].append(question)
            else:
                groups.append([question])
        slides: list[SlideSpec] = []
        for index, group in enumerate(groups):
            group_notes = notes if index == 0 else None
            if len(group) == 1:
                slides += self.single_question_slides(group[0], group_notes, where)
            else:
                slides += self.question_group_slides(group, group_notes, where)
        return slides

    def question_units(self, questions: Sequence[Question]) -> list[list[Para]]:
        """Numbered questions (``3.``) with their lettered choices one level in."""
        units = []
        for index, question in enumerate(questions):
            number = self.document.question_number(question)
            unit = [Para(fit.runs(question.question), 1, f"{number}.", 0.9 if index else 0.0)]
            unit += [Para(fit.runs(choice), 2, f"{choice_letter(letter)}.", 0.2)
                     for letter, choice in enumerate(question.choices or ())]
            units.append(unit)
        return units

    def question_group_slides(self, questions: Sequence[Question], notes: str | None,
                              where: str) -> list[SlideSpec]:
        numbers = [self.document.question_number(question) for question in questions]
        span = f"{numbers[0]}–{numbers[-1]}"
        answers = [join_notes(f"Question {number}. Answer: {plain(question.answer_text)}",
                              question.explanation)
                   for number, question in zip(numbers, questions)]
        where = questions[0].where or where
        slides: list[SlideSpec] = self.text_slides(
            f"Questions {span}", self.question_units(questions),
            notes=join_notes(*answers, notes), where=where, max_bullets=len(questions))
        if self.document.edition.shows_answers:
            units = [[Para(_answer_runs(question), 1, f"{number}.", 0.9 if index else 0.0)]
                     for index, (number, question) in enumerate(zip(numbers, questions))]
            slides += self.text_slides(f"Answers to questions {span}", units, where=where,
                                       max_bullets=len(questions))
        return slides

    def single_question_slides(self, question: Question, notes: str | None,
                               where: str = "") -> list[SlideSpec]:
        number = self.document.question_number(question)
        where = question.where or where
        units = [[Para(fit.runs(question.question))]]
        for index, choice in enumerate(question.choices or ()):
            units.append([Para(fit.runs(choice), 1, f"{chr(ord('A') + index)}.", 0.5)])
        answer = f"Answer: {plain(question.answer_text)}"
        answer_notes = join_notes(answer, question.explanation)
        slides: list[SlideSpec] = self.text_slides(
            f"Question {number}", units, notes=join_notes(answer_notes, notes), where=where,
            max_bullets=len(units) + 1, largest=self.body_size + 4)
        if self.document.edition.shows_answers:
            paras = [Para(fit.runs(question.answer_text, bold=True))]
            if question.explanation:
                paras.append(Para(fit.runs(question.explanation), gap=0.6))
            slides += self.prompt(f"Answer to question {number}", "Answer", "answer", paras,
                                  None, where)
        return slides

    def people_slides(self, title: str, people: Sequence[Person], notes: str | None,
                      where: str) -> list[SlideSpec]:
        cards = [Card(plain(person.name), person.life, fit.runs(person.role)) for person in people]
        return self.card_slides(title, "person", cards, PERSON_GRIDS, notes, where)

    # ---------------------------------------------------------------- titles

    def finish_titles(self, slides: Sequence[SlideSpec]) -> list[SlideSpec]:
        """Mark repeated flow titles as continued, and size every content title to fit."""
        finished: list[SlideSpec] = []
        smallest = max(20.0, self.deck.sizes.title * 0.7)
        for slide in slides:
            if isinstance(slide, TextSlide) and finished and not slide.title.endswith(CONTINUED):
                previous = finished[-1].title.removesuffix(CONTINUED)
                if previous == slide.title and isinstance(finished[-1], TextSlide):
                    slide = replace(slide, title=slide.title + CONTINUED)
            if not isinstance(slide, (TitleSlide, SectionSlide)):
                size = fit.fit_title(slide.title, self.heading_faces, self.grid.title,
                                     self.deck.sizes.title, smallest)
                if size is None:
                    raise RenderError(f"{slide.where}: the slide title '{slide.title}' is too "
                                      "long for two lines; shorten it")
                slide = replace(slide, title_size=size)
            finished.append(slide)
        return finished


def _answer_runs(question: Question) -> tuple[Run, ...]:
    """The answer in bold, then its explanation after a full stop (``B. The Yalu. As …``)."""
    answer = fit.runs(question.answer_text, bold=True)
    if not question.explanation:
        return answer
    ends = plain(question.answer_text).rstrip()[-1:]
    return (*answer, Run(" " if ends in ".?!" else ". "), *fit.runs(question.explanation))


def _quoted(runs: Sequence[Run]) -> tuple[Run, ...]:
    """The quote inside “ ”, its own double quotation marks nested as ‘ ’.

    Typography nests quotes by alternating marks; adding “ ” around a text that ends with its
    own ” (a quoted phrase at its end) would print a doubled ””. A text already wholly in
    double quotes keeps its marks and gets no second pair.
    """
    text = "".join(run.text for run in runs)
    if (text.startswith(OPEN_QUOTE) and text.endswith(CLOSE_QUOTE)
            and text.count(OPEN_QUOTE) == 1 and text.count(CLOSE_QUOTE) == 1):
        return tuple(runs)
    nested = tuple(Run(run.text.replace(OPEN_QUOTE, "‘").replace(CLOSE_QUOTE, "’"), run.bold,
                       run.italic) for run in runs)
    return (Run(OPEN_QUOTE), *nested, Run(CLOSE_QUOTE))


def _reference_runs(reference: Reference) -> tuple[Run, ...]:
    """A bibliography entry: Author. *Title*. Publisher. URL (accessed date). Note."""
    parts: list[Run] = []
    if reference.author:
        parts.append(Run(f"{plain(reference.author)}. "))
    parts += fit.runs(reference.title, italic=True)
    tail = [text for text in (reference.publisher, reference.url) if text]
    if reference.accessed:
        tail.append(f"accessed {reference.accessed.display()}")
    for text in (", ".join(tail), reference.note or ""):
        if text:
            ends = parts[-1].text.rstrip()[-1:] if parts else ""
            parts.append(Run((" " if ends in ".?!" else ". ") + text))
    return tuple(parts)

