"""The guide's parts (title page, contents, sections, back matter) in the layout's order.

Each part is a function returning its flowables, or nothing when it has no content (an
empty part prints no heading). ``build_story`` strings them together in the order of
``layout.guide.parts`` and decides where new pages start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from reportlab.lib.utils import ImageReader
from reportlab.platypus import (CondPageBreak, Flowable, Image, KeepInFrame, ListFlowable,
                                ListItem, NextPageTemplate, PageBreak, Spacer,
                                TableStyle)
from reportlab.platypus.tableofcontents import TableOfContents

from builder.errors import RenderError
from builder.guide.blocks import definition, gap, people_table, render_block, timeline_table
from builder.guide.context import Context, tag
from builder.guide.flowables import Rule
from builder.guide.markup import link
from builder.guide.questions import answer_flowables, question_flowables
from builder.guide.styles import TextStyle
from builder.guide.tables import box, cell_font
from builder.guide.template import OUTLINE_KEY, TOC_KEY
from builder.inline import plain
from builder.model import FigureRef, Section, SpeakerNotes, block_kind

Part = Callable[[Context], list[Flowable]]
NEW_PAGE_PARTS = {"sections", "answer_key", "notes_appendix"}
LOGO_HEIGHT = 56.0


def heading(context: Context, text: str, where: str, key: str, *, in_contents: bool = True,
            in_outline: bool = False) -> list[Flowable]:
    """A first-level heading with a named destination, a contents entry and its rule."""
    styles = context.styles
    paragraph = context.paragraph(text, styles.heading1, where, prefix=f'<a name="{key}"/>')
    if in_contents:
        toc_text = context.markup(text, styles.body, where)  # the contents use the body font
        setattr(paragraph, TOC_KEY, (0, toc_text, key))
    if in_outline:
        setattr(paragraph, OUTLINE_KEY, (plain(text), key))
    rule = Rule(36, 2.5, styles.colors.accent, styles.line * 0.7)
    return tag([CondPageBreak(context.frame_height * 0.2), paragraph, rule], where)


# --- front matter --------------------------------------------------------------------------

def title_page(context: Context) -> list[Flowable]:
    """Course, lecture title and subtitle, instructor, term, date and edition; logo on top.

    The text sits about a fifth of the way down; on a small page the gap shrinks, and if
    even then it does not fit, everything is scaled down to stay on one page.
    """
    document = context.document
    styles = context.styles
    lecture = document.lecture
    where = lecture.where
    top: list[Flowable] = []
    logo = document.layout.guide.logo
    if logo:
        top.append(logo_image(context, logo))
    body: list[Flowable] = []
    if document.course_label:
        body.append(context.paragraph(document.course_label.upper(), styles.overline, where))
    body.append(Rule(56, 3, styles.colors.accent, styles.line))
    body.append(context.paragraph(lecture.title, styles.title, where))
    if lecture.subtitle:
        body.append(context.paragraph(lecture.subtitle, styles.subtitle, where))
    body.append(Spacer(1, styles.line * 3))
    instructor = lecture.instructor or document.layout.course.instructor
    details = [instructor, document.layout.course.term,
               lecture.date.display() if lecture.date else None]
    for detail in details:
        if detail:
            body.append(context.paragraph(detail, styles.title_meta, where, inline=False))
    body.append(Spacer(1, styles.line * 1.5))
    body.append(context.paragraph(document.edition.label.upper(), styles.overline, where))
    used = stack_height([*top, *body], context.width, context.frame_height)
    room = context.frame_height - used - 2
    gap_above = max(0.0, min(context.frame_height * 0.22, room))
    page = KeepInFrame(context.width, context.frame_height - 1,
                       [*top, Spacer(1, gap_above), *body], mode="shrink")
    return tag([page], where)


def stack_height(flowables: list[Flowable], width: float, height: float) -> float:
    """Height of flowables stacked in a frame (spaces between them included)."""
    total = 0.0
    for flowable in flowables:
        total += flowable.wrap(width, height)[1]
        total += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def logo_image(context: Context, logo: str) -> Image:
    """The layout's logo, at most LOGO_HEIGHT tall, keeping its aspect."""
    layout = context.document.layout
    path = Path(logo)  # the layout loader made it absolute and checked it exists
    if not path.is_file():
        raise RenderError(f"{layout.file or 'layout'}: guide.logo: file '{path}' not found")
    image_width, image_height = ImageReader(str(path)).getSize()
    height = min(LOGO_HEIGHT, float(image_height))
    scaled_width = min(context.width * 0.4, image_width * height / image_height)
    image = Image(str(path), width=scaled_width, height=image_height * scaled_width / image_width)
    image.hAlign = "LEFT"
    return image


def objectives(context: Context) -> list[Flowable]:
    """The essential question in a tinted box, then the learning objectives, numbered."""
    lecture = context.document.lecture
    styles = context.styles
    where = lecture.where
    if not lecture.essential_question and not lecture.objectives:
        return []
    flowables: list[Flowable] = []
    if lecture.essential_question:
        content = [context.paragraph("Essential question", styles.label, where),
                   context.paragraph(lecture.essential_question, styles.quote, where)]
        flowables += [box(content, context.width, styles, tint=styles.colors.surface,
                          rule=styles.colors.primary, padding=12), gap(context, 1.0)]
    if lecture.objectives:
        flowables.append(context.paragraph("Learning objectives", styles.heading2, where))
        flowables.append(context.paragraph("By the end of this lecture you will be able to:",
                                           styles.body, where))
        items = [ListItem(context.paragraph(text, styles.bullet, where))
                 for text in lecture.objectives]
        flowables.append(ListFlowable(items, bulletType="1", bulletFormat="%s.", leftIndent=18,
                                      bulletFontName=styles.term.font_name,
                                      bulletFontSize=styles.body_size,
                                      bulletColor=styles.colors.primary))
    return tag([*flowables, gap(context, 1.2)], where)


def contents(context: Context) -> list[Flowable]:
    """Table of contents: every entry a link, with dotted leaders to its page number."""
    styles = context.styles
    where = context.document.lecture.where
    toc = TableOfContents(levelStyles=styles.toc, dotsMinLevel=0, tableStyle=TableStyle([
        cell_font(styles), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    title = context.paragraph("Contents", styles.heading1, where)
    return tag([title, Rule(36, 2.5, styles.colors.accent, styles.line * 0.7), toc], where)


# --- the lecture itself --------------------------------------------------------------------

def sections(context: Context) -> list[Flowable]:
    """Each section: heading (outline entry, contents entry, destination) and its blocks."""
    flowables: list[Flowable] = []
    for section in context.document.lecture.sections:
        flowables += section_flowables(context, section)
    return flowables


def section_flowables(context: Context, section: Section) -> list[Flowable]:
    """The heading is the section's destination (``section-<key>``) and outline entry."""
    flowables = heading(context, section.title, section.where, f"section-{section.key}",
                        in_outline=True)
    for block in section.blocks:
        flowables += render_block(block, context)
    return flowables


# --- back matter ---------------------------------------------------------------------------

def glossary(context: Context) -> list[Flowable]:
    terms = context.document.glossary
    if not terms:
        return []
    flowables = heading(context, "Glossary", context.document.lecture.where, "part-glossary")
    for term in terms:
        flowables += definition(context, term)
    return flowables


def people(context: Context) -> list[Flowable]:
    document = context.document
    if not document.people:
        return []
    where = document.lecture.where
    return [*heading(context, "Key people", where, "part-people"),
            people_table(context, document.people, document.people[0].where)]


def timeline(context: Context) -> list[Flowable]:
    document = context.document
    if not document.timeline or document.sections_show_timeline:
        return []
    where = document.lecture.where
    return [*heading(context, "Timeline", where, "part-timeline"),
            timeline_table(context, document.timeline, document.timeline[0].where)]


def questions(context: Context) -> list[Flowable]:
    """The lecture's review questions (section questions print where they are asked)."""
    review = [q for q in context.document.questions if q.section is None]
    if not review:
        return []
    flowables = heading(context, "Review questions", context.document.lecture.where,
                        "part-questions")
    for numbered in review:
        flowables += question_flowables(context, numbered)
    return flowables


def answer_key(context: Context) -> list[Flowable]:
    document = context.document
    if not document.edition.shows_answers or not document.questions:
        return []
    flowables = heading(context, "Answer key", document.lecture.where, "part-answer-key")
    for numbered in document.questions:
        flowables += answer_flowables(context, numbered)
    return flowables


def notes_appendix(context: Context) -> list[Flowable]:
    """Every speaker note, section by section (instructor edition only)."""
    document = context.document
    if not document.edition.shows_notes_appendix:
        return []
    styles = context.styles
    body: list[Flowable] = []
    if document.lecture.notes:
        body.append(context.paragraph(document.lecture.notes, styles.note,
                                      document.lecture.where))
    for section in document.lecture.sections:
        notes = section_notes(context, section)
        if notes:
            title = context.paragraph(section.title, styles.heading2, section.where)
            body += tag([title, *notes], section.where)
    if not body:
        return []
    return [*heading(context, "Speaker notes", document.lecture.where, "part-notes"), *body]


def section_notes(context: Context, section: Section) -> list[Flowable]:
    styles = context.styles
    notes: list[Flowable] = []
    if section.notes:
        notes.append(context.paragraph(section.notes, styles.note, section.where))
    for block in section.blocks:
        texts = [block.notes] if getattr(block, "notes", None) else []
        label = "Notes" if isinstance(block, SpeakerNotes) else \
            (block_kind(block) or "block").replace("_", " ").capitalize()
        if isinstance(block, FigureRef):
            numbered = context.document.figure(block.figure)
            label = numbered.label
            if numbered.figure.notes:
                texts.append(numbered.figure.notes)
        for text in texts:
            notes += tag([context.paragraph(label, styles.label, block.where, inline=False),
                          context.paragraph(text, styles.note, block.where)], block.where)
    return tag(notes, section.where)


def sources(context: Context) -> list[Flowable]:
    """The bibliography; URLs are links and wrap instead of running off the page."""
    document = context.document
    references = document.lecture.bibliography
    if not references:
        return []
    styles = context.styles
    italic = TextStyle(styles.reference.paragraph, styles.reference.faces, italic=True)
    link_color = f"#{document.layout.palette.primary}"
    flowables = heading(context, "Sources", document.lecture.where, "part-sources")
    for reference in references:
        where = reference.where
        pieces = []
        if reference.author:
            pieces.append(context.markup(sentence(reference.author), styles.reference, where))
        pieces.append("<i>" + context.markup(sentence(reference.title), italic, where) + "</i>")
        if reference.publisher:
            pieces.append(context.markup(sentence(reference.publisher), styles.reference, where))
        if reference.url:
            pieces.append(link(reference.url, styles.reference, where, link_color))
        if reference.accessed:
            pieces.append(context.markup(f"(accessed {reference.accessed.display()}).",
                                         styles.reference, where, inline=False))
        if reference.note:
            pieces.append(context.markup(reference.note, styles.reference, where))
        paragraph = context.paragraph("", styles.reference, where, prefix=" ".join(pieces))
        flowables += tag([paragraph], where)
    return flowables


def sentence(text: str) -> str:
    """Text ending in a full stop, unless it already ends in punctuation."""
    return text if text.rstrip("*")[-1:] in ".?!" else text + "."


PARTS: dict[str, Part] = {
    "title_page": title_page, "objectives": objectives, "contents": contents,
    "sections": sections, "glossary": glossary, "people": people, "timeline": timeline,
    "questions": questions, "answer_key": answer_key, "notes_appendix": notes_appendix,
    "sources": sources,
}


def build_story(context: Context) -> list[Flowable]:
    """All parts in layout order; sections, answer key and notes appendix start a new page,
    and the first part after the sections does too (back matter begins on its own page)."""
    story: list[Flowable] = []
    page_is_empty = True
    after_sections = False
    for name in context.document.layout.guide.parts:
        flowables = PARTS[name](context)
        if not flowables:
            continue
        if name == "title_page":
            if not page_is_empty:
                story += [NextPageTemplate("title"), PageBreak()]
            story += [*flowables, NextPageTemplate("body"), PageBreak()]
            page_is_empty = True
            continue
        if not page_is_empty and (name in NEW_PAGE_PARTS or after_sections):
            story.append(PageBreak())
        story += flowables
        page_is_empty = False
        after_sections = name == "sections"
    if story and isinstance(story[-1], PageBreak):
        story = story[:-2]  # a title page alone needs no blank page after it
    return story
