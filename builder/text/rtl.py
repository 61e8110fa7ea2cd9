"""Arabic and Hebrew in the guide: shaped and in reading order.

PowerPoint and LibreOffice shape Arabic and order right-to-left text themselves, so the deck
keeps the text as written (logical order). reportlab draws characters one after another, left
to right, as they come: Arabic would print as unjoined letters and both scripts backwards.
So the guide draws each right-to-left stretch as it is seen: Arabic letters in their joined
presentation forms (``arabic_reshaper``), the stretch in visual order (``python-bidi``, the
Unicode bidirectional algorithm). A stretch is a name or a phrase inside a left-to-right
lecture (ابن خلدون, דוד בן-גוריון): its words are joined by no-break spaces so a line never
breaks inside it (a broken stretch would read in the wrong order). Whole right-to-left
paragraphs (a lecture in Arabic) would need right-aligned paragraphs: not done.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import arabic_reshaper
from bidi import algorithm as _bidi
from bidi.algorithm import get_display

NBSP = "\u00a0"
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
# right-to-left letters, with the spaces, hyphens, maqafs, digits and marks between them
_STRETCH = re.compile(f"[{_RTL}](?:[{_RTL}\\s\u00a0\\-\u05be'\u2019\\d.,]*[{_RTL}])?")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


def has_rtl(text: str) -> bool:
    return bool(text) and max(text) >= "\u0590" and re.search(f"[{_RTL}]", text) is not None


@lru_cache(maxsize=4096)
def right_to_left(text: str) -> bool:
    """Whether ``text`` is a right-to-left paragraph: it has Arabic or Hebrew letters and no
    left-to-right letter (digits, punctuation and spaces take no side). Such a paragraph is
    set from the right: right-aligned, its lines read right to left, its bullet on the right."""
    if not has_rtl(text):
        return False
    return not any(unicodedata.bidirectional(char) == "L" for char in text if char.isalpha()
                   or unicodedata.bidirectional(char) == "L")


@lru_cache(maxsize=4096)
def _seen(stretch: str) -> str:
    shaped = _RESHAPER.reshape(stretch) if _ARABIC.search(stretch) else stretch
    return get_display(shaped, base_dir="R").replace(" ", NBSP)


def logical(drawn: str) -> str | None:
    """What a stretch drawn by ``visual`` says, as written (its reading order, base letters):
    the guide's ActualText for it, so a screen reader reads ابن خلدون, not its glyphs
    backwards. None unless ``drawn`` is right-to-left text alone (with its spaces and marks)."""
    stripped = drawn.strip()
    if not stripped or not has_rtl(stripped) or _STRETCH.fullmatch(stripped) is None:
        return None
    return get_display(unicodedata.normalize("NFKC", stripped), base_dir="R").replace(NBSP, " ")


def visual(text: str) -> str:
    """``text`` with each right-to-left stretch shaped and in visual order (for a renderer
    that draws left to right: the guide)."""
    if not has_rtl(text):
        return text
    return _STRETCH.sub(lambda match: _seen(match.group(0)), text)


def shaped(text: str) -> str:
    """Arabic letters of ``text`` in their joined presentation forms, order unchanged (what a
    line of a right-to-left paragraph measures as drawn)."""
    return _RESHAPER.reshape(text) if _ARABIC.search(text) else text


def styled_line_seen(runs: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """One line of a right-to-left paragraph given as (text, style) runs in reading order,
    as drawn left to right: each run shaped, the whole line in visual order (as
    ``line_seen``), and each character still carrying its run's style, so ``**bold**`` and
    ``*italic*`` inside an Arabic or Hebrew paragraph stay where they were written. Runs of
    one style next to each other in the drawing come back as one."""
    shaped_runs = [(shaped(text), key) for text, key in runs if text]
    keys = [key for text, key in shaped_runs for _ in text]
    text = "".join(text for text, _ in shaped_runs)
    storage = _bidi.get_empty_storage()
    storage["base_level"], storage["base_dir"] = 1, "R"
    _bidi.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index  # the logical position, kept through reordering
    for step in (_bidi.explicit_embed_and_overrides, _bidi.resolve_weak_types,
                 _bidi.resolve_neutral_types, _bidi.resolve_implicit_levels,
                 _bidi.reorder_resolved_levels, _bidi.apply_mirroring):
        step(storage, False)
    out: list[tuple[str, object]] = []
    for char in storage["chars"]:
        key = keys[char["index"]]
        if out and out[-1][1] == key:
            out[-1] = (out[-1][0] + char["ch"], key)
        else:
            out.append((char["ch"], key))
    return out


@lru_cache(maxsize=4096)
def line_seen(line: str) -> str:
    """One line of a right-to-left paragraph as drawn left to right: shaped, in visual order
    by the bidirectional algorithm with a right-to-left base (numbers and Latin words inside
    keep their own order)."""
    return get_display(shaped(line), base_dir="R")
