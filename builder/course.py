"""Build a whole course: every lecture a layout lists, into ``<out>/<course-code-slug>/``.

A course build is planned first (one ``LectureJob`` per lecture, each a plain value), then
each job runs through ``build_job`` — a function of its job only — so the jobs could be handed
to a process pool unchanged. Every lecture is attempted; the problems of all failed lectures
are reported together once the others are written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from builder.build import FORMATS, BuildResult, build_lecture
from builder.resolve.editions import Edition
from builder.errors import InputError, LayoutError, Problem
from builder.layout.model import Layout
from builder.model import slugify

Mapper = Callable[[Callable[["LectureJob"], BuildResult], Iterable["LectureJob"]],
                  Iterator[BuildResult]]


@dataclass(frozen=True)
class LectureJob:
    """Everything one lecture's build needs; nothing else is read."""

    source: Path
    layout: Layout
    out_dir: Path
    formats: tuple[str, ...] = FORMATS
    edition: Edition | None = None
    check: bool = True


def course_slug(layout: Layout) -> str:
    """The course's folder name: its code (``HIST 101`` → ``hist-101``), else title, else name."""
    course = layout.course
    for label in (course.code, course.title, layout.name):
        if label and slugify(label) != "section":
            return slugify(label)
    return "course"


def plan_course(layout: Layout, out_root: Path, formats: Iterable[str] = FORMATS,
                edition: Edition | None = None, check: bool = True) -> list[LectureJob]:
    """One job per lecture of the course; a layout with no lectures is an error."""
    if not layout.course.lectures:
        where = layout.course.where or (str(layout.file) if layout.file else "layout")
        raise LayoutError(_problem(where, "course.lectures", "this layout lists no lectures: add "
                                   "course.lectures, or build sources with --layout"))
    out_dir = out_root / course_slug(layout)
    return [LectureJob(Path(source), layout, out_dir, tuple(formats), edition, check)
            for source in layout.course.lectures]


def build_job(job: LectureJob) -> BuildResult:
    """Build one lecture of a course (pure: depends on the job alone, safe to run in parallel)."""
    return build_lecture(job.source, job.layout, job.out_dir, job.formats, job.edition,
                         check=job.check)


def build_course(jobs: list[LectureJob], mapper: Mapper = map,
                 report: Callable[[BuildResult], None] | None = None) -> list[BuildResult]:
    """Run every job (``mapper`` may be a pool's ``map``); raise once with every failure."""
    results: list[BuildResult] = []
    problems: list[Problem | str] = []
    for job, outcome in zip(jobs, mapper(_attempt, jobs)):
        if isinstance(outcome, InputError):
            problems += outcome.problems
        else:
            results.append(outcome)
            if report:
                report(outcome)
    if problems:
        raise InputError(problems)
    return results


def _attempt(job: LectureJob) -> BuildResult | InputError:
    """A job's result, or its input error as a value so the other lectures still build."""
    try:
        return build_job(job)
    except InputError as error:
        return error


def _problem(where: str, field: str, message: str) -> Problem:
    """A Problem at a model's ``where`` (``path:line:col``)."""
    path, line, column = (where.rsplit(":", 2) + ["", ""])[:3]
    if line.isdigit() and column.isdigit():
        return Problem(path, int(line), int(column), message, field)
    return Problem(where, 1, 1, message, field)
