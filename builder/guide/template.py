"""The guide's document template: page geometry, furniture, contents, outline, errors.

``GuideTemplate`` is a platypus ``BaseDocTemplate`` with two page templates (a bare title page
and body pages with running header and "Page N of M" footer). It builds in passes
(``multiBuild``) until the table of contents and the page total are stable, adds an outline
entry per section, and turns reportlab's LayoutError into a RenderError that names the
source line of the block that did not fit.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer
from reportlab.platypus.doctemplate import IndexingFlowable
from reportlab.platypus.doctemplate import LayoutError as ReportlabLayoutError

from builder.errors import RenderError
from builder.guide import emboldened, passes, recording
from builder.guide.context import WHERE, where_of
from builder.guide.markup import check_glyphs, draw_text
from builder.guide.styles import Styles
from builder.text.inline import plain
from builder.text.fonts import Faces
from builder.text.measure import styled_width
from builder.text.shorten import shortened
from builder.resolve.document import Document

TOC_KEY = "_guide_toc"          # (level, markup, destination key) on a heading
OUTLINE_KEY = "_guide_outline"  # (title, destination key) on a section heading
MIN_FRAME = 144.0  # points: two inches of text area at least
FIXED_DATE = "D:20000101000000+00'00'"


def page_size(document: Document) -> tuple[float, float]:
    """The page in points (the layout decides how orientation turns it)."""
    return document.layout.guide.page_points


def creation_date(document: Document) -> str:
    """The PDF date: the lecture's date if known, else a fixed one (reproducible builds)."""
    date = document.lecture.date
    if date is None:
        return FIXED_DATE
    start = date.start
    return f"D:{start.year:04d}{start.month or 1:02d}{start.day or 1:02d}000000+00'00'"



PRINTABLE_EDGE = 18.0  # a quarter inch: what office printers leave unprinted, at most


def keep_headings_with_next(story: list[Flowable]) -> None:
    """A heading (any flowable kept with its next) stays with the first *content* after it.

    platypus keeps a ``keepWithNext`` flowable with the one flowable after it, which is
    often a Spacer or a heading's rule: the heading and its space then end a page and the
    content starts the next ("Check your understanding" alone at a page's foot). The
    spacing between a heading and its content is marked to keep with next too, so the
    group reaches the content. A CondPageBreak is not spacing: it stays a break.
    """
    for index, flowable in enumerate(story):
        if not flowable.getKeepWithNext():
            continue
        for glue in story[index + 1:]:
            if type(glue) is not Spacer and not getattr(glue, "keepWithNext", 0):
                break
            glue.keepWithNext = 1

class PageTotal(IndexingFlowable):
    """Counts pages so the footer can say "of M"; unsatisfied until a pass agrees with the last.

    It rides on ``multiBuild``'s indexing protocol, so the build repeats until both the
    contents' page numbers and the page total are stable. It draws nothing.
    """

    def __init__(self) -> None:
        super().__init__()
        self.previous = 0
        self.current = 0

    def beforeBuild(self) -> None:
        self.previous = self.current
        self.current = 0

    def afterBuild(self) -> None:
        pass

    def isSatisfied(self) -> bool:
        return self.previous == self.current

    def notify(self, kind: str, stuff: Any) -> None:
        if kind == "PageTotal":
            self.current = max(self.current, int(stuff))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        pass


class GuideCanvas(Canvas):
    """A canvas that publishes its bookmarks as named destinations (the catalog's /Dests).

    reportlab links to bookmarks directly and writes no name table; the checker and
    readers find ``section-<key>`` and ``figure-<id>`` by name, so we add one.
    """

    def getNamedCB(self, name: str):  # noqa: N802 - reportlab's name
        """reportlab's ``<onDraw>`` callbacks: the guide's own (``emboldened``) first."""
        return emboldened.CALLBACKS.get(name) or super().getNamedCB(name)

    def beginText(self, x: float = 0, y: float = 0, direction=None):
        text_object = super().beginText(x, y, direction=direction)
        recording.text_begun(self, text_object)  # a link's stretch of text becomes a Link
        return text_object

    def _addAnnotation(self, annotation, name=None, addtopage=1) -> None:
        super()._addAnnotation(annotation, name, addtopage)
        recording.annotation_added(self)  # … and the annotation for it, the Link's OBJR

    def drawText(self, textobject) -> None:
        super().drawText(textobject)
        recording.text_drawn(self)  # a question's number ends its label here

    def showPage(self) -> None:
        recording.close_page(self)  # what no marked flowable claimed is an artifact
        super().showPage()

    def save(self) -> None:
        names = {name: self._destinations[name] for name in sorted(self._destinations)}
        if names:
            self._doc.Catalog.Dests = PDFDictionary(names)
        super().save()


class GuideTemplate(BaseDocTemplate):
    """Platypus template for one study guide."""

    def __init__(self, file: Any, document: Document, styles: Styles, first_template: str):
        guide = document.layout.guide
        margins = guide.margins
        lecture = document.lecture
        super().__init__(
            file, pagesize=page_size(document),
            leftMargin=float(margins.left), rightMargin=float(margins.right),
            topMargin=float(margins.top), bottomMargin=float(margins.bottom),
            title=plain(lecture.title),
            author=document.instructor,
            subject=plain(lecture.subtitle) if lecture.subtitle else document.course_label,
            keywords=", ".join(plain(keyword) for keyword in lecture.keywords),
            creator="course-builder", lang=document.language, invariant=1,
            initialFontName=styles.furniture_font, initialFontSize=styles.body_size,
            displayDocTitle=1)
        self.document = document
        self.styles = styles
        self.page_total = PageTotal()
        self.recorder = recording.Recorder()
        if self.width < MIN_FRAME or self.height < MIN_FRAME:
            where = document.layout.file or "layout"
            raise RenderError(f"{where}: guide.margins leave a {self.width:.0f}×"
                              f"{self.height:.0f} pt text area on the page; make the margins "
                              "smaller")
        self._check_furniture()
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        title_frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                            id="title", leftPadding=0, rightPadding=0, topPadding=0,
                            bottomPadding=0)
        templates = [PageTemplate("title", [title_frame], onPage=self._title_band),
                     PageTemplate("body", [frame], onPage=self._furniture)]
        if first_template == "body":
            templates.reverse()
        self.addPageTemplates(templates)

    def _check_furniture(self) -> None:
        where = self.document.lecture.where
        guide = self.document.layout.guide
        for template in (guide.header, guide.footer):
            text = plain(self.document.fill(template, page=0, pages=0))
            check_glyphs(text + "…", self.styles.body_faces, where)

    # --- build -------------------------------------------------------------------------

    def render(self, story: list[Flowable]) -> None:
        """Build in as many passes as the contents and page total need."""
        keep_headings_with_next(story)
        story = [self.page_total, *story]
        key = (self.document.stem, self.document.edition.edition, self.document.layout.name)
        passes.seed(key, story)  # a rebuild starts where the last build settled
        # a first pass with no page total cannot be the last (it counts at least one page,
        # unlike the none before it): its pages are laid out, never seen, so not drawn
        self._sketch = self.page_total.current == 0
        try:
            taken = self.multiBuild(story, canvasmaker=GuideCanvas, maxPasses=8)
        except IndexError as error:
            if "not resolved" not in str(error):
                raise
            raise RenderError(f"{self.document.lecture.where}: the table of contents did not "
                              f"settle ({error}); try removing 'contents' from guide.parts"
                              ) from None
        passes.remember(key, story, taken)

    def beforeDocument(self) -> None:
        self.canv.sketch = getattr(self, "_sketch", False)  # see ``tagging._Marked.drawOn``
        self._sketch = False
        stamp = creation_date(self.document)
        self.canv.setDateFormatter(lambda *_: stamp)
        self.recorder = recording.start_pass(self.canv, self.document.part_language,
                                             self.recorder)
        self.canv.showOutline()

    def afterPage(self) -> None:
        self.notify("PageTotal", self.page)

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        """Drop a plain Spacer that would open a page: the space after a block that ended
        the last page would otherwise push this page's text down, and pages would start at
        different heights. (Space before a paragraph is already dropped at a frame's top;
        CondPageBreak is a Spacer subclass and is kept.)"""
        frame = getattr(self, "frame", None)
        if flowables and type(flowables[0]) is Spacer and frame is not None and frame._atTop:
            flowables[0] = None

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        """Place one flowable; a reportlab LayoutError names the block it came from."""
        where = where_of(flowables[0]) if flowables else ""
        remaining = len(flowables) - 1
        try:
            super().handle_flowable(flowables)
        except ReportlabLayoutError:
            raise RenderError(
                f"{where or self.document.lecture.where}: this block does not fit on a page "
                f"(the text area is {self.width:.0f}×{self.height:.0f} pt) and cannot be split "
                "there (a table row or a figure is taller than the page): shorten it or split "
                "it into smaller blocks") from None
        for piece in flowables[:max(0, len(flowables) - remaining)]:
            if where and not getattr(piece, WHERE, ""):
                setattr(piece, WHERE, where)

    def afterFlowable(self, flowable: Flowable) -> None:
        entry = getattr(flowable, TOC_KEY, None)
        if entry is not None:
            level, text, key = entry
            self.notify("TOCEntry", (level, text, self.page, key))
        outline = getattr(flowable, OUTLINE_KEY, None)
        if outline is not None:
            title, key = outline
            self.canv.addOutlineEntry(title, key, level=0, closed=False)

    # --- page furniture ------------------------------------------------------------------

    def _furniture(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Running header and footer on every body page (never on the title page)."""
        guide = self.document.layout.guide
        colors = self.styles.colors
        font, size = self.styles.furniture_font, self.styles.furniture_size
        total = self.page_total.previous or self.page
        page_width, page_height = self.pagesize
        left, right = self.leftMargin, page_width - self.rightMargin
        faces = self.styles.body_faces
        def fits(text: str) -> bool:
            return styled_width(plain(text), faces, size) <= right - left
        header = self._fit(plain(self.document.fill(guide.header, fits, page=self.page,
                                                    pages=total)), faces, size, right - left)
        footer = self._fit(plain(self.document.fill(guide.footer, fits, page=self.page,
                                                    pages=total)), faces, size, right - left)
        header_y = page_height - self.topMargin * 0.55
        footer_y = self.bottomMargin * 0.45
        for text, subtype in ((header, "Header"), (footer, "Footer")):
            if not text:
                continue
            with recording.artifact(canvas, "Pagination", subtype):  # read by no screen reader
                canvas.saveState()
                canvas.setFont(font, size)
                canvas.setFillColor(colors.muted)
                canvas.setStrokeColor(colors.rule)
                canvas.setLineWidth(0.5)
                if subtype == "Header":
                    draw_text(canvas, text, faces, size, left, header_y)
                    canvas.line(left, header_y - size * 0.6, right, header_y - size * 0.6)
                else:
                    draw_text(canvas, text, faces, size, (left + right) / 2, footer_y, "centre")
                canvas.restoreState()

    def _title_band(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """A band of the primary colour across the top of the title page, naming the edition
        at its right, in line with the text column, so a student copy and an instructor copy
        are told apart at a glance."""
        page_width, page_height = self.pagesize
        band = self.topMargin * 0.45
        size = min(self.styles.furniture_size + 0.5, band * 0.45)
        # the label's baseline, from the top: centred in the band, but its letters never
        # within a quarter inch of the paper's edge (most printers cannot print there); the
        # band grows under it when that moves the label down
        baseline = max(band / 2 + size * 0.35, PRINTABLE_EDGE + size)  # ascent ≤ 1 em
        band = max(band, baseline + size * 0.45)
        canvas.saveState()
        canvas.setFillColor(self.styles.colors.primary)
        canvas.rect(0, page_height - band, page_width, band, stroke=0, fill=1)
        canvas.setFillColor(self.styles.colors.accent)
        canvas.rect(0, page_height - band - 3, page_width, 3, stroke=0, fill=1)
        if size >= 5:
            font = self.styles.edition_font
            label = self.document.words(self.document.edition.word).upper()
            canvas.setFillColor(self.styles.colors.on_primary)
            canvas.setFont(font, size)
            draw_text(canvas, label, self.styles.heading_faces, size,
                      page_width - max(self.rightMargin, PRINTABLE_EDGE), page_height - baseline,
                      "right", bold=True)
        canvas.restoreState()

    @staticmethod
    def _fit(text: str, faces: Faces, size: float, available: float) -> str:
        """Shorten furniture text with an ellipsis at a word's end rather than run past the
        margin (``Document.fill`` already shortened its longest field; this is the rest)."""
        return shortened(text, lambda shown: styled_width(shown, faces, size) <= available)
