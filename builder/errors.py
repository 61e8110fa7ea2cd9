"""One exception tree for everything a user can cause or we can get wrong.

Library code raises these; only the CLI maps them to exit codes, so a build can be
embedded (watch mode, parallel course builds) without anything calling ``sys.exit``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One actionable problem at a place in a file: ``path:line:col: field: message``."""

    path: str
    line: int
    column: int
    message: str
    field: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def problem_at(where: str, message: str, field: str = "") -> Problem:
    """A Problem at a model's ``where`` (``path:line:col``); a bare path stands at 1:1."""
    path, line, column = (where.rsplit(":", 2) + ["", ""])[:3]
    if line.isdigit() and column.isdigit():
        return Problem(path, int(line), int(column), message, field)
    return Problem(where or "input", 1, 1, message, field)


class BuilderError(Exception):
    """Base of every error course-builder reports to a user."""

    exit_status = 3

    def lines(self) -> list[str]:
        """The error as the lines the CLI prints, one problem per line."""
        return [str(self)]


class InputError(BuilderError):
    """Bad input in a file: carries every problem found, so all are reported at once."""

    exit_status = 2

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, (Problem, str)):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):  # a parallel course build sends errors between processes
        return type(self), (self.problems,)

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class SourceError(InputError):
    """A lecture source is malformed or inconsistent."""


class LayoutError(InputError):
    """A layout is malformed, inconsistent or unreachable."""


class OutputError(InputError):
    """The outputs cannot be written where asked (``--out`` is a file, read-only, or clashes)."""


class RenderError(InputError):
    """Rendering failed because of what the input asks for (a block too large, a missing glyph)."""


class CheckError(BuilderError):
    """The built outputs disagree with each other or with their manifest."""

    exit_status = 1

    def __init__(self, mismatches: list[str]):
        self.mismatches = list(mismatches)
        super().__init__("\n".join(self.mismatches))

    def __reduce__(self):
        return type(self), (self.mismatches,)

    def lines(self) -> list[str]:
        return list(self.mismatches)
