"""The deck's slide plan, as data: order, titles, continuations, sizes and notes (no pptx)."""

from __future__ import annotations

import pytest

from builder.deck import fit
from builder.deck.plan import plan_deck
from builder.deck.specs import (CardsSlide, FigureSlide, PromptSlide, QuoteSlide, SectionSlide,
                                TableSlide, TextSlide, TimelineSlide, TitleSlide)
from builder.layout import load_layout
from builder.resolve.document import resolve
from builder.load.source import load_source
from tests.conftest import SAMPLE

LECTURE = """
title: The Korean War
subtitle: A test lecture
date: 2026-02-10
notes: Lecture notes for the title slide.
essential_question: "Victory or defeat?"
objectives: [Explain the division, Sequence the events]
takeaways: [Korea is still divided]
sections:
  - title: Korea *divided*
    id: divided
    notes: Section notes.
    blocks:
      - paragraph: The peninsula was divided in **1945**.
        notes: Paragraph notes.
      - notes: Bare notes after the paragraph.
      - bullets: [One, Two]
      - quote: {text: "No substitute for victory.", speaker: Douglas MacArthur, date: 1951}
        notes: Quote notes.
      - figure: losses
        notes: Block notes on the figure.
      - table:
          caption: Two views
          header: [Question, Truman, MacArthur]
          rows: [["War with China?", "No", "Yes"]]
      - people: [{name: Kim Il Sung, role: Leader of the North, born: 1912, died: 1994}]
      - timeline: [{date: 1950-06-25, label: Invasion}, {date: 1953-07-27, label: Armistice}]
      - statistics: [{value: ~5 million, label: deaths}]
      - callout: {kind: warning, text: A correction.}
      - discussion: "Was it worth it?"
      - questions:
          - {question: "When did it start?", answer: "1950"}
          - {question: "Who fired MacArthur?", choices: [Truman, Eisenhower], answer: A}
  - title: The armistice
    blocks:
      - paragraph: It ended in 1953.
figures:
  - id: losses
    kind: bar
    caption: Losses
    alt: Bar chart of losses.
    credit: The article
    notes: Figure notes.
    categories: [A, B]
    series: [{name: Deaths, values: [1, 2]}]
review_questions:
  - {question: "What is the DMZ?", answer: A buffer zone., explanation: Two miles wide.}
"""


def plan_for(path, edition=None, layout=None):
    document = resolve(load_source(path), layout or load_layout(), edition)
    return document, plan_deck(document)


@pytest.fixture
def planned(write_source):
    return plan_for(write_source(LECTURE))


def test_parts_in_order_with_sections_titled_exactly(planned):
    document, plan = planned
    kinds = [type(slide) for slide in plan.slides]
    assert kinds[0] is TitleSlide
    assert plan.titles[1:4] == ["Agenda", "Learning objectives", "Essential question"]
    sections = [slide for slide in plan.slides if isinstance(slide, SectionSlide)]
    assert [s.title for s in sections] == ["Korea divided", "The armistice"]
    assert [s.key for s in sections] == ["divided", "the-armistice"]
    assert plan.titles[-3:] == ["Question 3", "Key takeaways", "Sources"] or (
        plan.titles[-2:] == ["Question 3", "Key takeaways"])
    for kind in (QuoteSlide, FigureSlide, TableSlide, CardsSlide, TimelineSlide, PromptSlide):
        assert kind in kinds


def _shown(slide) -> str:
    """The text a slide shows as prose: its paragraphs and the lead set on top of its block
    (a short paragraph may go on top of the quote, figure or table it introduces)."""
    paras = list(getattr(slide, "paras", ()) or ())
    lead = getattr(slide, "lead", None)
    paras += list(lead.paras) if lead else []
    return "".join(run.text for para in paras for run in para.runs)


def test_notes_land_on_the_slide_showing_their_block(write_source):
    _, plan = plan_for(write_source(LECTURE), edition="instructor")
    notes = {slide.title: slide.notes for slide in plan.slides}
    assert plan.slides[0].notes == "Lecture notes for the title slide."
    section = next(s for s in plan.slides if isinstance(s, SectionSlide))
    assert section.notes == "Section notes."
    flow = next(s for s in plan.slides if "The peninsula was divided" in _shown(s))
    assert "Paragraph notes." in flow.notes and "Bare notes after the paragraph." in flow.notes
    figure = next(s for s in plan.slides if isinstance(s, FigureSlide))
    assert "Figure notes." in figure.notes and "Block notes on the figure." in figure.notes
    quote = next(s for s in plan.slides if isinstance(s, QuoteSlide))
    assert quote.notes.endswith("Quote notes.")  # after its lead paragraph's, if it has one
    assert notes["Question 3"].startswith("Answer: A buffer zone.")


def test_figure_caption_is_the_numbered_caption(planned):
    document, plan = planned
    figure = next(s for s in plan.slides if isinstance(s, FigureSlide))
    assert "".join(run.text for run in figure.caption) == document.figure("losses").caption
    assert figure.credit == "Source: The article"


def test_questions_numbered_and_no_answers_or_notes_for_students(planned):
    _, plan = planned
    assert [t for t in plan.titles if t.startswith("Question")] == [
        "Questions 1–2", "Question 3"]
    assert not any(t.startswith("Answer") for t in plan.titles)
    assert not any(slide.notes for slide in plan.slides)
    group = next(s for s in plan.slides if s.title == "Questions 1–2")
    assert [p.marker for p in group.paras] == ["1.", "2.", "A.", "B."]
    assert [p.level for p in group.paras] == [1, 1, 2, 2]


def test_instructor_edition_adds_answer_slides(write_source):
    _, plan = plan_for(write_source(LECTURE), edition="instructor")
    titles = plan.titles
    index = titles.index("Question 3")
    assert titles[index + 1] == "Answer to question 3"
    group = next(s for s in plan.slides if s.title == "Questions 1–2")
    assert "Question 2. Answer: A. Truman" in group.notes


LONG_BULLETS = """
title: Long
sections:
  - title: Many points
    blocks:
      - bullets: [{bullets}]
        notes: First slide only.
"""


def test_long_bullet_list_splits_into_continued_slides(write_source):
    items = ", ".join(f"Point number {n} about the war and its long aftermath" for n in range(20))
    document, plan = plan_for(write_source(LONG_BULLETS.replace("{bullets}", items)),
                              edition="instructor")
    pages = [s for s in plan.slides if isinstance(s, TextSlide) and s.title.startswith("Many")]
    assert len(pages) >= 4
    # one continued list: numbered by the deck-wide title rule (builder.deck.titles)
    assert [page.title for page in pages] == [f"Many points ({index}\u00a0of\u00a0{len(pages)})"
                                              for index in range(1, len(pages) + 1)]
    max_bullets = document.layout.deck.max_bullets
    assert all(sum(1 for p in page.paras if p.marker) <= max_bullets for page in pages)
    assert [p.text for page in pages for p in page.paras] == [
        f"Point number {n} about the war and its long aftermath" for n in range(20)]
    assert pages[0].notes == "First slide only." and not pages[1].notes


def test_long_paragraph_splits_between_words_and_keeps_every_word(write_source):
    text = " ".join(f"word{n}" for n in range(900))
    document, plan = plan_for(write_source(f"""
        title: Long
        sections:
          - title: Wall of text
            blocks:
              - paragraph: {text}
        """))
    pages = [s for s in plan.slides if isinstance(s, TextSlide) and s.title.startswith("Wall")]
    assert len(pages) > 1 and pages[1].title == f"Wall of text (2\u00a0of\u00a0{len(pages)})"
    words = " ".join(p.text for page in pages for p in page.paras).split()
    assert words == text.split()
    body = document.fonts["body"]
    from builder.deck.grid import Grid
    grid = Grid.build(document.layout.deck)
    for page in pages:
        assert page.size >= document.layout.deck.sizes.min_body
        assert fit.fits(page.paras, body, page.size, grid.body)


def test_shrinks_no_further_than_min_body(write_source):
    items = ", ".join("A fairly long bullet that wraps onto a second line of the slide body"
                      for _ in range(6))
    document, plan = plan_for(write_source(LONG_BULLETS.replace("{bullets}", items)),
                              edition="instructor")
    sizes = [s.size for s in plan.slides if isinstance(s, TextSlide)]
    assert min(sizes) >= document.layout.deck.sizes.min_body


def test_plan_is_reproducible(write_source):
    path = write_source(LECTURE)
    assert plan_for(path)[1] == plan_for(path)[1]


def test_instructor_edition_answers_a_question_group_on_the_next_slide(write_source):
    _, plan = plan_for(write_source(LECTURE), edition="instructor")
    index = plan.titles.index("Questions 1–2")
    answers = plan.slides[index + 1]
    assert answers.title == "Answers to questions 1–2"
    assert [p.text for p in answers.paras] == ["1950", "A. Truman"]


TINY_BLOCKS = """
title: Tiny
sections:
  - title: Many small things
    blocks:
      - paragraph: A short opening paragraph.
      - timeline: [{date: 1950-06-25, label: Invasion}, {date: 1953-07-27, label: Armistice}]
      - people: [{name: Kim Il Sung, role: Leader of the North, born: 1912, died: 1994}]
      - key_terms: [{term: DMZ, definition: The demilitarized zone.}]
      - paragraph: Another short paragraph.
      - key_terms: [{term: Armistice, definition: A truce.}]
      - people: [{name: Syngman Rhee, role: Leader of the South}]
      - bullets: [One point, Another point]
      - timeline: [{date: 1951-07, label: Talks begin}]
"""


def _flow_slides(plan):
    return [s for s in plan.slides if isinstance(s, TextSlide) and s.mergeable]


def test_tiny_blocks_of_a_section_share_slides(write_source):
    document, plan = plan_for(write_source(TINY_BLOCKS))
    section = [s for s in plan.slides if getattr(s, "section", None) == "many-small-things"]
    assert len(section) < 9 / 2, [s.title for s in section]  # nine blocks
    assert not any(isinstance(s, (TimelineSlide, CardsSlide)) for s in section)
    # as read: the typesetting's joiner after a range's dash and no-break spaces aside
    text = [p.text.replace("\u2060", "").replace("\u00a0", " ") for s in section for p in s.paras]
    for expected in ("Timeline", "Key people", "Key terms", "Kim Il Sung (1912–1994) — Leader "
                     "of the North", "DMZ — The demilitarized zone.", "June 25, 1950 — Invasion"):
        assert expected in text


def test_no_two_consecutive_flow_slides_would_fit_on_one(write_source):
    """A flow slide is followed by another flow slide of its section only when the two
    together do not fit even one size step under the body size: no mergeable half-empty
    slides (the sample lecture and a synthetic one)."""
    from builder.deck.grid import Grid

    for path in (write_source(TINY_BLOCKS), SAMPLE):
        document, plan = plan_for(path)
        grid = Grid.build(document.layout.deck)
        body = document.fonts["body"]
        floor = document.layout.deck.sizes.body - fit.SIZE_STEP
        slides = list(plan.slides)
        for one, two in zip(slides, slides[1:]):
            if not (isinstance(one, TextSlide) and isinstance(two, TextSlide)
                    and one.mergeable and two.mergeable and one.section == two.section):
                continue
            bullets = sum(1 for p in (*one.paras, *two.paras) if p.level == 1 and p.marker)
            if bullets > document.layout.deck.max_bullets:
                continue
            assert not fit.fits((*one.paras, *two.paras), body, floor, grid.body), (
                f"'{one.title}' and '{two.title}' would fit on one slide")


def test_sample_lecture_is_a_deck_a_teacher_would_present():
    document, plan = plan_for(SAMPLE)
    blocks = sum(len(section.blocks) for section in document.lecture.sections)
    assert len(plan.slides) < blocks + len(document.lecture.sections)
    assert len(plan.slides) <= 80
    lone = [s.title for s in plan.slides if isinstance(s, CardsSlide) and len(s.cards) == 1]
    assert not lone, f"a slide with a single card: {lone}"
    timelines = [s for s in plan.slides if isinstance(s, TimelineSlide)]
    assert all(len(s.events) >= 3 for s in timelines)


def test_lists_split_at_body_size_rather_than_shrink(write_source):
    items = ", ".join(f"Takeaway {n} is a full sentence that wraps onto a second line of the "
                      "slide as real takeaways do and then goes on a little longer still so "
                      "that six of them cannot share one slide" for n in range(6))
    document, plan = plan_for(write_source(f"""
        title: Lists
        takeaways: [{items}]
        sections:
          - title: One
            blocks: [{{paragraph: Text.}}]
        """))
    pages = [s for s in plan.slides if s.title.startswith("Key takeaways")]
    assert len(pages) >= 2
    floor = document.layout.deck.sizes.body - fit.SIZE_STEP
    assert all(page.size >= floor for page in pages)
    assert pages[1].title == f"Key takeaways (2\u00a0of\u00a0{len(pages)})"


def test_a_quote_ending_in_its_own_quotation_mark_is_not_doubled(write_source):
    _, plan = plan_for(write_source("""
        title: Quotes
        sections:
          - title: One
            blocks:
              - quote: {text: "to contain it “regardless of the value.”", speaker: NSC-68}
              - quote: {text: "“Wholly quoted.”", speaker: Someone}
        """))
    quotes = ["".join(r.text for r in s.paras[0].runs) for s in plan.slides
              if isinstance(s, QuoteSlide)]
    assert quotes == ["“to contain it ‘regardless of the value.’”", "“Wholly quoted.”"]


SEVEN_EVENTS = """\
title: Independencia
subtitle: 1810–1811
language: es
sections:
  - title: Las juntas
    blocks:
      - timeline:
          - {date: 1810-04-19, label: "Caracas depone al capitán general Vicente Emparan y forma una Junta Suprema"}
          - {date: 1810-05-25, label: "Revolución de Mayo en Buenos Aires – Primera Junta presidida por Cornelio Saavedra"}
          - {date: 1810-07-20, label: "Grito de Independencia en Santa Fe de Bogotá (el «florero de Llorente»)"}
          - {date: 1810-09-16, label: "Grito de Dolores – Miguel Hidalgo llama a la rebelión"}
          - {date: 1810-09-18, label: "Primera Junta Nacional de Gobierno de Chile, en Santiago"}
          - {date: 1811-07-05, label: "Venezuela declara su independencia, la primera de la América española"}
          - {date: 1811-07-30, label: "Hidalgo es fusilado en Chihuahua"}
"""


def test_a_timeline_over_slides_spreads_its_events_evenly(write_source):
    """Seven long events, three to a large-print slide: 3, 2, 2 — never 3, 3 and one event
    alone on "Cronología (3 de 3)" (the review's independencia lecture)."""
    from pathlib import Path
    layout = load_layout(Path(__file__).resolve().parent.parent / "layouts" / "large-print.yaml")
    _, plan = plan_for(write_source(SEVEN_EVENTS), layout=layout)
    series: dict[str, list[int]] = {}  # the section's block, and the back matter's timeline
    for slide in plan.slides:
        if isinstance(slide, TimelineSlide):
            series.setdefault(slide.title.split(" (")[0], []).append(len(slide.events))
    assert series
    for counts in series.values():
        assert sum(counts) == 7 and len(counts) > 1
        assert max(counts) - min(counts) <= 1, counts
        assert counts == sorted(counts, reverse=True), counts
