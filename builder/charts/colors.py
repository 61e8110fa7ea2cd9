"""Series colours: series (or pie slice) i takes palette.chart[i mod n] in both outputs."""

from __future__ import annotations

from builder.layout.values import WHITE, Color


def series_color(chart_palette: tuple[Color, ...], index: int) -> Color:
    """The colour of series ``index``; the palette repeats when there are more series."""
    return chart_palette[index % len(chart_palette)]


def tint(color: Color, amount: float = 0.65) -> Color:
    """A light fill of ``color`` (areas on maps): a blend toward white, no transparency,
    so PDF and PowerPoint show the same shade."""
    return color.mix(WHITE, amount)


def text_on(fill: Color, dark: Color, light: Color = WHITE) -> Color:
    """The readable text colour on ``fill``: whichever of dark/light contrasts more."""
    return dark if fill.contrast(dark) >= fill.contrast(light) else light
