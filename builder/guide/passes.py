"""The guide's layout passes, started from what the last build of the same lecture settled on.

``multiBuild`` lays the whole guide out again until its indexing flowables (the page total
behind "Page N of M", the contents' entries and page numbers) agree with the pass before. A
cold build needs two passes at least: the first knows no entries and no total. A watch
rebuilds the same lecture after a small edit, so the last build's final state is almost
always already right, and one pass is enough.

Why the bytes stay those of a cold build: the final pass of any build starts from the state
it then confirms (a fixed point), and that state is unique. Neither the page total nor the
contents' page numbers change the layout: the total is drawn in the page furniture, outside
the frames, and reportlab's contents draws page numbers in an ``onDraw`` callback, outside the
entries' wrapped text. So every pass whose contents lists the right entries lays out the same
pages, and the page numbers it finds are the only ones consistent. A seed that is wrong (a
heading was renamed, a page added) is simply not confirmed: another pass follows, as in a
cold build, and ends at the same fixed point.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Hashable

from reportlab.platypus import Flowable

KEEP = 16  # lectures remembered: a watched course's, at a few hundred bytes each


@dataclass(frozen=True)
class Settled:
    """What the indexing flowables held after a build's final pass, in story order."""

    states: tuple[Any, ...]
    passes: int = 0  # how many passes the build took (one, when its seed was confirmed)


_settled: dict[Hashable, Settled] = {}


def _state(flowable: Flowable) -> Any:
    """An indexing flowable's state, as ``beforeBuild`` will take it for the last pass's."""
    if hasattr(flowable, "_entries"):  # reportlab's TableOfContents (our Contents)
        return ("entries", tuple(flowable._entries))
    if hasattr(flowable, "current"):  # builder.guide.template.PageTotal
        return ("current", flowable.current)
    return None


def _restore(flowable: Flowable, state: Any) -> None:
    kind, value = state
    if kind == "entries":
        flowable._entries = list(value)
    else:
        flowable.current = value


def seed(key: Hashable, story: list[Flowable]) -> None:
    """Give the story's indexing flowables the state the last build with ``key`` ended in
    (nothing when there was none, or when the story's indexing flowables are of other kinds)."""
    settled = _settled.get(key)
    indexing = [flowable for flowable in story if flowable.isIndexing()]
    if settled is None or len(settled.states) != len(indexing):
        return
    states = [_state(flowable) for flowable in indexing]
    if any(state is None or old is None or state[0] != old[0]
           for state, old in zip(states, settled.states)):
        return
    for flowable, state in zip(indexing, settled.states):
        _restore(flowable, state)


def remember(key: Hashable, story: list[Flowable], passes: int) -> None:
    """Keep the state the story's indexing flowables settled on, for the next build of ``key``."""
    states = tuple(_state(flowable) for flowable in story if flowable.isIndexing())
    _settled.pop(key, None)
    _settled[key] = Settled(states, passes)
    while len(_settled) > KEEP:
        del _settled[next(iter(_settled))]


def last(key: Hashable) -> Settled | None:
    """What the last build of ``key`` settled on, and in how many passes."""
    return _settled.get(key)


def forget() -> None:
    """Drop every remembered state (a test's cold build in this process)."""
    _settled.clear()
