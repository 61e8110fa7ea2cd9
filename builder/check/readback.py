"""Read the built files back: what sections and figures the PDF and the PPTX really contain.

Only the files know page and slide numbers, and only reading them back proves the two outputs
agree, so the checker and the manifest rely on these functions rather than on the Document.
The contract with the renderers (see ``builder.check.compare``):

- guide (PDF): a named destination ``section-<key>`` at each section heading and
  ``figure-<id>`` at each figure; an outline entry at each heading titled with the section title;
  the caption line "Figure N. Caption" printed on the figure's page;
- deck (PPTX): a shape named ``section-<key>`` holding the section title on each section slide;
  a text box ``caption-<id>`` holding "Figure N. Caption" and a main shape ``figure-<id>``.

Every page and slide number here is 1-based, as a reader counts them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from builder.check.deckxml import DeckPackage, Shape
from builder.text.hyphenate import DECK_BREAK

if TYPE_CHECKING:  # pikepdf is imported where a PDF is read: the deck's process never needs it
    from builder.check.pdfread import PdfFile

SECTION_PREFIX = "section-"
FIGURE_PREFIX = "figure-"
CAPTION_PREFIX = "caption-"

_SPACE = re.compile(r"\s+")
_TOP_TOLERANCE = 0.5  # points: an outline entry and a destination at the same heading


# quotation marks of any language as one straight mark: the outputs set a source's straight
# quotes in the lecture's marks (“ ”, « », „ “), the manifest keeps them as written
_QUOTE_MARKS = re.compile(r"[“”„‟«»「」『』]")
_SINGLE_MARKS = re.compile(r"[‘’‚‛‹›]")


def _marks(text: str) -> str:
    text = re.sub(r"«\s+", "«", re.sub(r"\s+»", "»", text))
    return _SINGLE_MARKS.sub("'", _QUOTE_MARKS.sub('"', text))


def _unbroken(text: str) -> str:
    """``text`` without the builder's own breaks: soft hyphens, word joiners and the deck's
    hyphen inside a word too wide for its box (``hyphenate.DECK_BREAK``)."""
    return text.replace(DECK_BREAK, "").replace("\u00ad", "").replace("\u2060", "") \
        .replace("\u200b", "")


def normalize_text(text: str) -> str:
    """Collapse every run of whitespace (line breaks, vertical tabs) to one space, and every
    quotation mark to a straight one.

    Renderers may wrap a title or caption over lines; the words are what must agree.
    """
    return _SPACE.sub(" ", _marks(_unbroken(text))).strip()


# right-to-left letters and direction marks: the guide prints Arabic and Hebrew shaped and in
# visual order (builder.text.rtl), the deck keeps them as written, and extractors reorder them
# each their own way; a caption is matched on the rest of its text
_RTL_TEXT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200e\u200f"
                       "\u202a-\u202e\u2066-\u2069]")


def _squeeze(text: str) -> str:
    """Text without any whitespace, casefolded: how a caption is sought in extracted page text,
    where line breaks and inter-word spacing depend on the extractor, not the PDF."""
    text = _RTL_TEXT.sub("", _unbroken(text))
    return _SPACE.sub("", _marks(text)).casefold()


def text_on_page(text: str, page_text: str) -> bool:
    """Whether ``text`` is printed on a page (ignoring line breaks, spacing and case, and the
    hyphen of a word the guide hyphenated at a line's end: "Verfassungs-" / "organ")."""
    wanted, page = _squeeze(text), _squeeze(page_text)
    return wanted in page or wanted.replace("-", "") in page.replace("-", "")


def lines_starting_with(prefix: str, page_text: str) -> list[str]:
    """Lines of a page that start with ``prefix``, e.g. what a page shows as "Figure 2. …"."""
    return [line.strip() for line in page_text.splitlines() if line.strip().startswith(prefix)]


# --------------------------------------------------------------------------- the guide (PDF)

@dataclass(frozen=True)
class PdfSection:
    """A section heading in the guide: its destination and the outline entry pointing at it."""

    key: str
    title: str | None  # None when no outline entry points at the heading
    page: int
    top: float | None


@dataclass(frozen=True)
class PdfFigure:
    """A figure in the guide: its destination and the text of the page it is on."""

    id: str
    page: int
    top: float | None
    page_text: str

    def shows(self, caption: str) -> bool:
        return text_on_page(caption, self.page_text)


@dataclass(frozen=True)
class _Target:
    """Where a destination or outline entry leads."""

    page: int
    top: float | None


def open_pdf(source: Path | PdfFile) -> PdfFile:
    """A reader for a path, or the reader itself (so a checker opens each file once)."""
    from builder.check.pdfread import PdfFile

    return source if isinstance(source, PdfFile) else PdfFile(source)


def _memo(opened: Any, key: str | tuple, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per opened file: the manifest and the check of one build read the
    same reader, and extracting a page's text is the costliest part of reading back."""
    cache = opened.__dict__.setdefault("_course_builder_readback", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _target(reader: PdfFile, destination: Any) -> _Target | None:
    found = reader.target(destination)
    return _Target(*found) if found is not None else None


def named_destinations(source: Path | PdfFile) -> dict[str, _Target]:
    """Every named destination (``/Dests`` dictionary or ``/Names`` tree) by its plain name."""
    reader = open_pdf(source)
    targets: dict[str, _Target] = {}
    for name, destination in reader.named_destinations().items():
        target = _target(reader, destination)
        if target is not None:
            targets[name] = target
    return targets


def outline_entries(source: Path | PdfFile) -> list[tuple[str, _Target]]:
    """The outline (bookmarks) flattened in reading order: (title, where it leads)."""
    reader = open_pdf(source)
    entries: list[tuple[str, _Target]] = []
    for title, destination in reader.outline():
        target = _target(reader, destination)
        if target is not None:
            entries.append((title, target))
    return entries


def _same_place(a: _Target, b: _Target) -> bool:
    if a.page != b.page:
        return False
    if a.top is None or b.top is None:
        return a.top is None and b.top is None
    return abs(a.top - b.top) <= _TOP_TOLERANCE


def _reading_order(target: _Target) -> tuple[int, float]:
    """Pages in order, and top to bottom within a page (a destination without a top first)."""
    return target.page, -(target.top if target.top is not None else math.inf)


def pdf_sections(source: Path | PdfFile) -> list[PdfSection]:
    reader = open_pdf(source)
    return list(_memo(reader, "sections", lambda: _pdf_sections(reader)))


def _pdf_sections(source: Path | PdfFile) -> list[PdfSection]:
    """The guide's sections in reading order, titled by the outline entry at each heading.

    reportlab writes outline entries with inline destinations, so an entry is matched to a
    ``section-<key>`` destination by where it leads (page and top), not by name.
    """
    reader = open_pdf(source)
    destinations = {name.removeprefix(SECTION_PREFIX): target
                    for name, target in named_destinations(reader).items()
                    if name.startswith(SECTION_PREFIX)}
    outline = outline_entries(reader)
    used: set[int] = set()
    found: list[tuple[tuple[int, float, int], PdfSection]] = []
    for key, target in destinations.items():
        index = next((i for i, (_, place) in enumerate(outline)
                      if i not in used and _same_place(place, target)), None)
        if index is None:  # an entry that points at the whole page (/Fit) still names it
            index = next((i for i, (_, place) in enumerate(outline) if i not in used
                          and place.page == target.page and None in (place.top, target.top)),
                         None)
        if index is not None:
            used.add(index)
        title = outline[index][0] if index is not None else None
        order = (*_reading_order(target), index if index is not None else len(outline))
        found.append((order, PdfSection(key, title, target.page, target.top)))
    return [section for _, section in sorted(found, key=lambda pair: (pair[0], pair[1].key))]


def pdf_page_text(source: Path | PdfFile, page: int) -> str:
    """The text one 1-based page prints (read once per opened file: ``pdfread``)."""
    reader = open_pdf(source)
    return _memo(reader, ("text", page), lambda: reader.page_text(page))


def read_guide_ahead(path: Path, opened: dict[str, Any]) -> None:
    """Open a staged guide and read what the manifest and the check will ask of it (sections,
    figures, the text of their pages) into ``opened["pdf"]``: a parallel build does this
    while the deck is still being drawn. A guide that cannot be read is left for them to
    report."""
    try:
        reader = open_pdf(path)
        for section in pdf_sections(reader):
            pdf_page_text(reader, section.page)
        pdf_figures(reader)
    except Exception:  # noqa: BLE001 - the manifest and the check read it again and say why
        return
    opened["pdf"] = reader


def pdf_figures(source: Path | PdfFile) -> list[PdfFigure]:
    reader = open_pdf(source)
    return list(_memo(reader, "figures", lambda: _pdf_figures(reader)))


def _pdf_figures(source: Path | PdfFile) -> list[PdfFigure]:
    """The guide's figures in reading order, each with the text of its page (for its caption)."""
    reader = open_pdf(source)
    texts: dict[int, str] = {}
    figures: list[tuple[tuple[int, float], PdfFigure]] = []
    for name, target in named_destinations(reader).items():
        if not name.startswith(FIGURE_PREFIX):
            continue
        if target.page not in texts:
            texts[target.page] = pdf_page_text(reader, target.page)
        figure = PdfFigure(name.removeprefix(FIGURE_PREFIX), target.page, target.top,
                           texts[target.page])
        figures.append((_reading_order(target), figure))
    return [figure for _, figure in sorted(figures, key=lambda pair: (pair[0], pair[1].id))]


# --------------------------------------------------------------------------- the deck (PPTX)

@dataclass(frozen=True)
class DeckSection:
    """A section-header slide: the title shape named ``section-<key>``."""

    key: str
    title: str
    slide: int


@dataclass(frozen=True)
class DeckFigure:
    """A figure in the deck: the slide of its main shape and the text of its caption box."""

    id: str
    slide: int | None  # slide of the ``figure-<id>`` shape; None when there is none
    caption: str | None  # first paragraph of ``caption-<id>``; None when there is no box
    caption_slide: int | None


def open_deck(source: Path | Any) -> Any:
    """A deck opened for reading back (``deckxml.DeckPackage``) from a path or its bytes (a
    file-like object), or the opened deck itself."""
    if isinstance(source, (str, Path)) or hasattr(source, "read"):
        return DeckPackage(source)
    return source


def named_shapes(source: Path | Any) -> Iterator[tuple[int, str, Shape]]:
    """(1-based slide number, shape name, shape) for every shape of every slide, in order,
    inside groups too (a figure may be a group of drawn shapes)."""
    deck = open_deck(source)
    for number, shapes in enumerate(deck.slides(), start=1):
        for shape in shapes:
            yield number, shape.name, shape


def _text(shape: Shape) -> str:
    return normalize_text(shape.text) if shape.has_text_frame else ""


def _first_paragraph(shape: Shape) -> str:
    """The caption line: a box may carry more paragraphs (a credit) after it."""
    paragraphs = [normalize_text(p) for p in shape.paragraphs or ()]
    return next((p for p in paragraphs if p), "")


class ReadDeck:
    """A deck read back in the process that drew it, from the very bytes that are staged: what
    ``deck_sections`` and ``deck_figures`` found there, so this process neither parses the
    deck's XML again nor holds it (at 1,000 slides that read-back was the build's peak)."""

    def __init__(self, sections: list[DeckSection], figures: list[DeckFigure]) -> None:
        self._course_builder_readback = {"sections": sections, "figures": figures}


def read_deck_ahead(data: bytes) -> ReadDeck | None:
    """Read drawn deck bytes back (as the check reads a file) into a ``ReadDeck``;
    None when they cannot be read, so the build reads the staged file and reports why."""
    import io

    try:
        presentation = open_deck(io.BytesIO(data))
        return ReadDeck(deck_sections(presentation), deck_figures(presentation))
    except Exception:  # noqa: BLE001 - the manifest and the check read the file and say why
        return None


def deck_sections(source: Path | Any) -> list[DeckSection]:
    deck = open_deck(source)
    return list(_memo(deck, "sections", lambda: _deck_sections(deck)))


def _deck_sections(source: Path | Any) -> list[DeckSection]:
    """The deck's section slides in slide order (the first shape named per key counts)."""
    sections: dict[str, DeckSection] = {}
    for slide, name, shape in named_shapes(source):
        if name.startswith(SECTION_PREFIX):
            key = name.removeprefix(SECTION_PREFIX)
            sections.setdefault(key, DeckSection(key, _text(shape), slide))
    return list(sections.values())


def deck_figures(source: Path | Any) -> list[DeckFigure]:
    deck = open_deck(source)
    return list(_memo(deck, "figures", lambda: _deck_figures(deck)))


def _deck_figures(source: Path | Any) -> list[DeckFigure]:
    """The deck's figures in order of first appearance, with their caption box text."""
    shapes: dict[str, int] = {}
    captions: dict[str, tuple[str, int]] = {}
    order: list[str] = []
    for slide, name, shape in named_shapes(source):
        if name.startswith(FIGURE_PREFIX):
            figure_id = name.removeprefix(FIGURE_PREFIX)
            shapes.setdefault(figure_id, slide)
        elif name.startswith(CAPTION_PREFIX):
            figure_id = name.removeprefix(CAPTION_PREFIX)
            if figure_id in captions:  # a table continued repeats its caption; a caption
                # too long for one slide continues on the next
                text, first = captions[figure_id]
                more = _first_paragraph(shape)
                if more != text:
                    captions[figure_id] = (f"{text} {more}", first)
            else:
                captions[figure_id] = (_first_paragraph(shape), slide)
        else:
            continue
        if figure_id not in order:
            order.append(figure_id)
    return [DeckFigure(figure_id, shapes.get(figure_id),
                       captions[figure_id][0] if figure_id in captions else None,
                       captions[figure_id][1] if figure_id in captions else None)
            for figure_id in order]
