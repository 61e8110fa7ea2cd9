"""Resolve: the shared decisions both renderers read."""

from __future__ import annotations

import pytest

from builder.layout import load_layout
from builder.resolve.document import resolve
from builder.load.source import load_source

SOURCE = """
title: The **Korean** War
date: 1950-06-25
sections:
  - title: One
    blocks:
      - questions:
          - {question: "A?", answer: a}
          - {question: "B?", answer: b}
      - figure: second
      - figure: first
      - key_terms:
          - {term: zeta, definition: z}
          - {term: Alpha, definition: a}
      - timeline:
          - {date: 1953, label: Late}
          - {date: 1950-06-25, label: Early}
review_questions:
  - {question: "C?", answer: c}
figures:
  - {id: first, kind: bar, caption: F, alt: A, categories: [a], series: [{name: s, values: [1]}]}
  - {id: second, kind: bar, caption: S, alt: A, categories: [a], series: [{name: s, values: [1]}]}
"""


@pytest.fixture
def document(write_source):
    return resolve(load_source(write_source(SOURCE)), load_layout())


def test_figures_are_numbered_by_first_reference(document) -> None:
    assert [(f.figure.id, f.number, f.caption) for f in document.figures.values()] == [
        ("second", 1, "Figure 1. S"), ("first", 2, "Figure 2. F")]


def test_questions_are_numbered_in_reading_order(document) -> None:
    assert [(q.number, q.question.question) for q in document.questions] == [
        (1, "A?"), (2, "B?"), (3, "C?")]


def test_glossary_is_alphabetical_and_timeline_chronological(document) -> None:
    assert [t.term for t in document.glossary] == ["Alpha", "zeta"]
    assert [e.label for e in document.timeline] == ["Early", "Late"]


@pytest.mark.parametrize(("template", "expected"), [
    ("{course} · {lecture}", "The Korean War"),
    ("{lecture} · {course}", "The Korean War"),
    ("{lecture} | {date}", "The Korean War | June 25, 1950"),
    ("Page {page} of {pages}", "Page 3 of 9"),
    ("{course} — {term} — {lecture}", "The Korean War"),
    ("{course} · Page {page} of {pages}", "Page 3 of 9"),
    ("{lecture} · {course} · Page {page}", "The Korean War · Page 3"),
    ("Unit {course} · {lecture}", "Unit The Korean War"),
])
def test_fill_drops_separators_of_empty_fields(document, template: str, expected: str) -> None:
    assert document.fill(template, page=3, pages=9) == expected
