"""A native chart's data has column headings: PowerPoint's "Edit Data" opens the workbook
embedded in the deck, and an unnamed categories column (python-pptx leaves A1 empty) is a
table without headers. Read back from the deck's embedded workbook."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from pptx import Presentation

from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve

SOURCE = """
title: The air
date: 2026-02-10
instructor: Biology Department
language: {language}
essential_question: "What is air?"
objectives: [Name the gases]
takeaways: [Mostly nitrogen]
sections:
  - title: Gases
    blocks:
      - figure: air
      - figure: yields
figures:
  - id: air
    kind: pie
    caption: Dry air by volume
    alt: A pie chart.
    categories: [Nitrogen, Oxygen, Argon]
    values: [78.08, 20.95, 0.93]
    number_format: "0.00"
{pie_header}
  - id: yields
    kind: bar
    caption: Yields
    alt: A bar chart.
    categories: ["1990", "2000"]
    series:
      - {{name: "Wheat (*t/ha*)", values: [2.5, 3.0]}}
{bar_header}
review_questions:
  - {{question: "Which?", choices: [A, B], answer: A, explanation: Because.}}
bibliography:
  - {{title: "Atlas", publisher: Press}}
"""


def _headings(tmp_path: Path, language: str = "en", pie_header: str = "",
              bar_header: str = "") -> dict[str, list[str]]:
    """Each chart's first worksheet row, by chart type, read from the embedded workbooks."""
    path = tmp_path / "air.yaml"
    path.write_text(SOURCE.format(language=language, pie_header=pie_header,
                                  bar_header=bar_header), encoding="utf-8")
    document = resolve(load_source(path), load_layout(None), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    found: dict[str, list[str]] = {}
    for slide in deck.slides:
        for shape in slide.shapes:
            if not getattr(shape, "has_chart", False) or not shape.has_chart:
                continue
            blob = shape.chart.part.chart_workbook.xlsx_part.blob
            with zipfile.ZipFile(io.BytesIO(blob)) as book:
                strings = re.findall(r"<t[^>]*>([^<]*)</t>",
                                     book.read("xl/sharedStrings.xml").decode())
                sheet = book.read("xl/worksheets/sheet1.xml").decode()
            row = re.search(r'<row r="1".*?</row>', sheet).group(0)
            cells = re.findall(r'<c r="([A-Z]+)1"[^>]*t="s"[^>]*><v>(\d+)</v>', row)
            found[shape.chart.chart_type.name] = [strings[int(v)] for _, v in sorted(cells)]
    return found


def test_every_native_chart_names_its_columns(tmp_path: Path) -> None:
    headings = _headings(tmp_path)
    assert headings["PIE"] == ["Category", "Dry air by volume"]
    assert headings["COLUMN_CLUSTERED"] == ["Category", "Wheat (t/ha)"]  # no asterisks


def test_a_source_names_the_columns_in_its_own_words(tmp_path: Path) -> None:
    headings = _headings(tmp_path, pie_header="    header: [Gas, Share of dry air (%)]",
                         bar_header="    category_header: Year")
    assert headings["PIE"] == ["Gas", "Share of dry air (%)"]
    assert headings["COLUMN_CLUSTERED"] == ["Year", "Wheat (t/ha)"]


def test_the_default_heading_follows_the_lecture_language(tmp_path: Path) -> None:
    assert _headings(tmp_path, language="fr")["PIE"][0] == "Catégorie"
