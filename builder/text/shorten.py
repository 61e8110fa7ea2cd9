"""Shortening furniture text with an ellipsis: at a word's end, never inside a word.

A running header or a slide footer that is too long for its line loses its end, but a reader
must still read whole words: "… des États généraux au…", never "… des Éta…" (review 18:40).
Words are the pieces a line may break between (``typography.breakable_words``: a date bound
with no-break spaces is one piece); only a first word that alone does not fit is cut between
its characters, the last resort.
"""

from __future__ import annotations

from typing import Callable

ELLIPSIS = "…"
_TRAILING = " \u00a0,;:·–—-/|("  # separators a shortened text does not end on


def shortened(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` if it ``fits``; else its longest run of whole words (as many as fit with
    an ellipsis after them), or, when not even the first word fits, that word cut."""
    if fits(text):
        return text
    cuts = [index for index, char in enumerate(text) if char in " \t\n" and index]
    for cut in reversed(cuts):
        head = text[:cut].rstrip(_TRAILING)
        if head and fits(head + ELLIPSIS):
            return head + ELLIPSIS
    head = text.split(" ", 1)[0]
    while head and not fits(head + ELLIPSIS):
        head = head[:-1]
    return head.rstrip(_TRAILING) + ELLIPSIS
