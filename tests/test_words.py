"""The outputs' own words follow the lecture's language, in both outputs.

The French corpus lecture and a small German and Spanish lecture are built and both files
read back (pypdf for the guide, python-pptx for the deck, speaker notes and alt texts
included): no English word of the builder's own is left, dates are written the language's
way, and quotations take the language's marks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from builder.cli import main
from builder.model.dates import parse_date
from builder.text import typography
from builder.text.words import ENGLISH, fields, keys, table, words_for

ROOT = Path(__file__).resolve().parent.parent
FRENCH = ROOT / "tests" / "corpus" / "revolution-francaise.yaml"
MONTHS = table()["months"][ENGLISH]


def guide_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages
                     ).replace("\u00a0", " ")


def deck_text(pptx: Path) -> str:
    """Every text a listener or a screen reader meets: shapes, groups, notes, alt texts."""
    lines = []
    for slide in Presentation(str(pptx)).slides:
        for element in slide.shapes._spTree.iter():
            if element.tag.endswith("}cNvPr") and element.get("descr"):
                lines.append(element.get("descr"))
            if element.tag.endswith("}t") and element.text:
                lines.append(element.text)
        if slide.has_notes_slide:
            lines.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(lines).replace("\u2060", "").replace("\u00a0", " ")


def english_words(language: str) -> list[str]:
    """The builder's English words that the language writes otherwise, as literal phrases
    (fields cut out: "Section {number} of {count}" → "Section ", " of ")."""
    words = words_for(language)
    phrases = set()
    for key in keys():
        english = words_for(ENGLISH)(key)
        if english == words(key) or key.startswith("list_"):
            continue
        for piece in re.split(r"\{\w+\}", english):
            piece = piece.strip(" .:;,()")
            if len(piece) >= 4 and piece.lower() not in words(key).lower():
                phrases.add(piece)
    return sorted(phrases)


def assert_no_english(text: str, language: str) -> None:
    found = [phrase for phrase in english_words(language)
             if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]
    own = table()["months"].get(language, MONTHS)
    found += [month for month in MONTHS if month not in own and re.search(rf"\b{month}\b", text)]
    assert not found, f"English words in a {language} output: {found}"


def build(source: Path, out: Path, *options: str) -> tuple[str, str]:
    assert main(["build", str(source), "--out", str(out), "-j", "1", *options]) == 0
    return guide_text(out / f"{source.stem}.pdf"), deck_text(out / f"{source.stem}.pptx")


# --- the table itself -------------------------------------------------------------------

def test_every_word_has_english_and_translations_keep_its_fields() -> None:
    for key, entry in table().items():
        assert ENGLISH in entry, key
        english = entry[ENGLISH]
        for language, text in entry.items():
            if isinstance(english, list):
                assert isinstance(text, list) and len(text) == 12, (key, language)
            else:
                assert fields(text) == fields(english), (key, language, text)


def test_a_word_missing_for_a_language_falls_back_to_english() -> None:
    assert words_for("it")("agenda") == "Agenda"
    assert words_for("fr-CA")("agenda") == words_for("fr")("agenda") == "Au programme"
    assert words_for("xx").date(parse_date("2026-11-30")) == "November 30, 2026"


@pytest.mark.parametrize(("language", "long", "short", "month"), [
    ("en", "November 30, 2026", "May 1, 1789", "July 1789"),
    ("fr", "30 novembre 2026", "1er mai 1789", "juillet 1789"),
    ("de", "30. November 2026", "1. Mai 1789", "Juli 1789"),
    ("es", "30 de noviembre de 2026", "1 may. 1789", "julio de 1789"),
    ("ja", "2026年11月30日", "1789年5月1日", "1789年7月"),
    ("ko", "2026년 11월 30일", "1789년 5월 1일", "1789년 7월"),
])
def test_dates_are_written_the_languages_way(language, long, short, month) -> None:
    words = words_for(language)
    assert words.date(parse_date("2026-11-30")) == long
    assert words.date(parse_date("1789-05-01"), short=True) == short
    assert words.date(parse_date("1789-07")) == month


def test_ranges_and_lives_say_each_thing_once() -> None:
    english, french, german = words_for("en"), words_for("fr"), words_for("de")
    assert english.date(parse_date("1789-10-05/1789-10-06")) == "October 5–6, 1789"
    assert french.date(parse_date("1789-10-05/1789-10-06")) == "5–6 octobre 1789"
    assert german.date(parse_date("1789-10-05/1789-11-06")) == "5. Oktober – 6. November 1789"
    assert english.date(parse_date("1945/1954")) == "1945–1954"  # as a person's dates
    assert english.life(1884, 1972) == "1884–1972" and german.life(1912, None) == "geb. 1912"


@pytest.mark.parametrize(("language", "same_month", "two_months", "no_year"), [
    ("en", "Jul 26–27, 1822", "Jul 26 – Sep 2, 1822", "Jul 26–27"),
    ("fr", "26–27 juil. 1822", "26 juil. – 2 sept. 1822", "26–27 juil."),
    ("es", "26–27 jul. 1822", "26 jul. – 2 sept. 1822", "26–27 jul."),
    ("ja", "1822年7月26日–27日", "1822年7月26日–9月2日", "7月26日–27日"),
])
def test_short_ranges_say_the_month_and_year_once(language, same_month, two_months,
                                                  no_year) -> None:
    """A figure's short date range inside one year (review: '26 jul. 1822 – 27 jul. 1822'
    printed twice) closes up like the long form does; the short form keeps the long form's
    order (English month first, as in 'March 27, 1964' of the body text)."""
    words = words_for(language)
    assert words.date(parse_date("1822-07-26/1822-07-27"), short=True) == same_month
    assert words.date(parse_date("1822-07-26/1822-09-02"), short=True) == two_months
    assert words.date(parse_date("1822-07-26/1822-07-27"), short=True, year=False) == no_year
    assert words.date(parse_date("1820-07-26/1822-07-27"), short=True).count("1822") == 1


def test_quotations_take_the_languages_marks_and_nest() -> None:
    nbsp = "\u00a0"
    assert typography.quoted("Er sagte „ja“", "de") == "„Er sagte ‚ja‘“"
    assert typography.quoted('Il dit "oui"', "fr") == f"«{nbsp}Il dit “oui”{nbsp}»"
    assert typography.quoted("« Déjà entre guillemets »", "fr") == \
        f"«{nbsp}Déjà entre guillemets{nbsp}»"
    assert typography.quoted("Dijo «sí»", "es") == "«Dijo “sí”»"
    assert typography.quoted("He asked, “Why?”", "en") == "“He asked, ‘Why?’”"


def test_no_line_break_after_an_approximation_sign() -> None:
    assert typography.bind_units("red (≈ 662 nm), < 5 %") == \
        "red (≈\u00a0662\u00a0nm), <\u00a05\u00a0%"


def test_no_line_break_inside_a_name_with_a_number_or_french_spacing() -> None:
    deck = typography.for_deck("the Il-28 bombers, well-known")
    assert "Il-\u206028" in deck and "well-known" in deck
    assert typography.for_guide("un « don gratuit » ; oui ?") == \
        "un «\u00a0don gratuit\u00a0»\u00a0; oui\u00a0?"


def test_a_layout_overrides_a_word_and_is_told_of_unknown_ones(tmp_path: Path) -> None:
    from builder.errors import LayoutError
    from builder.layout.load import load_layout

    good = tmp_path / "good.yaml"
    good.write_text("words: {agenda: Overview, continued: '{title} – {index}/{count}'}\n",
                    encoding="utf-8")
    assert load_layout(good).words["agenda"] == "Overview"
    bad = tmp_path / "bad.yaml"
    bad.write_text("words: {agenda_: Overview}\n", encoding="utf-8")
    with pytest.raises(LayoutError, match="did you mean 'agenda'"):
        load_layout(bad)
    fields_ = tmp_path / "fields.yaml"
    fields_.write_text("words: {section_of: 'Part {n}'}\n", encoding="utf-8")
    with pytest.raises(LayoutError, match="may name only"):
        load_layout(fields_)


# --- built outputs ----------------------------------------------------------------------

def test_the_french_lecture_speaks_french_in_both_outputs(tmp_path: Path) -> None:
    guide, deck = build(FRENCH, tmp_path, "--edition", "instructor")
    for text in (guide, deck):
        assert_no_english(text, "fr")
        assert "“" not in text.replace("‘", "") or "«" in text  # quotes are French ones
    assert "19 janvier 2027" in guide and "19 janvier 2027" in deck  # the cover's date
    assert "ÉDITION ENSEIGNANT" in guide and "Page 2 sur" in guide
    assert "Sommaire" in guide and "Au programme" in deck and "Partie 1 sur 4" in deck
    assert "(consulté le" in guide
    assert re.search(r"«\s?Si le ressort du gouvernement", guide)  # a quote block
    assert re.search(r"«\s?Si le ressort du gouvernement", deck)
    assert "Figure 1." in guide and "Source :" in deck
    student_guide, student_deck = build(FRENCH, tmp_path / "student", "--edition", "student")
    for text in (student_guide, student_deck):
        assert_no_english(text, "fr")
    assert "ÉDITION ÉTUDIANT" in student_guide
    assert "NOM" in student_guide and "CLASSE" in student_guide  # the write-in lines


GERMAN = """\
title: Die Reformation
date: 2027-03-01
language: {language}
essential_question: Warum spaltete sich die Kirche?
objectives: [Die Ursachen der Reformation erklären.]
takeaways: [Luther veröffentlichte 1517 seine Thesen.]
sections:
  - title: 'Luther und "Rom"'
    blocks:
      - paragraph: 'Im Oktober 1517 veröffentlichte Martin Luther seine Thesen gegen den "Ablass".'
      - quote:
          text: Hier stehe ich, ich kann nicht anders.
          speaker: Martin Luther
          date: 1521-04-18
      - figure: chronik
      - figure: drucke
      - key_terms:
          - {{term: Ablass, definition: Erlass zeitlicher Sündenstrafen}}
      - questions:
          - question: Wann veröffentlichte Luther seine Thesen?
            answer: Im Oktober 1517.
figures:
  - id: chronik
    kind: timeline
    caption: Die frühe Reformation
    alt: Zeitleiste der frühen Reformation von 1517 bis 1521.
    events:
      - {{date: 1517-10-31, label: Thesenanschlag}}
      - {{date: 1520-12-10, label: Bannandrohungsbulle verbrannt}}
      - {{date: 1521-04-18, label: Reichstag zu Worms}}
  - id: drucke
    kind: bar
    caption: Drucke in Wittenberg
    alt: Balkendiagramm der Drucke in Wittenberg, 1518 und 1523.
    categories: ["1518", "1523"]
    series: [{{name: Drucke, values: [1234.5, 2345.5]}}]
    number_format: "#,##0.0"
bibliography:
  - title: Martin Luther
    author: Heinz Schilling
    url: https://example.org/luther
    accessed: 2026-11-30
    kind: web
"""


@pytest.mark.parametrize(("language", "expected"), [
    ("de", ("Abbildung 1.", "„Hier stehe ich", "abgerufen am 30. November 2026",
            "Seite 2 von", "1. März 2027", "Schlüsselbegriffe", "1.234,5")),
    ("es", ("Figura 1.", "«Hier stehe ich", "consultado el 30 de noviembre de 2026",
            "Página 2 de", "1 de marzo de 2027", "Términos clave", "1.234,5")),
])
def test_a_german_and_a_spanish_lecture_speak_their_language(tmp_path: Path, language,
                                                             expected) -> None:
    source = tmp_path / f"reformation-{language}.yaml"
    source.write_text(GERMAN.format(language=language), encoding="utf-8")
    guide, deck = build(source, tmp_path / "out", "--edition", "instructor")
    for text in (guide, deck):
        assert_no_english(text, language)
    figure, quote, accessed, page, date, terms, number = expected
    assert figure in guide and figure in deck
    assert quote in guide.replace("\n", " ") and quote in deck
    assert accessed in guide.replace("\n", " ")
    assert page in guide
    assert date in guide and date in deck
    assert terms in guide and terms in deck
    assert number in guide  # the guide's chart labels (the deck's chart: PowerPoint's locale)
    straight = "„Ablass“" if language == "de" else "«Ablass»"
    assert straight in guide and straight in deck  # straight quotes set in the language's marks
    titled = "„Rom“" if language == "de" else "«Rom»"
    assert titled in guide and titled in deck  # and the check matched the section's title


def test_numbers_in_figures_take_the_languages_marks() -> None:
    from builder.text.numbers import format_number

    assert format_number(1234.5, "#,##0.0", words_for("fr").number_marks) == "1\u00a0234,5"
    assert format_number(0.125, "0.0%", words_for("de").number_marks) == "12,5%"
    assert format_number(12.5, '"$"#,##0.00', words_for("es").number_marks) == "$12,50"
    assert format_number(1234.5, "#,##0.0", words_for("en").number_marks) == "1,234.5"


def test_a_fallback_stretch_gives_its_space_back_and_keeps_a_mark_with_its_base() -> None:
    from builder.layout.load import load_layout
    from builder.text.fallback import segments
    from builder.text.fonts import faces

    serif = faces(load_layout(ROOT / "layouts" / "history-101.yaml").fonts.body)
    runs = [(s.text, s.primary) for s in segments("O₂ and protons", serif)]
    assert runs == [("O", True), ("₂", False), (" and protons", True)]
    sans = faces(load_layout().fonts.body)
    assert [s.text for s in segments("x̄ = 5", sans)][0] == "x̄"  # base and macron together
    assert [s.text for s in segments("강화도 조약 (1876)", sans)][0] == "강화도 조약"


def test_a_glyph_without_an_outline_falls_through_to_the_next_font() -> None:
    from builder.layout.load import load_layout
    from builder.text.fallback import has, segments
    from builder.text.fonts import faces

    runs = segments("学問のすゝめ", faces(load_layout().fonts.body))
    drawing = {char: run.font.name for run in runs for char in run.text}
    assert has(drawing["ゝ"], "ゝ")  # a font whose glyph for ゝ draws something (or none)
    if "wqy" in drawing["学"]:
        assert "wqy" not in drawing["ゝ"]  # WenQuanYi maps ゝ to an empty glyph
