"""Figure strokes follow the figure text size: lines, rules and marker rims keep their weight
beside large-print text, in the scenes both outputs draw and in the deck as written."""

from __future__ import annotations

import io

from pptx import Presentation

from builder.charts.figures import scene_for
from builder.charts.scene import Circle, Path
from builder.charts.style import FigureStyle
from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.model import MapFigure
from builder.resolve.document import resolve
from tests.conftest import ROOT, SAMPLE


def _widths(scene) -> dict[str, float]:
    return {item.role: item.stroke_width for item in scene.items
            if isinstance(item, (Path, Circle)) and item.stroke_width}


def test_strokes_widen_with_the_figure_text_size() -> None:
    layout = load_layout(None)
    from builder.text.fonts import faces

    style = FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)
    figure = MapFigure.model_validate({
        "kind": "map", "id": "m", "caption": "c", "alt": "a", "bounds": [124, 33, 131, 43],
        "points": [{"label": "Seoul", "lon": 126.98, "lat": 37.57, "marker": "city"}],
        "lines": [{"label": "38th parallel", "coordinates": [[124.3, 38.0], [129.2, 38.0]]}]})
    small = _widths(scene_for(figure, style, 400, 300, None))
    large = _widths(scene_for(figure, style.resized(18.0), 400, 300, None))
    assert {"frame", "city", "map-line"} <= set(small)
    for role in ("frame", "city", "map-line", "land"):
        assert large[role] == 2 * small[role], role


def _line_widths(name: str) -> dict[str, int]:
    document = resolve(load_source(SAMPLE), load_layout(ROOT / "layouts" / f"{name}.yaml"), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    found: dict[str, int] = {}

    def walk(shapes):
        for shape in shapes:
            if shape.shape_type == 6:
                yield from walk(shape.shapes)
            else:
                yield shape

    for slide in deck.slides:
        for shape in walk(slide.shapes):
            role = shape.name.rsplit(" ", 1)[0]
            if role in ("frame", "stem", "map-line") and role not in found:
                found[role] = shape.line.width
    return found


def test_the_large_print_deck_draws_heavier_figure_lines() -> None:
    default, large = _line_widths("default"), _line_widths("large-print")
    assert {"frame", "map-line"} <= set(default) & set(large)
    for role in set(default) & set(large):
        assert large[role] > default[role], role
