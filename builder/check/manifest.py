"""The build manifest: what went into a lecture's outputs and where each section and figure landed.

``<stem>.manifest.json`` lets ``course-builder check`` (and a person, or a later build) see what
a build promised without re-resolving the source: input hashes, the edition, and each section's
and figure's page in the guide and slide in the deck. Pages and slides are read back from the
written files, since only the files know them. The JSON is deterministic (sorted keys, no
timestamps, paths relative to the manifest) so an unchanged rebuild writes identical bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Callable

from builder import __version__
from builder.text.inline import plain
from builder.layout.model import Layout
from builder.check.readback import (deck_figures, deck_sections, open_deck, open_pdf, pdf_figures,
                              pdf_sections)
from builder.resolve.document import Document
from builder.write.files import write_atomic

SUFFIX = ".manifest.json"
FORMAT_VERSION = 1
ASSET_FIELDS = ("path", "outline")
LAYOUT_SUFFIXES = {".yaml", ".yml"}  # figure fields naming files relative to the source


def manifest_path(out_dir: Path, stem: str) -> Path:
    return out_dir / f"{stem}{SUFFIX}"


def stem_of(path: Path) -> str:
    """``x.manifest.json`` → ``x``; ``x.pdf`` → ``x``."""
    name = path.name
    return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else path.stem


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str | None:
    """The file's hash, or None when it cannot be read (the manifest says so, it does not fail)."""
    try:
        return sha256_bytes(path.read_bytes())
    except OSError:
        return None


_PACKAGE = Path(__file__).resolve().parent.parent  # the builder package


def _relative(path: Path, folder: Path) -> str:
    """A path as seen from the manifest's folder, so moving a whole tree keeps the manifest.

    Files shipped with course-builder (the default layout, bundled fonts) are named inside the
    package, so the manifest does not depend on where course-builder is installed.
    """
    if path.resolve().is_relative_to(_PACKAGE):
        return "course-builder:" + path.resolve().relative_to(_PACKAGE).as_posix()
    try:
        return Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_posix()


def layout_files(layout: Layout) -> list[Path]:
    """The files a layout was merged from (packaged default first), when the loader says."""
    for name in ("chain", "files", "source_files"):
        files = getattr(layout, name, None)
        if files:
            return [Path(f) for f in files]
    where = layout.where.rsplit(":", 2)[0] if layout.where.count(":") >= 2 else ""
    return [Path(where)] if where and Path(where).is_file() else []


def layout_assets(layout: Layout) -> list[Path]:
    """Files the layout names (logos, templates, font files): every absolute path to a file.

    YAML files are left out: they are layouts (hashed as ``files``) or a course's other sources.

    The loader makes every relative path in a layout absolute, so finding them needs no list
    of fields that would go stale as the layout model grows.
    """
    found: set[Path] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif (isinstance(value, str) and Path(value).is_absolute() and Path(value).is_file()
              and Path(value).suffix not in LAYOUT_SUFFIXES):
            found.add(Path(value))

    walk(layout.model_dump(mode="json"))
    return sorted(found)


def asset_paths(document: Document) -> list[str]:
    """The files the lecture's figures name (images, map outlines), relative to the source."""
    names: set[str] = set()
    for numbered in document.figures.values():
        for field in ASSET_FIELDS:
            value = getattr(numbered.figure, field, None)
            if isinstance(value, str) and value:
                names.add(value)
    return sorted(names)


def inputs_of(document: Document, source_path: Path, folder: Path) -> dict[str, Any]:
    """What went into the build, by hash (an incremental build compares it with the last one)."""
    layout_json = json.dumps(document.layout.model_dump(mode="json"), sort_keys=True,
                             ensure_ascii=False, separators=(",", ":"))
    return {
        "source": {"path": _relative(source_path, folder), "sha256": sha256_file(source_path)},
        "layout": {
            "name": document.layout.name,
            "sha256": sha256_bytes(layout_json.encode("utf-8")),
            "files": [{"path": _relative(f, folder), "sha256": sha256_file(f)}
                      for f in layout_files(document.layout)],
            "assets": [{"path": _relative(f, folder), "sha256": sha256_file(f)}
                       for f in layout_assets(document.layout)],
        },
        "assets": [{"path": name, "sha256": sha256_file(document.asset(name))}
                   for name in asset_paths(document)],
    }


def _read(reader: Callable[[Any], Any], source: Any, default: Any = None) -> Any:
    """Read an output back, or ``default`` when it is absent or unreadable.

    An unreadable file still gets a manifest (with ``null`` pages); the check then names it.
    """
    if source is None:
        return default
    try:
        return reader(source)
    except Exception:  # noqa: BLE001 - reported by the check, which reads the file itself
        return default


def build_manifest(document: Document, source_path: Path, outputs: dict[str, Path],
                   folder: Path, opened: dict[str, Any] | None = None) -> dict[str, Any]:
    """The manifest of one build; ``outputs`` maps each built format to its file.

    A page or slide is ``null`` when its format was not built or the file lacks the
    destination or shape (the check then reports it). ``opened`` receives the files as
    read (format → reader), so the build's check reads each file once, not twice.
    """
    opened = {} if opened is None else opened
    for fmt, opener in (("pdf", open_pdf), ("pptx", open_deck)):
        if fmt not in opened and (file := _read(opener, outputs.get(fmt))) is not None:
            opened[fmt] = file
    pdf, pptx = opened.get("pdf"), opened.get("pptx")
    guide_pages = {s.key: s.page for s in _read(pdf_sections, pdf, [])}
    deck_slides = {s.key: s.slide for s in _read(deck_sections, pptx, [])}
    figure_pages = {f.id: f.page for f in _read(pdf_figures, pdf, [])}
    figure_slides = {f.id: f.slide or f.caption_slide for f in _read(deck_figures, pptx, [])}
    sections = [{"id": section.key, "title": plain(section.title),
                 "pdf_page": guide_pages.get(section.key),
                 "deck_slide": deck_slides.get(section.key)}
                for section in document.lecture.sections]
    figures = [{"id": figure_id, "number": numbered.number, "caption": plain(numbered.caption),
                "pdf_page": figure_pages.get(figure_id),
                "deck_slide": figure_slides.get(figure_id)}
               for figure_id, numbered in sorted(document.figures.items(),
                                                 key=lambda item: item[1].number)]
    return {
        "manifest": FORMAT_VERSION,
        "builder": {"name": "course-builder", "version": __version__},
        "stem": document.stem,
        "edition": document.edition.edition,
        "inputs": inputs_of(document, source_path, folder),
        "outputs": {fmt: _relative(path, folder) for fmt, path in sorted(outputs.items())},
        "sections": sections,
        "figures": figures,
    }


def dumps(manifest: dict[str, Any]) -> bytes:
    """Deterministic bytes: sorted keys, fixed indentation, trailing newline."""
    text = json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def write_manifest(document: Document, source_path: Path, outputs: dict[str, Path],
                   out_dir: Path, opened: dict[str, Any] | None = None) -> Path:
    """Read the written outputs back and write ``<stem>.manifest.json`` beside them, atomically."""
    path = manifest_path(out_dir, document.stem)
    write_atomic(path, dumps(build_manifest(document, source_path, outputs, out_dir, opened)))
    return path


def load_manifest(path: Path) -> dict[str, Any]:
    """Parse a manifest; raise ValueError with a readable reason when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot read it ({error})") from error
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON (line {error.lineno}: {error.msg})") from error
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list) \
            or not isinstance(data.get("figures"), list):
        raise ValueError("not a course-builder manifest (no sections/figures lists)")
    for kind, fields in (("sections", ("id", "title")), ("figures", ("id", "caption"))):
        for index, row in enumerate(data[kind]):
            if not isinstance(row, dict) or not all(isinstance(row.get(f), str) for f in fields):
                raise ValueError(f"{kind}[{index}] lacks {' or '.join(fields)}")
    if not isinstance(data.get("outputs", {}), dict):
        raise ValueError("outputs is not a mapping")
    return data
