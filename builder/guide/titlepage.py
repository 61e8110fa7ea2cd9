"""The guide's title page: title, subtitle, details, a preview of the lecture, name line, logo.

A title page is designed to fill its page whatever the lecture: ``stack_height`` measures
what it holds so the preview can take the room that is left.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepInFrame, Spacer, Table, TableStyle

from builder.errors import RenderError
from builder.guide.context import Context, tag
from builder.guide.flowables import Rule
from builder.guide.present import present
from builder.guide.tables import box, cell_font
from builder.text.measure import styled_width

LOGO_HEIGHT = 56.0


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
    course = document.course
    course_line = " · ".join(part for part in (course.code, course.title) if part)
    if course_line:
        title.append(context.paragraph(course_line.upper(), styles.overline, where,
                                       inline=False))
    title.append(Rule(56, 3, styles.colors.accent, styles.line))
    title.append(context.paragraph(lecture.title, styles.title, where, role="H1"))
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
    with context.tags.within("Div"):
        content = [context.paragraph(context.words("essential_question"), styles.label, where),
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
    heading = context.paragraph(context.words("in_this_guide"), styles.label, where, role="H2")
    tags = context.tags
    with tags.within("L", in_given_order=True, O="List", ListNumbering="Decimal"):
        for index, text in enumerate(titles):
            row = cells[index % rows_count]
            with tags.within("LI"):
                row += [context.paragraph(f"{index + 1:02d}", styles.meta_label, where,
                                          inline=False, role="Lbl"),
                        context.paragraph(text, styles.preview, where, role="LBody")]
    for row in cells:
        row += ["", ""] * (columns - len(row) // 2)
    column_width = context.width / columns
    grid = Table(cells, colWidths=[number_width, column_width - number_width] * columns,
                 hAlign="LEFT")
    grid.setStyle(TableStyle([
        cell_font(styles), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    parts = document.layout.guide.parts
    extras = [word for word, part in (
        ("takeaways", "takeaways"), ("glossary", "glossary"), ("key_people", "people"),
        ("review_questions", "questions"), ("answer_key", "answer_key"),
        ("speaker_notes", "notes_appendix")) if part in parts and present(document, part)]
    flowables: list[Flowable] = [heading, grid]
    if extras:
        words = context.words
        text = words("after_sections", parts=words.join([words.in_sentence(e) for e in extras]))
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
    pairs = [(label, value) for label, value in (
        (context.words("instructor"), document.instructor),
        (context.words("term"), document.course.term),
        (context.words("date"), document.date(lecture.date) or None)) if value]
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
    labels = [context.words(word).upper() for word in ("student_name", "student_class")]
    name, group = (context.paragraph(label, styles.meta_label, where, inline=False)
                   for label in labels)
    label_width = max(styled_width(label, styles.meta_label.faces, styles.small_size,
                                   styles.meta_label.bold) for label in labels) + 8
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
