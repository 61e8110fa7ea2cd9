"""Arranged slides: cards in a grid, events on an axis — measured to fit (rows in a table:
``builder.deck.tableslides``).

The planner hands these a title and items; each picks the layout (cards per slide, events
per slide, column widths, rows per slide) that keeps every text at or above the minimum
size, and continues on further slides when one slide is not enough (``titles`` numbers them).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Sequence

from builder.deck import fit
from builder.deck.grid import Box, Grid, card_boxes, timeline_boxes
from builder.deck.specs import Card, CardsSlide, Event, Para, SlideSpec, TimelineSlide
from builder.deck.balance import partition
from builder.deck.events import event_paras, events_whole
from builder.text import adapt
from builder.text.inline import Run, plain
from builder.model import TimelineEvent
from builder.resolve.document import Document

TIMELINE_COUNTS = (6, 5, 4, 3, 2, 1)
HOLE_SHRINK = 4.0  # points a card grid's text may come down to leave no cell empty


def _even(items: Sequence, slides: int) -> list:
    """``items`` in ``slides`` consecutive runs whose lengths differ by at most one, the
    longer runs first."""
    size, extra = divmod(len(items), slides)
    runs, start = [], 0
    for index in range(slides):
        end = start + size + (1 if index < extra else 0)
        runs.append(items[start:end])
        start = end
    return runs


def join_notes(*notes: str | None) -> str:
    return "\n\n".join(note.strip() for note in notes if note and note.strip())


def card_paras(card: Card, style: str) -> list[Para]:
    """A card's paragraphs: heading (drawn in the heading size), small line, text."""
    heading_color = "accent" if style == "statistic" else "primary"
    paras = [Para(fit.plain_runs(card.heading, bold=True), color=heading_color)]
    if card.line:
        paras.append(Para(fit.plain_runs(card.line), gap=0.1, color="muted"))
    if card.text:
        paras.append(Para(card.text, gap=0.3))
    if card.note:
        paras.append(Para(card.note, gap=0.3, color="muted"))
    return paras


BULLET = "•"


class Arranger:
    """The measuring context (grid, faces, sizes) and the arranged slide kinds."""

    def __init__(self, document: Document, grid: Grid):
        self.document = document
        self.lecture = document.lecture
        self.grid = grid
        self.deck = document.layout.deck
        self.body_faces = document.fonts["body"]
        self.heading_faces = document.fonts["heading"]
        self.body_size = self.deck.sizes.body
        self.min_size = min(self.deck.sizes.min_body, self.body_size)
        self.sizes = fit.size_steps(self.body_size, self.min_size)

    def card_size(self, card: Card, style: str, box: Box,
                  flexible: bool = False) -> tuple[float, float] | None:
        """(heading size, text size) for one card in ``box``, largest text first.

        ``flexible`` lets a statistic's big number come down towards the text size before
        the text shrinks, so cards can share a slide in a narrow (4:3, large-print) deck; a
        heading no line may break comes down before it is broken at its no-break spaces.
        """
        heading_largest = self.body_size * (1.8 if style == "statistic" else 1.0)
        head, width = card_paras(card, style)[:1], box.inner_width  # head set whole if it can
        for whole in (True, False):
            for size in self.sizes:
                heading = max(round(heading_largest * size / self.body_size * 2) / 2, size)
                headings = fit.size_steps(heading, size) if flexible else [heading]
                if whole and not flexible and not fit.whole_words(
                        head, self.heading_faces, heading, width):
                    headings = fit.size_steps(heading, size)  # the heading alone comes down
                for one in headings:
                    if whole and not fit.whole_words(head, self.heading_faces, one, width):
                        continue
                    if self.card_height(card, style, one, size, width) <= box.inner_height:
                        return one, size
        return None

    def card_height(self, card: Card, style: str, heading_size: float, size: float,
                    width: float) -> float:
        head, *rest = card_paras(card, style)
        total = fit.height([head], self.heading_faces, heading_size, width)
        for para in rest:
            total += fit.height([para], self.body_faces, size, width) + para.gap * size
        return total

    def card_slides(self, title: str, style: str, cards: Sequence[Card],
                    grids: Sequence[tuple[int, int]], notes: str | None,
                    where: str) -> list[SlideSpec]:
        """Cards in the grid needing fewest slides, then giving the largest text (≥ minimum).

        A slide holding a single card of several is almost empty; when that happens the
        headings may come down (never the text below the minimum) if it saves slides.
        """
        slides = self.card_layout(title, style, cards, grids, notes, where, False)
        if len(slides) > 1 and _lone_card(slides):
            flexible = self.card_layout(title, style, cards, grids, notes, where, True)
            if len(flexible) < len(slides):
                slides = flexible
        if (len(slides) > 1 and all(isinstance(slide, CardsSlide) for slide in slides)
                and max(len(slide.cards) for slide in slides) <= 2):
            # cards too full for more than two to share a slide (a large-print deck, long
            # roles: "People to know" 2 + 2 + 2 + 2 + 1 over five slides): the same entries
            # listed as text, down to the minimum size, need fewer slides (or as many,
            # when the cards leave one alone on a slide)
            listed = self.as_text(title, self.card_units(cards, style), notes, where,
                                  fewest=True)
            if len(listed) < len(slides) or (len(listed) == len(slides) and _lone_card(slides)):
                return listed
        return slides

    @staticmethod
    def card_units(cards: Sequence[Card], style: str) -> list[list[Para]]:
        """Cards as text. A person is one bullet, "**Name** (1841–1909) — role", as the
        deck lists a few people in a section; a statistic a bullet led by its value, its
        lines under it."""
        if style == "person":
            return [[Para((fit.set_run(card.heading, bold=True),
                           fit.set_run(f" ({card.line}) — " if card.line else " — "), *card.text),
                          1, BULLET, 0.5)] for card in cards]
        return [[replace(para, level=1, marker=BULLET if index == 0 else "",
                         gap=0.5 if index == 0 else para.gap)  # lines under its text
                 for index, para in enumerate(card_paras(card, style))] for card in cards]

    def card_layout(self, title: str, style: str, cards: Sequence[Card],
                    grids: Sequence[tuple[int, int]], notes: str | None, where: str,
                    flexible: bool) -> list[SlideSpec]:
        candidates: list[tuple[int, float, int, list[SlideSpec]]] = []
        for order, (columns, rows) in enumerate(grids):
            per_slide = columns * rows
            # the deck's one split rule: as many slides as the grid needs, the cards spread
            # evenly over them (7 people three to a slide are 3 + 2 + 2, not 3 + 3 + 1)
            runs = partition(len(cards), lambda start, end: end - start <= per_slide,
                             lambda start, end: (end - start) / per_slide) or []
            chunks = [cards[start:end] for start, end in runs]
            slides: list[SlideSpec] = []
            for index, chunk in enumerate(chunks):
                # a part-filled grid keeps its cards square-ish: four of a 3 × 2 grid are 2 × 2
                used_rows = min(rows, math.ceil(len(chunk) / columns))
                used_columns = max(math.ceil(len(chunk) / used_rows), min(columns, 2))
                box = card_boxes(self.grid, used_columns, used_rows, 1)[0]
                fitted = [self.card_size(card, style, box, flexible) for card in chunk]
                tall = False
                if any(one is None for one in fitted) and used_rows == 1 and style == "person":
                    # a row of people with long roles: the cards may run the body's height
                    box = card_boxes(self.grid, used_columns, used_rows, 1, tall=True)[0]
                    fitted = [self.card_size(card, style, box, flexible) for card in chunk]
                    tall = True
                if any(one is None for one in fitted):
                    break
                heading = min(one[0] for one in fitted)
                size = min(one[1] for one in fitted)
                slides.append(CardsSlide(title,
                                         join_notes(notes) if index == 0 else "", where=where,
                                         style=style, cards=tuple(chunk), columns=used_columns,
                                         rows=used_rows, heading_size=heading, size=size,
                                         tall=tall))
            else:
                # one look across a block's slides: every slide at the smallest sizes chosen
                smallest = min(slide.size for slide in slides)
                heading = min(slide.heading_size for slide in slides)
                slides = [replace(slide, size=smallest, heading_size=heading)
                          for slide in slides]
                candidates.append((len(slides), -smallest, order, slides))
        if not candidates:  # a card longer than any grid cell holds: list them as text
            adapt.note(where, f"a {style} card is too long for a card on a slide even at "
                              f"{self.min_size:g} pt: its cards are listed as text instead")
            return self.as_text(title, self.card_units(cards, style), notes, where)
        count, size, _, chosen = min(candidates, key=lambda candidate: candidate[:3])
        # a grid with an empty cell on every slide (nine people as 3 + 3 + 3 in 2 × 2) reads
        # as something missing: the same slides with every cell used (three in a row) win
        # when their text is at most two steps smaller
        whole = [candidate for candidate in candidates
                 if candidate[0] == count and -candidate[1] >= -size - HOLE_SHRINK - 1e-6
                 and not _holes(candidate[3])]
        if _holes(chosen) and whole:
            chosen = min(whole, key=lambda candidate: candidate[:3])[3]
        return chosen

    def timeline_slides(self, title: str, events: Sequence[TimelineEvent], notes: str | None,
                        where: str) -> list[SlideSpec]:
        """Events along an axis, as many per slide as fit at ≥ the minimum size."""
        marks = [Event(self.document.date(event.date), fit.runs(event.label)) for event in events]
        details = [f"{self.document.date(event.date)}: {plain(event.label)} — {event.detail}"
                   for event in events if event.detail]
        for count in TIMELINE_COUNTS:
            if count > len(marks) and count != min(len(marks), TIMELINE_COUNTS[0]):
                continue
            # as many slides as ``count`` per slide needs, the events spread evenly over them
            # (6, 6, 3 leaves a thin last slide, 5, 5, 5 does not; 7 by threes is 3, 2, 2,
            # never 3, 3, 1)
            chunks = _even(marks, math.ceil(len(marks) / count))
            settings = [self._timeline_setting(chunk, self.sizes) for chunk in chunks]
            if any(size is None for size, _, _ in settings):
                continue
            # a timeline continued over slides keeps one size (a part of two events set at
            # 28 pt beside its first part's 24 pt read as two figures): each part at the
            # smallest size any part needs
            common = min(size for size, _, _ in settings)
            slides: list[SlideSpec] = []
            for index, (chunk, own) in enumerate(zip(chunks, settings)):
                size, setting, box = self._timeline_setting(
                    chunk, [s for s in self.sizes if s <= common]) if own[0] > common else own
                if size is None:  # (fit is not always monotonic in the size)
                    size, setting, box = own
                slide_notes = join_notes(notes, *details) if index == 0 else ""
                slides.append(TimelineSlide(title, slide_notes,
                                            where=where, events=tuple(setting), size=size,
                                            box_height=box.height))
            return slides
        adapt.note(where, "a timeline label is too long for the axis on a slide even at "
                          f"{self.min_size:g} pt: the events are listed as text instead")
        units = [[Para((fit.set_run(f"{mark.date} — ", bold=True), *mark.label), 1, BULLET, 0.5)]
                 for mark in marks]
        return self.as_text(title, units, join_notes(notes, *details), where, fewest=True)

    def _timeline_setting(self, chunk: Sequence[Event], sizes: Sequence[float]):
        """(size, events as set, label box) of one timeline slide's events at the first of
        ``sizes`` where every label fits its box; (None, chunk, box) when none does."""
        _, _, boxes = timeline_boxes(self.grid, len(chunk))
        box = boxes[0]
        for size in sizes:
            setting = events_whole(chunk, self.body_faces, size, box)
            if setting and all(fit.fits(event_paras(mark), self.body_faces, size, box)
                               for mark in setting):
                return size, setting, box
        return None, chunk, box

    def as_text(self, title: str, units: Sequence[Sequence[Para]], notes: str | None,
                where: str, fewest: bool = False) -> list[SlideSpec]:
        """Items no arrangement holds, as text slides that continue as needed (the planner's
        text slides; an Arranger alone cannot paginate)."""
        raise NotImplementedError

def _holes(slides: Sequence[SlideSpec]) -> int:
    """Empty cells of the card grids on ``slides``."""
    return sum(slide.columns * slide.rows - len(slide.cards) for slide in slides
               if isinstance(slide, CardsSlide))


def _lone_card(slides: Sequence[SlideSpec]) -> bool:
    """Whether a slide of these shows a single card of several (an almost empty slide)."""
    return any(isinstance(slide, CardsSlide) and len(slide.cards) == 1 for slide in slides)
