"""The layout model: how a course's guide and deck look, as validated data.

A layout file is merged over the packaged default (``builder/defaults/layout.yaml``) along its
``extends:`` chain, then validated here. Every field has the default's value, so renderers
read a complete, resolved layout and never check for absence.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from builder.layout.values import ColorValue, LengthValue
from builder.model.base import Model

GUIDE_PARTS = ("title_page", "objectives", "contents", "sections", "glossary", "people",
               "timeline", "questions", "answer_key", "notes_appendix", "sources")
DECK_PARTS = ("title", "agenda", "objectives", "sections", "timeline", "people", "questions",
              "takeaways", "sources")
Edition = Literal["student", "instructor"]


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
    code: str | None = None
    title: str | None = None
    term: str | None = None
    instructor: str | None = None
    lectures: tuple[str, ...] = Field(default=(), description="Source paths relative to the layout")


class Margins(Model):
    top: LengthValue
    bottom: LengthValue
    left: LengthValue
    right: LengthValue


class GuideSizes(Model):
    body: float = Field(gt=4, le=40)
    title: float = Field(gt=4, le=96)
    heading1: float = Field(gt=4, le=72)
    heading2: float = Field(gt=4, le=72)
    small: float = Field(gt=4, le=40)
    leading: float = Field(ge=1.0, le=2.5, description="Line height as a multiple of the size")


class Guide(Model):
    page_size: Literal["A4", "Letter", "Legal", "A5"] | tuple[LengthValue, LengthValue]
    orientation: Literal["portrait", "landscape"]
    margins: Margins
    sizes: GuideSizes
    header: str = Field(description="Running header; fields {course} {lecture} {page} {pages} {date}")
    footer: str
    logo: str | None = Field(default=None, description="PNG/JPEG relative to the layout")
    parts: tuple[Literal[GUIDE_PARTS], ...]

    @field_validator("parts")
    @classmethod
    def _parts_unique(cls, parts):
        duplicated = sorted({p for p in parts if parts.count(p) > 1})
        if duplicated:
            raise ValueError(f"parts listed twice: {', '.join(duplicated)}")
        return parts


class DeckSizes(Model):
    title: float = Field(gt=8, le=96)
    section: float = Field(gt=8, le=120)
    body: float = Field(gt=8, le=60)
    min_body: float = Field(gt=8, le=60, description="Smallest body size before splitting slides")
    caption: float = Field(gt=6, le=40)
    footer: float = Field(gt=6, le=24)


class Deck(Model):
    size: Literal["16:9", "4:3", "16:10"] | tuple[LengthValue, LengthValue]
    margin: LengthValue
    sizes: DeckSizes
    max_bullets: int = Field(ge=2, le=15)
    background: ColorValue | None = Field(default=None, description="Default: palette.background")
    logo: str | None = None
    logo_position: Literal["top-right", "top-left", "bottom-right", "bottom-left"] = "bottom-right"
    slide_numbers: bool = True
    footer: str = Field(default="{course} · {lecture}", description="Footer text; same fields")
    template: str | None = Field(default=None, description=".pptx template relative to the layout")
    template_layouts: dict[str, str] = Field(
        default_factory=dict, description="Our slide kind → the template's layout name")
    parts: tuple[Literal[DECK_PARTS], ...]


class Layout(Model):
    """A resolved layout; ``folder`` (set by the loader) anchors relative asset paths."""

    name: str
    description: str | None = None
    extends: str | None = None
    edition: Edition
    figure_word: str = Field(min_length=1, description='"Figure" or "Fig."')
    course: Course = Course()
    fonts: Fonts
    palette: Palette
    guide: Guide
    deck: Deck
    strict: bool = Field(default=True, description="Accessibility problems are errors, not warnings")
