"""What a line may not break stays whole in figures and deck timelines, in every viewer.

The typography binds a date ("18 de septiembre de 1810") or a symbol and its number ("Mw
9.5") with no-break spaces. A large-print deck timeline measured its box by ``str.split()``
pieces and accepted the bound date cut between characters: LibreOffice drew "18 de
septiembre de 181" / "0". Now a bound piece wider than its box may break at its spaces (the
date), and figure labels are wrapped by the pieces that cannot break. Read back from the
drawn deck and the guide's words."""

from __future__ import annotations

import io

import pdfplumber
from pptx import Presentation

from builder.deck import render_deck
from builder.guide import render_guide
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from builder.text import measure
from builder.text.typography import breakable_words
from tests.conftest import ROOT

LECTURE = """
title: Las juntas
language: es
sections:
  - title: Cronología
    blocks:
      - timeline:
          - date: 1810-04-19
            label: Caracas depone al capitán general Vicente Emparan y forma una Junta Suprema
          - date: 1810-09-16
            label: Grito de Dolores – Miguel Hidalgo llama a la rebelión
          - date: 1810-09-18
            label: Primera Junta Nacional de Gobierno de Chile, en Santiago
          - date: 1811-07-05
            label: Venezuela declara su independencia, la primera de la América española
      - figure: sismos
figures:
  - id: sismos
    kind: timeline
    caption: Grandes terremotos
    alt: Cronología de terremotos.
    events:
      - {date: 1960-05-22, label: "Valdivia, Chile, Mw 9.5 – tsunami en Hilo y en Japón"}
      - {date: 1964-03-27, label: "Gran terremoto de Alaska, Mw 9.2 (Viernes Santo)"}
      - {date: 2004-12-26, label: "Sumatra–Andamán, Indonesia, Mw 9.1"}
      - {date: 2010-02-27, label: "Maule, Chile, Mw 8.8"}
"""

PT = 12700


def _walk(shapes):
    for shape in shapes:
        yield shape
        if shape.shape_type == 6:  # a group
            yield from _walk(shape.shapes)


def _document(write_source, layout: str):
    return resolve(load_source(write_source(LECTURE)),
                   load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)


def test_a_deck_timeline_date_never_breaks_inside_a_word(write_source) -> None:
    document = _document(write_source, "large-print")
    deck = Presentation(io.BytesIO(render_deck(document)))
    faces = document.fonts["body"]
    seen = 0
    for slide in deck.slides:
        for shape in _walk(slide.shapes):
            if not shape.name.startswith("event-"):
                continue
            seen += 1
            inner = (shape.width - shape.text_frame.margin_left
                     - shape.text_frame.margin_right) / PT
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    for piece in breakable_words(run.text):
                        width = measure.styled_width(piece, faces, run.font.size.pt,
                                                     bool(run.font.bold))
                        assert width <= inner, (piece, width, inner)
    assert seen >= 4


def test_figure_labels_keep_a_symbol_with_its_number(write_source) -> None:
    for layout in ("default", "large-print"):
        document = _document(write_source, layout)
        deck = Presentation(io.BytesIO(render_deck(document)))
        lines = [paragraph.text for slide in deck.slides for group in slide.shapes
                 if group.name.startswith("figure-sismos") for shape in _walk([group])
                 if shape.has_text_frame for paragraph in shape.text_frame.paragraphs]
        assert any("9.5" in line for line in lines), lines
        assert not any(line.rstrip().endswith("Mw") for line in lines), lines
        assert not any(line.lstrip().startswith(("9.5", "9.2", "9.1", "8.8")) for line in lines)
        with pdfplumber.open(io.BytesIO(render_guide(document))) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        assert not any(line.rstrip().endswith("Mw") for line in text.splitlines()), text
