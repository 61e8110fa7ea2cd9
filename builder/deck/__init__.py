"""The PowerPoint lecture deck (python-pptx): plan → draw → save reproducibly.

``plan`` decides every slide and measures every text without python-pptx; ``slides`` draws
the plan into the default presentation or the layout's template; ``package`` fixes the
metadata and the zip so the same inputs give byte-identical files.
"""

from __future__ import annotations

from builder.deck import ahead, pptxspeed, fit, oxml, reuse
from builder.deck.grid import Grid
from builder.deck.package import save, set_core_properties
from builder.deck.plan import plan_deck
from builder.deck.slides import Canvas, draw_slide, logo_aspect
from builder.deck.specs import Para, Plan
from builder.deck.template import open_deck
from builder.deck.text import Ink
from builder.resolve.document import Document
from builder.text.shorten import shortened
from builder.text.typography import in_documents_language

pptxspeed.install()  # python-pptx's queries compiled once per process (same results)

__all__ = ["render_deck", "plan_deck", "footer_text"]


def footer_text(document: Document, grid: Grid) -> str:
    """The footer line, shortened with an ellipsis if it would wrap in its box."""
    faces = document.fonts["body"]
    size = grid.footer_size

    def fits(text: str) -> bool:
        return fit.para_lines(Para(fit.plain_runs(text)), faces, size,
                              grid.footer.inner_width) <= 1
    return shortened(document.fill(document.layout.deck.footer, fits), fits)


def _draw_all(canvas: Canvas, plan: Plan, kept: reuse.Reuse | None) -> None:
    """Draw every planned slide, or add it as the last build drew it when nothing it shows
    changed (``kept``: a watch's rebuild, see ``builder.deck.reuse``)."""
    deckfile = canvas.deckfile
    for number, spec in enumerate(plan.slides, start=1):
        key = kept.key(spec, number) if kept else None
        drawn = kept.get(key) if kept else None
        if drawn is not None and deckfile.add_drawn(drawn):
            kept.keep(key, drawn, reused=True)
            continue
        draw_slide(canvas, spec, number)
        deckfile.finish_slide(canvas.slide)
        if kept:
            kept.keep(key, deckfile.drawn(canvas.slide))
    if kept:
        kept.close(len(plan.slides))


@in_documents_language
def render_deck(document: Document) -> bytes:
    """The lecture as a .pptx: same sections, order and numbered figures as the guide."""
    deck = document.layout.deck
    deckfile = open_deck(document.layout)
    logo = deck.logo
    grid = Grid.build(deck, deckfile.size, logo_aspect(logo))
    computing = ahead.start_early(document, grid)  # maps' scenes, on a spare core
    try:
        plan: Plan = plan_deck(document, grid)
        if computing is None:
            computing = ahead.start(document, grid, plan)
        return _render(document, deckfile, grid, plan, logo)
    finally:
        if computing is not None:
            computing.close()


def _render(document: Document, deckfile, grid: Grid, plan: Plan, logo) -> bytes:
    """Draw the planned deck and save it."""
    ink = Ink(document.layout)
    palette = document.layout.palette
    oxml.set_theme(deckfile.presentation, {
        "dk1": palette.text, "lt1": palette.background, "dk2": palette.primary,
        "lt2": palette.surface, **{f"accent{i + 1}": color for i, color in
                                    enumerate([palette.primary, palette.accent,
                                               *palette.chart[2:6]])}},
        document.fonts["heading"].deck_name, document.fonts["body"].deck_name,
        ink.east_asian, ink.complex_script, document.layout.name)
    canvas = Canvas(deckfile, grid, document, ink, footer_text(document, grid), logo)
    _draw_all(canvas, plan, reuse.start(document, (repr(grid), canvas.footer, logo)))
    set_core_properties(deckfile.presentation, document)
    return save(deckfile.presentation)
