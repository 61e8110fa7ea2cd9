"""A layout's page size, slide size, palette and fonts show in both outputs, read back.

Each shipped layout differs from the others in all four, so building one small lecture under
each and reading the PDF (pypdf) and the PPTX (python-pptx, and the slide XML for colours)
proves the renderers honour the layout rather than their own defaults.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu
from pypdf import PdfReader

from builder.cli import main
from builder.layout import load_layout
from tests.conftest import ROOT

LECTURE = """title: The Marshall Plan
sections:
  - title: Rebuilding Europe
    blocks:
      - paragraph: In 1948 the United States began sending aid to Western Europe.
      - bullets: [Sixteen countries took part, Aid totalled about $13 billion]
  - title: Consequences
    blocks:
      - paragraph: Trade recovered within four years.
"""


@dataclass(frozen=True)
class Expected:
    layout: str
    page: tuple[float, float]  # points
    slide: tuple[int, int]  # EMU
    primary: str
    pdf_font: str
    deck_font: str


EXPECTED = [
    Expected("default", (595.28, 841.89), (12192000, 6858000), "1F3A5F", "Carlito", "Calibri"),
    Expected("history-101", (612.0, 792.0), (12192000, 6858000), "7A1F2B", "Caladea", "Cambria"),
    Expected("large-print", (595.28, 841.89), (9144000, 6858000), "003A8C", "LiberationSans",
             "Arial"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The small lecture built once under each shipped layout: layout name → output folder."""
    root = tmp_path_factory.mktemp("outputs")
    source = root / "marshall-plan.yaml"
    source.write_text(LECTURE, encoding="utf-8")
    folders = {}
    for expected in EXPECTED:
        out = root / expected.layout
        status = main(["build", str(source), "--layout",
                       str(ROOT / "layouts" / f"{expected.layout}.yaml"), "--out", str(out),
                       "--no-check"])
        assert status == 0, f"build under {expected.layout} failed"
        folders[expected.layout] = out
    return folders


def pdf_fonts(reader: PdfReader) -> set[str]:
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return fonts


def pdf_fill_colours(reader: PdfReader) -> set[str]:
    """Every RGB colour the pages' content streams set, as RRGGBB."""
    found = set()
    for page in reader.pages:
        data = page.get_contents().get_data().decode("latin-1")
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", data):
            found.add("".join(f"{round(float(v) * 255):02X}" for v in (r, g, b)))
    return found


def deck_colours(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as archive:
        return {value for name in archive.namelist() if name.startswith("ppt/slides/slide")
                for value in re.findall(r'srgbClr val="([0-9A-Fa-f]{6})"',
                                        archive.read(name).decode("utf-8"))}


def deck_fonts(path: Path) -> set[str]:
    names = set()
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                names |= {run.font.name for paragraph in shape.text_frame.paragraphs
                          for run in paragraph.runs if run.font.name}
    return names


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.layout)
def test_page_size_reaches_the_pdf(built, expected: Expected) -> None:
    reader = PdfReader(built[expected.layout] / "marshall-plan.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == expected.page
    layout = load_layout(ROOT / "layouts" / f"{expected.layout}.yaml")
    assert tuple(round(v, 2) for v in layout.guide.page_points) == expected.page


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.layout)
def test_slide_size_reaches_the_deck(built, expected: Expected) -> None:
    deck = Presentation(str(built[expected.layout] / "marshall-plan.pptx"))
    assert (deck.slide_width, deck.slide_height) == expected.slide
    layout = load_layout(ROOT / "layouts" / f"{expected.layout}.yaml")
    assert tuple(Emu(round(v * 12700)) for v in layout.deck.slide_points) == expected.slide


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.layout)
def test_palette_reaches_both_outputs(built, expected: Expected) -> None:
    folder = built[expected.layout]
    assert expected.primary in pdf_fill_colours(PdfReader(folder / "marshall-plan.pdf"))
    assert expected.primary in {c.upper() for c in deck_colours(folder / "marshall-plan.pptx")}
    others = {e.primary for e in EXPECTED} - {expected.primary}
    assert not others & {c.upper() for c in deck_colours(folder / "marshall-plan.pptx")}


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.layout)
def test_fonts_reach_both_outputs(built, expected: Expected) -> None:
    folder = built[expected.layout]
    fonts = pdf_fonts(PdfReader(folder / "marshall-plan.pdf"))
    assert any(name.startswith(f"{expected.pdf_font}") for name in fonts), fonts
    assert not any(other.pdf_font in name for other in EXPECTED if other != expected
                   for name in fonts)
    assert deck_fonts(folder / "marshall-plan.pptx") >= {expected.deck_font}


def test_a_one_line_change_of_page_and_slide_size_shows(tmp_path: Path) -> None:
    """Not just the shipped layouts: a custom layout's own sizes reach both files."""
    source = tmp_path / "marshall-plan.yaml"
    source.write_text(LECTURE, encoding="utf-8")
    layout = tmp_path / "wide.yaml"
    layout.write_text("extends: default\nguide:\n  page_size: A5\n  orientation: landscape\n"
                      "deck:\n  size: [11in, 6in]\n", encoding="utf-8")
    assert main(["build", str(source), "--layout", str(layout), "--out", str(tmp_path / "o"),
                 "--no-check"]) == 0
    box = PdfReader(tmp_path / "o" / "marshall-plan.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 420)
    deck = Presentation(str(tmp_path / "o" / "marshall-plan.pptx"))
    assert (deck.slide_width, deck.slide_height) == (11 * 914400, 6 * 914400)
