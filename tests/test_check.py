"""Reading the outputs back and ``course-builder check``, on small files made here to the contract.

The guide and deck made here follow the renderer contract (named destinations and outline in
the PDF, named shapes in the PPTX), so these tests do not depend on the real renderers; the
end-to-end tests in test_check_e2e.py run the real ones.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDictionary
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from builder.check.compare import check_paths, find_lectures
from builder.cli import main
from builder.deck.package import normalize_zip
from builder.errors import CheckError, InputError
from builder.check.manifest import dumps
from builder.check.readback import (deck_figures, deck_sections, normalize_text, pdf_figures,
                              pdf_sections, text_on_page)
from tests.conftest import ROOT

FONT = "CheckLiberationSans"
pdfmetrics.registerFont(TTFont(FONT, str(ROOT / "builder/fonts/LiberationSans-Regular.ttf")))


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str


@dataclass(frozen=True)
class FigureSpec:
    id: str
    caption: str  # as printed: "Figure 1. …"
    section: str  # key of the section it appears in


SECTIONS = [SectionSpec("intro", "Introduction"), SectionSpec("begins", "The War Begins"),
            SectionSpec("china-enters", "China Enters the War")]
FIGURES = [FigureSpec("casualties", "Figure 1. Casualties by year", "begins")]


class _NamedDestinationCanvas(canvas.Canvas):
    """reportlab writes bookmarks inline only; the contract needs a ``/Dests`` dictionary too."""

    def save(self) -> None:
        names = sorted(self._destinations)
        self._doc.Catalog.Dests = PDFDictionary({n: self._bookmarkReference(n) for n in names})
        super().save()


def guide_bytes(sections: list[SectionSpec], figures: list[FigureSpec], *,
                same_page: bool = False, with_outline: bool = True) -> bytes:
    """A guide to the contract: a cover, then one page per section (or all on one page)."""
    buffer = io.BytesIO()
    pdf = _NamedDestinationCanvas(buffer, pagesize=A4, invariant=1)
    pdf.setFont(FONT, 20)
    pdf.drawString(72, 760, "The Korean War")
    pdf.showPage()
    y = 760.0
    for index, section in enumerate(sections):
        if not same_page and index:
            pdf.showPage()
            y = 760.0
        pdf.setFont(FONT, 18)
        pdf.drawString(72, y, section.title)
        pdf.bookmarkHorizontal(f"section-{section.key}", 0, y + 20)
        if with_outline:
            pdf.addOutlineEntry(section.title, f"section-{section.key}", level=0)
        y -= 40
        for figure in (f for f in figures if f.section == section.key):
            pdf.rect(72, y - 120, 300, 120)
            pdf.bookmarkHorizontal(f"figure-{figure.id}", 0, y)
            pdf.setFont(FONT, 10)
            pdf.drawString(72, y - 136, figure.caption)
            y -= 170
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


FIXED_SAVE_TIME = dt.datetime(2000, 1, 1)


def deck_bytes(sections: list[SectionSpec], figures: list[FigureSpec], *,
               group_figures: bool = False) -> bytes:
    """A deck to the contract: a title slide, a section slide per section, a slide per figure."""
    deck = Presentation()
    deck.slides.add_slide(deck.slide_layouts[0]).shapes.title.text = "The Korean War"
    for section in sections:
        slide = deck.slides.add_slide(deck.slide_layouts[2])
        slide.shapes.title.name = f"section-{section.key}"
        slide.shapes.title.text = section.title
        for figure in (f for f in figures if f.section == section.key):
            slide = deck.slides.add_slide(deck.slide_layouts[6])
            if group_figures:
                group = slide.shapes.add_group_shape()
                group.shapes.add_shape(1, Inches(1), Inches(1), Inches(4), Inches(3)).name = \
                    f"figure-{figure.id}"
            else:
                slide.shapes.add_shape(1, Inches(1), Inches(1), Inches(4), Inches(3)).name = \
                    f"figure-{figure.id}"
            box = slide.shapes.add_textbox(Inches(1), Inches(4.5), Inches(8), Inches(1))
            box.name = f"caption-{figure.id}"
            box.text_frame.text = figure.caption
            box.text_frame.add_paragraph().text = "Source: a credit line"
    buffer = io.BytesIO()
    deck.core_properties.modified = deck.core_properties.created = FIXED_SAVE_TIME
    deck.save(buffer)
    return normalize_zip(buffer.getvalue())  # deterministic, as the real deck is


def manifest_for(sections: list[SectionSpec], figures: list[FigureSpec], stem: str) -> dict:
    """The manifest a build of these files would write (cover page/slide first)."""
    pages, slides, slide = {}, {}, 1
    for index, section in enumerate(sections):
        pages[section.key] = index + 2
        slide += 1
        slides[section.key] = slide
        for figure in (f for f in figures if f.section == section.key):
            pages[figure.id] = index + 2
            slide += 1
            slides[figure.id] = slide
    return {
        "manifest": 1, "builder": {"name": "course-builder", "version": "test"}, "stem": stem,
        "edition": "student", "inputs": {},
        "outputs": {"pdf": f"{stem}.pdf", "pptx": f"{stem}.pptx"},
        "sections": [{"id": s.key, "title": s.title, "pdf_page": pages[s.key],
                      "deck_slide": slides[s.key]} for s in sections],
        "figures": [{"id": f.id, "number": number, "caption": f.caption, "pdf_page": pages[f.id],
                     "deck_slide": slides[f.id]} for number, f in enumerate(figures, start=1)],
    }


def write_lecture(folder: Path, stem: str = "lecture", sections: list[SectionSpec] = SECTIONS,
                  figures: list[FigureSpec] = FIGURES) -> Path:
    """Write a matching guide, deck and manifest; return the manifest's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.pdf").write_bytes(guide_bytes(sections, figures))
    (folder / f"{stem}.pptx").write_bytes(deck_bytes(sections, figures))
    manifest = folder / f"{stem}.manifest.json"
    manifest.write_bytes(dumps(manifest_for(sections, figures, stem)))
    return manifest


def check_errors(paths: list[Path], capsys) -> list[str]:
    """Run ``course-builder check``; expect exit 1 and return the error lines."""
    assert main(["check", *map(str, paths)]) == 1
    return capsys.readouterr().err.splitlines()


# --------------------------------------------------------------------------- readback: the guide

def test_pdf_sections_come_from_destinations_titled_by_the_outline(tmp_path: Path) -> None:
    path = tmp_path / "guide.pdf"
    path.write_bytes(guide_bytes(SECTIONS, FIGURES))
    assert [(s.key, s.title, s.page) for s in pdf_sections(path)] == [
        ("intro", "Introduction", 2), ("begins", "The War Begins", 3),
        ("china-enters", "China Enters the War", 4)]


def test_pdf_sections_on_one_page_keep_their_reading_order(tmp_path: Path) -> None:
    path = tmp_path / "guide.pdf"
    reversed_keys = [SectionSpec("zeta", "Zeta"), SectionSpec("alpha", "Alpha")]
    path.write_bytes(guide_bytes(reversed_keys, [], same_page=True))
    assert [(s.key, s.page) for s in pdf_sections(path)] == [("zeta", 2), ("alpha", 2)]


def test_pdf_section_without_outline_entry_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "guide.pdf"
    path.write_bytes(guide_bytes(SECTIONS, [], with_outline=False))
    assert [s.title for s in pdf_sections(path)] == [None, None, None]


def test_pdf_figures_carry_their_page_text(tmp_path: Path) -> None:
    path = tmp_path / "guide.pdf"
    path.write_bytes(guide_bytes(SECTIONS, FIGURES))
    [figure] = pdf_figures(path)
    assert (figure.id, figure.page) == ("casualties", 3)
    assert figure.shows("Figure 1. Casualties by year")
    assert not figure.shows("Figure 2. Casualties by year")


@pytest.mark.parametrize("text, page, expected", [
    ("Figure 1. Casualties by year", "Figure 1. Casualties\nby year", True),
    ("China Enters the War", "CHINA ENTERS THE WAR", True),
    ("Figure 1. Casualties", "Figure 2. Casualties", False),
])
def test_text_on_page_ignores_wrapping_and_case_only(text: str, page: str, expected: bool) -> None:
    assert text_on_page(text, page) is expected


def test_normalize_text_joins_wrapped_lines() -> None:
    assert normalize_text(" China\vEnters\n the  War ") == "China Enters the War"


# --------------------------------------------------------------------------- readback: the deck

def test_deck_sections_come_from_named_title_shapes(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(deck_bytes(SECTIONS, FIGURES))
    assert [(s.key, s.title, s.slide) for s in deck_sections(path)] == [
        ("intro", "Introduction", 2), ("begins", "The War Begins", 3),
        ("china-enters", "China Enters the War", 5)]


@pytest.mark.parametrize("grouped", [False, True])
def test_deck_figures_read_caption_box_and_main_shape(tmp_path: Path, grouped: bool) -> None:
    path = tmp_path / "deck.pptx"
    path.write_bytes(deck_bytes(SECTIONS, FIGURES, group_figures=grouped))
    [figure] = deck_figures(path)
    assert (figure.id, figure.slide, figure.caption, figure.caption_slide) == (
        "casualties", 4, "Figure 1. Casualties by year", 4)


# --------------------------------------------------------------------------- finding lectures

def test_find_lectures_from_folder_manifest_and_outputs(tmp_path: Path) -> None:
    write_lecture(tmp_path / "a", "one")
    write_lecture(tmp_path / "a" / "deeper", "two")
    found = find_lectures([tmp_path, tmp_path / "a" / "one.pdf"])
    assert sorted(lecture.stem for lecture in found) == ["one", "two"]


def test_find_lectures_rejects_a_folder_without_manifests(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no \\*.manifest.json"):
        find_lectures([tmp_path])


def test_check_of_nothing_at_all_is_bad_input(tmp_path: Path, capsys) -> None:
    assert main(["check", str(tmp_path / "nope.pdf")]) == 2
    assert "nope.pdf: no such file" in capsys.readouterr().err


# --------------------------------------------------------------------------- check: outcomes

@pytest.mark.parametrize("which", ["folder", "manifest", "pdf", "pptx"])
def test_matching_outputs_pass(tmp_path: Path, capsys, which: str) -> None:
    manifest = write_lecture(tmp_path)
    target = {"folder": tmp_path, "manifest": manifest, "pdf": tmp_path / "lecture.pdf",
              "pptx": tmp_path / "lecture.pptx"}[which]
    assert main(["check", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip().endswith("lecture: checked: 3 sections, 1 figure match")
    assert captured.err == ""


def test_deleted_section_slide_is_named(tmp_path: Path, capsys) -> None:
    write_lecture(tmp_path)
    (tmp_path / "lecture.pptx").write_bytes(deck_bytes(SECTIONS[:2], FIGURES))
    errors = check_errors([tmp_path], capsys)
    assert errors == [f"course-builder: error: {tmp_path / 'lecture'}: section 'China Enters the "
                      "War' (china-enters): in the manifest and the guide (page 4) but missing "
                      "from the deck"]


def test_stale_guide_title_is_caught(tmp_path: Path, capsys) -> None:
    write_lecture(tmp_path)
    old = [SECTIONS[0], SectionSpec("begins", "How the War Began"), SECTIONS[2]]
    (tmp_path / "lecture.pdf").write_bytes(guide_bytes(old, FIGURES))
    errors = check_errors([tmp_path / "lecture.pdf"], capsys)
    assert any("section 'begins': titled 'The War Begins' in the manifest and the deck (slide 3) "
               "but 'How the War Began' in the guide (page 3)" in line for line in errors), errors


def test_caption_changed_in_the_deck_only_is_caught(tmp_path: Path, capsys) -> None:
    write_lecture(tmp_path)
    changed = [FigureSpec("casualties", "Figure 1. Deaths by year", "begins")]
    (tmp_path / "lecture.pptx").write_bytes(deck_bytes(SECTIONS, changed))
    errors = check_errors([tmp_path], capsys)
    assert errors == [f"course-builder: error: {tmp_path / 'lecture'}: figure 'casualties' "
                      "(Figure 1): caption 'Figure 1. Deaths by year' in the deck (slide 4) but "
                      "'Figure 1. Casualties by year' in the guide (page 3) and the manifest"]


def test_caption_changed_in_the_guide_only_shows_what_the_page_says(tmp_path: Path, capsys) -> None:
    write_lecture(tmp_path)
    changed = [FigureSpec("casualties", "Figure 1. Deaths by year", "begins")]
    (tmp_path / "lecture.pdf").write_bytes(guide_bytes(SECTIONS, changed))
    errors = check_errors([tmp_path], capsys)
    assert len(errors) == 1
    assert errors[0].endswith("figure 'casualties' (Figure 1): caption 'Figure 1. Casualties by "
                              "year' in the deck and the manifest is not printed on the guide's "
                              "page 3 (it shows 'Figure 1. Deaths by year')")


@pytest.mark.parametrize("missing, noun", [("lecture.pptx", "the deck"),
                                           ("lecture.pdf", "the guide")])
def test_missing_output_is_named(tmp_path: Path, capsys, missing: str, noun: str) -> None:
    write_lecture(tmp_path)
    (tmp_path / missing).unlink()
    errors = check_errors([tmp_path], capsys)
    assert errors == [f"course-builder: error: {tmp_path / 'lecture'}: {noun} {missing} is missing"]


def test_missing_manifest_still_compares_the_outputs(tmp_path: Path, capsys) -> None:
    write_lecture(tmp_path).unlink()
    (tmp_path / "lecture.pptx").write_bytes(deck_bytes(SECTIONS[1:], FIGURES))
    errors = check_errors([tmp_path / "lecture.pdf"], capsys)
    assert errors[0].endswith("the manifest lecture.manifest.json is missing (build again)")
    assert errors[1].endswith("section 'Introduction' (intro): in the guide (page 2) but missing "
                              "from the deck")


def test_sections_in_another_order_are_listed_as_a_diff(tmp_path: Path, capsys) -> None:
    write_lecture(tmp_path)
    swapped = [SECTIONS[1], SECTIONS[0], SECTIONS[2]]
    (tmp_path / "lecture.pptx").write_bytes(deck_bytes(swapped, FIGURES))
    assert main(["check", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert "sections are in a different order, the manifest (-) against the deck (+):" in error
    assert error.endswith("(+):\n"
                          "    + The War Begins (begins)\n"
                          "      Introduction (intro)\n"
                          "    - The War Begins (begins)\n"
                          "      China Enters the War (china-enters)\n")
    assert "slide" not in error  # the moved slides follow from the order: not repeated


def test_pages_that_moved_are_caught(tmp_path: Path, capsys) -> None:
    manifest = write_lecture(tmp_path)
    manifest.write_text(manifest.read_text().replace('"pdf_page": 4', '"pdf_page": 5'))
    errors = check_errors([manifest], capsys)
    assert errors == [f"course-builder: error: {tmp_path / 'lecture'}: section 'China Enters the "
                      "War' (china-enters): on page 4 of the guide but page 5 in the manifest"]


def test_guide_without_named_destinations_is_one_line(tmp_path: Path, capsys) -> None:
    write_lecture(tmp_path)
    buffer = io.BytesIO()
    plain_pdf = canvas.Canvas(buffer)
    plain_pdf.drawString(72, 720, "Introduction")
    plain_pdf.showPage()
    plain_pdf.save()
    (tmp_path / "lecture.pdf").write_bytes(buffer.getvalue())
    errors = check_errors([tmp_path], capsys)
    assert errors == [f"course-builder: error: {tmp_path / 'lecture'}: the guide lecture.pdf "
                      "has no named destinations 'section-…' or 'figure-…' "
                      "(the guide renderer must write them)"]


def test_heading_without_outline_entry_is_caught(tmp_path: Path, capsys) -> None:
    write_lecture(tmp_path)
    (tmp_path / "lecture.pdf").write_bytes(guide_bytes(SECTIONS, FIGURES, with_outline=False))
    errors = check_errors([tmp_path], capsys)
    assert len(errors) == 3
    assert errors[0].endswith("section 'Introduction' (intro): the guide's heading on page 2 has "
                              "no outline entry")


def test_unreadable_output_is_a_mismatch(tmp_path: Path, capsys) -> None:
    write_lecture(tmp_path)
    (tmp_path / "lecture.pptx").write_bytes(b"not a zip")
    errors = check_errors([tmp_path], capsys)
    assert len(errors) == 1 and "the deck lecture.pptx cannot be read" in errors[0]


def test_check_paths_raises_check_error_with_every_lecture(tmp_path: Path) -> None:
    write_lecture(tmp_path / "a")
    write_lecture(tmp_path / "b")
    (tmp_path / "a" / "lecture.pdf").unlink()
    (tmp_path / "b" / "lecture.pptx").unlink()
    with pytest.raises(CheckError) as raised:
        check_paths([tmp_path])
    assert [line.split(": ", 1)[1] for line in raised.value.lines()] == [
        "the guide lecture.pdf is missing", "the deck lecture.pptx is missing"]


@pytest.mark.parametrize("text, reason", [
    ("{", "not JSON (line 1: Expecting property name enclosed in double quotes)"),
    ('{"sections": [], "figures": "no"}', "not a course-builder manifest"),
    ('{"sections": [{"id": "intro"}], "figures": []}', "sections[0] lacks id or title"),
])
def test_unusable_manifest_is_a_mismatch(tmp_path: Path, capsys, text: str, reason: str) -> None:
    write_lecture(tmp_path).write_text(text)
    errors = check_errors([tmp_path / "lecture.pdf"], capsys)
    assert f"the manifest lecture.manifest.json is unusable: {reason}" in errors[0]


def test_outline_entry_for_the_whole_page_still_titles_its_section(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    pdf = _NamedDestinationCanvas(buffer)
    pdf.drawString(72, 700, "Introduction")
    pdf.bookmarkHorizontal("section-intro", 0, 720)
    pdf.bookmarkPage("page-2")
    pdf.addOutlineEntry("Introduction", "page-2")
    pdf.showPage()
    pdf.save()
    path = tmp_path / "guide.pdf"
    path.write_bytes(buffer.getvalue())
    assert [(s.key, s.title, s.page) for s in pdf_sections(path)] == [("intro", "Introduction", 1)]
