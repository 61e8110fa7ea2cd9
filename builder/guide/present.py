"""Which of the guide's parts have something to print, decided once from the document.

A part with nothing to print is left out with its heading, the title page's "In this guide"
names the parts that follow the sections, and the contents are only worth a page when they
list enough entries: all three read the same answer from here.
"""

from __future__ import annotations

from builder.model import FigureRef
from builder.resolve.document import Document

MIN_CONTENTS = 3
"""Fewer entries than this (a one-section handout) print no contents page: the title page's
"In this guide" already names the sections, and a page holding one line is waste."""


def _has_notes(document: Document) -> bool:
    lecture = document.lecture
    if lecture.notes:
        return True
    for section in lecture.sections:
        if section.notes:
            return True
        for block in section.blocks:
            if getattr(block, "notes", None):
                return True
            if isinstance(block, FigureRef) and document.figure(block.figure).figure.notes:
                return True
    return False


def present(document: Document, part: str) -> bool:
    """Whether the guide part ``part`` (a name of ``layout.guide.parts``) prints anything
    in this document's edition: the one test behind each part's "nothing to print"."""
    edition = document.edition
    if part == "sections":
        return bool(document.lecture.sections)
    if part == "takeaways":
        return bool(document.lecture.takeaways)
    if part == "glossary":
        return bool(document.glossary)
    if part == "people":
        return bool(document.people)
    if part == "timeline":
        return bool(document.timeline) and not document.sections_show_timeline
    if part == "questions":
        return any(question.section is None for question in document.questions)
    if part == "answer_key":
        return edition.shows_answers and bool(document.questions)
    if part == "notes_appendix":
        return edition.shows_notes_appendix and _has_notes(document)
    if part == "sources":
        return bool(document.lecture.bibliography)
    return True


def contents_entries(document: Document) -> int:
    """How many entries the contents would list: each section and each part after them
    that prints a heading of its own (the front matter is not listed)."""
    parts = document.layout.guide.parts
    count = len(document.lecture.sections) if "sections" in parts else 0
    return count + sum(1 for part in parts
                       if part not in ("title_page", "objectives", "contents", "sections")
                       and present(document, part))
