"""Figure numbering and captions: decided once, read by the guide, the deck and the checker.

Figures are numbered in order of first reference in the sections, so "Figure 3" is the
third figure a reader meets in either output.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.model import FigureBase, FigureRef, Lecture
from builder.text.typography import bound_spaces, smart_quotes
from builder.text.words import Words


@dataclass(frozen=True)
class NumberedFigure:
    """A figure with its number and the exact caption lines both outputs print."""

    figure: FigureBase
    number: int
    words: Words

    @property
    def label(self) -> str:
        return f"{self.words('figure')} {self.number}"

    @property
    def caption(self) -> str:
        """``Figure 2. Casualties of the Korean War`` (emphasis markers left in place)."""
        return f"{self.label}. {self.figure.caption}"

    @property
    def credit(self) -> str:
        return self.words("source", credit=self.figure.credit) if self.figure.credit else ""


def number_figures(lecture: Lecture, words: Words = Words()) -> dict[str, NumberedFigure]:
    """Number every referenced figure by first reference; keyed by figure id."""
    declared = {figure.id: figure for figure in lecture.figures}
    numbered: dict[str, NumberedFigure] = {}
    for section in lecture.sections:
        for block in section.blocks:
            if isinstance(block, FigureRef) and block.figure not in numbered:
                figure = declared[block.figure]
                # the language's quotes, once; and what a line may not break, by the body
                # text's own rules: "Mw 9.5", "18 de septiembre de 1810", the French space
                # before ; : ! ? and inside « » ("par ordre : le doublement"), "2 H₂O"
                # (figure wraps, map names' too, keep such a piece whole)
                figure = figure.with_labels(
                    lambda text: bound_spaces(smart_quotes(text, words.language)))
                numbered[block.figure] = NumberedFigure(figure, len(numbered) + 1, words)
    return numbered
