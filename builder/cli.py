"""The ``course-builder`` command: the only place errors become messages and exit codes."""

from __future__ import annotations

import argparse
import atexit
import os
import re
import sys
import traceback
from enum import IntEnum
from pathlib import Path
from typing import NoReturn, Sequence

from builder import __version__
from builder.errors import BuilderError, InputError

PROG = "course-builder"
_LOCATED = re.compile(r"^\S.*:\d+:\d+: ")  # ``path:line:col: …`` lines are printed as they are


class ExitStatus(IntEnum):
    OK = 0
    CHECK_FAILED = 1
    BAD_INPUT = 2
    INTERNAL_ERROR = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Turn YAML lecture summaries into a "
                                     "PDF study guide and a PowerPoint deck.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--root", type=Path, default=None, help=argparse.SUPPRESS)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show tracebacks")
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS,
                        help="folder every file a source or layout names must be inside "
                             "(default: the working directory and the input's project)")
    commands = _Commands(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"),
                         common)

    build = commands.add_parser("build", help="build sources (or a course layout) into PDF and PPTX")
    _add_build_options(build)
    build.add_argument("--strict", action="store_true",
                       help="content the builder had to adapt (a title shrunk below the "
                            "layout's preferred size, a word broken) is an error, not a warning")
    build.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                       help="lectures built at once, in parallel processes "
                            "(default: the machine's cores)")
    build.add_argument("--force", action="store_true",
                       help="rebuild a course's lectures even when their manifests show them "
                            "up to date")

    watch = commands.add_parser("watch", help="build, then rebuild on every save of a source, "
                                "layout or asset (Ctrl-C stops)")
    _add_build_options(watch)

    validate = commands.add_parser("validate", help="check sources and layouts without building")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.add_argument("--layout", type=Path, help="layout the sources are resolved against "
                                                      "(default: the packaged default)")
    validate.add_argument("--edition", choices=("student", "instructor"),
                          help="override the layout's edition")

    schema = commands.add_parser("schema", help="print a JSON Schema")
    schema.add_argument("kind", choices=("source", "layout"))

    new = commands.add_parser("new", help="scaffold a commented source that validates")
    new.add_argument("name", help="lecture name (written to sources/NAME.yaml) or a .yaml path")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")

    check = commands.add_parser("check", help="verify built PDF and PPTX files match")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    return parser


def _jobs(text: str) -> int:
    """``-j N``: a whole number of processes, at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes") from None
    if value < 1:
        raise argparse.ArgumentTypeError("use at least 1 process")
    return value


class _Commands:
    """Subparsers that all accept the global options (``build --debug`` as well as ``--debug build``)."""

    def __init__(self, subparsers, common: argparse.ArgumentParser):
        self.subparsers, self.common = subparsers, common

    def add_parser(self, name: str, **kwargs) -> argparse.ArgumentParser:
        return self.subparsers.add_parser(name, parents=[self.common], **kwargs)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status (never raises for user errors)."""
    arguments = _parser().parse_args(argv)
    try:
        return int(_run(arguments))
    except BuilderError as error:
        for line in error.lines():
            located = isinstance(error, InputError) and _LOCATED.match(line)
            print(line if located else f"{PROG}: error: {line}", file=sys.stderr)
        if arguments.debug:
            traceback.print_exc()
        return error.exit_status
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence
        if arguments.debug:
            traceback.print_exc()
        print(f"{PROG}: internal error: {type(error).__name__}: {error} "
              f"(run with --debug for the traceback)", file=sys.stderr)
        return ExitStatus.INTERNAL_ERROR


def run() -> NoReturn:
    """The ``course-builder`` script and ``python -m builder``: ``main``, then the process
    ends at once.

    A build leaves hundreds of thousands of objects (fonts, layouts, the Document, the
    renderers' trees); tearing the interpreter down frees each one and runs a last full
    collection over them, which cost a cold build more than its whole read-back (~0.1 s
    quiet, 0.2–0.3 s on a loaded machine). Nothing is lost by skipping it: the outputs are
    written and closed by then; exit handlers still run and both streams are flushed."""
    status = main()
    atexit._run_exitfuncs()  # what a normal exit would run (coverage's, multiprocessing's)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can reach it
            pass
    os._exit(status)


def _run(arguments: argparse.Namespace) -> int:
    from builder import commands
    from builder.load.files import project_root_set

    if arguments.root is not None and not arguments.root.is_dir():
        raise InputError(f"--root: '{arguments.root}' is not a folder")
    handler = getattr(commands, f"run_{arguments.command}")
    with project_root_set(arguments.root):
        return handler(arguments)


def _add_build_options(parser: argparse.ArgumentParser) -> None:
    """What to build and how: shared by ``build`` and ``watch``, which rebuilds the same way."""
    parser.add_argument("inputs", nargs="*", type=Path, metavar="SOURCE",
                        help="source files, or a course layout; default: every file in sources/")
    parser.add_argument("--layout", type=Path, help="layout file (default: the packaged default)")
    parser.add_argument("--out", type=Path, help="output folder (default: output/)")
    parser.add_argument("--format", default="pdf,pptx", help="pdf, pptx or pdf,pptx (default)")
    parser.add_argument("--edition", choices=("student", "instructor"),
                        help="override the layout's edition")
    parser.add_argument("--no-check", action="store_true", help="skip reading the outputs back")
    parser.add_argument("--no-strict", action="store_true",
                        help="accessibility problems in a layout are warnings, not errors")
