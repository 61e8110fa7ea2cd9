"""The deck read back with zipfile and lxml: its slides in order, each slide's shapes' names
and text, and nothing else.

The check needs only which slide holds which named shape and what a few of them say.
python-pptx builds an object graph of the whole package for that (at 1,000 slides it was the
largest allocation of a build); here each slide's XML is parsed, its shapes listed, and its
tree dropped before the next. Shapes are found and their text is read as python-pptx does
(``tests/test_deck_readback.py`` compares the two): a shape is a ``p:sp``, ``p:grpSp``,
``p:graphicFrame``, ``p:cxnSp``, ``p:pic`` or ``p:contentPart`` child of the shape tree or of a
group, in document order, each group before its members; only ``p:sp`` has a text frame, a
paragraph's text is its runs' and fields' text with a line break as a vertical tab.

A watch reads its deck back after every save, and most slides are byte for byte the last
build's: a slide's shapes are remembered by the digest of its XML, so an unchanged slide is
read from the file and hashed but not parsed again.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import zipfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from lxml import etree

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" \
                  "officeDocument"
SHAPE_TAGS = {f"{_P}{name}" for name in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic",
                                          "contentPart")}
LIMIT = 4096  # slides remembered: a watched course's decks

_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True, remove_blank_text=False)
_slides: OrderedDict[bytes, tuple["Shape", ...]] = OrderedDict()


@dataclass(frozen=True)
class Shape:
    """One shape as the check sees it: its name and, for a text shape, its paragraphs."""

    name: str
    paragraphs: tuple[str, ...] | None  # None: no text frame (a picture, group, chart, line)

    @property
    def has_text_frame(self) -> bool:
        return self.paragraphs is not None

    @property
    def text(self) -> str:
        """The text frame's text, paragraphs joined by line feeds (python-pptx's)."""
        return "\n".join(self.paragraphs or ())


def _paragraph(element: etree._Element) -> str:
    parts = []
    for child in element:
        if child.tag in (f"{_A}r", f"{_A}fld"):
            text = child.find(f"{_A}t")
            parts.append(text.text or "" if text is not None else "")
        elif child.tag == f"{_A}br":
            parts.append("\v")
    return "".join(parts)


def _walk(tree: etree._Element, found: list[Shape]) -> None:
    for element in tree:
        if element.tag not in SHAPE_TAGS:
            continue
        properties = element[0].find(f"{_P}cNvPr") if len(element) else None
        name = properties.get("name", "") if properties is not None else ""
        paragraphs = None
        if element.tag == f"{_P}sp":
            body = element.find(f"{_P}txBody")
            # python-pptx gives a text shape without a body an empty one: one empty paragraph
            paragraphs = tuple(_paragraph(p) for p in body.iterfind(f"{_A}p")) \
                if body is not None else ("",)
        found.append(Shape(name, paragraphs))
        if element.tag == f"{_P}grpSp":
            _walk(element, found)


def slide_shapes(data: bytes) -> tuple[Shape, ...]:
    """Every shape of one slide's XML, in python-pptx's order (remembered by digest)."""
    key = hashlib.sha256(data).digest()
    if key in _slides:
        _slides.move_to_end(key)
        return _slides[key]
    root = etree.fromstring(data, _PARSER)
    tree = root.find(f"{_P}cSld/{_P}spTree")
    found: list[Shape] = []
    if tree is not None:
        _walk(tree, found)
    shapes = tuple(found)
    _slides[key] = shapes
    if len(_slides) > LIMIT:
        _slides.popitem(last=False)
    return shapes


def _targets(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """A part's relationships: id → the target's name in the zip."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    root = etree.fromstring(archive.read(rels), _PARSER)
    targets = {}
    for rel in root.iter(f"{_REL}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(folder, target))
        targets[rel.get("Id", "")] = path
    return targets


class DeckPackage:
    """A .pptx opened for reading back: its slides' shapes, one slide at a time.

    The zip is opened for each reading and closed after it (a staged file is renamed or
    removed once the build is checked)."""

    def __init__(self, source: Path | str | bytes | IO[bytes]) -> None:
        self._source = io.BytesIO(source) if isinstance(source, bytes) else \
            str(source) if isinstance(source, Path) else source
        with self._open() as archive:
            root_rels = etree.fromstring(archive.read("_rels/.rels"), _PARSER)
            main = next((rel.get("Target", "").lstrip("/") for rel in
                         root_rels.iter(f"{_REL}Relationship")
                         if rel.get("Type") == OFFICE_DOCUMENT), None)
            if not main:
                raise KeyError("the package names no presentation part")
            presentation = etree.fromstring(archive.read(main), _PARSER)
            targets = _targets(archive, main)
        ids = presentation.find(f"{_P}sldIdLst")
        self.slide_parts = [targets[one.get(f"{_R}id")] for one in
                            (ids.iterfind(f"{_P}sldId") if ids is not None else ())]

    def _open(self) -> zipfile.ZipFile:
        if hasattr(self._source, "seek"):
            self._source.seek(0)
        return zipfile.ZipFile(self._source)

    def slides(self) -> Iterator[tuple[Shape, ...]]:
        """Each slide's shapes, in the presentation's order."""
        with self._open() as archive:
            for part in self.slide_parts:
                yield slide_shapes(archive.read(part))


def forget() -> None:
    _slides.clear()
