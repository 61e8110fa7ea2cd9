"""Layouts: how a course looks, as data merged over the packaged default."""

from builder.layout.load import DEFAULT_LAYOUT, LoadedLayout, load_layout, read_layout
from builder.layout.model import DECK_PARTS, GUIDE_PARTS, TEMPLATE_FIELDS, Layout

__all__ = ["DECK_PARTS", "DEFAULT_LAYOUT", "GUIDE_PARTS", "TEMPLATE_FIELDS", "Layout",
           "LoadedLayout", "load_layout", "read_layout"]
