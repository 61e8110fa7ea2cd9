"""A word longer than its table column hyphenates at a syllable, with a visible hyphen, in the
lecture's language (pyphen's patterns), instead of being cut between any two letters; read back
from the guide with pdfplumber."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

import broken_words
import render_check
from builder.cli import main
from builder.deck import fit
from builder.deck.specs import Para
from builder.layout import load_layout
from builder.text import measure, typography
from builder.text.fonts import faces
from builder.text.hyphenate import DECK_BREAK, breaks, hyphenator
from builder.text.inline import Run

ROOT = Path(__file__).resolve().parent.parent

LECTURE = """\
title: Das Grundgesetz
language: de
sections:
  - title: Organe
    blocks:
      - table:
          header: [Verfassungsorgan, Zuständigkeitsbereich, Rechtsgrundlage, Gründungsdatum, Bemerkungen]
          rows:
            - [Bundesverfassungsgericht, Normenkontrollverfahren, Grundgesetz Artikel 93, 1951, Sitz in Karlsruhe]
            - [Bundestag, Gesetzgebungsverfahren, Grundgesetz Artikel 38, 1949, Verhältniswahlrecht]
"""

WORDS = ("Verfassungsorgan", "Zuständigkeitsbereich", "Rechtsgrundlage", "Gründungsdatum",
         "Bundesverfassungsgericht", "Normenkontrollverfahren", "Gesetzgebungsverfahren",
         "Verhältniswahlrecht")


def test_only_long_words_are_offered_for_hyphenation() -> None:
    german = hyphenator("de")
    assert ("Verfassungs", "organ") in german("Verfassungsorgan")
    assert german("Bundestag") == []  # under ten letters: wraps whole
    assert hyphenator("fr-CA") is not None and hyphenator("xx") is None


def test_long_german_words_in_a_narrow_table_break_at_a_syllable(tmp_path: Path) -> None:
    source = tmp_path / "grundgesetz.yaml"
    source.write_text(LECTURE, encoding="utf-8")
    assert main(["build", str(source), "--layout", str(ROOT / "layouts" / "large-print.yaml"),
                 "--out", str(tmp_path), "-j", "1"]) == 0
    with pdfplumber.open(str(tmp_path / "grundgesetz.pdf")) as pdf:
        words = [word["text"] for page in pdf.pages for word in page.extract_words()]
    heads = [word for word in words if any(whole.startswith(word.rstrip("-"))
                                           and word.rstrip("-") != whole for whole in WORDS)]
    assert heads, "the columns are narrow enough to break these words"
    assert all(word.endswith("-") for word in heads), heads  # never cut without a hyphen


PROBE = """\
title: Verfassungsgerichtsbarkeit
language: de
sections:
  - title: Organe
    blocks:
      - table:
          header: [Verfassungsorgan, Zuständigkeitsbereich, Rechtsgrundlage, Gründungsdatum, Bemerkungen]
          rows:
            - ["Staatsgerichtshof für das Deutsche Reich", "Verfassungsstreitigkeiten zwischen Reich und Ländern", "Art. 19 Weimarer Reichsverfassung", "1921", "Keine Verfassungsbeschwerde"]
            - ["Bundesverfassungsgericht", "Verfassungsbeschwerden, Normenkontrollverfahren, Organstreitigkeiten", "Bundesverfassungsgerichtsgesetz", "7. September 1951", "Sitz in Karlsruhe"]
            - ["Reichstag", "Gesetzgebung, Haushaltsbewilligung", "Art. 20–40 WRV", "1919", "Verhältniswahlrecht"]
"""


def test_breaks_fall_back_to_letters_only_inside_a_syllable_wider_than_the_column() -> None:
    """A word that fits its column wraps whole (review 18:43: "Maximilien de Robes-" /
    "pierre"); a wider one breaks at its syllables, and letters only inside a syllable that
    is wider still."""
    def fits(width: int):
        return lambda text: len(text) <= width
    assert breaks("Reichsverfassung", "de", fits(40)) == []  # fits its line: wraps whole
    assert breaks("Reichsverfassung", "de", fits(12)) == [6, 9, 12]  # wider: its syllables
    assert breaks("Robespierre", "fr", fits(40)) == []  # a name that fits is never cut
    assert breaks("Reichstag", "de", fits(7)) == [6]  # short but wider than the column
    # "Rechts-" and "grund-" are wider than five with their hyphens: letters break them
    assert breaks("Rechtsgrundlage", "de", fits(5)) == [4, 6, 9, 11, 13]


def test_no_table_word_is_cut_without_a_hyphen_beside_other_words(tmp_path: Path) -> None:
    """The German probe (review 16:09, 17:22): "Weimarer Rei|chsverfassun|g" and
    "Normenkontro|llverfahren, Or|ganstreitigkeit|en" were cut where the word could not
    break beside the words before it on its line; every fragment now ends in a hyphen."""
    source = tmp_path / "probe.yaml"
    source.write_text(PROBE, encoding="utf-8")
    assert main(["build", str(source), "--layout", str(ROOT / "layouts" / "large-print.yaml"),
                 "--out", str(tmp_path), "--format", "pdf", "-j", "1"]) == 0
    whole = set(re.findall(r"[\w–.]+", PROBE))
    with pdfplumber.open(str(tmp_path / "probe.pdf")) as pdf:
        printed = []
        for page in pdf.pages:  # the table: from its header row to above the footer
            words = page.extract_words()
            top = min((word["top"] for word in words if word["text"] == "Verfassungs-"),
                      default=None)
            printed += [word["text"].strip(",;:()") for word in words if top is not None
                        and word["top"] >= top - 1 and word["bottom"] <= page.height * 0.88]
    heads = [word for word in printed if word.endswith("-") and word not in whole]
    tails = [word for word in printed if word not in whole and not word.endswith("-")]
    assert heads, "the probe's columns are narrow enough to hyphenate"
    assert all(any(head[:-1] in other for other in whole) for head in heads), heads
    assert all(any(other.endswith(tail) and other != tail for other in whole)
               for tail in tails), tails


MONSTER = "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz"
WIDE_LECTURE = f"""\
title: Das {MONSTER}
language: de
sections:
  - title: {MONSTER} und Grundrechtsgewährleistungen
    blocks:
      - paragraph: Das {MONSTER} galt von 1999 bis 2013 in Mecklenburg-Vorpommern.
      - statistics:
          - value: "1999"
            label: {MONSTER}
          - value: "2013"
            label: Aufhebung durch das Landesverfassungsgerichtsentscheidungsgesetz
"""


def test_the_deck_breaks_only_words_wider_than_their_line_with_a_visible_hyphen() -> None:
    body = faces(load_layout().fonts.body)
    with typography.speaking("de"):
        wide = Para((Run(f"Das {MONSTER} galt"),))
        broken = fit.breakable(wide, body, 24, 300)
        assert DECK_BREAK in broken.text and broken.text.replace(DECK_BREAK, "") == wide.text
        pieces = broken.text.split(" ")[1].split("\u200b")
        assert all(piece.endswith("-") for piece in pieces[:-1]) and len(pieces) >= 3
        assert all(measure.styled_width(piece, body, 24) <= 300 for piece in pieces)
        # measured as drawn: one line per piece ("Das" joins the first, "galt" the last)
        assert fit.para_lines(broken, body, 24, 300) == fit.para_lines(wide, body, 24, 300) \
            == len(pieces)
        ordinary = Para((Run("Die Reichsverfassung vom 11. August 1919"),))
        assert fit.breakable(ordinary, body, 24, 300) is ordinary  # words that fit: untouched
        # review 19:15: an address breaks after its slashes, a compound at its own hyphen
        url = Para((Run("https://www.nobelprize.org/prizes/chemistry/1961/calvin/lecture/"),))
        broken_url = fit.breakable(url, body, 24, 300).text
        assert "-" not in broken_url and "chemistry/\u200b1961/" in broken_url
        compound = Para((Run("Reaction-centre oxygen-evolving"),))
        assert fit.breakable(compound, body, 24, 150).text == "Reaction-centre oxygen-evolving"


def test_words_wider_than_their_frame_break_with_a_hyphen_in_both_outputs(tmp_path: Path) -> None:
    """A compound wider than a slide title, a stat card or a guide heading: every line that
    ends inside it ends in a hyphen, in the guide and in the deck as LibreOffice draws it."""
    source = tmp_path / "rind.yaml"
    source.write_text(WIDE_LECTURE, encoding="utf-8")
    assert main(["build", str(source), "--layout", str(ROOT / "layouts" / "large-print.yaml"),
                 "--out", str(tmp_path), "-j", "1"]) == 0  # its own check reads both back
    words = broken_words.source_words([WIDE_LECTURE])
    guide_lines = [line for _, block in broken_words.lines(tmp_path / "rind.pdf")
                   for line in block]
    assert any(line[-1].startswith("Rindfleisch") and line[-1].endswith("-")
               for line in guide_lines)
    assert broken_words.broken(tmp_path / "rind.pdf", words) == []
    deck = Presentation(str(tmp_path / "rind.pptx"))
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes
             if shape.has_text_frame]
    assert any(DECK_BREAK in text for text in texts)
    if not render_check.available():
        pytest.skip("LibreOffice or poppler missing: the deck is not drawn")
    pdf = render_check.convert_decks([tmp_path / "rind.pptx"], tmp_path / "lo",
                                     render_check.temporary_profile())[tmp_path / "rind.pptx"]
    assert broken_words.broken(pdf, words) == []
    assert render_check.check_deck(tmp_path / "rind.pptx", pdf) == []


def test_a_bound_date_wider_than_its_column_breaks_at_its_spaces(tmp_path: Path) -> None:
    """independencia large print: "7 de agosto d" / "e 1819" – a date bound by no-break
    spaces, wider than its column, was cut between letters; it breaks at its spaces."""
    source = tmp_path / "batallas.yaml"
    source.write_text(
        "title: Batallas\nlanguage: es\nsections:\n  - title: Batallas\n    blocks:\n"
        "      - table:\n          header: [Batalla, Fecha, Lugar actual, Comandante patriota,"
        " Consecuencia]\n          rows:\n"
        "            - [Chacabuco, 12 de febrero de 1817, Chile, José de San Martín y Bernardo"
        " O’Higgins, \"Entrada en Santiago; O’Higgins, Director Supremo\"]\n"
        "            - [Boyacá, 7 de agosto de 1819, Colombia, Simón Bolívar, \"Liberación de"
        " Nueva Granada; nace la Gran Colombia\"]\n"
        "            - [Pichincha, 24 de mayo de 1822, Ecuador, Antonio José de Sucre,"
        " Liberación de Quito]\n",
        encoding="utf-8")
    assert main(["build", str(source), "--layout", str(ROOT / "layouts" / "large-print.yaml"),
                 "--out", str(tmp_path), "--format", "pdf", "-j", "1"]) == 0
    words = broken_words.source_words([source.read_text(encoding="utf-8"),
                                       "agosto mayo de"])
    assert broken_words.broken(tmp_path / "batallas.pdf", words) == []
