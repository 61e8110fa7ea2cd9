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


PARAGRAPH = ("كتب ابن خلدون المقدمة في عام 1377، وهي من أهم كتب التاريخ والاجتماع في العالم "
             "الإسلامي. درس فيها قيام الدول وسقوطها وأسباب ذلك في تاريخ المغرب والمشرق.")
ITEMS = ["العصبية أساس قيام الدولة", "הדולה עוברת שלבים מן הצמיחה אל הזקנה"]
WHOLE = f"""\
title: Historians of the Mediterranean
sections:
  - title: Two historians
    blocks:
      - paragraph: "Ibn Khaldun ({ARABIC}) wrote the Muqaddimah in 1377."
      - paragraph: "{PARAGRAPH}"
      - bullets:
          - "{ITEMS[0]}"
          - "{ITEMS[1]}"
          - "Asabiyyah: group feeling"
      - table:
          header: [Name, Arabic]
          rows:
            - ["Ibn Khaldun", "{ARABIC}"]
"""


def test_a_whole_right_to_left_paragraph_is_set_from_the_right(tmp_path: Path) -> None:
    """Guide: the Arabic paragraph's lines end at the right margin, its first words on its
    first line at the right (read back with pdfplumber, positions of the drawn glyphs); the
    Arabic bullets hang on the right of their text, the English one on the left. Deck: the
    paragraph, the bullets and the cell are rtl="1" algn="r"; the English ones are not."""
    from builder.text.rtl import right_to_left
    assert right_to_left(PARAGRAPH) and right_to_left(ITEMS[1]) and right_to_left("1377 ،ابن")
    assert not right_to_left(f"Ibn Khaldun ({ARABIC})") and not right_to_left("1377")
    source = tmp_path / "whole.yaml"
    source.write_text(WHOLE, encoding="utf-8")
    assert main(["build", str(source), "--out", str(tmp_path), "-j", "1"]) == 0
    with pdfplumber.open(str(tmp_path / "whole.pdf")) as pdf:
        page = next(p for p in pdf.pages if "Muqaddimah" in (p.extract_text() or ""))
        latin = [w for w in page.extract_words() if w["text"] in ("Ibn", "Asabiyyah:")]
        left_margin = min(w["x0"] for w in latin)
        arabic = sorted((c for c in page.chars if "\ufe70" <= c["text"] <= "\ufefc"),
                        key=lambda c: (round(c["top"]), c["x0"]))
        rows: dict[int, list] = {}
        for char in arabic:
            rows.setdefault(round(char["top"] / 3), []).append(char)
        paragraph_rows = [row for row in rows.values() if len(row) > 30]
        assert len(paragraph_rows) >= 2, "the paragraph wraps"
        right = max(c["x1"] for c in arabic)
        for row in paragraph_rows:  # right-aligned: every line ends at the same right edge
            assert abs(max(c["x1"] for c in row) - right) < 2
        assert min(c["x0"] for c in paragraph_rows[-1]) > left_margin + 20  # a short last line
        first_line = "".join(c["text"] for c in sorted(paragraph_rows[0], key=lambda c: -c["x0"]))
        # read from the right, the first line begins with the paragraph's first word (كتب)
        assert first_line.startswith(visual("كتب")[::-1][:2])
        bullets = [c for c in page.chars if c["text"] == "•"]
        hebrew = [c for c in page.chars if "\u05d0" <= c["text"] <= "\u05ea"]
        hebrew_row = [c for c in bullets if any(abs(c["top"] - h["top"]) < 3 for h in hebrew)]
        assert hebrew_row and hebrew_row[0]["x0"] > max(h["x1"] for h in hebrew
                                                        if abs(h["top"] - hebrew_row[0]["top"]) < 3)
        english = [c for c in bullets if c["x0"] < left_margin + 5]
        assert english, "the English bullet stays on the left"
    deck = Presentation(str(tmp_path / "whole.pptx"))
    properties = {}
    for slide in deck.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else [
                cell.text_frame for row in shape.table.rows for cell in row.cells] \
                if shape.has_table else []
            for frame in frames:
                for paragraph in frame.paragraphs:
                    found = paragraph._p.find(f"{A}pPr")
                    properties[paragraph.text] = found.attrib if found is not None else {}
    for text in (PARAGRAPH, *ITEMS, ARABIC):
        assert properties[text].get("rtl") == "1" and properties[text].get("algn") == "r", text
    for text in ("Asabiyyah: group feeling", "Ibn Khaldun"):
        assert properties[text].get("rtl") is None, text
