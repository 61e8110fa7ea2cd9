"""A timeline's band is a true scale: every tick drawn, cells of equal time equally wide, and
each year name inside the one cell it names (never across three cells beside empty slivers,
where an event of July 1858 stood on a blank cell right after "1855" and read as 1856:
meiji-restoration in every layout). Read back from the decks (python-pptx shape positions of
the band's ticks and names) and from the guide's scene."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from builder.charts.scene import Path as ScenePath
from builder.charts.scene import Rect, Text
from builder.charts.style import FigureStyle
from builder.charts.timeline import timeline_scene
from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.model import TimelineFigure
from builder.resolve.document import resolve
from builder.text.fonts import faces
from tests.conftest import ROOT
from tests.pptx_readback import leaves as _leaves

CORPUS = ROOT / "tests" / "corpus"
LAYOUTS = ROOT / "layouts"
EMU = 12700


def _role(shape) -> str:
    return shape.name.rsplit(" ", 1)[0]


def _document(lecture: str, layout: str):
    return resolve(load_source(CORPUS / f"{lecture}.yaml"),
                   load_layout(LAYOUTS / f"{layout}.yaml"), None)


def _bands(document):
    """(slide number, band (left, right), tick xs, [(name left, right, text)]) of every
    timeline band in the deck, in points."""
    deck = Presentation(io.BytesIO(render_deck(document)))
    ids = {n.figure.id for n in document.figures.values()
           if isinstance(n.figure, TimelineFigure)}
    for number, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            if shape.name.removeprefix("figure-") not in ids:
                continue
            leaves = list(_leaves(shape))
            axis = [leaf for leaf in leaves if _role(leaf) == "axis"]
            if not axis:
                continue
            band = axis[0]
            ticks = sorted(leaf.left / EMU for leaf in leaves if _role(leaf) == "tick")
            names = sorted(((leaf.left / EMU, (leaf.left + leaf.width) / EMU,
                             leaf.text_frame.text) for leaf in leaves if _role(leaf) == "year"))
            yield number, (band.left / EMU, (band.left + band.width) / EMU), ticks, names


def _true_scale(where, band, ticks, names, first_year: int | None = None) -> None:
    left, right = band
    assert ticks, where
    steps = [b - a for a, b in zip(ticks, ticks[1:])]
    if steps:  # year cells (365 or 366 days; 5 years within a day): equal within 1 %
        assert max(steps) - min(steps) <= 0.01 * max(steps) + 0.05, (where, steps)
    # the partial cells at the ends are never wider than a whole one
    whole = max(steps) if steps else right - left
    assert ticks[0] - left <= whole + 0.05 and right - ticks[-1] <= whole + 0.05, where
    edges = [left, *ticks, right]
    for name_left, name_right, text in names:
        # a name's letters inside one cell: no tick inside the name
        inside = [t for t in ticks if name_left + 1.0 < t < name_right - 1.0]
        assert not inside, (where, text, inside)
        assert left - 0.5 <= name_left and name_right <= right + 0.5, (where, text)
    for (_, a_right, a), (b_left, _, b) in zip(names, names[1:]):
        assert a_right <= b_left, (where, a, b)
    if first_year is not None:
        # the band says where it starts: its first name is the axis's first year, at the
        # left end, or a tick's (the next boundary) standing in the first whole cell
        first_left, _, text = names[0]
        assert text == str(first_year) or first_left >= edges[1] - 0.5, (where, names[:2])


@pytest.mark.parametrize("layout", ["default", "large-print", "history-101"])
def test_meiji_bands_are_true_scales_in_every_layout(layout) -> None:
    seen = 0
    for number, band, ticks, names in _bands(_document("meiji-restoration", layout)):
        seen += 1
        _true_scale((layout, number), band, ticks, names, 1853)
    assert seen


def test_revolution_large_print_band_is_a_true_scale() -> None:
    """1789–1800 on a 4:3 large-print slide: "1789" is wider than its year cell, so the
    band is cut in 2-year cells named at their ticks (1790, 1792 …), every tick drawn; the
    events of 1789 stand before the "1790" tick (they stood on a blank cell of a band whose
    named cells were wider than the others)."""
    seen = 0
    for number, band, ticks, names in _bands(_document("revolution-francaise",
                                                       "large-print")):
        seen += 1
        _true_scale(number, band, ticks, names, 1789)
        assert [text for _, _, text in names][:2] in (["1789", "1792"], ["1790", "1792"]), (
            number, names)
    assert seen


@pytest.mark.parametrize("layout", ["default", "large-print"])
def test_the_guide_band_is_a_true_scale(layout) -> None:
    layout_model = load_layout(LAYOUTS / f"{layout}.yaml")
    document = resolve(load_source(CORPUS / "meiji-restoration.yaml"), layout_model)
    figure = next(n.figure for n in document.figures.values()
                  if isinstance(n.figure, TimelineFigure))
    for width in (300.0, 471.0):
        style = FigureStyle.from_layout(layout_model.palette, faces(layout_model.fonts.body),
                                        12.0 if layout == "large-print" else 8.5)
        scene = timeline_scene(figure, style, width, 600)
        axis = next(i for i in scene.items if isinstance(i, Rect) and i.role == "axis")
        ticks = sorted(i.points[0][0] for i in scene.items
                       if isinstance(i, ScenePath) and i.role == "tick")
        names = sorted((i.left, i.left + i.width, i.lines[0]) for i in scene.items
                       if isinstance(i, Text) and i.role == "year")
        _true_scale((layout, width), (axis.left, axis.left + axis.width), ticks, names, 1853)
