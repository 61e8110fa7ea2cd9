"""Where a line carries a word holding East Asian text whole, as ``measure.wrap_runs`` does.

The deck asks this of every paragraph holding East Asian text at every size and width it
tries (a lecture with Korean names: ~1,000 times for ~350 paragraphs), so what does not
depend on the size is found once per paragraph (``_steps``: each word's advance in
1/1000 em, its script changes along the runs, whether it is East Asian or holds a bracketed
term) and each try only adds up ``0.001 × size × units``, exactly ``styled_width``'s float.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from builder.text.fonts import Faces
from builder.text.inline import Run
from builder.text.measure import (_EAST_ASIAN, LINE_BREAK, script_changes, styled_units,
                                  styled_width)


class _Word(NamedTuple):
    """One space-separated piece of a run, as ``carried`` meets it."""

    run_index: int
    index: int  # its place among the run's pieces (0 after a line break the text holds)
    start: int  # its first character's offset in the run's text
    piece: str
    space: float | None  # the run's space before it in 1/1000 em (None: no space before)
    reset: bool  # a line break the text already holds starts the line over before it
    units: float
    east: bool
    changes: int  # script changes along the runs (counted only with a script gap)
    kind_before: bool | None
    kind_after: bool | None
    term: bool  # holds a short bracketed term (``_TERM``)


def carried(runs: list[Run], faces: Faces, size: float, available: float,
            script_gap: float = 0.0, slack: float = 1.0,
            east_fill: float = 1.0) -> list[tuple[int, int, bool]]:
    """Where ``wrap_runs`` carries a word holding East Asian text to the next line because
    it does not fit beside the words before it: (run index, offset in ``run.text``, True)
    for the space before each. LibreOffice would not carry it: it breaks East Asian
    text between any two characters, cutting a name ("江" / "戸"), and takes no word joiner
    between them; a line break there (``LINE_BREAK``) sets the lines this measured. (Where
    LibreOffice's lines run shorter than ours, a name it carries at another place may still
    be cut; filling these lines to less than ``available``, ``slack``, moved the cuts.)

    ``east_fill``: a word holding East Asian text is carried when it would end past this
    share of the line, though the line (filled as the viewer fills it, to ``available``)
    would hold it: a name ending a hair from the edge is cut by the viewer whose measure
    differs by that hair, and the forced break puts every viewer's next line at the same
    word again ("kurofune (黒" / "船)", meiji large print).

    A long run of East Asian text with no space in it (a sentence, a citation) breaks where
    the line ends, as the viewer breaks it, except inside a short bracketed term
    (（岩波文庫）, 『学問のすゝめ』): that term starts the next line, (run index, offset of its
    opening bracket, False), a break with no space to replace."""
    found: list[tuple[int, int, bool]] = []
    used, space_pending = 0.0, 0.0
    scale = 0.001 * size  # styled_width's own product, so every advance is the same float
    for word in _steps(tuple(runs), faces, bool(script_gap)):
        if word.space is not None:
            space_pending = scale * word.space
        if word.reset:
            used, space_pending = 0.0, 0.0
        if not word.piece:
            continue
        advance = scale * word.units
        if script_gap:
            advance += word.changes * script_gap * size
        end = used + space_pending + advance
        east, index = word.east, word.index
        if east and end > available and (index == 0 or advance > available) and word.term:
            used, _ = _terms_kept(word.piece, runs[word.run_index], word.start,
                                  word.run_index, found, faces, size, available, script_gap,
                                  east_fill, used + space_pending if used else 0.0,
                                  word.kind_before)
            space_pending = 0.0
            continue
        if used and (end > available * slack or (east and end > available * east_fill)):
            if east and index > 0 and advance <= available:
                found.append((word.run_index, word.start - 1, True))
            used = 0.0
        elif used:
            used += space_pending
        space_pending = 0.0
        if advance > available:
            advance = advance % max(available, 1.0)
        used += advance
    return found


@lru_cache(maxsize=1 << 12)
def _steps(runs: tuple[Run, ...], faces: Faces, tracked: bool) -> tuple[_Word, ...]:
    """What ``carried`` needs of ``runs`` at any size: each piece in order (an empty one
    keeps its space, as a double space does). ``tracked``: script changes are counted (a
    script gap is set); the kind a piece leaves is the kind its last visible character is,
    however a term inside it was kept."""
    steps: list[_Word] = []
    kind: bool | None = None
    for run_index, run in enumerate(runs):
        offset = -1
        for index, piece in enumerate(run.text.split(" ")):
            offset += 1  # the piece's first character (after the space before it)
            start = offset
            offset += len(piece)
            space = styled_units(" ", faces, run.bold, run.italic) if index > 0 else None
            reset = LINE_BREAK in piece
            if reset:  # already set: its own lines (idempotent)
                *_, piece = piece.split(LINE_BREAK)
                start = offset - len(piece)
                index = 0
            if not piece:
                steps.append(_Word(run_index, index, start, "", space, reset, 0.0, False, 0,
                                   kind, kind, False))
                continue
            east = max(piece) >= "\u1100" and _EAST_ASIAN.search(piece) is not None
            changes, after = script_changes(piece, kind) if tracked else (0, kind)
            steps.append(_Word(run_index, index, start, piece, space, reset,
                               styled_units(piece, faces, run.bold, run.italic), east,
                               changes, kind, after, _TERM.search(piece) is not None))
            kind = after
    return tuple(steps)


# a short bracketed term inside East Asian text, with the punctuation that closes up to it
_TERM = re.compile("[『「（(《〈【〔][^』」）)》〉】〕\\s]{1,10}[』」）)》〉】〕][、。，．,.]?")
_CLOSING = "、。，．,.）」』》〉】〕)!?！？"
_LETTER = re.compile("[\u3040-\u309f\u30a0-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def _terms_kept(piece: str, run: Run, start: int, run_index: int,
                found: list[tuple[int, int, bool]], faces: Faces, size: float,
                available: float, script_gap: float, east_fill: float, used: float,
                kind: bool | None) -> tuple[float, bool | None]:
    """Fill lines with ``piece`` character by character as the viewer does, but carry a
    bracketed term (``_TERM``) whole to the next line when it would end past ``east_fill``
    of it; returns the width used on the last line and the script kind after the piece."""
    atoms, at = [], 0
    for match in _TERM.finditer(piece):
        if match.start() < at:
            continue
        atoms += [(piece[index], start + index, False) for index in range(at, match.start())]
        at = match.end()
        # with what follows it up to the next break between two letters ("（岩波文庫）、1942
        # 年。" is one: LibreOffice breaks neither after "、" nor inside "1942年")
        while at < len(piece) and not (_LETTER.match(piece[at - 1]) and _LETTER.match(piece[at])):
            at += 1
        atoms.append((piece[match.start():at], start + match.start(), True))
    atoms += [(piece[index], start + index, False) for index in range(at, len(piece))]
    before = 0.0  # the width of the atom before (a closing mark takes it to the next line)
    for text, where, term in atoms:
        width = styled_width(text, faces, size, run.bold, run.italic)
        if script_gap:
            changes, kind = script_changes(text, kind)
            width += changes * script_gap * size
        if used and used + width > available * (east_fill if term else 1.0):
            if term:
                found.append((run_index, where, False))
            used = before if text in _CLOSING else 0.0  # 、。） never start a line
        used += width
        before = width
    return used, kind
