"""A word longer than its table column hyphenates at a syllable, with a visible hyphen, in the
lecture's language (pyphen's patterns), instead of being cut between any two letters; read back
from the guide with pdfplumber."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from builder.cli import main
from builder.text.hyphenate import hyphenator

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
