"""A source names its course (overriding the layout's); references carry year, edition, kind."""

from __future__ import annotations

import pytest

from builder.layout.model import Course
from builder.model import REFERENCE_KINDS, CourseInfo, Reference
from builder.resolve.course import resolve_course
from builder.resolve.references import cite

HISTORY = Course(code="HIST 101", title="Modern World History", term="Spring 2027",
                 instructor="Dr. Eleanor Whitfield")


def test_without_a_course_of_its_own_a_lecture_takes_the_layouts():
    course = resolve_course(None, HISTORY)
    assert (course.label, course.term, course.instructor) == \
        ("HIST 101 Modern World History", "Spring 2027", "Dr. Eleanor Whitfield")


def test_another_course_replaces_the_layouts_entirely():
    course = resolve_course(CourseInfo(code="BIO 110", title="Introductory Biology"), HISTORY)
    assert course.label == "BIO 110 Introductory Biology"
    assert course.instructor is None and course.term is None  # not Dr. Whitfield's


def test_the_same_course_overrides_field_by_field():
    course = resolve_course(CourseInfo(code="HIST 101", term="Fall 2027"), HISTORY)
    assert (course.label, course.term, course.instructor) == \
        ("HIST 101 Modern World History", "Fall 2027", "Dr. Eleanor Whitfield")


def test_a_source_naming_only_its_instructor_keeps_the_layouts_course():
    course = resolve_course(CourseInfo(instructor="Dr. Lee"), HISTORY)
    assert (course.code, course.instructor) == ("HIST 101", "Dr. Lee")


def _text(reference: Reference) -> str:
    out = ""
    for piece in cite(reference):
        out += ("" if piece.attached or not out else " ") + (
            f"*{piece.text}*" if piece.style == "italic" else piece.text)
    return out


@pytest.mark.parametrize("reference, printed", [
    (Reference(title="Essence of Decision", author="Graham Allison", publisher="Longman",
               year=1999, edition="2nd", kind="book"),
     "Graham Allison. *Essence of Decision.* 2nd ed. Longman, 1999."),
    (Reference(title="Graphs in Statistical Analysis", author="F. J. Anscombe",
               publisher="The American Statistician 27 (1), 17–21", year=1973, kind="article"),
     "F. J. Anscombe. “Graphs in Statistical Analysis.” *The American Statistician* 27 (1), "
     "17–21, 1973."),  # only the journal's name is italic, its volume and pages upright
    (Reference(title="The path of carbon", author="Melvin Calvin", publisher="Nobel Foundation",
               year=1961, kind="lecture"),
     "Melvin Calvin. “The path of carbon.” Lecture, Nobel Foundation, 1961."),
    (Reference(title="Trends", author="NOAA", url="https://gml.noaa.gov/", accessed="2026-11-30",
               kind="web"),
     "NOAA. “Trends.” https://gml.noaa.gov/ (accessed November 30, 2026)."),
    (Reference(title="Was it a victory?", publisher="History.com"),
     "*Was it a victory?* History.com."),
])
def test_references_are_cited_by_kind(reference, printed):
    assert _text(reference) == printed


def test_reference_kinds_are_the_models():
    assert set(REFERENCE_KINDS) == {"book", "article", "lecture", "web"}
    assert Reference.model_fields["kind"].annotation is not None


def _guide_text(build) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(build.pdf).pages)


def _deck_text(build) -> str:
    from pptx import Presentation

    return "\n".join(shape.text_frame.text for slide in Presentation(build.pptx).slides
                     for shape in slide.shapes if shape.has_text_frame)


def test_a_lecture_of_another_course_is_not_stamped_with_the_layouts(corpus_builds):
    build = corpus_builds["revolution-francaise-history-101-student"]
    assert build.returncode == 0, build.report()
    for text in (_guide_text(build), _deck_text(build)):
        assert "HIS 2105" in text
        assert "HIST 101" not in text and "Whitfield" not in text


def test_editions_and_years_reach_both_outputs(corpus_builds):
    build = corpus_builds["cuban-missile-crisis-default-student"]
    assert build.returncode == 0, build.report()
    for text in (_guide_text(build), _deck_text(build)):
        flat = " ".join(text.split())
        assert "2nd ed." in flat and "Longman, 1999." in flat
