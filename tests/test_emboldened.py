"""Bold text in a face with no bold (the installed CJK face) is emboldened in the guide, by
text render mode 2 (fill and stroke, line width a thirtieth of the size, in the text's
colour), and only bold text is; the deck names the run bold in that face."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from builder.deck import render_deck
from builder.guide import render_guide
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from builder.text.fallback import installed_font

LECTURE = """
title: Tokyo (東京)
sections:
  - title: The capital
    blocks:
      - paragraph: "**東京 Tokyo** was Edo; 京都 Kyoto stayed the old capital."
      - people:
          - name: 井伊直弼 (Ii Naosuke)
            role: Chief minister
"""


def _shown(pdf: bytes) -> list[tuple[str, int, float, float]]:
    """Every string the pages show in the CJK face: (BaseFont, render mode, line width,
    size), following the content streams' text state."""
    found = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            fonts = page.Resources.get("/Font", {})
            mode, width, font, size = 0, 1.0, "", 0.0
            stack = []
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op == "q":
                    stack.append((mode, width))
                elif op == "Q" and stack:
                    mode, width = stack.pop()
                elif op == "Tr":
                    mode = int(operands[0])
                elif op == "w":
                    width = float(operands[0])
                elif op == "Tf":
                    font = str(fonts[str(operands[0])].BaseFont)
                    size = float(operands[1])
                elif op in ("Tj", "TJ") and "wenquanyi" in font.lower():
                    found.append((font, mode, width, size))
    return found


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory):
    if installed_font("東") is None or "wqy" not in installed_font("東").name.lower():
        pytest.skip("the WenQuanYi CJK face is not installed")
    path = tmp_path_factory.mktemp("bold") / "tokyo.yaml"
    path.write_text(LECTURE, encoding="utf-8")
    return resolve(load_source(path), load_layout(None), "student")


def test_bold_cjk_is_stroked_and_regular_cjk_is_not(document) -> None:
    assert installed_font("東", bold=True).emboldened
    assert not installed_font("東").emboldened
    shown = _shown(render_guide(document))
    stroked = [item for item in shown if item[1] == 2]
    filled = [item for item in shown if item[1] == 0]
    assert stroked and filled  # bold 東京 / 井伊直弼 stroked; 京都 only filled
    for _, _, width, size in stroked:
        assert width == pytest.approx(size / 30, abs=0.01)


def test_the_deck_names_the_bold_cjk_run_bold(document, tmp_path: Path) -> None:
    from pptx import Presentation

    deck = Presentation(io.BytesIO(render_deck(document)))
    runs = [run for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs if "was Edo" in paragraph.text
            for run in paragraph.runs]
    bold = [run for run in runs if "東京" in run.text]
    regular = [run for run in runs if "京都" in run.text]
    assert bold and all(run.font.bold for run in bold)
    assert regular and not any(run.font.bold for run in regular)
    ea = bold[0]._r.find("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr/"
                         "{http://schemas.openxmlformats.org/drawingml/2006/main}ea")
    assert ea is not None and "WenQuanYi" in ea.get("typeface")


def test_bold_cjk_figure_text_is_stroked(document) -> None:
    """A figure's bold label (a capital on a map) in the CJK face is stroked too."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import Drawing

    from builder.charts import scene as sc
    from builder.guide.figures import _text
    from builder.layout.values import Color

    typeface = sc.Typeface(document.fonts["body"])
    item = sc.Text(10, 10, 200, ("東京 Tokyo",), 12, Color("336699"), bold=True)
    drawing = Drawing(300, 100)
    drawing.add(_text(item, 100, typeface))
    shown = _shown(renderPDF.drawToString(drawing))
    assert [mode for _, mode, _, _ in shown] == [2]
    assert shown[0][2] == pytest.approx(12 / 30, abs=0.01)
