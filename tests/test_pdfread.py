"""The check's guide reader (``builder.check.pdfread``, qpdf through pikepdf) finds what pypdf
finds: the same named destinations and outline, and on every page the same text once
whitespace is set aside (the check compares nothing else of a page's text)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from builder.check import readback
from builder.check.pdfread import CharMap, PdfFile
from builder.cli import main

# a lecture whose guide draws in fallback faces: Hangul, kanji, Arabic and Hebrew (shaped, in
# visual order), besides the layout's own faces in every style
PARAGRAPHS = ("Seoul (서울), Edo (江戸), Ibn Khaldun (ابن خلدون), David Ben-Gurion (דוד בן-גוריון).",
              "**Bold**, *italic* and ***both***, with “quotes” – and a dash.")
LECTURE = "title: Names in many scripts\nsections:\n  - title: Names\n    blocks:\n" + "".join(
    f'      - paragraph: "{paragraph}"\n' for paragraph in PARAGRAPHS)


def _same_as_pypdf(path: Path) -> None:
    ours, theirs = PdfFile(path), PdfReader(str(path))
    assert ours.page_count == len(theirs.pages)
    for number, page in enumerate(theirs.pages, start=1):
        assert readback._squeeze(ours.page_text(number)) == \
            readback._squeeze(page.extract_text()), f"page {number}"
    destinations = {str(name).removeprefix("/"): (theirs.get_destination_page_number(value) + 1,
                                                   float(value.top))
                    for name, value in theirs.named_destinations.items()}
    assert {name: (target.page, target.top)
            for name, target in readback.named_destinations(ours).items()} == destinations


def test_the_sample_guide_reads_as_pypdf_reads_it(sample_build: Path) -> None:
    guide = sample_build / "korean-war.pdf"
    _same_as_pypdf(guide)
    flat: list = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                flat.append((str(item.title), reader.get_destination_page_number(item) + 1))

    reader = PdfReader(str(guide))
    walk(reader.outline)
    assert [(title, target.page) for title, target in
            readback.outline_entries(PdfFile(guide))] == flat
    assert len(flat) > 5


def test_text_in_fallback_faces_is_read_as_written(tmp_path: Path) -> None:
    """Each paragraph is found on its page as the source writes it. (pypdf moves the
    punctuation beside a right-to-left stretch: "Khaldun (…,)David"; the text here is the
    order the page draws, which the check's match, blind to right-to-left letters, expects.)"""
    source = tmp_path / "names.yaml"
    source.write_text(LECTURE, encoding="utf-8")
    assert main(["build", str(source), "--out", str(tmp_path), "--format", "pdf"]) == 0
    pdf = PdfFile(tmp_path / "names.pdf")
    text = pdf.page_text(pdf.page_count)
    assert readback.text_on_page(PARAGRAPHS[0], text)
    assert readback.text_on_page(PARAGRAPHS[1].replace("*", ""), text)
    assert "서울" in text and "江戸" in text and "Ben-Gurion" in text
    assert not readback.text_on_page("Khaldun (,)", text)


def test_a_page_in_standard_fonts_is_read_by_pypdf(tmp_path: Path) -> None:
    """Helvetica has no ToUnicode map: its page falls back to pypdf's simple encodings."""
    path = tmp_path / "standard.pdf"
    canvas = Canvas(str(path), invariant=1)
    for font, text in (("Helvetica", "Alpha"), ("Times-Roman", "Beta – café")):
        canvas.setFont(font, 12)
        canvas.drawString(72, 720, text)
        canvas.showPage()
    canvas.save()
    pdf = PdfFile(path)
    assert [pdf.page_text(n).strip() for n in (1, 2)] == ["Alpha", "Beta – café"]


def test_a_character_map_with_ranges_and_two_byte_codes() -> None:
    cmap = CharMap(b"""/CIDInit /ProcSet findresource begin
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        2 beginbfchar <0003> <0020> <0010> <00660069> endbfchar
        2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<03B1> <03B2>] endbfrange
        endcmap""")
    assert cmap.decode(bytes.fromhex("0020002100220003003000310010")) == "ABC αβfi"
    assert cmap.decode(bytes.fromhex("0999")) == ""  # a code with no text


@pytest.mark.parametrize("fit, arguments, top", [
    ("/XYZ", [72, 500, 0], 500.0), ("/FitH", [500], 500.0), ("/FitR", [0, 100, 300, 500], 500.0),
    ("/XYZ", [72, None, 0], None), ("/Fit", [], None)])
def test_a_destination_leads_to_its_page_and_top(tmp_path: Path, fit: str, arguments: list,
                                                  top: float | None) -> None:
    """As pypdf reads a destination's top for each kind of fit."""
    path = tmp_path / "pages.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.showPage()
    canvas.showPage()
    canvas.save()
    pdf = PdfFile(path)
    destination = pikepdf.Array([pdf.pdf.pages[1].obj, pikepdf.Name(fit), *arguments])
    assert pdf.target(destination) == (2, top)
    assert pdf.target(pikepdf.Dictionary(D=destination)) == (2, top)
    assert pdf.target(pikepdf.Array([7, pikepdf.Name(fit)])) is None  # not a page of this file
