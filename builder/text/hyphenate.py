"""Hyphenation for words too long for their column: "Verfassungs-/organ", never "Verfassungs/organ".

A German compound in a narrow table column is longer than the column; reportlab would cut it
between any two characters with no mark. With the lecture's hyphenation patterns (pyphen, the
LibreOffice/Hunspell dictionaries) it breaks at a syllable and shows a hyphen. Only long
words are offered for hyphenation: ordinary words keep wrapping whole, so prose and the
columns the builder sized for their longest word are set as before.

A column narrower than one of its words gets its own hyphenator (``column_hyphenator``),
which knows the column's width: a word wider than the column is offered its syllables
whatever its length, and a syllable still wider than the column is offered breaks between
its letters too, so reportlab's last resort (cutting a word between letters with no mark)
is never reached for a word of letters: every break it makes shows a hyphen.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from builder.text.addresses import marked

LONG_WORD = 10  # letters: shorter words are never hyphenated
MIN_PIECE = 2  # letters a letter-break leaves on either side ("Bemerkun-/gen", not "…-/n")

Splits = Callable[[str], list[tuple[str, str]]]


@lru_cache(maxsize=16)
def _dictionary_name(language: str) -> str | None:
    """pyphen's name for the dictionary of ``language`` (None without pyphen or one for it):
    found without opening the dictionary."""
    try:
        import pyphen
    except ImportError:  # pragma: no cover - a dependency; hyphenation is a nicety
        return None
    base = language.replace("-", "_")
    return pyphen.language_fallback(base) or pyphen.language_fallback(base.split("_")[0]) \
        or (pyphen.language_fallback("en_US") if base.startswith("en") else None)


@lru_cache(maxsize=16)
def _dictionary(language: str):  # -> pyphen.Pyphen | None
    name = _dictionary_name(language)
    if name is None:
        return None
    from builder.text.patterns import pyphen_for  # the same table, parsed as words ask

    return pyphen_for(name)


@lru_cache(maxsize=16)
def hyphenator(language: str) -> Splits | None:
    """reportlab's ``hyphenationLang`` callable for ``language`` (word → (head, tail)
    splits, longest head first), or None without pyphen or a dictionary for it.

    The dictionary is opened when a long word first asks: opening it cost ~20–40 ms of a
    cold build's critical path, in a guide that may never offer one (the sample's does not)."""
    if _dictionary_name(language) is None:
        return None

    def splits(word: str) -> list[tuple[str, str]]:
        if sum(char.isalpha() for char in word) < LONG_WORD:
            return []
        return [(head, tail) for head, tail in _dictionary(language).iterate(word)]
    return splits


def breaks(word: str, language: str, fits: Callable[[str], bool]) -> list[int]:
    """Where ``word`` may break with a hyphen, ascending: none when it ``fits`` its line;
    else its syllables (none without a ``language``), plus breaks between the letters of
    any piece that still does not fit (each piece ``fits`` with its hyphen)."""
    if fits(word):  # a word that fits its line wraps whole (a name: "Robespierre")
        return []
    dictionary = _dictionary(language) if language else None
    syllables = list(dictionary.positions(word)) if dictionary is not None else []
    found: list[int] = []
    edges = [0, *syllables, len(word)]
    for start, end in zip(edges, edges[1:]):
        if start:
            found.append(start)
        if fits(word[start:end] + "-"):
            continue
        # a piece wider than the column: break it where each part fits with its hyphen
        cut = start
        while not fits(word[cut:end] + ("-" if end < len(word) else "")):
            last = cut + MIN_PIECE
            while last + 1 <= end - MIN_PIECE and fits(word[cut:last + 1] + "-"):
                last += 1
            if last > end - MIN_PIECE:
                break
            found.append(last)
            cut = last
    return sorted(set(position for position in found if 0 < position < len(word)))


@lru_cache(maxsize=512)
def column_hyphenator(language: str, font: str, size: float, room: float) -> Splits:
    """A ``hyphenationLang`` callable for one table column ``room`` points wide in ``font``
    at ``size``: long words break at syllables, and a word wider than the column breaks at a
    syllable or, where a syllable is wider still, between letters, always with a hyphen."""
    from builder.text.measure import width

    def fits(text: str) -> bool:
        return width(text, font, size) <= room

    def splits(word: str) -> list[tuple[str, str]]:
        return [(word[:at], word[at:]) for at in reversed(breaks(word, language, fits))]
    return splits


# The deck's own break inside a word too wide for its box: a visible hyphen, then a zero-width
# space, the break opportunity LibreOffice and PowerPoint take (LibreOffice breaks at a soft
# hyphen U+00AD but draws no hyphen there). The pair marks the break as the builder's, not
# the teacher's: read-back drops it (builder.check.readback.normalize_text).
DECK_BREAK = "-\u200b"
_CORE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


def pieces(word: str, language: str, fits: Callable[[str], bool]) -> list[str]:
    """``word`` cut where a line must break it, each piece but the last as long as ``fits``
    with its hyphen: greedy, like the renderer's line breaking at the same opportunities."""
    positions = breaks(word, language, fits)
    cuts, start = [], 0
    while True:
        fitting = [at for at in positions if at > start and fits(word[start:at] + "-")]
        if fits(word[start:]) or not fitting:
            break
        start = fitting[-1]
        cuts.append(start)
    edges = [0, *cuts, len(word)]
    return [word[a:b] for a, b in zip(edges, edges[1:])]


def break_wide_words(text: str, language: str, wide: Callable[[str], bool],
                     fits: Callable[[str], bool]) -> str:
    """``text`` with each space-separated word that is ``wide`` (wider than its line) cut
    into pieces that ``fits`` a line with a hyphen, joined by ``DECK_BREAK``. East Asian
    words are left alone (they break between characters)."""
    if not text or not any(wide(word) for word in text.split(" ") if word):
        return text
    out = []
    for word in text.split(" "):
        if "\u00a0" in word and wide(word):  # bound words wider than the line: they break
            word = break_wide_words(word.replace("\u00a0", " "), language, wide, fits)
            out.append(word)  # at their spaces first ("16 de septiembre de 1810")
            continue
        match = _CORE.match(word)
        lead, core, trail = match.groups() if match else ("", word, "")
        if not core or not wide(word) or (max(core) >= "\u1100" and _east_asian(core)):
            out.append(word)
        elif _URL.search(core.replace("\u2060", "")):  # an address breaks at its
            # punctuation, never with a hyphen (its word joiners: ``addresses.glued``)
            out.append(lead + _address(core, fits) + trail)
        elif _NUMBER.fullmatch(core):  # a number never takes a hyphen ("99-" / ".7")
            out.append(word)
        elif _COMPOUND.search(core):  # a compound breaks at its own dashes first, after
            parts = _DASHES.split(core)  # the dash, with no mark added ("Calvin–Benson–" /
            out.append(lead + "".join(  # "Bassham", "68–95–" / "99.7"); a hyphen as typed
                (part[0] + ZWSP if part[0] != "-" else part) if _DASHES.fullmatch(part)
                else part if fits(part + "-") or _NUMBER.fullmatch(part)
                else DECK_BREAK.join(pieces(part, language, fits)) for part in parts) + trail)
        else:
            parts = pieces(core, language, fits)
            if len(parts) > 1:  # the last piece carries the trailing punctuation on its line
                parts[-1] += trail
                trail = ""
            out.append(lead + DECK_BREAK.join(parts) + trail)
    return " ".join(out)


_URL = re.compile(r"://|^www\.|\w/\w")
ZWSP = "\u200b"
# words and the dashes between them, a range's joiner included (``typography.join_ranges``)
_COMPOUND = re.compile("\\w[-–—]\u2060?\\w")
_DASHES = re.compile("([-–—]\u2060?)")
_NUMBER = re.compile("[-−+±]?[\\d.,\u202f\u00a0%‰]*\\d[\\d.,%‰]*")


def _address(url: str, fits: Callable[[str], bool]) -> str:
    """A URL with a zero-width space (a break, no mark) wherever it may break
    (``addresses.address_pieces``: after its slashes, before its dots…), and between the
    characters of a piece still wider than the line."""
    return marked(url, fits)


def _east_asian(text: str) -> bool:
    from builder.text.fallback import slot_of
    return any(slot_of(char) == "ea" for char in text)


class WideWords:
    """A guide style's ``hyphenationLang`` for text that is not hyphenated: on its own it
    offers no break (prose keeps its words whole); ``within`` a known line width it offers
    breaks only in words wider than the line, so a title's or a card's word too long for
    its frame breaks at a syllable with a hyphen instead of being cut between letters."""

    def __init__(self, language: str):
        self.language = language

    def __call__(self, word: str) -> list[tuple[str, str]]:
        return []

    def __repr__(self) -> str:  # part of a remembered paragraph's key (guide/warmwrap.py)
        return f"WideWords({self.language!r})"

    def within(self, font: str, size: float, room: float) -> Splits:
        return _wide_words(self.language, font, round(size, 2), round(room, 2))


WIDE = 0.92  # of the line: a word this wide is offered its breaks (bold may be wider still)


@lru_cache(maxsize=512)
def _wide_words(language: str, font: str, size: float, room: float) -> Splits:
    from builder.text.measure import width

    def fits(text: str) -> bool:
        return width(text, font, size) <= room

    def splits(word: str) -> list[tuple[str, str]]:
        if width(word, font, size) <= room * WIDE:
            return []
        return [(word[:at], word[at:])
                for at in reversed(breaks(word, language, lambda text: fits(text) and
                                          width(text, font, size) <= room * WIDE))]
    splits.__qualname__ = f"wide_words[{language},{font},{size},{room}]"
    return splits
