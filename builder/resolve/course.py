"""Which course a lecture belongs to: the source's own course, else the layout's.

A layout may name a course (``HIST 101 … Dr. Eleanor Whitfield``) for the lectures it lists,
but a teacher may build any lecture with any layout: a biology lecture built with the history
layout must not be stamped with the history course. So a source that names a *different*
course (another code or title) replaces the layout's course entirely, and a source that names
the same course, or only some fields (a term, an instructor), overrides those fields alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.layout.model import Course
from builder.model import CourseInfo

FIELDS = ("code", "title", "term", "instructor")


@dataclass(frozen=True)
class ResolvedCourse:
    """The course fields every header, footer, title page and property reads."""

    code: str | None = None
    title: str | None = None
    term: str | None = None
    instructor: str | None = None

    @property
    def label(self) -> str:
        """``BIO 110 Introductory Biology``, or the one that is known, or empty."""
        return " ".join(part for part in (self.code, self.title) if part)


def resolve_course(own: CourseInfo | None, layout: Course) -> ResolvedCourse:
    """The lecture's course: ``own`` (from the source) over the layout's, as described above."""
    if own is None:
        return ResolvedCourse(*(getattr(layout, name) for name in FIELDS))
    if _another_course(own, layout):
        return ResolvedCourse(*(getattr(own, name) for name in FIELDS))
    return ResolvedCourse(*(getattr(own, name) or getattr(layout, name) for name in FIELDS))


def _another_course(own: CourseInfo, layout: Course) -> bool:
    """Whether the source names a course other than the layout's (by code, else by title)."""
    if own.code and layout.code:
        return own.code.strip().casefold() != layout.code.strip().casefold()
    if own.title and layout.title:
        return own.title.strip().casefold() != layout.title.strip().casefold()
    return bool(own.code or own.title)
