"""Read a built deck back (python-pptx) and measure how full its text slides are.

The density tests judge the written file, not the plan: each text slide's body box is read
back (its size, insets, paragraphs, runs, sizes, margins and spacing) and measured with the
project's measurement (``builder.text.measure``, the fonts the deck names), so a slide the
planner thought full but wrote half empty is caught too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn

from builder.deck.fit import WIDTH_SLACK
from builder.text import measure
from builder.text.fonts import Faces
from builder.text.inline import Run

EMU = 12700  # per point
# any language; \s: the counter "(2 of 3)" is bound by no-break spaces so it never wraps apart
CONTINUED = re.compile(r"^(?P<base>.*?)\s?[(（](?P<index>\d+)(?:\s\S+\s|/)(?P<count>\d+)[)）]$")


@dataclass(frozen=True)
class BodySlide:
    """A slide's title, its kind and, for a text slide, the measured fill of its body box."""

    number: int
    title: str
    section: str  # the title of the section slide before it ("" before the first)
    kind: str  # "section", "text" (a body box of flow text), "other"
    used: float = 0.0  # measured text height, pt
    room: float = 0.0  # the body box's inner height, pt
    bullets: int = 0
    size: float = 0.0
    first_unit: float = 0.0  # height of its first item (with sub-items, or heading + entry)

    @property
    def fill(self) -> float:
        return self.used / self.room if self.room else 0.0


def _paragraph_height(paragraph, faces: Faces, width: float, first: bool) -> tuple[float, float]:
    runs = [Run(run.text, bool(run.font.bold), bool(run.font.italic)) for run in paragraph.runs]
    sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None]
    properties = paragraph._p.pPr
    size = max(sizes) if sizes else 0.0
    margin = int(properties.get("marL", "0")) / EMU if properties is not None else 0.0
    available = max(width * WIDTH_SLACK - margin, size)
    text = "".join(run.text for run in runs)
    lines = measure.wrap_runs(runs, faces, size, available) if text.strip() else 1
    spacing = paragraph.line_spacing.pt if hasattr(paragraph.line_spacing, "pt") else size * 1.2
    before = paragraph.space_before.pt if (paragraph.space_before is not None
                                           and not first) else 0.0
    return lines * spacing + before, size


def _margin(paragraph) -> float:
    properties = paragraph._p.pPr
    return int(properties.get("marL", "0")) / EMU if properties is not None else 0.0


def _is_heading(paragraph) -> bool:
    """A listing's small heading ("Key terms"): one bold run, no marker."""
    properties = paragraph._p.pPr
    marked = properties is not None and properties.find(qn("a:buChar")) is not None
    runs = [run for run in paragraph.runs if run.text.strip()]
    return (not marked and len(runs) == 1 and bool(runs[0].font.bold)
            and len(runs[0].text) < 40)


def _first_unit(measured: list[tuple[float, float, bool]]) -> float:
    """The height of what moves as one piece: the first paragraph with its sub-items (a
    heading takes its first entry along)."""
    if not measured:
        return 0.0
    take = 2 if measured[0][2] and len(measured) > 1 else 1
    margin = measured[take - 1][1]
    while take < len(measured) and measured[take][1] > margin + 0.5:
        take += 1
    return sum(height for height, _, _ in measured[:take])


def read_deck(path: Path, faces: Faces) -> list[BodySlide]:
    """Every slide of the deck: section slides, flow text slides (measured), the rest."""
    slides: list[BodySlide] = []
    section = ""
    for number, slide in enumerate(Presentation(str(path)).slides, start=1):
        names = {shape.name: shape for shape in slide.shapes}
        title_shape = next((shape for shape in slide.shapes if shape.is_placeholder
                            and shape.placeholder_format.type in (1, 3)), None)
        title = title_shape.text_frame.text.replace("\u2060", "") if title_shape else ""
        title = re.sub(r"\s+", " ", title).strip()
        if title_shape is not None and title_shape.name.startswith("section-"):
            section = title
            slides.append(BodySlide(number, title, section, "section"))
            continue
        body = names.get("body")
        if body is None or "panel" in names:
            slides.append(BodySlide(number, title, section, "other"))
            continue
        frame = body.text_frame
        inset_x = (frame.margin_left + frame.margin_right) / EMU
        inset_y = (frame.margin_top + frame.margin_bottom) / EMU
        width = body.width / EMU - inset_x
        used, size, bullets = 0.0, 0.0, 0
        measured = []
        for index, paragraph in enumerate(frame.paragraphs):
            height, paragraph_size = _paragraph_height(paragraph, faces, width, index == 0)
            measured.append((height, _margin(paragraph), _is_heading(paragraph)))
            used += height
            size = max(size, paragraph_size)
            properties = paragraph._p.pPr
            if properties is not None and (properties.find(qn("a:buChar")) is not None
                                           or properties.find(qn("a:buAutoNum")) is not None):
                if int(properties.get("marL", "0")) / EMU <= 1.7 * paragraph_size + 0.5:
                    bullets += 1
        slides.append(BodySlide(number, title, section, "text", used,
                                body.height / EMU - inset_y, bullets, size,
                                _first_unit(measured)))
    return slides


def is_flow(slide: BodySlide) -> bool:
    """A section's own flow text (titled by its section, maybe numbered as continued)."""
    if slide.kind != "text" or not slide.section:
        return False
    match = CONTINUED.match(slide.title)
    base = match["base"] if match else slide.title
    return base == slide.section


def base_title(title: str) -> str:
    match = CONTINUED.match(title)
    return match["base"] if match else title


@dataclass(frozen=True)
class Line:
    """One printed line of a guide page, as pdfplumber reads it."""

    page: int
    top: float
    bottom: float
    text: str
    size: float
    bold: bool
    color: tuple


def _spaced(chars: list[dict]) -> str:
    text, right = "", None
    for char in chars:
        if right is not None and char["x0"] - right > 0.2 * char["size"]:
            text += " "
        text += char["text"]
        right = char["x1"]
    return text


_READ: dict[tuple, list[list[Line]]] = {}


def guide_lines(path: Path, top: float, bottom: float) -> list[list[Line]]:
    """Each page's lines inside the frame (between the ``top`` and ``bottom`` margins, so
    running headers and footers are left out), top to bottom.

    Remembered per file (path, size and modification time): several tests read the same
    corpus guide, and pdfplumber's character pass is the slow part. Callers do not modify
    what they get."""
    stat = Path(path).stat()
    key = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns, top, bottom)
    if key not in _READ:
        _READ[key] = _guide_lines(path, top, bottom)
    return _READ[key]


def _guide_lines(path: Path, top: float, bottom: float) -> list[list[Line]]:
    import pdfplumber

    from render_check import chars as page_chars

    pages = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            rows: dict[int, list[dict]] = {}
            for char in page_chars(page):
                if char["text"].strip() and top - 2 <= char["top"] and \
                        char["bottom"] <= page.height - bottom + 2:
                    rows.setdefault(round(char["top"] / 2), []).append(char)
            lines = []
            for key in sorted(rows):
                chars = sorted(rows[key], key=lambda char: char["x0"])
                lines.append(Line(number, min(c["top"] for c in chars),
                                  max(c["bottom"] for c in chars),
                                  _spaced(chars),
                                  max(c["size"] for c in chars),
                                  all("Bold" in c["fontname"] for c in chars),
                                  tuple(chars[0].get("non_stroking_color") or ())))
            pages.append(lines)
    return pages


def orphaned_headings(pages: list[list[Line]], body_color: tuple) -> list[Line]:
    """Headings that end a page while the text they head starts the next one: the page's
    last line is bold in a colour other than the body text's (section headings, block
    labels such as "Check your understanding", terms), and another page follows."""
    found = []
    for lines, following in zip(pages[1:], pages[2:]):  # the cover's form labels are not
        # headings
        if lines and following and lines[-1].bold and lines[-1].color != body_color:
            found.append(lines[-1])
    return found
