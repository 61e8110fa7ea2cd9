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

from builder.deck import fit
from builder.deck.arrange import CONTINUED, Arranger, join_notes
from builder.deck.grid import (Grid, figure_boxes, prompt_boxes, quote_boxes,
                               section_slide_boxes, title_slide_boxes)
from builder.deck.specs import (Card, FigureSlide, Para, Plan, PromptSlide, QuoteSlide,
                                SectionSlide, SlideSpec, TextSlide, TitleSlide)
from builder.errors import RenderError
from builder.inline import Run, plain
from builder.model import (Bullets, Callout, Discussion, FigureRef, KeyTerms, Paragraph, People,
                           Person, Question, Questions, Quote, Reference, Section, SpeakerNotes,
                           Statistics, SubBullets, Table, Timeline)
from builder.resolve import Document

__all__ = ["plan_deck"]

BULLET = "•"
SUB_BULLET = "–"
CALLOUT_HEADINGS = {"note": "Note", "tip": "Tip", "warning": "Warning"}
PERSON_GRIDS = ((3, 2), (2, 2), (2, 1), (1, 1))
STATISTIC_GRIDS = ((4, 1), (3, 1), (2, 2), (2, 1), (1, 1))


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
                    max_bullets: int | None = None,
                    largest: float | None = None) -> list[TextSlide]:
        """One slide at the largest size that fits, else continuation slides at body size.

        ``largest`` lets short, single-focus slides (a question) start above the body size.
        """
        max_bullets = max_bullets or self.deck.max_bullets
        sizes = fit.size_steps(largest, self.min_size) if largest else self.sizes
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
                                       where=self.lecture.where)
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
        slides: list[SlideSpec] = []
        for question in self.lecture.review_questions:
            slides += self.question_slides(question, None)
        return slides

    def part_takeaways(self) -> list[SlideSpec]:
        if not self.lecture.takeaways:
            return []
        return self.text_slides("Key takeaways", self.bullet_units(self.lecture.takeaways),
                                where=self.lecture.where)

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
            slides += added
        return slides

    def merge(self, previous: SlideSpec, slide: TextSlide) -> TextSlide | None:
        """Join a flow block onto the previous flow slide when both fit at the same size."""
        if not (isinstance(previous, TextSlide) and previous.mergeable
                and previous.section == slide.section):
            return None
        size = min(previous.size, slide.size)
        if size < self.body_size:
            return None
        first, *rest = slide.paras
        paras = (*previous.paras, replace(first, gap=max(first.gap, 0.8)), *rest)
        bullets = sum(1 for p in paras if p.level == 1 and p.marker)
        if bullets > self.deck.max_bullets or not fit.fits(paras, self.body_faces, size,
                                                           self.grid.body):
            return None
        return replace(previous, paras=paras, size=size,
                       notes=join_notes(previous.notes, slide.notes))

    @singledispatchmethod
    def block(self, block, section: Section) -> list[SlideSpec]:
        raise RenderError(f"{block.where}: the deck cannot show a {type(block).__name__} block")

    @block.register
    def _(self, block: Paragraph, section: Section) -> list[SlideSpec]:
        return self.text_slides(plain(section.title), [[Para(fit.runs(block.paragraph))]],
                                notes=block.notes, where=block.where, section=section.key,
                                mergeable=True)

    @block.register
    def _(self, block: Bullets, section: Section) -> list[SlideSpec]:
        return self.text_slides(plain(section.title), self.bullet_units(block.bullets),
                                notes=block.notes, where=block.where, section=section.key,
                                mergeable=True)

    @block.register
    def _(self, block: KeyTerms, section: Section) -> list[SlideSpec]:
        units = [[Para((*fit.runs(term.term, bold=True), Run(" — "), *fit.runs(term.definition)),
                       0, "", 0.6)] for term in block.key_terms]
        return self.text_slides("Key terms", units, notes=block.notes, where=block.where)

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
        text = [Para((Run("“"), *fit.runs(quote.text), Run("”")), color="primary")]
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
        return self.people_slides("Key people", block.people, block.notes, block.where)

    @block.register
    def _(self, block: Timeline, section: Section) -> list[SlideSpec]:
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
        width = self.grid.body.width
        caption = fit.runs(numbered.caption)
        caption_lines = fit.para_lines(Para(caption), self.body_faces, caption_size, width)
        caption_height = caption_lines * fit.line_height(caption_size) + 4.0
        credit_height = 0.0
        if numbered.credit:
            credit_lines = fit.para_lines(Para(fit.plain_runs(numbered.credit)), self.body_faces,
                                          caption_size - 2, width)
            credit_height = credit_lines * fit.line_height(caption_size - 2) + 4.0
        figure_box, _, _ = figure_boxes(self.grid, caption_height, credit_height)
        if figure_box.height < self.grid.body.height * 0.5:
            raise RenderError(f"{numbered.figure.where}: caption: too long to leave room for the "
                              "figure on its slide; shorten it")
        return [FigureSlide(plain(section.title),
                            join_notes(numbered.figure.notes, block.notes), where=block.where,
                            figure_id=numbered.figure.id, caption=caption,
                            credit=numbered.credit, caption_size=caption_size,
                            caption_height=caption_height, credit_height=credit_height)]

    @block.register
    def _(self, block: Questions, section: Section) -> list[SlideSpec]:
        slides: list[SlideSpec] = []
        for index, question in enumerate(block.questions):
            slides += self.question_slides(question, block.notes if index == 0 else None,
                                           block.where)
        return slides

    # ---------------------------------------------------------------- shared builders

    def question_slides(self, question: Question, notes: str | None,
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
            max_bullets=len(units) + 1, largest=self.body_size + 8)
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

