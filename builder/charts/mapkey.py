"""A map's key: the names no place on the map could take, listed under it, and continued.

Every place is named somewhere (issue 11): a name with no clean place on the map goes to
the key, after the number drawn by its marker ("3 Kyoto"). The key takes as many rows as it
needs under the map; when the box has no room for them even with the map shrunk as far as
it may go, the key stops at a whole entry and the rest (``MapScene.rest``) continues after
the map — on a slide of its own in the deck (``key_scene``, set in columns), below the map
in the guide — never "… and 6 more", which would name those places nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.charts.labelboxes import wrap_drawn
from builder.charts.scene import Path, Scene, Text, Typeface
from builder.charts.style import FigureStyle

KEY_LINES = 3  # lines of line samples under a map; further line names go with the places


@dataclass
class MapScene(Scene):
    """A map scene, with the key entries its box had no room for (continued after it)."""

    rest: tuple[str, ...] = field(default=())


def key_height(size: float) -> float:
    """Room under a map for a three-line key."""
    return size * 0.4 + KEY_LINES * Typeface.line_height(size)


def draw_key(scene: Scene, names: list, style: FigureStyle, size: float, left: float,
             width: float, rows: int = KEY_LINES, limit: float | None = None,
             room: float = 0.0) -> tuple[list[str], tuple[str, ...]]:
    """The names the map could not set without touching another, listed under it: each
    unnamed line after a sample of it, as a legend does, side by side while they fit a row
    (``rows`` lines of them at most; further lines are named with the places), then the
    places and areas,
    as many lines as they take. ``limit``: the scene's height may not pass it, so the
    places' list stops at the last whole entry that fits and the rest is returned for a
    continuation. With room beside the map (a scene wider than ``width``) the key may use
    the scene's width, centred under the map; ``room``: the width of the box a page's map
    shrank in, which its key may use too (the scene widens, the map centred over it).
    Returns (the names listed, the rest)."""
    face = style.typeface
    line_height = Typeface.line_height(size)
    swatch = size * 1.8
    available = max(width, scene.width, room) - 1.0
    budget = rows  # lines of samples; further lines are named with the places
    if limit is not None:  # …and no more than the box has room for
        budget = min(budget, int((limit - scene.height - size * 0.4) / line_height + 1e-6))
    gap = size * 1.2  # between two samples sharing a row
    key_rows: list[list[tuple]] = []  # each row: its samples (entry, lines, width)
    for entry in names:
        if isinstance(entry, str):
            continue
        lines = face.wrap(entry[0], size, max(available - swatch, size))
        wide = swatch + max(face.width(line, size) for line in lines) + 1.0
        last = key_rows[-1] if key_rows else None
        if (last is not None and len(lines) == 1 and all(len(l) == 1 for _, l, _ in last)
                and sum(w for *_, w in last) + gap * len(last) + wide <= available):
            last.append((entry, lines, wide))  # beside the one before: a row saved
            continue
        if len(lines) > budget:
            break
        key_rows.append([(entry, lines, wide)])
        budget -= len(lines)
    sampled = {id(entry) for row in key_rows for entry, _, _ in row}
    names = [entry if isinstance(entry, str) else entry[0] for entry in names
             if id(entry) not in sampled]
    sample_lines = sum(max(len(lines) for _, lines, _ in row) for row in key_rows)
    top = scene.height + size * 0.4 + sample_lines * line_height
    room = None if limit is None else max(0, int((limit - top) / line_height + 1e-6))
    places: list[str] = []
    shown = list(names)
    while shown:
        places = wrap_drawn(style.words("also_marked", places=", ".join(shown)), face, size,
                            available)
        if room is None or len(places) <= room:
            break
        shown = shown[:max(0, min(len(shown) - 1, len(shown) * room // len(places)))]
    if not shown:
        places = []
    rest = tuple(names[len(shown):])
    used = max([face.width(line, size) + 1.0 for line in places]
               + [sum(w for *_, w in row) + gap * (len(row) - 1) for row in key_rows]
               + [0.0])
    if used > scene.width:  # a page's key wider than its shrunk map: the map centred
        _shift(scene, (used - scene.width) / 2)
        left, scene.width = 0.0, used
    if used > width:  # wider than the map: centred under it, within the scene
        left = min(max(0.0, left + width / 2 - used / 2), scene.width - used)
        width = used
    top = scene.height + size * 0.4
    for row in key_rows:
        x = left
        for ((_, color, line_width, dash), lines, wide) in row:
            y = top + line_height / 2
            scene.add(Path(((x, y), (x + swatch - size * 0.4, y)), color,
                           max(line_width, 1.5), dash=dash, role="line-key"))
            text_width = (wide - swatch) if len(row) > 1 else width - swatch
            scene.add(Text(x + swatch, top, text_width, tuple(lines), size, style.text,
                           role="map-key"))
            x += wide + gap
        top += max(len(lines) for _, lines, _ in row) * line_height
    if places:
        scene.add(Text(left, top, width, tuple(places), size, style.muted, role="map-key"))
        top += len(places) * line_height
    scene.height = top
    return shown, rest


def _shift(scene: Scene, dx: float) -> None:
    """Every item of the scene moved ``dx`` to the right."""
    from dataclasses import replace

    from builder.charts.scene import Circle

    moved = []
    for item in scene.items:
        if isinstance(item, Path):
            item = replace(item, points=tuple((x + dx, y) for x, y in item.points))
        elif isinstance(item, Circle):
            item = replace(item, cx=item.cx + dx)
        elif isinstance(item, Text):
            item = replace(item, left=item.left + dx)
        moved.append(item)
    scene.items = moved


def may_continue(figure, style: FigureStyle, size: float, width: float, height: float,
                 keep: float) -> bool:
    """Whether a map's key could ever need a continuation: False when even a key naming
    every place, line and area (each numbered) fits under the map kept at ``keep`` of the
    box — a cheap bound, so a deck plans such a map without drawing it first."""
    names = [point.label for point in figure.points]
    names += [item.label for item in (*figure.lines, *figure.areas) if item.label]
    if not names:
        return False
    text = style.words("also_marked", places=", ".join(
        f"{index + 1:02d}\u00a0{name}" for index, name in enumerate(names)))
    lines = len(style.typeface.wrap(text, size, width - 1.0)) + KEY_LINES
    return size * 0.4 + lines * Typeface.line_height(size) > height * (1 - keep)


def key_parts(entries: tuple[str, ...], style: FigureStyle, size: float, width: float,
              height: float) -> list[tuple[int, int]]:
    """The slices of a continued key each continuation slide shows (``key_scene``)."""
    parts, start = [], 0
    height -= Typeface.line_height(size)  # its heading
    while start < len(entries):
        count = len(_columns(entries[start:], style, size, width, height)[0])
        parts.append((start, start + max(1, count)))
        start += max(1, count)
    return parts


def key_scene(entries: tuple[str, ...], style: FigureStyle, size: float, width: float,
              height: float) -> Scene:
    """A key continued from its map under its heading ("Also marked:"): one entry a line
    ("3 Kyoto"), in as many columns as the box's width holds, filling each from the top."""
    line_height = Typeface.line_height(size)
    height -= line_height
    shown, columns, column_width = _columns(entries, style, size, width, height)
    scene = Scene(min(width, columns * column_width), 0.0)
    heading = style.words("also_marked", places="").strip()
    scene.add(Text(0.0, 0.0, scene.width, tuple(style.typeface.wrap(heading, size, scene.width)),
                   size, style.muted, role="map-key"))
    x, y = 0.0, line_height
    deepest = 0.0
    for lines in shown:
        if y + len(lines) * line_height > height + line_height + 1e-6:
            x, y = x + column_width, line_height
        scene.add(Text(x, y, column_width - size, tuple(lines), size, style.text,
                       role="map-key"))
        y += len(lines) * line_height
        deepest = max(deepest, y)
    scene.height = deepest
    return scene


def _columns(entries, style: FigureStyle, size: float, width: float, height: float):
    """(the wrapped entries that fit, how many columns, a column's width)."""
    face = style.typeface
    widest = max(face.width(entry, size) for entry in entries) + size * 1.5
    columns = max(1, min(3, int(width // max(widest, size * 12))))
    column_width = width / columns
    line_height = Typeface.line_height(size)
    shown, x, y = [], 0, 0.0
    for entry in entries:
        lines = face.wrap(entry, size, column_width - size)
        if y + len(lines) * line_height > height + 1e-6:
            x, y = x + 1, 0.0
            if x >= columns:
                break
        shown.append(lines)
        y += len(lines) * line_height
    return shown, columns, column_width
