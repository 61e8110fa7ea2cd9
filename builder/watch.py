"""``course-builder watch``: rebuild on save, in one long-lived process.

Every lecture is built once, then the files it was built from (its source, its layout's
chain and assets, its figures' assets) are watched; a save rebuilds only the lectures that
read the saved file, a saved layout is loaded again first. Errors are printed and the watch
goes on: the next save may fix them. Staying in one process keeps what a fresh build pays
for warm: imports, registered fonts, measured text widths, parsed layouts; a deck worker
(``builder.worker``), forked once after the first build, draws each deck while this process
draws the guide, and keeps the deck's own caches warm too.
"""

from __future__ import annotations

import gc
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, TextIO

from builder.build import FORMATS, build_lecture
from builder.check.manifest import asset_paths, layout_assets, layout_files
from builder.errors import BuilderError, InputError
from builder.layout.model import Layout
from builder.resolve.editions import Edition
from builder.worker import DeckWorker

GC_YOUNGEST = 5000  # allocations between young collections in a watch (Python's default: 700)
DEBOUNCE_MS = 200  # an editor's save is often several writes (temp file, rename, touch)


@dataclass
class Lecture:
    """One watched lecture: its source, the layout file it builds with and its output folder."""

    source: Path
    layout_path: Path | None  # None: the packaged default
    out_dir: Path
    inputs: set[Path] = field(default_factory=set)  # every file the last build read


@dataclass
class Watcher:
    """The lectures being watched and how to build them; ``rebuild`` reacts to saved files."""

    lectures: list[Lecture]
    formats: tuple[str, ...] = FORMATS
    edition: Edition | None = None
    check: bool = True
    strict: bool | None = None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    layouts: dict[Path | None, Layout] = field(default_factory=dict)
    builds: int = 0  # builds attempted, for callers that wait for one
    worker: Any = None  # a builder.worker.DeckWorker drawing decks beside this process

    def build_all(self) -> None:
        from builder.deck import reuse

        reuse.enable()  # a long-lived process: keep each deck's slides for the next rebuild
        self._build(self.lectures)

    def settle(self) -> None:
        """After the first build, before waiting for saves: what this process holds now (its
        imports, fonts, layouts, caches) is set aside from the cycle collector, which then
        walks only what a rebuild allocates, and collects less often (a rebuild makes tens of
        thousands of short-lived objects). About a twentieth of a rebuild's time; done before
        the deck worker is forked, whose pages then stay shared with this process."""
        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_YOUNGEST, *gc.get_threshold()[1:])

    def watched(self) -> set[Path]:
        """Every file some lecture depends on (or would, if its last build had got that far)."""
        files: set[Path] = set()
        for lecture in self.lectures:
            files |= lecture.inputs | {lecture.source.resolve()}
            if lecture.layout_path is not None:
                files.add(lecture.layout_path.resolve())
        return files

    def rebuild(self, changed: Iterable[Path]) -> list[Lecture]:
        """Rebuild the lectures that read any ``changed`` file; return them."""
        changed = {Path(path).resolve() for path in changed}
        stale_layouts = {key for key, layout in self.layouts.items()
                         if changed & set(_layout_inputs(layout))}
        for key in stale_layouts:
            del self.layouts[key]
        affected = [lecture for lecture in self.lectures
                    if changed & (lecture.inputs | {lecture.source.resolve()})
                    or lecture.layout_path in stale_layouts
                    or (lecture.layout_path is not None
                        and lecture.layout_path.resolve() in changed)]
        self._build(affected)
        return affected

    def _layout(self, path: Path | None) -> Layout:
        if path not in self.layouts:
            from builder.layout import load_layout

            self.layouts[path] = load_layout(path, strict=self.strict)
        return self.layouts[path]

    def _build(self, lectures: list[Lecture]) -> None:
        for lecture in lectures:
            start = time.perf_counter()
            self.builds += 1
            try:
                layout = self._layout(lecture.layout_path)
                lecture.inputs |= set(_layout_inputs(layout))
                result = build_lecture(lecture.source, layout, lecture.out_dir, self.formats,
                                       self.edition, check=self.check, worker=self.worker)
            except BuilderError as error:
                for line in error.lines():
                    print(line if isinstance(error, InputError) else f"error: {line}",
                          file=self.err)
                print(f"{_clock()} {lecture.source.name}: not built (fix it and save again)",
                      file=self.err, flush=True)
                continue
            except Exception as error:  # noqa: BLE001 - a watch must survive a bad save
                print(f"{_clock()} {lecture.source.name}: internal error: "
                      f"{type(error).__name__}: {error}", file=self.err, flush=True)
                continue
            document = result.document
            lecture.inputs = {lecture.source.resolve(), *_layout_inputs(layout),
                              *(document.asset(name).resolve() for name in asset_paths(document))}
            checked = f"; {result.checked.line()}" if result.checked else ""
            print(f"{_clock()} {lecture.source.name}: built in "
                  f"{time.perf_counter() - start:.1f} s{checked}", file=self.out, flush=True)


def _layout_inputs(layout: Layout) -> list[Path]:
    return [path.resolve() for path in (*layout_files(layout), *layout_assets(layout))]


def _clock() -> str:
    return time.strftime("%H:%M:%S")


def watch(watcher: Watcher, stop_event=None, debounce_ms: int = DEBOUNCE_MS) -> None:
    """Build everything, then rebuild on every save until Ctrl-C (or ``stop_event`` is set).

    Folders are watched rather than files: editors save by writing a new file and renaming
    it over the old one. A build that starts reading a file in another folder (a new figure
    image) widens the watch.
    """
    from watchfiles import watch as file_events

    watcher.build_all()
    watcher.settle()
    print(f"watching {len(watcher.lectures)} lecture(s); Ctrl-C to stop", file=watcher.out,
          flush=True)
    try:
        if watcher.worker is None and "pdf" in watcher.formats and "pptx" in watcher.formats \
                and DeckWorker.possible():
            watcher.worker = DeckWorker()  # forked now, warm from the first build
        _watch_files(watcher, stop_event, debounce_ms, file_events)
    finally:
        if watcher.worker is not None:
            watcher.worker.close()
            watcher.worker = None


def _watch_files(watcher: Watcher, stop_event, debounce_ms: int, file_events) -> None:
    while stop_event is None or not stop_event.is_set():
        folders = sorted({path.parent for path in watcher.watched()})
        for events in file_events(*folders, debounce=debounce_ms, stop_event=stop_event,
                                  recursive=False, raise_interrupt=False, rust_timeout=500):
            saved = {Path(path).resolve() for _, path in events} & watcher.watched()
            if saved:
                watcher.rebuild(saved)
            if sorted({path.parent for path in watcher.watched()}) != folders:
                break
        else:
            return  # stopped or interrupted
