"""Tagged PDF for the guide: the structure tree, marked content and PDF/UA metadata.

reportlab has no tagging API, so the guide tags itself in one place: here (the nodes and
the marking of flowables), ``recording`` (what is drawn) and ``structure`` (the tree):

* While the story is built, renderers describe the logical structure as a tree of ``Node``
  (``Document`` → ``Sect`` → ``H1``, ``P``, ``L``/``LI``/``Lbl``/``LBody``, ``Table``/``TR``/
  ``TH``/``TD``, ``Figure``, ``Caption``, ``BlockQuote``, ``Note``, ``TOC``/``TOCI``/``Link``
  …) and ``mark`` the flowables that draw each node's content (a paragraph, a drawing, an image).
* While the pages are drawn (``recording.Recorder``), a marked flowable wraps its drawing in ``/Role <</MCID n>> BDC …
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
    lang: str | None = None
    """The language of a part in another language than the document's (its ``/Lang``)."""
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
        if getattr(canvas, "sketch", False):  # a pass that only settles the layout
            return  # (``template.GuideTemplate.render``): nothing it draws is kept
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


def node_of(flowable) -> Node | None:
    return getattr(flowable, NODE, None)


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
