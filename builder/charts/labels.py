"""Category labels: wrapped to their slot with real font metrics, shrunk before they overflow."""

from __future__ import annotations

from dataclasses import dataclass

from builder.charts.scene import Typeface
from builder.text.typography import bind_units, breakable_words

MAX_LINES = 3


@dataclass(frozen=True)
class WrappedLabels:
    """Each label's lines at one size; ``rotated`` when they only fit turned 45° (one line
    each), as PowerPoint turns category labels that do not fit their slot."""

    lines: tuple[tuple[str, ...], ...]
    size: float
    rotated: bool = False

    @property
    def max_lines(self) -> int:
        return max((len(lines) for lines in self.lines), default=1)


def wrap_labels(labels: tuple[str, ...] | list[str], typeface: Typeface, size: float,
                available: float, min_size: float | None = None) -> WrappedLabels:
    """Wrap each label to ``available`` points; shrink (to ``min_size``) until no word breaks
    and no label takes more than three lines; failing that, rotate them."""
    floor = min_size if min_size is not None else size * 0.75
    current = size
    labels = [bind_units(label) for label in labels]  # "550 nm" never parts, as in the text
    while True:
        wrapped = tuple(tuple(typeface.wrap(label, current, available)) for label in labels)
        words_whole = all(typeface.width(word, current) <= available
                          for label in labels for word in breakable_words(label))
        if words_whole and all(len(lines) <= MAX_LINES for lines in wrapped):
            return WrappedLabels(wrapped, current)
        if current <= floor:
            return WrappedLabels(tuple((label,) for label in labels), size, rotated=True)
        current = max(floor, current - 0.5)


class SpatialIndex:
    """Boxes or segments on a uniform grid, so a label's candidate place is tested only
    against what lies near it: placing n labels among m lines costs about n + m, not n × m
    (a 2,000-place map, a world map's thousands of coast segments).

    It behaves as the list it replaces (``append``, iteration, ``len``) and answers
    ``near(box)``: every item whose bounding box shares a grid cell with ``box`` (a superset
    of what touches it; the caller's exact test decides). A query spanning more cells than
    there are items (a long label among a few markers) reads the items' cell spans instead of
    walking the cells: the same items, found for less."""

    def __init__(self, items=(), cell: float = 32.0) -> None:
        self.cell = cell
        self.items: list = []
        self.extents: list[tuple[float, float, float, float]] = []
        self.spans: list[tuple[int, int, int, int]] = []  # first/last column, row of each
        self.cells: dict[tuple[int, int], list[int]] = {}
        for item in items:
            self.append(item)

    @staticmethod
    def extent(item) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of a Box, a segment ((x, y), (x, y)) or a ring."""
        if hasattr(item, "left"):
            return item.left, item.top, item.left + item.width, item.top + item.height
        if len(item) == 2:  # a segment (the common case: thousands of coast segments)
            (ax, ay), (bx, by) = item
            return ((ax, bx)[ax > bx], (ay, by)[ay > by], (bx, ax)[ax > bx],
                    (by, ay)[ay > by])
        xs = [p[0] for p in item]
        ys = [p[1] for p in item]
        return min(xs), min(ys), max(xs), max(ys)

    def append(self, item) -> None:
        index = len(self.items)
        self.items.append(item)
        extent = self.extent(item)
        self.extents.append(extent)
        c = self.cell
        left, top, right, bottom = (int(extent[0] // c), int(extent[1] // c),
                                    int(extent[2] // c), int(extent[3] // c))
        self.spans.append((left, top, right, bottom))
        cells = self.cells
        for column in range(left, right + 1):
            for row in range(top, bottom + 1):
                cells.setdefault((column, row), []).append(index)

    def near(self, box) -> list:
        """Items that may touch ``box`` (a Box, or a (left, top, right, bottom) tuple), in the
        order they were added."""
        found = self._indices(box)
        items = self.items
        if isinstance(found, list):  # read in order from the spans
            return [items[i] for i in found]
        # one cell's list is already in order; the union of several is a set
        return [items[i] for i in (sorted(found) if isinstance(found, set) else found)]

    def _indices(self, box):
        """Each index near ``box`` (as ``near`` finds them), once: a cell's own list, a set,
        or (read from the spans) a list in order."""
        if hasattr(box, "left"):
            box = (box.left, box.top, box.left + box.width, box.top + box.height)
        c = self.cell
        left, top, right, bottom = (int(box[0] // c), int(box[1] // c), int(box[2] // c),
                                    int(box[3] // c))
        cells = self.cells
        if left == right and top == bottom:
            return cells.get((left, top), ())
        if (right - left + 1) * (bottom - top + 1) > len(self.items):
            return [i for i, (l, t, r, b) in enumerate(self.spans)
                    if l <= right and left <= r and t <= bottom and top <= b]
        indices: set[int] = set()
        for column in range(left, right + 1):
            for row in range(top, bottom + 1):
                found = cells.get((column, row))
                if found:
                    indices.update(found)
        return indices

    def _query(self, box) -> tuple[int, int, int, int]:
        if hasattr(box, "left"):
            box = (box.left, box.top, box.left + box.width, box.top + box.height)
        c = self.cell
        return int(box[0] // c), int(box[1] // c), int(box[2] // c), int(box[3] // c)

    def count(self, box, test) -> int:
        """How many of the items ``near(box)`` lists pass ``test``, with no list built: the
        cells walked directly, an item counted in the first cell it shares with ``box``."""
        left, top, right, bottom = self._query(box)
        items, spans, cells = self.items, self.spans, self.cells
        if (right - left + 1) * (bottom - top + 1) > len(items):
            return sum(1 for i in self._indices(box) if test(items[i]))
        found = 0
        for column in range(left, right + 1):
            for row in range(top, bottom + 1):
                for i in cells.get((column, row), ()):
                    l, t, _, _ = spans[i]
                    if (column == (l if l > left else left) and row == (t if t > top else top)
                            and test(items[i])):
                        found += 1
        return found

    def any(self, box, test) -> bool:
        """Whether any item ``near(box)`` lists passes ``test``, stopping at the first (the
        cells walked directly: an item met twice is tested twice, which is harmless)."""
        left, top, right, bottom = self._query(box)
        items, cells = self.items, self.cells
        if (right - left + 1) * (bottom - top + 1) > len(items):
            return any(test(items[i]) for i in self._indices(box))
        for column in range(left, right + 1):
            for row in range(top, bottom + 1):
                for i in cells.get((column, row), ()):
                    if test(items[i]):
                        return True
        return False

    def _spans(self, box, gap: float) -> tuple[float, float, float, float, range, range]:
        """``box``'s edges and the grid columns and rows it covers, grown by ``gap``."""
        left, top = box.left, box.top
        right, bottom = left + box.width, top + box.height
        c = self.cell
        columns = range(int((left - gap) // c), int((right + gap) // c) + 1)
        rows = range(int((top - gap) // c), int((bottom + gap) // c) + 1)
        return left, top, right, bottom, columns, rows

    def overlapping(self, box, gap: float = 0.0) -> bool:
        """Whether a boxed item overlaps ``box`` as ``Box.overlaps(item, gap)`` tells, the
        cells walked directly with no list built: a candidate among thousands of markers is
        rejected at the first it meets (among a few, each is read once)."""
        left, top, right, bottom, columns, rows = self._spans(box, gap)
        cells, extents = self.cells, self.extents
        if len(columns) * len(rows) > len(extents):  # an item overlapping it shares a cell
            for l, t, r, b in extents:
                if not (right + gap <= l or r + gap <= left or bottom + gap <= t
                        or b + gap <= top):
                    return True
            return False
        for column in columns:
            for row in rows:
                for index in cells.get((column, row), ()):
                    l, t, r, b = extents[index]
                    if not (right + gap <= l or r + gap <= left or bottom + gap <= t
                            or b + gap <= top):
                        return True
        return False

    def count_overlapping(self, box, gap: float = 0.0) -> int:
        """How many boxed items overlap ``box`` as ``Box.overlaps(item, gap)`` tells, each
        counted once, the cells walked directly (or, among a few, each read once)."""
        left, top, right, bottom, columns, rows = self._spans(box, gap)
        cells, extents = self.cells, self.extents
        if len(columns) * len(rows) > len(extents):
            return sum(1 for l, t, r, b in extents
                       if not (right + gap <= l or r + gap <= left or bottom + gap <= t
                               or b + gap <= top))
        seen: set[int] = set()
        for column in columns:
            for row in rows:
                for index in cells.get((column, row), ()):
                    if index in seen:
                        continue
                    l, t, r, b = extents[index]
                    if not (right + gap <= l or r + gap <= left or bottom + gap <= t
                            or b + gap <= top):
                        seen.add(index)
        return len(seen)

    def near_segment(self, a, b) -> list:
        return self.near((min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])))

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def near(items, box):
    """What of ``items`` may touch ``box``: the index's neighbours, or a plain list whole."""
    return items.near(box) if isinstance(items, SpatialIndex) else items


def count_near(items, box, test) -> int:
    """How many of ``items`` near ``box`` pass ``test`` (``sum(map(test, near(items, box)))``
    without the sorted list)."""
    if isinstance(items, SpatialIndex):
        return items.count(box, test)
    return sum(1 for item in items if test(item))


def count_overlapping(items, box, gap: float = 0.0) -> int:
    """How many of ``items`` (boxes) overlap ``box`` (``Box.overlaps`` with ``gap``)."""
    if isinstance(items, SpatialIndex):
        return items.count_overlapping(box, gap)
    return sum(box.overlaps(other, gap) for other in items)


def any_near(items, box, test) -> bool:
    """Whether any of ``items`` near ``box`` passes ``test``."""
    if isinstance(items, SpatialIndex):
        return items.any(box, test)
    return any(test(item) for item in items)


def overlapping(items, box, gap: float = 0.0) -> bool:
    """Whether any of ``items`` (boxes) overlaps ``box`` (``Box.overlaps`` with ``gap``)."""
    if isinstance(items, SpatialIndex):
        return items.overlapping(box, gap)
    return any(box.overlaps(other, gap) for other in items)


def along(items, leader, margin: float = 0.0):
    """What of ``items`` may touch a leader (within ``margin``)."""
    (ax, ay), (bx, by) = leader
    return near(items, (min(ax, bx) - margin, min(ay, by) - margin, max(ax, bx) + margin,
                         max(ay, by) + margin))
