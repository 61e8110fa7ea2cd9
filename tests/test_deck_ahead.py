"""A cold build's deck process computes its maps' scenes in one more process, on the core the
guide's process leaves idle (``builder.deck.ahead``): the deck it draws must be the bytes of a
deck that computed its maps itself, and when that process fails the deck computes the map
itself and still draws the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.charts import maps
from builder.deck import ahead, render_deck
from builder.layout.load import load_layout
from builder.load.source import load_source
from builder.resolve import scenecache
from builder.resolve.document import resolve
from builder.worker import DeckWorker

SAMPLE = Path(__file__).resolve().parent.parent / "sources" / "korean-war.yaml"

pytestmark = pytest.mark.skipif(not DeckWorker.possible(), reason="needs fork and two cores")


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many map scenes this process computes (the forked one counts its own)."""
    calls: list[int] = []
    fitted = maps._fitted

    def counting(*args, **kwargs):
        calls.append(1)
        return fitted(*args, **kwargs)

    monkeypatch.setattr(maps, "_fitted", counting)
    return calls


def _deck(spare: bool) -> bytes:
    scenecache.clear()
    ahead.use_spare_core(spare)
    try:
        return render_deck(resolve(load_source(SAMPLE), load_layout(None), None))
    finally:
        ahead.use_spare_core(False)
        scenecache.clear()


@pytest.fixture(scope="module")
def here() -> bytes:
    """The sample's deck, its map computed in this process."""
    return _deck(spare=False)


def test_a_map_computed_ahead_draws_the_deck_computed_here(here: bytes,
                                                            counted: list[int]) -> None:
    assert _deck(spare=True) == here
    assert not counted, "the map's scene came from the other process"


def test_a_failed_process_leaves_the_map_to_the_deck(here: bytes, counted: list[int],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args, **kwargs):
        raise RuntimeError("the process ahead fails")

    monkeypatch.setattr(ahead, "map_scene", failing)  # only the forked process calls this name
    assert _deck(spare=True) == here
    assert counted, "the deck computed its map itself"
