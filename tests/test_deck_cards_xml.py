"""Card text written directly into the card's own text body (builder/deck/text.write, for a
new autoshape's body) is what python-pptx's API wrote there (prepare_frame, clear, the first
paragraph merged into the template's a:pPr): the sample's decks drawn both ways are the same
bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.deck import render_deck, text
from builder.layout.load import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("source, layout", [
    ("sources/korean-war.yaml", "default"), ("sources/korean-war.yaml", "history-101"),
    ("sources/korean-war.yaml", "large-print"),
    # a card whose heading holds a kept name's line break (left to the API: its a:br)
    ("tests/corpus/meiji-restoration.yaml", "default")])
def test_card_text_written_directly_is_python_pptx_s(source: str, layout: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    document = resolve(load_source(ROOT / source),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), "instructor")
    direct = []
    fresh = text._fresh_shape_body

    def counted(body) -> bool:
        found = fresh(body)
        direct.append(found)
        return found
    monkeypatch.setattr(text, "_fresh_shape_body", counted)
    ours = render_deck(document)
    monkeypatch.setattr(text, "_fresh_shape_body", lambda body: False)  # the API's way
    reference = render_deck(document)
    assert any(direct), "the sample has cards"
    assert ours == reference
