"""Table column widths from measured content, shared so both outputs break cells alike."""

from __future__ import annotations

from builder.charts.scene import Typeface
from builder.text.typography import breakable_words


def column_widths(figure, typeface: Typeface, size: float, width: float,
                  padding: float) -> list[float]:
    """Widths summing to ``width``: each column gets at least its longest word, the rest is
    shared in proportion to how much more each column's longest cell would need."""
    rows = [figure.header, *figure.rows]
    columns = list(zip(*rows))
    natural, minimum = [], []
    for index, cells in enumerate(columns):
        bold = [True] + [False] * (len(cells) - 1)
        natural.append(max(typeface.width(c, size, b) for c, b in zip(cells, bold)) + padding)
        words = [w for c in cells for w in breakable_words(c)] or [""]
        minimum.append(max(typeface.width(w, size, True) for w in words) + padding)
    total = sum(natural)
    if total <= width:
        return [w * width / total for w in natural]
    floor = [min(n, m) for n, m in zip(natural, minimum)]
    spare = width - sum(floor)
    if spare <= 0:
        return [f * width / sum(floor) for f in floor]
    wants = [n - f for n, f in zip(natural, floor)]
    share = sum(wants) or 1.0
    return [f + spare * w / share for f, w in zip(floor, wants)]
