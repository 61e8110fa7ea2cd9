"""A word longer than its table column hyphenates at a syllable, with a visible hyphen, in the
lecture's language (pyphen's patterns), instead of being cut between any two letters; read back
from the guide with pdfplumber."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber

from builder.cli import main
from builder.text.hyphenate import breaks, hyphenator

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
    def fits(width: int):
        return lambda text: len(text) <= width
    assert breaks("Reichsverfassung", "de", fits(40)) == [6, 9, 12]  # long: its syllables
    assert breaks("Reichstag", "de", fits(40)) == []  # short and fits: wraps whole
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
