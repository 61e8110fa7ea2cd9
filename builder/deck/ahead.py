"""A deck's map scenes computed ahead, in a process of their own, while the deck draws.

A cold build of one lecture draws the guide in one process and the deck in another
(``builder.build``). The deck's map scene (its label search) is the costliest single step of
either, and the guide's process is done long before the deck's: the machine's second core
sits idle at the end while the deck is still searching. So as soon as the box of every map
slide is known, before the deck is planned (``start_early``: the sections holding a map are
planned alone first), the deck's process forks one more: it computes each map's scene
(``scenes.map_request``, exactly the request ``add_scene_group`` makes) and sends it back,
while the deck is planned and draws the slides before it; the operating system gives the
three processes the two cores. (Forked after the whole plan, the map's process was still
searching when the deck reached its map, and the deck waited for it.) When the deck reaches a map, ``scenecache.cached_scene`` takes the
scene from this process (``scenecache.expect``), with the adaptations noted while computing
it, which are noted again here, where computing it would have noted them.

The forked process starts from the deck process's own state (fonts, measured text, caches)
and runs the same pure computation, so the scene, pickled and read back (floats exactly),
is the one the deck would have computed itself, and the bytes are the same. If anything goes
wrong there (an error, a killed process) the deck computes the scene itself, and meets the
same error at the same place. Only a process that has a core to spare turns this on
(``use_spare_core``: the deck process of a cold single-lecture build); a course build
already gives every core a lecture, and a serial build draws both outputs in one process.
"""

from __future__ import annotations

import gc
import os
import signal
from functools import partial
from typing import Any

from builder.charts.maps import map_scene
from builder.deck.figurekit import FigureBox
from builder.deck.grid import Grid, figure_boxes
from builder.deck.plan import plan_sections
from builder.deck.scenes import map_request
from builder.deck.specs import FigureSlide, Plan
from builder.model import FigureRef, MapFigure, Section
from builder.resolve import scenecache
from builder.resolve.document import Document
from builder.text.adapt import collecting, note

_spare_core = False


def use_spare_core(spare: bool = True) -> None:
    """Let this process fork one more to compute map scenes ahead (see the module)."""
    global _spare_core
    _spare_core = spare


def map_boxes(document: Document, grid: Grid, plan: Plan) -> list[tuple[MapFigure, FigureBox]]:
    """Every map the plan draws, with the EMU box ``slides`` gives ``add_figure`` for it."""
    found = []
    for spec in plan.slides:
        if not isinstance(spec, FigureSlide):
            continue
        figure = document.figure(spec.figure_id).figure
        if isinstance(figure, MapFigure):
            area = figure_boxes(grid.titled(spec.title_lines), spec.caption_height,
                                spec.credit_height, spec.figure_width)[0]
            found.append((figure, FigureBox(*(int(value) for value in area.emu()))))
    return found


class Ahead:
    """The process computing scenes ahead, and what it has sent so far."""

    def __init__(self) -> None:
        self.pid: int | None = None
        self._connection: Any = None
        self._received: list[tuple[str, Any, list]] = []
        self._count = 0

    def fetch(self, index: int) -> Any:
        """The ``index``-th scene asked for (waiting for it), its adaptations noted here;
        None when it could not be computed there."""
        while len(self._received) <= index:
            try:
                self._received.append(self._connection.recv())
            except (EOFError, OSError):
                return None
        kind, scene, adaptations = self._received[index]
        if kind != "ok":
            return None
        for adaptation in adaptations:
            note(adaptation.where, adaptation.message)
        return scene

    def close(self) -> None:
        """Stop the process (killed if it is still computing what nobody will ask for)."""
        scenecache.forget_expected()
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        if len(self._received) < self._count:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        self._connection.close()
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def start_early(document: Document, grid: Grid) -> Ahead | None:
    """``start`` for the maps of the sections that show one, before the deck is planned: those
    sections are planned alone, as the deck will plan them (``plan.plan_sections``; what that
    notes is dropped, the deck's own plan notes it). A map the deck then asks for otherwise
    (another box, another part) is not the one expected: the deck computes it itself."""
    if not _spare_core:
        return None

    def shows_a_map(section: Section) -> bool:
        return any(isinstance(block, FigureRef)
                   and isinstance(document.figure(block.figure).figure, MapFigure)
                   for block in section.blocks)

    if not any(shows_a_map(section) for section in document.lecture.sections):
        return None
    with collecting():  # dropped: the deck's plan notes the same again
        plan = plan_sections(document, grid, shows_a_map)
    return start(document, grid, plan)


def start(document: Document, grid: Grid, plan: Plan) -> Ahead | None:
    """Fork the process computing the plan's map scenes, when this process may; None when
    there is nothing to compute ahead (no map, or every map's scene is already known)."""
    if not _spare_core:
        return None
    import multiprocessing

    ahead = Ahead()
    wanted = []
    for figure, box in map_boxes(document, grid, plan):
        _, arguments, options = map_request(document, figure, box)
        if scenecache.expect(partial(ahead.fetch, len(wanted)), map_scene, document, figure,
                             *arguments, **options):
            wanted.append((figure, arguments, options))
    if not wanted:
        return None
    receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
    try:
        pid = os.fork()
    except OSError:  # no process to spare after all: the deck computes its maps
        scenecache.forget_expected()
        receive.close(), send.close()
        return None
    if pid == 0:  # pragma: no cover - runs in the forked child
        try:
            # short-lived: a collection would walk (and so copy) every page of the deck
            # process's objects that the child shares with it until it writes them
            gc.disable()
            receive.close()
            for figure, arguments, options in wanted:
                try:
                    with collecting() as adaptations:
                        scene = map_scene(figure, *arguments, **options)
                    send.send(("ok", scene, adaptations))
                except Exception:  # noqa: BLE001 - the deck computes it and meets the error
                    send.send(("error", None, []))
            send.close()
        finally:
            os._exit(0)
    send.close()
    ahead.pid, ahead._connection, ahead._count = pid, receive, len(wanted)
    return ahead
