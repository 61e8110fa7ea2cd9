"""How a run of items is split over slides: fewest slides, then evenly, never one item alone.

One rule for every continued series of the deck — a list's bullets, a block of questions, a
listing of people — so a teacher never sees "Key takeaways (3 of 3)" holding one bullet
after two full slides, or "Question 9" alone after "Questions 5–8". Greedy packing fills the
first slides and leaves a stub; this finds, among the splits needing the fewest slides, the
most even one (the least sum of squared emptiness), where a slide holding a single item of
many costs as much as an empty slide, so it is chosen only when nothing else fits.
"""

from __future__ import annotations

from typing import Callable, Sequence

LONE = 1.0  # what a slide holding one item of several costs, beyond its emptiness


def partition(count: int, fits: Callable[[int, int], bool],
              fill: Callable[[int, int], float]) -> list[tuple[int, int]] | None:
    """Items ``0..count`` as consecutive ``(start, end)`` runs that each ``fits``, fewest
    runs first, then the least cost (see the module); None when an item fits nowhere.

    ``fits(start, end)`` must be monotone (a run that does not fit does not fit with one
    more item), ``fill(start, end)`` is the run's measured share of a slide (0–1).
    """
    best: list[tuple[int, float, int] | None] = [(0, 0.0, 0)] + [None] * count
    for end in range(1, count + 1):
        for start in range(end - 1, -1, -1):
            if not fits(start, end):
                break
            before = best[start]
            if before is None:
                continue
            cost = max(0.0, 1.0 - fill(start, end)) ** 2
            if end - start == 1 and count > 1:
                cost += LONE
            candidate = (before[0] + 1, before[1] + cost, start)
            if best[end] is None or candidate[:2] < best[end][:2]:
                best[end] = candidate
    if best[count] is None:
        return None
    runs, end = [], count
    while end:
        start = best[end][2]
        runs.append((start, end))
        end = start
    return runs[::-1]


def lone_runs(runs: list[tuple[int, int]]) -> int:
    """How many runs hold one item while the series has several."""
    return sum(1 for start, end in runs if end - start == 1) if len(runs) > 1 else 0


# --- a table's rows: by height, greedy then evened (the rows' heights are known) ---

def no_lone_last_row(pages: list[tuple[tuple, tuple]],
                      room: float) -> list[tuple[tuple, tuple]]:
    """A table's last slide never holds a single row: it takes one from the slide before
    (which then holds one fewer, so it still fits) when both rows fit under the header."""
    if len(pages) < 2 or len(pages[-1][0]) != 1 or len(pages[-2][0]) < 3:
        return pages
    (rows, heights), (last_rows, last_heights) = pages[-2], pages[-1]
    if heights[-1] + sum(last_heights) > room:
        return pages
    return [*pages[:-2], (rows[:-1], heights[:-1]),
            ((rows[-1], *last_rows), (heights[-1], *last_heights))]


def _greedy(heights: Sequence[float], room: float) -> list[tuple[int, int]]:
    pages, start, used = [], 0, 0.0
    for index, height in enumerate(heights):
        if index > start and used + height > room + 1e-6:
            pages.append((start, index))
            start, used = index, 0.0
        used += height
    pages.append((start, len(heights)))
    return pages


def balanced_pages(heights: Sequence[float], room: float) -> list[tuple[int, int]]:
    """Rows over as few slides as greedy packing needs, spread evenly: the smallest page
    height that needs no extra slide (rows 6, 6, 1 become 5, 5, 3), as ``(start, end)``."""
    pages = _greedy(heights, room)
    if len(pages) < 2:
        return pages
    low, high = max(max(heights), sum(heights) / len(pages)), room
    for _ in range(30):
        middle = (low + high) / 2
        trial = _greedy(heights, middle)
        if len(trial) <= len(pages):
            pages, high = trial, middle
        else:
            low = middle
    trial = _greedy(heights, low)
    return trial if len(trial) <= len(pages) else pages
