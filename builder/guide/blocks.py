"""Content blocks → platypus flowables, one function per block kind (singledispatch).

Adding a block kind means one more ``@render_block.register`` here. Every function returns
flowables tagged with the block's ``where`` so layout failures can be traced to the source.
"""

from __future__ import annotations

from functools import singledispatch

from reportlab.lib import colors
from reportlab.platypus import Flowable, ListFlowable, ListItem, Spacer, Table
from reportlab.platypus import TableStyle

from builder.guide import figures, tagging
from builder.guide.rtlparagraph import RightToLeftParagraph
from builder.guide.context import Context, tag
from builder.guide.flowables import Anchor, FittedFigure
from builder.guide.lists import ends, item as item_, kept as kept_item
from builder.guide.markup import check_glyphs
from builder.guide.questions import question_flowables
from builder.guide.tables import box, cell_font, data_table, no_lone_rows, unbreakable
from builder.text.inline import plain
from builder.text.measure import width as text_width
from builder.text.typography import bind_value, breakable_words, for_guide, quoted
from builder.model import TableFigure
from builder.model import (Bullets, Callout, Discussion, FigureRef, KeyTerm, KeyTerms, Paragraph,
                           People, Person, Questions, Quote, SpeakerNotes, Statistics,
                           SubBullets, Table as TableBlock, Timeline, TimelineEvent)

STATISTIC_MIN_WIDTH = 120.0


@singledispatch
def render_block(block: object, context: Context) -> list[Flowable]:
    """The flowables for one block; unknown kinds are a programming error, not input's."""
    raise TypeError(f"no guide renderer for {type(block).__name__}")


def gap(context: Context, lines: float = 0.7) -> Spacer:
    """Vertical space in body lines, so spacing scales with the layout's type size."""
    return Spacer(1, context.styles.line * lines)


def lead(context: Context, lines: float) -> Spacer:
    """Space before a block that stays with it: a heading followed by this space must not
    end a page while the block itself moves to the next one."""
    spacer = gap(context, lines)
    spacer.keepWithNext = 1
    return spacer


@render_block.register
def _(block: Paragraph, context: Context) -> list[Flowable]:
    return tag([context.paragraph(block.paragraph, context.styles.body, block.where)],
               block.where)


@render_block.register
def _(block: Bullets, context: Context) -> list[Flowable]:
    styles = context.styles
    where = block.where
    check_glyphs("•–", styles.body.faces, where)  # the bullet characters themselves
    items: list[ListItem] = []
    parents: list[Flowable] = []  # paragraphs that head sub-bullets
    lasts: list[Flowable] = []  # each item's last flowable (its paragraph or last sub-list)
    tags = context.tags
    with tags.within("L", O="List", ListNumbering="Disc"):
        for item in block.bullets:
            with tags.within("LI"):
                text = item.text if isinstance(item, SubBullets) else item
                paragraph = context.paragraph(text, styles.bullet, where, role="LBody")
            if not isinstance(item, SubBullets):
                items.append(item_(paragraph, 16))
                lasts.append(paragraph)
                continue
            with tags.within(tagging.node_of(paragraph)), \
                    tags.within("L", O="List", ListNumbering="Disc"):
                inner = []
                for text in item.items:
                    with tags.within("LI"):
                        inner.append(item_(context.paragraph(text, styles.bullet, where,
                                                             role="LBody"), 14))
            # the parent keeps with its first sub-bullet (never "• What the plots show" at a
            # page's foot, its sub-bullets overleaf): the first sub-bullet is a list of its own;
            # so is the last, which the one before keeps with (never alone atop a page)
            parents.append(paragraph)
            nested = [ListFlowable(
                part, bulletType="bullet", start="–", leftIndent=14,
                bulletFontName=styles.body.font_name,
                bulletFontSize=styles.body_size,
                bulletColor=styles.colors.muted,
                # a later list's first item keeps the gap the list before's last one loses
                spaceBefore=styles.line * 0.2 if index == 0 else styles.bullet.paragraph.spaceAfter)
                for index, part in enumerate(ends(inner)) if part]
            if len(nested) > 1:
                parents.append(nested[-2])
            lasts.append(nested[-1])
            items.append(item_(paragraph, 16, [paragraph, *nested]))
    bullets = ListFlowable(items, bulletType="bullet", start="•", leftIndent=16,
                           bulletFontName=styles.body.font_name, bulletFontSize=styles.body_size,
                           bulletColor=styles.colors.accent,
                           spaceAfter=styles.line * 0.5)
    # the list's items go into the story one by one (what the list would split into), so a
    # heading or a lead-in sentence kept with the list keeps with its first item only, not
    # with the whole list (which would move a long list to the next page, leaving a gap)
    # and the list's last item stays with the one before it (no bullet alone atop a page;
    # only that one: keeping every end with its neighbour chains a short list into one
    # block that moves whole, leaving the page before it a quarter empty)
    kept = [*parents, *lasts[-2:-1]]
    content = [kept_item(indenter) if any(indenter._flowable is flowable for flowable in kept)
               else indenter for indenter in bullets._content]
    return tag(content, where)


def leads_in(block: object, following: object) -> bool:
    """A paragraph introducing the list after it ("The four plots show:"): it ends with a
    colon. It keeps with the list's first item (``Bullets`` are set item by item)."""
    return (isinstance(block, Paragraph) and isinstance(following, Bullets)
            and plain(block.paragraph).rstrip().endswith(":"))


def definition(context: Context, term: KeyTerm) -> list[Flowable]:
    """A term in bold colour with its definition indented under it."""
    styles = context.styles
    with context.tags.within("LI"):
        return tag([context.paragraph(term.term, styles.term, term.where, role="Lbl"),
                    context.paragraph(term.definition, styles.definition, term.where,
                                      role="LBody")], term.where)


@render_block.register
def _(block: KeyTerms, context: Context) -> list[Flowable]:
    styles = context.styles
    flowables: list[Flowable] = [context.paragraph(context.words("key_terms"), styles.label, block.where,
                                                   role="H2")]
    with context.tags.within("L", O="List", ListNumbering="None"):
        for term in block.key_terms:
            flowables += definition(context, term)
    return tag([*flowables, gap(context, 0.3)], block.where)


def people_table(context: Context, people: tuple[Person, ...], where: str) -> Table:
    rows = [(person.name, context.document.life(person) or "—", person.role) for person in people]
    return data_table(context, tuple(context.words(w) for w in ("name", "dates", "role")), rows, where, bold_first_column=True)


@render_block.register
def _(block: People, context: Context) -> list[Flowable]:
    return tag([people_table(context, block.people, block.where), gap(context)], block.where)


def timeline_table(context: Context, events: tuple[TimelineEvent, ...], where: str) -> Table:
    """Dated two-column list: the date in bold colour, the event and its detail beside it."""
    styles = context.styles
    date_style = styles.cell_bold
    dates = [context.document.date(event.date) for event in events]
    date_width = max(text_width(text, date_style.font_name, date_style.paragraph.fontSize)
                     for text in dates) + 14
    date_width = min(date_width, context.width * 0.34)
    rows = []
    for event, date in zip(events, dates):
        cell: list[Flowable] = [context.paragraph(event.label, styles.cell, event.where)]
        if event.detail:
            cell.append(context.paragraph(event.detail, styles.small, event.where))
        rows.append([context.paragraph(date, date_style, event.where, inline=False,
                                       room=date_width - 6), cell])
    table = Table(rows, colWidths=[date_width, context.width - date_width], hAlign="LEFT")
    tagging.mark_table(table, context.tags.leaf("Table"), header_rows=0, header_columns=1)
    table.setStyle(TableStyle([
        cell_font(styles),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBEFORE", (1, 0), (1, -1), 1.5, styles.colors.accent),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, styles.colors.rule),
        ("TEXTCOLOR", (0, 0), (0, -1), styles.colors.primary),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("LEFTPADDING", (1, 0), (1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    table.wrap(context.width, 1e9)  # its rows' heights: no row alone at a page's foot or top
    table.setStyle(TableStyle(no_lone_rows(table._rowHeights, styles.frame_height, 0)))
    return table


@render_block.register
def _(block: Timeline, context: Context) -> list[Flowable]:
    return tag([timeline_table(context, block.timeline, block.where), gap(context)], block.where)


@render_block.register
def _(block: Quote, context: Context) -> list[Flowable]:
    styles = context.styles
    quote = block.quote
    where = block.where
    attribution = quote.speaker + (f", {context.document.date(quote.date)}" if quote.date else "")
    with context.tags.within("BlockQuote"):
        content: list[Flowable] = [
            context.paragraph(quoted(quote.text, context.document.language), styles.quote, where),
            context.paragraph("— " + attribution, styles.attribution, where),
        ]
        if quote.context:
            content.append(context.paragraph(quote.context, styles.small_italic, where))
    indent = styles.line
    pull = box(content, context.width - indent, styles, tint=None, rule=styles.colors.accent,
               padding=8)
    pull.hAlign = "RIGHT"
    return tag([lead(context, 0.2), pull, gap(context, 0.9)], where)


@render_block.register
def _(block: Statistics, context: Context) -> list[Flowable]:
    """Big numbers with labels, in a grid as wide as the page allows."""
    styles = context.styles
    where = block.where
    statistics = block.statistics
    value_style = styles.stat_value
    # the words as the guide sets them: typography binds "≈ 420 ppm" with no-break spaces,
    # so the unbreakable unit is the whole of it, not "420" (str.split would split at NBSP)
    word_width = max(text_width(word, value_style.font_name, value_style.paragraph.fontSize)
                     for statistic in statistics
                     for word in breakable_words(for_guide(bind_value(plain(statistic.value)))))
    # a big number may wrap between words ("More than / half") but never inside one
    # ("~5 mil / lion", "≈ 420 pp / m"): a column is at least as wide as the widest
    # unbreakable run plus the padding
    column_min = max(STATISTIC_MIN_WIDTH, word_width + 2 * 8 + 6)
    widest = max(1, min(4, int(context.width // column_min)))
    rows_needed = -(-len(statistics) // widest)
    columns = -(-len(statistics) // rows_needed)  # balanced: 4 items make 2 × 2, not 3 + 1
    cells: list[list[Flowable]] = []
    with context.tags.within("L", O="List", ListNumbering="None"):
        for statistic in statistics:
            with context.tags.within("LI"), context.tags.within("LBody"):
                cell = [context.paragraph(bind_value(statistic.value), styles.stat_value, where),
                        context.paragraph(statistic.label, styles.stat_label, where)]
                if statistic.note:
                    cell.append(context.paragraph(statistic.note, styles.stat_note, where))
            cells.append(cell)
    rows = [cells[index:index + columns] for index in range(0, len(cells), columns)]
    empty = columns - len(rows[-1])
    rows[-1] = rows[-1] + [[] for _ in range(empty)]
    commands: list[tuple] = [
        cell_font(styles),
        ("BACKGROUND", (0, 0), (-1, -1), styles.colors.surface),
        ("INNERGRID", (0, 0), (-1, -1), 6, colors.white),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 10),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]
    if empty:
        commands.append(("BACKGROUND", (columns - empty, len(rows) - 1), (-1, -1), colors.white))
    grid = Table(rows, colWidths=[context.width / columns] * columns, hAlign="LEFT")
    grid.setStyle(TableStyle(commands))
    return tag([lead(context, 0.2), grid, gap(context)], where)


@render_block.register
def _(block: FigureRef, context: Context) -> list[Flowable]:
    """Drawing, caption and credit, never split across pages; first use gets the anchor.

    Charts, maps and images may shrink a little to finish a page (``FittedFigure``), their
    text kept at the layout's figure floor; a table figure keeps its size.
    """
    styles = context.styles
    document = context.document
    numbered = document.figure(block.figure)
    caption_space, label = styles.line * 4, numbered.label + "."
    key = f"figure-{numbered.figure.id}"
    anchored = context.claim_anchor(key)
    is_table = isinstance(numbered.figure, TableFigure)
    tags = context.tags
    # a table figure is a Table (its alt text the summary) with its caption inside; any
    # other figure is a Figure with the alt text, its caption a sibling the reader reads
    with tags.within("Div"):
        if is_table:
            figure_node = tags.leaf("Table", O="Table", Summary=numbered.figure.alt)
            caption_node = figure_node.add("Caption")
        else:
            figure_node = tags.leaf("Figure", alt=numbered.figure.alt)
            caption_node = tags.leaf("Caption")
    caption_text = caption_node.add("P")
    credit_text = caption_node.add("P")

    def column(max_height: float) -> Flowable:
        drawing = figures.figure_flowable(document, numbered, context.width, max_height, room)
        if is_table:
            tagging.mark_table(drawing, figure_node)
        else:
            tagging.mark(drawing, figure_node)
        caption = context.paragraph(
            numbered.figure.caption, styles.caption, block.where, node=caption_text,
            prefix=f"<b>{context.markup(label, styles.caption, block.where)}</b> ")
        stack: list[Flowable] = [drawing, caption]
        if numbered.credit:
            stack.append(context.paragraph(numbered.credit, styles.credit, block.where,
                                           node=credit_text))
        if anchored:
            stack.insert(0, Anchor(key))
        return tag([figure_column(context, stack)], block.where)[0]

    max_height = context.frame_height * 0.62 - caption_space
    room = context.frame_height - caption_space  # a timeline grows into it
    if is_table:
        figure: Flowable = column(max_height)
    else:
        drawing = figures.figure_flowable(document, numbered, context.width, max_height, room)
        natural = drawing.wrap(context.width, context.frame_height)[1]
        figure = FittedFigure(column, natural)
    rest = figures.key_rest(document, numbered, context.width, max_height)  # a map's key
    after = [context.paragraph(context.words("also_marked", places=", ".join(rest)),
                               styles.caption, block.where)] if rest else []  # continued
    return tag([lead(context, 0.3), figure, *after, gap(context)], block.where)


def figure_column(context: Context, stack: list[Flowable]) -> Flowable:
    """Drawing, caption and credit as one unbreakable column, centred.

    A narrow figure gets a column about its own width: a caption running the full page width
    under a narrow map reads as unrelated text.
    """
    drawing = next(f for f in stack if not isinstance(f, Anchor))
    drawing_width = drawing.wrap(context.width, context.frame_height)[0]
    column = min(context.width, max(drawing_width, context.width * 0.45))
    return unbreakable(stack, column, context.styles, align="CENTER")


@render_block.register
def _(block: TableBlock, context: Context) -> list[Flowable]:
    styles = context.styles
    body = block.table
    flowables: list[Flowable] = []
    with context.tags.within("Div"):
        if body.caption:
            flowables.append(context.paragraph(body.caption, styles.label, block.where,
                                               role="Caption"))
        flowables += [data_table(context, body.header, body.rows, block.where), gap(context)]
    return tag(flowables, block.where)


@render_block.register
def _(block: Callout, context: Context) -> list[Flowable]:
    styles = context.styles
    callout = block.callout
    rule, tint = styles.colors.kinds[callout.kind]
    title = callout.title or context.words(callout.kind)
    with context.tags.within("Note"):
        content = [context.paragraph(title, styles.callout_title, block.where),
                   context.paragraph(callout.text, styles.body_tight, block.where)]
    return tag([lead(context, 0.2), box(content, context.width, styles, tint=tint, rule=rule),
                gap(context)], block.where)


@render_block.register
def _(block: Discussion, context: Context) -> list[Flowable]:
    styles = context.styles
    with context.tags.within("Div"):
        content = [context.paragraph(context.words("discuss"), styles.label, block.where),
                   context.paragraph(block.discussion, styles.discussion, block.where)]
    framed = box(content, context.width, styles, tint=None, border=styles.colors.accent,
                 rounded=True)
    return tag([lead(context, 0.2), framed, gap(context)], block.where)


@render_block.register
def _(block: Questions, context: Context) -> list[Flowable]:
    document = context.document
    flowables: list[Flowable] = [context.paragraph(context.words("check_understanding"),
                                                   context.styles.label, block.where,
                                                   role="H2")]
    with context.tags.within("L", O="List", ListNumbering="Decimal"):
        for question in block.questions:
            number = document.question_number(question)
            numbered = document.questions[number - 1]
            flowables += question_flowables(context, numbered)
    return tag([*flowables, gap(context)], block.where)


@render_block.register
def _(block: SpeakerNotes, context: Context) -> list[Flowable]:
    return []  # speaker notes belong to the deck (and the instructor's notes appendix)
