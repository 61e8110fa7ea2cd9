"""Recording the guide's marked content while reportlab draws the pages (see ``tagging``).

A ``Recorder`` rides on the canvas (``tag_recorder``) for one layout pass: it writes the
``BDC``/``EMC`` operators around each marked flowable's drawing, numbers the pieces (MCIDs)
per page, splits a paragraph's piece around a link's text (a ``Link`` element of its own)
and wraps runs in another language in a ``/Span <</Lang …>>`` sequence, and notes which
annotation belongs to which element. ``structure.finish`` turns what it recorded into the
structure tree once reportlab has written the file.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator

from builder.guide.tagging import ARTIFACT, BOXED, END, LABEL, Node
from builder.text.rtl import logical

@dataclass
class _Piece:
    order: int
    page: int
    mcid: int


@dataclass
class Annotation:
    order: int
    page: int
    index: int  # position in the page's /Annots
    node: Node


class Recorder:
    """One layout pass's marked content: which MCIDs each node owns on which page.

    Attached to the canvas as ``tag_recorder``; a fresh one per pass (``multiBuild`` draws
    the whole document several times and only the last pass is written).
    """

    def __init__(self, part_language: Callable[[str], str | None] | None = None) -> None:
        self.part_language = part_language  # a run's language, if not the document's
        self.pieces: dict[int, list[_Piece]] = {}
        self.nodes: dict[int, Node] = {}
        self.boxes: dict[int, list[tuple[int, tuple[float, float, float, float]]]] = {}
        self.annotations: list[Annotation] = []
        self.next_mcid: dict[int, int] = {}
        self.drawn: set[int] = set()
        self.keep: list[object] = []  # drawn flowables stay alive so their ids stay unique
        self.order = 0
        self.depth = 0
        self.pending: tuple[int, Node] | None = None
        self.open_piece: tuple[int, Node] | None = None  # the piece now open: page, node
        self.links: dict[tuple[int, object], Node] = {}  # (paragraph node, link) → Link
        self.ended_links: list[Node] = []  # Links whose annotation reportlab adds next
        self.claimed: set[tuple[int, int]] = set()  # (page, index) of annotations placed
        self.link_parent: Node | None = None  # the node a link's stretch interrupted
        self.added: list[Node] = []  # nodes made while drawing (Links, language Spans)

    @contextmanager
    def content(self, canvas, node: Node, flowable: object,
                box: tuple[float, float, float, float] | None = None) -> Iterator[None]:
        if self.depth or node is None:  # inside another marked piece: part of its content
            self.depth += 1
            try:
                yield
            finally:
                self.depth -= 1
            return
        if id(flowable) in self.drawn:
            # drawn a second time (a table's header row repeated on the next page): the
            # element already has its content; the repetition is pagination
            with artifact(canvas, "Pagination"):
                yield
            return
        self.drawn.add(id(flowable))
        self.keep.append(flowable)
        page = canvas.getPageNumber() - 1
        if box is not None:
            self.boxes.setdefault(id(node), []).append((page, box))
        annotations_before = len(canvas._annotationrefs)
        canvas.addLiteral(END)
        label = getattr(flowable, LABEL, None) if getattr(flowable, "bulletText", None) else None
        # a hanging number ("12.", "B") is drawn first, as its own text object: it opens the
        # piece as the label, and the first text drawn closes it and opens the body's
        self.pending = (page, node) if label is not None else None
        self.open(canvas, page, label if label is not None else node)
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            self.pending = None
            canvas.addLiteral(END)
            canvas.addLiteral(ARTIFACT)
            self.open_piece = None
            self.ended_links.clear()
        for index in range(annotations_before, len(canvas._annotationrefs)):
            if (page, index) not in self.claimed:
                self.order += 1
                self.annotations.append(Annotation(self.order, page, index, node))

    def open(self, canvas, page: int, node: Node, emit=None) -> None:
        """Begin a marked-content sequence for ``node`` with the page's next MCID
        (written to the page, or by ``emit`` into a text object being built)."""
        mcid = self.next_mcid.get(page, 0)
        self.next_mcid[page] = mcid + 1
        self.order += 1
        self.pieces.setdefault(id(node), []).append(_Piece(self.order, page, mcid))
        self.nodes[id(node)] = node
        self.open_piece = (page, node)
        (emit or canvas.addLiteral)(f"/{node.role} <</MCID {mcid}>> BDC")

    def add(self, parent: Node, role: str) -> Node:
        """A node made while drawing; the next pass's recorder removes it again."""
        node = parent.add(role)
        self.added.append(node)
        return node

    def language_run(self, canvas, code: str, text: str) -> str:
        """A text run's code, wrapped if its language is not the document's: a ``Span``
        element with ``/Lang`` (its own MCID, the piece it interrupts reopened after it),
        or, where there is no element to hold it (page furniture, a figure read by its
        alt text), a ``/Span <</Lang …>>`` sequence (PDF 14.9.2)."""
        language = self.part_language(text) if self.part_language and text.strip() else None
        if language is None:
            return code
        open_piece = self.open_piece if self.depth else None
        if open_piece is None or open_piece[1].role in BOXED or open_piece[1].alt or \
                open_piece[1].actual_text:
            return f"/Span <</Lang ({language})>> BDC {code} {END}"
        page, node = open_piece
        span = self.add(node, "Span")
        span.lang = language
        span.actual_text = logical(text)  # Arabic, Hebrew: drawn reversed, read as written
        emitted: list[str] = [END]
        self.open(canvas, page, span, emitted.append)
        emitted += [code, END]
        self.open(canvas, page, node, emitted.append)
        return " ".join(emitted)

    def link_edge(self, canvas, text_object, link: object, edge: str) -> None:
        """reportlab's paragraph reports a link's text starting (after writing its first
        fragment) or ending on a line: the Link gets that stretch as its own piece."""
        if not self.depth or self.open_piece is None:
            return  # not inside marked content (a repeated header row): nothing to split
        page, node = self.open_piece
        code = text_object._code
        if edge == "start":
            if node.role == "Link":
                return  # the whole element is a link already (a contents entry)
            parent = node
            key = (id(parent), link)
            link_node = self.links.get(key)
            if link_node is None:
                link_node = self.links[key] = self.add(parent, "Link")
            first = code.pop()  # the link's first fragment, written before the report
            if first.startswith(END):
                return  # it was a language Span (a link in kanji): the paragraph keeps it
            code.append(END)
            self.open(canvas, page, link_node, code.append)
            self.link_parent = parent
            code.append(first)
        elif node.role == "Link" and self.link_parent is not None:
            code.append(END)
            self.ended_links.append(node)
            self.open(canvas, page, self.link_parent, code.append)
            self.link_parent = None

    def annotation_added(self, canvas) -> None:
        """reportlab added an annotation: the next ended link stretch is its text."""
        if self.ended_links:
            page = canvas.getPageNumber() - 1
            index = len(canvas._annotationrefs) - 1
            self.claimed.add((page, index))
            self.order += 1
            self.annotations.append(Annotation(self.order, page, index,
                                               self.ended_links.pop(0)))

    def text_drawn(self, canvas) -> None:
        """The canvas drew a text object: if it was a pending label, the body starts now."""
        if self.pending is not None:
            page, node = self.pending
            self.pending = None
            canvas.addLiteral(END)
            self.open(canvas, page, node)


@contextmanager
def artifact(canvas, kind: str = "Layout", subtype: str | None = None) -> Iterator[None]:
    """Draw inside a typed artifact (``Pagination``/``Header``, ``Layout`` …)."""
    properties = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "")
    canvas.addLiteral(END)
    canvas.addLiteral(f"/Artifact <<{properties}>> BDC")
    try:
        yield
    finally:
        canvas.addLiteral(END)
        canvas.addLiteral(ARTIFACT)


def start_pass(canvas, part_language: Callable[[str], str | None] | None = None,
               previous: Recorder | None = None) -> Recorder:
    """Give a new canvas its recorder (the template calls this before each pass); the
    nodes the previous pass made while drawing go (this pass makes its own)."""
    for node in previous.added if previous is not None else ():
        node.parent.children.remove(node)
    recorder = Recorder(part_language)
    canvas.tag_recorder = recorder
    return recorder


def close_page(canvas) -> None:
    """Wrap the page's content in the default artifact (called just before showPage)."""
    code = canvas._code
    if code:
        code.insert(0, ARTIFACT)
        code.append(END)


def text_drawn(canvas) -> None:
    """Called by the canvas after each text object it draws (see ``Recorder.text_drawn``)."""
    recorder = getattr(canvas, "tag_recorder", None)
    if recorder is not None:
        recorder.text_drawn(canvas)


def text_begun(canvas, text_object) -> None:
    """Called by the canvas for each new text object: it reports its links' stretches, and
    each run it writes in another language than the document's (a Japanese name drawn in a
    CJK font) becomes a language part (``Recorder.language_run``)."""
    recorder = getattr(canvas, "tag_recorder", None)
    if recorder is None:
        return
    text_object._linkRecord = lambda link, edge: recorder.link_edge(canvas, text_object,
                                                                    link, edge)
    format_text = text_object._formatText

    def formatted(text: str) -> str:
        return recorder.language_run(canvas, format_text(text), text)

    text_object._formatText = formatted


def annotation_added(canvas) -> None:
    """Called by the canvas after it adds an annotation to the page."""
    recorder = getattr(canvas, "tag_recorder", None)
    if recorder is not None:
        recorder.annotation_added(canvas)
