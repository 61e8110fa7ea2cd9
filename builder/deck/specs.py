"""Slide specs: what each slide shows, decided (and measured) before python-pptx is touched.

Specs are frozen dataclasses so a plan can be compared, printed and tested as plain data.
Text is kept as inline runs (bold/italic) so splitting a paragraph never breaks emphasis.
Sizes are final: the renderer draws what the planner measured, nothing is autofitted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.text.inline import Run

Runs = tuple[Run, ...]


@dataclass(frozen=True)
class Para:
    """One paragraph of slide text.

    ``level`` 0 is body text, 1 a bullet, 2 a sub-bullet; ``marker`` is the bullet character
    (or a label such as ``"A."`` for choices); ``gap`` is the space above it in ems.
    """

    runs: Runs
    level: int = 0
    marker: str = ""
    gap: float = 0.0
    align: str = "left"
    color: str = "text"  # a palette role: text, muted, primary, accent, on_primary

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class SlideSpec:
    """What every slide has: a title (plain text), its size, and speaker notes."""

    title: str
    notes: str = ""
    title_size: float = 0.0
    where: str = ""  # the source location that asked for the slide, for error messages
    title_lines: int = 2  # lines its title box holds: 3 for a long title (``Grid.titled``)


@dataclass(frozen=True)
class TitleSlide(SlideSpec):
    subtitle: Runs = ()
    details: tuple[str, ...] = ()
    subtitle_size: float = 0.0
    details_size: float = 0.0


@dataclass(frozen=True)
class SectionSlide(SlideSpec):
    key: str = ""
    number: int = 0
    count: int = 0


@dataclass(frozen=True)
class TextSlide(SlideSpec):
    """Paragraphs and bullets in the body box (agenda, objectives, content, sources…)."""

    paras: tuple[Para, ...] = ()
    size: float = 0.0
    section: str = ""  # key of the section it belongs to ("" outside sections)
    mergeable: bool = False  # flow text another flow block may join
    caption_of: str = ""  # a figure's id when this slide holds its (too long) caption


@dataclass(frozen=True)
class Lead:
    """A short paragraph introducing the table, cards, figure, quote, prompt or timeline
    under it, on the same slide: its paragraphs, their size and the height of the box they
    fill (insets included)."""

    paras: tuple[Para, ...] = ()
    size: float = 0.0
    height: float = 0.0


@dataclass(frozen=True)
class PromptSlide(SlideSpec):
    """Text in a tinted panel: discussion prompts, callouts, the essential question."""

    tone: str = "discussion"  # discussion | essential | note | tip | warning | answer
    heading: str = ""
    paras: tuple[Para, ...] = ()
    size: float = 0.0
    lead: Lead | None = None  # text above the panel (drawn first, the panel below it)


@dataclass(frozen=True)
class QuoteSlide(SlideSpec):
    paras: tuple[Para, ...] = ()
    size: float = 0.0
    attribution: tuple[Para, ...] = ()
    attribution_size: float = 0.0
    lead: Lead | None = None  # text above the quote (drawn first, the quote below it)


@dataclass(frozen=True)
class Card:
    """A heading, a small line and a text: one statistic or one person."""

    heading: str
    line: str = ""
    text: Runs = ()
    note: Runs = ()


@dataclass(frozen=True)
class CardsSlide(SlideSpec):
    """A grid of cards: statistics (``style="statistic"``) or people (``"person"``)."""

    style: str = "person"
    cards: tuple[Card, ...] = ()
    columns: int = 1
    rows: int = 1
    heading_size: float = 0.0
    size: float = 0.0
    lead: Lead | None = None  # text above the cards (drawn first, the cards below it)
    tall: bool = False  # a single row of cards at the body's full height (``card_boxes``)


@dataclass(frozen=True)
class Event:
    date: str
    label: Runs
    date_breaks: bool = False  # the date may break at its spaces: too wide for its box whole


@dataclass(frozen=True)
class TimelineSlide(SlideSpec):
    events: tuple[Event, ...] = ()
    size: float = 0.0
    box_height: float = 0.0
    lead: Lead | None = None  # text above the axis (drawn first, the axis below it)


@dataclass(frozen=True)
class TableSlide(SlideSpec):
    header: tuple[Runs, ...] = ()
    rows: tuple[tuple[Runs, ...], ...] = ()
    column_widths: tuple[float, ...] = ()
    row_heights: tuple[float, ...] = ()
    size: float = 0.0
    lead: Lead | None = None  # text above the table (drawn first, the table below it)


@dataclass(frozen=True)
class FigureSlide(SlideSpec):
    figure_id: str = ""
    caption: Runs = ()
    credit: str = ""
    caption_size: float = 0.0
    credit_size: float = 0.0  # 0: two points under the caption (specs made before it)
    caption_height: float = 0.0
    credit_height: float = 0.0
    figure_width: float = 0.0  # > 0: a tall figure at full body height, caption beside it
    credit_width: float = 0.0  # > 0: the credit on the caption's line, right of it
    rows: tuple[int, int] | None = None  # a table continued: the slice of its rows shown here
    lead: Lead | None = None  # text above the figure (drawn first, the figure below it)


@dataclass(frozen=True)
class Plan:
    """The whole deck: slides in order, each with what the renderer needs and nothing else."""

    slides: tuple[SlideSpec, ...] = field(default_factory=tuple)

    @property
    def titles(self) -> list[str]:
        return [slide.title for slide in self.slides]
