"""One function per CLI command; each returns an exit status and raises BuilderError on bad input."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from builder.errors import InputError

SOURCES = Path("sources")
OUTPUT = Path("output")
TEMPLATE = Path(__file__).parent / "defaults" / "new-source.yaml"


def _is_layout(path: Path) -> bool:
    """A YAML with no ``sections:`` at its top is a layout (possibly a whole course)."""
    from builder.load.yamlfile import load_yaml

    located, problems = load_yaml(path)
    return not problems and isinstance(located.data, dict) and "sections" not in located.data


def run_validate(arguments: argparse.Namespace) -> int:
    """Validate every given source or layout; report all problems of all files, then fail once.

    A source is loaded and resolved against ``--layout`` (a course's lectures against the
    course), as ``build`` would, so everything build refuses as input is found here, without
    rendering.
    """
    from builder.layout import load_layout

    problems: list = []
    layouts: dict = {}
    for path in arguments.paths:
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        if not files:
            problems.append(f"{path}/: a folder with no .yaml files to validate")
        for file in files:
            try:
                if _is_layout(file):
                    layout = load_layout(file)
                    found = _validate_sources(layout.course.lectures, layout, arguments.edition)
                else:
                    if "layout" not in layouts:
                        layouts["layout"] = load_layout(getattr(arguments, "layout", None))
                    found = _validate_sources([file], layouts["layout"], arguments.edition)
            except InputError as error:
                found = error.problems
            if not found:
                print(f"{file}: ok")
            problems += found
    if problems:
        raise InputError(problems)
    return 0


def _validate_sources(paths, layout, edition) -> list:
    """Load and resolve each source under ``layout``: every problem, none raised.

    ``resolve`` runs every check ``build`` makes of its input before rendering (figure and
    question cross-references, editions, glyph coverage read without reportlab), so a source
    that validates is one that build accepts.
    """
    from builder.load.source import load_source
    from builder.resolve.document import resolve

    problems: list = []
    for path in paths:
        try:
            resolve(load_source(path), layout, edition)
        except InputError as error:
            problems += error.problems
    return problems


def run_schema(arguments: argparse.Namespace) -> int:
    from builder.schema import SCHEMAS

    print(json.dumps(SCHEMAS[arguments.kind](), indent=2, ensure_ascii=False))
    return 0


def run_new(arguments: argparse.Namespace) -> int:
    name = arguments.name
    target = Path(name) if name.endswith((".yaml", ".yml")) else SOURCES / f"{name}.yaml"
    if target.exists() and not arguments.force:
        raise InputError(f"{target}:1:1: already exists (use --force to overwrite)")
    title = target.stem.replace("-", " ").replace("_", " ").title()
    text = TEMPLATE.read_text(encoding="utf-8").replace("{{title}}", title)
    from builder.write.files import write_atomic

    write_atomic(target, text.encode("utf-8"))
    print(f"wrote {target}: edit it, then run 'course-builder build {target}'")
    return 0


def run_build(arguments: argparse.Namespace) -> int:
    """Build sources under one layout; a course layout given as input builds all its lectures.

    Every layout is loaded and every lecture planned before anything is built, so that two
    lectures that would write the same file are refused before a byte is written.
    """
    from builder.build import BuildResult
    from builder.course import LectureJob, build_course, check_distinct, default_workers, plan_course
    from builder.layout import load_layout
    from builder.progress import LectureProgress

    formats = _formats(arguments)
    inputs = list(dict.fromkeys(arguments.inputs)) or sorted(SOURCES.glob("*.yaml"))
    if not inputs:
        raise InputError(f"{SOURCES}/: no sources to build (try 'course-builder new my-lecture')")
    out = arguments.out or OUTPUT
    strict = False if getattr(arguments, "no_strict", False) else None
    courses = [path for path in inputs if _is_layout(path)]
    sources = [path for path in inputs if path not in courses]
    if courses and arguments.layout:
        raise InputError(f"{courses[0]}:1:1: a course layout is its own layout: "
                         f"build it without --layout")

    def report(result: BuildResult) -> None:
        for warning in result.warnings:
            print(warning, file=sys.stderr)
        if result.skipped:
            print(f"up to date: {result.manifest} (use --force to rebuild)")
            return
        for fmt, written in result.outputs.items():
            print(f"wrote {written}")
        if result.checked:
            print(result.checked.line())

    def run(jobs: list[LectureJob]) -> None:
        """Every lecture on every core (``-j``), with a progress line per lecture; one lecture
        on several cores has its deck drawn by a process forked now, which imports the deck's
        modules while this one loads and resolves the lecture (``DeckWorker(prewarm=True)``)."""
        workers = getattr(arguments, "jobs", None) or default_workers()
        worker = None
        if len(jobs) == 1 and workers > 1 and sorted(jobs[0].formats) == ["pdf", "pptx"]:
            from builder.worker import DeckWorker

            if DeckWorker.possible():
                worker = DeckWorker(prewarm=True, layout=jobs[0].layout)
        try:
            build_course(jobs, report=report, workers=workers, worker=worker,
                         progress=LectureProgress(len(jobs)) if len(jobs) > 1 else None)
        finally:
            if worker is not None:  # done with, or never given a document (still importing)
                worker.discard()

    plans = [plan_course(load_layout(course, strict=strict), out, formats, arguments.edition,
                         check=not arguments.no_check,
                         incremental=not getattr(arguments, "force", False),
                         strict=getattr(arguments, "strict", False))
             for course in courses]
    jobs: list[LectureJob] = []
    if sources:
        layout = load_layout(arguments.layout, strict=strict)
        jobs = [LectureJob(path, layout, out, tuple(formats), arguments.edition,
                           check=not arguments.no_check, strict=getattr(arguments, "strict", False))
                for path in sources]
    check_distinct([job for plan in plans for job in plan] + jobs)
    for plan in plans:
        run(plan)
    if jobs:
        run(jobs)
    return 0


def _formats(arguments: argparse.Namespace) -> list[str]:
    from builder.build import FORMATS

    formats = [f.strip() for f in arguments.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise InputError(f"--format: unknown format '{','.join(unknown)}' (use pdf, pptx or pdf,pptx)")
    return formats


def run_watch(arguments: argparse.Namespace) -> int:
    """Build the sources (or a course's lectures), then rebuild each on every save."""
    from builder.course import course_slug
    from builder.layout import load_layout
    from builder.watch import Lecture, Watcher, watch

    formats = _formats(arguments)
    inputs = list(arguments.inputs) or sorted(SOURCES.glob("*.yaml"))
    if not inputs:
        raise InputError(f"{SOURCES}/: no sources to watch (try 'course-builder new my-lecture')")
    out = arguments.out or OUTPUT
    strict = False if arguments.no_strict else None
    lectures: list[Lecture] = []
    for path in inputs:
        if _is_layout(path):
            course = load_layout(path, strict=strict)
            lectures += [Lecture(Path(source), path, out / course_slug(course))
                         for source in course.course.lectures]
        else:
            lectures.append(Lecture(path, arguments.layout, out))
    watch(Watcher(lectures, tuple(formats), arguments.edition, check=not arguments.no_check,
                  strict=strict))
    return 0


def run_check(arguments: argparse.Namespace) -> int:
    from builder.check.compare import check_paths

    return check_paths(arguments.paths)
