"""Build a whole course: every lecture a layout lists, into ``<out>/<course-code-slug>/``.

A course build is planned first (one ``LectureJob`` per lecture, each a plain value), then
each job runs through ``build_job`` — a function of its job only — so the jobs are handed
to a process pool unchanged (``workers`` > 1: one process per core). Every lecture is
attempted; the problems of all failed lectures are reported together once the others are
written. Outputs do not depend on which process built them: a parallel build writes the
same bytes as a serial one.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol

from builder.build import FORMATS, BuildResult, build_lecture, output_paths
from builder.resolve.editions import Edition
from builder.errors import BuilderError, InputError, LayoutError, OutputError, Problem, problem_at
from builder.layout.model import Layout
from builder.load.files import given_root, project_root_set
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
    incremental: bool = False  # skip the lecture when its manifest shows it up to date
    strict: bool = False  # adaptations beyond the layout's preferred sizes are errors
    parallel: bool = False  # render the guide and the deck in two processes
    # the project root (``--root``) where the job was planned: a worker process, forked or
    # spawned, confines the lecture's files to it whatever its own module state
    root: Path | None = field(default_factory=given_root)


class Progress(Protocol):
    """Told when each lecture starts and ends (``builder.progress`` draws it)."""

    def started(self, job: LectureJob) -> None: ...

    def finished(self, job: LectureJob, outcome: "BuildResult | BuilderError",
                 seconds: float) -> None: ...


def course_slug(layout: Layout) -> str:
    """The course's folder name: its code (``HIST 101`` → ``hist-101``), else title, else name."""
    course = layout.course
    for label in (course.code, course.title, layout.name):
        if label and slugify(label) != "section":
            return slugify(label)
    return "course"


def plan_course(layout: Layout, out_root: Path, formats: Iterable[str] = FORMATS,
                edition: Edition | None = None, check: bool = True,
                incremental: bool = False, strict: bool = False) -> list[LectureJob]:
    """One job per lecture of the course; a layout with no lectures is an error."""
    if not layout.course.lectures:
        where = layout.course.where or (str(layout.file) if layout.file else "layout")
        raise LayoutError(_problem(where, "course.lectures", "this layout lists no lectures: add "
                                   "course.lectures, or build sources with --layout"))
    out_dir = out_root / course_slug(layout)
    return [LectureJob(Path(source), layout, out_dir, tuple(formats), edition, check, incremental,
                       strict) for source in layout.course.lectures]


def build_job(job: LectureJob, worker: Any = None) -> BuildResult:
    """Build one lecture of a course (pure: depends on the job alone, safe to run in parallel).
    ``worker``: a ``builder.worker.DeckWorker`` to draw the deck (see ``build_lecture``)."""
    with project_root_set(job.root):
        return build_lecture(job.source, job.layout, job.out_dir, job.formats, job.edition,
                             check=job.check, incremental=job.incremental, strict=job.strict,
                             parallel=job.parallel, worker=worker)


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def build_course(jobs: list[LectureJob], mapper: Mapper | None = None,
                 report: Callable[[BuildResult], None] | None = None, workers: int = 1,
                 progress: Progress | None = None, worker: Any = None) -> list[BuildResult]:
    """Run every job, ``workers`` at a time in processes; raise once with every failure.

    Input errors of all lectures are gathered into one; any other error (a failed check, a
    render error) is raised after every lecture was attempted. ``worker``: a deck worker
    already forked (``builder.worker.DeckWorker``) that draws the deck of a lecture built in
    this process (one lecture on several cores).
    """
    outcomes = _run(jobs, mapper, workers, progress, worker)
    results: list[BuildResult] = []
    problems: list[Problem | str] = []
    failure: BuilderError | None = None
    for outcome in outcomes:
        if isinstance(outcome, InputError):
            problems += outcome.problems
        elif isinstance(outcome, BuilderError):
            failure = failure or outcome
        else:
            results.append(outcome)
            if report:
                report(outcome)
    if problems:
        raise InputError(problems)
    if failure is not None:
        raise failure
    return results


def _run(jobs: list[LectureJob], mapper: Mapper | None, workers: int,
         progress: Progress | None, worker: Any = None) -> list[BuildResult | BuilderError]:
    """Each job's outcome, in job order."""
    if mapper is not None:
        return list(mapper(_attempt, jobs))
    if workers <= 1 or len(jobs) <= 1:
        if workers > 1:  # one lecture: its two outputs use the cores instead
            jobs = [replace(job, parallel=True) for job in jobs]
        outcomes = []
        for job in jobs:
            if progress:
                progress.started(job)
            start = time.perf_counter()
            outcomes.append(_attempt(job, worker))
            if progress:
                progress.finished(job, outcomes[-1], time.perf_counter() - start)
        return outcomes
    return _run_parallel(jobs, min(workers, len(jobs)), progress)


def _run_parallel(jobs: list[LectureJob], workers: int,
                  progress: Progress | None) -> list[BuildResult | BuilderError]:
    """The jobs in a process pool; forked workers inherit the imported renderers and fonts."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    import builder.deck  # noqa: F401 - imported once here, shared by every forked worker
    import builder.guide  # noqa: F401

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    outcomes: dict[int, BuildResult | BuilderError] = {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        started = {pool.submit(_attempt_in_worker, job): index for index, job in enumerate(jobs)}
        if progress:
            for job in jobs[:workers]:
                progress.started(job)
        waiting = workers
        try:
            for future in as_completed(started):
                index = started[future]
                outcomes[index], seconds = future.result()
                if progress:
                    progress.finished(jobs[index], outcomes[index], seconds)
                    if waiting < len(jobs):
                        progress.started(jobs[waiting])
                        waiting += 1
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
    return [outcomes[index] for index in range(len(jobs))]


def _attempt(job: LectureJob, worker: Any = None) -> BuildResult | BuilderError:
    """A job's result, or its error as a value so the other lectures still build."""
    try:
        return build_job(job, worker)
    except BuilderError as error:
        return error


def _attempt_in_worker(job: LectureJob) -> tuple[BuildResult | BuilderError, float]:
    """``_attempt`` and its seconds, without the Document (the parent has no use for it)."""
    start = time.perf_counter()
    outcome = _attempt(job)
    if isinstance(outcome, BuildResult):
        outcome = replace(outcome, document=None)
    return outcome, time.perf_counter() - start


def _problem(where: str, field: str, message: str) -> Problem:
    """A Problem at a model's ``where`` (``path:line:col``)."""
    return problem_at(where, message, field)


def check_distinct(jobs: list[LectureJob]) -> None:
    """Refuse, before anything is written, lectures that would write the same output file.

    The same source given twice is one lecture (built once by the caller's de-duplication);
    two sources named alike in different folders would overwrite each other's outputs.
    """
    writers: dict[Path, Path] = {}
    problems: list[Problem | str] = []
    for job in jobs:
        for path in output_paths(job.source, job.out_dir, job.formats):
            target = Path(os.path.abspath(path))
            first = writers.setdefault(target, job.source)
            if Path(os.path.abspath(first)) != Path(os.path.abspath(job.source)):
                problems.append(Problem(str(job.source), 1, 1, f"this lecture and {first} would "
                                        f"both write {path}: rename one of them, or build them "
                                        "into different --out folders"))
                break
    if problems:
        raise OutputError(problems)
