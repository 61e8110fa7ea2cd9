"""Arabic and Hebrew names in a left-to-right lecture read correctly in both outputs.

The deck keeps them as written (PowerPoint and LibreOffice shape and order them) and tags
their runs with their language; the guide, whose renderer draws left to right, prints them
shaped and in visual order (``builder.text.rtl``). Read back: pdfplumber's glyphs in the
guide from left to right, python-pptx's runs in the deck, and the deck as LibreOffice draws it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

import render_check
from builder.cli import main
from builder.text.rtl import visual
from builder.text.scripts import part_language

ARABIC, HEBREW = "ابن خلدون", "דוד בן-גוריון"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def test_a_right_to_left_stretch_is_shaped_and_in_visual_order() -> None:
    hebrew = visual(HEBREW)
    assert hebrew == "ןוירוג-ןב\u00a0דוד"  # read right to left: דוד בן-גוריון, bound
    arabic = visual(ARABIC)
    assert "\u0627" not in arabic and "\ufe8d" in arabic  # alef in its presentation form
    assert arabic.split("\u00a0")[-1].endswith("\ufe8d")  # ابن: the right-hand word, alef last
    assert visual("plain Latin, 1377") == "plain Latin, 1377"
    assert visual(f"Ibn Khaldun ({ARABIC}) wrote") == f"Ibn Khaldun ({arabic}) wrote"


def test_the_language_of_a_right_to_left_passage_is_named() -> None:
    assert part_language(ARABIC, "en", "zh") == "ar"
    assert part_language(HEBREW, "en", "zh") == "he"
    assert part_language(ARABIC, "ar", "zh") is None
    assert part_language("Ibn Khaldun", "en", "zh") is None


LECTURE = f"""\
title: Historians of the Mediterranean
sections:
  - title: Two historians
    blocks:
      - paragraph: "Ibn Khaldun ({ARABIC}) wrote the Muqaddimah in 1377."
      - paragraph: "David Ben-Gurion ({HEBREW}) read it."
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rtl")
    source = out / "historians.yaml"
    source.write_text(LECTURE, encoding="utf-8")
    assert main(["build", str(source), "--out", str(out), "-j", "1"]) == 0
    return out


def _glyphs_left_to_right(page, first: str, last: str) -> str:
    """The characters drawn between the brackets after ``first`` on its line, left to right."""
    start = next(c for c in page.chars if c["text"] == first)
    row = sorted((c for c in page.chars if abs(c["top"] - start["top"]) < 2 and
                  c["x0"] > start["x0"]), key=lambda c: c["x0"])
    text = "".join(c["text"] for c in row)
    return text.split("(", 1)[1].split(")", 1)[0].replace("\u00a0", " ")


def test_the_guide_draws_them_shaped_and_right_to_left(built: Path) -> None:
    with pdfplumber.open(str(built / "historians.pdf")) as pdf:
        page = next(p for p in pdf.pages if any(c["text"] == "K" for c in p.chars)
                    and "Muqaddimah" in (p.extract_text() or ""))
        assert _glyphs_left_to_right(page, "K", ")") == visual(ARABIC).replace("\u00a0", " ")
        assert _glyphs_left_to_right(page, "G", ")") == HEBREW[::-1].replace("\u00a0", " ")
        fonts = {c["fontname"] for c in page.chars if "\ufe70" <= c["text"] <= "\ufefc"}
        assert fonts and all("DejaVu" in font for font in fonts)


def test_the_deck_keeps_them_as_written_in_their_language(built: Path) -> None:
    runs = {}
    for slide in Presentation(str(built / "historians.pptx")).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        runs[run.text] = run._r.find(f"{A}rPr")
    assert runs[ARABIC].get("lang") == "ar-SA"
    assert runs[ARABIC].find(f"{A}cs").get("typeface") == "DejaVu Sans"
    hebrew = [text for text in runs if "\u05d3" in text]
    assert hebrew and all(runs[text].get("lang") == "he-IL" for text in hebrew)


@pytest.mark.skipif(not render_check.available(), reason="LibreOffice or poppler missing")
def test_libreoffice_draws_the_deck_in_reading_order(built: Path, tmp_path: Path) -> None:
    deck = built / "historians.pptx"
    pdf = render_check.convert_decks([deck], tmp_path, render_check.temporary_profile())[deck]
    text = subprocess.run([shutil.which("pdftotext"), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert ARABIC in text  # shaped by LibreOffice, extracted in logical order
    assert render_check.check_deck(deck, pdf) == []


def test_a_screen_reader_reads_the_guides_stretch_as_written(built: Path) -> None:
    import pikepdf

    found = {}
    with pikepdf.open(str(built / "historians.pdf")) as pdf:
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            element = stack.pop()
            if "/ActualText" in element and "/Lang" in element:
                found[str(element.Lang)] = str(element.ActualText)
            kids = element.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack += [kid for kid in kids if isinstance(kid, pikepdf.Dictionary)]
            elif isinstance(kids, pikepdf.Dictionary):
                stack.append(kids)
    assert found.get("ar") == ARABIC
    assert found.get("he") == HEBREW  # one Span: the hyphen stays inside the stretch
