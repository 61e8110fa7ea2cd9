"""The pipeline for one lecture: load → resolve → render (PDF | PPTX) → write → check.

Each stage is a function of its inputs only, so course builds can run lectures in parallel
and a watch mode can rebuild one lecture. Both outputs are rendered to bytes, read back and
checked before anything is replaced: a failure at any step leaves the previous files untouched.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from builder.errors import RenderError
from builder.resolve.editions import Edition
from builder.text.adapt import collecting, note
from builder.layout.model import Layout
from builder.resolve.document import Document, resolve
from builder.load.source import load_source
from builder.write.files import prepare_outputs, stage_bytes, staging_folder, write_together

if TYPE_CHECKING:
    from builder.check.lectures import CheckSummary

FORMATS = ("pdf", "pptx")
MANIFEST_SUFFIX = ".manifest.json"  # builder.check.manifest.SUFFIX, named here without importing check


def _render_pdf(document: Document) -> bytes:
    from builder.guide import render_guide

    return render_guide(document)


def _render_pptx(document: Document) -> bytes:
    from builder.deck import render_deck

    return render_deck(document)


RENDERERS: dict[str, Callable[[Document], bytes]] = {"pdf": _render_pdf, "pptx": _render_pptx}


def _render(fmt: str, document: Document) -> bytes:
    """One format's bytes, its renderer's objects freed before the next stage allocates.

    python-pptx's and reportlab's object graphs are cyclic, so they wait for the cycle
    collector; at 1,000 slides the deck's XML trees alone are ~100 MiB. Collecting here keeps
    them from coexisting with the other renderer's and with the read-back's. A small output's
    garbage is small, and a full collection costs in proportion to everything alive (0.4 s
    per call in a long test process), so only a large output pays for one.
    """
    data = RENDERERS[fmt](document)
    if len(data) > COLLECT_ABOVE:
        gc.collect()
    return data


COLLECT_ABOVE = 2 * 1024 * 1024  # bytes of output: a deck of ~100 slides, a guide of ~60 pages


def render_all(document: Document, formats: Iterable[str], parallel: bool = False,
               ready: Callable[[str, bytes], None] | None = None,
               worker: Any = None) -> dict[str, bytes]:
    """Each format's bytes; with ``parallel`` (and two cores, and ``fork``), the deck is drawn in
    a forked process while this one draws the guide.

    Only worth it for one lecture on an otherwise idle machine: a course build already gives
    every core a lecture, and a watch keeps its caches in this process, so both render here.
    ``ready(fmt, data)`` is called here as each format is done; in a parallel build, for the
    guide while the deck is still being drawn (the build stages and reads the guide back then).
    ``worker``: a long-lived ``builder.worker.DeckWorker`` (a watch's) draws the deck instead
    of a process forked for this build.
    """
    formats = list(formats)
    if worker is not None and sorted(formats) == ["pdf", worker.fmt] and worker.start(document):
        return _render_with(worker, document, formats, ready)
    if not (parallel and len(formats) == 2 and (os.cpu_count() or 1) > 1
            and "fork" in multiprocessing.get_all_start_methods()):
        rendered = {}
        for fmt in formats:
            rendered[fmt] = _render(fmt, document)
            if ready is not None:
                ready(fmt, rendered[fmt])
        return rendered
    here, there = formats
    receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the forked child
        status = 0
        try:
            receive.close()
            try:
                spare_core(there)
                with collecting() as adaptations:  # this process's own, sent to the parent
                    data = _render(there, document)
                read = _read_ahead(there, data, ready is not None)
                send.send(("ok", (data, adaptations, read)))
            except BaseException as error:  # noqa: BLE001 - handed to the parent to raise
                try:
                    send.send(("error", error))
                except Exception:  # noqa: BLE001 - an error that cannot be pickled
                    send.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))
            send.close()
        except BaseException:  # noqa: BLE001
            status = 1
        finally:
            os._exit(status)
    send.close()
    try:
        try:
            rendered = {here: _render(here, document)}
            if ready is not None:
                ready(here, rendered[here])
        except BaseException:
            os.kill(child, signal.SIGKILL)  # it may be blocked sending what nobody will read
            raise
        try:
            kind, value = receive.recv()
        except EOFError:
            raise RuntimeError(f"rendering the {there} in a second process failed") from None
    finally:
        receive.close()
        os.waitpid(child, 0)
    if kind == "error":
        raise value
    rendered[there], adaptations, read = value
    for adaptation in adaptations:  # after the guide's own, as a serial build notes them
        note(adaptation.where, adaptation.message)
    if ready is not None:
        ready(there, rendered[there], read)
    return {fmt: rendered[fmt] for fmt in formats}


def spare_core(fmt: str) -> None:
    """In a process drawing ``fmt`` while another draws the other output: the deck may
    compute its maps' scenes in one more process (``builder.deck.ahead``), on the core the
    guide's process leaves idle once the guide is done."""
    if fmt == "pptx":
        from builder.deck import ahead

        ahead.use_spare_core()


def _read_ahead(fmt: str, data: bytes, wanted: bool) -> object | None:
    """In the process that drew the deck: the deck read back from its bytes, for the build's
    manifest and check (``builder.check.readback.ReadDeck``); None when nobody will read it."""
    if fmt != "pptx" or not wanted:
        return None
    from builder.check.readback import read_deck_ahead

    return read_deck_ahead(data)


def _render_with(worker: Any, document: Document, formats: list[str],
                 ready: Callable[[str, bytes], None] | None) -> dict[str, bytes]:
    """The guide drawn here while ``worker`` draws the deck (see ``render_all``). In a cold
    build (a worker forked for this build alone) the guide's modules, once imported, are set
    aside from the cycle collector as the worker's own are (``worker._prewarm``); a watch's
    long-lived process froze what it keeps once, after its first build (``watch.settle``)."""
    if getattr(worker, "cold", False):
        import builder.guide  # noqa: F401

        gc.freeze()
    try:
        guide = _render("pdf", document)
        if ready is not None:
            ready("pdf", guide)
    except BaseException:
        worker.close()  # it is still drawing what nobody will read
        raise
    deck, adaptations, read = worker.finish()
    for adaptation in adaptations:  # after the guide's own, as a serial build notes them
        note(adaptation.where, adaptation.message)
    if ready is not None:
        ready(worker.fmt, deck, read)
    rendered = {"pdf": guide, worker.fmt: deck}
    return {fmt: rendered[fmt] for fmt in formats}


@dataclass
class BuildResult:
    """What one lecture's build wrote."""

    source: Path
    outputs: dict[str, Path] = field(default_factory=dict)
    document: Document | None = None
    manifest: Path | None = None
    checked: CheckSummary | None = None  # set when the outputs were read back and compared
    skipped: bool = False  # an incremental build found the outputs up to date
    warnings: tuple[str, ...] = ()  # ``path:line:col: warning: …`` where content was adapted


def output_paths(source_path: Path, out_dir: Path, formats: Iterable[str]) -> list[Path]:
    """Every file building ``source_path`` writes: one per format and the manifest."""
    stem = Path(source_path).stem
    return [*(out_dir / f"{stem}.{fmt}" for fmt in formats), out_dir / f"{stem}{MANIFEST_SUFFIX}"]


def build_lecture(source_path: Path, layout: Layout, out_dir: Path,
                  formats: Iterable[str] = FORMATS, edition: Edition | None = None,
                  check: bool = True, incremental: bool = False,
                  strict: bool = False, parallel: bool = False, worker: Any = None
                  ) -> BuildResult:
    """Build one source into ``out_dir/<stem>.<format>`` for each requested format.

    Content that needs setting beyond the layout's preferred sizes is adapted, and each
    adaptation is a warning on the result; with ``strict`` they are errors instead (nothing
    is written).

    Every build writes ``<stem>.manifest.json`` (pages and slides read back from the files).
    With ``check``, the outputs are then compared with each other and with the manifest (see
    ``builder.check.compare``); a single-format build checks its one file against the manifest
    only. ``incremental``: outputs its manifest shows up to date are left alone
    (``builder.check.incremental``). All of it happens in a hidden staging folder inside
    ``out_dir``; only a build that got through every step replaces the outputs, all together
    (``write_together``), so a failure at any point leaves the previous PDF, deck and manifest
    byte for byte as they were.
    ``parallel``: the guide and the deck are rendered at once in two processes (``render_all``).
    """
    formats = tuple(formats)
    prepare_outputs(output_paths(source_path, out_dir, formats))
    source = load_source(source_path)
    document = resolve(source, layout, edition)
    if incremental:
        from builder.check import incremental as fresh
        from builder.check.manifest import manifest_path

        if fresh.up_to_date(document, source_path, out_dir, formats, check):
            return BuildResult(source_path,
                               {fmt: out_dir / f"{source.stem}.{fmt}" for fmt in formats},
                               document, manifest_path(out_dir, document.stem), skipped=True)
    if not formats:
        return BuildResult(source_path, {}, document)
    with staging_folder(out_dir) as staging:
        final = {fmt: out_dir / f"{source.stem}.{fmt}" for fmt in formats}
        staged = {fmt: staging / path.name for fmt, path in final.items()}
        opened: dict = {}  # the files as read back, once, for the manifest and the check

        def ready(fmt: str, data: bytes, read: object | None = None) -> None:
            """Stage each output as it is done. While a second process still draws the deck,
            read the guide back in the meantime; that process reads its deck back itself
            (``read``: from the same bytes), so neither holds both files' trees at once."""
            stage_bytes(staged[fmt], data)
            if read is not None:
                opened[fmt] = read
            if (parallel or worker is not None) and fmt == "pdf" and "pptx" not in opened:
                from builder.check.readback import read_guide_ahead

                read_guide_ahead(staged[fmt], opened)

        with collecting() as adaptations:
            rendered = render_all(document, formats, parallel, ready, worker)
        # the check's modules are imported only now: before the deck's
        # process is forked they would be paid on both outputs' critical paths
        from builder.check import incremental as fresh
        from builder.check.manifest import build_manifest, dumps, manifest_path

        warnings = tuple(str(adaptation) for adaptation in adaptations)
        if strict and warnings:  # before anything is accepted: no partial output
            raise RenderError([f"{line} (--strict)" for line in warnings])
        result = BuildResult(source_path, final, document, warnings=warnings)
        manifest = build_manifest(document, source_path, staged, out_dir, opened)
        manifest["outputs"] = {fmt: path.name for fmt, path in sorted(final.items())}
        manifest_bytes = dumps(manifest)
        stage_bytes(manifest_path(staging, document.stem), manifest_bytes)
        if check:
            result.checked = _check_staged(staged, document.stem, staging, out_dir, opened)
        manifest[fresh.RECORD] = fresh.record(staged, checked=check)  # only once it passed
        manifest_bytes = dumps(manifest)
    result.manifest = manifest_path(out_dir, document.stem)
    write_together({**{path: rendered[fmt] for fmt, path in final.items()},
                    result.manifest: manifest_bytes})
    return result


def _check_staged(staged: dict[str, Path], stem: str, staging: Path, out_dir: Path,
                  opened: dict):
    """Check the staged outputs; a mismatch names the files where they were to be written."""
    from builder.check.compare import check_build
    from builder.errors import CheckError

    try:
        return check_build(staged, stem, opened)
    except CheckError as error:
        raise CheckError([line.replace(str(staging), str(out_dir)) for line in error.mismatches]
                         ) from None
