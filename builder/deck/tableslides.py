"""Tables on slides: a native table at the largest size that fits, its columns as wide as
keeps it shortest, its rows continued evenly over further slides, or listed as text when no
table holds them (``Arranger`` gives the measuring context, ``TextSlides`` the listing).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from builder.deck import fit
from builder.deck.arrange import BULLET, Arranger, join_notes
from builder.deck.balance import balanced_pages, no_lone_last_row
from builder.deck.grid import CELL_PAD_X, CELL_PAD_Y, Box
from builder.deck.specs import Para, SlideSpec, TableSlide
from builder.charts.transpose import may_transpose, prefer_transposed, transposed
from builder.text import adapt
from builder.text.inline import Run
from builder.text.measure import runs_width
from builder.text.typography import breakable_words


class TableSlides(Arranger):
    """Body tables: set, split, widened by content, or listed."""

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
            # only as a table: turned rows listed as text read the header pair as data
            # ("Boundary: Motion", then "Divergent: Plates move apart"); a list goes by row
            if _tables(turned) and prefer_transposed(
                    slides, turned, lambda slide: isinstance(slide, TableSlide)):
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


def _tables(slides: Sequence[SlideSpec]) -> bool:
    return all(isinstance(slide, TableSlide) for slide in slides)
