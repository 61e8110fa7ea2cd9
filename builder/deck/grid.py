"""The deck's grid: every box on every slide, in points, decided once from the layout.

The planner measures text against these boxes and the renderer draws into the very same
boxes, so "it fits" means the same thing in both places. Same margins and title position on
every slide is what makes a deck look designed rather than assembled.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from builder.charts import geometry
from builder.layout.model import Deck

EMU_PER_POINT = 12700
BAND = 7.0  # the primary-colour band across the top of content slides
RULE_GAP = 6.0  # between the title box and the accent rule under it
RULE_HEIGHT = 3.0
FOOTER_HEIGHT = 20.0
LOGO_HEIGHT = 30.0
LOGO_MAX_WIDTH = 120.0
TITLE_LEADING = 1.1  # titles: exact line spacing as a multiple of the size
TITLE_LINES = 2  # lines a content slide's title box holds (``Grid.titled``: a long title's 3)
TITLE_INSET = 3.0
BODY_INSET = 3.0


@dataclass(frozen=True)
class Box(geometry.Box):
    """A rectangle in points (y down) with its text insets: PowerPoint's body margins."""

    inset_x: float = 0.0
    inset_y: float = 0.0

    @property
    def inner_width(self) -> float:
        return self.width - 2 * self.inset_x

    @property
    def inner_height(self) -> float:
        return self.height - 2 * self.inset_y

    def padded(self, inset_x: float, inset_y: float) -> "Box":
        return Box(self.left, self.top, self.width, self.height, inset_x, inset_y)

    def emu(self) -> tuple[int, int, int, int]:
        """``left, top, width, height`` in EMU, python-pptx's unit."""
        return tuple(round(v * EMU_PER_POINT) for v in (self.left, self.top, self.width,
                                                         self.height))


@dataclass(frozen=True)
class Grid:
    """Slide size and the fixed boxes of the furniture (title, body, footer, number, logo)."""

    width: float
    height: float
    margin: float
    title_size: float
    title: Box
    rule: Box
    body: Box
    footer: Box
    number: Box
    logo: Box | None
    footer_size: float

    @classmethod
    def build(cls, deck: Deck, size: tuple[float, float] | None = None,
              logo_aspect: float | None = None) -> "Grid":
        """The grid for a deck layout; ``size`` overrides it (a template brings its own).

        ``logo_aspect`` (width / height) reserves the logo's corner so nothing runs into it.
        """
        width, height = size or deck.slide_points
        margin = float(deck.margin)
        content_width = width - 2 * margin
        title_size = deck.sizes.title
        title_top = BAND + 0.45 * margin
        title_height = TITLE_LINES * title_size * TITLE_LEADING + 2 * TITLE_INSET
        logo: Box | None = None
        title_left, title_width = margin, content_width
        footer_left, footer_width = margin, content_width * 0.75
        number_width = 48.0
        number_left = width - margin - number_width
        footer_height = max(FOOTER_HEIGHT, deck.sizes.footer * 1.2 + 4.0)
        footer_top = height - margin * 0.35 - footer_height
        if logo_aspect:
            logo_width = min(LOGO_HEIGHT * logo_aspect, LOGO_MAX_WIDTH)
            position = deck.logo_position
            logo_top = (title_top if position.startswith("top")
                        else footer_top + footer_height - LOGO_HEIGHT)
            logo_left = margin if position.endswith("left") else width - margin - logo_width
            logo = Box(logo_left, logo_top, logo_width, LOGO_HEIGHT)
            if position == "top-right":
                title_width -= logo_width + 12
            elif position == "top-left":
                title_left += logo_width + 12
                title_width -= logo_width + 12
            elif position == "bottom-right":
                number_left -= logo_width + 8
            else:
                footer_left += logo_width + 12
        title = Box(title_left, title_top, title_width, title_height, 0.0, TITLE_INSET)
        rule = Box(margin, title.bottom + RULE_GAP, min(96.0, content_width), RULE_HEIGHT)
        body_top = rule.bottom + 0.4 * margin
        body_bottom = footer_top - 0.25 * margin
        body = Box(margin, body_top, content_width, body_bottom - body_top, 0.0, BODY_INSET)
        footer = Box(footer_left, footer_top, footer_width, footer_height, 0.0, 2.0)
        number = Box(number_left, footer_top, number_width, footer_height, 0.0, 2.0)
        return cls(width, height, margin, title_size, title, rule, body, footer, number, logo,
                   deck.sizes.footer)

    def emu_size(self) -> tuple[int, int]:
        return round(self.width * EMU_PER_POINT), round(self.height * EMU_PER_POINT)

    def titled(self, lines: int) -> "Grid":
        """The grid of a slide whose title box holds ``lines`` lines at the title size: a
        long title keeps the deck's title size on a third line rather than shrink, and the
        rule and body move down by that line (the body is that much shorter)."""
        extra = (lines - TITLE_LINES) * self.title_size * TITLE_LEADING
        if extra <= 0:
            return self
        title, rule, body = self.title, self.rule, self.body
        return replace(self, title=replace(title, height=title.height + extra),
                       rule=replace(rule, top=rule.top + extra),
                       body=replace(body, top=body.top + extra, height=body.height - extra))




# Boxes inside the body for the slide kinds that are not plain text. The planner measures
# against them and the renderer draws them, so they live here, once.

PANEL_PAD_X = 28.0
PANEL_PAD_Y = 18.0
PANEL_HEADING = 34.0  # room for the panel's small heading ("Discuss", "Note")
CARD_GAP = 16.0
LEAD_GAP = 10.0  # between a lead-in paragraph and the table or cards under it


def below(grid: Grid, height: float) -> Grid:
    """The grid with its body starting ``height`` (plus ``LEAD_GAP``) lower: what a table or
    a row of cards has under the paragraph that introduces it on the same slide."""
    body = grid.body
    moved = height + LEAD_GAP
    return replace(grid, body=Box(body.left, body.top + moved, body.width,
                                  body.height - moved, body.inset_x, body.inset_y))
CARD_PAD = 12.0
CELL_PAD_X = 6.0
CELL_PAD_Y = 4.0
TIMELINE_AXIS = 36.0  # the band around the axis: markers and connectors
CAPTION_GAP = 8.0
CREDIT_GAP = 16.0  # between a one-line caption and the credit beside it


def prompt_boxes(grid: Grid) -> tuple[Box, Box, Box]:
    """Panel, its heading line and its text box for prompts, callouts and answers."""
    body = grid.body
    panel = Box(body.left, body.top, body.width, body.height)
    heading = Box(body.left + PANEL_PAD_X, body.top + PANEL_PAD_Y * 0.8,
                  body.width - 2 * PANEL_PAD_X, PANEL_HEADING - 4, 0.0, 2.0)
    text_top = heading.bottom + 6
    text = Box(body.left + PANEL_PAD_X, text_top, body.width - 2 * PANEL_PAD_X,
               body.bottom - PANEL_PAD_Y - text_top, 0.0, BODY_INSET)
    return panel, heading, text


def quote_boxes(grid: Grid, attribution_height: float) -> tuple[Box, Box, Box]:
    """The big quotation mark, the quote text and the attribution under it."""
    body = grid.body
    indent = 56.0
    mark = Box(body.left, body.top - 8, indent, 72.0)
    attribution_top = body.bottom - attribution_height
    text = Box(body.left + indent, body.top, body.width - indent,
               attribution_top - 10 - body.top, 0.0, BODY_INSET)
    attribution = Box(body.left + indent, attribution_top, body.width - indent,
                      attribution_height, 0.0, BODY_INSET)
    return mark, text, attribution


def card_boxes(grid: Grid, columns: int, rows: int, count: int,
               tall: bool = False) -> list[Box]:
    """Boxes of ``count`` cards laid out left to right, top to bottom.

    A single row is kept to about three fifths of the body (a short card in a box down to
    the footer looks empty) unless ``tall``: cards with more text than that, a row of
    people whose roles are long, take the body's full height rather than a second slide.
    """
    body = grid.body
    width = (body.width - (columns - 1) * CARD_GAP) / columns
    full = (body.height - (rows - 1) * CARD_GAP) / rows
    height = min(full, body.height * 0.62) if rows == 1 and not tall else full
    boxes = []
    for index in range(count):
        row, column = divmod(index, columns)
        boxes.append(Box(body.left + column * (width + CARD_GAP),
                         body.top + row * (full + CARD_GAP), width, height, CARD_PAD, CARD_PAD))
    return boxes


def timeline_boxes(grid: Grid, count: int) -> tuple[float, list[float], list[Box]]:
    """The axis' y, each event's marker x, and each event's text box (alternating sides)."""
    body = grid.body
    axis = body.top + body.height / 2
    slot = body.width / count
    width = min(1.6 * slot, body.width * 0.45)
    half = (body.height - TIMELINE_AXIS) / 2
    xs, boxes = [], []
    for index in range(count):
        x = body.left + slot * (index + 0.5)
        left = min(max(x - width / 2, body.left), body.right - width)
        top = body.top if index % 2 == 0 else axis + TIMELINE_AXIS / 2
        xs.append(x)
        boxes.append(Box(left, top, width, half, 4.0, BODY_INSET))
    return axis, xs, boxes


SIDE_GAP = 24.0  # between a tall figure and the caption column beside it
SIDE_MIN = 200.0  # narrowest caption column worth setting beside a figure
SIDE_MAX = 380.0  # widest: a caption is a few lines, not a paragraph across the slide


def side_caption_width(grid: Grid, figure_width: float) -> float:
    """The caption column beside a figure ``figure_width`` wide (0 if there is no room)."""
    room = grid.body.width - figure_width - SIDE_GAP
    return min(room, SIDE_MAX) if room >= SIDE_MIN else 0.0


LABEL_ROOM = 0.75  # a map's room for names beside its frame, as a share of its width


def labelled_map_width(grid: Grid, map_width: float) -> float:
    """The figure box for a map ``map_width`` wide at full body height: the map plus room
    beside it for the names that do not fit on it (up to ``LABEL_ROOM`` of its width),
    leaving the caption column at least ``SIDE_MIN`` (0 if not even the map fits)."""
    if not side_caption_width(grid, map_width):
        return 0.0
    room = grid.body.width - SIDE_GAP - map_width  # caption column and label room
    column = min(SIDE_MAX, max(SIDE_MIN, room - map_width * LABEL_ROOM))
    return grid.body.width - SIDE_GAP - column


def figure_boxes(grid: Grid, caption_height: float, credit_height: float,
                 figure_width: float = 0.0, credit_width: float = 0.0
                 ) -> tuple[Box, Box, Box]:
    """Figure area, caption box and credit box.

    Normally the caption sits right under the figure, the credit under the caption, or, with
    a ``credit_width``, beside a one-line caption at the right of the same line. A tall figure (a map, a portrait
    image, a pie) of ``figure_width`` takes the body's full height instead, and its caption
    and credit stand beside it, level with its foot: the figure grows rather than the
    empty margins on either side of it.
    """
    body = grid.body
    if figure_width:
        column = side_caption_width(grid, figure_width)
        start = body.left + (body.width - figure_width - SIDE_GAP - column) / 2  # centred pair
        left = start + figure_width + SIDE_GAP
        credit = Box(left, body.bottom - credit_height, column, credit_height, 0.0, 2.0)
        caption = Box(left, credit.top - caption_height, column, caption_height, 0.0, 2.0)
        return Box(start, body.top, figure_width, body.height), caption, credit
    if credit_width:
        top = body.bottom - caption_height
        caption = Box(body.left, top, body.width - credit_width - CREDIT_GAP, caption_height,
                      0.0, 2.0)
        credit = Box(body.right - credit_width, top, credit_width, caption_height, 0.0, 2.0)
        figure = Box(body.left, body.top, body.width, caption.top - CAPTION_GAP - body.top)
        return figure, caption, credit
    credit = Box(body.left, body.bottom - credit_height, body.width, credit_height, 0.0, 2.0)
    caption = Box(body.left, credit.top - caption_height, body.width, caption_height, 0.0, 2.0)
    figure = Box(body.left, body.top, body.width, caption.top - CAPTION_GAP - body.top)
    return figure, caption, credit


def title_slide_boxes(grid: Grid) -> tuple[Box, Box, Box, Box]:
    """Title, accent rule, subtitle and details on the title slide."""
    left = grid.margin * 1.4
    width = grid.width - left - grid.margin * 1.4
    title = Box(left, grid.height * 0.16, width, grid.height * 0.36, 0.0, TITLE_INSET)
    rule = Box(left, title.bottom + 10, 120.0, 4.0)
    subtitle = Box(left, rule.bottom + 14, width, grid.height * 0.16, 0.0, BODY_INSET)
    details = Box(left, subtitle.bottom + 6, width, grid.height * 0.82 - subtitle.bottom,
                  0.0, BODY_INSET)
    return title, rule, subtitle, details


def section_slide_boxes(grid: Grid) -> tuple[Box, Box, Box]:
    """Label ("Section 2 of 5"), accent rule and title on a section slide."""
    left = grid.margin * 1.4
    width = grid.width - left - grid.margin * 1.4
    label = Box(left, grid.height * 0.22, width, 30.0, 0.0, 2.0)
    rule = Box(left, label.bottom + 8, 96.0, 4.0)
    title = Box(left, rule.bottom + 16, width, grid.height * 0.82 - rule.bottom - 16,
                0.0, TITLE_INSET)
    return label, rule, title
