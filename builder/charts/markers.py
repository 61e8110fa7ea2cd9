"""A map's place markers: where each is drawn, and how it is drawn.

Places a few kilometres apart (Tokyo, Yokohama and Uraga; Kyoto and Toba–Fushimi) project to
one spot on a map of a country: drawn where they are, their markers cover each other and no
reader can tell whose name is whose. Markers that would touch are pushed apart, each along
the way from the other, just far enough to stand side by side (a cartographer's
displacement: the order of the places stays as it is on the ground). A marker is also kept
wholly inside the frame, so Tunis at the top of a map of Africa is a whole dot, not half of
one. An off-map place is a small arrow at the frame's edge pointing to it.
"""

from __future__ import annotations

import math

from builder.charts.colors import series_color
from builder.charts.geometry import Box
from builder.charts.scene import Circle, Path, Scene
from builder.charts.style import FigureStyle

INWARD = {"right": "left", "left": "right", "up": "below", "down": "above"}
ARROWS = {"right": "→", "left": "←", "up": "↑", "down": "↓"}
GAP = 0.15  # markers pushed apart keep this many × the label size between them
ROUNDS = 60  # pushes at most; a few suffice for a cluster of three


def radius(marker: str, size: float) -> float:
    """A marker's radius at label size ``size`` (0: a place drawn without one)."""
    return {"capital": 0.42, "battle": 0.38, "city": 0.3, "none": 0.0}[marker] * size


def spread(spots: list[tuple[float, float, float]], frame: Box, size: float
           ) -> list[tuple[float, float]]:
    """Where to draw each marker (x, y, radius): where it is, unless it would touch another,
    then moved apart from it (both halfway), and never across the frame's edge."""
    xs = [x for x, _, _ in spots]
    ys = [y for _, y, _ in spots]
    radii = [r for _, _, r in spots]
    gap = size * GAP
    count = len(spots)
    if count > 400:  # hundreds of places: a grid of them would only shuffle; kept in place
        return [_inside(x, y, r, frame) for x, y, r in spots]
    for _ in range(ROUNDS):
        moved = False
        for i in range(count):
            for j in range(i + 1, count):
                if not radii[i] or not radii[j]:
                    continue
                dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                need = radii[i] + radii[j] + gap
                distance = math.hypot(dx, dy)
                if distance >= need - 1e-6:
                    continue
                if distance < 1e-6:  # the same spot: side by side, the later one east
                    dx, dy, distance = 1.0, 0.0, 1.0
                push = (need - distance) / 2 + 1e-3
                ux, uy = dx / distance, dy / distance
                xs[i], ys[i] = xs[i] - ux * push, ys[i] - uy * push
                xs[j], ys[j] = xs[j] + ux * push, ys[j] + uy * push
                moved = True
        for i in range(count):
            xs[i], ys[i] = _inside(xs[i], ys[i], radii[i], frame)
        if not moved:
            break
    return list(zip(xs, ys))


def _inside(x: float, y: float, r: float, frame: Box) -> tuple[float, float]:
    margin = r + 0.75  # the frame's own stroke
    return (min(max(x, frame.left + margin), frame.right - margin),
            min(max(y, frame.top + margin), frame.bottom - margin))


def arrowed(label: str, side: str) -> str:
    """An off-map place's name with the way to it: "Moscow →", "← Havana"."""
    return f"{ARROWS[side]} {label}" if side in ("left", "up") else f"{label} {ARROWS[side]}"


def edge_arrow(scene: Scene, x: float, y: float, side: str, size: float,
               style: FigureStyle) -> float:
    """A small solid triangle just inside the frame's edge pointing out towards the place;
    returns its radius for the label placement."""
    r = size * 0.4
    dx, dy = {"right": (-1, 0), "left": (1, 0), "up": (0, 1), "down": (0, -1)}[side]
    tip = (x + dx * 1.0, y + dy * 1.0)  # clear of the frame's stroke
    base = (tip[0] + dx * r * 1.6, tip[1] + dy * r * 1.6)
    wing = (-dy * r, dx * r)
    points = (tip, (base[0] + wing[0], base[1] + wing[1]), (base[0] - wing[0], base[1] - wing[1]))
    scene.add(Path(points, None, 0.0, style.text, closed=True, role="off-map"))
    return r * 1.6


def draw(scene: Scene, marker: str, x: float, y: float, size: float,
         style: FigureStyle) -> float:
    """Draw a point's marker; return its radius (0 when there is none)."""
    r = radius(marker, size)
    if marker == "none":
        return 0.0
    ink = style.text
    if marker == "capital":
        scene.add(Circle(x, y, r, style.background, ink, 1.0, role="capital"))
        scene.add(Circle(x, y, r * 0.45, ink, role="capital"))
        return r
    if marker == "battle":
        color = series_color(style.chart, 1)
        scene.add(Path(((x - r, y - r), (x + r, y + r)), color, 1.6, role="battle"))
        scene.add(Path(((x - r, y + r), (x + r, y - r)), color, 1.6, role="battle"))
        return r
    scene.add(Circle(x, y, r, ink, style.background, 0.75, role="city"))
    return r
