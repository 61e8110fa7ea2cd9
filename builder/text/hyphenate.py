"""Hyphenation for words too long for their column: "Verfassungs-/organ", never "Verfassungs/organ".

A German compound in a narrow table column is longer than the column; reportlab would cut it
between any two characters with no mark. With the lecture's hyphenation patterns (pyphen, the
LibreOffice/Hunspell dictionaries) it breaks at a syllable and shows a hyphen. Only long
words are offered for hyphenation: ordinary words keep wrapping whole, so prose and the
columns the builder sized for their longest word are set as before.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

LONG_WORD = 10  # letters: shorter words are never hyphenated


@lru_cache(maxsize=16)
def hyphenator(language: str) -> Callable[[str], list[tuple[str, str]]] | None:
    """reportlab's ``hyphenationLang`` callable for ``language`` (word → (head, tail)
    splits, longest head first), or None without pyphen or a dictionary for it."""
    try:
        import pyphen
    except ImportError:  # pragma: no cover - a dependency; hyphenation is a nicety
        return None
    base = language.replace("-", "_")
    name = pyphen.language_fallback(base) or pyphen.language_fallback(base.split("_")[0]) \
        or (pyphen.language_fallback("en_US") if base.startswith("en") else None)
    if name is None:
        return None
    dictionary = pyphen.Pyphen(lang=name)

    def splits(word: str) -> list[tuple[str, str]]:
        if sum(char.isalpha() for char in word) < LONG_WORD:
            return []
        return [(head, tail) for head, tail in dictionary.iterate(word)]
    return splits
