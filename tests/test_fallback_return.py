"""A stretch taken by a later installed font for one character goes back to the first
installed choice after it: "学問のすゝめ』岩波書店" is drawn (and named in the deck) in one CJK
face but for "ゝ", which WenQuanYi Zen Hei maps to an empty glyph."""

from __future__ import annotations

import pytest

from builder.layout import load_layout
from builder.text.fallback import font_for, primary, segments
from builder.text.fonts import faces


def test_the_first_installed_choice_draws_again_after_one_character() -> None:
    body = faces(load_layout(None).fonts.body)
    first = primary(body)
    han, odd = font_for("学", first, False, False), font_for("ゝ", first, False, False)
    if han is None or odd is None or han.name == odd.name:
        pytest.skip("needs a CJK face without ゝ and another with it (WenQuanYi, Droid)")
    shown = [(segment.text, segment.font.name)
             for segment in segments("福澤諭吉『学問のすゝめ』岩波書店（岩波文庫）、", body)]
    assert shown == [("福澤諭吉『学問のす", han.name), ("ゝ", odd.name),
                     ("め』岩波書店（岩波文庫）、", han.name)]
