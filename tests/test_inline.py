"""Inline emphasis: only **bold** and *italic*; everything else is literal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builder.text.inline import Run, parse_inline, plain


@pytest.mark.parametrize(("text", "runs"), [
    ("plain", [Run("plain")]),
    ("a **b** c", [Run("a "), Run("b", bold=True), Run(" c")]),
    ("*Inch’on*.", [Run("Inch’on", italic=True), Run(".")]),
    ("***both***", [Run("both", bold=True, italic=True)]),
    ("**bold *and* more**", [Run("bold ", bold=True), Run("and", bold=True, italic=True),
                             Run(" more", bold=True)]),
    ("M*A*S*H ran 1972–1983", [Run("M*A*S*H ran 1972–1983")]),
    ("5*3 = 15 and a * b", [Run("5*3 = 15 and a * b")]),
    (r"\*not italic\*", [Run("*not italic*")]),
    ("<b>x</b> & y", [Run("<b>x</b> & y")]),
])
def test_parse_inline(text: str, runs: list[Run]) -> None:
    assert parse_inline(text) == runs


@given(st.text(alphabet="ab *\\<&", max_size=30))
def test_plain_never_invents_characters(text: str) -> None:
    assert set(plain(text)) <= set(text)
