"""The PDF study guide, read back with pypdf: structure, editions, text, errors, reproducibility."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from builder.errors import RenderError
from builder.guide import render_guide
from builder.inline import plain
from builder.layout import load_layout
from builder.resolve import Document, resolve
from builder.source import load_source

LECTURE = """
title: The *Korean* War
subtitle: A line drawn in 1945
date: 1953-07-27
instructor: Ada Teacher
keywords: [Cold War, armistice]
essential_question: Victory or defeat?
objectives: [Explain the division, Weigh the outcome]
notes: GENERAL-NOTE for the whole lecture.
sections:
  - title: Korea divided at the *38th* parallel
    notes: SECTION-NOTE about the map.
    blocks:
      - paragraph: Two aides drew a line; the **Soviets** took the north. a < b && c > d
        notes: BLOCK-NOTE said aloud.
      - bullets:
          - First point
          - text: Second point
            items: [Detail one, Detail two]
      - key_terms:
          - {term: Containment, definition: Stopping communism from spreading.}
      - people:
          - {name: Harry S. Truman, role: President, born: 1884, died: 1972}
      - quote:
          text: We are not at war.
          speaker: Harry S. Truman
          date: 1950-06-29
          context: At a press conference.
      - notes: BARE-NOTE between blocks.
  - title: The invasion & the <response>
    blocks:
      - statistics:
          - {value: "~5 million", label: people died, note: estimate}
          - {value: "2 miles", label: width of the DMZ}
          - {value: "1953", label: armistice}
      - table:
          caption: Two views
          header: [Question, Truman, MacArthur]
          rows:
            - ["Widen the war?", "No", "Yes"]
            - ["Use <nuclear> weapons?", "No & never", "Maybe"]
      - callout: {kind: warning, title: Careful, text: The article misdates this.}
      - timeline:
          - {date: 1950-06-25, label: Invasion, detail: North crosses the line}
          - {date: 1953-07-27, label: Armistice}
      - discussion: Was it worth it?
      - questions:
          - question: What changed by summer?
            answer: ANSWER-ONE the aims widened.
            explanation: EXPLAIN-ONE from defence to offence.
  - title: Victory or defeat?
    blocks:
      - paragraph: Neither, perhaps.
review_questions:
  - question: Who divided Korea?
    choices: [The UN, Two aides]
    answer: B
    explanation: EXPLAIN-TWO the State Department.
  - question: When did it start?
    answer: ANSWER-THREE June 1950.
bibliography:
  - title: Was the Korean War a victory?
    author: History.com
    url: https://www.example.org/a/very/long/path/that/keeps/going/and/going/without/any/spaces/at/all/so/it/must/wrap/somewhere/inside/the/line
"""

SECTION_TITLES = ["Korea divided at the 38th parallel", "The invasion & the <response>",
                  "Victory or defeat?"]
ANSWERS = ["ANSWER-ONE", "EXPLAIN-ONE", "B. Two aides", "EXPLAIN-TWO", "ANSWER-THREE"]
NOTES = ["GENERAL-NOTE", "SECTION-NOTE", "BLOCK-NOTE", "BARE-NOTE"]


def document_for(path: Path, edition: str = "student", layout: Path | None = None) -> Document:
    return resolve(load_source(path), load_layout(layout), edition)


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def all_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def squeeze(text: str) -> str:
    """Extracted text with line breaks and hyphen-free wraps joined, for phrase searches."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def lecture(write_source) -> Path:
    return write_source(LECTURE)


@pytest.fixture
def student(lecture: Path) -> PdfReader:
    return read(render_guide(document_for(lecture, "student")))


@pytest.fixture
def instructor(lecture: Path) -> PdfReader:
    return read(render_guide(document_for(lecture, "instructor")))


def destinations(reader: PdfReader) -> dict:
    """Named destinations by plain name (pypdf keeps the PDF name's leading slash)."""
    return {str(name).removeprefix("/"): value for name, value in reader.named_destinations.items()}


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def test_pages_and_outline_are_the_sections_in_order(student: PdfReader) -> None:
    assert len(student.pages) >= 4
    assert outline_titles(student) == SECTION_TITLES
    assert [plain(t) for t in SECTION_TITLES] == SECTION_TITLES


def test_named_destinations_lead_to_the_section_headings(student: PdfReader) -> None:
    named = destinations(student)
    keys = ["section-korea-divided-at-the-38th-parallel", "section-the-invasion-the-response",
            "section-victory-or-defeat"]
    for key, title in zip(keys, SECTION_TITLES):
        page = student.get_destination_page_number(named[key])
        assert title in squeeze(student.pages[page].extract_text())
    outline_pages = [student.get_destination_page_number(item) for item in student.outline]
    assert outline_pages == [student.get_destination_page_number(named[k]) for k in keys]


def test_metadata_and_language(student: PdfReader) -> None:
    metadata = student.metadata
    assert metadata.title == "The Korean War"
    assert metadata.author == "Ada Teacher"
    assert metadata.subject == "A line drawn in 1945"
    assert metadata["/Keywords"] == "Cold War, armistice"
    assert metadata["/CreationDate"].startswith("D:19530727")
    assert student.trailer["/Root"]["/Lang"] == "en"


def test_front_matter_contents_and_furniture(student: PdfReader) -> None:
    title_page = student.pages[0].extract_text()
    assert "The Korean War" in title_page and "STUDENT EDITION" in title_page
    assert "Page 1" not in title_page  # no furniture on the title page
    total = len(student.pages)
    for number, page in enumerate(student.pages[1:], start=2):
        text = page.extract_text()
        assert f"Page {number} of {total}" in text
        assert "The Korean War" in text  # running header
    second = squeeze(student.pages[1].extract_text())
    assert "Victory or defeat?" in second and "Explain the division" in second
    assert "Contents" in second
    links = [annotation.get_object() for annotation in student.pages[1].get("/Annots", [])]
    assert sum(1 for a in links if a["/Subtype"] == "/Link") >= len(SECTION_TITLES)


def test_student_edition_has_no_answers_and_no_notes(student: PdfReader) -> None:
    text = all_text(student)
    for hidden in ANSWERS + NOTES:
        assert hidden not in text
    assert "Answer key" not in text
    assert "Who divided Korea?" in text and "Two aides" in text  # choices, lettered
    assert re.search(r"A\s+The UN", text)


def test_instructor_edition_has_the_answer_key_and_the_notes(instructor: PdfReader) -> None:
    text = all_text(instructor)
    for shown in ANSWERS + NOTES:
        assert shown in squeeze(text)
    key_page = instructor.get_destination_page_number(destinations(instructor)["part-answer-key"])
    assert "Answer key" in instructor.pages[key_page].extract_text()
    assert "Review questions" not in instructor.pages[key_page].extract_text()  # new page
    assert "INSTRUCTOR EDITION" in instructor.pages[0].extract_text()


def test_markup_characters_print_literally(student: PdfReader) -> None:
    text = squeeze(all_text(student))
    assert "a < b && c > d" in text
    assert "The invasion & the <response>" in text
    assert "Use <nuclear> weapons?" in text and "No & never" in text
    assert "**" not in text and "<b>" not in text


def test_blocks_print_their_content(student: PdfReader) -> None:
    text = squeeze(all_text(student))
    for expected in ("~5 million", "width of the DMZ", "Containment", "1884–1972", "Careful",
                     "The article misdates this.", "Was it worth it?", "June 25, 1950",
                     "Invasion", "We are not at war.", "Harry S. Truman", "Glossary",
                     "Key people", "Sources"):
        assert expected in text, expected


def test_bibliography_urls_are_links(student: PdfReader) -> None:
    uris = [annotation.get_object()["/A"]["/URI"] for page in student.pages
            for annotation in page.get("/Annots", [])
            if annotation.get_object().get("/A", {}).get("/URI")]
    assert any(uri.startswith("https://www.example.org/a/very/long") for uri in uris)


def test_two_renders_are_byte_identical(lecture: Path) -> None:
    first = render_guide(document_for(lecture))
    second = render_guide(document_for(lecture))
    assert first == second


def test_timeline_part_is_skipped_when_sections_show_one(student: PdfReader,
                                                         write_source) -> None:
    titles_in_contents = squeeze(student.pages[1].extract_text())
    assert "Timeline" not in titles_in_contents
    bare = write_source("""
        title: Bare
        sections:
          - title: Only
            blocks:
              - paragraph: Nothing else here.
        """, name="bare.yaml")
    text = all_text(read(render_guide(document_for(bare))))
    for part in ("Glossary", "Key people", "Timeline", "Review questions", "Sources",
                 "Answer key"):
        assert part not in text


def test_missing_glyph_names_the_character_and_the_block(write_source) -> None:
    path = write_source("""
        title: Korea
        sections:
          - title: Names
            blocks:
              - paragraph: Plain text first.
              - paragraph: Korea is 한국 in Korean.
        """)
    with pytest.raises(RenderError) as caught:
        render_guide(document_for(path))
    message = str(caught.value)
    assert message.startswith(f"{path}:6:9: ")
    assert "U+D55C" in message and "'한'" in message


def test_a_block_too_large_for_a_page_is_reported_at_its_line(write_source) -> None:
    huge = " ".join(["word"] * 4000)
    path = write_source(f"""
        title: Too big
        sections:
          - title: Table
            blocks:
              - paragraph: Before.
              - table:
                  header: [A, B]
                  rows:
                    - [short, {huge}]
        """)
    with pytest.raises(RenderError) as caught:
        render_guide(document_for(path))
    assert str(caught.value).startswith(f"{path}:6:9: ")
    assert "does not fit on a page" in str(caught.value)


def test_layout_page_size_orientation_and_parts(write_source, tmp_path: Path) -> None:
    path = write_source("""
        title: Landscape
        essential_question: Why?
        sections:
          - title: One
            blocks:
              - paragraph: Text.
        """)
    layout = tmp_path / "layout.yaml"
    layout.write_text("""
name: wide
guide:
  page_size: Letter
  orientation: landscape
  header: "{lecture} | {course}"
  footer: "{page}/{pages}"
  parts: [sections, title_page]
""", encoding="utf-8")
    reader = read(render_guide(document_for(path, layout=layout)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    assert len(reader.pages) == 2
    assert "One" in reader.pages[0].extract_text() and "1/2" in reader.pages[0].extract_text()
    assert "Why?" not in all_text(reader)  # objectives part not listed
    assert "2/2" not in reader.pages[1].extract_text()  # title page: no furniture


def test_figure_has_a_destination_caption_and_credit(write_source) -> None:
    path = write_source("""
        title: Figures
        sections:
          - title: Chart
            blocks:
              - paragraph: See the chart.
              - figure: casualties
        figures:
          - id: casualties
            kind: bar
            caption: Deaths by *country*
            alt: Bar chart of deaths by country.
            credit: The article
            categories: [Korea, China]
            series:
              - {name: Deaths, values: [3, 1]}
        """)
    document = document_for(path)
    try:
        data = render_guide(document)
    except RenderError as error:
        if "cannot be drawn in the guide yet" in str(error):
            pytest.skip("figure drawing is not written yet (builder/guide/figures.py)")
        raise
    reader = read(data)
    destination = destinations(reader)["figure-casualties"]
    page = reader.pages[reader.get_destination_page_number(destination)]
    text = squeeze(page.extract_text())
    assert "Figure 1. Deaths by country" in text
    assert "Source: The article" in text


@pytest.mark.parametrize("filler", [3, 34, 38, 42, 46])
def test_a_heading_stays_with_the_block_after_it(write_source, filler: int) -> None:
    """Never a heading alone at the foot of a page, and never pushed on when there is room."""
    lines = "\n".join(f"      - paragraph: Filler line {i}." for i in range(filler))
    path = write_source(f"""
title: Flow
sections:
  - title: One
    blocks:
{lines}
  - title: Two
    blocks:
      - callout: {{kind: tip, text: CALLOUT-TEXT}}
      - questions:
          - {{question: QUESTION-TEXT, choices: [Maybe, Never], answer: A}}
""")
    reader = read(render_guide(document_for(path)))
    named = destinations(reader)
    one = reader.get_destination_page_number(named["section-one"])
    two = reader.get_destination_page_number(named["section-two"])
    text = reader.pages[two].extract_text()
    assert "CALLOUT-TEXT" in text
    if filler == 3:
        assert two == one and "QUESTION-TEXT" in text
