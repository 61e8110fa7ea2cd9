"""A cold build lays the guide out at least twice (``multiBuild``: the first pass knows no page
total and no contents); the first pass cannot be the last, so its pages are laid out and not
drawn (``GuideTemplate.render``, ``tagging._Marked.drawOn``). The guide must come out byte for
byte as when every pass draws."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus.paragraph import Paragraph

from builder.guide import passes, render_guide
from builder.guide.template import GuideTemplate
from builder.layout.load import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve

SAMPLE = Path(__file__).resolve().parent.parent / "sources" / "korean-war.yaml"


def _guide(monkeypatch: pytest.MonkeyPatch, sketch: bool) -> tuple[bytes, int]:
    """The sample's guide from a cold start, and how many paragraphs were drawn."""
    drawn: list[int] = []
    draw = Paragraph.draw

    def counting(self, *args, **kwargs):
        drawn.append(1)
        return draw(self, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "draw", counting)
    if not sketch:
        before = GuideTemplate.beforeDocument

        def drawing_every_pass(self) -> None:
            before(self)
            self.canv.sketch = False

        monkeypatch.setattr(GuideTemplate, "beforeDocument", drawing_every_pass)
    passes.forget()  # cold: no pass settled before
    try:
        data = render_guide(resolve(load_source(SAMPLE), load_layout(None), None))
    finally:
        passes.forget()
        monkeypatch.undo()
    return data, len(drawn)


def test_a_first_pass_that_is_not_drawn_changes_no_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    sketched, drawn_sketched = _guide(monkeypatch, sketch=True)
    every, drawn_every = _guide(monkeypatch, sketch=False)
    assert sketched == every
    assert 0 < drawn_sketched < drawn_every * 0.7  # the first pass drew (almost) nothing
