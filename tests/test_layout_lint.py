"""The accessibility lint: WCAG contrast, slide text size, distinguishable chart colours."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.layout import load_layout, read_layout
from builder.layout.lint import (MIN_CHART_DELTA_E, MIN_GRAPHIC_CONTRAST, MIN_TEXT_CONTRAST,
                                 lint, measures, suggest)
from builder.layout.values import Color
from tests.conftest import ROOT


@pytest.mark.parametrize("first, second, ratio", [
    ("000000", "FFFFFF", 21.0), ("FFFFFF", "FFFFFF", 1.0), ("777777", "FFFFFF", 4.48),
    ("1F3A5F", "FFFFFF", 11.48),
])
def test_wcag_contrast_ratio(first: str, second: str, ratio: float) -> None:
    assert Color(first).contrast(Color(second)) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize("first, second, distance", [
    ("FFFFFF", "000000", 100.0), ("FF0000", "FF0000", 0.0), ("FF0000", "00FF00", 170.6),
])
def test_cie76_delta_e(first: str, second: str, distance: float) -> None:
    assert Color(first).delta_e(Color(second)) == pytest.approx(distance, abs=0.2)


def test_suggestion_reaches_the_minimum_and_stays_close() -> None:
    fixed = suggest(Color("AAAAAA"), Color("FFFFFF"), MIN_TEXT_CONTRAST)
    assert fixed.contrast(Color("FFFFFF")) >= MIN_TEXT_CONTRAST
    assert fixed.contrast(Color("FFFFFF")) < 5.0  # the nearest passing grey, not black
    dark = suggest(Color("333333"), Color("1F3A5F"), MIN_TEXT_CONTRAST)
    assert dark.contrast(Color("1F3A5F")) >= MIN_TEXT_CONTRAST and dark.relative_luminance() > 0.3


@pytest.mark.parametrize("name", ["default", "history-101", "large-print"])
def test_every_shipped_layout_passes_every_measure(name: str) -> None:
    layout = load_layout(ROOT / "layouts" / f"{name}.yaml")
    failing = [m for m in measures(layout) if not m.passes]
    assert failing == []
    assert lint(layout) == []


def test_packaged_default_passes() -> None:
    assert lint(load_layout()) == []


def test_the_lint_measures_every_pair_it_promises() -> None:
    labels = [m.label.split(":")[0] for m in measures(load_layout())]
    for expected in ("text on background", "muted on background", "primary on background",
                     "accent on background", "text on surface", "on_primary on primary",
                     "chart[0] on background", "ΔE chart[5] #5B8C4A → chart[0] #1F3A5F",
                     "slide body size", "smallest slide body size"):
        assert any(label.startswith(expected) for label in labels), expected


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "layout.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_dark_deck_background_checks_the_text_colours_against_it(tmp_path: Path) -> None:
    loaded = read_layout(write(tmp_path, "deck:\n  background: '#1D1D1F'\n"), strict=False)
    fields = {problem.field for problem in loaded.warnings}
    assert {"deck.background", "palette.chart[0]"} <= fields  # navy text/bars on near-black
    assert all(f == "deck.background" or f.startswith("palette.chart[") for f in fields)
    assert all(problem.line == 2 for problem in loaded.warnings if problem.field == "deck.background")


def test_the_last_chart_colour_meets_the_first(tmp_path: Path) -> None:
    """In a pie, the last slice touches the first: they must differ too."""
    loaded = read_layout(write(tmp_path, "palette:\n  chart: ['#1F3A5F', '#B00020', '#006B3C', "
                                         "'#213C62']\n"), strict=False)
    assert [p.field for p in loaded.warnings] == ["palette.chart[0]"]
    assert "chart[3] #213C62 → chart[0] #1F3A5F" in loaded.warnings[0].message


def test_thresholds_are_the_documented_ones() -> None:
    assert (MIN_TEXT_CONTRAST, MIN_GRAPHIC_CONTRAST, MIN_CHART_DELTA_E) == (4.5, 3.0, 20.0)


def test_strict_false_in_the_layout_is_overridden_by_strict_true(tmp_path: Path) -> None:
    path = write(tmp_path, "strict: false\ndeck:\n  sizes: {body: 16, min_body: 14}\n")
    assert len(read_layout(path).warnings) == 2
    from builder.errors import LayoutError

    with pytest.raises(LayoutError) as caught:
        read_layout(path, strict=True)
    assert [p.field for p in caught.value.problems] == ["deck.sizes.body", "deck.sizes.min_body"]
