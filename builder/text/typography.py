"""Typography rules both outputs share: where a line may not break, and how quotes nest.

The guide (reportlab) and the deck (PowerPoint, LibreOffice) break lines by different rules,
so the rules are stated once here, as characters: no-break spaces inside what reads as one
unit (a number and its unit or symbol, a date; ``builder.text.nobreak``: every line breaker
honours them, and both our measurers treat them as part of the word), and a word joiner after the dash of a range for the outputs whose line breaker would break
after an en dash (PowerPoint and LibreOffice do; reportlab never breaks inside a word), and
after the hyphen of a name with a number (``Il-28``, ``B-52``, ``COVID-19``). A space French
sets inside « » and before ; : ! ? is a no-break one in every language.
Quotation marks follow the lecture's language (“ ” ‘ ’, « » “ ”, „ “ ‚ ‘, 「 」 『 』) and
alternate level by level (``quotes``, ``quoted``).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Callable, Iterator, TypeVar

from builder.text.inline import plain
from builder.text.nobreak import bind, bind_numbers

T = TypeVar("T")

NBSP = "\u00a0"
WORD_JOINER = "\u2060"
OPEN_DOUBLE, CLOSE_DOUBLE = "“", "”"
OPEN_SINGLE, CLOSE_SINGLE = "‘", "’"

# a dash joining two things without spaces: 14–21, 1950–53, October–November
_RANGE_DASH = re.compile(r"(?<=\w)([–—])(?=\w)")
# a letter, a hyphen, a digit: a name with a number (Il-28, B-52), never split at its hyphen
_NAME_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=\d)")
_OPENERS = " \t\n([{/-–—" + OPEN_DOUBLE + OPEN_SINGLE


_BREAKABLE = re.compile(r"[ \t\n]+")


def breakable_words(text: str) -> list[str]:
    """The pieces of typeset text a line may break between: split at ordinary spaces only.
    ``str.split()`` also splits at the no-break spaces these rules put in ("≈\u00a0420\u00a0ppm"),
    and a column sized for "420" then cuts "pp/m": measure what cannot break with this."""
    return [word for word in _BREAKABLE.split(text) if word]


def bind_units(text: str) -> str:
    """A number and its unit never part (``12 km`` → ``12\u00a0km``), nor a number and the
    symbol or sign before it (``pH 8``, ``p. 12``, ``≈ 420``): ``nobreak.bind_numbers``."""
    return bind_numbers(text)


def join_ranges(text: str) -> str:
    """No break after the dash of a range (``14–21`` → ``14–\u206021``) or after the hyphen
    of a name with a number (``Il-28`` → ``Il-\u206028``)."""
    return _NAME_HYPHEN.sub("-" + WORD_JOINER, _RANGE_DASH.sub(r"\1" + WORD_JOINER, text))


def curl(text: str) -> str:
    """Straight double quotes become curly ones, opening after a space or an opener."""
    out = []
    for index, char in enumerate(text):
        if char == '"':
            before = text[index - 1] if index else " "
            out.append(OPEN_DOUBLE if before in _OPENERS else CLOSE_DOUBLE)
        else:
            out.append(char)
    return "".join(out)


# Quotation marks per language, outermost first; deeper levels alternate the two.
# French sets a no-break space inside « » (U+00A0: reportlab breaks at U+202F, the narrow
# one, and Caladea has no glyph for it).
QUOTES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "en": ((OPEN_DOUBLE, CLOSE_DOUBLE), (OPEN_SINGLE, CLOSE_SINGLE)),
    "fr": (("«" + NBSP, NBSP + "»"), (OPEN_DOUBLE, CLOSE_DOUBLE)),
    "de": (("„", "“"), ("‚", "‘")),
    "es": (("«", "»"), (OPEN_DOUBLE, CLOSE_DOUBLE)),
    "it": (("«", "»"), (OPEN_DOUBLE, CLOSE_DOUBLE)),
    "pt": (("«", "»"), (OPEN_DOUBLE, CLOSE_DOUBLE)),
    "ja": (("「", "」"), ("『", "』")),
}
_OUTER, _INNER = "\x01\x02", "\x03\x04"  # a quotation found in the text, by level
# pairs a teacher may already have typed, outermost kind first (German before English: its
# closing “ is the English opener)
_DOUBLE_PAIRS = (re.compile("„(.*?)“", re.S), re.compile("«[\\s\u00a0\u202f]?(.*?)[\\s\u00a0\u202f]?»", re.S),
                 re.compile("「(.*?)」", re.S))
_SINGLE_PAIRS = (re.compile("‚(.*?)‘", re.S), re.compile("‹(.*?)›", re.S),
                 re.compile("『(.*?)』", re.S))


def quotes(language: str = "en") -> tuple[tuple[str, str], tuple[str, str]]:
    """The language's (outer, inner) quotation marks; English for a language not listed."""
    return QUOTES.get(language.split("-")[0].lower(), QUOTES["en"])


def _single_pairs(text: str) -> list[tuple[int, int]]:
    """Positions of ‘…’ used as quotation marks (an apostrophe ’ inside a word is not one)."""
    pairs, stack = [], []
    for index, char in enumerate(text):
        if char == OPEN_SINGLE:
            stack.append(index)
        elif char == CLOSE_SINGLE and stack:
            after = text[index + 1] if index + 1 < len(text) else " "
            if not after.isalnum():
                pairs.append((stack.pop(), index))
    return pairs


def _marked(text: str) -> str:
    """The text's own quotations as level marks: doubles → \\x01…\\x02, singles → \\x03…\\x04."""
    for pattern in _DOUBLE_PAIRS:
        text = pattern.sub(lambda m: _OUTER[0] + m.group(1) + _OUTER[1], text)
    for pattern in _SINGLE_PAIRS:
        text = pattern.sub(lambda m: _INNER[0] + m.group(1) + _INNER[1], text)
    text = curl(text)
    singles = {index for pair in _single_pairs(text) for index in pair}
    marks = {OPEN_DOUBLE: _OUTER[0], CLOSE_DOUBLE: _OUTER[1]}
    return "".join(marks.get(char) or (
        (_INNER[0] if char == OPEN_SINGLE else _INNER[1]) if index in singles else char)
        for index, char in enumerate(text))


def _set(text: str, outer: tuple[str, str], inner: tuple[str, str]) -> str:
    return (text.replace(_OUTER[0], outer[0]).replace(_OUTER[1], outer[1])
            .replace(_INNER[0], inner[0]).replace(_INNER[1], inner[1]))


def nest(text: str, language: str = "en") -> str:
    """The text as it reads inside one more level of quotation: its own double quotes take
    the language's inner marks, its single ones the outer (“ ” ↔ ‘ ’ in English)."""
    outer, inner = quotes(language)
    return _set(_marked(text), inner, outer)


def quoted(text: str, language: str = "en") -> str:
    """``text`` inside the language's quotation marks (“ ”, « », „ “, 「 」), its own
    quotation marks one level in (so never ``””``).

    A text already wholly inside one pair of double quotes (of any language) gets the
    language's pair instead of a second one.
    """
    marked = _marked(text.strip())
    if (marked.startswith(_OUTER[0]) and marked.endswith(_OUTER[1])
            and marked.count(_OUTER[0]) == 1 and marked.count(_OUTER[1]) == 1):
        marked = marked[1:-1]
    outer, inner = quotes(language)
    return outer[0] + _set(marked, inner, outer) + outer[1]


_GUILLEMET_SPACE = re.compile(r"(«) | (»)")
# after a word, a closing mark or the end of a styled run ("**Assemblée nationale** ;"),
# before a mark that ends there or closes a styled run ("*Tiers état ?*,")
_SPACE_BEFORE_MARK = re.compile(r"(?<=[\w»)\]”’.…*]) (?=[;:!?](?:\s|$|[»”’)*,.]))")


def bind_french_spaces(text: str) -> str:
    """The space a French text sets inside « » and before ; : ! ? never starts a line:
    ``« mot »`` → ``«\u00a0mot\u00a0»``. (Whatever the language: such a space is only ever
    written for this.)"""
    text = _GUILLEMET_SPACE.sub(lambda m: (m.group(1) + NBSP) if m.group(1) else NBSP + "»", text)
    return _SPACE_BEFORE_MARK.sub(NBSP, text)


_LANGUAGE: ContextVar[str] = ContextVar("typography_language", default="en")
_APOSTROPHE = re.compile(r"(?<=\w)'|'(?=\d0s\b)")  # don't, Japan's, the '90s


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Set text in ``language`` while rendering one document: its straight quotes become the
    language's marks. Each renderer enters it once, around its whole output."""
    token = _LANGUAGE.set(language)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def current_language() -> str:
    """The language text is being set in (``speaking``): part of the key of anything that
    remembers typeset text."""
    return _LANGUAGE.get()


def in_documents_language(render: Callable[..., T]) -> Callable[..., T]:
    """``render(document, …)`` sets its text in ``document.language`` (see ``speaking``)."""
    @wraps(render)
    def rendering(document, *args, **kwargs):
        with speaking(document.language):
            return render(document, *args, **kwargs)
    return rendering


def smart_quotes(text: str, language: str | None = None) -> str:
    """Straight quotes as a typesetter sets them: ``"word"`` → “word” (« word », „word“ in
    the language), ``don't`` → don’t, ``'word'`` → ‘word’. Curly quotes are left as typed."""
    if '"' not in text and "'" not in text:
        return text
    outer, inner = quotes(language or _LANGUAGE.get())
    text = _APOSTROPHE.sub(CLOSE_SINGLE, text)
    out = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        opening = before in _OPENERS or before.isspace()
        if char == '"':
            out.append(outer[0] if opening else outer[1])
        elif char == "'":  # single marks: the language's when they are single ones
            pair = inner if inner[0] in ("‚", OPEN_SINGLE) else (OPEN_SINGLE, CLOSE_SINGLE)
            out.append(pair[0] if opening else pair[1])
        else:
            out.append(char)
    return "".join(out)


# a one- or two-letter prefix and its hyphen ("z-scores", "X-ray", "e-mail"): a line may
# break after a hyphen, but not to leave "z-" alone at a line's end
# Latin, Greek and Cyrillic letters only: a right-to-left word keeps its hyphen as written
# ("בן-גוריון"), and LibreOffice does not honour the joiner between ideographs anyway
_ALPHABETIC = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_SHORT_PREFIX = re.compile(rf"(?<![\w\-])([{_ALPHABETIC}]{{1,2}})-(?=[{_ALPHABETIC}])")


def bind_short_prefixes(text: str) -> str:
    """``z-scores`` → ``z-\u2060scores``: no break after a hyphen that follows only one or
    two letters (the guide breaks at hyphens of a word too wide for its line; LibreOffice
    and PowerPoint at any hyphen)."""
    return _SHORT_PREFIX.sub(r"\1-" + WORD_JOINER, text) if "-" in text else text


# a prime after a degree sign (ΔG°′, E°′) and a superscript digit after its sign (mol⁻¹):
# LibreOffice breaks between them ("(E°" / "′ ≈ +1.2 V)", "mol⁻" / "¹")
_MARK_JOINS = re.compile("(?<=°)(?=[′″])|(?<=[⁺⁻])(?=[⁰¹²³⁴⁵⁶⁷⁸⁹])")
# a coefficient before a chemical formula: "6 H₂O", "6 CO₂" never part
_COEFFICIENT = re.compile("(?<![\\w.,])(\\d{1,2}) (?=[A-Z][A-Za-z₀-₉()]*[₀-₉])")


def bind_marks(text: str) -> str:
    """Marks a line may not part (deck): ``°′`` and ``⁻¹`` with a word joiner."""
    return _MARK_JOINS.sub(WORD_JOINER, text) if ("°" in text or "⁻" in text
                                                   or "⁺" in text) else text


def bind_coefficients(text: str) -> str:
    """``6 H₂O`` → ``6\u00a0H₂O``: a coefficient stays with its formula."""
    return _COEFFICIENT.sub("\\1\u00a0", text) if any("₀" <= c <= "₉" for c in text) else text


def bound_spaces(text: str, marked: bool = True) -> str:
    """Every rule that makes an ordinary space a no-break one (a unit, a date, a French
    mark, a coefficient), applied to the text as it reads, without its emphasis markers:
    "so σ = **2**", "**Assemblée nationale** ;" bind as "so σ = 2" would. Markers are never
    spaces, so the n-th space of the plain text is the n-th space of the marked one.
    (``marked=False``: literal text, a date the guide sets as written.)"""
    def rules(plain_text: str) -> str:
        return bind_coefficients(bind_french_spaces(bind(plain_text)))
    if "*" not in text or not marked:
        return rules(text)
    shown = plain(text)
    bound = rules(shown)
    if len(bound) != len(shown):  # pragma: no cover - every rule keeps the length
        return rules(text)
    flags = iter([after == NBSP for before, after in zip(shown, bound) if before == " "])
    return "".join((NBSP if next(flags, False) else char) if char == " " else char
                   for char in text)


_COUNTED_WORD = re.compile(r"(?<=\d) (?=[^\W\d_]{1,4}(?!\w))")


def bind_value(text: str) -> str:
    """A statistic's big value: each number keeps the short word it counts, whatever the
    word ("3 fu + 302 ken", "5 of 8"): it is set large, so a torn "3" / "fu" reads badly."""
    return _COUNTED_WORD.sub(NBSP, text) if any(char.isdigit() for char in text) else text


def for_guide(text: str) -> str:
    """The shared rules as the guide sets them (reportlab never breaks at a dash)."""
    return bound_spaces(smart_quotes(text))


def for_deck(text: str) -> str:
    """The shared rules as the deck sets them (PowerPoint breaks after an en dash)."""
    return bind_marks(bind_short_prefixes(join_ranges(bound_spaces(smart_quotes(text)))))
