"""The guide's structure tree and PDF/UA metadata, written into the finished PDF (pikepdf).

``tagging`` recorded, while reportlab drew the pages, which marked-content sequence (page,
MCID) and which link annotation belongs to which ``Node``. ``finish`` turns that into the
StructTreeRoot (elements ordered by where their content was drawn, nodes never drawn left
out), the ParentTree (MCIDs and annotations back to their elements), the annotations'
``/StructParent`` and ``/Contents``, and the catalog's ``/MarkInfo``, ``/Lang``,
``/ViewerPreferences`` and XMP metadata, and each page's ``/Tabs /S``. Same input, same bytes.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from builder.guide.recording import Annotation, Recorder
from builder.guide.tagging import Node, Tags
from builder.text.words import Words, words_for

def finish(pdf: bytes, tags: Tags, recorder: Recorder, language: str) -> bytes:
    """``pdf`` (as reportlab wrote it) with its structure tree and PDF/UA metadata.

    The XMP packet repeats the document information dictionary reportlab wrote (title,
    author, subject, keywords, producer, dates), so the two never disagree.
    """
    with pikepdf.open(BytesIO(pdf)) as document:
        _Builder(document, recorder, words_for(language)).build(tags.root)
        root = document.Root
        root.MarkInfo = Dictionary(Marked=True)
        root.Lang = String(language)
        preferences = root.get("/ViewerPreferences", Dictionary())
        preferences.DisplayDocTitle = True
        root.ViewerPreferences = preferences
        info = {key: str(value) for key, value in document.docinfo.items()}
        metadata_stream = pikepdf.Stream(document, xmp(info, language).encode("utf-8"))
        metadata_stream.Type = Name.Metadata
        metadata_stream.Subtype = Name.XML
        root.Metadata = document.make_indirect(metadata_stream)
        for page in document.pages:
            page.obj.Tabs = Name.S
        out = BytesIO()
        document.save(out, deterministic_id=True, compress_streams=True,
                      fix_metadata_version=False,  # the packet is written as it is
                      object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


class _Builder:
    """Turns the recorded nodes into StructElem dictionaries and the ParentTree."""

    def __init__(self, document: pikepdf.Pdf, recorder: Recorder, words: Words = Words()):
        self.document = document
        self.words = words
        self.recorder = recorder
        self.pages = [page.obj for page in document.pages]
        self.page_parents: dict[int, dict[int, Any]] = {}
        self.annotation_parents: list[Any] = []
        self.annotations: dict[int, list[Annotation]] = {}
        for annotation in recorder.annotations:
            self.annotations.setdefault(id(annotation.node), []).append(annotation)
        self.ids = 0

    def first(self, node: Node) -> int | None:
        """The draw order of a node's first content (its own or a descendant's)."""
        own = [piece.order for piece in self.recorder.pieces.get(id(node), ())]
        own += [child_first for child in node.children
                if (child_first := self.first(child)) is not None]
        return min(own) if own else None

    def build(self, root: Node) -> None:
        element = self.element(root, None)
        if element is None:
            element = self.document.make_indirect(Dictionary(Type=Name.StructElem,
                                                              S=Name.Document, K=Array()))
        tree = self.document.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        element.P = tree
        tree.K = Array([element])
        nums = Array()
        for page_index in range(len(self.pages)):
            parents = self.page_parents.get(page_index, {})
            self.pages[page_index].StructParents = page_index
            nums.append(page_index)
            nums.append(self.document.make_indirect(
                Array([parents[mcid] for mcid in sorted(parents)])))
        for offset, link in enumerate(self.annotation_parents):
            nums.append(len(self.pages) + offset)
            nums.append(link)
        tree.ParentTree = self.document.make_indirect(Dictionary(Nums=nums))
        tree.ParentTreeNextKey = len(self.pages) + len(self.annotation_parents)
        self.document.Root.StructTreeRoot = tree

    def element(self, node: Node, parent: Any) -> Any:
        if self.first(node) is None:
            return None  # never drawn (a figure size not chosen, an empty part): no element
        element = self.document.make_indirect(Dictionary(Type=Name.StructElem,
                                                          S=Name("/" + node.role)))
        if parent is not None:
            element.P = parent
        if node.alt:
            element.Alt = String(node.alt)
        if node.actual_text:
            element.ActualText = String(node.actual_text)
        if node.lang:
            element.Lang = String(node.lang)
        if node.attributes:
            element.A = Dictionary({f"/{key}": _value(key, value)
                                    for key, value in node.attributes.items()})
        boxes = self.recorder.boxes.get(id(node))
        if boxes:  # an illustration's drawn box (on its first page), for reflow/magnifiers
            first_page = boxes[0][0]
            on_page = [box for page, box in boxes if page == first_page]
            bbox = Array([round(value, 2) for value in (
                min(box[0] for box in on_page), min(box[1] for box in on_page),
                max(box[2] for box in on_page), max(box[3] for box in on_page))])
            layout = Dictionary(O=Name.Layout, BBox=bbox)
            element.A = Array([element.A, layout]) if "/A" in element else layout
        if node.role == "Note":
            self.ids += 1
            element.ID = String(f"note-{self.ids}")
        kids: list[tuple[int, Any]] = []
        pieces = self.recorder.pieces.get(id(node), [])
        if pieces:
            element.Pg = self.pages[pieces[0].page]
        for piece in pieces:
            self.page_parents.setdefault(piece.page, {})[piece.mcid] = element
            if piece.page == pieces[0].page:
                kids.append((piece.order, piece.mcid))
            else:
                kids.append((piece.order, Dictionary(Type=Name.MCR, Pg=self.pages[piece.page],
                                                     MCID=piece.mcid)))
        for annotation in self.annotations.get(id(node), []):
            kids.append((annotation.order, self.link(annotation, node, element)))
        kids.sort(key=lambda kid: kid[0])
        children = [(first, child) for child in node.children
                    if (first := self.first(child)) is not None]
        if node.in_given_order:  # laid out in columns: read in the order it was written
            kids += [(0, self.element(child, element)) for _, child in children]
        else:
            kids += [(first, self.element(child, element)) for first, child in children]
            kids.sort(key=lambda kid: kid[0])
        # one kid stands alone (checkers walking /K expect an MCID or a dictionary there)
        element.K = kids[0][1] if len(kids) == 1 else Array([kid for _, kid in kids])
        return element

    def link(self, annotation: Annotation, node: Node, element: Any) -> Any:
        """The annotation's OBJR, inside the node itself if it is a Link, else in a new Link
        child; both the element and the annotation get the link's description."""
        page = self.pages[annotation.page]
        annot = page.Annots[annotation.index]
        description = node.link_alt or _describe(annot, self.words)
        annot.Contents = String(description)
        annot.StructParent = len(self.pages) + len(self.annotation_parents)
        objr = Dictionary(Type=Name.OBJR, Obj=annot, Pg=page)
        if node.role == "Link":
            if "/Alt" not in element:
                element.Alt = String(description)
            self.annotation_parents.append(element)
            return objr
        link = self.document.make_indirect(Dictionary(
            Type=Name.StructElem, S=Name.Link, P=element, Pg=page, Alt=String(description),
            K=Array([objr])))
        self.annotation_parents.append(link)
        return link


NAME_ATTRIBUTES = {"O", "Scope", "ListNumbering", "Placement"}


def _value(key: str, value: str) -> Any:
    return Name("/" + value) if key in NAME_ATTRIBUTES else String(value)


def _describe(annot: Any, words: Words) -> str:
    action = annot.get("/A")
    if action is not None and "/URI" in action:
        return words("link_to", url=action.URI)
    return words("link_within")


def xmp(info: dict[str, str], language: str) -> str:
    """The XMP packet: Dublin Core title, author, subject and language, the PDF's own
    keywords, producer and dates, and the PDF/UA-1 identification (``pdfuaid:part 1``)."""
    def get(key: str) -> str:
        return escape(info.get(key, ""))
    fields = [f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{get("/Title")}</rdf:li>'
              "</rdf:Alt></dc:title>",
              f"<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag>"
              "</dc:language>"]
    if info.get("/Author"):
        fields.append(f"<dc:creator><rdf:Seq><rdf:li>{get('/Author')}</rdf:li></rdf:Seq>"
                      "</dc:creator>")
    if info.get("/Subject"):
        fields.append('<dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
                      f"{get('/Subject')}</rdf:li></rdf:Alt></dc:description>")
    if info.get("/Keywords"):
        fields.append(f"<pdf:Keywords>{get('/Keywords')}</pdf:Keywords>")
    if info.get("/Producer"):
        fields.append(f"<pdf:Producer>{get('/Producer')}</pdf:Producer>")
    if info.get("/Creator"):
        fields.append(f"<xmp:CreatorTool>{get('/Creator')}</xmp:CreatorTool>")
    for key, name in (("/CreationDate", "CreateDate"), ("/ModDate", "ModifyDate")):
        if info.get(key):
            fields.append(f"<xmp:{name}>{iso_date(info[key])}</xmp:{name}>")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
        'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        '<dc:format>application/pdf</dc:format>' + "".join(fields) +
        '<pdfuaid:part>1</pdfuaid:part>'
        '</rdf:Description></rdf:RDF></x:xmpmeta>\n'
        '<?xpacket end="w"?>')


def iso_date(pdf_date: str) -> str:
    """``D:20000101000000+00'00'`` → ``2000-01-01T00:00:00+00:00`` (XMP's date form)."""
    digits = pdf_date.removeprefix("D:")
    stamp = (f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]}T{digits[8:10]}:{digits[10:12]}:"
             f"{digits[12:14]}")
    zone = digits[14:].replace("'", "")
    if zone in ("", "Z"):
        return stamp + "Z"
    return f"{stamp}{zone[0]}{zone[1:3]}:{zone[3:5] or '00'}"
