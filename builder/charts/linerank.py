"""A map line's name: the candidate boxes its search tries, and their ranking by a lower
bound on the score that needs no collision test (see builder.charts.linelabels)."""

from __future__ import annotations

import heapq

from builder.charts.geo import clip_segment
from builder.charts.geometry import Box
from builder.charts.labelboxes import SIDES, Label, anchors, candidate, measure
from builder.charts.scene import Typeface
from builder.text.typography import breakable_words

LINE_LABEL_SHARES = (0.3, 0.45, 0.6, 1.0)

KEYLESS_COST = 150.0  # a name farther than that without a key sample could name anything

STEPS = (0.3, 0.8, 1.6, 3.0, 5.0)  # a name's distance from its anchor, in sizes
EDGE_ROWS = range(-8, 9)  # beside the map: heights around the anchor, in half lines
SLACK = 1e-6  # the bound is computed once for all offsets: allow for rounding


def variants(text: str, face: Typeface, size: float, map_width: float) -> list[Label]:
    """The name wrapped at each share of the map's width, each also with a key sample."""
    longest = max(face.width(word, size) for word in breakable_words(text)) + 1.0
    seen: set[tuple[str, ...]] = set()
    found: list[Label] = []
    for share in LINE_LABEL_SHARES:
        label = measure(text, face, size, max(map_width * share, longest))
        if label.lines in seen:
            continue
        seen.add(label.lines)
        swatch = size * 1.8
        found += [label, Label(label.lines, label.width + swatch, label.height, swatch)]
    return found


def _specs(labels: list[Label], pieces, beside: bool) -> list[tuple]:
    """Every candidate, in the scan's order: (label, piece, anchor, kind, side or row, step).
    A key sample's name is never set beside the map, so those boxes are not listed."""
    specs = []
    for v, label in enumerate(labels):
        for p, points in enumerate(pieces):
            count = len(anchors(points))
            specs += [(v, p, a, "side", side, step) for step in STEPS for a in range(count)
                      for side in SIDES]
            if beside and not label.swatch:  # beside the map a leader names it, not a key
                # sample (``_score`` refuses one): the others keep their order
                for a in range(count):
                    for k in EDGE_ROWS:
                        specs += [(v, p, a, "left", k, 0.0), (v, p, a, "right", k, 0.0)]
    return specs


def _box(spec, labels, points_anchors, size: float, edge: Box | None) -> Box:
    v, p, a, kind, side, step = spec
    label = labels[v]
    anchor = points_anchors[p][a]
    if kind == "side":
        return candidate(side, *anchor, label, size * step)
    top = anchor[1] - label.height / 2 + side * (Typeface.line_height(size) / 2)
    if kind == "left":
        return Box(edge.left - size * 0.4 - label.width, top, label.width, label.height)
    return Box(edge.right + size * 0.4, top, label.width, label.height)


def _ranked(labels, specs, which, points_anchors, own, size: float, edge,
            near: float) -> list[tuple]:
    """(bound, scan index, spec) for the candidates ``which`` lists, best bound first. The
    bound: no box is nearer its line than the nearest bounding box of the line's segments; a
    key sample costs ``size + 0.3 ×`` that, a name farther than ``near`` sizes at least half
    a size more (a leader) and ``KEYLESS_COST`` more with no room beside the map; and each
    of its own line's segments the box's margin touches counts as a crossing, as in the
    score. (The boxes as ``_box`` makes them, written out: this runs for every candidate.)"""
    extents = [(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]), a, b)
               for a, b in own]
    far = size * near
    extra = KEYLESS_COST if edge is None else min(size * 0.5, KEYLESS_COST)
    half_line = Typeface.line_height(size) / 2
    ranked = []
    for index in which:
        spec = specs[index]
        v, p, a, kind, side, step = spec
        label = labels[v]
        w, h = label.width, label.height
        x, y = points_anchors[p][a]
        if kind == "side":
            offset = size * step
            if side == "right":
                left, top = x + offset, y - h / 2
            elif side == "left":
                left, top = x - offset - w, y - h / 2
            elif side == "above":
                left, top = x - w / 2, y - offset - h
            elif side == "below":
                left, top = x - w / 2, y + offset
            else:
                top = y - offset * 0.7 - h if side[0] == "a" else y + offset * 0.7
                left = x + offset * 0.7 if side.endswith("right") else x - offset * 0.7 - w
        else:
            top = y - h / 2 + side * half_line
            left = edge.left - size * 0.4 - w if kind == "left" else edge.right + size * 0.4
        right, bottom = left + w, top + h
        squared = float("inf")
        for x0, y0, x1, y1, _, _ in extents:
            dx = x0 - right if x0 > right else left - x1 if left > x1 else 0.0
            dy = y0 - bottom if y0 > bottom else top - y1 if top > y1 else 0.0
            d = dx * dx + dy * dy
            if d < squared:
                squared = d
        distance = max(0.0, squared ** 0.5 - SLACK)
        crossed = 0.0  # its own line is a drawn line: a box across it pays for that
        if distance < 3.0:
            m_left, m_top = left - 2, top - 2  # the margin as ``_evaluate`` makes it
            margin = (m_left, m_top, m_left + (w + 4), m_top + (h + 4))
            crossed = 1000.0 * sum(
                1 for x0, y0, x1, y1, sa, sb in extents
                if not (x1 < margin[0] or x0 > margin[2] or y1 < margin[1] or y0 > margin[3])
                and clip_segment(sa, sb, margin) is not None)
        if label.swatch:
            bound = size + distance * 0.3
        else:
            bound = distance + (extra if distance > far else 0.0)
        ranked.append((crossed + bound + 0.01 * len(label.lines) - SLACK, index, spec))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return ranked


def _ranking(labels, pieces, points_anchors, own, size: float, edge, near: float) -> tuple:
    """The ranked names without a key sample, and a stand-in (scan index -1) for those with
    one, which cost at least ``size`` more: most lines find a place nearer than that, so
    they are ranked only when the search comes to them (``_with_samples``)."""
    specs = _specs(labels, pieces, edge is not None)
    plain = [i for i, spec in enumerate(specs) if not labels[spec[0]].swatch]
    sampled = [i for i, spec in enumerate(specs) if labels[spec[0]].swatch]
    ranked = _ranked(labels, specs, plain, points_anchors, own, size, edge, near)
    if sampled:
        floor = size + 0.01 - SLACK  # a sample's bound, with one line and on its line
        ranked.insert(next((i for i, item in enumerate(ranked) if item[0] >= floor),
                           len(ranked)), (floor, -1, (specs, sampled)))
    return ranked


def _with_samples(ranked: list, position: int, labels, points_anchors, own, size: float,
                  edge, near: float) -> None:
    """The stand-in at ``position`` replaced by the candidates with a key sample, ranked and
    merged into the rest of the ranking (in place: the memo keeps it)."""
    specs, sampled = ranked[position][2]
    more = _ranked(labels, specs, sampled, points_anchors, own, size, edge, near)
    ranked[position:] = list(heapq.merge(ranked[position + 1:], more,
                                         key=lambda item: (item[0], item[1])))
