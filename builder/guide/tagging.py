"""Tagged PDF for the guide: the structure tree, marked content and PDF/UA metadata.

reportlab has no tagging API, so the guide tags itself in one place, here:

* While the story is built, renderers describe the logical structure as a tree of ``Node``
  (``Document`` → ``Sect`` → ``H1``, ``P``, ``L``/``LI``/``Lbl``/``LBody``, ``Table``/``TR``/
  ``TH``/``TD``, ``Figure``, ``Caption``, ``BlockQuote``, ``Note``, ``TOC``/``TOCI``/``Link``
  …) and ``mark`` the flowables that draw each node's content (a paragraph, a drawing, an image).
* While the pages are drawn, a marked flowable wraps its drawing in ``/Role <</MCID n>> BDC …
  EMC``; everything else on the page (running header and footer, page numbers, rules, table
  backgrounds, bullets, answer lines) lies in ``/Artifact`` sequences, because each page's
  content starts inside one and every marked piece closes and reopens it around itself.
  A paragraph's hanging number ("12.", "B") is its own text object, drawn first: the canvas
  reports each text object (``text_drawn``), which ends the label's piece there.
  A link inside a paragraph (a reference's URL) is its own ``Link`` element: reportlab's
  text object reports where each link's text starts and ends on a line (``_linkRecord``),
  the piece is closed and a ``/Link`` piece opened there, inside the text object, and the
  annotation reportlab adds for that stretch becomes the Link's OBJR.
  The draw order is the reading order (one column, top to bottom), so a node's place among
  its siblings is the moment its first content was drawn: nodes made late (figure columns
  built while wrapping, contents entries) still land where they print.
* After reportlab has written the file, ``structure.finish`` builds the StructTreeRoot,
  ParentTree, link OBJRs, ``/MarkInfo``, ``/Lang``, ``/ViewerPreferences``, the XMP packet
  with ``pdfuaid:part 1`` and ``/Tabs /S`` with pikepdf. Same input, same bytes.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator

ARTIFACT = "/Artifact BMC"
END = "EMC"
NODE = "_tag_node"
LABEL = "_tag_label"
SIZE = "_tag_size"
BOXED = {"Figure", "Formula"}
"""Roles whose element carries its drawn box (``/A << /O /Layout /BBox […] >>``): PDF/UA
asks it of illustrations, for reflow and screen magnifiers."""


@dataclass(eq=False)
class Node:
    """One structure element: its type, where it hangs, and what it says to assistive tech.

    ``attributes`` become the element's ``/A`` dictionary (``{"O": "Table", "Scope":
    "Column"}``); ``alt`` its ``/Alt``; ``link_alt`` the description of any link drawn
    inside it (its ``/Link`` child's ``/Alt`` and the annotation's ``/Contents``).
    """

    role: str
    parent: Node | None = None
    alt: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    link_alt: str | None = None
    children: list[Node] = field(default_factory=list)
    actual_text: str | None = None
    """What the content says, where its drawing says more (a contents entry without its
    dot leaders)."""
    in_given_order: bool = False
    """Children read in the order they were added rather than drawn (a list set in columns,
    drawn row by row)."""

    def add(self, role: str, *, alt: str | None = None, link_alt: str | None = None,
            **attributes: str) -> Node:
        child = Node(role, self, alt, dict(attributes), link_alt)
        self.children.append(child)
        return child


class Tags:
    """The structure being described while the story is built: a root and a cursor.

    Renderers open elements with ``within`` and create leaves with ``leaf``; a renderer
    that builds flowables later (while wrapping) keeps the node it was given and passes it.
    """

    def __init__(self) -> None:
        self.root = Node("Document")
        self._stack: list[Node] = [self.root]

    @property
    def current(self) -> Node:
        return self._stack[-1]

    @contextmanager
    def within(self, role_or_node: str | Node, *, in_given_order: bool = False,
               **attributes: str) -> Iterator[Node]:
        """Open an element (or re-enter an existing one) for everything created inside."""
        node = role_or_node if isinstance(role_or_node, Node) else \
            self.current.add(role_or_node, **attributes)
        node.in_given_order = node.in_given_order or in_given_order
        self._stack.append(node)
        try:
            yield node
        finally:
            self._stack.pop()

    def leaf(self, role: str = "P", **kwargs: Any) -> Node:
        return self.current.add(role, **kwargs)


# --- marking flowables ------------------------------------------------------------------

_MARKED_CLASSES: dict[type, type] = {}


class _Marked:
    """Mixed into a flowable's class by ``mark``: its drawing becomes the node's content."""

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        recorder = getattr(canvas, "tag_recorder", None)
        if recorder is None:
            super().drawOn(canvas, x, y, _sW)
            return
        node = getattr(self, NODE)
        box = _drawn_box(self, canvas, x, y, _sW) if node is not None and \
            node.role in BOXED else None
        with recorder.content(canvas, node, self, box):
            super().drawOn(canvas, x, y, _sW)

    def wrap(self, available_width: float, available_height: float):
        size = super().wrap(available_width, available_height)
        object.__setattr__(self, SIZE, size)  # what it will draw: its BBox, if it needs one
        return size

    def split(self, available_width: float, available_height: float):
        pieces = super().split(available_width, available_height)
        for piece in pieces:  # a paragraph continued on the next page is the same element
            if piece is not self and getattr(piece, NODE, None) is None:
                mark(piece, getattr(self, NODE))
        return pieces


def _drawn_box(flowable, canvas, x: float, y: float,
               spare_width: float) -> tuple[float, float, float, float] | None:
    """The box ``flowable`` is about to fill, in default user space (the canvas's current
    transformation applied: a figure inside a shrunk or translated column)."""
    size = getattr(flowable, SIZE, None)
    if size is None:
        return None
    adjust = getattr(flowable, "_hAlignAdjust", None)
    left = adjust(x, spare_width) if adjust is not None else x
    a, b, c, d, e, f = canvas._currentMatrix
    corners = [(a * px + c * py + e, b * px + d * py + f)
               for px in (left, left + size[0]) for py in (y, y + size[1])]
    xs, ys = [px for px, _ in corners], [py for _, py in corners]
    return min(xs), min(ys), max(xs), max(ys)


def mark(flowable, node: Node):
    """Make ``flowable``'s drawing the content of ``node`` (returns the flowable)."""
    cls = type(flowable)
    if not issubclass(cls, _Marked):
        marked = _MARKED_CLASSES.get(cls)
        if marked is None:
            marked = type(cls.__name__, (_Marked, cls), {"__module__": cls.__module__})
            _MARKED_CLASSES[cls] = marked
        # past any __setattr__ of the class (reportlab's shapes validate attribute names)
        object.__setattr__(flowable, "__class__", marked)
    object.__setattr__(flowable, NODE, node)
    return flowable


def label(flowable, node: Node):
    """Make the hanging bullet text of ``flowable`` (a paragraph's ``bulletText``) the
    content of ``node`` (an ``Lbl``), the rest staying its own node's."""
    object.__setattr__(flowable, LABEL, node)
    return flowable


def text_drawn(canvas) -> None:
    """Called by the canvas after each text object it draws (see ``Recorder.text_drawn``)."""
    recorder = getattr(canvas, "tag_recorder", None)
    if recorder is not None:
        recorder.text_drawn(canvas)


def text_begun(canvas, text_object) -> None:
    """Called by the canvas for each new text object: it reports its links' stretches."""
    recorder = getattr(canvas, "tag_recorder", None)
    if recorder is not None:
        text_object._linkRecord = lambda link, edge: recorder.link_edge(canvas, text_object,
                                                                        link, edge)


def annotation_added(canvas) -> None:
    """Called by the canvas after it adds an annotation to the page."""
    recorder = getattr(canvas, "tag_recorder", None)
    if recorder is not None:
        recorder.annotation_added(canvas)


def node_of(flowable) -> Node | None:
    return getattr(flowable, NODE, None)


# --- recording while drawing ------------------------------------------------------------

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

    def __init__(self) -> None:
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
                link_node = self.links[key] = parent.add("Link")
                self.keep.append(parent)
            first = code.pop()  # the link's first fragment, written before the report
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


def start_pass(canvas) -> Recorder:
    """Give a new canvas its recorder (the template calls this before each pass)."""
    recorder = Recorder()
    canvas.tag_recorder = recorder
    return recorder


def close_page(canvas) -> None:
    """Wrap the page's content in the default artifact (called just before showPage)."""
    code = canvas._code
    if code:
        code.insert(0, ARTIFACT)
        code.append(END)


def mark_table(table, node: Node, header_rows: int = 1, header_columns: int = 0) -> None:
    """Tag a platypus Table's cells under ``node`` (a ``Table`` element): a ``TR`` per row,
    ``TH`` for the header rows (``Scope Column``) and header columns (``Scope Row``), ``TD``
    for the rest. Every flowable in a cell draws that cell's content."""
    for row_index, row in enumerate(table._cellvalues):
        row_node = node.add("TR")
        for column_index, cell in enumerate(row):
            if row_index < header_rows:
                cell_node = row_node.add("TH", O="Table", Scope="Column")
            elif column_index < header_columns:
                cell_node = row_node.add("TH", O="Table", Scope="Row")
            else:
                cell_node = row_node.add("TD")
            for flowable in cell if isinstance(cell, (list, tuple)) else [cell]:
                if hasattr(flowable, "drawOn") and type(flowable).__name__ != "Spacer":
                    mark(flowable, cell_node)
