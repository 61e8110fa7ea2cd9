"""A deck timeline's events as set on its slides: date then label, the date whole when it fits.

A date the typography binds with no-break spaces ("16 de septiembre de 1810") is one piece no
line may break; in a box narrower than it, every viewer cuts it between characters
("16 de septiembre de 181" / "0" in LibreOffice). Such a date is let break at its spaces
instead, never inside the year.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from builder.deck import fit
from builder.deck.grid import Box
from builder.deck.specs import Event, Para
from builder.text.fonts import Faces


def event_paras(event: Event) -> list[Para]:
    """A timeline event's paragraphs: its date, then its label."""
    date = fit.plain_runs(event.date, bold=True)
    if event.date_breaks:
        date = tuple(replace(run, text=run.text.replace("\u00a0", " ")) for run in date)
    return [Para(date, color="accent"),
            Para(event.label, gap=0.1)]


def events_whole(marks: Sequence[Event], faces: Faces, size: float, box: Box) -> list[Event]:
    """The events as set at ``size`` in ``box``: a bound date wider than the box breaks at
    its spaces; an empty list when a piece of a label is still wider than the box (the size
    does not fit)."""
    setting = []
    for mark in marks:
        if not fit.whole_words(event_paras(mark), faces, size, box.inner_width):
            mark = replace(mark, date_breaks=True)
            if not fit.whole_words(event_paras(mark), faces, size, box.inner_width):
                return []
        setting.append(mark)
    return setting
