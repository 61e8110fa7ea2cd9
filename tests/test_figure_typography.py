"""Figure text is set by the body's typography: a French axis title, series name, data
heading or table cell keeps its space before ; : ! ? and inside « » from breaking
(a no-break space), and takes the language's quotation marks, in both outputs."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from builder.deck import render_deck
from builder.guide import render_guide
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve

LECTURE = """
title: Les États généraux
language: fr
sections:
  - title: Les députés
    blocks:
      - paragraph: Voir les figures.
      - figure: deputes
      - figure: ordres
      - figure: tableau
figures:
  - id: deputes
    kind: bar
    caption: Députés par ordre
    alt: Trois barres.
    categories: [Clergé, Noblesse, Tiers état]
    series:
      - name: "Combien ? Députés élus"
        values: [291, 270, 578]
    value_axis_title: "Nombre de députés : 1789"
    category_axis_title: "Ordre ; trois"
    category_header: "Ordre : nom"
  - id: ordres
    kind: pie
    caption: Part de chaque ordre
    alt: Un camembert.
    categories: [Clergé, Noblesse, Tiers état]
    values: [291, 270, 578]
    header: ["Ordre : nom", "Députés : nombre"]
  - id: tableau
    kind: table
    caption: Les ordres
    alt: Un tableau.
    header: ["Ordre : nom", "Devise"]
    rows:
      - [Tiers état, "\\"Qu'est-ce que le Tiers état ?\\""]
      - [Noblesse, "Privilèges !"]
"""

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("figtypo") / "etats.yaml"
    path.write_text(LECTURE, encoding="utf-8")
    return resolve(load_source(path), load_layout(None), "student")


def test_every_figure_label_is_typeset_once(document) -> None:
    figures = {key: numbered.figure for key, numbered in document.figures.items()}
    bar, pie, table = figures["deputes"], figures["ordres"], figures["tableau"]
    assert bar.value_axis_title == f"Nombre de députés{NBSP}: 1789"
    assert bar.category_axis_title == f"Ordre{NBSP}; trois"
    assert bar.category_header == f"Ordre{NBSP}: nom"
    assert bar.series[0].name == f"Combien{NBSP}? Députés élus"
    assert pie.header == (f"Ordre{NBSP}: nom", f"Députés{NBSP}: nombre")
    assert table.header[0] == f"Ordre{NBSP}: nom"
    assert table.rows[0][1] == f"«{NBSP}Qu’est-ce que le Tiers état{NBSP}?{NBSP}»"
    assert table.rows[1][1] == f"Privilèges{NBSP}!"


def test_the_deck_writes_them_with_no_break_spaces(document) -> None:
    data = render_deck(document)
    deck = Presentation(io.BytesIO(data))
    texts: list[str] = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
            if shape.has_chart:
                texts.append(shape.chart._chartSpace.xml)
    shown = "\n".join(texts)
    for piece in ("députés\u00a0: 1789", "Combien\u00a0? Députés", "Privilèges\u00a0!",
                  "Tiers état\u00a0?\u00a0»"):
        assert piece in shown, piece
    assert not re.search(r"\w [;:!?»]", shown.replace("Voir les figures.", ""))


def test_the_guide_draws_the_typeset_labels(document, tmp_path: Path) -> None:
    """The guide draws the same labels (reportlab writes a no-break space with the space's
    code, so what shows is the language's marks; its line breaking keeps the no-break)."""
    pdf = tmp_path / "etats.pdf"
    pdf.write_bytes(render_guide(document))
    with pdfplumber.open(pdf) as document_pdf:
        text = "".join(char["text"] for page in document_pdf.pages for char in page.chars)
    assert "« Qu’est-ce que le Tiers état ? »" in text
    assert '"' not in text and "'" not in text
