"""The deck-wide title rule (builder.deck.titles): continuations numbered, repeats named."""

from __future__ import annotations

from builder.deck.specs import SectionSlide, SlideSpec, TitleSlide
from builder.deck.titles import continued, unique_titles


def titles(*specs: SlideSpec) -> list[str]:
    """The titles as read (the counter's no-break spaces as spaces)."""
    return [slide.title.replace("\u00a0", " ") for slide in unique_titles(specs)]


def test_the_counter_never_wraps_apart_and_speaks_the_lectures_language():
    from builder.text.words import words_for

    assert continued("Causes", 2, 3) == "Causes (2\u00a0of\u00a03)"
    assert continued("Les causes", 2, 3, words_for("fr")) == "Les causes (2\u00a0sur\u00a03)"


def test_a_continued_block_is_numbered_on_every_slide():
    assert titles(SectionSlide("The war"), SlideSpec("Causes"), SlideSpec("Causes"),
                  SlideSpec("Causes")) == [
        "The war", "Causes (1 of 3)", "Causes (2 of 3)", "Causes (3 of 3)"]
    assert continued("Causes", 1, 1) == "Causes"


def test_a_section_resumed_after_a_figure_is_one_series():
    assert titles(SectionSlide("The invasion"), SlideSpec("The invasion"),
                  SlideSpec("Figure 1"), SlideSpec("The invasion")) == [
        "The invasion", "The invasion (1 of 2)", "Figure 1", "The invasion (2 of 2)"]


def test_a_title_used_in_several_sections_takes_each_section():
    assert titles(TitleSlide("Lecture"), SectionSlide("One"), SlideSpec("Discussion"),
                  SectionSlide("Two"), SlideSpec("Discussion")) == [
        "Lecture", "One", "Discussion: One", "Two", "Discussion: Two"]


def test_a_lone_slide_named_like_its_section_says_what_it_holds_never_a_bare_counter():
    result = titles(SectionSlide("Causes"), SlideSpec("Causes"), SlideSpec("Other"))
    assert result == ["Causes", "Causes – key points", "Other"]
    from builder.text.words import words_for

    german = [slide.title for slide in unique_titles(
        [SectionSlide("Verfassungsorgane"), SlideSpec("Verfassungsorgane"),
         SlideSpec("In Zahlen")], words_for("de"))]
    assert german[1] == "Verfassungsorgane – das Wichtigste"
    # a slide named like the title slide takes its section's name, as rule 1 does
    assert titles(TitleSlide("Lecture"), SectionSlide("One"), SlideSpec("Lecture")) == [
        "Lecture", "One", "Lecture: One"]


def test_no_title_ever_gets_a_bare_counter():
    import re

    specs = [TitleSlide("Agenda"), SlideSpec("Agenda"), SectionSlide("A"), SlideSpec("A"),
             SlideSpec("Agenda: A"), SlideSpec("A – key points"), SectionSlide("B"),
             SlideSpec("B"), SlideSpec("B")]
    result = titles(*specs)
    assert len(set(result)) == len(result), result
    assert not [title for title in result if re.search(r"\(\d+\)$", title)], result


def test_title_and_section_slides_keep_their_titles_and_all_titles_are_unique():
    specs = [TitleSlide("Agenda"), SlideSpec("Agenda"), SectionSlide("A"), SlideSpec("Quiz"),
             SlideSpec("Recap"), SlideSpec("Quiz"), SectionSlide("B"), SlideSpec("Recap"),
             SlideSpec("Agenda")]
    result = titles(*specs)
    assert result[0] == "Agenda" and result[2] == "A" and result[6] == "B"
    assert len(set(result)) == len(result)
    assert "(cont.)" not in " ".join(result)


def test_a_continued_title_in_several_sections_is_named_then_numbered():
    assert titles(SectionSlide("Light"), SlideSpec("By the numbers"), SlideSpec("By the numbers"),
                  SectionSlide("Energy"), SlideSpec("By the numbers")) == [
        "Light", "By the numbers: Light (1 of 2)", "By the numbers: Light (2 of 2)",
        "Energy", "By the numbers: Energy"]
