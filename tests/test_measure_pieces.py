"""``measure.wrap_runs`` measures each paragraph's words once (``_pieces``) and only does the
arithmetic per size and width it is tried at. The line counts must be exactly those of
wrapping word by word with ``styled_width`` (the deck's boxes are planned from them), and the
shortcut for text without East Asian characters must find exactly the characters
``fallback.slot_of`` puts in the East Asian slot."""

from __future__ import annotations

import math
import random

from builder.layout import load_layout
from builder.text import measure
from builder.text.fallback import slot_of
from builder.text.fonts import faces
from builder.text.inline import Run


def _reference(runs: list[Run], body, size: float, available: float, gap: float) -> int:
    """Greedy wrapping word by word, every width asked of ``styled_width`` afresh."""
    lines, used, pending, kind = 1, 0.0, 0.0, None
    for run in runs:
        for index, piece in enumerate(run.text.split(" ")):
            if index > 0:
                pending = measure.styled_width(" ", body, size, run.bold, run.italic)
            parts = piece.split("\u200b")  # a word's own break opportunities
            for word in [part + "\u200b" for part in parts[:-1]] + parts[-1:]:
                if not word:
                    continue
                advance = measure.styled_width(word, body, size, run.bold, run.italic)
                changes, kind = measure.script_changes(word, kind)
                advance += changes * gap * size
                if used and used + pending + advance > available:
                    lines, used = lines + 1, 0.0
                elif used:
                    used += pending
                pending = 0.0
                if advance > available:
                    east = any(slot_of(char) == "ea" for char in word)
                    per_line = available - size if (east and available > 2 * size) else available
                    whole = math.ceil(advance / per_line) - 1
                    lines += whole
                    advance -= whole * per_line
                used += advance
    return lines


WORDS = ("the Korean War armistice “quoted” — 38th parallel Inch’on, MacArthur’s x̄ O₂ "
         "Verfassungsorganstreitigkeiten Verfassungs-\u200borgan Rei\u200bchs\u200b 한국 전쟁 中国人民志愿军 明治維新、 江戸。 (京都)").split(" ")


def test_wrapping_counts_the_lines_of_wrapping_word_by_word() -> None:
    body = faces(load_layout().fonts.body)
    chooser = random.Random(13)
    for _ in range(3000):
        words = WORDS if chooser.random() < 0.5 else WORDS[:12]  # half without CJK
        runs = [Run(" ".join(chooser.choice(words) for _ in range(chooser.randint(0, 10))),
                    chooser.random() < 0.3, chooser.random() < 0.2)
                for _ in range(chooser.randint(1, 3))]
        size = chooser.choice([12.0, 14.0, 18.0, 20.0, 24.0, 32.5])
        available = chooser.uniform(8.0, 600.0)
        gap = chooser.choice([0.0, 0.25])
        assert measure.wrap_runs(runs, body, size, available, gap) == \
            _reference(runs, body, size, available, gap), (runs, size, available, gap)


def test_the_east_asian_shortcut_finds_what_slot_of_calls_east_asian() -> None:
    wrong = [code for code in range(0x40000) if not 0xD800 <= code <= 0xDFFF
             and bool(measure._EAST_ASIAN.match(chr(code))) != (slot_of(chr(code)) == "ea")]
    assert wrong == []
