"""Stat cards in the guide never break a value inside what typography binds: "≈ 420 ppm" is
one unbreakable run (no-break spaces), so the card's column is sized for all of it, not for
"420" (a Python ``str.split`` splits at U+00A0 and sized the column for the parts)."""

from __future__ import annotations

import io

import pdfplumber

from builder.guide import render_guide
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from tests.conftest import ROOT

LECTURE = """
title: The air
date: 2026-02-10
instructor: Biology Department
essential_question: What is in the air?
objectives: [Name the gases]
takeaways: [Mostly nitrogen]
sections:
  - title: Carbon dioxide
    blocks:
      - statistics:
          - {value: "≈ 420 ppm", label: CO₂ in the atmosphere in 2024}
          - {value: "≈ 280 ppm", label: before the industrial era}
          - {value: "< 5 %", label: of sunlight stored}
          - {value: "~ 120 Gt", label: carbon taken up each year}
review_questions:
  - {question: "Which?", choices: [A, B], answer: A, explanation: Because.}
bibliography:
  - {title: "Atlas", publisher: Press}
"""


def test_a_bound_value_is_never_broken_across_lines(tmp_path) -> None:
    path = tmp_path / "air.yaml"
    path.write_text(LECTURE, encoding="utf-8")
    layout = load_layout(ROOT / "layouts" / "large-print.yaml")  # 4 big values on one row
    pdf = render_guide(resolve(load_source(path), layout, None))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        lines = [" ".join(line.replace("\u00a0", " ").split())
                 for page in document.pages for line in (page.extract_text() or "").splitlines()]
    text = "\n".join(lines)
    for value in ("≈ 420 ppm", "≈ 280 ppm", "< 5 %", "~ 120 Gt"):
        assert value in text, f"{value!r} broken across lines:\n{text}"
