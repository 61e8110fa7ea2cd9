"""Progress of a build of several lectures, on stderr (stdout keeps the "wrote …" lines).

On a terminal, a status line under the finished lectures shows which are being built; in a
log (not a terminal) each lecture gets exactly one line when it is done, so CI logs stay
readable and grep-able.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from builder.errors import BuilderError

if TYPE_CHECKING:
    from builder.course import LectureJob

CLEAR_LINE = "\r\x1b[K"


class LectureProgress:
    """One line per finished lecture; on a terminal, a live line of those in progress."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total, self.done = total, 0
        self.stream = stream or sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.running: list[str] = []

    def started(self, job: LectureJob) -> None:
        self.running.append(job.source.stem)
        self._status()

    def finished(self, job: LectureJob, outcome: object, seconds: float) -> None:
        name = job.source.stem
        if name in self.running:
            self.running.remove(name)
        self.done += 1
        if isinstance(outcome, BuilderError):
            what = "failed"
        elif getattr(outcome, "skipped", False):
            what = "up to date"
        else:
            what = f"built in {seconds:.1f} s"
        width = len(str(self.total))
        self._write(f"[{self.done:>{width}}/{self.total}] {name}: {what}\n")
        self._status()

    def _status(self) -> None:
        if self.live and self.running:
            self._write(f"building {', '.join(self.running)} "
                        f"({self.done}/{self.total} done)")

    def _write(self, text: str) -> None:
        if self.live:
            text = CLEAR_LINE + text
        self.stream.write(text)
        self.stream.flush()
