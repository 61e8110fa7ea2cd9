"""The render check sees inside figures: strings of a drawing printed over each other.

A guide bar chart set 3-line names in 2-line slots ("(March 27, 1964)" over
"Sumatra–Andaman,") and ``check_guide`` reported nothing: poppler joined the colliding
strings into one line, and the word rule compares words of different lines only. The glyph
rule (``render_check.glyph_collisions``) compares every glyph with the glyphs of other
strings. Drawn here with reportlab as the guide draws a figure's labels."""

from __future__ import annotations

import shutil

import pytest
from reportlab.graphics.renderPDF import draw as draw_drawing
from reportlab.graphics.shapes import Drawing, String
from reportlab.pdfgen.canvas import Canvas

import render_check

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler missing")


def _pdf(tmp_path, strings) -> object:
    path = tmp_path / "figure.pdf"
    canvas = Canvas(str(path), pagesize=(400, 300))
    drawing = Drawing(300, 200)
    for x, y, text in strings:
        drawing.add(String(x, y, text, fontName="Helvetica", fontSize=12))
    draw_drawing(drawing, canvas, 50, 50)
    canvas.showPage()
    canvas.save()
    return path


@needs_poppler
@pytest.mark.parametrize("x,y", [(14, 95), (40, 100)])  # half a line lower; on one baseline
def test_labels_of_a_drawing_printed_over_each_other_are_found(tmp_path, x, y) -> None:
    path = _pdf(tmp_path, [(10, 100, "Sumatra–Andaman,"), (x, y, "(March 27, 1964)"),
                           (10, 40, "Valdivia, Chile")])
    findings = render_check.check_guide(path, render_check.Margins(20, 20, 20, 20))
    assert any("Sumatra" in str(f) and "March" in str(f) for f in findings), findings
    assert not any("Valdivia" in str(f) for f in findings)
    collided = render_check.glyph_collisions(path)[1]
    assert [(first, second) for first, second, _ in collided] == [
        ("Sumatra–Andaman,", "(March27,1964)")]


@needs_poppler
def test_labels_set_apart_are_not_findings(tmp_path) -> None:
    path = _pdf(tmp_path, [(10, 100, "Sumatra–Andaman,"), (10, 86, "(March 27, 1964)"),
                           (150, 100, "Valdivia, Chile")])
    assert render_check.check_guide(path, render_check.Margins(20, 20, 20, 20)) == []
    assert render_check.glyph_collisions(path) == {}


@needs_poppler
def test_an_axis_title_turned_up_the_side_is_not_an_overlap(tmp_path) -> None:
    """Poppler boxes the short words of vertical text ("of", "=") as if upright, so they
    'overlapped' the words above them in "Number of students (n = 30)" (describing-data
    large-print deck): words of one vertical line are not compared with each other."""
    path = tmp_path / "axis.pdf"
    canvas = Canvas(str(path), pagesize=(400, 300))
    drawing = Drawing(300, 200)
    drawing.add(String(0, 0, "Number of students", fontName="Helvetica", fontSize=18))
    drawing.add(String(46, -14, "(n = 30)", fontName="Helvetica", fontSize=18))
    drawing.rotate(90)
    draw_drawing(drawing, canvas, 100, 40)
    canvas.showPage()
    canvas.save()
    assert render_check.check_guide(path, render_check.Margins(20, 20, 20, 20)) == []
