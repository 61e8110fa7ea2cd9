"""What reads as one unit never breaks across lines, in both outputs and in every language.

Rule tests for ``builder.text.nobreak`` (dates in en/fr/de/es, a symbol before its number,
digit groups, a spaced dash), then read-back: a lecture whose dates and symbols fall at every
position of a line is built, the guide's printed lines are read back with pdfplumber and the
deck's as LibreOffice draws them (pdftotext, where LibreOffice is installed), and no line
ends inside a date, after "pH"/"p."/"No.", or starts with a dash.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import render_check
from builder.cli import main
from builder.text.nobreak import bind
from builder.text.typography import breakable_words, for_deck, for_guide

NB = "\u00a0"


@pytest.mark.parametrize(("text", "expected"), [
    # French: day month year, 1er, the Republican calendar, an era
    ("le 26 octobre 1795", f"le 26{NB}octobre{NB}1795"),
    ("le 1er mai 1789", f"le 1er{NB}mai{NB}1789"),
    ("Coup d’État du 18 brumaire an VIII", f"Coup d’État du 18{NB}brumaire{NB}an{NB}VIII"),
    ("l’an II de la République", f"l’an{NB}II de la République"),
    ("en 300 av. J.-C.", f"en 300{NB}av.{NB}J.-C."),
    # English: month day, year; day month; a short month
    ("on October 26, 1795 and", f"on October{NB}26,{NB}1795 and"),
    ("on 26 October 1795", f"on 26{NB}October{NB}1795"),
    ("from Oct 16 to 28", f"from Oct{NB}16 to 28"),
    ("in May 1950", f"in May{NB}1950"),
    # German: the day's dot; Spanish: "de"
    ("am 30. November 2026", f"am 30.{NB}November{NB}2026"),
    ("el 30 de noviembre de 2026", f"el 30{NB}de{NB}noviembre{NB}de{NB}2026"),
    ("el 1 may. 1789", f"el 1{NB}may.{NB}1789"),
])
def test_a_date_is_one_unit_in_every_language(text: str, expected: str) -> None:
    assert bind(text) == expected


def test_a_range_of_dates_breaks_only_after_its_dash() -> None:
    text = bind("26 octobre 1795 – 9 novembre 1799")
    assert text == f"26{NB}octobre{NB}1795{NB}– 9{NB}novembre{NB}1799"
    assert breakable_words(text) == [f"26{NB}octobre{NB}1795{NB}–", f"9{NB}novembre{NB}1799"]
    assert bind("October 5 – November 6, 1789") == f"October{NB}5{NB}– November{NB}6,{NB}1789"
    assert bind("war – and peace") == f"war{NB}– and peace"  # a dash never opens a line
    assert bind("5. Oktober – 6. November 1789") == \
        f"5.{NB}Oktober{NB}– 6.{NB}November{NB}1789"
    assert bind("16 de septiembre de 1810 – 1 de mayo de 1811") == \
        f"16{NB}de{NB}septiembre{NB}de{NB}1810{NB}– 1{NB}de{NB}mayo{NB}de{NB}1811"


@pytest.mark.parametrize(("text", "expected"), [
    ("a pH 8 sea", f"a pH{NB}8 sea"),
    ("≈ pH 5", f"≈{NB}pH{NB}5"),
    ("€ 5 or 5 €", f"€{NB}5 or 5{NB}€"),
    ("§ 3, No. 4, p. 12, pp. 12–14", f"§{NB}3, No.{NB}4, p.{NB}12, pp.{NB}12–14"),
    ("Fig. 3 and Abb. 2, S. 14", f"Fig.{NB}3 and Abb.{NB}2, S.{NB}14"),
    ("c. 1500, b. 1912, Nr. 5, n° 7", f"c.{NB}1500, b.{NB}1912, Nr.{NB}5, n°{NB}7"),
    ("20 000 morts, 1 234,5 livres", f"20{NB}000 morts, 1{NB}234,5 livres"),
    ("red (λ ≈ 680 nm) light", f"red (λ{NB}≈{NB}680{NB}nm) light"),
    ("ΔG ≈ +2,870 kJ mol⁻¹ here", f"ΔG{NB}≈{NB}+2,870{NB}kJ{NB}mol⁻¹ here"),
    ("R = 8.314 J mol⁻¹ K⁻¹", f"R{NB}={NB}8.314{NB}J{NB}mol⁻¹{NB}K⁻¹"),
    ("uplift of 20–150 mm a⁻¹", f"uplift of 20–150{NB}mm{NB}a⁻¹"),
    ("(≈ 35 mm a⁻¹) and 65 mW m⁻²", f"(≈{NB}35{NB}mm{NB}a⁻¹) and 65{NB}mW{NB}m⁻²"),
    ("Valdivia, Mw 9.5, 1960", f"Valdivia, Mw{NB}9.5, 1960"),
])
def test_a_symbol_or_abbreviation_keeps_its_number(text: str, expected: str) -> None:
    assert bind(text) == expected


@pytest.mark.parametrize("text", [
    "stop. 12 people came",  # "p." ends a word, not an abbreviation
    "in 1945 and 12 of them",  # numbers that are not grouped digits
    "you may 5 times",  # lower-case English "may" is not a month
    "in 4 kinds of soil",
    "in 1950 a war began, 5 d later",  # a time unit counts only with its power (a⁻¹)
    "Figure 1. Casualties",  # the builder's own furniture is compared as typed
    "five and more, E = hc/λ",  # a relation to no number
])
def test_ordinary_spaces_stay_breakable(text: str) -> None:
    assert bind(text) == text


def test_both_outputs_apply_the_rules() -> None:
    assert f"18{NB}brumaire" in for_guide("le 18 brumaire") and \
        f"18{NB}brumaire" in for_deck("le 18 brumaire")
    assert for_deck("pH 8 (1795–1799)") == f"pH{NB}8 (1795–\u20601799)"


# --- read back -------------------------------------------------------------------------

MONTHS = ("octobre", "novembre", "brumaire", "thermidor", "October", "November", "Oktober",
          "noviembre", "VIII", "an", "de", "1795", "1799", "2026")
FILLERS = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh", "iiiiiiiii"]


def _lecture() -> str:
    """Bullets whose dates and symbols start at every position of a line."""
    items = []
    for index in range(len(FILLERS) * 2):
        lead = " ".join(FILLERS[: index % len(FILLERS) + 1]) + " " * (index // len(FILLERS))
        items.append(f"{lead} le 26 octobre 1795 – 9 novembre 1799, du 18 brumaire an VIII, "
                     f"October 26, 1795, am 30. November 2026, el 30 de noviembre de 2026, "
                     f"à pH 8, § 3, No. 4, p. 12 et fin")
    bullets = "\n".join(f"          - {item}" for item in items)
    return ("title: Dates\nlanguage: fr\nsections:\n  - title: Partie\n    blocks:\n"
            f"      - bullets:\n{bullets}\n")


def _broken(lines: list[str]) -> list[str]:
    """Line ends that part a unit: a day from its month, a symbol from its number, a dash
    opening a line."""
    found = []
    for line, following in zip(lines, lines[1:]):
        line, following = line.strip(), following.strip()
        if not line or not following:
            continue
        head = following.split()[0]
        if re.search(r"(?<![\d,])\d{1,2}\.?$", line) and head in MONTHS:
            found.append(f"{line[-20:]} | {following[:20]}")
        elif re.search(r"(?:\b(?:octobre|novembre|brumaire|October|noviembre|de|an)|,)$", line) \
                and re.match(r"\d|VIII|de\b", head):
            found.append(f"{line[-20:]} | {following[:20]}")
        elif re.search(r"(?:\bpH|§|No\.|\bp\.)$", line) or following.startswith("–"):
            found.append(f"{line[-20:]} | {following[:20]}")
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("nobreak")
    source = out / "dates.yaml"
    source.write_text(_lecture(), encoding="utf-8")
    assert main(["build", str(source), "--out", str(out), "-j", "1"]) == 0
    return out


def test_the_guide_never_breaks_inside_a_unit(built: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(built / "dates.pdf")) as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").split("\n")]
    assert sum("octobre" in line for line in lines) >= 18  # the bullets were read back
    assert not _broken(lines)


@pytest.mark.skipif(not render_check.available(), reason="LibreOffice or poppler missing")
def test_the_deck_never_breaks_inside_a_unit_as_libreoffice_draws_it(built: Path,
                                                                      tmp_path: Path) -> None:
    pdf = render_check.convert_decks([built / "dates.pptx"], tmp_path / "pdf",
                                     render_check.temporary_profile())[built / "dates.pptx"]
    text = subprocess.run([shutil.which("pdftotext"), "-raw", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    lines = text.split("\n")
    assert sum("octobre" in line for line in lines) >= 18
    assert not _broken(lines)


def test_a_one_or_two_letter_prefix_keeps_its_hyphen_with_the_word() -> None:
    """LibreOffice broke "The normal distribution, z-" / "scores" (review 18:38): no break
    after the hyphen of a prefix of one or two letters (a word joiner, which LibreOffice
    honours in Latin text: 16 of 16 widths kept "z-scores" whole, 13 of 16 broke without)."""
    from builder.text.typography import bind_short_prefixes, for_deck, for_guide
    assert bind_short_prefixes("z-scores and X-ray") == "z-\u2060scores and X-\u2060ray"
    assert bind_short_prefixes("anti-war, Jean-Paul, Il-28") == "anti-war, Jean-Paul, Il-28"
    assert "z-\u2060scores" in for_deck("the z-scores") and "\u2060" not in for_guide("z-scores")


def test_a_short_bracketed_formula_does_not_break_inside() -> None:
    from builder.text.nobreak import bind_formulas
    assert bind_formulas("e^(−(x − μ)²/(2σ²))") == "e^(−(x\u00a0−\u00a0μ)²/(2σ²))"
    assert bind_formulas("by (n − 1)") == "by (n\u00a0−\u00a01)"
    assert bind_formulas("(see above − below)") == "(see above − below)"  # words: prose
    assert bind_formulas("(1950 – 1953)") == "(1950 – 1953)"  # a range: the dash rules'


def test_a_heading_with_a_short_prefix_builds_and_reads_back(tmp_path) -> None:
    """A word joiner in the guide's text broke the read-back of a heading ("z-scores"): the
    guide keeps its hyphens as written; the deck binds them."""
    from builder.cli import main
    source = tmp_path / "z.yaml"
    source.write_text("title: Z\nsections:\n  - title: The normal distribution, z-scores\n"
                      "    blocks:\n      - paragraph: Standard z-scores and X-ray images.\n",
                      encoding="utf-8")
    assert main(["build", str(source), "--out", str(tmp_path), "-j", "1"]) == 0


def test_marks_and_coefficients_stay_with_what_they_belong_to() -> None:
    """Review 18:29–18:36, LibreOffice renders of photosynthesis: "(E°" / "′ ≈ +1.2 V)",
    "mol⁻" / "¹", "6 CO₂ + 6" / "H₂O"."""
    from builder.text.typography import for_deck, for_guide
    assert "°\u2060′" in for_deck("E°′ ≈ +1.2 V") and "mol⁻\u2060¹" in for_deck("kJ mol⁻¹")
    assert "6\u00a0H₂O" in for_deck("6 CO₂ + 6 H₂O") and "6\u00a0H₂O" in for_guide("+ 6 H₂O")
    assert for_deck("in 1950 Kim") == "in 1950 Kim"
