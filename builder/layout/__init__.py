"""Layouts: how a course looks, as data merged over the packaged default."""

from builder.layout.load import load_layout
from builder.layout.model import DECK_PARTS, GUIDE_PARTS, Layout

__all__ = ["DECK_PARTS", "GUIDE_PARTS", "Layout", "load_layout"]
