"""Slide density, third part: how series split in a narrow, large-print deck — people listed
rather than two cards a slide, questions sharing a slide, nested lists split between items,
table columns as wide as keeps the table short (read from the slide plan: sizes, slides and
their contents are decided there, the renderer only draws them)."""

from __future__ import annotations

from pathlib import Path

from builder.deck.plan import plan_deck
from builder.deck.specs import (CardsSlide, PromptSlide, QuoteSlide, TableSlide, TextSlide,
                                TimelineSlide)
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve

ROLE = ("député du Tiers état en 1789, orateur des Jacobins, membre du Comité de salut "
        "public puis chef de la Convention")


def _plan(path: Path, layout: str):
    return plan_deck(resolve(load_source(path), load_layout(Path(f"layouts/{layout}.yaml"))))


def _people(count: int) -> str:
    return "\n".join(f"""                  - name: Personne {chr(65 + n)} de la Révolution
                    role: {ROLE}
                    born: {1750 + n}
                    died: {1800 + n}""" for n in range(count))


def test_large_print_people_are_listed_rather_than_two_cards_a_slide(write_source):
    """Nine people whose cards hold two a slide at the floor (five slides, the last holding
    one card): listed, one bullet each, three a slide at most three slides; nobody alone."""
    path = write_source(f"""
        title: Révolution
        language: fr
        sections:
          - title: Les acteurs
            blocks:
              - paragraph: Neuf personnages.
              - people:
{_people(9)}
        """)
    plan = _plan(path, "large-print")
    part = [slide for slide in plan.slides if slide.title.startswith("Personnages à connaître")]
    assert part and not any(isinstance(slide, CardsSlide) for slide in part), part
    held = [sum(1 for para in slide.paras if para.marker) for slide in part]
    assert sum(held) == 9 and len(part) <= 3 and min(held) >= 2, held
    first = part[0].paras[0]
    assert first.runs[0].bold and first.runs[0].text.startswith("Personne A")
    shown = first.text.replace("\u2060", "").replace("\u00a0", " ")  # as typeset
    assert "(1750–1800) — député" in shown, shown


def test_a_card_grid_leaves_no_cell_empty_when_a_row_holds_them(write_source):
    """Nine people in three slides: three in a row each, never three in a 2 × 2 grid with an
    empty cell on every slide."""
    path = write_source(f"""
        title: Révolution
        language: fr
        sections:
          - title: Les acteurs
            blocks:
              - people:
{_people(9)}
        """)
    for layout in ("default", "history-101"):
        cards = [slide for slide in _plan(path, layout).slides
                 if isinstance(slide, CardsSlide) and slide.style == "person"]
        assert cards, layout
        holes = [slide.columns * slide.rows - len(slide.cards) for slide in cards]
        assert not all(holes), (layout, [(s.columns, s.rows, len(s.cards)) for s in cards])


def test_questions_share_a_slide_rather_than_stand_alone(write_source):
    """A short question and one with four choices (the meiji large-print pair): one slide
    "Questions 1–2" at the floor, not "Question 1" a sixth full, then "Question 2"."""
    path = write_source("""
        title: Meiji
        sections:
          - title: Opening
            blocks:
              - paragraph: Perry arrives.
              - questions:
                  - question: Why did Satsuma and Chōshū, long rivals, ally in 1866?
                    answer: Both wanted to overthrow the shogunate.
                  - question: What did Tokugawa Yoshinobu do on November 9, 1867?
                    choices:
                      - He signed the Harris Treaty
                      - He returned his governing authority to the emperor
                      - He surrendered at Hakodate
                      - He proclaimed the Charter Oath
                    answer: B
        """)
    titles = [slide.title for slide in _plan(path, "large-print").slides]
    assert "Questions 1–2" in titles, titles
    assert "Question 1" not in titles


def test_a_nested_list_splits_between_items_carrying_its_parent(write_source):
    """A bullet whose sub-items do not fit one slide continues under the bullet repeated and
    marked "(continued)"; no continuation slide opens with a sub-item."""
    subs = "\n".join(f"                      - The treaty of {year} opened the ports of Shimoda "
                     f"and Hakodate to American ships, consuls and trade on unequal terms"
                     for year in range(1854, 1860))
    path = write_source(f"""
        title: Treaties
        sections:
          - title: The treaties
            blocks:
              - bullets:
                  - text: Treaties Japan could not refuse
                    items:
{subs}
                  - A shogunate discredited by them
        """)
    slides = [slide for slide in _plan(path, "large-print").slides
              if isinstance(slide, TextSlide) and slide.title.startswith("The treaties")]
    assert len(slides) >= 2, [slide.title for slide in slides]
    for slide in slides:
        assert slide.paras[0].level < 2, (slide.title, slide.paras[0].text)
    heads = [para.text for slide in slides for para in slide.paras if para.level == 1]
    assert heads[0] == "Treaties Japan could not refuse"
    assert "Treaties Japan could not refuse (continued)" in heads, heads
    shown = [para.text for slide in slides for para in slide.paras if para.level == 2]
    assert len(shown) == 6 and len(set(shown)) == 6  # every sub-item once, in order


def test_table_columns_widen_where_the_text_is(write_source):
    """A short name column and a long text column are not capped alike: the text column
    takes the width, the table needs two large-print slides, not three with one row."""
    path = write_source("""
        title: Deep time
        sections:
          - title: Eras
            blocks:
              - table:
                  caption: Geological time in round numbers
                  header: [Eon or era, Began (Ma), Ring of Fire and Pacific events]
                  rows:
                    - [Hadean and Archean eons, "4,600", "First crust; plate tectonics may begin by ≈ 3,000 Ma"]
                    - [Proterozoic eon, "2,500", "Supercontinent Rodinia assembles (≈ 1,100 Ma) and breaks up"]
                    - [Paleozoic era, "539", "Pangaea assembles by ≈ 300 Ma; Panthalassa, the Pacific's ancestor, surrounds it"]
                    - [Mesozoic era, "252", "Pangaea breaks up (≈ 200 Ma); the oldest surviving Pacific floor forms (≈ 180 Ma)"]
                    - [Cenozoic era, "66", "Hawaiʻi–Emperor bend (≈ 47 Ma); the Andes and Cascades rise"]
        """)
    tables = [slide for slide in _plan(path, "large-print").slides
              if isinstance(slide, TableSlide)]
    assert len(tables) == 2 and min(len(table.rows) for table in tables) >= 2, \
        [len(table.rows) for table in tables]
    widths = tables[0].column_widths
    assert widths[2] > 1.4 * widths[0], widths
    assert abs(sum(widths) - sum(tables[1].column_widths)) < 1e-6


def test_a_short_paragraph_goes_on_top_of_the_quote_prompt_or_timeline_it_introduces(
        write_source, tmp_path):
    """A paragraph of two lines before a quote, a discussion prompt or a four-event
    timeline is one slide with it, the paragraph's box above (built and read back: the
    body box ends above the quote, the panel, the timeline); a paragraph filling most of a
    slide keeps its own."""
    from pptx import Presentation

    from builder.cli import main

    long_text = " ".join(["A much longer paragraph that fills most of a slide by itself."] * 9)
    events = "\n".join(f"                  - {{date: {1790 + n}-01-01, label: Event {n}}}"
                       for n in range(4))
    path = write_source(f"""
        title: Leads
        sections:
          - title: A quote
            blocks:
              - paragraph: The declaration was read aloud in every town square that summer.
              - quote: {{text: Men are born and remain free and equal in rights., speaker: The Assembly}}
          - title: A prompt
            blocks:
              - paragraph: The war ended without a peace treaty, only an armistice.
              - discussion: Why might an armistice last seventy years?
          - title: A timeline
            blocks:
              - paragraph: Four years changed the kingdom.
              - timeline:
{events}
          - title: Long intro
            blocks:
              - paragraph: {long_text}
              - quote: {{text: Short words., speaker: Someone}}
        """)
    document = resolve(load_source(path), load_layout(Path("layouts/default.yaml")))
    slides = list(plan_deck(document).slides)
    led = {type(slide).__name__: slide for slide in slides
           if isinstance(slide, (QuoteSlide, PromptSlide, TimelineSlide))
           and slide.lead is not None}
    assert set(led) == {"QuoteSlide", "PromptSlide", "TimelineSlide"}, \
        [(type(slide).__name__, slide.title) for slide in slides]
    assert "".join(p.text for p in led["QuoteSlide"].lead.paras).startswith("The declaration")
    texts = [slide.title for slide in slides if isinstance(slide, TextSlide)]
    assert not [title for title in texts if title.startswith(("A quote", "A prompt",
                                                              "A timeline"))], texts
    assert [title for title in texts if title.startswith("Long intro")], texts

    out = tmp_path / "out"
    assert main(["build", str(path), "--layout", "layouts/default.yaml", "--out",
                 str(out)]) == 0
    deck = Presentation(str(next(out.glob("*.pptx"))))
    seen = set()
    for slide in deck.slides:
        names = {shape.name: shape for shape in slide.shapes}
        bodies = [shape for shape in slide.shapes if shape.name == "body"]
        for name in ("quote", "panel", "timeline"):
            if name in names and bodies and bodies[0].top < names[name].top:
                lead = bodies[0]  # drawn first, above what it introduces
                assert lead.top + lead.height <= names[name].top + 1, (name, slide.slide_id)
                seen.add(name)
    assert seen == {"quote", "panel", "timeline"}, seen


def test_a_table_listed_as_text_is_listed_by_row_never_turned(write_source):
    """Three plate boundaries × five long columns do not fit a large-print table: listed
    one boundary to a bullet ("Boundary: Divergent", then its fields), never turned first
    and listed by column ("Boundary: Motion", "Divergent: Plates move apart")."""
    path = write_source("""
        title: Plates
        sections:
          - title: Boundaries
            blocks:
              - table:
                  caption: The three kinds of plate boundary
                  header: [Boundary, Motion, Typical features, Pacific example, Earthquake depth]
                  rows:
                    - [Divergent, Plates move apart, "Mid-ocean ridge, rift valley, basalt volcanism", "East Pacific Rise (≈ 150 mm a⁻¹, among the fastest)", Shallow (< 30 km)]
                    - [Convergent (subduction), Oceanic plate sinks under another plate, "Trench, volcanic arc, Wadati–Benioff zone", "Japan Trench; Peru–Chile Trench; Tonga–Kermadec Trench", Shallow to 700 km]
                    - [Transform, Plates slide past each other, "Strike-slip fault, offset ridges", "San Andreas Fault, California (≈ 35 mm a⁻¹)", Shallow (< 20 km)]
        """)
    listed = [slide for slide in _plan(path, "large-print").slides
              if isinstance(slide, TextSlide) and slide.title.startswith("The three kinds")]
    assert listed, "the table is listed as text in large print"
    bullets = [para.text for slide in listed for para in slide.paras if para.marker]
    assert [text.split(":")[1].strip().split()[0] for text in bullets] == \
        ["Divergent", "Convergent", "Transform"], bullets
