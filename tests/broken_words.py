"""Words broken across lines with no hyphen, read back from a PDF with poppler.

``pdftotext -bbox-layout`` groups the words of a page into blocks of lines, as the program that
drew them set them. A line that ends in a piece of a word the lecture wrote, and the next line
that begins with its rest ("Grundrechtsgewährleistun" / "gen", "江" / "戸"), is a word cut
where no break was allowed; a piece ending in a hyphen is a hyphenated word, not a finding.
Nothing here uses the builder's own measuring code.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterable

_XHTML = "{http://www.w3.org/1999/xhtml}"
_PUNCTUATION = ",.;:!?()[]{}«»“”„‘’\"'…·、。，（）「」『』《》\u200b\u00a0"
_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def source_words(texts: Iterable[str]) -> set[str]:
    """The words of some source text, casefolded (also each part of a hyphenated word)."""
    words: set[str] = set()
    for text in texts:
        for word in re.findall(r"[^\W\d_][\w'’\-]*", text):
            words.add(word.strip("-’'").casefold())
            words.update(part.casefold() for part in word.split("-") if part)
    return words


def lines(pdf: Path) -> list[tuple[int, list[list[str]]]]:
    """Each block of each page as its lines of words: [(page number, [[word, …], …]), …]."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    blocks = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), 1):
        for block in page.iter(f"{_XHTML}block"):
            found = [[word.text or "" for word in line.iter(f"{_XHTML}word")]
                     for line in block.iter(f"{_XHTML}line")]
            blocks.append((number, [line for line in found if line]))
    return blocks


def _bare(word: str) -> str:
    return word.strip(_PUNCTUATION)


def broken(pdf: Path, words: set[str], names: Iterable[str] = ()) -> list[str]:
    """Places where a line ends inside a source word without a hyphen: a line's last word
    and the next line's first join into a source word (or the start of one) though neither
    is a word itself; and East Asian ``names`` cut between two of their characters."""
    names = [name for name in names if len(name) > 1]
    found = []
    for page, block in lines(pdf):
        for above, below in zip(block, block[1:]):
            end, start = _bare(above[-1]), _bare(below[0])
            if not end or not start or end.endswith(("-", "\u00ad", "‐")):
                continue
            if _EAST_ASIAN.search(end[-1]) and _EAST_ASIAN.search(start[0]):
                found += [f"p{page}: {end!r} / {start!r} cuts {name}" for name in names
                          for cut in range(1, len(name))
                          if end.endswith(name[:cut]) and start.startswith(name[cut:])]
                continue
            if end.casefold() in words and start.casefold() in words:
                continue
            joined = (end + start).casefold()
            if joined in words or (len(joined) > 3 and end.casefold() not in words and any(
                    word.startswith(joined) for word in words)):
                found.append(f"p{page}: {end!r} / {start!r}")
    return found


# --- units a line tore apart (typography, issue 10): read back, with lists of our own ---
_CJK_RUN = "[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]"
_UNITS = {"%", "‰", "°", "°C", "°F", "km", "m", "cm", "mm", "μm", "nm", "km²", "m²", "ha",
          "kg", "g", "mg", "t", "mL", "mol", "mmol", "mM", "s", "ms", "min", "minutes",
          "h", "Hz", "Pa", "kPa", "MPa", "hPa", "atm", "bar", "kJ", "MJ", "cal",
          "kcal", "eV", "kW", "MW", "mV", "dB", "ppm", "ppb", "ft", "mi", "lb",
          "km/h", "m/s", "mph", "Ma", "Ga", "BC", "BCE", "AD", "CE", "€", "$", "£", "¥",
          "years", "ans", "años", "Jahre", "days", "jours", "días", "hours", "heures"}
_PREFIXES = {"pH", "Mw", "No.", "p.", "pp.", "Fig.", "c.", "ca.", "§", "€", "$", "£", "≈",
             "=", "<", ">", "≤", "≥", "±", "~"}
_POWERS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺"
_FORMULA = re.compile(r"^[A-Z][A-Za-z₀-₉()]*[₀-₉]")
_NUMBER = re.compile(r"^[-−+]?\d[\d,.\u202f]*$")


def _edge_pair(end_raw: str, start_raw: str, end: str, start: str,
               words: set[str]) -> str | None:
    """The kind of unit torn between ``end`` (a line's last word) and ``start`` (the next
    line's first), or None."""
    if re.search(r"\d[–—]$", end_raw) and re.match(r"^\d", start_raw):
        return "range"
    if re.search(r"\d-$", end_raw) and re.match(r"^[.,]?\d", start_raw):
        return "number hyphenated"
    if end_raw.endswith("°") and start_raw[:1] in "′″":
        return "prime"
    if end_raw[-1:] in "⁻⁺" and start_raw[:1] in _POWERS:
        return "power"
    if (_NUMBER.match(end_raw.lstrip("(")) and start.rstrip(_POWERS) in _UNITS
            and not (len(start) == 1 and start_raw.endswith("."))):  # not "A." (a choice)
        return "unit"
    if end.rstrip(_POWERS) in _UNITS and start[:1].isalpha() and start[-1:] in _POWERS:
        return "compound unit"
    if end_raw in _PREFIXES and _NUMBER.match(start.lstrip("+−-")):
        return "prefix"
    if re.match(r"^\d{1,2}$", end_raw) and _FORMULA.match(start_raw):
        return "coefficient"
    if start_raw in (";", ":", "?", "!", "»"):
        return "French mark"
    return None


def torn(pdf: Path, words: set[str]) -> list[str]:
    """Places where a line ends inside what reads as one unit: a range after its dash
    (``1757–`` / ``1834``), a number and its unit, a prime and its symbol (``E°`` / ``′``),
    a coefficient and its formula, a number hyphenated (``99-`` / ``.7``), a French mark
    starting a line, a short parenthesised East Asian term (``( 黒`` / ``船 )``); and
    furniture shortened inside a word (``… au co…``)."""
    found: list[str] = []
    shortened: set[str] = set()
    for page, block in lines(pdf):
        for line in block:
            for word in line:
                if word.endswith("…") and len(word) > 2:
                    stem = _bare(word.rstrip("…")).casefold()
                    cut = f"{word!r} shortened inside a word"
                    if stem and stem not in words and any(w.startswith(stem) for w in words) \
                            and cut not in shortened:  # furniture: once per document
                        shortened.add(cut)
                        found.append(f"p{page}: {cut}")
        for above, below in zip(block, block[1:]):
            end_raw, start_raw = above[-1], below[0]
            kind = _edge_pair(end_raw, start_raw, _bare(end_raw), _bare(start_raw), words)
            if kind:
                found.append(f"p{page}: {end_raw!r} / {start_raw!r} ({kind})")
                continue
            tail, head = " ".join(above[-4:]), " ".join(below[:4])
            if re.search(r"[(（]\s*" + _CJK_RUN + r"{1,6}$", tail) and re.match(
                    "^" + _CJK_RUN + r"{1,6}\s*[)）,、]", head):
                found.append(f"p{page}: {tail[-8:]!r} / {head[:8]!r} (East Asian term)")
    return found
