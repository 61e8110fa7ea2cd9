"""What each edition contains: one place both renderers ask.

The student edition leaves answer lines and hides speaker notes; the instructor edition
adds the answer key (guide), answers on their own slides (deck) and a notes appendix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Edition = Literal["student", "instructor"]


@dataclass(frozen=True)
class EditionRules:
    edition: Edition

    @property
    def is_instructor(self) -> bool:
        return self.edition == "instructor"

    @property
    def shows_answers(self) -> bool:
        """Answer key in the guide, answer slides in the deck."""
        return self.is_instructor

    @property
    def shows_answer_lines(self) -> bool:
        """Blank lines to write on under short-answer questions."""
        return not self.is_instructor

    @property
    def shows_notes_appendix(self) -> bool:
        """Speaker notes printed at the end of the guide."""
        return self.is_instructor

    @property
    def label(self) -> str:
        return "Instructor edition" if self.is_instructor else "Student edition"
