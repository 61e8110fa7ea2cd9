"""A long-lived second process that draws decks for a long-lived first one (``watch``).

A watch rebuilds in one process so that imports, fonts, measured text and figure scenes stay
warm; drawing the guide and the deck one after the other then costs their sum. A forked
process per rebuild would draw them at once but start cold for the deck every time (its
caches die with it). The deck worker is forked once, after the first build warmed this
process, and keeps drawing decks: each rebuild sends it the resolved Document (pickled, a few
milliseconds) while this process draws the guide, and both keep their own caches warm.

The bytes are the same as a serial build's: the worker runs the same renderer on an equal
Document (``tests/test_determinism.py``).
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import signal
import threading
from typing import Any

from builder.resolve.document import Document
from builder.text.adapt import collecting


_first_cold = True  # no cold build's worker forked in this process yet (``DeckWorker``)


class DeckWorker:
    """One forked process drawing one format on request (``start`` then ``finish``)."""

    def __init__(self, fmt: str = "pptx", prewarm: bool = False, layout: Any = None) -> None:
        """``prewarm``: the worker imports its renderer and the deck's read-back as soon as
        it is forked, while this process is still loading and resolving the lecture (a cold
        build forks it first thing, so those imports leave the deck's critical path). What
        both processes need (``share``) is set up here first, once, and inherited."""
        global _first_cold
        self.fmt = fmt
        # the first cold build in this process sets what it holds aside from the cycle
        # collector (``gc.freeze``: here, and after the guide's imports, ``build._render_with``):
        # in a fresh ``course-builder`` process that is imports, fonts and one lecture. Never
        # again in the same process (tests and the benchmark build in process): a freeze
        # pins for good whatever garbage is not yet collected
        self.cold = prewarm and _first_cold
        self._busy = False
        if prewarm:
            share(layout)
        if self.cold:
            _first_cold = False
            gc.freeze()
        ours, theirs = multiprocessing.get_context("fork").Pipe(duplex=True)
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the forked child
            status = 0
            try:
                ours.close()
                if prewarm:
                    _prewarm(fmt)
                _serve(theirs, fmt, spare=prewarm)
            except BaseException:  # noqa: BLE001
                status = 1
            finally:
                os._exit(status)
        theirs.close()
        self.pid: int | None = pid
        self._connection = ours

    @staticmethod
    def possible() -> bool:
        """Two cores, ``fork``, and only this thread (forking a threaded process can leave the
        child waiting on a lock another thread held)."""
        return ((os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()
                and threading.active_count() == 1)

    @property
    def alive(self) -> bool:
        return self.pid is not None

    def start(self, document: Document) -> bool:
        """Send a document to draw; False (and the worker closed) when it cannot take it."""
        if not self.alive:
            return False
        try:
            self._connection.send(document)
        except Exception:  # noqa: BLE001 - a dead worker or an unpicklable document
            self.close()
            return False
        self._busy = True
        return True

    def finish(self) -> tuple[bytes, list[Any], Any]:
        """The drawn bytes, the adaptations noted while drawing and the deck as read back
        there (``builder.check.readback.ReadDeck``); the renderer's error is raised here as it
        would have been in this process."""
        self._busy = False
        try:
            kind, value = self._connection.recv()
        except (EOFError, OSError):
            self.close()
            raise RuntimeError(f"drawing the {self.fmt} in the second process failed") from None
        if kind == "error":
            raise value
        return value

    def discard(self) -> None:
        """Stop the worker at once, whatever it is doing (it holds nothing to save: killed, it
        may still be importing or waiting for a document)."""
        self._busy = True
        self.close()

    def close(self) -> None:
        """Stop the worker (it is killed if it is still drawing)."""
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        try:
            if self._busy:
                os.kill(pid, signal.SIGKILL)
            else:
                self._connection.send(None)
        except OSError:
            pass
        self._connection.close()
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


# what the guide's process and the deck's both import: text measurement, figure scenes and
# the read-back (with reportlab's font machinery, PIL, lxml, the right-to-left shaper), and
# xml.sax.saxutils, which both python-pptx and reportlab import (it brings urllib.request,
# http.client and ssl: ~0.05 s)
SHARED_MODULES = ("xml.sax.saxutils", "builder.text.measure", "builder.text.rtl",
                  "builder.text.hyphenate", "builder.charts.figures", "builder.charts.maps",
                  "builder.charts.timeline", "builder.charts.images", "builder.charts.tables",
                  "builder.resolve.scenecache", "builder.resolve.references",
                  "builder.check.readback")


def share(layout: Any = None) -> None:
    """Before forking a cold build's worker: import what both outputs' processes import, and
    register the layout's fonts (each face parsed once, not once per process); the fork
    inherits both. Nothing here can fail the build: a font that cannot be registered is left
    for the renderer, which meets the same error where it always did."""
    for name in SHARED_MODULES:
        importlib.import_module(name)
    from builder.text import nobreak

    nobreak._date_patterns()  # every language's month names, compiled once for both
    if layout is None:
        return
    from builder.text import measure
    from builder.text.fonts import faces

    for role in ("heading", "body", "mono"):
        try:
            measure.register(faces(getattr(layout.fonts, role)))
        except Exception:  # noqa: BLE001 - resolve or the renderer reports it
            pass


def _prewarm(fmt: str) -> None:  # pragma: no cover - runs in the forked child
    """Import what drawing ``fmt`` and reading it back will need, then set those modules'
    objects aside from the cycle collector (``gc.freeze``, as ``share`` did before the fork):
    this process's collections then walk only what drawing allocates."""
    if fmt == "pptx":
        import builder.check.readback  # noqa: F401
        import builder.deck  # noqa: F401
    else:
        import builder.guide  # noqa: F401
    gc.freeze()


def _serve(connection, fmt: str, spare: bool = False) -> None:  # pragma: no cover - child
    """Draw each document sent; ``spare``: a cold build's worker, beside a process that
    only draws the guide, may use a third process for the deck's maps (``build.spare_core``)."""
    from builder.build import _read_ahead, _render, spare_core

    if spare:
        spare_core(fmt)

    while True:
        try:
            document = connection.recv()
        except EOFError:
            return
        if document is None:
            return
        try:
            with collecting() as adaptations:
                data = _render(fmt, document)
            connection.send(("ok", (data, adaptations, _read_ahead(fmt, data, True))))
        except BaseException as error:  # noqa: BLE001 - handed to the parent to raise
            try:
                connection.send(("error", error))
            except Exception:  # noqa: BLE001 - an error that cannot be pickled
                connection.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))
