"""Scenes painted as directly built shapes (builder/deck/scenexml.py) are the shapes the
python-pptx painter made (tests/scene_reference.py, the painter it replaced): the sample's
map and timeline, and a scene of every item kind and option, compared element by element."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from builder.charts import scene as sc
from builder.charts.maps import map_scene
from builder.charts.markup import emphasis
from builder.deck import scenes
from builder.deck.figurekit import EMU_PER_POINT, FigureBox, figure_style
from builder.deck.scenexml import ScenePainter
from builder.layout.load import load_layout
from builder.layout.values import Color
from builder.load.source import load_source
from builder.resolve.document import resolve
from builder.resolve.scenecache import cached_scene
from builder.text.inline import Run

from scene_reference import ScenePainter as ReferencePainter

ROOT = Path(__file__).resolve().parent.parent
BOX = FigureBox(548640, 1371600, 5486400, 4572000)


@pytest.fixture(scope="module")
def document():
    return resolve(load_source(ROOT / "sources" / "korean-war.yaml"), load_layout(None), None)


def _group(gap: bool):
    """A group on a new slide, after a title and a text box (and, with ``gap``, a removed
    shape whose id a freeform may take)."""
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.add_textbox(0, 0, 10, 10)
    if gap:
        removed = slide.shapes.add_textbox(0, 0, 10, 10)
        slide.shapes.add_textbox(0, 0, 10, 10)
        removed._element.getparent().remove(removed._element)
    return slide.shapes.add_group_shape()


def _painted(document, scene, styled, painter_class, gap=False) -> bytes:
    group = _group(gap)
    style = figure_style(document)
    x, y = 600000, 1500000
    levels = scenes._Levels([item for item in scene.items if isinstance(item, sc.Text)])
    if painter_class is ReferencePainter:
        painter = ReferencePainter(scenes.filled_at_once(group), document, style, x, y,
                                   scene.width)
    else:
        fonts = document.layout.fonts
        painter = ScenePainter(group._element, (style.typeface.deck_name, fonts.east_asian,
                                                fonts.complex_script), x, y, scene.width)
    painter.level_with, painter.styled = levels, styled
    for item in scene.items:
        painter.paint(item)
    if painter_class is ReferencePainter:
        group._element.recalculate_extents()
    else:
        painter.finish()
    return etree.tostring(group._element)


def _both(document, scene, styled=None, gap=False) -> None:
    styled = styled or {}
    fast = _painted(document, scene, styled, ScenePainter, gap)
    slow = _painted(document, scene, styled, ReferencePainter, gap)
    assert fast == slow


def test_the_sample_map_as_python_pptx_painted_it(document) -> None:
    figure = document.figure("korea-map").figure
    style, arguments, options = scenes.map_request(document, figure, BOX)
    scene = sc.thickened(cached_scene(map_scene, document, figure, *arguments, **options),
                         style.size)
    _both(document, scene, emphasis(figure))


def test_the_sample_timeline_as_python_pptx_painted_it(document) -> None:
    figure = document.figure("war-timeline").figure
    scene = scenes._scene(document, figure, BOX.width / EMU_PER_POINT,
                          BOX.height / EMU_PER_POINT)
    _both(document, scene, emphasis(figure))


def test_every_item_kind_and_option(document) -> None:
    red, grey = Color("C8553D"), Color("5a6472")
    items = [
        sc.Text(10, 10, 80, ("One line",), 14, red),
        sc.Text(100, 10, 80, ("Two", "lines"), 12.5, grey, align="center", bold=True),
        sc.Text(200, 10, 60, ("Right",), 14, red, align="right", role="key"),
        sc.Text(10, 60, 90, ("Turned",), 14, red, rotation=30.0),
        sc.Text(10, 90, 90, ("Turned back",), 14, red, rotation=-90.0),
        sc.Text(10, 120, 90, ("", "a\x0bcontrol"), 14, red),
        sc.Text(120, 120, 90, ("Emphasis here",), 14, red),
        sc.Path(((0, 0), (50, 20)), red, 1.5),
        sc.Path(((50, 20), (0, 0)), red, 2.0, dash="dashed"),
        sc.Path(((0, 20), (50, 0)), grey, 1.0, dash="dotted"),
        sc.Path(((5, 5), (5, 5)), None),
        sc.Path(((0, 0), (40, 5), (30, 30)), red, 1.0, fill=grey, closed=True, role="land"),
        sc.Path(((0, 0), (40, 5), (30, 30)), grey, 0.0, role="river"),
        sc.Path(((0, 0), (40, 5), (30, 30), (2, 40)), red, 3.0, dash="dashed"),
        sc.Rect(0, 0, 20, 10, red),
        sc.Rect(0, 0, 0.00001, 10, None, grey, 1.0),
        sc.Rect(5, 5, 20, 10, grey, red, 0.0),
        sc.Circle(30, 30, 4, red, grey, 1.5),
        sc.Circle(40, 30, 0.00001, None),
    ]
    styled = {"Emphasis here": [Run("Emphasis ", italic=True), Run("here", bold=True)]}
    scene = sc.Scene(300, 200, items)
    _both(document, scene, styled)
    _both(document, scene, styled, gap=True)
    _both(document, sc.Scene(10, 10, []))
