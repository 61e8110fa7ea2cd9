"""Measure slide text with real font metrics, choose sizes, and split what does not fit.

PowerPoint cannot be asked how tall a paragraph will be, and autofit differs between
PowerPoint, LibreOffice and Keynote. So every box is measured here with ``builder.text.measure``
(the same TTFs as the PDF) and drawn with exactly these insets, indents, line heights and
paragraph gaps: measured lines × line height + gaps + insets ≤ box height.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from builder.text import carry, hyphenate, measure
from builder.deck.grid import TITLE_LEADING, Box
from builder.deck.specs import Para, Runs
from builder.text.fonts import Faces
from builder.text.inline import Run, parse_inline
from builder.text.typography import breakable_words, current_language, for_deck

LEADING = 1.2  # line height as a multiple of the size, set as exact spacing on every paragraph
WIDTH_SLACK = 0.97  # wrap a little narrower than the box: PowerPoint's wrap may differ by a hair
RENDER_SLACK = 0.94  # for a box planned to hold its lines exactly (no spare line below):
# LibreOffice's widths run up to a few per cent over ours, so such a line is planned narrower
SIZE_STEP = 2.0
SCRIPT_GAP = 0.25  # em LibreOffice sets where East Asian text meets Latin (measure.wrap_runs)
SMALLEST = 12.0  # the last resort for text the layout's minimum cannot hold (a warning)
INDENTS = {0: 0.0, 1: 1.0, 2: 2.1}  # left margin of each level, in ems (the marker hangs in it)
LABEL_INDENT = 1.6  # for lettered choices ("A."), wider than a bullet


def runs(text: str, bold: bool = False, italic: bool = False) -> Runs:
    """Inline-marked text as runs, with whitespace collapsed (slides have no hard breaks)."""
    return _runs(text, bold, italic, current_language())


def plain_runs(text: str, bold: bool = False, italic: bool = False) -> Runs:
    """Literal text (no markup) as one run."""
    return _plain_runs(text, bold, italic, current_language())


# Typesetting a text (quotes, no-break spaces, ranges) is a pure function of the text and the
# language it is set in, and planning asks for the same texts again as it tries sizes and
# layouts: each is set once per language (frozen Runs in a tuple: safe to share).
@lru_cache(maxsize=1 << 14)
def _runs(text: str, bold: bool, italic: bool, language: str) -> Runs:
    collapsed = for_deck(re.sub(r"[^\S\u00a0]+", " ", text).strip())
    return tuple(Run(r.text, r.bold or bold, r.italic or italic) for r in parse_inline(collapsed))


@lru_cache(maxsize=1 << 14)
def _plain_runs(text: str, bold: bool, italic: bool, language: str) -> Runs:
    return (Run(for_deck(re.sub(r"[^\S\u00a0]+", " ", text).strip()), bold, italic),)


def set_run(text: str, bold: bool = False, italic: bool = False) -> Run:
    """Literal text the deck writes between the source's (" (1757–1834) — ", a date) as one
    run, typeset like the rest (a range's dash joined, a date bound), its spaces kept."""
    return Run(_typeset(text, current_language()), bold, italic)
_typeset = lru_cache(maxsize=1 << 12)(lambda text, language: for_deck(text))


def line_height(size: float, leading: float = LEADING) -> float:
    return measure.line_height(size, leading)


def indent(para: Para, size: float) -> float:
    """The paragraph's left margin in points (``marL``); text wraps to the right of it.

    A labelled paragraph (``3.``, ``B.``) hangs its label in a wider margin; at level 2 (a
    question's choices under its number) the margin doubles so the letters stand clear.
    """
    if para.level and len(para.marker) > 1:
        return LABEL_INDENT * size * min(para.level, 2)
    return INDENTS.get(para.level, INDENTS[2]) * size


def hang(para: Para, size: float) -> float:
    """How far the marker hangs left of the text (``-indent``), in points.

    A choice's letter under a numbered question hangs one label width, so it stands under
    the question's text rather than out at the margin under the number.
    """
    if para.level == 2 and len(para.marker) > 1:
        return LABEL_INDENT * size
    return indent(para, size)


def size_steps(largest: float, smallest: float) -> list[float]:
    """Sizes to try, largest first, ending exactly on ``smallest``."""
    sizes, size = [], largest
    while size > smallest + 1e-6:
        sizes.append(size)
        size -= SIZE_STEP
    sizes.append(smallest)
    return sizes


def para_lines(para: Para, faces: Faces, size: float, width: float) -> int:
    available = width * WIDTH_SLACK - indent(para, size)
    if not para.runs:
        return 1
    para = breakable(para, faces, size, width)
    return measure.wrap_runs(list(para.runs), faces, size, max(available, size), SCRIPT_GAP)


def whole_words(paras: Sequence[Para], faces: Faces, size: float, width: float) -> bool:
    """Whether every piece no line may break (``typography.breakable_words``: a date bound
    with no-break spaces is one piece) fits the wrap width, so no viewer cuts it between
    characters ("16 de septiembre de 181" / "0" in LibreOffice)."""
    for para in paras:
        available = width * WIDTH_SLACK - indent(para, size)
        for run in para.runs:
            for word in breakable_words(run.text):  # too wide: ``breakable`` would break it
                if measure.styled_width(word, faces, size, run.bold, run.italic) > available * WIDE:
                    return False
    return True


WIDE = 0.98  # of the measured line: a word this wide may not fit LibreOffice's line whole
EAST_FILL = 0.95  # of a line: a word holding East Asian text ending past this is carried


def breakable(para: Para, faces: Faces, size: float, width: float) -> Para:
    """``para`` with each word too wide for its line (``width`` wide) cut at a syllable, or
    between letters where a syllable is wider still, with a visible hyphen
    (``hyphenate.DECK_BREAK``): LibreOffice would cut it between any two letters, unmarked
    ("Grundrechtsgewährleistun/gen"). Measured (``para_lines``) and written (``text.write``)
    alike, so the lines counted are the lines drawn; words that fit are left alone."""
    if not para.runs:
        return para
    margin = indent(para, size)
    available = max(width * WIDTH_SLACK - margin, size)
    scale, limit = 0.001 * size, available * WIDE  # styled_width's own product, exactly
    runs = _breakable(para.runs, faces, size, available, current_language()) if any(
        scale * _widest(run.text, faces, run.bold, run.italic) > limit for run in para.runs
    ) else None  # most paragraphs: no word is wide, whatever the size
    if any(run.text and max(run.text) >= "\u1100" for run in para.runs):
        runs = _kept_names(runs or para.runs, faces, size, max(width - margin, size)) or runs
    return para if runs is None else replace(para, runs=runs)


@lru_cache(maxsize=1 << 14)
def _widest(text: str, faces: Faces, bold: bool, italic: bool) -> float:
    """The advance of ``text``'s widest space-separated word (the words ``_breakable``
    tests) in 1/1000 em: measured once for every size a paragraph is tried at."""
    return max((measure.styled_units(word, faces, bold, italic)
                for word in text.split(" ") if word), default=0.0)


@lru_cache(maxsize=1 << 12)
def _kept_names(runs: Runs, faces: Faces, size: float, line: float) -> Runs | None:
    """The runs with a line break (``measure.LINE_BREAK``) for the space before each word
    holding East Asian text that the measure carries to the next line ("Edo" / "(江戸),"),
    or None when there is none: LibreOffice would cut it between two characters instead.
    Lines fill the whole ``line`` as LibreOffice fills them; a name ending past ``EAST_FILL``
    of it is carried too."""
    if not any(run.text and max(run.text) >= "\u1100" for run in runs):
        return None
    found = carry.carried(list(runs), faces, size, line, SCRIPT_GAP, east_fill=EAST_FILL)
    if not found:
        return None
    kept = []
    for run_index, run in enumerate(runs):
        text = run.text
        for _, where, replace_space in sorted((one for one in found if one[0] == run_index),
                                              reverse=True):  # from the end: offsets hold
            text = text[:where] + measure.LINE_BREAK + text[where + replace_space:]
        kept.append(run if text == run.text else Run(text, run.bold, run.italic))
    return tuple(kept)


@lru_cache(maxsize=1 << 14)
def _breakable(runs_in: Runs, faces: Faces, size: float, available: float,
               language: str) -> Runs | None:
    """The runs with their wide words broken, or None when no word is wide (most)."""
    runs = []
    for run in runs_in:
        def measured(text: str, run: Run = run) -> float:
            return measure.styled_width(text, faces, size, run.bold, run.italic)
        if 0.001 * size * _widest(run.text, faces, run.bold, run.italic) <= available * WIDE:
            runs.append(run)  # no word of this run is wide
            continue
        text = hyphenate.break_wide_words(
            run.text, language, lambda word: measured(word) > available * WIDE,
            lambda piece: measured(piece) <= available * WIDTH_SLACK)
        runs.append(run if text == run.text else Run(text, run.bold, run.italic))
    broken = tuple(runs)
    return None if broken == runs_in else broken


def height(paras: Sequence[Para], faces: Faces, size: float, width: float,
           leading: float = LEADING) -> float:
    """Text height without insets: lines × line height + the gaps above all but the first."""
    lines = sum(para_lines(para, faces, size, width) for para in paras)
    gaps = sum(para.gap * size for para in paras[1:])
    return lines * line_height(size, leading) + gaps


def fits(paras: Sequence[Para], faces: Faces, size: float, box: Box,
         leading: float = LEADING) -> bool:
    return height(paras, faces, size, box.inner_width, leading) <= box.inner_height + 1e-6


def largest_fitting(paras: Sequence[Para], faces: Faces, sizes: Iterable[float], box: Box,
                    leading: float = LEADING) -> float | None:
    """The first size (largest first) at which the paragraphs fit the box, else None."""
    return next((size for size in sizes if fits(paras, faces, size, box, leading)), None)


def fit_title(text: str, faces: Faces, box: Box, largest: float, smallest: float,
              max_lines: int = 2, leading: float = TITLE_LEADING,
              whole_words: bool = False) -> float | None:
    """Largest size at which a bold title wraps to at most ``max_lines`` inside ``box``;
    with ``whole_words``, only a size at which no word is wider than the line (has to be
    hyphenated, ``breakable``)."""
    para = Para(plain_runs(text, bold=True))
    for size in size_steps(largest, smallest):
        if whole_words and breakable(para, faces, size, box.inner_width) is not para:
            continue
        lines = para_lines(para, faces, size, box.inner_width)
        if lines <= max_lines and lines * line_height(size, leading) <= box.inner_height + 1e-6:
            return size
    return None


@dataclass(frozen=True)
class TitleFit:
    """How a title is set: its size, the text shown, and what was adapted (empty if none)."""

    size: float
    text: str
    adapted: str = ""


def adapt_title(text: str, faces: Faces, box: Box, largest: float, smallest: float,
                floor: float, max_lines: int = 2, leading: float = TITLE_LEADING) -> TitleFit:
    """Set a title however long: within ``max_lines`` at the preferred sizes (``largest`` to
    ``smallest``); else on a third line; else smaller, down to ``floor`` (the layout's
    minimum), on as many lines as the box holds; else shortened with an ellipsis at a word
    (a title longer than the box holds at the floor size is not a title a slide can show).
    """
    for lines in (max_lines, max(3, max_lines)):
        size = fit_title(text, faces, box, largest, smallest, lines, leading, whole_words=True)
        if size is not None:
            return TitleFit(size, text)
    floor = min(floor, smallest)
    most = max(3, math.floor((box.inner_height + 1e-6) / line_height(floor, leading)))
    # a word wider than the line is hyphenated only when no size down to the floor holds it
    size = fit_title(text, faces, box, smallest, floor, most, leading, whole_words=True)
    if size is None:
        for lines in (max_lines, max(3, max_lines)):
            size = fit_title(text, faces, box, largest, smallest, lines, leading)
            if size is not None:
                return TitleFit(size, text)
        size = fit_title(text, faces, box, smallest, floor, most, leading)
    if size is not None:
        if size >= smallest - 1e-6:  # the preferred size, but on more lines than it prefers
            lines = para_lines(Para(plain_runs(text, bold=True)), faces, size, box.inner_width)
            return TitleFit(size, text, f"set on {lines} lines (the layout prefers at most "
                                        f"{max(3, max_lines)}) to fit")
        return TitleFit(size, text, f"set at {size:g} pt, under the layout's preferred "
                                    f"{smallest:g} pt, to fit")
    para = Para(plain_runs(text, bold=True))
    head, _ = split_para(para, faces, floor, box.inner_width * 0.96, most)
    shown = "".join(run.text for run in head.runs).rstrip(" ,;:–—") if head else ""
    return TitleFit(floor, (shown + "…") if shown else "…",
                    f"too long to show whole even at {floor:g} pt: shortened with an ellipsis")


def _words(para: Para) -> list[Run]:
    words: list[Run] = []
    for run in para.runs:
        for piece in run.text.split(" "):
            if piece:
                words.append(Run(piece, run.bold, run.italic))
    return words


def _join(words: Sequence[Run]) -> Runs:
    joined: list[Run] = []
    for word in words:
        if joined and (joined[-1].bold, joined[-1].italic) == (word.bold, word.italic):
            joined[-1] = Run(f"{joined[-1].text} {word.text}", word.bold, word.italic)
        elif joined:
            last = joined[-1]
            joined[-1] = Run(f"{last.text} ", last.bold, last.italic)
            joined.append(word)
        else:
            joined.append(word)
    return tuple(joined)


def split_para(para: Para, faces: Faces, size: float, width: float,
               max_lines: int) -> tuple[Para | None, Para]:
    """Cut a paragraph at a word so its head takes at most ``max_lines`` lines.

    The tail keeps the indent but drops the marker and the gap: it continues the same item.
    """
    words = _words(para)
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        head = replace(para, runs=_join(words[:middle]))
        if para_lines(head, faces, size, width) <= max_lines:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return _split_word(para, words, faces, size, width, max_lines)
    head = replace(para, runs=_join(words[:low]))
    tail = replace(para, runs=_join(words[low:]), marker="", gap=0.0)
    return head, tail


def _split_word(para: Para, words: list[Run], faces: Faces, size: float, width: float,
                max_lines: int) -> tuple[Para | None, Para]:
    """Break a first word too long for ``max_lines`` between characters (a URL, a long
    compound): the head takes what fits, the rest continues. Binary search: near-linear."""
    if not words or max_lines < 1:
        return None, para
    first = words[0]
    low, high = 0, len(first.text)
    while low < high:
        middle = (low + high + 1) // 2
        head = replace(para, runs=(Run(first.text[:middle], first.bold, first.italic),))
        if para_lines(head, faces, size, width) <= max_lines:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return None, para
    head = replace(para, runs=(Run(first.text[:low], first.bold, first.italic),))
    rest = [Run(first.text[low:], first.bold, first.italic), *words[1:]]
    return head, replace(para, runs=_join(rest), marker="", gap=0.0)
