"""The lecture content model: the one neutral tree both renderers read.

A source is a lecture with ordered sections of ordered blocks. Each block is a mapping with
one key naming its kind (``paragraph:``, ``bullets:``, ``quote:`` …) and an optional
``notes:`` for the deck's speaker notes, so a source reads like an outline.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Field, Tag, ValidationInfo, field_validator, model_validator

from builder.model.base import Model
from builder.model.dates import Date
from builder.model.figures import Figure, Identifier, TableData, Text, TimelineEvent, Title
from builder.model.limits import MAX_BLOCKS, MAX_SECTIONS, Year

Notes = Annotated[str | None, Field(default=None, description="Speaker notes (deck only)")]


def slugify(title: str) -> str:
    """Stable id from a title: ``"Inch'on and the Push North"`` → ``inchon-and-the-push-north``."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’`]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "section"


class SubBullets(Model):
    """A bullet with second-level items under it."""

    text: Text
    items: tuple[Text, ...] = Field(min_length=1)


BulletItem = Union[Text, SubBullets]


class KeyTerm(Model):
    term: Text
    definition: Text


class Person(Model):
    name: Text
    role: Text
    born: Year | None = None
    died: Year | None = None

    @property
    def life(self) -> str:
        """Life dates as printed: ``1884–1972``, ``b. 1912``, or empty."""
        if self.born and self.died:
            return f"{self.born}–{self.died}"
        if self.born:
            return f"b. {self.born}"
        return f"d. {self.died}" if self.died else ""


class QuoteBody(Model):
    text: Text
    speaker: Text
    date: Date | None = None
    context: str | None = None


class Statistic(Model):
    value: Text = Field(description="As printed, e.g. '~5 million' or '2 miles'")
    label: Text
    note: str | None = None


class TableBody(TableData):
    caption: str | None = None


class CalloutBody(Model):
    kind: Literal["note", "tip", "warning"] = "note"
    title: str | None = None
    text: Text


def choice_letter(index: int) -> str:
    """The letter of a multiple-choice option (0 → ``A``), as the guide, deck and key print it."""
    return chr(ord("A") + index)


class Question(Model):
    """A review question: short answer, or multiple choice when ``choices`` are given.

    For multiple choice, ``answer`` is the letter of the correct choice (``B``) or its text.
    """

    question: Text
    choices: tuple[Text, ...] | None = Field(default=None, min_length=2, max_length=8)
    answer: Text
    explanation: str | None = None

    @field_validator("answer")
    @classmethod
    def _answer_is_a_choice(cls, answer: str, info: ValidationInfo):
        choices = info.data.get("choices")
        if not choices:
            return answer
        letters = [choice_letter(i) for i in range(len(choices))]
        if answer.upper() in letters or answer in choices:
            return answer
        raise ValueError(f"answer '{answer}' is not one of the choices ({', '.join(letters)})")

    @property
    def is_multiple_choice(self) -> bool:
        return bool(self.choices)

    @property
    def correct_index(self) -> int | None:
        if not self.choices:
            return None
        if self.answer in self.choices:
            return self.choices.index(self.answer)
        return ord(self.answer.upper()) - ord("A")

    @property
    def answer_text(self) -> str:
        """The answer as printed in an answer key: ``B. Inch'on`` or the short answer."""
        index = self.correct_index
        if index is None:
            return self.answer
        return f"{choice_letter(index)}. {self.choices[index]}"


class Paragraph(Model):
    paragraph: Text = Field(description="Text; **bold** and *italic* are the only markup")
    notes: Notes = None


class Bullets(Model):
    bullets: tuple[BulletItem, ...] = Field(min_length=1)
    notes: Notes = None


class KeyTerms(Model):
    key_terms: tuple[KeyTerm, ...] = Field(min_length=1)
    notes: Notes = None


class People(Model):
    people: tuple[Person, ...] = Field(min_length=1)
    notes: Notes = None


class Timeline(Model):
    timeline: tuple[TimelineEvent, ...] = Field(min_length=1)
    notes: Notes = None


class Quote(Model):
    quote: QuoteBody
    notes: Notes = None


class Statistics(Model):
    statistics: tuple[Statistic, ...] = Field(min_length=1)
    notes: Notes = None


class FigureRef(Model):
    figure: Identifier = Field(description="id of a figure declared under figures:")
    notes: Notes = None


class Table(Model):
    table: TableBody
    notes: Notes = None


class Callout(Model):
    callout: CalloutBody
    notes: Notes = None


class Discussion(Model):
    discussion: Text
    notes: Notes = None


class Questions(Model):
    questions: tuple[Question, ...] = Field(min_length=1)
    notes: Notes = None


class SpeakerNotes(Model):
    """Deck-only notes standing on their own between blocks."""

    notes: Text


BLOCK_KINDS: dict[str, type[Model]] = {
    "paragraph": Paragraph, "bullets": Bullets, "key_terms": KeyTerms, "people": People,
    "timeline": Timeline, "quote": Quote, "statistics": Statistics, "figure": FigureRef,
    "table": Table, "callout": Callout, "discussion": Discussion, "questions": Questions,
}


def block_kind(value: Any) -> str | None:
    """The block's kind: the one key that names a kind, or ``notes`` for bare notes."""
    if isinstance(value, Model):
        for kind, cls in BLOCK_KINDS.items():
            if isinstance(value, cls):
                return kind
        return "notes" if isinstance(value, SpeakerNotes) else None
    if not isinstance(value, dict):
        return None
    kinds = [key for key in value if key in BLOCK_KINDS]
    if len(kinds) == 1:
        return kinds[0]
    if not kinds and set(value) == {"notes"}:
        return "notes"
    return None


Block = Annotated[
    Union[tuple(Annotated[cls, Tag(kind)] for kind, cls in
                [*BLOCK_KINDS.items(), ("notes", SpeakerNotes)])],
    Discriminator(block_kind),
]


class Section(Model):
    id: Identifier | None = Field(default=None, description="Stable id; slug of the title if absent")
    title: Title
    blocks: tuple[Block, ...] = Field(min_length=1, max_length=MAX_BLOCKS)
    notes: Notes = None

    @property
    def key(self) -> str:
        """The section's id: given, or derived from its title."""
        return self.id or slugify(self.title)


REFERENCE_KINDS = ("book", "article", "lecture", "web")


class Reference(Model):
    """A work the lecture draws on, printed in the guide's sources and on the deck's."""

    title: Text = Field(description="Title of the work (of the article, for an article)")
    author: str | None = Field(default=None, description="Author(s) or editor(s), as printed")
    publisher: str | None = Field(
        default=None, description="Publisher; for an article, the journal, volume and pages")
    year: int | None = Field(default=None, ge=1, le=2999, description="Year of publication")
    edition: str | None = Field(default=None, description="Edition, e.g. '2nd' or 'Revised'")
    kind: Literal["book", "article", "lecture", "web"] | None = Field(
        default=None, description="book, article, lecture or web; sets how the entry is cited")
    url: str | None = None
    accessed: Date | None = Field(default=None, description="When a web page was read")
    note: str | None = None


class CourseInfo(Model):
    """The course a lecture belongs to, when the source names it.

    It overrides the layout's course: a biology lecture built with a history course's layout
    carries its own code, title, term and instructor (see ``builder.resolve.course``).
    """

    code: str | None = Field(default=None, description="e.g. 'BIO 110'")
    title: str | None = Field(default=None, description="e.g. 'Introductory Biology'")
    term: str | None = Field(default=None, description="e.g. 'Spring 2027'")
    instructor: str | None = None


class Lecture(Model):
    """One lecture: the root of a source file."""

    title: Title
    subtitle: str | None = None
    date: Date | None = None
    instructor: str | None = None
    course: CourseInfo | None = Field(
        default=None, description="The lecture's course; overrides the layout's course")
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    keywords: tuple[Text, ...] = ()
    essential_question: str | None = None
    objectives: tuple[Text, ...] = ()
    takeaways: tuple[Text, ...] = ()
    sections: tuple[Section, ...] = Field(min_length=1, max_length=MAX_SECTIONS)
    figures: tuple[Figure, ...] = ()
    review_questions: tuple[Question, ...] = Field(
        default=(), description="Review questions printed after the sections, with the answer key")
    bibliography: tuple[Reference, ...] = ()
    notes: Notes = None

    @model_validator(mode="before")
    @classmethod
    def _drop_schema_key(cls, data: Any) -> Any:
        if isinstance(data, dict) and "$schema" in data:
            data = {k: v for k, v in data.items() if k != "$schema"}
        return data
