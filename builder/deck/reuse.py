"""Slides a watch drew in its last build, added again when nothing they show has changed.

A one-word edit changes one slide of a deck; drawing the other seventy costs most of a
rebuild. Each slide is a function of its spec (what the plan decided it shows, already
measured), its number (the footer prints it) and the deck's furniture: the layout and the
files it names, the language, the edition, the fonts, the grid, the footer line and, for a
figure slide, the numbered figure and its files. A slide whose key is the same as in the last
build of the lecture is taken from that build as bytes (``slideparts.SlideMaker.add_drawn``
rebuilds its relationships with the same ids and part names), so the deck is the one a cold
build writes, byte for byte (``tests/test_warm.py``).

Only a long-lived process gains from it, and a one-off build would hold every slide's bytes
for nothing, so it is off until a watch turns it on (``enable``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Hashable

from builder.deck.slideparts import Drawn
from builder.deck.specs import FigureSlide, SlideSpec
from builder.resolve import scenecache
from builder.resolve.document import Document

KEEP = 16  # lectures remembered: a watched course's decks, the last build of each

_enabled = False
_last: dict[Hashable, dict[Hashable, Drawn]] = {}
_counts = {"reused": 0, "drawn": 0}  # the last deck's, for tests and the benchmark


def enable(on: bool = True) -> None:
    """Keep each build's slides for the next build of the same lecture (``watch`` does)."""
    global _enabled
    _enabled = on
    if not on:
        _last.clear()


def _stamp(path: Path | str | None) -> tuple:
    if not path:
        return ()
    try:
        stat = Path(path).stat()
    except (OSError, ValueError):
        return (str(path), None, None)
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _files(value: Any) -> list[str]:
    """Every absolute path to a file in a layout (templates, logos, font files): a file saved
    under the same name changes the slides drawn from it."""
    found: list[str] = []
    if isinstance(value, dict):
        for item in value.values():
            found += _files(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            found += _files(item)
    elif isinstance(value, str) and value.startswith("/") and "\n" not in value \
            and len(value) < 4096 and Path(value).is_file():
        found.append(value)
    return found


def _figure_files(figure: Any, document: Document) -> tuple:
    return tuple(_stamp(document.asset(value)) for name in ("path", "outline")
                 if isinstance(value := getattr(figure, name, None), str) and value)


class Reuse:
    """One deck's lookups in the last build's slides, and the slides this build keeps."""

    def __init__(self, document: Document, furniture: tuple) -> None:
        layout = document.layout
        dumped = layout.model_dump(mode="json")
        self.document = document
        self.lecture = (document.stem, str(document.source_folder), document.edition.edition)
        self.context = (layout.model_dump_json(), tuple(_stamp(f) for f in sorted(
            set(_files(dumped)))), document.language, document.han_language,
            document.edition.edition, document.course_label,
            tuple(sorted((name, repr(faces)) for name, faces in document.fonts.items())),
            furniture)
        self.previous = _last.get(self.lecture, {})
        self.kept: dict[Hashable, Drawn] = {}
        self.reused = 0

    def key(self, spec: SlideSpec, number: int) -> Hashable | None:
        """What the slide depends on; None when something in it cannot be compared."""
        extra: tuple = ()
        if isinstance(spec, FigureSlide):
            numbered = self.document.figure(spec.figure_id)
            extra = (scenecache.content(numbered.figure), numbered.number, numbered.words,
                     _figure_files(numbered.figure, self.document))
        key = (self.context, dataclasses.replace(spec, where=""), number, extra)
        try:
            hash(key)
        except TypeError:
            return None
        return key

    def get(self, key: Hashable | None) -> Drawn | None:
        return self.previous.get(key) if key is not None else None

    def keep(self, key: Hashable | None, drawn: Drawn | None, reused: bool = False) -> None:
        self.reused += reused
        if key is not None and drawn is not None:
            self.kept[key] = drawn

    def close(self, slides: int) -> None:
        """This build's slides become the ones the next build of the lecture looks up."""
        _counts.update(reused=self.reused, drawn=slides - self.reused)
        _last.pop(self.lecture, None)
        _last[self.lecture] = self.kept
        while len(_last) > KEEP:
            del _last[next(iter(_last))]


def counts() -> dict[str, int]:
    """How many slides the last deck drawn in this process took from the build before, and
    how many it drew."""
    return dict(_counts)


def start(document: Document, furniture: tuple) -> Reuse | None:
    """A ``Reuse`` for this deck when a watch enabled it, else None (draw every slide)."""
    return Reuse(document, furniture) if _enabled else None
