"""What each edition contains, in each output: the one rule both renderers ask.

``CONTENTS`` is the whole decision, as data: for each edition and each output (the deck's
slides, the deck's speaker notes, the guide, the manifest), the kinds of material it holds.
Renderers never test the edition's name; they ask ``EditionRules.has(output, material)``.

The student edition is what a teacher hands to students: questions without answers, answer
lines to write on, and no speaker notes at all (notes carry answers, explanations and the
teacher's own asides). The instructor edition adds the answer key (guide), answers on their
own slides (deck), the teacher's notes under every slide and a notes appendix in the guide.
The manifest holds structure only (sections, figures, pages), never answers, in either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Edition = Literal["student", "instructor"]
Output = Literal["slides", "notes", "guide", "manifest"]
Material = Literal["questions", "answers", "explanations", "answer_lines", "speaker_notes",
                   "notes_appendix", "structure"]

CONTENTS: dict[Edition, dict[Output, frozenset[Material]]] = {
    "student": {
        "slides": frozenset({"questions"}),
        "notes": frozenset(),
        "guide": frozenset({"questions", "answer_lines"}),
        "manifest": frozenset({"structure"}),
    },
    "instructor": {
        "slides": frozenset({"questions", "answers", "explanations"}),
        "notes": frozenset({"speaker_notes", "answers", "explanations"}),
        "guide": frozenset({"questions", "answers", "explanations", "notes_appendix"}),
        "manifest": frozenset({"structure"}),
    },
}


@dataclass(frozen=True)
class EditionRules:
    edition: Edition

    def has(self, output: Output, material: Material) -> bool:
        """Whether ``output`` of this edition contains ``material`` (see ``CONTENTS``)."""
        return material in CONTENTS[self.edition][output]

    @property
    def is_instructor(self) -> bool:
        return self.edition == "instructor"

    @property
    def shows_answers(self) -> bool:
        """Answer key in the guide, answer slides in the deck."""
        return self.has("guide", "answers")

    @property
    def shows_answer_slides(self) -> bool:
        """Slides that show each question's answer (and explanation) after it."""
        return self.has("slides", "answers")

    @property
    def shows_answer_lines(self) -> bool:
        """Blank lines to write on under short-answer questions."""
        return self.has("guide", "answer_lines")

    @property
    def shows_notes_appendix(self) -> bool:
        """Speaker notes printed at the end of the guide."""
        return self.has("guide", "notes_appendix")

    @property
    def speaker_notes(self) -> bool:
        """Whether the deck's slides carry speaker notes at all."""
        return self.has("notes", "speaker_notes")

    @property
    def answers_in_notes(self) -> bool:
        """Whether a question slide's notes may hold its answer and explanation."""
        return self.has("notes", "answers")

    @property
    def word(self) -> str:
        """The edition's name in the words table (``document.words(rules.word)``)."""
        return "edition_instructor" if self.is_instructor else "edition_student"

    @property
    def label(self) -> str:
        """The English name (the manifest's); outputs print ``document.words(self.word)``."""
        return "Instructor edition" if self.is_instructor else "Student edition"
