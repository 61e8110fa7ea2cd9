"""The look of figure text and strokes, taken from the layout once for both outputs."""

from __future__ import annotations

from dataclasses import dataclass, replace

from builder.charts.scene import Typeface
from builder.text.fonts import Faces
from builder.text.words import Words, words_for
from builder.layout.model import Palette
from builder.layout.values import Color

GRID = Color("D9D9D9")
GAP_WIDTH = 60  # % of a bar's width left between category groups (PowerPoint's gapWidth)
HOLE_SIZE = 50  # doughnut hole, % of the diameter
MAX_LABELLED_BARS = 16
MAX_LABELLED_POINTS = 12


@dataclass(frozen=True)
class FigureStyle:
    """Typeface, label size and colours for one figure in one output."""

    typeface: Typeface
    size: float
    text: Color
    muted: Color
    surface: Color
    background: Color
    chart: tuple[Color, ...]
    grid: Color = GRID
    accent_hint: Color = Color("B5651D")  # warms the land on maps
    language: str = "en"  # of the figure's own words: dates on a time axis, "Also marked"

    @classmethod
    def from_layout(cls, palette: Palette, faces: Faces, size: float,
                    language: str = "en") -> "FigureStyle":
        return cls(Typeface(faces), size, palette.text, palette.muted, palette.surface,
                   palette.background, tuple(palette.chart), GRID, palette.accent, language)

    def resized(self, size: float) -> "FigureStyle":
        return replace(self, size=size)

    @property
    def words(self) -> Words:
        return words_for(self.language)


def show_legend(figure) -> bool:
    """A legend when asked, else when there are two or more series to tell apart."""
    return figure.legend if figure.legend is not None else len(figure.series) > 1


def show_data_labels(figure) -> bool:
    """Values printed on the chart, when there are few enough of them to stay legible."""
    kind = figure.kind
    if kind in ("pie", "donut"):
        return True
    count = len(figure.categories) * len(figure.series)
    if kind == "bar":
        return not figure.stacked and count <= MAX_LABELLED_BARS
    return len(figure.series) == 1 and count <= MAX_LABELLED_POINTS


BELOW_ROOM = 0.15  # of the value axis: a point this near its foot has no room for a label below


def line_label_below(values: tuple[float, ...], index: int,
                     bounds: tuple[float, float] | None = None) -> bool:
    """A line's value label goes below a point lower than its neighbours (a valley), else above,
    so the label never sits on the line itself; but never below a point near the foot of the
    axis (``bounds``: its minimum and maximum), where it would be printed over the category
    names ("2,500" over "0" on an axis from 2,000)."""
    value = values[index]
    neighbours = [values[i] for i in (index - 1, index + 1) if 0 <= i < len(values)]
    if bounds is not None and bounds[1] > bounds[0]:
        if (value - bounds[0]) / (bounds[1] - bounds[0]) < BELOW_ROOM:
            return False
    return bool(neighbours) and all(value < other for other in neighbours)
