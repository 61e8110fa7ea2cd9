"""Figure text without its emphasis markers, for the places that draw it as plain text.

A source may write ``*italic*`` and ``**bold**`` in any text, figure labels included
(``Chlorophyll *a*``, a species in a timeline). Figure labels are measured, wrapped and
placed as plain strings by both outputs, and a native chart's categories and series
names cannot carry styled runs at all; so every figure is drawn from a copy whose
labels have the markers taken out (the words stay, never an asterisk). Captions and alt
text are the renderers' own, set with their styles as body text is.
"""

from __future__ import annotations

from builder.text.inline import plain

_TEXT_FIELDS = ("value_axis_title", "category_axis_title")


def plain_figure(figure):
    """The figure with markup stripped from every label it draws (idempotent)."""
    update: dict = {}
    for name in _TEXT_FIELDS:
        value = getattr(figure, name, None)
        if value:
            update[name] = plain(value)
    if getattr(figure, "categories", None) and figure.kind != "map":
        update["categories"] = tuple(plain(c) for c in figure.categories)
    if getattr(figure, "series", None):
        update["series"] = tuple(s.model_copy(update={"name": plain(s.name)})
                                 for s in figure.series)
    if figure.kind == "timeline":
        update["events"] = tuple(e.model_copy(update={"label": plain(e.label)})
                                 for e in figure.events)
    if figure.kind == "map":
        for group in ("points", "lines", "areas"):
            update[group] = tuple(item.model_copy(update={"label": plain(item.label)})
                                  if item.label else item for item in getattr(figure, group))
    return figure.model_copy(update=update) if update else figure
