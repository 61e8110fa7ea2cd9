"""The outputs' own words in the lecture's language: one table both renderers read.

A French lecture gets a French deck and guide: "Sommaire", "Partie 1 sur 4", "19 janvier
2027", "(consulté le 30 novembre 2026)". The words themselves live in ``words.yaml`` next to
this module (one entry per word, one translation per language); this module looks them up
(a regional tag such as ``fr-CA`` reads ``fr``; a word missing for a language falls back to
English, word by word), applies a layout's own ``words:`` overrides, and writes dates in the
language's order (``November 30, 2026``, ``30 novembre 2026``, ``30. November 2026``,
``30 de noviembre de 2026``, ``2026年11月30日``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from string import Formatter
from typing import Mapping

import yaml

from builder.model.dates import DateSpan, PartialDate

TABLE_FILE = Path(__file__).with_name("words.yaml")
ENGLISH = "en"
_CJK = ("ja", "zh")
_LOWERCASE_IN_SENTENCES = ("en", "fr", "es")  # German keeps its nouns capitalised


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, object]]:
    """Every word: key → {language: text (or a list of twelve month names)}."""
    with TABLE_FILE.open(encoding="utf-8") as handle:  # libyaml when present: ~10× faster
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def keys() -> tuple[str, ...]:
    """The words a layout may override (months and eras are not single words)."""
    return tuple(key for key, value in table().items() if isinstance(value.get(ENGLISH), str))


def fields(text: str) -> set[str]:
    """The ``{fields}`` a word's text names."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def base_language(language: str) -> str:
    """``fr-CA`` → ``fr``; the table is per language, not per region."""
    return language.split("-")[0].lower()


@dataclass(frozen=True)
class Words:
    """The words of one document: its language, and the layout's overrides."""

    language: str = ENGLISH
    overrides: tuple[tuple[str, str], ...] = field(default=())

    @property
    def base(self) -> str:
        return base_language(self.language)

    def __call__(self, key: str, **values: object) -> str:
        """The word ``key`` in this language, its ``{fields}`` filled from ``values``."""
        text = dict(self.overrides).get(key)
        if text is None:
            entry = table()[key]
            text = entry.get(self.base, entry[ENGLISH])
        assert isinstance(text, str), key
        return text.format(**{name: str(value) for name, value in values.items()}) \
            if values else text

    def in_sentence(self, key: str) -> str:
        """The word as it reads inside a sentence: ``key takeaways`` in English, ``Glossar``
        in German (nouns keep their capital)."""
        text = self(key)
        if self.base in _LOWERCASE_IN_SENTENCES and text[:1].isupper() and not text[1:2].isupper():
            return text[:1].lower() + text[1:]
        return text

    def join(self, items: list[str]) -> str:
        """``a, b and c`` (``a, b et c``; ``a、b、c``)."""
        if len(items) < 2:
            return "".join(items)
        return self("list_comma").join(items[:-1]) + self("list_and") + items[-1]

    @property
    def number_marks(self) -> tuple[str, str]:
        """(thousands separator, decimal mark): ``1,234.5``, ``1 234,5``, ``1.234,5``."""
        marks = self("number_marks")
        return marks[0], marks[1]

    # --- dates ---
    def _months(self, key: str) -> list[str] | None:
        months = table()[key].get(self.base)
        return months if isinstance(months, list) else None

    def year(self, year: int, era: bool = False) -> str:
        """``1962``; ``300 BCE`` (``300 av. J.-C.``); ``1 CE`` when ``era`` asks for it."""
        if year < 0:
            return self("bce", year=-year)
        return self("ce", year=year) if era else str(year)

    def decade(self, year: int) -> str:
        return self("decade", year=year)

    def date(self, span: DateSpan, short: bool = False, year: bool = True) -> str:
        """A date or a range as the text prints it (``short``: for labels and tight places,
        with abbreviated months; without ``year`` when an axis already says it)."""
        if span.end is not None:
            joined = self._within_a_year(span.start, span.end, short, year)
            if joined:
                return joined
        parts = [self.point(span.start, short, year)]
        if span.end is not None:
            parts.append(self.point(span.end, short, year))
        return " – ".join(parts)

    def life(self, born: int | None, died: int | None) -> str:
        """A person's dates: ``1884–1972``, ``b. 1912`` (``geb. 1912``), or empty."""
        if born and died:
            return f"{self.year(born)}–{self.year(died)}"
        if born:
            return self("born", year=self.year(born))
        return self("died", year=self.year(died)) if died else ""

    def _within_a_year(self, start: PartialDate, end: PartialDate, short: bool = False,
                       with_year: bool = True) -> str | None:
        """A range inside one year says the year once (``October 5–6, 1789``, ``5–6 octobre
        1789``, ``5. Oktober – 6. November 1789``; short: ``Oct 5–6, 1789``, ``26–27 jul.
        1822``); None when it does not apply."""
        if start.precision == end.precision == "year" and start.year > 0:
            return f"{start.year}–{end.year}"  # years close up, as a person's dates do
        if (start.precision != end.precision or start.precision not in ("month", "day")
                or start.year != end.year or start.year < 0):
            return None
        lang = self.base
        same_month = start.precision == "day" and start.month == end.month
        if lang in _CJK or lang == "ko":
            head = self._day_month_year(start, short, with_year)
            day = "日" if lang in _CJK else "일"
            tail = f"{end.day}{day}" if same_month else self._day_month_year(end, short, False)
            return f"{head}–{tail}"
        tail = self._day_month_year(end, short, with_year)
        if lang in ("fr", "de", "es"):
            if same_month:
                day = {"fr": "1er" if start.day == 1 else str(start.day),
                       "de": f"{start.day}."}.get(lang, str(start.day))
                return f"{day}–{tail}"
            return f"{self._day_month_year(start, short, False)} – {tail}"
        key = "months_short" if short else "months"
        names = self._months(key) or table()[key][ENGLISH]
        first, last = names[start.month - 1], names[end.month - 1]
        year = f" {start.year}" if with_year else ""
        if start.precision == "month":
            return f"{first}–{last}{year}"
        comma = f",{year}" if with_year else ""
        if same_month:
            return f"{first} {start.day}–{end.day}{comma}"
        return f"{first} {start.day} – {last} {end.day}{comma}"

    def point(self, date: PartialDate, short: bool = False, year: bool = True) -> str:
        if date.deep:  # "66 Ma", "2,5 Ga": the age as written, in the language's decimal mark
            return date.deep.replace(".", self.number_marks[1])
        text = self._day_month_year(date, short, year)
        if date.hour is None:
            return text
        joiner = " " if short or self.base in _CJK + ("ko",) else ", "
        return f"{text}{joiner}{date.clock()}"

    def _day_month_year(self, date: PartialDate, short: bool, with_year: bool) -> str:
        lang = self.base
        shown = self.year(date.year)
        if date.month is None:
            return shown
        if lang in _CJK or lang == "ko":
            y, m, d, sep = ("年", "月", "日", "") if lang in _CJK else ("년", "월", "일", " ")
            parts = [shown if shown.endswith(y) else shown + y] if with_year else []
            parts.append(f"{date.month}{m}")
            if date.day is not None:
                parts.append(f"{date.day}{d}")
            return sep.join(parts)
        names = self._months("months_short" if short else "months") or \
            table()["months_short" if short else "months"][ENGLISH]
        month = names[date.month - 1]
        if lang not in ("fr", "de", "es"):  # English, and any language without its own order
            if date.day is None:
                return f"{month} {shown}" if with_year else month
            # the long form's order, abbreviated when short: Jun 25, 1950; Oct 16
            return f"{month} {date.day}, {shown}" if with_year else f"{month} {date.day}"
        of = " de " if lang == "es" and not short else " "
        if date.day is None:
            return f"{month}{of}{shown}" if with_year else month
        day = {"fr": "1er" if date.day == 1 else str(date.day), "de": f"{date.day}."}.get(
            lang, str(date.day))
        text = f"{day}{of}{month}"
        return f"{text}{of}{shown}" if with_year else text


_KIND_WORDS = {"notes": "notes", "key_terms": "key_terms", "timeline": "timeline",
               "discussion": "discussion", "figure": "figure"}


def kind_word(kind: str | None) -> str:
    """The word naming a block of ``kind`` (``block_kind``), e.g. in the notes appendix."""
    return _KIND_WORDS.get(kind or "", f"kind_{kind}" if f"kind_{kind}" in table() else "notes")


@lru_cache(maxsize=64)
def words_for(language: str = ENGLISH,
              overrides: tuple[tuple[str, str], ...] = ()) -> Words:
    return Words(language, overrides)


def from_mapping(language: str, overrides: Mapping[str, str] | None) -> Words:
    """The document's words: the table in ``language`` with a layout's ``words:`` over it."""
    return words_for(language, tuple(sorted((overrides or {}).items())))


__all__ = ["ENGLISH", "Words", "base_language", "fields", "from_mapping", "keys", "kind_word",
           "table", "words_for"]
