"""Bar and line charts as scenes, for the guide (pies: ``builder.charts.pies``).

The deck draws these as native PowerPoint charts; this module draws the same chart for the
PDF with the same decisions (scale, number format, colours, gap width, legend and label
rules from ``builder.charts``), so a reader sees one chart in two media.
"""

from __future__ import annotations

import math

from builder.charts.colors import series_color
from builder.charts.labels import wrap_labels
from builder.text.numbers import format_number, format_resolution
from builder.charts.scale import AxisScale, category_scale, fixed_scale
from builder.charts.scene import Circle, Path, Rect, Scene, Text, Typeface
from builder.charts.spread import Slot, every_kth, placed
from builder.charts.style import (GAP_WIDTH, FigureStyle, line_label_below,
                                  show_data_labels, show_legend)


HORIZONTAL_MAX_TICKS = 4
"""Steps on a horizontal bar chart's value axis: its numbers stand side by side along the
width, so at slide sizes (18 pt on large print, “100,000” ≈ 65 pt) six of them slant;
five labels stay level on a 4:3 slide and read as well on the page."""


def _number(value: float, figure, style: FigureStyle) -> str:
    """A value as the figure prints it: its number format, the lecture language's marks."""
    return format_number(value, figure.number_format, style.words.number_marks)


def chart_scale(figure) -> AxisScale:
    """The value axis both outputs use for a bar or line figure (one scale, so the guide and
    the deck print the same ticks)."""
    stacked = figure.kind == "bar" and figure.stacked
    horizontal = figure.kind == "bar" and figure.orientation == "horizontal"
    scale = category_scale([one.values for one in figure.series], stacked,
                           format_resolution(figure.number_format),
                           max_ticks=HORIZONTAL_MAX_TICKS if horizontal else 7)
    return fixed_scale(scale, figure.value_axis, format_resolution(figure.number_format),
                       HORIZONTAL_MAX_TICKS if horizontal else 7)


def _legend(scene: Scene, names: list[str], style: FigureStyle, width: float,
            bottom: float) -> float:
    """Draw a centred legend whose last row ends at ``bottom``; return its height."""
    size, face = style.size, style.typeface
    swatch, gap = size * 0.8, size * 1.2
    entries = [(face.width(name, size) + swatch + size * 0.4, name, index)
               for index, name in enumerate(names)]
    rows: list[list[tuple[float, str, int]]] = [[]]
    used = 0.0
    for entry in entries:
        if rows[-1] and used + gap + entry[0] > width:
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0) + entry[0]
        rows[-1].append(entry)
    line = Typeface.line_height(size)
    top = bottom - len(rows) * line
    for row_index, row in enumerate(rows):
        total = sum(e[0] for e in row) + gap * (len(row) - 1)
        x = (width - total) / 2
        y = top + row_index * line
        for entry_width, name, index in row:
            color = series_color(style.chart, index)
            scene.add(Rect(x, y + (line - swatch) / 2, swatch, swatch, color, role="legend"))
            scene.add(Text(x + swatch + size * 0.4, y, entry_width, (name,), size, style.text,
                           role="legend"))
            x += entry_width + gap
    return len(rows) * line


def category_scene(figure, style: FigureStyle, width: float, height: float) -> Scene:
    """A bar (vertical or horizontal, grouped or stacked) or line chart."""
    if figure.kind == "bar" and figure.orientation == "horizontal":
        return _horizontal_bars(figure, style, width, height)
    return _vertical(figure, style, width, height)


def _frame(figure, style: FigureStyle, scene: Scene) -> tuple[float, float, AxisScale, list[str]]:
    """Legend and titles common to both orientations: return (pad, bottom left free, scale, ticks)."""
    pad = style.size * 0.5
    bottom = scene.height - pad
    if show_legend(figure):
        bottom -= _legend(scene, [one.name for one in figure.series], style, scene.width,
                          bottom) + pad
    scale = chart_scale(figure)
    ticks = [_number(t, figure, style) for t in scale.ticks]
    return pad, bottom, scale, ticks


def _vertical(figure, style: FigureStyle, width: float, height: float) -> Scene:
    scene = Scene(width, height)
    size, face = style.size, style.typeface
    line = Typeface.line_height(size)
    pad, bottom, scale, ticks = _frame(figure, style, scene)
    if figure.category_axis_title:
        bottom -= line
        scene.add(Text(0, bottom, width, (figure.category_axis_title,), size, style.text,
                       "center", bold=True, role="axis-title"))
    left = pad
    if figure.value_axis_title:
        left += line + pad * 0.5
    tick_width = max(face.width(t, size) for t in ticks)
    plot_left = left + tick_width + size * 0.5
    plot_right = width - pad
    count = len(figure.categories)
    slot = (plot_right - plot_left) / count
    labels = wrap_labels(figure.categories, face, size, slot * 0.92)
    label_line = Typeface.line_height(labels.size)
    if labels.rotated:
        longest = max(face.width(c, labels.size) for c in figure.categories)
        label_height = (longest + label_line) * _SIN45 + label_line
        plot_bottom = bottom - min(label_height, (bottom - pad) * 0.6) - size * 0.4
        reach = (face.width(figure.categories[0], labels.size) + 2 * label_line) * _SIN45
        if reach > plot_left + slot / 2:  # the first label would leave the figure on the left
            plot_left = reach - slot / 2 + pad
            slot = (plot_right - plot_left) / count
    else:
        plot_bottom = bottom - labels.max_lines * label_line - size * 0.4
    labelled = show_data_labels(figure)
    plot_top = pad + (line if labelled else line * 0.5)
    plot_height = plot_bottom - plot_top
    if figure.value_axis_title:
        middle = (plot_top + plot_bottom) / 2
        scene.add(Text(pad + line / 2 - plot_height / 2, middle - line / 2, plot_height,
                       (figure.value_axis_title,), size, style.text, "center", bold=True,
                       rotation=90, role="axis-title"))

    def y_of(value: float) -> float:
        return plot_bottom - scale.fraction(value) * plot_height

    # the tick numbers up the axis by the shared line placement: each by its gridline, kept
    # a line apart and inside the figure (``spread.placed``)
    rows = [Slot(y_of(value), line) for value in scale.ticks][::-1]
    middles = placed(rows, 0.0, 0.0, height)[::-1]
    for value, text, middle in zip(scale.ticks, ticks, middles):
        y = y_of(value)
        scene.add(Path(((plot_left, y), (plot_right, y)), style.grid, 0.5, role="grid"))
        scene.add(Text(plot_left - size * 0.5 - tick_width, middle - line / 2, tick_width,
                       (text,), size, style.muted, "right", role="tick"))
    for index, lines in enumerate(labels.lines):
        x = plot_left + slot * index
        if labels.rotated:
            scene.add(_rotated_label(lines[0], face, labels.size, x + slot / 2,
                                     plot_bottom + size * 0.3, style))
        else:
            scene.add(Text(x, plot_bottom + size * 0.3, slot, lines, labels.size, style.text,
                           "center", role="category"))
    zero = y_of(0.0)
    if figure.kind == "bar":
        _vertical_bars(scene, figure, style, plot_left, slot, y_of, labelled)
    else:
        _lines(scene, figure, style, plot_left, slot, y_of, labelled)
    scene.add(Path(((plot_left, zero), (plot_right, zero)), style.muted, 0.75, role="axis"))
    return scene


_SIN45 = math.sqrt(0.5)


def _rotated_label(text: str, face: Typeface, size: float, x: float, y: float,
                   style: FigureStyle) -> Text:
    """A category label turned 45°, its end at (x, y) under the slot's centre, reading up to
    the right as PowerPoint sets labels too long for their slot."""
    width = face.width(text, size) + 1.0
    height = Typeface.line_height(size)
    centre_x = x - width / 2 * _SIN45 - height / 2 * _SIN45
    centre_y = y + width / 2 * _SIN45 + height / 2 * _SIN45 + height * 0.1
    return Text(centre_x - width / 2, centre_y - height / 2, width, (text,), size, style.text,
                "right", rotation=45, role="category")


def _bar_pitch(figure, slot: float) -> tuple[float, float]:
    """(group width, width of one bar) from the gap width PowerPoint also uses."""
    bars = 1 if figure.stacked else len(figure.series)
    bar = slot / (bars + GAP_WIDTH / 100)
    return bar * bars, bar


def _bar_spans(figure, c_index: int) -> list[tuple[int, float, float, float]]:
    """(series index, value, from, to) of each bar in one category, in value units.

    Grouped bars all start at zero; stacked bars pile positives up and negatives down from
    zero, as PowerPoint stacks them. Shared by the vertical and horizontal forms.
    """
    spans, up, down = [], 0.0, 0.0
    for s_index, one in enumerate(figure.series):
        value = one.values[c_index]
        if not figure.stacked:
            spans.append((s_index, value, 0.0, value))
        elif value >= 0:
            spans.append((s_index, value, up, up + value))
            up += value
        else:
            spans.append((s_index, value, down, down + value))
            down += value
    return spans


def _vertical_bars(scene: Scene, figure, style: FigureStyle, plot_left: float, slot: float,
                   y_of, labelled: bool) -> None:
    size = style.size
    group, bar = _bar_pitch(figure, slot)
    for c_index in range(len(figure.categories)):
        start = plot_left + slot * c_index + (slot - group) / 2
        for s_index, value, base, top_value in _bar_spans(figure, c_index):
            color = series_color(style.chart, s_index)
            x = start if figure.stacked else start + bar * s_index
            y1, y2 = y_of(base), y_of(top_value)
            scene.add(Rect(x, min(y1, y2), bar, abs(y1 - y2), color, role="bar"))
            if labelled:
                text = _number(value, figure, style)
                line = Typeface.line_height(size)
                y = min(y1, y2) - line if value >= 0 else max(y1, y2)
                scene.add(Text(x - slot / 2 + bar / 2, y, slot, (text,), size, style.text,
                               "center", role="data-label"))


def _lines(scene: Scene, figure, style: FigureStyle, plot_left: float, slot: float, y_of,
           labelled: bool) -> None:
    size = style.size
    scale = chart_scale(figure)
    bounds = (scale.minimum, scale.maximum)
    for s_index, one in enumerate(figure.series):
        color = series_color(style.chart, s_index)
        points = tuple((plot_left + slot * (i + 0.5), y_of(v)) for i, v in enumerate(one.values))
        scene.add(Path(points, color, 2.25, role="series"))
        for index, (x, y) in enumerate(points):
            scene.add(Circle(x, y, size * 0.3, color, role="marker"))
            if labelled:
                text = _number(one.values[index], figure, style)
                line = Typeface.line_height(size)
                below = line_label_below(one.values, index, bounds)
                top = y + size * 0.4 if below else y - line - size * 0.4
                scene.add(Text(x - slot / 2, top, slot, (text,), size, style.text, "center",
                               role="data-label"))


def _horizontal_bars(figure, style: FigureStyle, width: float, height: float) -> Scene:
    scene = Scene(width, height)
    size, face = style.size, style.typeface
    line = Typeface.line_height(size)
    pad, bottom, scale, ticks = _frame(figure, style, scene)
    if figure.value_axis_title:
        bottom -= line
        scene.add(Text(0, bottom, width, (figure.value_axis_title,), size, style.text, "center",
                       bold=True, role="axis-title"))
    plot_bottom = bottom - line - size * 0.3
    plot_top = pad
    left = pad
    if figure.category_axis_title:
        left += line + pad * 0.5
    count = len(figure.categories)
    slot = (plot_bottom - plot_top) / count
    labels = _slot_labels(figure.categories, face, size, width, slot)
    label_width = max(face.width(l, labels.size) for lines in labels.lines for l in lines)
    plot_left = left + label_width + size * 0.6
    labelled = show_data_labels(figure)
    values = [_number(v, figure, style) for one in figure.series for v in one.values]
    right_room = max(face.width(t, size) for t in values) + size * 0.5 if labelled else 0.0
    plot_right = width - pad - max(right_room, face.width(ticks[-1], size) / 2)
    plot_width = plot_right - plot_left
    if figure.category_axis_title:
        middle = (plot_top + plot_bottom) / 2
        scene.add(Text(pad + line / 2 - (plot_bottom - plot_top) / 2, middle - line / 2,
                       plot_bottom - plot_top, (figure.category_axis_title,), size, style.text,
                       "center", bold=True, rotation=90, role="axis-title"))

    def x_of(value: float) -> float:
        return plot_left + scale.fraction(value) * plot_width

    # the tick numbers along the axis by the shared line placement: each under its
    # gridline, apart and inside the figure (``spread.placed``)
    numbers = [Slot(x_of(value), face.width(text, size) + size)
               for value, text in zip(scale.ticks, ticks)]
    for value in scale.ticks:
        x = x_of(value)
        scene.add(Path(((x, plot_top), (x, plot_bottom)), style.grid, 0.5, role="grid"))
    kept = every_kth(numbers, 0.0, 0.0, width)  # a narrow chart numbers every k-th line
    for index, centre in zip(kept, placed([numbers[i] for i in kept], 0.0, 0.0, width)):
        scene.add(Text(centre - numbers[index].width / 2, plot_bottom + size * 0.3,
                       numbers[index].width, (ticks[index],), size, style.muted, "center",
                       role="tick"))
    label_line = Typeface.line_height(labels.size)
    for index, lines in enumerate(labels.lines):
        middle = plot_top + slot * (index + 0.5)
        scene.add(Text(left, middle - len(lines) * label_line / 2, label_width, lines,
                       labels.size, style.text, "right", role="category"))
    group, bar = _bar_pitch(figure, slot)
    for c_index in range(count):
        start = plot_top + slot * c_index + (slot - group) / 2
        for s_index, value, base, end in _bar_spans(figure, c_index):
            color = series_color(style.chart, s_index)
            y = start if figure.stacked else start + bar * s_index
            x1, x2 = x_of(base), x_of(end)
            scene.add(Rect(min(x1, x2), y, abs(x2 - x1), bar, color, role="bar"))
            if labelled:
                text = _number(value, figure, style)
                text_width = face.width(text, size) + size * 0.2
                x = max(x1, x2) + size * 0.3 if value >= 0 else min(x1, x2) - text_width - size * 0.3
                scene.add(Text(x, y + bar / 2 - line / 2, text_width, (text,), size, style.text,
                               "left" if value >= 0 else "right", role="data-label"))
    zero = x_of(0.0)
    scene.add(Path(((zero, plot_top), (zero, plot_bottom)), style.muted, 0.75, role="axis"))
    return scene


LABEL_SHARES = (0.28, 0.34, 0.4, 0.45)  # of a horizontal chart's width, for its names


def _slot_labels(categories, face: Typeface, size: float, width: float, slot: float):
    """A horizontal bar chart's category names wrapped so each stands in its bar's slot: the
    narrowest share of the width (28 % first, as the deck) at which the tallest name fits,
    then smaller text (to 75 %); three lines in a two-line slot printed over the next
    name."""
    for share in LABEL_SHARES:
        labels = wrap_labels(categories, face, size, width * share)
        if labels.max_lines * Typeface.line_height(labels.size) <= slot:
            return labels
    current = labels.size
    while current > size * 0.75:
        current = max(size * 0.75, current - 0.5)
        labels = wrap_labels(categories, face, current, width * LABEL_SHARES[-1], current)
        if labels.max_lines * Typeface.line_height(labels.size) <= slot:
            break
    return labels


__all__ = ["category_scene", "chart_scale"]
