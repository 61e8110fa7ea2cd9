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
                                ListItem, NextPageTemplate, PageBreak, Spacer, Table,
                                TableStyle)
from reportlab.platypus.tableofcontents import TableOfContents

from builder.errors import RenderError
from builder.guide.blocks import definition, gap, people_table, render_block, timeline_table
from builder.guide.context import Context, tag
from builder.guide.flowables import Badge, Rule
from builder.guide.markup import link
from builder.guide.questions import answer_flowables, question_flowables
from builder.guide.styles import TextStyle
from builder.guide.tables import box, cell_font
from builder.guide.template import OUTLINE_KEY, TOC_KEY
from builder.text.inline import plain
from builder.text.measure import width as text_width
from builder.model import FigureRef, Section, SpeakerNotes, block_kind

Part = Callable[[Context], list[Flowable]]
NEW_PAGE_PARTS = {"sections", "answer_key"}
HALF_PAGE_PARTS = {"notes_appendix"}
"""Parts that start a new page only when less than half of the current one is left: the
speaker notes need not leave the last answers of the key alone on a page."""
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
    """A cover that can be handed out as is: logo, course, title, the essential question,
    what is inside, and who/when/which edition, with a name line on the student edition.

    Everything must fit on one page at any page size, so the optional pieces are dropped,
    least important first ("In this guide", then the essential question), until the page
    holds the rest; only then is the whole page scaled down. Spare height goes above the
    title (a little) and above the details (the rest), which pins them to the foot.
    """
    document = context.document
    styles = context.styles
    lecture = document.lecture
    where = lecture.where
    top: list[Flowable] = []
    logo = document.layout.guide.logo
    if logo:
        top.append(logo_image(context, logo))
    title: list[Flowable] = []
    course = document.layout.course
    course_line = " · ".join(part for part in (course.code, course.title) if part)
    if course_line:
        title.append(context.paragraph(course_line.upper(), styles.overline, where,
                                       inline=False))
    title.append(Rule(56, 3, styles.colors.accent, styles.line))
    title.append(context.paragraph(lecture.title, styles.title, where))
    if lecture.subtitle:
        title.append(context.paragraph(lecture.subtitle, styles.subtitle, where))
    # the question belongs to the objectives part: the cover only features it from there
    featured = lecture.essential_question and "objectives" in document.layout.guide.parts
    question = essential_question_box(context) if featured else []
    preview = guide_preview(context)
    bottom = title_details(context)
    frame = context.frame_height - 2
    # the page with everything, then without the preview, then without the question too
    for question, preview in ((question, preview), (question, []), ([], [])):
        middle = [*([Spacer(1, styles.line * 1.6), *question] if question else []),
                  *([Spacer(1, styles.line * 1.4), *preview] if preview else [])]
        used = stack_height([*top, *title, *middle, *bottom], context.width, frame)
        if used <= frame - styles.line * 2:
            break
    if question:
        context.featured.add("essential_question")
    spare = max(0.0, frame - used)
    above = min(spare * 0.3, context.frame_height * 0.12)
    page = KeepInFrame(context.width, context.frame_height - 1,
                       [*top, Spacer(1, above), *title, *middle,
                        Spacer(1, spare - above), *bottom], mode="shrink")
    return tag([page], where)


def essential_question_box(context: Context) -> list[Flowable]:
    """The lecture's essential question in a tinted box with a rule in the primary colour."""
    styles = context.styles
    lecture = context.document.lecture
    where = lecture.where
    content = [context.paragraph("Essential question", styles.label, where),
               context.paragraph(lecture.essential_question or "", styles.quote, where)]
    return [box(content, context.width, styles, tint=styles.colors.surface,
                rule=styles.colors.primary, padding=12)]


def guide_preview(context: Context) -> list[Flowable]:
    """"In this guide": the sections, numbered, in two columns, and what follows them.

    A reader sees at a glance what the handout covers; the page numbers stay in the
    contents, which this does not replace.
    """
    document = context.document
    styles = context.styles
    where = document.lecture.where
    titles = [section.title for section in document.lecture.sections]
    if not titles:
        return []
    columns = 2 if context.width >= 320 and len(titles) > 3 else 1
    rows_count = -(-len(titles) // columns)
    number_width = styles.body_size * 2
    cells: list[list[Flowable | str]] = [[] for _ in range(rows_count)]
    for index, text in enumerate(titles):
        row = cells[index % rows_count]
        row += [context.paragraph(f"{index + 1:02d}", styles.meta_label, where, inline=False),
                context.paragraph(text, styles.preview, where)]
    for row in cells:
        row += ["", ""] * (columns - len(row) // 2)
    column_width = context.width / columns
    grid = Table(cells, colWidths=[number_width, column_width - number_width] * columns,
                 hAlign="LEFT")
    grid.setStyle(TableStyle([
        cell_font(styles), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    extras = [name for name, present in (
        ("key takeaways", bool(document.lecture.takeaways)
         and "takeaways" in document.layout.guide.parts),
        ("glossary", bool(document.glossary) and "glossary" in document.layout.guide.parts),
        ("key people", bool(document.people) and "people" in document.layout.guide.parts),
        ("review questions", any(q.section is None for q in document.questions)
         and "questions" in document.layout.guide.parts),
        ("answer key", document.edition.shows_answers and bool(document.questions)
         and "answer_key" in document.layout.guide.parts),
        ("speaker notes", document.edition.shows_notes_appendix
         and "notes_appendix" in document.layout.guide.parts),
    ) if present]
    flowables: list[Flowable] = [context.paragraph("In this guide", styles.label, where), grid]
    if extras:
        listed = extras[0] if len(extras) == 1 else \
            ", ".join(extras[:-1]) + " and " + extras[-1]
        text = "After the sections: " + listed + "."
        flowables.append(Spacer(1, styles.line * 0.3))
        flowables.append(context.paragraph(text, styles.small, where, inline=False))
    return flowables


def title_details(context: Context) -> list[Flowable]:
    """Instructor, term and date as labelled columns under a rule; on the student
    edition, a line for the student's name and class (a handout gets written on)."""
    document = context.document
    styles = context.styles
    lecture = document.lecture
    where = lecture.where
    instructor = lecture.instructor or document.layout.course.instructor
    pairs = [(label, value) for label, value in (
        ("Instructor", instructor), ("Term", document.layout.course.term),
        ("Date", lecture.date.display() if lecture.date else None)) if value]
    if not pairs:  # the edition is in the band at the top; nothing else to list
        return [name_line(context)] if document.edition.shows_answer_lines else []
    labels = [context.paragraph(label.upper(), styles.meta_label, where, inline=False)
              for label, _ in pairs]
    values = [context.paragraph(value, styles.title_meta, where, inline=False)
              for _, value in pairs]
    columns = len(pairs)
    if context.width < 90 * columns:  # too narrow for columns side by side: one per row
        data = [[label, value] for label, value in zip(labels, values)]
        widths = [context.width * 0.3, context.width * 0.7]
    else:
        data = [labels, values]
        column = context.width / max(columns, 3)  # columns line up across layouts
        widths = [column] * (columns - 1) + [context.width - column * (columns - 1)]
    details = Table(data, colWidths=widths, hAlign="LEFT")
    details.setStyle(TableStyle([
        cell_font(styles), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, styles.colors.primary),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, 0), 7), ("TOPPADDING", (0, 1), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    flowables: list[Flowable] = [details]
    if document.edition.shows_answer_lines:
        flowables += [Spacer(1, styles.line * 1.2), name_line(context)]
    return flowables


def name_line(context: Context) -> Table:
    """"Name ______  Class ____": ruled blanks the student fills in."""
    styles = context.styles
    where = context.document.lecture.where
    name = context.paragraph("NAME", styles.meta_label, where, inline=False)
    group = context.paragraph("CLASS", styles.meta_label, where, inline=False)
    label_width = max(text_width("NAME", styles.meta_label.font_name, styles.small_size),
                      text_width("CLASS", styles.meta_label.font_name, styles.small_size)) + 8
    rest = context.width - 2 * label_width - 16
    table = Table([[name, "", "", group, ""]],
                  colWidths=[label_width, rest * 0.65, 16, label_width, rest * 0.35],
                  rowHeights=[styles.line * 1.6], hAlign="LEFT")
    table.setStyle(TableStyle([
        cell_font(styles), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, styles.colors.muted),
        ("LINEBELOW", (4, 0), (4, 0), 0.6, styles.colors.muted),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


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
    """The essential question in a tinted box (unless the title page already features it),
    then the learning objectives, numbered."""
    lecture = context.document.lecture
    styles = context.styles
    where = lecture.where
    question = lecture.essential_question and "essential_question" not in context.featured
    if not question and not lecture.objectives:
        return []
    flowables: list[Flowable] = []
    if question:
        flowables += [*essential_question_box(context), gap(context, 1.0)]
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


def takeaways(context: Context) -> list[Flowable]:
    """The lecture's key takeaways: a tinted summary panel, each point beside a numbered badge.

    It closes the lecture, so it follows the last section on its page when it fits there and
    moves whole to the next page (heading included) when it does not; only a panel taller
    than a page splits, between points.
    """
    document = context.document
    points = document.lecture.takeaways
    if not points:
        return []
    styles = context.styles
    where = document.lecture.where
    size = styles.body_size
    diameter = round(size * 1.75, 1)
    badge_font = styles.term.font_name
    rows = [[Badge(str(number), diameter, styles.colors.primary, styles.colors.on_primary,
                   badge_font, size * 0.9),
             context.paragraph(text, styles.takeaway, where)]
            for number, text in enumerate(points, start=1)]
    badge_column = diameter + 12
    lift = max(0.0, (diameter - styles.takeaway.paragraph.leading) / 2 + size * 0.1)
    panel = Table(rows, colWidths=[badge_column, context.width - badge_column], hAlign="LEFT")
    panel.setStyle(TableStyle([
        cell_font(styles), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), styles.colors.surface),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, styles.colors.rule),
        ("LEFTPADDING", (0, 0), (0, -1), 12), ("LEFTPADDING", (1, 0), (1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, 0), 12), ("BOTTOMPADDING", (0, -1), (-1, -1), 12),
        # the badge is taller than a line of text: lift it so its centre meets the first line's
        ("TOPPADDING", (0, 0), (0, -1), 7 - lift), ("TOPPADDING", (0, 0), (0, 0), 12 - lift)]))
    title = heading(context, "Key takeaways", where, "part-takeaways")
    needed = stack_height([*title[1:], panel], context.width, context.frame_height)
    keep = CondPageBreak(min(needed, context.frame_height) + 1)
    return tag([keep, *title, panel], where)


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
    "sections": sections, "takeaways": takeaways, "glossary": glossary, "people": people, "timeline": timeline,
    "questions": questions, "answer_key": answer_key, "notes_appendix": notes_appendix,
    "sources": sources,
}


def build_story(context: Context) -> list[Flowable]:
    """All parts in layout order; sections and the answer key start a new page, and so does
    the first part after the sections (back matter begins on its own page); the notes
    appendix does when less than half a page is left.

    The takeaways close the sections rather than open the back matter: right after the
    sections they follow on the same page, and the part after them starts a new page unless
    the takeaways left half a page or more free.
    """
    story: list[Flowable] = []
    page_is_empty = True
    after_sections = after_takeaways = False
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
        if not page_is_empty and name in NEW_PAGE_PARTS:
            story.append(PageBreak())
        elif not page_is_empty and name in HALF_PAGE_PARTS:
            story.append(CondPageBreak(context.frame_height * 0.5))
        elif not page_is_empty and after_sections and name != "takeaways":
            # after the takeaways panel, the back matter only needs a page of its own if
            # the panel left less than half a page: a half-empty summary page is waste
            story.append(CondPageBreak(context.frame_height * 0.5) if after_takeaways
                         else PageBreak())
        story += flowables
        page_is_empty = False
        after_takeaways = after_sections and name == "takeaways"
        after_sections = name == "sections" or after_takeaways
    if story and isinstance(story[-1], PageBreak):
        story = story[:-2]  # a title page alone needs no blank page after it
    return story
