"""The content model: typed, immutable, and the only thing renderers read."""

from builder.model.base import Model
from builder.model.content import (
    BLOCK_KINDS, REFERENCE_KINDS, Block, Bullets, Callout, CalloutBody, CourseInfo, Discussion, FigureRef, KeyTerm, KeyTerms,
    Lecture, Paragraph, People, Person, Question, Questions, Quote, QuoteBody, Reference, Section,
    SpeakerNotes, Statistic, Statistics, SubBullets, Table, TableBody, Timeline, block_kind,
    choice_letter, slugify,
)
from builder.model.dates import DateSpan, PartialDate, parse_date
from builder.model.figures import (
    FIGURE_KINDS, BarFigure, Figure, FigureBase, ImageFigure, LineFigure, MapArea, MapFigure,
    MapLine, MapPoint, PieFigure, Series, TableFigure, TimelineEvent, TimelineFigure,
)

__all__ = [
    "BLOCK_KINDS", "FIGURE_KINDS", "REFERENCE_KINDS", "BarFigure", "Block", "Bullets", "Callout",
    "CalloutBody", "CourseInfo",
    "DateSpan", "Discussion", "Figure", "FigureBase", "FigureRef", "ImageFigure", "KeyTerm",
    "KeyTerms", "Lecture", "LineFigure", "MapArea", "MapFigure", "MapLine", "MapPoint", "Model",
    "Paragraph", "PartialDate", "People", "Person", "PieFigure", "Question", "Questions", "Quote",
    "QuoteBody", "Reference", "Section", "Series", "SpeakerNotes", "Statistic", "Statistics",
    "SubBullets", "Table", "TableBody", "TableFigure", "Timeline", "TimelineEvent",
    "TimelineFigure", "block_kind", "choice_letter", "parse_date", "slugify",
]
