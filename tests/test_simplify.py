"""Outline simplification: at most a fraction of a point off, deterministic, near-linear."""

from __future__ import annotations

import math
import random
import time

from builder.charts.simplify import TOLERANCE, simplify


def _distance_to_path(point, path) -> float:
    """Distance from ``point`` to the closest segment of the closed ``path``."""
    best = math.inf
    for a, b in zip(path, path[1:] + path[:1]):
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((point[0] - a[0]) * dx
                                                      + (point[1] - a[1]) * dy) / length))
        best = min(best, math.hypot(point[0] - a[0] - t * dx, point[1] - a[1] - t * dy))
    return best


def _coast(count: int, seed: int = 3) -> list[tuple[float, float]]:
    rng = random.Random(seed)
    points = []
    for index in range(count):
        angle = 2 * math.pi * index / count
        radius = 150 + 20 * math.sin(7 * angle) + 6 * math.sin(41 * angle) + rng.uniform(-0.3, 0.3)
        points.append((200 + radius * math.cos(angle), 200 + radius * math.sin(angle)))
    return points


def test_a_dense_coast_keeps_its_shape_within_a_point() -> None:
    coast = _coast(5000)
    kept = simplify(coast, closed=True)
    assert 50 < len(kept) < len(coast) / 2
    assert set(kept) <= set(coast)  # points are only dropped, never moved
    assert [p for p in coast if p in set(kept)] == list(kept)  # in their order
    sample = coast[::7]
    assert max(_distance_to_path(p, list(kept)) for p in sample) < 4 * TOLERANCE


def test_straight_runs_collapse_and_ends_stay() -> None:
    line = [(x * 0.4, 10.0) for x in range(10_000)] + [(4000.0, 10.0 + y) for y in range(1, 500)]
    kept = simplify(line)
    assert kept[0] == line[0] and kept[-1] == line[-1]
    assert len(kept) <= 4


def test_tiny_and_short_shapes_survive() -> None:
    assert simplify([(0.0, 0.0), (1.0, 1.0)]) == ((0.0, 0.0), (1.0, 1.0))
    ring = simplify([(0.0, 0.0), (0.01, 0.0), (0.01, 0.01), (0.0, 0.01)], closed=True)
    assert len(ring) >= 3


def test_simplifying_is_deterministic() -> None:
    coast = _coast(20_000, seed=9)
    assert simplify(coast, closed=True) == simplify(list(coast), closed=True)


def test_the_hostile_zigzag_of_100k_points_is_fast_and_small() -> None:
    # the outline of tests/test_hostile.py's geojson-100k-vertices, projected to ~400 pt
    zigzag = [(400 * (i % 1000) / 1000, 500 * (i // 1000) / 100) for i in range(100_000)]
    started = time.perf_counter()
    kept = simplify(zigzag, closed=True)
    assert time.perf_counter() - started < 20  # generous: ~0.5 s alone
    assert len(kept) < 1000
