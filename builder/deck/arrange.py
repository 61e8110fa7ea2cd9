"""Arranged slides: cards in a grid, events on an axis, rows in a table — measured to fit.

The planner hands these a title and items; each picks the layout (cards per slide, events
per slide, column widths, rows per slide) that keeps every text at or above the minimum
size, and continues on further slides when one slide is not enough (``titles`` numbers them).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Sequence

from builder.deck import fit
from builder.deck.grid import CELL_PAD_X, CELL_PAD_Y, Box, Grid, card_boxes, timeline_boxes
from builder.deck.specs import (Card, CardsSlide, Event, Para, SlideSpec, TableSlide,
                                TimelineSlide)
from builder.deck.balance import balanced_pages, no_lone_last_row, partition
from builder.deck.events import event_paras, events_whole
from builder.charts.transpose import may_transpose, prefer_transposed, transposed
from builder.text import adapt
from builder.text.inline import Run, plain
from builder.text.measure import runs_width
from builder.text.typography import breakable_words
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
        if len(slides) > 1 and any(len(slide.cards) == 1 for slide in slides):
            flexible = self.card_layout(title, style, cards, grids, notes, where, True)
            if len(flexible) < len(slides):
                slides = flexible
        if (len(slides) > 1 and all(isinstance(slide, CardsSlide) for slide in slides)
                and max(len(slide.cards) for slide in slides) <= 2):
            # cards too full for more than two to share a slide (a large-print deck, long
            # roles: "People to know" 2 + 2 + 2 + 2 + 1 over five slides): the same entries
            # listed as text, down to the minimum size, need fewer slides
            listed = self.as_text(title, self.card_units(cards, style), notes, where,
                                  fewest=True)
            if len(listed) < len(slides):
                return listed
        return slides

    @staticmethod
    def card_units(cards: Sequence[Card], style: str) -> list[list[Para]]:
        """Cards as text. A person is one bullet, "**Name** (1841–1909) — role", as the
        deck lists a few people in a section; a statistic a bullet led by its value, its
        lines under it."""
        if style == "person":
            return [[Para((Run(card.heading, bold=True),
                           Run(f" ({card.line}) — " if card.line else " — "), *card.text),
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
            slides: list[SlideSpec] = []
            for index, chunk in enumerate(chunks):
                _, _, boxes = timeline_boxes(self.grid, len(chunk))
                box = boxes[0]
                size, chunk = next(((size, setting) for size in self.sizes
                                    for setting in [events_whole(chunk, self.body_faces, size, box)]
                                    if setting and all(
                                        fit.fits(event_paras(mark), self.body_faces, size, box)
                                           for mark in setting)), (None, chunk))
                if size is None:
                    break
                slide_notes = join_notes(notes, *details) if index == 0 else ""
                slides.append(TimelineSlide(title, slide_notes,
                                            where=where, events=tuple(chunk), size=size,
                                            box_height=box.height))
            else:
                return slides
        adapt.note(where, "a timeline label is too long for the axis on a slide even at "
                          f"{self.min_size:g} pt: the events are listed as text instead")
        units = [[Para((Run(f"{mark.date} — ", bold=True), *mark.label), 1, BULLET, 0.5)]
                 for mark in marks]
        return self.as_text(title, units, join_notes(notes, *details), where)

    def as_text(self, title: str, units: Sequence[Sequence[Para]], notes: str | None,
                where: str, fewest: bool = False) -> list[SlideSpec]:
        """Items no arrangement holds, as text slides that continue as needed (the planner's
        text slides; an Arranger alone cannot paginate)."""
        raise NotImplementedError

    def table_slides(self, title: str, header: Sequence[str], rows: Sequence[Sequence[str]],
                     notes: str | None, where: str) -> list[SlideSpec]:
        """A native table at the largest size that fits; rows continue on further slides.

        A wide, short table that this would list as text (or continue) is tried turned, its
        columns as rows (``builder.charts.transpose``, the rule figure tables share); the
        turned one is set when it keeps a table or needs fewer slides. Only the chosen
        setting's adaptations are reported.
        """
        with adapt.collecting() as said:
            slides = self.set_table(title, header, rows, notes, where)
        if may_transpose(header, rows) and (len(slides) > 1 or not _tables(slides)):
            turned_header, turned_rows = transposed(header, rows)
            with adapt.collecting() as said_turned:
                turned = self.set_table(title, turned_header, turned_rows, notes, where)
            if prefer_transposed(slides, turned, lambda slide: isinstance(slide, TableSlide)):
                slides, said = turned, said_turned
        for adaptation in said:
            adapt.note(adaptation.where, adaptation.message)
        return slides

    def set_table(self, title: str, header: Sequence[str], rows: Sequence[Sequence[str]],
                  notes: str | None, where: str) -> list[SlideSpec]:
        """The table as given (``table_slides`` may turn it first)."""
        header_runs = tuple(fit.runs(cell, bold=True) for cell in header)
        body_runs = [tuple(fit.runs(cell) for cell in row) for row in rows]
        box = self.grid.body
        every = [header_runs, *body_runs]
        for size in self.sizes:
            if sum(self.word_floors(every, size)) > box.width:
                continue  # its words would break at this size: try a smaller one
            widths = self.column_widths([header_runs, *body_runs], size, box.width)
            heights = [self.row_height(row, widths, size) for row in [header_runs, *body_runs]]
            if sum(heights) <= box.height:
                return [TableSlide(title, join_notes(notes), where=where, header=header_runs,
                                   rows=tuple(body_runs), column_widths=tuple(widths),
                                   row_heights=tuple(heights), size=size)]
        size = self.min_size
        widths = self.column_widths([header_runs, *body_runs], size, box.width)
        header_height = self.row_height(header_runs, widths, size)
        words = self.document.words  # "Header: value; Header: value" in the lecture's language
        between = words("table_field", header="\0", value="\1").split("\0")[1].split("\1")[0]
        joiner = words("table_fields")
        units = [self.row_unit(header_runs, row, between, joiner) for row in body_runs]
        if sum(self.word_floors(every, size)) > box.width:  # more columns than the width
            adapt.note(where, "a table's columns cannot hold their longest words even at "
                              f"{self.min_size:g} pt: the rows are listed as text instead")
            return self.as_text(title, units, notes, where)
        if any(header_height + self.row_height(row, widths, size) > box.height
               for row in body_runs):  # a row taller than a slide: one entry per row, as text
            adapt.note(where, "a table row is taller than a slide even at "
                              f"{self.min_size:g} pt: the rows are listed as text instead")
            return self.as_text(title, units, notes, where)
        size, widths, header_height, slides = self.split_table(every, body_runs, box)
        if len(slides) > 1 and len(body_runs) < 2 * len(slides):
            # rows so tall that most slides hold one (many long columns on a narrow slide):
            # the rows listed as text read better and need fewer slides
            listed = self.as_text(title, units, notes, where)
            if len(listed) < len(slides):
                return listed
        return [TableSlide(title,
                           join_notes(notes) if index == 0 else "", where=where,
                           header=header_runs, rows=page_rows, column_widths=tuple(widths),
                           row_heights=(header_height, *page_row_heights), size=size)
                for index, (page_rows, page_row_heights) in enumerate(slides)]

    def split_table(self, every: Sequence[Sequence[tuple]], body_runs: Sequence[tuple],
                    box: Box) -> tuple[float, list[float], float, list[tuple[tuple, tuple]]]:
        """A table that needs more than one slide even at the minimum size: over as many
        slides as the minimum size needs, evenly, at the LARGEST size that needs no more.

        Splitting at the minimum leaves two slides half empty in small print (five rows as
        2 + 3 in the top half of each); the same two slides at a size nearer the body's are
        filled and read from the back of the room. Returns the size, column widths, header
        height and the slides' (rows, row heights).
        """
        def pages_at(size: float):
            if sum(self.word_floors(every, size)) > box.width:
                return None
            widths = self.column_widths(list(every), size, box.width)
            header_height = self.row_height(every[0], widths, size)
            heights = [self.row_height(row, widths, size) for row in body_runs]
            room = box.height - header_height
            if max(heights) > room:
                return None
            pages = [(tuple(body_runs[start:end]), tuple(heights[start:end]))
                     for start, end in balanced_pages(heights, room)]
            return size, widths, header_height, no_lone_last_row(pages, room)

        smallest = pages_at(self.min_size)
        assert smallest is not None  # the caller checked the words and rows at the minimum
        for size in self.sizes:
            trial = pages_at(size) if size > self.min_size else smallest
            if trial is not None and len(trial[3]) <= len(smallest[3]):
                return trial
        return smallest

    def row_unit(self, header: Sequence[tuple], row: Sequence[tuple], between: str,
                 joiner: str) -> list[Para]:
        """A table row listed as text: "Header: value; Header: value" as one bullet while
        that takes at most two lines; a longer row sets its fields on lines under the first
        (as cards listed as text do), as many whole fields to a line as one line holds, so a
        row that must continue on the next slide breaks between its fields, never inside
        one, and seven short fields take three lines, not seven."""
        fields = [(*name, Run(between), *cell) for name, cell in zip(header, row)]
        width = self.grid.body.inner_width

        def lines(para: Para) -> int:
            return fit.para_lines(para, self.body_faces, self.body_size, width)

        runs: list[Run] = []
        for index, field in enumerate(fields):
            runs += [Run(joiner), *field] if index else field
        joined = Para(tuple(runs), 1, BULLET, 0.5)
        if lines(joined) <= 2:
            return [joined]
        paras: list[Para] = []
        for field in fields:
            if paras:
                last = paras[-1]
                packed = replace(last, runs=(*last.runs, Run(joiner), *field))
                if lines(packed) <= 1:
                    paras[-1] = packed
                    continue
            # the lines after the first hang under its text, not under its bullet: a row
            # reads as one entry, not a run-on block
            paras.append(Para(tuple(field), 1, BULLET, 0.5) if not paras
                         else Para(tuple(field), 1, "", 0.15))
        return paras

    def word_floors(self, rows: Sequence[Sequence[tuple]], size: float) -> list[float]:
        """Each column's narrowest width that breaks no word (its longest word, padded):
        a number or a word cut in half ("8.0|4", "phosphorylat|ed") is not a table cell."""
        def widest(cell: tuple) -> float:
            return max((runs_width([Run(word, run.bold, run.italic)], self.body_faces, size)
                        for run in cell for word in breakable_words(run.text)), default=0.0)
        return [max(widest(row[column]) for row in rows) / fit.WIDTH_SLACK + 2 * CELL_PAD_X + 2
                for column in range(len(rows[0]))]

    def column_widths(self, rows: Sequence[Sequence[tuple]], size: float,
                      total: float) -> list[float]:
        """Natural widths, with the widest columns capped (water-filling) to fit ``total``,
        none under its longest word while the words fit at all (``word_floors``)."""
        natural = [max(runs_width(list(row[column]), self.body_faces,
                                  size) for row in rows)
                   / fit.WIDTH_SLACK + 2 * CELL_PAD_X + 2 for column in range(len(rows[0]))]
        if sum(natural) <= total:
            spare = (total - sum(natural)) / len(natural)
            return [width + spare for width in natural]
        floors = self.word_floors(rows, size)
        if sum(floors) > total:
            floors = [0.0] * len(natural)
        low, high = 0.0, max(natural)
        for _ in range(40):
            cap = (low + high) / 2
            if sum(max(min(width, cap), floor) for width, floor in zip(natural, floors)) > total:
                high = cap
            else:
                low = cap
        widths = [max(min(width, low), floor) for width, floor in zip(natural, floors)]
        spare = total - sum(widths)
        capped = [index for index, width in enumerate(natural) if width > widths[index]]
        for index in capped or range(len(widths)):
            widths[index] += spare / len(capped or widths)
        return self.shortest_widths(rows, size, widths, floors)

    def shortest_widths(self, rows: Sequence[Sequence[tuple]], size: float,
                        widths: list[float], floors: Sequence[float]) -> list[float]:
        """``widths`` moved between columns, a few points at a time, while that makes the
        table shorter: capping the widest columns alike gives a long name column and a long
        text column the same width, though a name wraps once and the text five times (a
        five-row table over three large-print slides where two would do). No column under
        its floor; the total unchanged."""
        columns = len(widths)
        if columns < 2:
            return widths
        lines_at: dict[tuple[int, float], list[int]] = {}

        def lines(column: int, width: float) -> list[int]:
            key = (column, round(width, 3))
            if key not in lines_at:
                lines_at[key] = [fit.para_lines(Para(row[column]), self.body_faces, size,
                                                width - 2 * CELL_PAD_X) for row in rows]
            return lines_at[key]

        def height(trial: Sequence[float]) -> int:
            per_column = [lines(column, width) for column, width in enumerate(trial)]
            return sum(max(column[row] for column in per_column) for row in range(len(rows)))

        best = height(widths)
        for step in (48.0, 24.0, 12.0, 6.0):
            improved = True
            while improved:
                improved = False
                for give in range(columns):
                    for take in range(columns):
                        if give == take or widths[give] - step < floors[give] - 1e-6:
                            continue
                        trial = list(widths)
                        trial[give] -= step
                        trial[take] += step
                        trial_height = height(trial)
                        if trial_height < best:
                            widths, best, improved = trial, trial_height, True
        return widths

    def row_height(self, row: Sequence[tuple], widths: Sequence[float], size: float) -> float:
        lines = max(fit.para_lines(Para(cell), self.body_faces, size, width - 2 * CELL_PAD_X)
                    for cell, width in zip(row, widths))
        return lines * fit.line_height(size) + 2 * CELL_PAD_Y


def _holes(slides: Sequence[SlideSpec]) -> int:
    """Empty cells of the card grids on ``slides``."""
    return sum(slide.columns * slide.rows - len(slide.cards) for slide in slides
               if isinstance(slide, CardsSlide))


def _tables(slides: Sequence[SlideSpec]) -> bool:
    return all(isinstance(slide, TableSlide) for slide in slides)
