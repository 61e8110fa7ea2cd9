"""Adaptations: where a renderer set content beyond the layout's preferred sizes.

Legitimate content is never refused: a long title wraps to a third line, shrinks to the
layout's floor, or continues; a long word breaks. When a renderer adapts beyond what the
layout prefers it says so here, at the source location, and the build prints each as a
``path:line:col: warning: …`` line (``--strict`` makes them errors). Collection is scoped
(``collecting``), so parallel builds in other processes and nested builds keep their own.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class Adaptation:
    """One adaptation beyond the preferred sizes, at a ``path:line:col``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: warning: {self.message}" if self.where else \
            f"warning: {self.message}"


_collected: ContextVar[list[Adaptation] | None] = ContextVar("adaptations", default=None)


def note(where: str, message: str) -> None:
    """Record an adaptation (ignored when nobody is collecting, as in a bare render call)."""
    collected = _collected.get()
    if collected is not None:
        adaptation = Adaptation(where, message)
        if adaptation not in collected:
            collected.append(adaptation)


@contextmanager
def collecting() -> Iterator[list[Adaptation]]:
    """Collect the adaptations made inside the block into the list it yields."""
    collected: list[Adaptation] = []
    token = _collected.set(collected)
    try:
        yield collected
    finally:
        _collected.reset(token)
