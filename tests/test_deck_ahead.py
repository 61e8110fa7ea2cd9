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


@pytest.mark.parametrize("layout", [None, "large-print.yaml", "history-101.yaml"])
def test_the_maps_boxed_before_the_plan_are_the_maps_the_plan_draws(layout: str | None) -> None:
    """``start_early`` plans only the sections that show a map: each map's box must be the
    one the whole plan gives it, or the scene computed ahead is never asked for."""
    from builder.deck.grid import Grid
    from builder.deck.plan import plan_deck, plan_sections
    from builder.deck.slides import logo_aspect
    from builder.deck.template import open_deck
    from builder.text.adapt import collecting

    root = SAMPLE.parent.parent / "layouts"
    document = resolve(load_source(SAMPLE), load_layout(root / layout if layout else None), None)
    deck = document.layout.deck
    grid = Grid.build(deck, open_deck(document.layout).size, logo_aspect(deck.logo))
    def boxes(plan) -> list[tuple]:
        return [(figure.id, box.left, box.top, box.width, box.height)
                for figure, box in ahead.map_boxes(document, grid, plan)]

    with collecting():
        early = boxes(plan_sections(document, grid, lambda section: True))
        planned = boxes(plan_deck(document, grid))
    assert early and early == planned
