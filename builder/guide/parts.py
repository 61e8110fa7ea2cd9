"""The guide's parts (title page, contents, sections, back matter) in the layout's order.

Each part is a function returning its flowables, or nothing when it has no content (an
empty part prints no heading). ``build_story`` strings them together in the order of
``layout.guide.parts`` and decides where new pages start.
"""

from __future__ import annotations

from typing import Callable

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    Table,
    TableStyle,
)

from builder.guide.blocks import (
    definition,
    gap,
    people_table,
    leads_in,
    render_block,
    timeline_table,
)
from builder.guide import tagging
from builder.guide.context import Context, tag
from builder.guide.flowables import Anchor, Badge, Contents, Rule
from builder.guide.links import broken_link
from builder.guide.present import MIN_CONTENTS, contents_entries, present
from builder.guide.questions import answer_flowables, question_flowables
from builder.guide.styles import TextStyle
from builder.guide.tables import cell_font
from builder.guide.template import OUTLINE_KEY, TOC_KEY
from builder.guide.titlepage import essential_question_box, stack_height, title_page
from builder.model import FigureRef, Section, block_kind
from builder.resolve.references import cite
from builder.text.inline import plain
from builder.text.measure import styled_width
from builder.text.words import kind_word

Part = Callable[[Context], list[Flowable]]
NEW_PAGE_PARTS = {"sections", "answer_key"}
HALF_PAGE_PARTS = {"notes_appendix"}
"""Parts that start a new page only when less than half of the current one is left: the
speaker notes need not leave the last answers of the key alone on a page."""


def heading(context: Context, text: str, where: str, key: str, *, in_contents: bool = True,
            in_outline: bool = False) -> list[Flowable]:
    """A first-level heading with a named destination, a contents entry and its rule."""
    styles = context.styles
    # reportlab breaks no word that begins with an inline anchor: a first word wider than
    # the page (a long compound) gets its destination from a flowable above it instead
    words = plain(text).split()
    wide = bool(words) and styled_width(words[0], styles.heading_faces,
                                        styles.heading1.paragraph.fontSize,
                                        bold=True) > context.width * 0.9
    paragraph = context.paragraph(text, styles.heading1, where,
                                  prefix="" if wide else f'<a name="{key}"/>', role="H1")
    if in_contents:
        toc_text = context.markup(text, styles.body, where)  # the contents use the body font
        setattr(paragraph, TOC_KEY, (0, toc_text, key))
    if in_outline:
        setattr(paragraph, OUTLINE_KEY, (plain(text), key))
    rule = Rule(36, 2.5, styles.colors.accent, styles.line * 0.7)
    anchor = [Anchor(key)] if wide else []
    return tag([CondPageBreak(context.frame_height * 0.2), *anchor, paragraph, rule], where)


# --- front matter --------------------------------------------------------------------------

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
        flowables.append(context.paragraph(context.words("objectives"), styles.heading2, where,
                                           role="H2"))
        flowables.append(context.paragraph(context.words("objectives_intro"),
                                           styles.body, where))
        items = []
        with context.tags.within("L", O="List", ListNumbering="Decimal"):
            for text in lecture.objectives:
                with context.tags.within("LI"):
                    items.append(ListItem(context.paragraph(text, styles.bullet, where,
                                                            role="LBody")))
        flowables.append(ListFlowable(items, bulletType="1", bulletFormat="%s.", leftIndent=18,
                                      bulletFontName=styles.term.font_name,
                                      bulletFontSize=styles.body_size,
                                      bulletColor=styles.colors.primary))
    return tag([*flowables, gap(context, 1.2)], where)


def contents(context: Context) -> list[Flowable]:
    """Table of contents: every entry a link, with dotted leaders to its page number.

    Left out when it would list fewer than ``MIN_CONTENTS`` entries (a one-section handout):
    the title page's "In this guide" names the sections already.
    """
    if contents_entries(context.document) < MIN_CONTENTS:
        return []
    styles = context.styles
    where = context.document.lecture.where
    toc = Contents(context.tags.leaf("TOC"), context.words("page"), levelStyles=styles.toc, dotsMinLevel=0,
                   tableStyle=TableStyle([
        cell_font(styles), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    title = context.paragraph(context.words("contents"), styles.heading1, where, role="H1")
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
    with context.tags.within("Sect"):
        flowables = heading(context, section.title, section.where, f"section-{section.key}",
                            in_outline=True)
        for block, following in zip(section.blocks, (*section.blocks[1:], None)):
            rendered = render_block(block, context)
            if rendered and leads_in(block, following):
                rendered[-1].keepWithNext = 1  # a lead-in never ends a page alone
            flowables += rendered
    return flowables


def takeaways(context: Context) -> list[Flowable]:
    """The lecture's key takeaways: a tinted summary panel, each point beside a numbered badge.

    It closes the lecture, so it follows the last section on its page when it fits there and
    moves whole to the next page (heading included) when it does not; only a panel taller
    than a page splits, between points.
    """
    document = context.document
    points = document.lecture.takeaways
    if not present(document, "takeaways"):
        return []
    styles = context.styles
    where = document.lecture.where
    size = styles.body_size
    diameter = round(size * 1.75, 1)
    badge_font = styles.term.font_name
    title = heading(context, context.words("takeaways"), where, "part-takeaways")
    rows = []
    with context.tags.within("L", O="List", ListNumbering="Decimal"):
        for number, text in enumerate(points, start=1):
            with context.tags.within("LI"):
                badge = tagging.mark(Badge(str(number), diameter, styles.colors.primary,
                                           styles.colors.on_primary, badge_font, size * 0.9),
                                     context.tags.leaf("Lbl"))
                rows.append([badge, context.paragraph(text, styles.takeaway, where,
                                                      role="LBody")])
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
    needed = stack_height([*title[1:], panel], context.width, context.frame_height)
    keep = CondPageBreak(min(needed, context.frame_height) + 1)
    return tag([keep, *title, panel], where)


# --- back matter ---------------------------------------------------------------------------

def glossary(context: Context) -> list[Flowable]:
    terms = context.document.glossary
    if not present(context.document, "glossary"):
        return []
    flowables = heading(context, context.words("glossary"), context.document.lecture.where, "part-glossary")
    with context.tags.within("L", O="List", ListNumbering="None"):
        entries = [definition(context, term) for term in terms]
    return flowables + last_not_alone(entries)


def last_not_alone(entries: list[list[Flowable]], whole: bool = False) -> list[Flowable]:
    """A list's entries in order, the last two kept together: a glossary's or a
    bibliography's last entry never stands alone atop the part's last page (as the body's
    lists keep their last item, ``guide/lists.py``). ``whole``: each entry also kept whole
    (a reference is read as one piece: never its URL's tail alone atop a page). One flat
    ``KeepTogether`` per group, because platypus ignores ``keepWithNext`` on a container and a
    ``KeepTogether`` inside another reports an endless height."""
    if len(entries) < 2:
        head, pair = entries, []
    else:
        head, pair = entries[:-2], [*entries[-2], *entries[-1]]
    flat = [part for entry in head for part in ([KeepTogether(entry)] if whole else entry)]
    return [*flat, KeepTogether(pair)] if pair else flat


def people(context: Context) -> list[Flowable]:
    document = context.document
    if not present(document, "people"):
        return []
    where = document.lecture.where
    return [*heading(context, context.words("key_people"), where, "part-people"),
            people_table(context, document.people, document.people[0].where)]


def timeline(context: Context) -> list[Flowable]:
    document = context.document
    if not present(document, "timeline"):
        return []
    where = document.lecture.where
    return [*heading(context, context.words("timeline"), where, "part-timeline"),
            timeline_table(context, document.timeline, document.timeline[0].where)]


def questions(context: Context) -> list[Flowable]:
    """The lecture's review questions (section questions print where they are asked)."""
    review = [q for q in context.document.questions if q.section is None]
    if not present(context.document, "questions"):
        return []
    flowables = heading(context, context.words("review_questions"), context.document.lecture.where,
                        "part-questions")
    with context.tags.within("L", O="List", ListNumbering="Decimal"):
        for numbered in review:
            flowables += question_flowables(context, numbered)
    return flowables


def answer_key(context: Context) -> list[Flowable]:
    document = context.document
    if not present(document, "answer_key"):
        return []
    flowables = heading(context, context.words("answer_key"), document.lecture.where, "part-answer-key")
    with context.tags.within("L", O="List", ListNumbering="Decimal"):
        for numbered in document.questions:
            flowables += answer_flowables(context, numbered)
    return flowables


def notes_appendix(context: Context) -> list[Flowable]:
    """Every speaker note, section by section (instructor edition only)."""
    document = context.document
    if not present(document, "notes_appendix"):
        return []
    styles = context.styles
    body: list[Flowable] = []
    if document.lecture.notes:
        body.append(context.paragraph(document.lecture.notes, styles.note,
                                      document.lecture.where))
    for section in document.lecture.sections:
        notes = section_notes(context, section)
        if notes:
            title = context.paragraph(section.title, styles.heading2, section.where, role="H2")
            body += tag([title, *notes], section.where)
    if not body:
        return []
    return [*heading(context, context.words("speaker_notes"), document.lecture.where, "part-notes"), *body]


def section_notes(context: Context, section: Section) -> list[Flowable]:
    styles = context.styles
    notes: list[Flowable] = []
    if section.notes:
        notes.append(context.paragraph(section.notes, styles.note, section.where))
    for block in section.blocks:
        texts = [block.notes] if getattr(block, "notes", None) else []
        label = context.words(kind_word(block_kind(block)))
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
    if not present(document, "sources"):
        return []
    styles = context.styles
    italic = TextStyle(styles.reference.paragraph, styles.reference.faces, italic=True)
    link_color = f"#{document.layout.palette.primary}"
    flowables = heading(context, context.words("sources"), document.lecture.where, "part-sources")
    listing = context.tags.leaf("L", O="List", ListNumbering="None")
    entries: list[list[Flowable]] = []
    for reference in references:
        where = reference.where
        markup = ""
        for piece in cite(reference, document.words, document.han_language):
            if markup and not piece.attached:
                markup += " "
            if piece.style == "link":
                markup += broken_link(piece.text, styles.reference, where, link_color,
                                      before=markup, spaced=not piece.attached,
                                      width=context.width)
            elif piece.style == "italic":
                markup += "<i>" + context.markup(piece.text, italic, where) + "</i>"
            else:
                markup += context.markup(piece.text, styles.reference, where)
        paragraph = context.paragraph("", styles.reference, where, prefix=markup,
                                      node=listing.add("LI").add("LBody"))
        entries.append(tag([paragraph], where))
    return flowables + last_not_alone(entries, whole=True)


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
        # each part is a Sect; the sections part holds one Sect per section itself
        with context.tags.within("Sect" if name != "sections" else context.tags.current):
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
