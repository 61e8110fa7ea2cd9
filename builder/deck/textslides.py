"""Text and question slides: measured, balanced across slides, continued when they overflow.

The pieces of the slide plan that set prose: a block's paragraphs, bullet lists, prompts
(discussion, callouts) and questions. Parts and sections (``builder.deck.parts``,
``builder.deck.plan``) are built from these.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Sequence

from builder.deck import fit
from builder.deck.arrange import BULLET, join_notes
from builder.deck.tableslides import TableSlides
from builder.deck.balance import lone_runs, partition
from builder.deck.grid import prompt_boxes
from builder.deck.paginate import paginate
from builder.deck.specs import Card, Para, PromptSlide, SlideSpec, TextSlide
from builder.errors import RenderError
from builder.model import Person, Question, Reference, SubBullets, choice_letter
from builder.resolve.references import cite
from builder.text.addresses import glued
from builder.text.words import Words
from builder.text.inline import Run, plain

SUB_BULLET = "–"
# stacks last (see plan); a row of four or three narrow, full-height cards before two
PERSON_GRIDS = ((3, 2), (2, 2), (4, 1), (3, 1), (2, 1), (1, 3), (1, 2), (1, 1))
SPLIT_SPARSE = 0.6  # a split whose slides are on average this empty may shrink to need fewer
MAX_QUESTIONS = 4  # questions sharing one slide, so each still reads as its own prompt


def add_notes(slide: SlideSpec, notes: str | None) -> SlideSpec:
    return replace(slide, notes=join_notes(slide.notes, notes)) if notes else slide


def answer_runs(question: Question) -> tuple[Run, ...]:
    """The answer in bold, then its explanation after a full stop (``B. The Yalu. As …``)."""
    answer = fit.runs(question.answer_text, bold=True)
    if not question.explanation:
        return answer
    ends = plain(question.answer_text).rstrip()[-1:]
    return (*answer, Run(" " if ends in ".?!" else ". "), *fit.runs(question.explanation))


def reference_runs(reference: Reference, words: Words = Words(), han: str | None = None
                   ) -> tuple[Run, ...]:
    """A bibliography entry, cited as ``builder.resolve.references`` orders it (URLs plain:
    a slide is not clicked)."""
    parts: list[Run] = []
    for piece in cite(reference, words, han):
        if parts and not piece.attached:
            parts.append(Run(" "))
        if piece.style == "link":  # literal, no typography; one word unless wider than a
            parts.append(Run(glued(piece.text)))  # line (``fit`` then marks its breaks)
        else:
            parts += fit.runs(piece.text, italic=piece.style == "italic")
    return tuple(parts)


class TextSlides(TableSlides):
    """Prose on slides: paragraphs, bullets, prompts and questions, measured and continued."""

    def text_slides(self, title: str, units: Sequence[Sequence[Para]], *, notes: str | None = "",
                    where: str = "", section: str = "", mergeable: bool = False,
                    max_bullets: int | None = None, largest: float | None = None,
                    smallest: float | None = None, fewest: bool = False) -> list[TextSlide]:
        """One slide at the largest size that fits, else continuation slides at body size.

        ``largest`` lets short, single-focus slides (a question) start above the body size.
        ``smallest`` stops shrinking early: a list splits between its items onto a
        continuation slide rather than dropping to the minimum size, as a teacher would.
        ``fewest``: a listing that replaces an arrangement (people, rows) comes down to the
        minimum size when that needs fewer slides (``whole_units``).
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
        carried, repeats = self.carried_units(units, box)
        whole = self.whole_units(carried, max_bullets, fewest)
        if whole is not None:
            size, pages = whole
            # an item's pieces that met again on one slide (set smaller) are one item there
            pages = [[para for index, para in enumerate(page)
                      if not (id(para) in repeats and repeats[id(para)] in page[:index])]
                     for page in pages]
        else:  # an item taller than a slide: it is cut between words where it must
            size = self.body_size
            pages_needed = max(1, math.ceil(bullets / max_bullets))
            balanced = math.ceil(bullets / pages_needed) if bullets else None
            try:
                pages = paginate(units, self.body_faces, size, box, balanced)
            except ValueError as error:
                raise RenderError(f"{where}: {error}") from None
            pages = self.balance(units, pages, balanced)
        slides = []
        for index, page in enumerate(pages):
            slides.append(TextSlide(title,
                                    join_notes(notes) if index == 0 else "", where=where,
                                    paras=tuple(page), size=size, section=section,
                                    mergeable=mergeable and index == len(pages) - 1))
        return slides

    def whole_units(self, units: Sequence[Sequence[Para]], max_bullets: int,
                    fewest: bool = False) -> tuple[float, list[list[Para]]] | None:
        """Whole items over slides by the deck's one split rule (``builder.deck.balance``):
        fewest slides, evenly, one item alone only when nothing else fits; at the body size.

        Two exceptions bring the size down (to the layout's minimum at most), all slides
        alike: a split that would leave an item alone on a slide, when a smaller size avoids
        it; and a split whose slides are mostly empty (under ``SPLIT_SPARSE`` on average,
        "Learning objectives" as 3 + 3 half-empty slides), when a smaller size needs fewer
        slides — and one slide may then hold a third more than ``max_bullets``, as the list
        fits anyway (six objectives on one slide, not three and three). With ``fewest`` any
        split does: people listed instead of cards at 2 a slide take 4 + 3 + 3 at the floor,
        not 2 + 2 + 2 + 2 + 2 at the body size.
        None when an item is taller than a slide (it must be cut).
        """
        box = self.grid.body
        counts = [sum(1 for p in unit if p.level == 1 and p.marker) for unit in units]

        def runs_at(size: float, cap: int) -> list[tuple[int, int]] | None:
            def height(start: int, end: int) -> float:
                return fit.height([p for unit in units[start:end] for p in unit],
                                  self.body_faces, size, box.inner_width)
            return partition(
                len(units),
                lambda start, end: (sum(counts[start:end]) <= cap
                                    and height(start, end) <= box.inner_height + 1e-6),
                lambda start, end: height(start, end) / box.inner_height)

        runs = runs_at(self.body_size, max_bullets)
        if runs is None:
            return None
        size = self.body_size
        fills = [fit.height([p for unit in units[a:b] for p in unit], self.body_faces, size,
                            box.inner_width) / box.inner_height for a, b in runs]
        sparse = len(runs) > 1 and sum(fills) / len(fills) < SPLIT_SPARSE
        if lone_runs(runs) or sparse or (fewest and len(runs) > 1):
            # every size down to the floor is weighed, not the first that helps: five rows
            # go 2 + 2 + 1 one step down but 3 + 2 at the floor, and the floor wins
            best = (lone_runs(runs), len(runs))
            for smaller in fit.size_steps(self.body_size, self.min_size):
                trial = runs_at(smaller, max_bullets)
                if sparse and (trial is None or len(trial) > 1):
                    whole = runs_at(smaller, max_bullets + math.ceil(max_bullets / 3))
                    trial = whole if whole is not None and len(whole) == 1 else trial
                if trial is not None and (lone_runs(trial), len(trial)) < best:
                    runs, size, best = trial, smaller, (lone_runs(trial), len(trial))
        return size, [[p for unit in units[a:b] for p in unit] for a, b in runs]

    def carried_units(self, units: Sequence[Sequence[Para]], box
                      ) -> tuple[list[Sequence[Para]], dict[int, Para]]:
        """Each item taller than a slide (a bullet with many sub-items) cut between its
        sub-items into pieces that each fit one, every piece after the first led by the
        bullet again, marked "(continued)": a continuation slide never opens with a dash
        whose parent is on the slide before (the meiji large-print "– The chief minister
        Ii Naosuke…" alone under "(4 of 6)"). An item whose first sub-item does not fit
        with it stays whole (``paginate`` cuts it between words). Returns the units and,
        by ``id``, each repeated bullet's original."""
        carried: list[Sequence[Para]] = []
        repeats: dict[int, Para] = {}
        for unit in units:
            head, subs = unit[0], list(unit[1:])
            if (not subs or any(para.level <= head.level for para in subs)
                    or fit.fits(list(unit), self.body_faces, self.body_size, box)):
                carried.append(unit)
                continue
            pieces: list[list[Para]] = [[head]]
            for sub in subs:
                if fit.fits([*pieces[-1], sub], self.body_faces, self.body_size, box):
                    pieces[-1].append(sub)
                elif len(pieces[-1]) > 1:
                    again = self.continued_head(head)
                    repeats[id(again)] = head
                    pieces.append([again, sub])
                else:
                    pieces = []
                    break
            if pieces and all(fit.fits(piece, self.body_faces, self.body_size, box)
                              for piece in pieces):
                carried += pieces
            else:
                carried.append(unit)
        return carried, repeats

    def continued_head(self, head: Para) -> Para:
        """A list item repeated above its sub-items continued on the next slide."""
        before, _, after = self.document.words("continued_item", text="\0").partition("\0")
        return replace(head, runs=(*((Run(before),) if before else ()), *head.runs,
                                   *((Run(after),) if after else ())))

    def as_text(self, title: str, units: Sequence[Sequence[Para]], notes: str | None,
                where: str, fewest: bool = False) -> list[SlideSpec]:
        return list(self.text_slides(title, units, notes=notes, where=where, fewest=fewest))

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
                trial = paginate(units, self.body_faces, self.body_size,
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

    @property
    def list_floor(self) -> float:
        """How far a bullet list shrinks before it splits: one step under the body size."""
        return self.body_size - fit.SIZE_STEP

    def question_slides(self, questions: Sequence[Question], notes: str | None,
                        where: str) -> list[SlideSpec]:
        """Consecutive questions share a slide (up to ``MAX_QUESTIONS``) while all of them fit
        at the body size; one question alone keeps its larger single-question slide."""
        box = self.grid.body

        def runs_at(size: float) -> list[tuple[int, int]]:
            def height(start: int, end: int) -> float:
                return fit.height([p for unit in self.question_units(questions[start:end])
                                   for p in unit], self.body_faces, size, box.inner_width)

            # the deck's one split rule: fewest slides, evenly ("Questions 5–7", "8–9", not
            # "5–8" and "9" alone); a question alone is always possible (its own slide)
            return partition(len(questions),
                             lambda start, end: end - start == 1 or (
                                 end - start <= MAX_QUESTIONS
                                 and height(start, end) <= box.inner_height + 1e-6),
                             lambda start, end: height(start, end) / box.inner_height) or []

        runs = runs_at(self.body_size)
        if lone_runs(runs):
            # a one-line question alone on a slide (a large-print "Question 3" a sixth full)
            # is an empty slide: its group may come down to the minimum size to share one
            for smaller in fit.size_steps(self.body_size, self.min_size)[1:]:
                trial = runs_at(smaller)
                if (lone_runs(trial), len(trial)) < (lone_runs(runs), len(runs)):
                    runs = trial
        groups = [list(questions[start:end]) for start, end in runs]
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
        words = self.document.words
        numbers = [self.document.question_number(question) for question in questions]
        span = f"{numbers[0]}–{numbers[-1]}"
        answers = [join_notes(f"{words('question', number=number)}. {words('answer')}: "
                              f"{plain(question.answer_text)}",
                              question.explanation)
                   for number, question in zip(numbers, questions)
                   if self.document.edition.answers_in_notes]
        where = questions[0].where or where
        slides: list[SlideSpec] = self.text_slides(
            words("questions", span=span), self.question_units(questions),
            notes=join_notes(*answers, notes), where=where, max_bullets=len(questions))
        if self.document.edition.shows_answer_slides:
            units = [[Para(answer_runs(question), 1, f"{number}.", 0.9 if index else 0.0)]
                     for index, (number, question) in enumerate(zip(numbers, questions))]
            slides += self.text_slides(words("answers_to", span=span), units, where=where,
                                       max_bullets=len(questions))
        return slides

    def single_question_slides(self, question: Question, notes: str | None,
                               where: str = "") -> list[SlideSpec]:
        words = self.document.words
        number = self.document.question_number(question)
        where = question.where or where
        units = [[Para(fit.runs(question.question))]]
        for index, choice in enumerate(question.choices or ()):
            units.append([Para(fit.runs(choice), 1, f"{chr(ord('A') + index)}.", 0.5)])
        answer_notes = (join_notes(f"{words('answer')}: {plain(question.answer_text)}",
                                   question.explanation)
                        if self.document.edition.answers_in_notes else "")
        slides: list[SlideSpec] = self.text_slides(
            words("question", number=number), units, notes=join_notes(answer_notes, notes), where=where,
            max_bullets=len(units) + 1, largest=self.body_size + 4)
        if self.document.edition.shows_answer_slides:
            paras = [Para(fit.runs(question.answer_text, bold=True))]
            if question.explanation:
                paras.append(Para(fit.runs(question.explanation), gap=0.6))
            slides += self.prompt(words("answer_to", number=number), words("answer"), "answer", paras,
                                  None, where)
        return slides

    def people_slides(self, title: str, people: Sequence[Person], notes: str | None,
                      where: str) -> list[SlideSpec]:
        cards = [Card(plain(person.name), self.document.life(person), fit.runs(person.role))
                 for person in people]
        return self.card_slides(title, "person", cards, PERSON_GRIDS, notes, where)
