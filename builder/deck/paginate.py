"""Greedy packing of measured paragraphs onto slides of one box (``fit`` measures them).

A unit (a bullet with its sub-bullets) moves whole to the next slide when it fits an empty
one; otherwise it is broken into paragraphs, and a paragraph taller than what is left is
cut between words (``fit.split_para``).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Sequence

from builder.deck.fit import _words, fits, height, line_height, split_para
from builder.deck.grid import Box
from builder.deck.specs import Para
from builder.text.fonts import Faces


def paginate(units: Sequence[Sequence[Para]], faces: Faces, size: float, box: Box,
             max_bullets: int | None = None) -> list[list[Para]]:
    """Greedily pack units (a bullet with its sub-bullets) onto pages of ``box``.

    A unit moves whole to the next page when it fits an empty page; otherwise it is broken
    into paragraphs, and a paragraph taller than what is left is cut between words.
    """
    pages: list[list[Para]] = [[]]
    per_line = line_height(size)

    def bullets(page: list[Para]) -> int:
        return sum(1 for p in page if p.level == 1 and p.marker)

    def room(page: list[Para], para: Para) -> bool:
        if max_bullets and para.level == 1 and para.marker and bullets(page) >= max_bullets:
            return False
        return fits([*page, para], faces, size, box)

    for unit in units:
        page = pages[-1]
        unit_bullets = sum(1 for p in unit if p.level == 1 and p.marker)
        if fits([*page, *unit], faces, size, box) and (
                not max_bullets or bullets(page) + unit_bullets <= max_bullets):
            page.extend(unit)
            continue
        if page and fits(list(unit), faces, size, box):
            pages.append(list(unit))
            continue
        for index, para in enumerate(unit):
            page = pages[-1]
            if (index == 0 and len(unit) > 1 and page and room(page, para)
                    and not fits([*page, para, unit[1]], faces, size, box)):
                pages.append([para])  # a lead-in never ends a page without its first item
                continue
            if room(page, para):
                page.append(para)
                continue
            if fits([para], faces, size, box):
                pages.append([para])
                continue
            remaining = para
            while True:
                if page and not room(page, replace(remaining, runs=())):  # bullet cap, 1 line
                    page = []
                    pages.append(page)
                used = height(page, faces, size, box.inner_width) if page else 0.0
                gap = remaining.gap * size if page else 0.0
                lines = math.floor((box.inner_height - used - gap + 1e-6) / per_line)
                if page and lines < 2:
                    page = []
                    pages.append(page)
                    continue
                head, tail = split_para(remaining, faces, size, box.inner_width, max(lines, 0))
                if head is None:
                    if not page:
                        raise ValueError("a single word is too wide for the slide")
                    page = []
                    pages.append(page)
                    continue
                page.append(head)
                if not _words(tail):
                    break
                remaining = tail
                page = []
                pages.append(page)
                if fits([remaining], faces, size, box):
                    page.append(remaining)
                    break
    return [page for page in pages if page]

