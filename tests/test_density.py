"""Slide density, read back from the built decks of the corpus (python-pptx).

A teacher would not project a slide holding two lines when the next slide of the same section
has room for them, nor a deck where each card, or each table row, stands alone on its slide.
These tests read every corpus deck (student edition, every shipped layout) back and measure
each text slide's body with the project's measurement (``tests/density_readback.py``).
"""

from __future__ import annotations

import re
from pathlib import Path
from collections import Counter, defaultdict

import pytest
from pptx import Presentation

from builder.deck.plan import SPARSE
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from corpus_builds import CASES, Case
from density_readback import (CONTINUED, base_title, guide_lines, is_flow, orphaned_headings,
                              read_deck)

STUDENT = [case for case in CASES if case.edition == "student"]
GAP = 0.8  # the space (in ems) the planner puts between two joined blocks


_DECKS: dict[str, tuple] = {}


def _deck(case: Case, corpus_builds):
    """The case's build, layout and deck read back: read once per session for the five
    tests that measure it (they do not modify what they get)."""
    build = corpus_builds[case.id]
    if build.returncode != 0:
        pytest.fail(build.report())
    if case.id not in _DECKS:
        layout = load_layout(case.layout)
        faces = resolve(load_source(case.source), layout, case.edition).fonts["body"]
        _DECKS[case.id] = (layout, read_deck(build.pptx, faces))
    return (build, *_DECKS[case.id])


@pytest.mark.parametrize("case", STUDENT, ids=lambda case: case.id)
def test_no_sparse_text_slide_next_to_one_with_room(case, corpus_builds):
    """A text slide under ``SPARSE`` full has no neighbour of its section that could have
    taken it whole, nor a next slide whose first item would have fitted in its room."""
    _, layout, slides = _deck(case, corpus_builds)
    problems = []
    for index, slide in enumerate(slides):
        if not is_flow(slide) or slide.fill >= SPARSE:
            continue
        for other in (slides[index - 1] if index else None,
                      slides[index + 1] if index + 1 < len(slides) else None):
            if other is None or not is_flow(other) or other.section != slide.section:
                continue
            if (slide.used + other.used + GAP * other.size <= slide.room
                    and slide.bullets + other.bullets <= layout.deck.max_bullets):
                problems.append(f"slide {slide.number} ({slide.fill:.0%}) and slide "
                                f"{other.number} ({other.fill:.0%}) fit on one slide")
        following = slides[index + 1] if index + 1 < len(slides) else None
        if (following is not None and is_flow(following) and following.section == slide.section
                and slide.used + following.first_unit + GAP * following.size <= slide.room):
            problems.append(f"slide {slide.number} ({slide.fill:.0%}) has room for the first "
                            f"item of slide {following.number}")
    assert not problems, f"{case.id}: " + "; ".join(problems)


@pytest.mark.parametrize("case", STUDENT, ids=lambda case: case.id)
def test_continued_slides_are_numbered_one_way(case, corpus_builds):
    """One rule marks continuations: "Title (k of n)", k = 1…n in order, n slides of the
    same base title in one section; no "(cont.)" or "continued" anywhere; titles unique."""
    _, _, slides = _deck(case, corpus_builds)
    titles = [slide.title for slide in slides]
    assert len(set(titles)) == len(titles), [t for t in titles if titles.count(t) > 1]
    for title in titles:
        assert not re.search(r"\(cont\b|\bcontinued\b", title, re.I), title
    series: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for slide in slides:
        match = CONTINUED.match(slide.title)
        if match:
            series[(slide.section, match["base"])].append((int(match["index"]),
                                                            int(match["count"])))
    for (section, base), members in series.items():
        count = members[0][1]
        assert members == [(k, count) for k in range(1, count + 1)], (base, members)
        unnumbered = [s.title for s in slides if s.section == section and s.title == base
                      and s.kind != "section"]
        assert not unnumbered, f"'{base}' is numbered on some slides and not on {unnumbered}"


@pytest.mark.parametrize("case", STUDENT, ids=lambda case: case.id)
def test_arranged_items_do_not_stand_alone(case, corpus_builds):
    """A continued table never ends on a lone row after a slide of three or more, and a
    series of card slides never shows one card per slide (listing them as text is denser)."""
    build, _, slides = _deck(case, corpus_builds)
    tables: dict[str, list[int]] = defaultdict(list)
    cards: dict[str, list[int]] = defaultdict(list)
    for slide, read in zip(Presentation(str(build.pptx)).slides, slides):
        names = [shape.name for shape in slide.shapes]
        if "table" in names and CONTINUED.match(read.title):
            table = next(shape for shape in slide.shapes if shape.name == "table").table
            tables[base_title(read.title)].append(len(table.rows) - 1)
        held = sum(1 for name in names if re.fullmatch(r"card-\d+", name))
        if held and CONTINUED.match(read.title):
            cards[base_title(read.title)].append(held)
    for title, rows in tables.items():
        assert not (len(rows) > 1 and rows[-1] == 1 and rows[-2] >= 3), (title, rows)
    for title, held in cards.items():
        assert max(held) > 1, f"'{title}': one card on each of {len(held)} slides"
        # spread evenly over the slides they need: 5 + 4, not 6 + 3; 3 + 2 + 2, not 3 + 3 + 1
        assert max(held) - min(held) <= 1, f"'{title}': {held} cards per slide"


def test_table_rows_spread_evenly_over_the_slides_they_need():
    from builder.deck.balance import balanced_pages

    assert balanced_pages([1.0] * 13, 6.0) == [(0, 5), (5, 10), (10, 13)]  # not 6, 6, 1
    assert balanced_pages([1.0, 1.0], 6.0) == [(0, 2)]
    assert balanced_pages([5.0, 1.0, 1.0], 6.0) == [(0, 1), (1, 3)]


@pytest.mark.parametrize("case", STUDENT, ids=lambda case: case.id)
def test_guide_headings_stay_with_what_follows(case, corpus_builds):
    """No heading, block label ("Check your understanding", "Key terms") or term is the
    last line of a page with its text on the next: read back with pdfplumber."""
    build = corpus_builds[case.id]
    if build.returncode != 0:
        pytest.fail(build.report())
    margins = load_layout(case.layout).guide.margins
    pages = guide_lines(build.pdf, margins.top, margins.bottom)
    body = Counter(line.color for lines in pages for line in lines
                   if not line.bold).most_common(1)[0][0]
    orphans = orphaned_headings(pages, body)
    assert not orphans, [f"page {line.page}: {line.text!r}" for line in orphans]


def test_table_columns_never_cut_a_word_or_a_number(write_source):
    """Every column is at least as wide as its longest word; a table with more columns than
    its words leave room for is listed as text rather than set with numbers cut in half."""
    from builder.deck.plan import plan_deck
    from builder.deck.specs import TableSlide, TextSlide

    path = write_source("""
        title: Tables
        sections:
          - title: Data
            blocks:
              - table:
                  header: [Step, Product, Where]
                  rows:
                    - [Light reactions, "ATP is photophosphorylated here", Thylakoid membrane]
                    - [Calvin cycle, G3P, Stroma]
              - table:
                  header: [x, "10", "8", "13", "9", "11", "14", "6", "4", "12", "7", "5"]
                  rows:
                    - [y, "8.04", "6.95", "7.58", "8.81", "8.33", "9.96", "7.24", "4.26",
                       "10.84", "4.82", "5.68"]
        """)
    layout = load_layout(Path("layouts/large-print.yaml"))
    document = resolve(load_source(path), layout)
    plan = plan_deck(document)
    tables = [slide for slide in plan.slides if isinstance(slide, TableSlide)]
    assert tables, [type(slide).__name__ for slide in plan.slides]
    from builder.deck.tableslides import TableSlides
    from builder.deck.grid import Grid
    arranger = TableSlides(document, Grid.build(layout.deck))
    for slide in tables:
        floors = arranger.word_floors([slide.header, *slide.rows], slide.size)
        assert all(width >= floor - 1e-6 for width, floor in zip(slide.column_widths, floors))
    listed = [slide for slide in plan.slides if isinstance(slide, TextSlide)
              and "10.84" in "".join(para.text for para in slide.paras)]
    assert not listed, "the twelve-column table is turned into a table, not listed as text"
    turned = [slide for slide in tables if len(slide.header) == 2]
    assert turned, [len(slide.header) for slide in tables]
    cells = [["".join(run.text for run in cell) for cell in row]
             for slide in turned for row in (slide.header, *slide.rows)]
    assert cells[0] == ["x", "y"] and ["13", "7.58"] in cells and ["5", "5.68"] in cells


def test_a_wide_short_table_is_turned_by_one_rule():
    """Columns become rows only for a table with more columns than rows; a square or long
    table is never turned (its columns would stay as many)."""
    from builder.charts.transpose import may_transpose, prefer_transposed, transposed

    header, rows = ("x", "10", "8", "13"), (("y", "8.04", "6.95", "7.58"),)
    assert may_transpose(header, rows)
    assert transposed(header, rows) == (("x", "y"), (("10", "8.04"), ("8", "6.95"),
                                                    ("13", "7.58")))
    assert not may_transpose(("a", "b"), (("1", "2"), ("3", "4")))
    assert not may_transpose(("a", "b", "c"), (("1", "2", "3"), ("4", "5", "6")))
    is_table = lambda part: part == "table"  # noqa: E731
    assert prefer_transposed(["text"], ["table", "table"], is_table)
    assert not prefer_transposed(["table"], ["table", "table"], is_table)
    assert prefer_transposed(["table"] * 3, ["table"], is_table)


@pytest.mark.parametrize("case", STUDENT, ids=lambda case: case.id)
def test_guide_lists_keep_their_lead_with_the_first_item(case, corpus_builds):
    """No page ends with a bullet whose sub-bullets all start the next page, nor with a
    lead-in sentence ending in a colon whose list starts the next page (pdfplumber)."""
    build = corpus_builds[case.id]
    if build.returncode != 0:
        pytest.fail(build.report())
    margins = load_layout(case.layout).guide.margins
    pages = guide_lines(build.pdf, margins.top, margins.bottom)
    problems = []
    for lines, following in zip(pages, pages[1:]):
        if not lines or not following:
            continue
        starts = following[0].text.lstrip()
        if starts.startswith("–"):  # a sub-bullet starts the page: is its parent's on it?
            for line in reversed(lines[-4:]):
                marker = line.text.lstrip()[:1]
                if marker == "–":
                    break
                if marker == "•":
                    problems.append(f"page {line.page} ends with the parent bullet "
                                    f"{line.text!r}, its sub-bullets overleaf")
                    break
        if starts.startswith("•") and lines[-1].text.rstrip().endswith(":"):
            problems.append(f"page {lines[-1].page} ends with the lead-in "
                            f"{lines[-1].text!r}, its list overleaf")
    assert not problems, problems


@pytest.mark.parametrize("case", STUDENT, ids=lambda case: case.id)
def test_continued_lists_balance_and_never_leave_one_item_alone(case, corpus_builds):
    """A list continued over slides (objectives, takeaways, sources, people listed as text)
    never leaves one item alone on a slide when it has two for every slide (3 + 1 is 2 + 2),
    and is never two slides both under ``SPLIT_SPARSE`` full (six objectives fit one slide,
    not three and three)."""
    from builder.deck.textslides import SPLIT_SPARSE

    _, _, slides = _deck(case, corpus_builds)
    series: dict[str, list] = defaultdict(list)
    for slide in slides:
        if slide.kind == "text" and not is_flow(slide) and CONTINUED.match(slide.title):
            series[base_title(slide.title)].append(slide)
    problems = []
    for title, members in series.items():
        bullets = [slide.bullets for slide in members]
        # with at least two items for every slide, a slide of one was a choice, not a need
        if len(members) > 1 and min(bullets) == 1 and sum(bullets) >= 2 * len(members):
            problems.append(f"'{title}': {bullets} items per slide")
        if len(members) == 2 and all(slide.fill < SPLIT_SPARSE for slide in members):
            problems.append(f"'{title}': two slides {members[0].fill:.0%} and "
                            f"{members[1].fill:.0%} full")
    assert not problems, f"{case.id}: " + "; ".join(problems)


def test_one_split_rule_is_even_and_avoids_a_lone_item():
    from builder.deck.balance import lone_runs, partition

    heights = [1.0] * 9

    def fits(start, end):
        return sum(heights[start:end]) <= 4

    def fill(start, end):
        return sum(heights[start:end]) / 4

    runs = partition(len(heights), fits, fill)
    assert runs == [(0, 3), (3, 6), (6, 9)]  # 3 + 3 + 3, not 4 + 4 + 1
    assert partition(5, fits, fill) == [(0, 3), (3, 5)]  # 3 + 2, not 4 + 1
    assert lone_runs(partition(1, fits, fill)) == 0
    assert partition(2, lambda start, end: end - start == 1 or False, fill) == [(0, 1), (1, 2)]
    assert partition(3, lambda start, end: False, fill) is None


def test_questions_split_evenly_over_their_slides(write_source):
    """Five questions of which four fit a slide are set 3 + 2, not 4 and one alone."""
    from builder.deck.plan import plan_deck
    from builder.deck.specs import TextSlide

    questions = "\n".join(f"""
          - question: Short review question number {n}?
            answer: Answer {n}""" for n in range(1, 6))
    path = write_source(f"""
        title: Questions
        sections:
          - title: One
            blocks:
              - paragraph: Text.
        review_questions:{questions}
        """)
    document = resolve(load_source(path), load_layout(Path("layouts/large-print.yaml")))
    slides = [slide for slide in plan_deck(document).slides
              if isinstance(slide, TextSlide) and slide.title.startswith("Question")]
    counts = [sum(1 for para in slide.paras if para.marker) for slide in slides]
    assert counts and min(counts) > 1, [slide.title for slide in slides]


def test_a_short_paragraph_shares_a_slide_with_the_table_or_cards_after_it(write_source):
    """An intro paragraph followed by a small table (or a row of statistics) is one slide,
    the paragraph above; a paragraph too long to leave the table room keeps its own slide."""
    from builder.deck.plan import plan_deck
    from builder.deck.specs import CardsSlide, TableSlide, TextSlide

    long_text = " ".join(["A much longer paragraph that fills most of a slide by itself."] * 9)
    path = write_source(f"""
        title: Leads
        sections:
          - title: Short intro
            blocks:
              - paragraph: Two sides disagreed on one question.
              - table:
                  header: [Side, Answer]
                  rows:
                    - [North, "Yes"]
                    - [South, "No"]
          - title: Numbers
            blocks:
              - paragraph: Three numbers to remember.
              - statistics:
                  - {{value: "3", label: Three}}
                  - {{value: "4", label: Four}}
          - title: Long intro
            blocks:
              - paragraph: {long_text}
              - table:
                  header: [Side, Answer]
                  rows:
                    - [North, "Yes"]
        """)
    document = resolve(load_source(path), load_layout(Path("layouts/default.yaml")))
    slides = list(plan_deck(document).slides)
    led = [slide for slide in slides if isinstance(slide, (TableSlide, CardsSlide))
           and slide.lead is not None]
    assert [type(slide) for slide in led] == [TableSlide, CardsSlide], led
    assert "".join(p.text for p in led[0].lead.paras) == "Two sides disagreed on one question."
    texts = [slide.title for slide in slides if isinstance(slide, TextSlide)]
    assert not [title for title in texts if title.startswith(("Short intro", "Numbers"))]
    assert [title for title in texts if title.startswith("Long intro")], texts


@pytest.mark.parametrize("case", STUDENT, ids=lambda case: case.id)
def test_a_lead_paragraph_sits_above_its_table_or_cards(case, corpus_builds):
    """Where a slide holds text above a table or cards (read back), the text's box ends
    above the table's or the first card's top and its measured text fits the box."""
    build, _, slides = _deck(case, corpus_builds)
    problems = []
    for slide, read in zip(Presentation(str(build.pptx)).slides, slides):
        shapes = {shape.name: shape for shape in slide.shapes}
        under = shapes.get("table") or shapes.get("card-1")
        if "body" not in shapes or under is None:
            continue
        body = shapes["body"]
        if body.top + body.height > under.top:
            overlap = (body.top + body.height - under.top) / 12700
            problems.append(f"slide {read.number}: text ends {overlap:.1f} pt below the top "
                            "of what it introduces")
        if read.used > read.room + 1:
            problems.append(f"slide {read.number}: the text needs {read.used:.0f} pt in "
                            f"{read.room:.0f} pt")
    assert not problems, f"{case.id}: " + "; ".join(problems)


def test_a_row_of_people_runs_the_full_height_rather_than_a_second_slide():
    """history-101 (Caladea, long roles): four key people of the Meiji lecture fit one slide
    as a row of four full-height cards; they were two slides of two half-height cards."""
    from builder.deck.plan import plan_deck
    from builder.deck.specs import CardsSlide

    document = resolve(load_source(Path("tests/corpus/meiji-restoration.yaml")),
                       load_layout(Path("layouts/history-101.yaml")))
    people = [slide for slide in plan_deck(document).slides if isinstance(slide, CardsSlide)
              and slide.style == "person" and slide.title.startswith("Key people")]
    assert [len(slide.cards) for slide in people] == [4], [s.title for s in people]
    assert people[0].tall and people[0].rows == 1


def test_a_long_table_row_listed_as_text_breaks_between_its_fields(write_source):
    """A table too wide for its words is listed as text; a long row sets each field on a
    line of its own (so a continued row breaks between fields), a short one stays a line."""
    from builder.deck.plan import plan_deck
    from builder.deck.specs import TextSlide

    long_cell = "Verfassungsbeschwerden, Normenkontrollverfahren, Organstreitigkeiten"
    rows = "".join(f"""
                    - [Bundesverfassungsgericht, "{long_cell}",
                       Bundesverfassungsgerichtsgesetz, "195{n}", Sitz in Karlsruhe]"""
                   for n in range(4))  # four rows: not wider than long, so not turned
    path = write_source(f"""
        title: Vergleich
        sections:
          - title: Organe
            blocks:
              - table:
                  caption: Organe im Vergleich
                  header: [Verfassungsorgan, Zuständigkeitsbereich, Rechtsgrundlage,
                           Gründungsdatum, Bemerkungen]
                  rows:{rows}
        """)
    document = resolve(load_source(path), load_layout(Path("layouts/large-print.yaml")))
    slides = [slide for slide in plan_deck(document).slides
              if isinstance(slide, TextSlide) and slide.title.startswith("Organe im")]
    paras = [para for slide in slides for para in slide.paras]
    names = ["Verfassungsorgan", "Zuständigkeitsbereich", "Rechtsgrundlage", "Gründungsdatum",
             "Bemerkungen"]
    fields = [field.split(":")[0] for para in paras for field in para.text.split("; ")]
    assert fields == names * 4, [para.text for para in paras]  # whole fields, in order
    assert all(para.text.split(":")[0] in names for para in paras)  # a line starts a field
    rows = [index for index, para in enumerate(paras) if para.marker]
    assert len(rows) == 4 and all(paras[index].text.startswith("Verfassungsorgan")
                                  for index in rows)


def _squeezed(text: str) -> str:
    return "".join(character for character in text if character.isalnum())


@pytest.mark.parametrize("case", STUDENT, ids=lambda case: case.id)
def test_guide_references_are_never_split_over_pages(case, corpus_builds):
    """Each reference with a URL is set whole on one page: the page where its title last
    appears (the Sources) holds its URL's end too (the meiji large-print guide ended on a
    page holding only 'https://www.ndl.go.jp/…/c02.html (accessed …)')."""
    from pypdf import PdfReader

    build = corpus_builds[case.id]
    if build.returncode != 0:
        pytest.fail(build.report())
    pages = [_squeezed(page.extract_text() or "") for page in PdfReader(str(build.pdf)).pages]
    split = []
    for reference in load_source(case.source).lecture.bibliography:
        if not reference.url:
            continue
        title, tail = _squeezed(reference.title)[:16], _squeezed(reference.url)[-12:]
        where = [index for index, text in enumerate(pages) if title in text]
        if where and tail not in pages[where[-1]]:
            split.append(f"{reference.title[:40]!r} on page {where[-1] + 1}, "
                         f"its URL's end elsewhere")
    assert not split, split
