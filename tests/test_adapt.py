"""Legitimate content is set, never refused: long titles, labels, cards, rows and words adapt,
each adaptation beyond the layout's preferred sizes is a ``path:line:col`` warning, and
``--strict`` turns those warnings into errors (exit 2, nothing written)."""

from __future__ import annotations

import time
from pathlib import Path

from pptx import Presentation

from builder.cli import main
from builder.deck import fit
from builder.deck.grid import Box
from builder.deck.plan import plan_deck
from builder.deck.specs import Para
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from builder.text.adapt import collecting

LONG_LABEL = " ".join(["a long and careful series of weighings over many years"] * 5)
LONG_TITLE = " ".join(["The light reactions of photosynthesis in the thylakoid"] * 4)
HUGE_WORD = "x" * 5000
# a label near the 500-character bound on labels (builder/model/limits.py): far too long for
# one slide, still legitimate
LABEL_AT_LIMIT = f"{LONG_LABEL} {LONG_LABEL}"[:480].rstrip()

STRESS = f"""
title: Photosynthesis
sections:
  - title: {LONG_TITLE}
    blocks:
      - paragraph: {HUGE_WORD}
      - statistics:
          - {{value: "6 CO₂", label: "{LABEL_AT_LIMIT}"}}
          - {{value: "38", label: ATP per glucose}}
      - table:
          caption: Compartments
          header: [Compartment, Process]
          rows:
            - [Thylakoid, "{LONG_LABEL} {LONG_LABEL} {LONG_LABEL} {LONG_LABEL} {LONG_LABEL}"]
            - [Stroma, Calvin cycle]
  - title: History
    blocks:
      - timeline:
          - {{date: 1771, label: Priestley}}
          - {{date: 1779, label: Ingenhousz}}
          - {{date: 1804, label: "{LABEL_AT_LIMIT}"}}
          - {{date: 1845, label: Mayer}}
"""


def test_long_content_builds_with_warnings_at_their_lines(write_source, tmp_path, capsys):
    source = write_source(STRESS)
    out = tmp_path / "out"
    started = time.monotonic()
    assert main(["build", str(source), "--out", str(out)]) == 0
    assert time.monotonic() - started < 300  # a 5,000-character word does not hang the fit
    error = capsys.readouterr().err
    warnings = [line for line in error.splitlines() if ": warning: " in line]
    assert any("timeline label" in line for line in warnings)
    assert all(line.startswith(f"{source}:") for line in warnings)
    assert {path.suffix for path in out.iterdir()} >= {".pdf", ".pptx"}
    deck = Presentation(out / f"{source.stem}.pptx")
    text = "".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                   if shape.has_text_frame)
    assert text.count("x") >= 5000  # the whole word is on the slides, broken across them
    assert "Priestley" in text and "Mayer" in text


def test_strict_turns_adaptations_into_errors(write_source, tmp_path, capsys):
    source = write_source(STRESS)
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out), "--strict"]) == 2
    error = capsys.readouterr().err
    assert f"{source}:" in error and "(--strict)" in error and "Traceback" not in error
    assert not out.exists() or not any(out.iterdir())


def test_a_title_wraps_to_three_lines_then_shrinks_then_is_never_refused(write_source):
    document = resolve(load_source(write_source(STRESS)), load_layout())
    faces = document.fonts["heading"]
    box = Box(0, 0, 600, 2 * 36 * 1.1 + 8, 0.0, 4.0)
    short = fit.adapt_title("Photosynthesis", faces, box, 36, 26, 18)
    assert short.size == 36 and short.text == "Photosynthesis" and not short.adapted
    longer = fit.adapt_title(LONG_TITLE[:120], faces, box, 36, 26, 18)
    assert longer.text == LONG_TITLE[:120]
    enormous = fit.adapt_title(LONG_TITLE * 20, faces, box, 36, 26, 18)
    assert enormous.adapted and enormous.text.endswith("…") and enormous.size == 18
    lines = fit.para_lines(Para(fit.plain_runs(enormous.text, bold=True)), faces, 18,
                           box.inner_width)
    assert lines * fit.line_height(18, 1.1) <= box.inner_height + 1e-6


def test_adaptations_are_collected_per_build(write_source):
    document = resolve(load_source(write_source(STRESS)), load_layout())
    with collecting() as adaptations:
        plan_deck(document)
    assert any("timeline label" in item.message for item in adaptations)
    assert all(item.where for item in adaptations)
    plan_deck(document)  # outside a collection: nothing recorded, nothing raised


def test_a_word_longer_than_a_line_is_split_between_characters(write_source):
    document = resolve(load_source(write_source(STRESS)), load_layout())
    faces = document.fonts["body"]
    head, tail = fit.split_para(Para(fit.plain_runs(HUGE_WORD)), faces, 20, 400, 3)
    assert head is not None
    assert "".join(r.text for r in head.runs) + "".join(r.text for r in tail.runs) == HUGE_WORD
    assert fit.para_lines(head, faces, 20, 400) <= 3


def _figure_lecture(caption: str) -> str:
    return f"""
title: Captions
sections:
  - title: Results
    blocks:
      - paragraph: Before the figure.
      - figure: yields
figures:
  - id: yields
    kind: bar
    caption: "{caption}"
    alt: Bar chart of two yields.
    categories: [A, B]
    series: [{{name: Yield, values: [1, 2]}}]
"""


def test_a_long_figure_caption_shrinks_then_moves_to_its_own_slide(write_source, tmp_path,
                                                                   capsys):
    """A caption is never refused: set smaller to the floor, else it follows the figure on a
    slide of its own (its box still named caption-<id>, so the read-back check finds it)."""
    for words, expected in ((100, "caption set at"), (150, "follows on a slide of its own")):
        caption = " ".join(f"observation{index}" for index in range(words))
        source = write_source(_figure_lecture(caption), name=f"caption{words}.yaml")
        out = tmp_path / f"out{words}"
        assert main(["build", str(source), "--out", str(out)]) == 0  # includes the check
        error = capsys.readouterr().err
        assert any(line.startswith(f"{source}:") and expected in line
                   for line in error.splitlines()), error
        deck = Presentation(out / f"{source.stem}.pptx")
        boxes = [(number, shape.text_frame.text) for number, slide in enumerate(deck.slides)
                 for shape in slide.shapes if shape.name == "caption-yields"]
        figure = [number for number, slide in enumerate(deck.slides)
                  for shape in slide.shapes if shape.name.startswith("figure-yields")]
        assert f"observation{words - 1}" in " ".join(text for _, text in boxes)
        assert boxes[0][0] == figure[0] + (1 if words == 150 else 0)


def test_a_title_kept_at_the_preferred_size_on_more_lines_says_so_without_contradiction(
        write_source):
    """The floor can equal the smallest preferred size (large print: 24 pt both): a long
    title then keeps 24 pt on more lines, and the warning says lines, not 'at 24 pt, under
    the layout's preferred 24 pt'."""
    document = resolve(load_source(write_source(STRESS)), load_layout())
    faces = document.fonts["heading"]
    box = Box(0, 0, 400, 6 * 24 * 1.1 + 8, 0.0, 4.0)
    fitted = fit.adapt_title(LONG_TITLE[:160], faces, box, 24, 24, 24)
    assert fitted.size == 24 and fitted.text == LONG_TITLE[:160]
    assert fitted.adapted.startswith("set on ") and "lines" in fitted.adapted
    assert "under the layout's preferred" not in fitted.adapted
