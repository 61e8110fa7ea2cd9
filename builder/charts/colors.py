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


def readable(color: Color, background: Color, toward: Color, least: float = 4.5) -> Color:
    """``color`` for text (or a badge holding text) on ``background``: as it is when it
    contrasts at least ``least`` (WCAG's 4.5:1 for small text), else blended toward
    ``toward`` (the layout's text colour) just enough. A chart colour fit for bars (3:1)
    set a timeline's span dates at 3.8:1 on history-101's paper."""
    shade, amount = color, 0.0
    while shade.contrast(background) < least and amount < 1.0:
        amount = min(1.0, amount + 0.05)
        shade = color.mix(toward, amount)
    return shade
