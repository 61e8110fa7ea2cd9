"""A map's ground colours (land, sea, the shaded country) taken from the layout's palette,
far enough apart to tell land from water at a glance, and the halo behind a name.

The sea was the surface tint greyed (right for a blue-grey surface: default, large print);
on history-101's parchment surface it came out the same beige as the shaded country
(ΔE 1.5: Japan showed only by its outline, the mainland looked like the water). The sea now
stays the surface tint only when it reads as water (a cool hue) and stands apart from both
lands; otherwise it is the palette's coolest chart colour, paled toward the paper until
names on it keep their contrast.
"""

from __future__ import annotations

import colorsys
import math
from dataclasses import dataclass

from builder.layout.values import Color

APART = 8.0  # ΔE (CIE L*a*b*) the sea keeps from each land: clearly another ground
COOL = (170.0, 250.0)  # hues (degrees) that read as water
TEXT_CONTRAST = 4.5  # names (the layout's text colour) on any ground: WCAG small text


@dataclass(frozen=True)
class MapColors:
    land: Color
    sea: Color
    shaded: Color


def map_colors(style) -> MapColors:
    """The grounds of a map drawn in ``style`` (builder.charts.style.FigureStyle)."""
    land = style.background.mix(style.accent_hint, 0.06)
    shaded = style.background.mix(style.accent_hint, 0.2)
    sea = style.surface.mix(style.muted, 0.12)
    if _water(sea) and _apart(sea, land, shaded, style.text):
        return MapColors(land, sea, shaded)
    cool = [color for color in style.chart if _water(color)]
    cool.sort(key=lambda color: -_saturation(color))
    for color in cool:
        for amount in (0.85, 0.8, 0.75, 0.7, 0.65):  # palest first: a quiet ground
            candidate = color.mix(style.background, amount)
            if _apart(candidate, land, shaded, style.text):
                return MapColors(land, candidate, shaded)
    return MapColors(land, sea, shaded)


def distance(one: Color, other: Color) -> float:
    """CIE76 ΔE between two colours."""
    return math.dist(one.lab(), other.lab())


def _apart(sea: Color, land: Color, shaded: Color, text: Color) -> bool:
    return (distance(sea, land) >= APART and distance(sea, shaded) >= APART
            and sea.contrast(text) >= TEXT_CONTRAST)


def _hls(color: Color) -> tuple[float, float, float]:
    return colorsys.rgb_to_hls(*(value / 255 for value in color.rgb))


def _saturation(color: Color) -> float:
    return _hls(color)[2]


def _water(color: Color) -> bool:
    hue, _, saturation = _hls(color)
    return saturation > 0.08 and COOL[0] <= hue * 360 <= COOL[1]
