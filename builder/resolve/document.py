"""Resolve: the lecture, its layout and an edition become one ``Document`` both renderers read.

Everything the two outputs must agree on is decided here once: figure numbers and captions,
question numbers, the glossary's order, the collected people and timeline, header fields,
and asset paths. Renderers take a Document and never look at YAML or at each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from string import Formatter
from typing import Callable
from pathlib import Path

from builder.resolve.course import ResolvedCourse, resolve_course
from builder.resolve.editions import Edition, EditionRules
from builder.errors import SourceError
from builder.text.coverage import describe, uncovered
from builder.text.fonts import Faces, faces
from builder.text.inline import plain
from builder.text.scripts import han_language, part_language
from builder.text.shorten import shortened
from builder.text.words import Words, from_mapping
from builder.model.dates import DateSpan
from builder.layout.model import Layout
from builder.model import (KeyTerm, KeyTerms, Lecture, People, Person, Question, Questions,
                           Section, Timeline, TimelineEvent)
from builder.resolve.numbering import NumberedFigure, number_figures
from builder.load.source import Source


@dataclass(frozen=True)
class NumberedQuestion:
    number: int
    question: Question
    section: Section | None  # None for the lecture's review questions


@dataclass(frozen=True)
class Document:
    """A lecture ready to render: content, look, edition and every shared decision."""

    lecture: Lecture
    layout: Layout
    edition: EditionRules
    source_folder: Path
    stem: str
    figures: dict[str, NumberedFigure]
    questions: tuple[NumberedQuestion, ...]
    glossary: tuple[KeyTerm, ...]
    people: tuple[Person, ...]
    timeline: tuple[TimelineEvent, ...]
    sections_show_timeline: bool
    fonts: dict[str, Faces] = field(default_factory=dict)

    def figure(self, figure_id: str) -> NumberedFigure:
        return self.figures[figure_id]

    def question_number(self, question: Question) -> int:
        return next(q.number for q in self.questions if q.question is question)

    def asset(self, relative: str) -> Path:
        """A file a source names, relative to the source's folder."""
        return (self.source_folder / relative).resolve()

    @property
    def language(self) -> str:
        """The language of the outputs' text (PDF ``/Lang``, the deck's runs): the source's
        ``language:`` when it gives one, else the layout's (``en`` by default)."""
        return _language(self.lecture, self.layout)

    @property
    def words(self) -> Words:
        """The outputs' own words in the document's language, with the layout's overrides
        (``builder/text/words.yaml``): ``document.words("agenda")``."""
        return from_mapping(self.language, self.layout.word_overrides)

    def date(self, span: DateSpan | None, short: bool = False) -> str:
        """A date as both outputs print it, in the document's language ("" for none)."""
        return self.words.date(span, short) if span is not None else ""

    @cached_property
    def han_language(self) -> str:
        """The language the lecture's Han characters are read in (``text.scripts``)."""
        return han_language(self.lecture.model_dump_json())

    def part_language(self, text: str) -> str | None:
        """The language of a run of text when it differs from the document's (Japanese
        names in an English lecture), for the PDF's /Lang and the deck's ``lang``."""
        return part_language(text, self.language, self.han_language)

    def life(self, person: Person) -> str:
        """A person's dates as both outputs print them (``1884–1972``, ``b. 1912``)."""
        return self.words.life(person.born, person.died)

    @property
    def course(self) -> ResolvedCourse:
        """The lecture's course: the source's own, else the layout's (``resolve.course``)."""
        return resolve_course(self.lecture.course, self.layout.course)

    @property
    def course_label(self) -> str:
        return self.course.label

    @property
    def instructor(self) -> str:
        """Who gives the lecture: the source's ``instructor``, else the course's."""
        return self.lecture.instructor or self.course.instructor or ""

    def fill(self, template: str, fits: Callable[[str], bool] | None = None,
             **extra: object) -> str:
        """Fill a header/footer template; an empty field drops its separator with it.

        With ``fits`` (whether a line of furniture fits its room), a line too long is
        shortened in its longest field, the lecture's title first, at a word's end with an
        ellipsis ("… au…"), so the page number and the term after it stay whole."""
        values = {"course": self.course_label, "lecture": plain(self.lecture.title),
                  "date": self.date(self.lecture.date),
                  "term": self.course.term or "",
                  "instructor": self.instructor,
                  "edition": self.words(self.edition.word),
                  **{k: str(v) for k, v in extra.items()}}
        if "page" in extra and "pages" in extra:
            values["page_of"] = self.words("page_of", page=extra["page"], pages=extra["pages"])
        pieces: list[tuple[bool, str]] = []  # (is_field, text)
        for literal, name, _spec, _conversion in Formatter().parse(template):
            pieces.append((False, literal))
            if name is not None:
                pieces.append((True, values.get(name, "{" + name + "}")))
        texts = [text for _, text in pieces]
        for index, (is_field, text) in enumerate(pieces):
            if is_field and not text:
                _trim_separators(texts, index)
        joined = "".join(texts).strip()
        if fits is None or fits(joined):
            return joined
        fields = [index for index, (is_field, text) in enumerate(pieces) if is_field and text]
        if fields:
            longest = max(fields, key=lambda index: (texts[index] == values["lecture"],
                                                     len(texts[index])))

            def whole_fits(field: str) -> bool:
                return fits("".join(texts[:longest] + [field] + texts[longest + 1:]).strip())
            texts[longest] = shortened(texts[longest], whole_fits)
        return shortened("".join(texts).strip(), fits)


def _language(lecture: Lecture, layout: Layout) -> str:
    return lecture.language if "language" in lecture.model_fields_set else layout.language


_SEPARATORS = " ·|—–/-"


def _trim_separators(texts: list[str], empty: int) -> None:
    """Drop the separator an empty field leaves behind: ``{course} · Page`` → ``Page``."""
    marks = _SEPARATORS.strip()
    before = next((i for i in range(empty - 1, -1, -1) if texts[i].strip()), None)
    after = next((i for i in range(empty + 1, len(texts)) if texts[i].strip()), None)
    if before is None and after is not None:
        texts[after] = texts[after].lstrip(_SEPARATORS)
    elif after is None and before is not None:
        texts[before] = texts[before].rstrip(_SEPARATORS)
    elif before is not None and after is not None:
        if texts[after].lstrip()[:1] in marks:
            rest = texts[after].lstrip(_SEPARATORS)
            texts[after] = rest if texts[before].endswith(" ") else " " + rest
        elif texts[before].rstrip()[-1:] in marks:
            texts[before] = texts[before].rstrip(_SEPARATORS) + " "


def resolve(source: Source, layout: Layout, edition: Edition | None = None) -> Document:
    """Build the Document for one source under one layout (``edition`` overrides the layout's)."""
    lecture = source.lecture
    questions: list[NumberedQuestion] = []
    glossary: dict[str, KeyTerm] = {}
    people: dict[str, Person] = {}
    events: list[TimelineEvent] = []
    for section in lecture.sections:
        for block in section.blocks:
            if isinstance(block, Questions):
                questions += [NumberedQuestion(len(questions) + 1 + i, q, section)
                              for i, q in enumerate(block.questions)]
            elif isinstance(block, KeyTerms):
                for term in block.key_terms:
                    glossary.setdefault(term.term.casefold(), term)
            elif isinstance(block, People):
                for person in block.people:
                    people.setdefault(person.name, person)
            elif isinstance(block, Timeline):
                events += block.timeline
    questions += [NumberedQuestion(len(questions) + 1 + i, q, None)
                  for i, q in enumerate(lecture.review_questions)]
    fonts = {role: faces(getattr(layout.fonts, role)) for role in ("heading", "body", "mono")}
    _check_coverage(source, fonts)
    document = Document(
        lecture=lecture, layout=layout,
        edition=EditionRules(edition or layout.edition),
        source_folder=source.folder, stem=source.stem,
        figures=number_figures(lecture, from_mapping(_language(lecture, layout),
                                                     layout.word_overrides)),
        questions=tuple(questions),
        glossary=tuple(sorted(glossary.values(), key=lambda t: t.term.casefold())),
        people=tuple(people.values()),
        timeline=tuple(sorted(events, key=lambda e: e.date)),
        sections_show_timeline=any(isinstance(b, Timeline) for s in lecture.sections for b in s.blocks),
        fonts=fonts,
    )
    # decided here, where the lecture was validated (its serializer built): a Document sent
    # pickled to the deck's process carries it, instead of that process building pydantic's
    # serializer for the whole lecture model (~50 ms) to dump the lecture once
    document.han_language  # noqa: B018 - a cached_property, computed now
    return document


def _check_coverage(source: Source, fonts: dict[str, Faces]) -> None:
    """Every character some font can draw, or one error listing each string that has one
    no font (layout, bundled fallback or installed) has, at its own line."""
    found = uncovered(source.located.data, (fonts["body"], fonts["heading"]))
    if found:
        raise SourceError([source.located.problem(
            path, f"no available font can draw {describe(chars)}: install a font that covers "
            "it (fc-list lists the installed ones) or write the text without it")
            for path, chars in found])
