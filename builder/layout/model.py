"""The layout model: how a course's guide and deck look, as validated data.

A layout file is merged over the packaged default (``builder/defaults/layout.yaml``) along its
``extends:`` chain, then validated here. Every field has the default's value, so renderers
read a complete, resolved layout and never check for absence. File paths (logos, fonts, the
.pptx template, a course's lectures) are absolute by then, resolved against the layout file
that declared each one, and the files are known to exist.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Literal

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from builder.layout.values import ColorValue, Length, LengthValue
from builder.model.base import Model
from builder.text.words import Words, fields, keys

GUIDE_PARTS = ("title_page", "objectives", "contents", "sections", "takeaways", "glossary",
               "people", "timeline", "questions", "answer_key", "notes_appendix", "sources")
DECK_PARTS = ("title", "agenda", "objectives", "sections", "timeline", "people", "questions",
              "takeaways", "sources")
SLIDE_KINDS = ("title", "section", "content", "figure", "blank")
"""Our slide kinds, which ``deck.template_layouts`` maps to a template's layout names."""
Edition = Literal["student", "instructor"]
TEMPLATE_FIELDS = ("course", "lecture", "page", "pages", "page_of", "date", "term", "instructor",
                   "edition")
"""Fields a header or footer template may name: ``"{course} · {page_of}"`` (``{page_of}`` is
"Page 3 of 9" in the lecture's language, "Page 3 sur 9" in French)."""
PAGE_SIZES: dict[str, tuple[float, float]] = {
    # portrait width × height in points
    "A4": (595.2756, 841.8898), "Letter": (612.0, 792.0), "Legal": (612.0, 1008.0),
    "A5": (419.5276, 595.2756),
}
SLIDE_SIZES: dict[str, tuple[float, float]] = {
    # PowerPoint's own sizes for each aspect ratio, in points
    "16:9": (960.0, 540.0), "4:3": (720.0, 540.0), "16:10": (720.0, 450.0),
}
MIN_SLIDE, MAX_SLIDE = 72.0, 4032.0  # PowerPoint accepts 1 in to 56 in per side
MIN_PAGE, MAX_PAGE = 216.0, 3456.0  # a guide page side: 3 in (a small card) to 48 in (a poster)
MIN_TEXT_AREA = 144.0  # points left for text between the margins, each way (2 in)


class FontFamily(Model):
    """A family of TTF files (bundled name or paths relative to the layout).

    ``deck_name`` is the font the deck names; pick one metric-compatible with the files
    (Carlito ↔ Calibri) so the text measured here fits the same box in PowerPoint.
    """

    name: str = Field(description="Bundled family (Carlito, Caladea, Liberation Sans, "
                                  "Liberation Mono) or your own name for the files below")
    regular: str | None = None
    bold: str | None = None
    italic: str | None = None
    bold_italic: str | None = None
    deck_name: str | None = Field(default=None, description="Font the deck names (default: name)")


class Fonts(Model):
    heading: FontFamily
    body: FontFamily
    mono: FontFamily
    east_asian: str = Field(default="Malgun Gothic", description="Deck font for Hangul/CJK text")
    complex_script: str = Field(default="Arial", description="Deck font for complex scripts")


class Palette(Model):
    """Named colours; ``chart`` is the series order used by both renderers."""

    primary: ColorValue
    accent: ColorValue
    text: ColorValue
    muted: ColorValue
    background: ColorValue
    surface: ColorValue = Field(description="Tint behind callouts, table headers and boxes")
    on_primary: ColorValue = Field(description="Text drawn on the primary colour")
    chart: tuple[ColorValue, ...] = Field(min_length=3)


class Course(Model):
    """The course a layout belongs to; ``build <layout>`` builds each of its lectures."""

    code: str | None = Field(default=None, description="e.g. HIST 101; names the output folder")
    title: str | None = None
    term: str | None = None
    instructor: str | None = None
    lectures: tuple[str, ...] = Field(default=(), description="Source paths relative to the layout")


class Margins(Model):
    top: LengthValue
    bottom: LengthValue
    left: LengthValue
    right: LengthValue

    @field_validator("top", "bottom", "left", "right")
    @classmethod
    def _not_negative(cls, length: Length) -> Length:
        if length < 0:
            raise ValueError("a margin cannot be negative")
        return length


class GuideSizes(Model):
    body: float = Field(gt=4, le=40)
    title: float = Field(gt=4, le=96)
    heading1: float = Field(gt=4, le=72)
    heading2: float = Field(gt=4, le=72)
    small: float = Field(gt=4, le=40)
    leading: float = Field(ge=1.0, le=2.5, description="Line height as a multiple of the size")


class Guide(Model):
    page_size: Literal["A4", "Letter", "Legal", "A5"] | tuple[LengthValue, LengthValue] = Field(
        description="A named size, or [width, height] used as given")
    orientation: Literal["portrait", "landscape"] = Field(description="Turns a named page size")
    margins: Margins
    sizes: GuideSizes
    header: str = Field(description="Running header; fields {course} {lecture} {page} {pages} {date}")
    footer: str
    logo: str | None = Field(default=None, description="PNG/JPEG relative to the layout")
    parts: tuple[Literal[GUIDE_PARTS], ...] = Field(
        description="Which parts the guide has, in this order")

    @field_validator("parts")
    @classmethod
    def _parts_unique(cls, parts):
        return _unique_parts(parts)

    @field_validator("page_size")
    @classmethod
    def _page_positive(cls, size):
        if isinstance(size, tuple) and (len(size) != 2 or min(size) <= 0):
            raise ValueError("a custom page size is [width, height], both above zero")
        if isinstance(size, tuple) and not all(MIN_PAGE <= side <= MAX_PAGE for side in size):
            raise ValueError("a custom page size is [width, height], each at least 3in and at "
                             "most 48in")
        return size

    @model_validator(mode="after")
    def _room_for_text(self):
        width, height = self.page_points
        margins = self.margins
        if (width - margins.left - margins.right < MIN_TEXT_AREA
                or height - margins.top - margins.bottom < MIN_TEXT_AREA):
            raise ValueError("the margins leave less than 2in for text on the page: make them "
                             "smaller or the page larger")
        return self

    @property
    def page_points(self) -> tuple[float, float]:
        """Page width and height in points: a named size turned by ``orientation``; a custom
        ``[width, height]`` exactly as given (it already says which way it is turned)."""
        if isinstance(self.page_size, tuple):
            return float(self.page_size[0]), float(self.page_size[1])
        short, long = PAGE_SIZES[self.page_size]
        return (long, short) if self.orientation == "landscape" else (short, long)


class DeckSizes(Model):
    title: float = Field(gt=8, le=96)
    section: float = Field(gt=8, le=120)
    body: float = Field(gt=8, le=60)
    min_body: float = Field(gt=8, le=60, description="Smallest body size before splitting slides")
    caption: float = Field(gt=6, le=40)
    footer: float = Field(gt=6, le=24)

    @field_validator("min_body")
    @classmethod
    def _not_above_body(cls, min_body: float, info: ValidationInfo) -> float:
        body = info.data.get("body")
        if body is not None and min_body > body:
            raise ValueError(f"min_body ({min_body:g}) is larger than body ({body:g}): it is the "
                             "size a crowded slide may shrink to")
        return min_body


class Deck(Model):
    size: Literal["16:9", "4:3", "16:10"] | tuple[LengthValue, LengthValue]
    margin: LengthValue
    sizes: DeckSizes
    max_bullets: int = Field(ge=2, le=15)
    background: ColorValue | None = Field(default=None, description="Default: palette.background")
    logo: str | None = Field(default=None, description="PNG/JPEG relative to the layout")
    logo_position: Literal["top-right", "top-left", "bottom-right", "bottom-left"] = "bottom-right"
    slide_numbers: bool = True
    footer: str = Field(default="{course} · {lecture}", description="Footer text; same fields")
    template: str | None = Field(default=None, description=".pptx template relative to the layout")
    template_layouts: dict[str, str] = Field(
        default_factory=dict, description="Our slide kind (title, section, content, figure, "
                                          "blank) → the template's layout name",
        json_schema_extra={"propertyNames": {"enum": list(SLIDE_KINDS)}})
    parts: tuple[Literal[DECK_PARTS], ...] = Field(
        description="Which parts the deck has, in this order")

    @field_validator("parts")
    @classmethod
    def _parts_unique(cls, parts):
        return _unique_parts(parts)

    @field_validator("size")
    @classmethod
    def _size_in_range(cls, size):
        if isinstance(size, tuple) and (len(size) != 2 or not all(
                MIN_SLIDE <= side <= MAX_SLIDE for side in size)):
            raise ValueError("a custom slide size is [width, height], each from 1in to 56in "
                             "(PowerPoint's limits)")
        return size

    @model_validator(mode="after")
    def _room_on_slide(self):
        width, height = self.slide_points
        if min(width, height) - 2 * self.margin < MIN_TEXT_AREA:
            raise ValueError("the margin leaves less than 2in for content on the slide: make "
                             "it smaller or the slide larger")
        return self

    @property
    def slide_points(self) -> tuple[float, float]:
        """Slide width and height in points (16:9 is PowerPoint's 13.333 in × 7.5 in)."""
        if isinstance(self.size, str):
            return SLIDE_SIZES[self.size]
        return float(self.size[0]), float(self.size[1])


def _unique_parts(parts: tuple[str, ...]) -> tuple[str, ...]:
    duplicated = sorted({part for part in parts if parts.count(part) > 1})
    if duplicated:
        raise ValueError(f"parts listed twice: {', '.join(duplicated)}")
    return parts


class Layout(Model):
    """A resolved layout: every relative path in it is already absolute.

    The loader records the file it came from and the ``extends:`` chain (``file``, ``chain``)
    for messages; renderers need neither.
    """

    name: str
    description: str | None = None
    extends: str | None = None
    edition: Edition
    figure_word: str | None = Field(
        default=None, min_length=1,
        description='Shorthand for words: {figure: …} ("Fig."); by default the lecture '
                    "language's word (Figure, Abbildung, Figura)")
    words: dict[str, str] = Field(
        default_factory=dict,
        description="The outputs' own words, over the lecture language's (builder/text/"
                    "words.yaml lists every key): {agenda: Overview, sources: Further reading}")
    language: str = Field(
        default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="Language of the outputs' text (BCP 47: en, en-GB, fr, ko), for screen "
                    "readers and spelling checkers; a source's own language: wins")
    course: Course = Course()
    fonts: Fonts
    palette: Palette
    guide: Guide
    deck: Deck
    strict: bool = Field(default=True, description="Accessibility problems are errors, not warnings")

    @field_validator("words")
    @classmethod
    def _known_words(cls, words: dict[str, str]) -> dict[str, str]:
        known = keys()
        for key, text in words.items():
            if key not in known:
                guess = difflib.get_close_matches(key, known, n=1)
                hint = f"; did you mean '{guess[0]}'?" if guess else ""
                raise ValueError(f"unknown word '{key}'{hint} (words: {', '.join(known)})")
            wanted = fields(Words()(key))
            try:
                given = fields(text)
            except ValueError:
                given = None
            if given is None or not given <= wanted:
                shown = ", ".join("{" + name + "}" for name in sorted(wanted)) or "no {fields}"
                raise ValueError(f"words.{key}: the text may name only {shown}, as the "
                                 f"English '{Words()(key)}' does")
        return words

    @property
    def word_overrides(self) -> dict[str, str]:
        """The layout's words (``figure_word`` is the shorthand for ``words: {figure: …}``)."""
        if self.figure_word and "figure" not in self.words:
            return {"figure": self.figure_word, **self.words}
        return dict(self.words)

    _file: Path | None = PrivateAttr(default=None)
    _chain: tuple[Path, ...] = PrivateAttr(default=())

    @property
    def file(self) -> Path | None:
        """The layout file this was loaded from (None for the packaged default)."""
        return self._file

    @property
    def chain(self) -> tuple[Path, ...]:
        """Files merged to make this layout, most general first (the packaged default first)."""
        return self._chain
