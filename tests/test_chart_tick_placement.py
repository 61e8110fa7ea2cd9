"""A chart's tick numbers stand on the shared line placement (``charts.spread.placed``), as
the timeline band's years do: each by its gridline, apart from its neighbours and inside
the figure. Read back from the guide's scenes: no two tick boxes overlap, none leaves the
figure (a horizontal chart's first number was centred on the plot's left edge, half of a
wide one could reach past the figure's)."""

from __future__ import annotations

import pytest

from builder.charts.plots import category_scene
from builder.charts.scene import Text
from builder.charts.style import FigureStyle
from builder.layout import load_layout
from builder.model import BarFigure
from builder.text.fonts import faces


def _figure(orientation: str) -> BarFigure:
    return BarFigure.model_validate({
        "kind": "bar", "id": "b", "caption": "c", "alt": "a", "orientation": orientation,
        "number_format": "#,##0", "categories": ["A", "B", "C"],
        "series": [{"name": "People", "values": [1_250_000, 2_500_000, 3_750_000]}]})


@pytest.mark.parametrize("orientation,width", [("horizontal", 160.0), ("horizontal", 300.0),
                                               ("vertical", 300.0)])
def test_tick_numbers_keep_apart_inside_the_figure(orientation, width) -> None:
    layout = load_layout(None)
    style = FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)
    scene = category_scene(_figure(orientation), style, width, 90.0)
    ticks = [item for item in scene.items if isinstance(item, Text) and item.role == "tick"]
    assert len(ticks) >= 3
    line = ticks[0].size * 1.2
    for tick in ticks:
        assert -0.01 <= tick.left and tick.left + tick.width <= width + 0.01, tick.lines
        assert -0.01 <= tick.top and tick.top + line <= scene.height + 0.01, tick.lines
    for a, b in zip(ticks, ticks[1:]):
        if orientation == "horizontal":
            assert a.left + a.width <= b.left + 0.01 or b.left + b.width <= a.left + 0.01
        else:
            assert abs(a.top - b.top) >= line - 0.01, (a.lines, b.lines)
