"""A map's place markers: where each is drawn, and how it is drawn.

Places a few kilometres apart (Tokyo, Yokohama and Uraga; Kyoto and Toba–Fushimi) project to
one spot on a map of a country: drawn where they are, their markers cover each other and no
reader can tell whose name is whose. Markers that would touch are nudged apart, each along
the way from the other, but never farther than its own radius: a marker still covers the
spot it stands for (a cartographer's displacement kept honest). Places closer still — a
small map, or large-print markers — share one marker at the first one's true position
(``joined``): their names go to the map's key, numbered at that marker, rather than a
marker being pushed into the next country. A marker is also kept wholly inside the frame,
so Tunis at the top of a map of Africa is a whole dot, not half of one. An off-map place is
a small arrow at the frame's edge pointing to it.
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
SHIFT = 1.0  # a marker moves at most this many × its radius from its place
ARROW = 0.64  # × the size: how far an edge arrow reaches in from its edge (``edge_arrow``)


def radius(marker: str, size: float) -> float:
    """A marker's radius at label size ``size`` (0: a place drawn without one)."""
    return {"capital": 0.42, "battle": 0.38, "city": 0.3, "none": 0.0}[marker] * size


def spread(spots: list[tuple[float, float, float]], frame: Box, size: float
           ) -> list[tuple[float, float]]:
    """Where to draw each marker (x, y, radius); see ``placed`` (a joined place is drawn
    at its host's spot)."""
    positions, hosts = placed(spots, frame, size)
    return [positions[i] if host is None else positions[host]
            for i, host in enumerate(hosts)]


def placed(spots: list[tuple[float, float, float]], frame: Box, size: float,
           first: list[bool] | None = None, fixed: list[float] | None = None
           ) -> tuple[list[tuple[float, float]], list[int | None]]:
    """Where each marker (x, y, radius) is drawn, and for each the index of the marker it
    shares (``None``: its own). A marker touching another is moved apart from it (both
    halfway) by at most its own radius; a place that would need more joins the earlier
    marker it touches (in the source's order, so the first-named place keeps its symbol;
    ``first``: places that keep theirs before any other — the capitals: Kyoto keeps its
    ⊙ and its name on the map, the battlefield beside it shares them). ``fixed``: the
    radius of each off-map place's edge arrow (0 for a marker), which stays where it points
    while a marker touching it moves away (Tripoli's ⊙ had covered Berlin's ↑)."""
    gap = size * GAP
    count = len(spots)
    hosts: list[int | None] = [None] * count
    if count > 400:  # hundreds of places: a grid of them would only shuffle; kept in place
        return [_inside(x, y, r, frame) for x, y, r in spots], hosts
    order = sorted(range(count), key=lambda i: (not (first and first[i]), i))
    for at, i in enumerate(order):  # who must share: separating them would move a marker
        xi, yi, ri = spots[i]  # too far
        if not ri:
            continue
        for j in order[:at]:
            xj, yj, rj = spots[j]
            if hosts[j] is not None or not rj:
                continue
            need = ri + rj + gap
            if need - math.hypot(xi - xj, yi - yj) > 2 * min(ri, rj) * SHIFT:
                hosts[i] = j
                break
    xs = [x for x, _, _ in spots]
    ys = [y for _, y, _ in spots]
    radii = [r if hosts[i] is None else 0.0 for i, (_, _, r) in enumerate(spots)]
    held = [bool(fixed and fixed[i]) for i in range(count)]  # edge arrows: never moved
    for i in range(count):
        if held[i]:
            radii[i] = fixed[i]
    for _ in range(ROUNDS):
        moved = False
        for i in range(count):
            for j in range(i + 1, count):
                if not radii[i] or not radii[j] or (held[i] and held[j]):
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
                if held[i] or held[j]:  # the arrow stays at its edge, the marker moves
                    push *= 2
                if not held[i]:
                    xs[i], ys[i] = xs[i] - ux * push, ys[i] - uy * push
                if not held[j]:
                    xs[j], ys[j] = xs[j] + ux * push, ys[j] + uy * push
                moved = True
        for i in range(count):  # never farther than its radius from where it is
            if held[i]:
                continue
            x, y, r = spots[i]
            dx, dy = xs[i] - x, ys[i] - y
            far = math.hypot(dx, dy)
            if far > r * SHIFT:
                xs[i], ys[i] = x + dx * r * SHIFT / far, y + dy * r * SHIFT / far
            xs[i], ys[i] = _inside(xs[i], ys[i], radii[i], frame)
        if not moved:
            break
    return list(zip(xs, ys)), hosts


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


def arrow_box(x: float, y: float, side: str, size: float) -> Box:
    """The box an edge arrow at (x, y) covers: inside the frame, so a name may stand just
    beyond the edge, over it."""
    r = size * 0.4
    (tip_x, tip_y), (far_x, far_y) = (x + _INTO[side][0], y + _INTO[side][1]), (
        x + _INTO[side][0] * (1.0 + r * 1.6), y + _INTO[side][1] * (1.0 + r * 1.6))
    if side in ("up", "down"):
        return Box(x - r, min(tip_y, far_y), 2 * r, abs(far_y - tip_y))
    return Box(min(tip_x, far_x), y - r, abs(far_x - tip_x), 2 * r)


_INTO = {"right": (-1, 0), "left": (1, 0), "up": (0, 1), "down": (0, -1)}


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
