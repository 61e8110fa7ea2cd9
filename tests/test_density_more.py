"""Slide density and pagination, second part: contents only when worth a page, titles that
never count from 2, intro paragraphs on top of the figure they introduce, tables that
split only when they must (read back from real outputs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from builder.cli import main

ONE_SECTION = """
    title: Islands
    sections:
      - title: The islands
        blocks:
          - paragraph: Fiji lies on both sides of the 180th meridian.
    """


def _pages(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_a_one_section_guide_has_no_contents_page(write_source, tmp_path, edition):
    """A contents page listing one entry is a wasted page; the title page's "In this guide"
    names the section. Three sections still get their contents."""
    one = write_source(ONE_SECTION, "one.yaml")
    three = write_source("""
        title: Three
        sections:
          - {title: First part, blocks: [{paragraph: One.}]}
          - {title: Second part, blocks: [{paragraph: Two.}]}
          - {title: Third part, blocks: [{paragraph: Three.}]}
        """, "three.yaml")
    out = tmp_path / "out"
    assert main(["build", str(one), str(three), "--format", "pdf", "--edition", edition,
                 "--out", str(out), "-j", "1"]) == 0
    one_pages = _pages(out / "one.pdf")
    assert not any("Contents" in page for page in one_pages), one_pages
    assert "In this guide" in one_pages[0] and "The islands" in one_pages[0]
    assert len(one_pages) == 2  # the title page, then the section
    three_pages = _pages(out / "three.pdf")
    assert any("Contents" in page and "Third part" in page for page in three_pages[1:])


FIGURE_SOURCE = """
    title: Light
    sections:
      - title: Photon energy
        blocks:
          - paragraph: Shorter waves carry more energy per photon.
          - figure: energy-bars
    figures:
      - id: energy-bars
        kind: bar
        caption: Energy of one photon at three wavelengths
        alt: Bar chart of photon energy falling from blue to red light.
        categories: [Blue, Green, Red]
        series:
          - name: Energy (eV)
            values: [2.76, 2.25, 1.82]
    """


@pytest.mark.parametrize("layout", ["default", "history-101"])
def test_a_short_paragraph_goes_on_top_of_the_figure_it_introduces(write_source, tmp_path,
                                                                   layout):
    """One slide holds the one-line intro and the chart under it (read back: a body box
    above the figure, no slide of the section holding the line alone), and the build's own
    check passes; the slide is not titled "… (2)"."""
    from pptx import Presentation

    path = write_source(FIGURE_SOURCE)
    out = tmp_path / "out"
    assert main(["build", str(path), "--layout", f"layouts/{layout}.yaml", "--out", str(out),
                 "-j", "1"]) == 0
    slides = list(Presentation(str(out / "lecture.pptx")).slides)
    with_figure = [slide for slide in slides
                   if any(shape.name == "figure-energy-bars" for shape in slide.shapes)]
    assert len(with_figure) == 1
    shapes = {shape.name: shape for shape in with_figure[0].shapes}
    assert "Shorter waves" in shapes["body"].text_frame.text
    assert shapes["body"].top + shapes["body"].height <= shapes["figure-energy-bars"].top
    titles = [slide.shapes.title.text_frame.text for slide in slides]
    assert not [title for title in titles if title.endswith("(2)")], titles
    alone = [slide for slide in slides if "body" in {s.name for s in slide.shapes}
             and slide not in with_figure and "Shorter waves" in "".join(
                 s.text_frame.text for s in slide.shapes if s.has_text_frame)]
    assert alone == []


def test_a_table_that_must_split_splits_evenly_at_the_largest_size_that_needs_no_more_slides(
        write_source):
    """Five long rows that do not fit one slide even at the floor: two slides (as at the
    floor), each holding at least two rows, set larger than the floor when two slides
    still hold them (not 2 + 3 rows in the top half of two slides in small print)."""
    from builder.deck.plan import plan_deck
    from builder.deck.specs import TableSlide
    from builder.layout import load_layout
    from builder.load.source import load_source
    from builder.resolve.document import resolve

    long = ("Personas de ascendencia mixta, organizadas en repúblicas, con tributo y "
            "restricciones legales en casi todos los cargos de la administración")
    rows = "\n".join(f'                    - ["Grupo {n}", "{long}", "≈ {n},5 millones", "{long}"]'
                     for n in range(1, 6))
    path = write_source(f"""
        title: Sociedad
        language: es
        sections:
          - title: La sociedad colonial
            blocks:
              - table:
                  caption: La sociedad colonial hacia 1800
                  header: [Grupo, Definición, Población, Derechos]
                  rows:
{rows}
        """)
    layout = load_layout(Path("layouts/default.yaml"))
    document = resolve(load_source(path), layout)
    tables = [slide for slide in plan_deck(document).slides if isinstance(slide, TableSlide)]
    assert len(tables) == 2, [len(t.rows) for t in tables]
    assert all(len(table.rows) >= 2 for table in tables)
    assert tables[0].size == tables[1].size > layout.deck.sizes.min_body
    assert tables[0].title.endswith("(1\u00a0de\u00a02)")


def test_short_fields_of_a_listed_table_row_share_a_line(write_source):
    """Seven short fields ("Gobierno: Intendencia") listed one to a line make each row a
    slide of its own in large print; packed whole onto lines they take about four, and
    five rows need at most three slides (each field still whole and in order)."""
    from builder.deck.plan import plan_deck
    from builder.deck.specs import TextSlide
    from builder.layout import load_layout
    from builder.load.source import load_source
    from builder.resolve.document import resolve

    rows = "\n".join(f'                    - ["Provincia {n}", Intendencia, Virreinato, '
                     f'Audiencia, Obispado, Consulado, Cabildo]' for n in range(1, 6))
    path = write_source(f"""
        title: Lista
        language: es
        sections:
          - title: Las provincias
            blocks:
              - table:
                  caption: Provincias y sus instituciones
                  header: [Provincia, Gobierno, Reino, Justicia, Iglesia, Comercio, Municipio]
                  rows:
{rows}
        """)
    document = resolve(load_source(path), load_layout(Path("layouts/large-print.yaml")))
    slides = [slide for slide in plan_deck(document).slides
              if isinstance(slide, TextSlide) and slide.title.startswith("Provincias")]
    assert 1 < len(slides) <= 3, [slide.title for slide in slides]
    paras = [para for slide in slides for para in slide.paras]
    fields = [field.split(":")[0] for para in paras for field in para.text.split("; ")]
    assert fields == ["Provincia", "Gobierno", "Reino", "Justicia", "Iglesia", "Comercio",
                      "Municipio"] * 5
    assert len(paras) <= 4 * 5  # not one field to a line (7 × 5)
    # a row's later lines hang under its first field's text, not under the bullet
    assert all(para.level == 1 and not para.marker for para in paras
               if not para.text.startswith("Provincia:"))
