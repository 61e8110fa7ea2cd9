"""Paragraph styles and colours for the guide, derived once from the layout.

Every size comes from ``layout.guide.sizes`` and every colour from the palette, so a layout
restyles the whole guide. Each style remembers which font family (and weight) it draws with,
so text can be checked for missing glyphs against the exact face that will print it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from builder.text.hyphenate import WideWords, hyphenator
from builder.text.fonts import Faces
from builder.layout.values import Color
from builder.text.measure import face, register
from builder.resolve.document import Document

WHITE = Color("FFFFFF")


def rgb(color: Color) -> colors.Color:
    """A palette colour as a reportlab colour."""
    return colors.HexColor(f"#{color}")


@dataclass(frozen=True)
class TextStyle:
    """A ParagraphStyle plus the family and weight it draws in (for glyph checks)."""

    paragraph: ParagraphStyle
    faces: Faces
    bold: bool = False
    italic: bool = False

    @property
    def font_name(self) -> str:
        return face(self.faces, self.bold, self.italic)


@dataclass(frozen=True)
class Palette:
    """The layout's colours as reportlab colours, plus tints the guide derives from them."""

    primary: colors.Color
    on_primary: colors.Color
    accent: colors.Color
    text: colors.Color
    muted: colors.Color
    surface: colors.Color
    zebra: colors.Color
    rule: colors.Color
    tip: colors.Color
    kinds: dict[str, tuple[colors.Color, colors.Color]]  # callout kind → (rule, tint)


def palette(document: Document) -> Palette:
    """Colours from the layout; tints are mixed toward white so text on them keeps contrast."""
    layout_palette = document.layout.palette
    tip = layout_palette.chart[2] if len(layout_palette.chart) > 2 else layout_palette.accent
    kinds = {
        "note": (rgb(layout_palette.primary), rgb(layout_palette.surface)),
        "tip": (rgb(tip), rgb(tip.mix(WHITE, 0.88))),
        "warning": (rgb(layout_palette.accent), rgb(layout_palette.accent.mix(WHITE, 0.87))),
    }
    return Palette(
        primary=rgb(layout_palette.primary), on_primary=rgb(layout_palette.on_primary),
        accent=rgb(layout_palette.accent),
        text=rgb(layout_palette.text), muted=rgb(layout_palette.muted),
        surface=rgb(layout_palette.surface),
        zebra=rgb(layout_palette.surface.mix(WHITE, 0.55)),
        rule=rgb(layout_palette.muted.mix(WHITE, 0.65)), tip=rgb(tip), kinds=kinds)


class Styles:
    """All text styles of the guide, built from the layout's sizes, fonts and palette."""

    def __init__(self, document: Document):
        guide = document.layout.guide
        sizes = guide.sizes
        self.frame_height = guide.page_points[1] - float(guide.margins.top) - \
            float(guide.margins.bottom)  # the body frame has no padding
        self.colors = palette(document)
        self.body_faces = document.fonts["body"]
        self.heading_faces = document.fonts["heading"]
        self.mono_faces = document.fonts["mono"]
        for faces in (self.body_faces, self.heading_faces, self.mono_faces):
            register(faces)
        self.leading = sizes.leading
        self.body_size = sizes.body
        self.small_size = sizes.small
        body_leading = sizes.body * sizes.leading
        self.line = body_leading
        text, muted, primary = self.colors.text, self.colors.muted, self.colors.primary

        wide = WideWords(document.language)

        def make(name: str, faces: Faces, size: float, *, bold: bool = False,
                 italic: bool = False, color: colors.Color = text, leading: float | None = None,
                 **extra: object) -> TextStyle:
            # a word wider than its line breaks at a syllable, with a hyphen (WideWords),
            # moving to the next line first (embeddedHyphenation 2)
            extra = {"hyphenationLang": wide, "embeddedHyphenation": 2, **extra}
            style = ParagraphStyle(
                name, fontName=face(faces, bold, italic), fontSize=size,
                leading=leading if leading is not None else size * sizes.leading,
                textColor=color, splitLongWords=1, allowWidows=0, allowOrphans=0, **extra)
            return TextStyle(style, faces, bold, italic)

        body, heading = self.body_faces, self.heading_faces
        self.body = make("body", body, sizes.body, spaceAfter=body_leading * 0.6)
        self.body_tight = make("body_tight", body, sizes.body)
        self.bullet = make("bullet", body, sizes.body, spaceAfter=body_leading * 0.25)
        self.small = make("small", body, sizes.small, color=muted)
        self.small_italic = make("small_italic", body, sizes.small, italic=True, color=muted)
        self.title = make("title", heading, sizes.title, bold=True, color=primary,
                          leading=sizes.title * 1.12, spaceAfter=sizes.title * 0.35)
        self.subtitle = make("subtitle", heading, sizes.heading2 * 1.25, color=muted,
                             leading=sizes.heading2 * 1.25 * 1.3)
        self.overline = make("overline", heading, sizes.small + 1, bold=True,
                             color=self.colors.accent, spaceAfter=sizes.small)
        self.title_meta = make("title_meta", body, sizes.body + 1, color=text)
        self.meta_label = make("meta_label", heading, sizes.small, bold=True, color=muted,
                               leading=sizes.small * 1.3, spaceAfter=1)
        self.preview = make("preview", body, sizes.body, color=text,
                            leading=sizes.body * 1.3)
        self.takeaway = make("takeaway", body, sizes.body + 0.5, color=text,
                             leading=(sizes.body + 0.5) * sizes.leading)
        self.heading1 = make("heading1", heading, sizes.heading1, bold=True, color=primary,
                             leading=sizes.heading1 * 1.2, spaceBefore=body_leading * 1.6,
                             spaceAfter=body_leading * 0.35, keepWithNext=1)
        self.heading2 = make("heading2", heading, sizes.heading2, bold=True, color=primary,
                             leading=sizes.heading2 * 1.25, spaceBefore=body_leading * 0.9,
                             spaceAfter=body_leading * 0.3, keepWithNext=1)
        self.label = make("label", heading, sizes.small, bold=True, color=self.colors.accent,
                          spaceAfter=2, keepWithNext=1)
        self.caption = make("caption", body, sizes.small + 0.5, color=text,
                            spaceBefore=4, alignment=TA_LEFT)
        self.credit = make("credit", body, sizes.small, italic=True, color=muted)
        self.quote = make("quote", heading, sizes.heading2, italic=True, color=primary,
                          leading=sizes.heading2 * 1.35)
        self.attribution = make("attribution", body, sizes.body, bold=True, color=text,
                                spaceBefore=body_leading * 0.4)
        self.stat_value = make("stat_value", heading, sizes.heading1 * 1.45, bold=True,
                               color=primary, leading=sizes.heading1 * 1.6, alignment=TA_CENTER,
                               spaceAfter=3)
        self.stat_label = make("stat_label", body, sizes.body, color=text, alignment=TA_CENTER)
        self.stat_note = make("stat_note", body, sizes.small, color=muted, alignment=TA_CENTER,
                              spaceBefore=2)
        self.term = make("term", body, sizes.body, bold=True, color=primary, keepWithNext=1)
        self.definition = make("definition", body, sizes.body, leftIndent=14,
                               spaceAfter=body_leading * 0.45)
        # a word longer than its column hyphenates at a syllable ("Verfassungs-organ")
        # rather than being cut between any two letters
        # (embeddedHyphenation 2: a word that cannot break beside its line's other words
        # moves to the next line and breaks there, rather than being cut letter by letter)
        hyphens = hyphenator(document.language) or ""
        self.language = document.language
        cells = {"hyphenationLang": hyphens, "embeddedHyphenation": 2}
        self.cell = make("cell", body, sizes.body - 0.5, leading=(sizes.body - 0.5) * 1.25,
                         **cells)
        self.cell_bold = make("cell_bold", body, sizes.body - 0.5, bold=True,
                              leading=(sizes.body - 0.5) * 1.25, **cells)
        self.cell_header = make("cell_header", heading, sizes.body - 0.5, bold=True,
                                color=primary, leading=(sizes.body - 0.5) * 1.25, **cells)
        self.callout_title = make("callout_title", heading, sizes.body, bold=True,
                                  spaceAfter=2)
        self.discussion = make("discussion", body, sizes.body + 0.5, italic=True,
                               leading=(sizes.body + 0.5) * sizes.leading)
        numbered = {"bulletFontName": face(body, bold=True), "bulletFontSize": sizes.body}
        self.question = make("question", body, sizes.body, leftIndent=22, bulletIndent=0,
                             **numbered)
        self.choice = make("choice", body, sizes.body, leftIndent=38, bulletIndent=24,
                           **numbered)
        self.answer = make("answer", body, sizes.body, leftIndent=22, bulletIndent=0,
                           **numbered)
        self.explanation = make("explanation", body, sizes.body - 0.5, italic=True,
                                color=muted, leftIndent=22)
        # (no hyphenation where URLs are: reportlab's URL splitting then leaves a long last
        # piece unbroken, past the margin; without it, a URL breaks by characters)
        self.reference = make("reference", body, sizes.body, leftIndent=18, firstLineIndent=-18,
                              spaceAfter=body_leading * 0.4, hyphenationLang="",
                              embeddedHyphenation=0)
        self.note = make("note", body, sizes.body, spaceAfter=body_leading * 0.4)
        self.toc = [
            ParagraphStyle("toc0", fontName=face(body), fontSize=sizes.body + 0.5,
                           leading=(sizes.body + 0.5) * 1.6, textColor=text, leftIndent=0,
                           rightIndent=28, splitLongWords=1),
            ParagraphStyle("toc1", fontName=face(body), fontSize=sizes.body,
                           leading=sizes.body * 1.5, textColor=muted, leftIndent=16,
                           rightIndent=28, splitLongWords=1),
        ]
        self.furniture_font = face(body)
        self.edition_font = face(heading, bold=True)
        self.furniture_size = sizes.small
