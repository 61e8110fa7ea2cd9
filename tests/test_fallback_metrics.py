"""A fallback stretch sits well beside the layout's face, and is measured as it is drawn.

DejaVu Sans (the bundled fallback) has taller capitals and a larger x-height than Caladea or
Carlito, so its "₂", "⁺" and "μ" are drawn at the size that matches the layout face's cap
height or x-height (``builder.text.glyphs.scale``), in the guide and in the deck; Caladea's
arrows, too small to read, are drawn by the fallback. Read back: pdfplumber gives each
glyph's font and size in the guide, python-pptx each run's font and size in the deck, and
the guide's drawn line is as wide as the builder measured it.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from builder.cli import main
from builder.layout.load import load_layout
from builder.text import glyphs, measure
from builder.text.fallback import segments
from builder.text.fonts import faces

ROOT = Path(__file__).resolve().parent.parent
HISTORY = ROOT / "layouts" / "history-101.yaml"


@pytest.fixture(scope="module")
def serif():
    return faces(load_layout(HISTORY).fonts.body)


def test_a_fallback_stretch_matches_the_layout_faces_heights(serif) -> None:
    runs = {s.text: s for s in segments("H₂O → PSII, μ σ and NADP⁺", serif)}
    x, cap = glyphs.heights(runs["H"].font.name)
    fx, fcap = glyphs.heights(runs["₂"].font.name)
    assert runs["₂"].scale == pytest.approx(cap / fcap, abs=0.002) and runs["₂"].scale < 0.95
    assert runs["μ σ"].scale == pytest.approx(x / fx, abs=0.002)  # lower case: x-height
    assert runs["⁺"].scale == runs["₂"].scale
    sans = faces(load_layout().fonts.body)
    assert all(s.scale == 1.0 for s in segments("강화도 조약", sans))  # CJK keeps its size
    assert segments("plain text", sans)[0].scale == 1.0


def test_an_arrow_the_face_draws_too_small_goes_to_the_fallback(serif) -> None:
    arrow = next(s for s in segments("H₂O → PSII", serif) if "→" in s.text)
    assert not arrow.primary and arrow.font.family == "DejaVu Sans"
    assert glyphs.poor(segments("x", serif)[0].font.name, "→")
    sans = faces(load_layout().fonts.body)
    assert segments("H₂O → PSII", sans)[0].text == "H₂O → PSII"  # Carlito's arrow is fine


def test_measurement_uses_the_drawn_size(serif) -> None:
    text = "CO₂"
    whole = measure.styled_width(text, serif, 20)
    parts = sum(measure.styled_width(s.text, serif, 20) for s in segments(text, serif))
    assert whole == pytest.approx(parts)
    unscaled = measure.styled_width("CO", serif, 20) + 0.001 * 20 * measure._units(
        "₂", segments(text, serif)[1].font.name)
    assert whole < unscaled  # the ₂ is measured at its smaller size


LECTURE = """\
title: Light reactions
sections:
  - title: Water
    blocks:
      - paragraph: "Photosystem II splits water: 2 H₂O → 4 H⁺ + O₂, with μ and σ."
"""


def test_both_outputs_draw_the_stretch_at_that_size(tmp_path: Path, serif) -> None:
    source = tmp_path / "light.yaml"
    source.write_text(LECTURE, encoding="utf-8")
    assert main(["build", str(source), "--layout", str(HISTORY), "--out", str(tmp_path),
                 "-j", "1"]) == 0
    body = load_layout(HISTORY)
    with pdfplumber.open(str(tmp_path / "light.pdf")) as pdf:
        chars = next(page.chars for page in pdf.pages
                     if any(c["text"] == "₂" for c in page.chars))
    line = [c for c in chars if c["text"] == "₂"]
    assert line, "the subscript was read back"
    sub = line[0]
    neighbour = next(c for c in chars if c["text"] == "H" and abs(c["top"] - sub["top"]) < 3)
    assert "DejaVu" in sub["fontname"] and "Caladea" in neighbour["fontname"]
    scale = next(s for s in segments("H₂O", serif) if s.text == "₂").scale
    assert sub["size"] == pytest.approx(neighbour["size"] * scale, abs=0.05)
    arrow = next(c for c in chars if c["text"] == "→")
    assert "DejaVu" in arrow["fontname"]
    # the drawn line is as wide as measured: from the first glyph of "Photosystem" to the
    # end of the paragraph's first line
    row = sorted((c for c in chars if abs(c["top"] - neighbour["top"]) < 2
                  and c["x0"] < 400), key=lambda c: c["x0"])
    drawn = "".join(c["text"] for c in row)
    assert drawn.startswith("Photosystem")
    measured = measure.styled_width(drawn, serif, neighbour["size"])
    assert row[-1]["x1"] - row[0]["x0"] == pytest.approx(measured, abs=1.0)

    runs = [run for slide in Presentation(str(tmp_path / "light.pptx")).slides
            for shape in slide.shapes if shape.has_text_frame
            for para in shape.text_frame.paragraphs for run in para.runs]
    sub_run = next(run for run in runs if run.text == "₂")
    before = next(run for run in runs if run.text.endswith("H") and run.font.size)
    assert sub_run.font.size.pt == pytest.approx(before.font.size.pt * scale, abs=0.02)
    latin = sub_run._r.find("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr/"
                            "{http://schemas.openxmlformats.org/drawingml/2006/main}latin")
    assert latin.get("typeface") == "DejaVu Sans"
    assert body.fonts.body.name == "Caladea"
