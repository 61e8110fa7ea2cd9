"""Draw each planned slide with python-pptx: one function per slide spec type.

Drawing only: every size and split was decided by ``plan``. The grid puts the title, rule,
body and footer in the same place on every content slide; section and title slides are
full-bleed primary colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import singledispatch

from PIL import Image
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.util import Pt

from pptx.oxml.ns import qn

from builder.deck import access, directxml, fit, oxml, shapexml
from builder.deck.figures import add_figure
from builder.deck.timelinexml import AXIS_WIDTH, TICK_WIDTH, TimelineXml
from builder.deck.grid import (CELL_PAD_X, CELL_PAD_Y, EMU_PER_POINT, Box, Grid, below,
                               card_boxes, figure_boxes, prompt_boxes, quote_boxes,
                               section_slide_boxes, TITLE_LEADING, timeline_boxes,
                               title_slide_boxes)
from builder.deck.arrange import card_paras
from builder.deck.events import event_paras
from builder.deck.specs import (CardsSlide, FigureSlide, Para, PromptSlide, QuoteSlide,
                                SectionSlide, SlideSpec, TableSlide, TextSlide, TimelineSlide,
                                TitleSlide)
from builder.deck.template import (Deckfile, placeholder_of_type, remove_empty_placeholders,
                                   title_placeholder)
from builder.deck.text import (Ink, Styled, add_text, add_text_element, write, write_body,
                               write_notes)
from builder.text.inline import Run
from builder.resolve.document import Document

LedSlide = CardsSlide | TableSlide | FigureSlide | QuoteSlide | PromptSlide | TimelineSlide

TONES = {"discussion": "primary", "essential": "primary", "answer": "chart2", "note": "primary",
         "tip": "chart2", "warning": "accent"}
BAR_WIDTH = 7.0
_SUBTITLE_TYPES = (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY)
_TXBODY = qn("p:txBody")


@dataclass
class Canvas:
    """Everything a slide function needs: the deck file, grid, document, ink and the slide."""

    deckfile: Deckfile
    grid: Grid
    document: Document
    ink: Ink
    footer: str
    logo_path: str | None
    slide: object = None
    number: int = 0

    @property
    def shapes(self):
        return self.slide.shapes

    @property
    def body_faces(self):
        return self.document.fonts["body"]

    @property
    def heading_faces(self):
        return self.document.fonts["heading"]

    def styled(self, paras, size: float, heading: bool = False) -> list[Styled]:
        faces = self.heading_faces if heading else self.body_faces
        return [Styled(para, size, faces) for para in paras]

    def rect(self, box: Box, color: str, name: str, shape=MSO_SHAPE.RECTANGLE,
             decorative: bool = True):
        """A filled rectangle without outline (bars, panels, bands).

        Marked decorative unless it holds text (a card): screen readers skip bands and rules,
        and PowerPoint's accessibility checker no longer asks for their alt text.
        """
        rectangle = directxml.add_filled_shape(self.shapes, shape, *box.emu(), name,
                                               self.ink.hex(color))
        if decorative:
            oxml.set_decorative(rectangle)
        return rectangle

    def logo(self) -> None:
        """The course logo in the grid's reserved corner, which no text box on any slide
        kind enters (content titles and footers are narrowed for it; title and section
        slides keep their text between 16 % and 82 % of the height)."""
        if self.logo_path and self.grid.logo:
            picture = self.shapes.add_picture(self.logo_path, *self.grid.logo.emu())
            picture.name = "logo"
            words = self.document.words
            oxml.set_alt_text(picture, words("logo", course=self.document.course_label
                                             or words("course")))


def draw_slide(canvas: Canvas, spec: SlideSpec, number: int) -> None:
    """Add one slide for ``spec`` (input was checked at load: a failure here is a bug)."""
    canvas.number = number
    grid = canvas.grid
    canvas.grid = grid.titled(spec.title_lines)  # a long title's box: the body under it
    try:
        draw(spec, canvas)
    finally:
        canvas.grid = grid
    remove_empty_placeholders(canvas.slide)
    if spec.notes:
        canvas.deckfile.notes_slide(canvas.slide)
        write_notes(canvas.slide, spec.notes, canvas.ink, canvas.body_faces)
        remove_empty_placeholders(canvas.slide.notes_slide, keep=(PP_PLACEHOLDER.SLIDE_IMAGE,))
    access.finish_slide(canvas.slide, canvas.document.language,
                        canvas.document.part_language)


@singledispatch
def draw(spec: SlideSpec, canvas: Canvas) -> None:
    raise TypeError(f"no drawing for {type(spec).__name__}")


# ------------------------------------------------------------------------- furniture

def _start(canvas: Canvas, kind: str, dark: bool = False) -> None:
    background = None if canvas.deckfile.has_template else \
        canvas.ink.hex("primary" if dark else "background")
    canvas.slide = canvas.deckfile.new_slide(kind, background)


def _content_slide(canvas: Canvas, spec: SlideSpec, kind: str = "content") -> None:
    """A content slide's frame: band, title, accent rule, footer, number and logo."""
    _start(canvas, kind)
    grid = canvas.grid
    if not canvas.deckfile.has_template:
        canvas.rect(Box(0, 0, grid.width, 7.0), "primary", "band")
    _title(canvas, spec.title, grid.title, spec.title_size, "primary", "bottom")
    canvas.rect(grid.rule, "accent", "rule")
    _footer(canvas, "muted")
    canvas.logo()


def _title(canvas: Canvas, text: str, box: Box, size: float, color: str, anchor: str,
           name: str = "title", leading: float = TITLE_LEADING):
    """The title in the layout's title placeholder (so outlines and screen readers see it)."""
    paras = [Styled(Para(fit.plain_runs(text, bold=True)), size, canvas.heading_faces, leading)]
    tree = canvas.shapes._spTree
    element = next((child for child in shapexml.shapes_of(tree)
                    if shapexml.placeholder_type(child) in ("title", "ctrTitle")), None)
    if element is None:
        add_text_element(tree, box, paras, canvas.ink, name, anchor, color)
        return
    if not shapexml.set_fresh_position(element, *box.emu()):
        shape = title_placeholder(canvas.slide)
        shape.left, shape.top, shape.width, shape.height = box.emu()
    element[0][0].set("name", name)  # p:nvSpPr/p:cNvPr
    body = element.find(_TXBODY)
    if body is None or not write_body(body, box, paras, canvas.ink, anchor, color):
        write(title_placeholder(canvas.slide).text_frame, box, paras, canvas.ink, anchor, color)


def _footer(canvas: Canvas, color: str, with_text: bool = True) -> None:
    grid = canvas.grid
    size = grid.footer_size
    if with_text and canvas.footer:
        add_text(canvas.shapes, grid.footer, [Styled(Para(fit.plain_runs(canvas.footer)), size,
                                                     canvas.body_faces)],
                 canvas.ink, "footer", "bottom", color)
    if canvas.document.layout.deck.slide_numbers:
        number = Para(fit.plain_runs(str(canvas.number)), align="right")
        add_text(canvas.shapes, grid.number, [Styled(number, size, canvas.body_faces)],
                 canvas.ink, "slide-number", "bottom", color)


# ------------------------------------------------------------------------- slide kinds

@draw.register
def _(spec: TitleSlide, canvas: Canvas) -> None:
    _start(canvas, "title", dark=True)
    title_box, rule_box, subtitle_box, details_box = title_slide_boxes(canvas.grid)
    dark = not canvas.deckfile.has_template
    _title(canvas, spec.title, title_box, spec.title_size, "on_primary" if dark else "primary",
           "bottom")
    canvas.rect(rule_box, "accent", "rule")
    soft = "on_primary_soft" if dark else "muted"
    subtitle_shape = placeholder_of_type(canvas.slide, *_SUBTITLE_TYPES)
    if spec.subtitle:
        paras = canvas.styled([Para(spec.subtitle)], spec.subtitle_size)
        if subtitle_shape is not None:
            subtitle_shape.left, subtitle_shape.top, subtitle_shape.width, subtitle_shape.height = (
                subtitle_box.emu())
            subtitle_shape.name = "subtitle"
            write(subtitle_shape.text_frame, subtitle_box, paras, canvas.ink, "top", soft)
        else:
            add_text(canvas.shapes, subtitle_box, paras, canvas.ink, "subtitle", "top", soft)
    if spec.details:
        size = spec.details_size or canvas.document.layout.deck.sizes.min_body
        paras = [Para(fit.plain_runs(line), gap=0.3 if index else 0.0)
                 for index, line in enumerate(spec.details)]
        add_text(canvas.shapes, details_box, canvas.styled(paras, size), canvas.ink, "details",
                 "top", soft)
    canvas.logo()


@draw.register
def _(spec: SectionSlide, canvas: Canvas) -> None:
    _start(canvas, "section", dark=True)
    dark = not canvas.deckfile.has_template
    label_box, rule_box, title_box = section_slide_boxes(canvas.grid)
    label = Para((Run(canvas.document.words("section_of", number=spec.number, count=spec.count),
                      bold=True),))
    add_text(canvas.shapes, label_box, canvas.styled([label], 18.0), canvas.ink, "part-label",
             "bottom", "on_primary_soft" if dark else "muted")
    canvas.rect(rule_box, "accent", "rule")
    _title(canvas, spec.title, title_box, spec.title_size, "on_primary" if dark else "primary",
           "top", name=f"section-{spec.key}")
    _footer(canvas, "on_primary_soft" if dark else "muted", with_text=False)
    canvas.logo()


@draw.register
def _(spec: TextSlide, canvas: Canvas) -> None:
    _content_slide(canvas, spec)
    add_text(canvas.shapes, canvas.grid.body, canvas.styled(spec.paras, spec.size), canvas.ink,
             f"caption-{spec.caption_of}" if spec.caption_of else "body")


@draw.register
def _(spec: PromptSlide, canvas: Canvas) -> None:
    _content_slide(canvas, spec)
    panel, heading, text = prompt_boxes(_lead(canvas, spec))
    tone = TONES.get(spec.tone, "primary")
    canvas.rect(panel, "surface", "panel")
    canvas.rect(Box(panel.left, panel.top, BAR_WIDTH, panel.height), tone, "panel-bar")
    label = Para((Run(spec.heading.upper(), bold=True),))
    add_text(canvas.shapes, heading, canvas.styled([label], 18.0), canvas.ink, "panel-heading",
             "top", tone)
    add_text(canvas.shapes, text, canvas.styled(spec.paras, spec.size), canvas.ink, "body",
             "middle")


@draw.register
def _(spec: QuoteSlide, canvas: Canvas) -> None:
    """The quote and its attribution stacked at their measured heights, a little above centre."""
    _content_slide(canvas, spec)
    grid = _lead(canvas, spec)
    body = grid.body
    attribution_height = (fit.height(spec.attribution, canvas.body_faces, spec.attribution_size,
                                     body.width - 56) + 6)
    _, text, attribution = quote_boxes(grid, attribution_height)
    quote_height = min(fit.height(spec.paras, canvas.body_faces, spec.size, text.inner_width)
                       + 2 * text.inset_y, text.height)
    total = quote_height + 10 + attribution.height
    top = body.top + max(0.0, (body.height - total) * 0.4)
    text = Box(text.left, top, text.width, quote_height, text.inset_x, text.inset_y)
    attribution = Box(attribution.left, text.bottom + 10, attribution.width, attribution.height,
                      attribution.inset_x, attribution.inset_y)
    canvas.rect(Box(text.left - 28, text.top, 5.0, quote_height), "accent", "quote-bar")
    add_text(canvas.shapes, text, canvas.styled(spec.paras, spec.size), canvas.ink, "quote")
    add_text(canvas.shapes, attribution, canvas.styled(spec.attribution, spec.attribution_size),
             canvas.ink, "attribution")


def _lead(canvas: Canvas, spec: LedSlide) -> Grid:
    """Draw the paragraph introducing a table, cards, a figure, a quote, a prompt or a
    timeline (if any); the grid left under it."""
    if spec.lead is None:
        return canvas.grid
    body = canvas.grid.body
    box = Box(body.left, body.top, body.width, spec.lead.height, body.inset_x, body.inset_y)
    add_text(canvas.shapes, box, canvas.styled(spec.lead.paras, spec.lead.size), canvas.ink,
             "body")
    return below(canvas.grid, spec.lead.height)


@draw.register
def _(spec: CardsSlide, canvas: Canvas) -> None:
    _content_slide(canvas, spec)
    boxes = card_boxes(_lead(canvas, spec), spec.columns, spec.rows, len(spec.cards),
                       spec.tall)
    for index, (card, box) in enumerate(zip(spec.cards, boxes)):
        shape = canvas.rect(box, "surface", f"card-{index + 1}", decorative=False)
        canvas.rect(Box(box.left, box.top, box.width, 4.0),
                    "accent" if spec.style == "statistic" else "primary", f"card-{index + 1}-bar")
        head, *rest = card_paras(card, spec.style)
        paras = [Styled(head, spec.heading_size, canvas.heading_faces),
                 *(Styled(para, spec.size, canvas.body_faces) for para in rest)]
        write(shape.text_frame, box, paras, canvas.ink, "top")


@draw.register
def _(spec: TimelineSlide, canvas: Canvas) -> None:
    _content_slide(canvas, spec)
    grid = _lead(canvas, spec)
    body = grid.body
    axis, xs, boxes = timeline_boxes(grid, len(spec.events))
    group = canvas.shapes.add_group_shape()
    group.name = "timeline"
    ink, shapes = canvas.ink, TimelineXml(group._element)
    shapes.connector(_emu(body.left), _emu(axis), _emu(body.right), _emu(axis), "axis",
                     ink.hex("primary"), AXIS_WIDTH)
    for index, (event, x, box) in enumerate(zip(spec.events, xs, boxes)):
        above = index % 2 == 0
        tick_end = box.bottom if above else box.top
        shapes.connector(_emu(x), _emu(axis), _emu(x), _emu(tick_end), f"tick-{index + 1}",
                         ink.hex("muted"), TICK_WIDTH)
        shapes.marker(x, axis, f"marker-{index + 1}", ink.hex("accent"), ink.hex("background"))
        label = Box(box.left, box.top, box.width, box.height, box.inset_x, box.inset_y)
        shapes.label(label, canvas.styled(event_paras(event), spec.size), ink,
                     f"event-{index + 1}", "bottom" if above else "top", ink.hex("background"))
    shapes.finish()
    summary = "; ".join(f"{event.date}: {''.join(r.text for r in event.label)}"
                        for event in spec.events)
    oxml.set_alt_text(group, canvas.document.words("alt_timeline", events=summary), spec.title)


@draw.register
def _(spec: TableSlide, canvas: Canvas) -> None:
    _content_slide(canvas, spec)
    body = _lead(canvas, spec).body
    rows = [spec.header, *spec.rows]
    height = sum(spec.row_heights)
    frame = canvas.shapes.add_table(len(rows), len(spec.header), _emu(body.left), _emu(body.top),
                                    _emu(sum(spec.column_widths)), _emu(height))
    frame.name = "table"
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    for column, width in zip(table.columns, spec.column_widths):
        column.width = _emu(width)
    for row, row_height in zip(table.rows, spec.row_heights):
        row.height = _emu(row_height)
    for r, (cells, row_height) in enumerate(zip(rows, spec.row_heights)):
        for c, (runs, width) in enumerate(zip(cells, spec.column_widths)):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = Pt(CELL_PAD_X)
            cell.margin_top = cell.margin_bottom = Pt(CELL_PAD_Y)
            cell.fill.solid()
            fill = "primary" if r == 0 else ("surface" if r % 2 == 0 else "background")
            cell.fill.fore_color.rgb = canvas.ink.color(fill)
            box = Box(0, 0, width, row_height, CELL_PAD_X, CELL_PAD_Y)
            write(cell.text_frame, box, canvas.styled([Para(runs)], spec.size), canvas.ink, "top",
                  "on_primary" if r == 0 else "text")
    columns = ", ".join("".join(run.text for run in cell) for cell in spec.header)
    oxml.set_alt_text(frame, canvas.document.words("alt_table", title=spec.title, columns=columns,
                                                  rows=len(spec.rows)),
                      spec.title)


@draw.register
def _(spec: FigureSlide, canvas: Canvas) -> None:
    _content_slide(canvas, spec, "figure")
    numbered = canvas.document.figure(spec.figure_id)
    area, caption, credit = figure_boxes(_lead(canvas, spec), spec.caption_height,
                                         spec.credit_height, spec.figure_width,
                                         spec.credit_width)
    add_figure(canvas.slide, canvas.document, numbered, *area.emu(), rows=spec.rows)
    if spec.caption:  # else a caption too long for the slide follows on the next one
        add_text(canvas.shapes, caption, canvas.styled([Para(spec.caption)], spec.caption_size),
                 canvas.ink, f"caption-{spec.figure_id}", "top", "text")
    if spec.credit:
        credit_para = Para(fit.plain_runs(spec.credit))
        add_text(canvas.shapes, credit, canvas.styled([credit_para],
                                                      spec.credit_size or spec.caption_size - 2),
                 canvas.ink, f"credit-{spec.figure_id}", "top", "muted")


def _emu(points: float) -> int:
    return round(points * EMU_PER_POINT)


def logo_aspect(path: str | None) -> float | None:
    """Width / height of the logo image, so the grid can reserve its corner."""
    if not path:
        return None
    with Image.open(path) as image:
        width, height = image.size
    return width / height if height else None

