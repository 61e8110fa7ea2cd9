"""The presentation to draw into: python-pptx's default, or the layout's .pptx template.

Slide layouts are found by name (``layout.deck.template_layouts`` maps our slide kinds to the
template's names) and placeholders by type, never by index: templates differ in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from builder.deck import oxml, shapexml
from builder.deck.grid import EMU_PER_POINT
from builder.deck.slideparts import SlideMaker
from builder.errors import LayoutError
from builder.layout.model import Layout

KINDS = ("title", "section", "content", "figure", "blank")
DEFAULT_LAYOUTS = {  # python-pptx's default template
    "title": "Title Slide", "section": "Title Only", "content": "Title Only",
    "figure": "Title Only", "blank": "Blank",
}
TEMPLATE_FALLBACKS = {  # names most templates use, tried when template_layouts is silent
    "title": ("Title Slide",), "section": ("Section Header", "Title Only"),
    "content": ("Title Only", "Title and Content"), "figure": ("Title Only", "Title and Content"),
    "blank": ("Blank",),
}
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


@dataclass
class Deckfile:
    """An open presentation and the slide layout chosen for each of our slide kinds."""

    presentation: object
    layouts: dict[str, object]
    has_template: bool

    @property
    def size(self) -> tuple[float, float]:
        """Slide width and height in points."""
        return (self.presentation.slide_width / EMU_PER_POINT,
                self.presentation.slide_height / EMU_PER_POINT)

    @cached_property
    def _maker(self) -> SlideMaker:
        return SlideMaker(self.presentation)

    def new_slide(self, kind: str, background: str | None = None):
        """A new slide of our ``kind``, its background filled with ``background`` (RRGGBB)."""
        return self._maker.add_slide(self.layouts[kind], background)

    def notes_slide(self, slide):
        """The slide's notes page (made without scanning the whole package)."""
        return self._maker.notes_slide(slide)

    def drawn(self, slide):
        """A finished slide as bytes to add again later (``SlideMaker.drawn``), or None."""
        return self._maker.drawn(slide)

    def add_drawn(self, drawn) -> bool:
        """Add a slide an earlier build drew (``SlideMaker.add_drawn``)."""
        return self._maker.add_drawn(drawn)

    def finish_slide(self, slide) -> None:
        """A slide that will not be touched again keeps only its bytes (``SlideMaker.freeze``)."""
        self._maker.freeze(slide)


def open_deck(layout: Layout) -> Deckfile:
    """Open the template (its slides removed) or the default, sized from the layout.

    A template keeps its own slide size: its layouts were drawn for it.
    """
    deck = layout.deck
    if deck.template:
        path = Path(deck.template)
        presentation = Presentation(str(path))  # checked in full when the layout loaded
        oxml.remove_all_slides(presentation)
        layouts = _template_layouts(presentation, layout, path.name)
        return Deckfile(presentation, layouts, True)
    presentation = Presentation()
    width, height = deck.slide_points
    presentation.slide_width = round(width * EMU_PER_POINT)
    presentation.slide_height = round(height * EMU_PER_POINT)
    by_name = {one.name: one for one in presentation.slide_layouts}
    return Deckfile(presentation, {kind: by_name[name] for kind, name in DEFAULT_LAYOUTS.items()},
                    False)


def _template_layouts(presentation, layout: Layout, template_name: str) -> dict[str, object]:
    by_name = {one.name: one for one in presentation.slide_layouts}
    available = ", ".join(f"'{name}'" for name in by_name) or "none"
    chosen: dict[str, object] = {}
    for kind, name in layout.deck.template_layouts.items():
        if kind not in KINDS:
            raise LayoutError(f"{_layout_name(layout)}: deck.template_layouts.{kind}: unknown "
                              f"slide kind (kinds: {', '.join(KINDS)})")
        if name not in by_name:
            raise LayoutError(f"{_layout_name(layout)}: deck.template_layouts.{kind}: "
                              f"'{template_name}' has no layout named '{name}' "
                              f"(it has: {available})")
        chosen[kind] = by_name[name]
    for kind in KINDS:
        if kind in chosen:
            continue
        candidates = [*TEMPLATE_FALLBACKS[kind]]
        if kind in ("section", "figure") and "content" in chosen:
            candidates.insert(0, chosen["content"].name)
        found = next((by_name[name] for name in candidates if name in by_name), None)
        if found is None and kind == "blank":
            found = chosen.get("content")
        if found is None:
            raise LayoutError(f"{_layout_name(layout)}: deck.template_layouts.{kind}: not given, "
                              f"and '{template_name}' has no layout named "
                              f"{' or '.join(repr(n) for n in TEMPLATE_FALLBACKS[kind])}; map "
                              f"it to one of: {available}")
        chosen[kind] = found
    return chosen


def _layout_name(layout: Layout) -> str:
    file = getattr(layout, "file", None)
    return str(file) if file else f"layout '{layout.name}'"


def title_placeholder(slide):
    """The slide's title placeholder (title or centred title), or None."""
    return next((shape for shape in slide.placeholders
                 if shape.placeholder_format.type in TITLE_TYPES), None)


def placeholder_of_type(slide, *types):
    return next((shape for shape in slide.placeholders
                 if shape.placeholder_format.type in types), None)


def remove_empty_placeholders(slide, keep=()) -> None:
    """No empty placeholder may remain: PowerPoint shows 'Click to add text' in them.

    ``keep`` names placeholder types to leave (a notes page keeps its slide image).
    """
    kept = {_PH_TYPE_XML[kind] for kind in keep}
    tree = slide.shapes._spTree
    for element in shapexml.shapes_of(tree):
        kind = shapexml.placeholder_type(element)
        if kind is None or kind in kept:
            continue
        shown = shapexml.has_text(element)
        if shown is None:  # escaped characters: as python-pptx reads the text
            shape = slide.shapes._shape_factory(element)
            shown = shape.has_text_frame and bool(shape.text_frame.text.strip())
        if not shown:
            tree.remove(element)


_PH_TYPE_XML = {member: member.xml_value for member in PP_PLACEHOLDER}
