"""What a line may not tear apart, read back from real outputs: a running header or footer is
shortened at a word's end, never inside one; no-break rules see through emphasis markers
(``so σ = **2**``, ``**Assemblée nationale** ;``); a number stays with the time span it
counts; only a journal's name is italic in a reference; a combining mark the layout's face
would set beside its letter is drawn by a face that sets it over the letter."""

from __future__ import annotations

import io
import re

from pptx import Presentation
from pypdf import PdfReader

from builder.deck import render_deck
from builder.guide import render_guide
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from builder.resolve.references import cite, journal_parts
from builder.model import Reference
from builder.text import typography as t
from builder.text.fallback import segments
from builder.text.shorten import shortened

NBSP = "\u00a0"
LONG_TITLE = ("Révolution française : de la convocation des États généraux au coup d’État "
              "du 18 brumaire, histoire d’une décennie qui a changé la France et l’Europe")
LECTURE = f"""
title: "{LONG_TITLE}"
language: fr
sections:
  - title: Les débuts
    blocks:
      - paragraph: "Le 17 juin, ses députés se proclament **Assemblée nationale** ; ensuite."
      - paragraph: "Sieyès publie *Qu’est-ce que le Tiers état ?*, en janvier 1789."
bibliography:
  - title: Graphs in Statistical Analysis
    author: F. J. Anscombe
    publisher: The American Statistician 27 (1), 17–21
    year: 1973
    kind: article
"""


def test_shortened_ends_at_a_word():
    def fits(text: str) -> bool:
        return len(text) <= 20
    assert shortened("des États généraux au coup d’État", fits) == "des États généraux…"
    assert shortened("short", fits) == "short"
    assert shortened("Antidisestablishmentarianism", fits) == "Antidisestablishmen…"
    assert shortened("a, b, c, d, e, f, g, h, i", lambda text: len(text) <= 8) == "a, b, c…"


def test_running_header_and_deck_footer_keep_whole_words(write_source, tmp_path):
    document = resolve(load_source(write_source(LECTURE)), load_layout("layouts/large-print.yaml"))
    words = set(re.findall(r"\w+", LONG_TITLE))
    pdf = PdfReader(io.BytesIO(render_guide(document)))
    header = pdf.pages[1].extract_text().splitlines()[0]
    assert header.endswith("…"), header
    assert re.findall(r"\w+", header)[-1] in words, header  # "… au…", not "… au co…"
    deck = Presentation(io.BytesIO(render_deck(document)))
    footers = {shape.text_frame.text for slide in deck.slides for shape in slide.shapes
               if shape.name.lower().startswith("footer") and shape.has_text_frame}
    assert footers
    for footer in footers:
        if footer.endswith("…"):
            assert re.findall(r"\w+", footer)[-1] in words, footer


def test_document_fill_shortens_the_title_and_keeps_the_page_number(write_source):
    document = resolve(load_source(write_source(LECTURE)), load_layout())
    filled = document.fill("{lecture} · {page} / {pages}", lambda text: len(text) <= 60,
                           page=3, pages=12)
    assert filled.endswith(" · 3 / 12") and "…" in filled and len(filled) <= 60, filled
    assert filled.split("…")[0].split()[-1] in LONG_TITLE.split()


def test_no_break_rules_see_through_emphasis():
    assert t.for_guide("so σ = **2**. Then") == f"so σ{NBSP}={NBSP}**2**. Then"
    assert t.for_deck("**Assemblée nationale** ; le") == f"**Assemblée nationale**{NBSP}; le"
    assert t.for_deck("*Tiers état ?*, janvier") == f"*Tiers état{NBSP}?*, janvier"
    assert t.for_deck("6 CO₂ + 6 **H₂O**") == f"6{NBSP}CO₂ + 6{NBSP}**H₂O**"
    assert t.for_guide(r"\* 5 km") == f"\\* 5{NBSP}km"


def test_a_number_keeps_the_time_span_it_counts():
    assert t.bind_units("within 15 minutes, 3 jours, 10 Jahre") == (
        f"within 15{NBSP}minutes, 3{NBSP}jours, 10{NBSP}Jahre")
    assert t.bind_units("in 1950 a war, in 1789 an army") == "in 1950 a war, in 1789 an army"


def test_french_marks_after_styled_runs_in_the_deck(write_source):
    document = resolve(load_source(write_source(LECTURE)), load_layout())
    deck = Presentation(io.BytesIO(render_deck(document)))
    text = "".join(run.text for slide in deck.slides for shape in slide.shapes
                   if shape.has_text_frame for para in shape.text_frame.paragraphs
                   for run in para.runs)
    assert f"nationale{NBSP};" in text and f"état{NBSP}?" in text
    assert "nationale ;" not in text and "état ?" not in text


def test_only_the_journal_name_is_italic():
    assert journal_parts("The American Statistician 27 (1), 17–21") == (
        "The American Statistician", "27 (1), 17–21")
    assert journal_parts("Journal of the American Chemical Society 63, 877–879") == (
        "Journal of the American Chemical Society", "63, 877–879")
    assert journal_parts("Proceedings of the 3rd Symposium") == (
        "Proceedings of the 3rd Symposium", "")
    pieces = cite(Reference(title="Graphs in Statistical Analysis", author="F. J. Anscombe",
                            publisher="The American Statistician 27 (1), 17–21", year=1973,
                            kind="article"))
    italic = [piece.text for piece in pieces if piece.style == "italic"]
    assert italic == ["The American Statistician"]
    assert " ".join(piece.text for piece in pieces).endswith("27 (1), 17–21 , 1973.")


def test_reference_volume_is_upright_in_the_deck(write_source):
    document = resolve(load_source(write_source(LECTURE)), load_layout())
    deck = Presentation(io.BytesIO(render_deck(document)))
    runs = [run for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
            for para in shape.text_frame.paragraphs for run in para.runs
            if "Statistician" in para.text]
    assert runs
    assert all(run.font.italic for run in runs if "Statistician" in run.text)
    assert all(not run.font.italic for run in runs if "17–21" in run.text)


def test_a_mark_liberation_sans_sets_beside_its_letter_goes_with_it_to_the_fallback():
    faces = resolve_faces("large-print")
    drawn = [(segment.text, segment.font.family) for segment in segments("mean x̄ = 5", faces)]
    assert ("x̄", "DejaVu Sans") in drawn, drawn  # letter and mark in one face, set together
    assert all("\u0304" not in text for text, family in drawn if family != "DejaVu Sans")


def resolve_faces(layout: str):
    from builder.text.fonts import faces
    return faces(load_layout(f"layouts/{layout}.yaml").fonts.body)


HEBREW_LECTURE = """
title: Emphasis from the right
sections:
  - title: One
    blocks:
      - paragraph: "דוד בן-גוריון **הכריז** על הקמת המדינה ב-1948 *בתל אביב*."
"""


def test_emphasis_survives_a_whole_right_to_left_paragraph(write_source):
    import pdfplumber
    document = resolve(load_source(write_source(HEBREW_LECTURE)), load_layout())
    with pdfplumber.open(io.BytesIO(render_guide(document))) as pdf:
        chars = [c for page in pdf.pages for c in page.chars if "\u05d0" <= c["text"] <= "\u05ea"]
    by_font: dict[str, str] = {}
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        by_font[char["fontname"]] = by_font.get(char["fontname"], "") + char["text"]
    bold = "".join(text for font, text in by_font.items() if "Bold" in font)
    italic = "".join(text for font, text in by_font.items()
                     if "Oblique" in font or "Italic" in font)
    assert bold == "הכריז"[::-1], by_font  # drawn left to right, so reversed
    assert italic.replace(" ", "") == "בתלאביב"[::-1], by_font


def test_a_bracketed_term_in_a_long_east_asian_run_starts_a_line_whole(tmp_path):
    """LibreOffice breaks a run of kanji between any two characters; where that would cut a
    short bracketed term (（岩波文庫）) the deck breaks the line before it (a:br)."""
    import pytest
    import broken_words
    import render_check
    from builder.cli import main
    if not render_check.available():
        pytest.skip("LibreOffice or poppler missing")
    source = tmp_path / "cite.yaml"
    source.write_text(
        "title: Gakumon\nsections:\n  - title: Learning\n    blocks:\n"
        "      - paragraph: Fukuzawa wrote for everyone.\nbibliography:\n" + "".join(
            f"  - {{title: 学問のすゝめ{'、' * n}第{n}編, author: 福澤諭吉{'諭吉' * n}, "
            f"publisher: 岩波書店（岩波文庫）, year: 1942}}\n" for n in range(6)),
        encoding="utf-8")
    layout = "layouts/large-print.yaml"
    assert main(["build", str(source), "--layout", layout, "--out", str(tmp_path), "-j", "1"]) == 0
    deck = tmp_path / "cite.pptx"
    pdf = render_check.convert_decks([deck], tmp_path / "pdf", render_check.temporary_profile())
    found = broken_words.torn(pdf[deck], broken_words.source_words([source.read_text()]))
    assert not [one for one in found if "East Asian" in one], found
    assert broken_words.broken(pdf[deck], set(), ["岩波文庫"]) == []  # a bracketed term whole


def test_a_compound_too_wide_breaks_after_its_dashes_and_a_number_takes_no_hyphen():
    from builder.text import hyphenate
    def wide(word: str) -> bool:
        return len(word) > 10
    def fits(piece: str) -> bool:
        return len(piece) <= 10
    calvin = hyphenate.break_wide_words(t.for_deck("(Calvin–Benson–Bassham cycle)"), "en",
                                        wide, fits)
    assert calvin == "(Calvin–\u200bBenson–\u200bBassham cycle)"  # no "–-", no letters cut
    rule = hyphenate.break_wide_words(t.for_deck("the 68–95–99.7 rule"), "en", wide, fits)
    assert rule == "the 68–\u200b95–\u200b99.7 rule"  # never "99-" / ".7"
    assert hyphenate.break_wide_words("a 123456789012.5 b", "en", wide, fits) == (
        "a 123456789012.5 b")
    # a hyphen as typed stays as typed (the read-back drops the deck's own "-\u200b")
    assert hyphenate.break_wide_words("Reaction-centre", "en", wide, fits) == "Reaction-centre"


def test_a_big_value_keeps_each_number_with_the_word_it_counts(write_source):
    assert t.bind_value("3 fu + 302 ken → 3 fu + 72 ken") == (
        f"3{NBSP}fu + 302{NBSP}ken → 3{NBSP}fu + 72{NBSP}ken")
    assert t.bind_value("More than half") == "More than half"
    source = write_source("""
        title: Prefectures
        sections:
          - title: One
            blocks:
              - statistics:
                  - {value: "3 fu + 302 ken → 3 fu + 72 ken", label: "Prefectures, 1871 to 1888"}
        """)
    document = resolve(load_source(source), load_layout())
    deck = Presentation(io.BytesIO(render_deck(document)))
    texts = [para.text for slide in deck.slides for shape in slide.shapes
             if shape.has_text_frame for para in shape.text_frame.paragraphs]
    assert any(f"302{NBSP}ken" in text for text in texts), texts
