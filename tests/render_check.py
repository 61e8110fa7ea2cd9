"""An independent render check: what the outputs look like once another program draws them.

The builder measures text with its own font metrics and trusts them; this module does not.
Decks are drawn by LibreOffice (``soffice --convert-to pdf``), guides are read as reportlab
wrote them, and every word's position comes back from poppler (``pdftotext -bbox-layout``).
Nothing here imports the builder's measuring code: shape frames are read from the .pptx with
python-pptx, and the guide's margins are passed in by the caller.

Two rules, for every page of both outputs:

* no word overlaps a word of another line (text printed over text), and no glyph overlaps a
  glyph of another string (``glyph_collisions``: inside a figure, a reportlab Drawing's
  labels or the text LibreOffice draws for a native chart, poppler may join colliding
  strings into one line or one word, and the word rule cannot see them);
* no word leaves what holds it: on a slide, the shape whose text it is (a text box, a table,
  a chart); on a guide page, the page's margins (the running header and footer may sit in
  the top and bottom margins, but not off the page).

Findings are plain lines a person can act on: file, page or slide, the words, what is wrong.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

EMU_PER_POINT = 12700
_XHTML = "{http://www.w3.org/1999/xhtml}"
_BULLETS = set("•◦▪▫‣⁃–—-·●○■□►▶✓✔")


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in points, y growing downwards (as poppler reports it)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def contains_point(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1

    def distance(self, other: "Box") -> float:
        """Gap between two boxes (0 when they touch or overlap)."""
        dx = max(other.x0 - self.x1, self.x0 - other.x1, 0.0)
        dy = max(other.y0 - self.y1, self.y0 - other.y1, 0.0)
        return (dx * dx + dy * dy) ** 0.5

    def overlap(self, other: "Box") -> tuple[float, float]:
        """Width and height of the intersection (0 when disjoint)."""
        return (max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0)),
                max(0.0, min(self.y1, other.y1) - max(self.y0, other.y0)))

    def escape(self, outer: "Box", tolerance_x: float, tolerance_y: float) -> float:
        """How far this box sticks out of ``outer`` beyond the tolerances (0 if inside)."""
        return max(outer.x0 - tolerance_x - self.x0, self.x1 - outer.x1 - tolerance_x,
                   outer.y0 - tolerance_y - self.y0, self.y1 - outer.y1 - tolerance_y, 0.0)


@dataclass(frozen=True)
class Word:
    text: str
    box: Box
    line: int
    """Index of the poppler line the word belongs to, unique within its page."""


    @property
    def rotated(self) -> bool:
        """Set vertically (a rotated axis title): poppler boxes such words loosely."""
        return len(self.text) >= 2 and self.box.height > 1.2 * self.box.width


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Finding:
    """One defect, readable on its own: ``deck.pptx slide 12: … overlaps …``."""

    file: str
    where: str
    problem: str
    owner: str = "text"

    def __str__(self) -> str:
        return f"{self.file} {self.where}: {self.problem}"


# ------------------------------------------------------------------------------------------
# Reading the words back


def read_pages(pdf: Path) -> list[Page]:
    """Every word of a PDF with its box and line, from ``pdftotext -bbox-layout``."""
    result = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                            capture_output=True, text=True)
    # poppler escapes &, < and > but the XHTML may carry stray control characters.
    cleaned = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", result.stdout)
    root = ET.fromstring(cleaned)
    pages = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), start=1):
        words, line_index = [], 0
        for line in page.iter(f"{_XHTML}line"):
            for word in line.iter(f"{_XHTML}word"):
                box = Box(*(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                words.append(Word(word.text or "", box, line_index))
            line_index += 1
        pages.append(Page(number, float(page.get("width")), float(page.get("height")),
                          tuple(words)))
    return pages


def overlapping_words(page: Page) -> list[tuple[Word, Word]]:
    """Pairs of words on different lines whose boxes overlap substantially.

    Poppler's word boxes run from the font's ascent to its descent, so lines set solid
    (leading 1.0) touch or overlap slightly; a pair counts only when the boxes share more
    than a third of the smaller height and more than a point of width.
    """
    words = sorted(page.words, key=lambda w: w.box.y0)
    vertical = vertical_lines(page)
    pairs = []
    for i, first in enumerate(words):
        for second in words[i + 1:]:
            if second.box.y0 >= first.box.y1:
                break
            if second.line == first.line or first.rotated or second.rotated or \
                    not first.text.strip() or not second.text.strip():
                continue
            if first.line in vertical or second.line in vertical:
                continue
            width, height = first.box.overlap(second.box)
            smaller = min(first.box.height, second.box.height)
            if width > 1.0 and height > smaller / 3:
                pairs.append((first, second))
    return pairs


def vertical_lines(page: Page) -> set[int]:
    """Lines poppler read from text set vertically (an axis title turned up the side,
    "Number of students (n = 30)"): one with a rotated word, or whose words stand one above
    the other. Their short words ("of", "=") are boxed as if upright, and "overlap"."""
    lines: dict[int, list[Word]] = defaultdict(list)
    for word in page.words:
        lines[word.line].append(word)
    vertical = set()
    for index, words in lines.items():
        stacked = len(words) > 1 and all(
            abs(w.box.x0 - words[0].box.x0) < 1.0 and w.box.overlap(words[0].box)[1] < 1.0
            for w in words[1:])
        if stacked or any(w.rotated for w in words):
            vertical.add(index)
    return vertical


def _overlap_findings(file: str, where: str, page: Page) -> list[Finding]:
    findings = []
    for first, second in overlapping_words(page):
        findings.append(Finding(file, where, f"“{first.text}” overlaps “{second.text}” "
                                             f"at ({first.box.x0:.0f}, {first.box.y0:.0f}) pt"))
    return findings


# ------------------------------------------------------------------------------------------
# Glyphs colliding (inside figures)


@dataclass(frozen=True)
class Glyph:
    text: str
    box: Box
    baseline: float
    size: float
    run: int
    """Index of the string (same baseline, contiguous) the glyph belongs to on its page."""


def _glyphs(page) -> list[Glyph]:
    """A pdfplumber page's upright glyphs, each with the string it was set in: glyphs that
    follow each other in the content stream on one baseline, each after the one before
    (two strings drawn on the same baseline over each other stay two strings)."""
    glyphs: list[Glyph] = []
    run, last = -1, None
    for char in chars(page):
        if not char.get("upright", True) or char["x1"] <= char["x0"] \
                or char["bottom"] <= char["top"]:
            continue
        baseline, size = round(char["bottom"], 1), float(char["size"] or 1.0)
        follows = (last is not None and abs(baseline - last[0]) <= 0.05
                   and last[1] - size * 0.2 <= char["x0"] <= last[1] + size * 0.6)
        if not follows:
            run += 1
        last = (baseline, char["x1"])
        if char["text"].strip():
            glyphs.append(Glyph(char["text"], Box(char["x0"], char["top"], char["x1"],
                                                  char["bottom"]), baseline, size, run))
    return glyphs


def chars(page) -> Iterator[dict]:
    """A pdfplumber page's characters as ``page.chars`` gives them (the same order, boxes in
    its top-down coordinates, text, size, upright, font name, fill colour), read straight from pdfminer's layout:
    ``page.chars`` converts every object on the page (each curve's points, every colour) into
    a dict first, about half of the time of a glyph pass over a deck."""
    from pdfminer.layout import LTChar, LTContainer

    height = page.height
    left, top = page.mediabox[:2]
    pending = [iter(page.layout._objs)]
    while pending:
        obj = next(pending[-1], None)
        if obj is None:
            pending.pop()
        elif isinstance(obj, LTContainer):  # a form XObject (LTFigure): its own objects
            pending.append(iter(obj._objs))
        elif isinstance(obj, LTChar):
            colour = obj.graphicstate.ncolor
            yield {"text": obj.get_text(), "x0": obj.x0 + left, "x1": obj.x1 + left,
                   "top": height - obj.y1 + top, "bottom": height - obj.y0 + top,
                   "size": obj.size, "upright": obj.upright, "fontname": obj.fontname,
                   "non_stroking_color": colour if isinstance(colour, tuple) else (colour,)}


def _run_text(glyphs: list[Glyph], run: int) -> str:
    return "".join(g.text for g in glyphs if g.run == run)


def glyph_collisions(pdf: Path) -> dict[int, list[tuple[str, str, Box]]]:
    """Per page (1-based), pairs of strings whose glyphs print over each other: glyph boxes
    of different strings sharing more than a third of the smaller glyph's height and half
    its width (kerning and solid leading stay under that). Each pair once per page."""
    import pdfplumber  # the test extras have it; the module stays importable

    found: dict[int, list[tuple[str, str, Box]]] = {}
    with pdfplumber.open(str(pdf)) as document:
        for number, page in enumerate(document.pages, start=1):
            glyphs = _glyphs(page)
            cells: dict[tuple[int, int], list[int]] = defaultdict(list)
            for index, glyph in enumerate(glyphs):
                for cx in range(int(glyph.box.x0 // 24), int(glyph.box.x1 // 24) + 1):
                    for cy in range(int(glyph.box.y0 // 24), int(glyph.box.y1 // 24) + 1):
                        cells[cx, cy].append(index)
            pairs: dict[tuple[int, int], Box] = {}
            for members in cells.values():
                for i, a in enumerate(members):
                    for b in members[i + 1:]:
                        first, second = glyphs[a], glyphs[b]
                        if first.run == second.run:
                            continue
                        key = (min(first.run, second.run), max(first.run, second.run))
                        if key in pairs:
                            continue
                        width, height = first.box.overlap(second.box)
                        if (width > 0.5 * min(first.box.width, second.box.width)
                                and height > min(first.box.height, second.box.height) / 3):
                            pairs[key] = first.box
            if pairs:
                found[number] = [(_run_text(glyphs, a), _run_text(glyphs, b), box)
                                 for (a, b), box in sorted(pairs.items())]
    return found


def _glyph_findings(file: str, where: str, collisions: list[tuple[str, str, Box]],
                    page: Page) -> list[Finding]:
    """Collisions the word rule has not already reported at that place."""
    reported = [first.box for first, _ in overlapping_words(page)]
    findings = []
    for first, second, box in collisions:
        if any(box.distance(other) < 2.0 for other in reported):
            continue
        findings.append(Finding(file, where, f"“{first}” collides with “{second}” at "
                                             f"({box.x0:.0f}, {box.y0:.0f}) pt", "figures"))
    return findings


# ------------------------------------------------------------------------------------------
# Decks


@dataclass
class Frame:
    """Where a slide shape is, and the text it holds (flattened for matching)."""

    name: str
    kind: str  # text, table, chart, picture, other
    box: Box
    flat: str = ""
    tokens: set[str] = field(default_factory=set)
    grouped: bool = False
    """Inside a group shape: the builder draws maps and timelines as groups."""


def _normal(text: str) -> str:
    """Compared without spaces and the invisible word joiner the typography puts in a name
    with a number ("R-\u206012"): the PDF's text of it has none."""
    return re.sub(r"[\s\u2060]+", "", text).casefold()


def _tokens(text: str) -> set[str]:
    return {_normal(t) for t in text.split() if t.strip()}


def _shape_text(shape) -> str:
    if shape.has_text_frame:
        return shape.text_frame.text
    if getattr(shape, "has_table", False) and shape.has_table:
        return "\n".join(cell.text for row in shape.table.rows for cell in row.cells)
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return _chart_text(shape.chart)
    return ""


def _chart_text(chart) -> str:
    parts = []
    if chart.has_title and chart.chart_title.has_text_frame:
        parts.append(chart.chart_title.text_frame.text)
    for plot in chart.plots:
        parts += [str(c) for c in plot.categories]
        parts += [s.name or "" for s in plot.series]
    for axis_name in ("category_axis", "value_axis"):
        try:
            axis = getattr(chart, axis_name)
        except (ValueError, KeyError):
            continue
        if axis.has_title and axis.axis_title.has_text_frame:
            parts.append(axis.axis_title.text_frame.text)
    return "\n".join(parts)


def _kind(shape) -> str:
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return "chart"
    if getattr(shape, "has_table", False) and shape.has_table:
        return "table"
    if shape.shape_type is not None and "PICTURE" in str(shape.shape_type):
        return "picture"
    return "text" if shape.has_text_frame else "other"


def _frames(shapes, transform=lambda box: box, grouped: bool = False) -> list[Frame]:
    frames = []
    for shape in shapes:
        if shape.left is None or shape.width is None:
            continue
        box = transform(Box(shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT,
                            (shape.left + shape.width) / EMU_PER_POINT,
                            (shape.top + shape.height) / EMU_PER_POINT))
        if shape.shape_type is not None and "GROUP" in str(shape.shape_type):
            frames += _frames(shape.shapes, _group_transform(shape, transform), True)
            continue
        text = _shape_text(shape)
        frames.append(Frame(shape.name, _kind(shape), box, _normal(text), _tokens(text), grouped))
    return frames


def _group_transform(group, outer):
    """Child coordinates of a group (``chOff``/``chExt``) mapped to the slide."""
    xfrm = group._element.grpSpPr.find(
        "{http://schemas.openxmlformats.org/drawingml/2006/main}xfrm")
    off = xfrm.find("{http://schemas.openxmlformats.org/drawingml/2006/main}off")
    ext = xfrm.find("{http://schemas.openxmlformats.org/drawingml/2006/main}ext")
    ch_off = xfrm.find("{http://schemas.openxmlformats.org/drawingml/2006/main}chOff")
    ch_ext = xfrm.find("{http://schemas.openxmlformats.org/drawingml/2006/main}chExt")
    if ch_off is None or ch_ext is None:
        return outer
    ox, oy = int(off.get("x")) / EMU_PER_POINT, int(off.get("y")) / EMU_PER_POINT
    ew, eh = int(ext.get("cx")) / EMU_PER_POINT, int(ext.get("cy")) / EMU_PER_POINT
    cx, cy = int(ch_off.get("x")) / EMU_PER_POINT, int(ch_off.get("y")) / EMU_PER_POINT
    cw, ch = int(ch_ext.get("cx")) / EMU_PER_POINT, int(ch_ext.get("cy")) / EMU_PER_POINT
    sx, sy = (ew / cw if cw else 1.0), (eh / ch if ch else 1.0)

    def transform(box: Box) -> Box:
        inner = Box(ox + (box.x0 - cx) * sx, oy + (box.y0 - cy) * sy,
                    ox + (box.x1 - cx) * sx, oy + (box.y1 - cy) * sy)
        return outer(inner)
    return transform


def slide_frames(pptx: Path) -> tuple[float, list[list[Frame]]]:
    """The slide width in points and, per slide, its shapes' frames."""
    from pptx import Presentation  # the test extras have it; the module stays importable

    deck = Presentation(str(pptx))
    return deck.slide_width / EMU_PER_POINT, [_frames(slide.shapes) for slide in deck.slides]


def _smallest(frames: list[Frame]) -> Frame | None:
    return min(frames, key=lambda f: f.box.width * f.box.height) if frames else None


def _home(word: Word, frames: list[Frame]) -> Frame | None:
    """The frame a word belongs to.

    In order: a frame under the word whose text has the word; a chart under the word (its
    tick labels are numbers python-pptx cannot list); the nearest frame anywhere whose text
    has the word (the word has escaped it); the smallest frame under the word (bullets,
    automatic numbers and fields are in no shape's text).
    """
    token = _normal(word.text).rstrip("-‐\u00ad")
    x, y = word.box.centre
    under = [f for f in frames if f.box.contains_point(x, y)]
    if token and not set(token) <= _BULLETS:
        def has(frame: Frame) -> bool:
            return token in frame.tokens or token in frame.flat

        home = _smallest([f for f in under if has(f)] or
                         [f for f in under if f.kind == "chart"])
        if home:
            return home
        holders = [f for f in frames if has(f)]
        if holders:
            return min(holders, key=lambda f: f.box.distance(word.box))
    return _smallest(under)


def check_deck(pptx: Path, pdf: Path, label: str | None = None) -> list[Finding]:
    """Overlaps and words outside their shapes, slide by slide."""
    label = label or pptx.name
    slide_width, slides = slide_frames(pptx)
    findings: list[Finding] = []
    collisions = glyph_collisions(pdf)
    for page, frames in zip(read_pages(pdf), slides):
        where = f"slide {page.number}"
        findings += _overlap_findings(label, where, page)
        findings += _glyph_findings(label, where, collisions.get(page.number, []), page)
        scale = page.width / slide_width
        scaled = [Frame(f.name, f.kind, Box(f.box.x0 * scale, f.box.y0 * scale,
                                            f.box.x1 * scale, f.box.y1 * scale),
                        f.flat, f.tokens, f.grouped) for f in frames]
        escaped: dict[str, list[tuple[Word, float]]] = defaultdict(list)
        figure_shapes: set[str] = set()
        for word in page.words:
            if not word.text.strip() or word.rotated:
                continue
            home = _home(word, scaled)
            if home is None:
                escaped["(no shape)"].append((word, 0.0))
                continue
            out = word.box.escape(home.box, 1.5, 0.2 * word.box.height + 1.0)
            if out > 0:
                name = f"{home.kind} shape “{home.name}”"
                escaped[name].append((word, out))
                if home.grouped or home.kind != "text":
                    figure_shapes.add(name)
        for shape, words in escaped.items():
            worst = max(out for _, out in words)
            text = " ".join(w.text for w, _ in words[:12]) + (" …" if len(words) > 12 else "")
            owner = "figures" if shape in figure_shapes else "text"
            problem = (f"{len(words)} word(s) outside any shape: {text}" if shape == "(no shape)"
                       else f"{len(words)} word(s) leave {shape} by up to {worst:.1f} pt: {text}")
            findings.append(Finding(label, where, problem, owner))
    return findings


def convert_decks(decks: list[Path], outdir: Path, profile: Path) -> dict[Path, Path]:
    """All decks to PDF in one LibreOffice run (start-up dominates); names must be unique."""
    names = [deck.stem for deck in decks]
    if len(set(names)) != len(names):
        raise ValueError("deck names must be unique to share one output folder")
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice(), f"-env:UserInstallation={profile.resolve().as_uri()}",
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(outdir),
                    *map(str, decks)], check=True, capture_output=True, timeout=1800)
    converted = {deck: outdir / f"{deck.stem}.pdf" for deck in decks}
    missing = [deck.name for deck, pdf in converted.items() if not pdf.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert: {', '.join(missing)}")
    return converted


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    """Whether this machine can run the check (LibreOffice for decks, poppler for both)."""
    return bool(soffice()) and bool(shutil.which("pdftotext"))


# ------------------------------------------------------------------------------------------
# Guides


@dataclass(frozen=True)
class Margins:
    """The guide's page margins in points."""

    top: float
    right: float
    bottom: float
    left: float


EDGE = 9.0
"""Closest a word may come to the paper's edge (1/8 in), even in the header and footer."""


def check_guide(pdf: Path, margins: Margins, label: str | None = None) -> list[Finding]:
    """Overlaps, words outside the left and right margins, words off the printable page."""
    label = label or pdf.name
    findings: list[Finding] = []
    collisions = glyph_collisions(pdf)
    for page in read_pages(pdf):
        where = f"page {page.number}"
        findings += _overlap_findings(label, where, page)
        findings += _glyph_findings(label, where, collisions.get(page.number, []), page)
        text_area = Box(margins.left, EDGE, page.width - margins.right, page.height - EDGE)
        outside = [(w, w.box.escape(text_area, 1.5, 0.0)) for w in page.words if w.text.strip()]
        outside = [(w, out) for w, out in outside if out > 0]
        if outside:
            worst = max(out for _, out in outside)
            text = " ".join(w.text for w, _ in outside[:12]) + (" …" if len(outside) > 12 else "")
            findings.append(Finding(label, where, f"{len(outside)} word(s) outside the margins "
                                                  f"by up to {worst:.1f} pt: {text}"))
    return findings


def temporary_profile() -> Path:
    """A LibreOffice profile folder of one's own, so parallel runs never share one."""
    return Path(tempfile.mkdtemp(prefix="lo-render-check-"))
