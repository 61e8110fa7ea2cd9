"""Which scene draws which figure model, at what size: the dispatch both painters share."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from builder.charts.markup import plain_figure
from builder.charts.geometry import CHART_ASPECT, PIE_ASPECT, fit
from builder.charts.pies import pie_scene
from builder.charts.plots import category_scene
from builder.charts.scene import Scene, thickened
from builder.charts.style import FigureStyle
from builder.model import BarFigure, LineFigure, MapFigure, PieFigure, TimelineFigure

AssetResolver = Callable[[str], Path]


def _category(figure, style: FigureStyle, width: float, height: float, asset,
              min_size: float | None) -> Scene:
    return category_scene(figure, style, *fit(width, height, CHART_ASPECT))


def _pie(figure, style: FigureStyle, width: float, height: float, asset,
         min_size: float | None) -> Scene:
    return pie_scene(figure, style, *fit(width, height, PIE_ASPECT))


def _timeline(figure, style: FigureStyle, width: float, height: float, asset,
              min_size: float | None, max_size: float | None = None,
              first_key: int = 0, listed: bool = False) -> Scene:
    from builder.charts.timeline import timeline_scene

    return timeline_scene(figure, style, width, height, min_size, max_size, first_key, listed)


def _map(figure, style: FigureStyle, width: float, height: float, asset,
         min_size: float | None) -> Scene:
    from builder.charts.maps import map_scene

    return map_scene(figure, style, width, height, asset, min_size)


SCENES: dict[type, Callable[..., Scene]] = {
    BarFigure: _category, LineFigure: _category, PieFigure: _pie,
    TimelineFigure: _timeline, MapFigure: _map,
}
"""Figure model → scene builder; tables and images are native objects in each output."""


def scene_for(figure, style: FigureStyle, width: float, height: float,
              asset: AssetResolver, min_size: float | None = None,
              max_size: float | None = None, first_key: int = 0,
              listed: bool = False) -> Scene:
    """The figure as a scene no larger than ``width`` × ``height`` points.

    ``min_size`` (the deck's) is the smallest text worth drawing: crowded labels shrink no
    further to make room. ``max_size`` (the deck's body size) lets a timeline with room to
    spare set its text larger, up to that, to fill its box. The guide leaves both unset.
    """
    build = SCENES[type(figure)]
    extra = ({"max_size": max_size, "first_key": first_key, "listed": listed}
             if build is _timeline else {})
    return thickened(build(plain_figure(figure), style, width, height, asset, min_size,
                           **extra), style.size)
