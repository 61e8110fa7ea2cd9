"""The guide's and the deck's hyphenation dictionaries are opened lazily
(``builder.text.patterns``): each pattern is parsed when a word first looks it up. Every
lookup must answer what pyphen's own, fully parsed table holds, so hyphenation (and the
bytes) are those of ``pyphen.Pyphen``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyphen
import pytest

from builder.text import hyphenate
from builder.text.patterns import LazyHyphDict

ROOT = Path(__file__).resolve().parent.parent

# English and German (the corpus), Hungarian (nonstandard "ssz/sz=sz" patterns), Afrikaans
# (^^hh escapes), Catalan, Greek (an ISO 8859-7 file)
LANGUAGES = ["en_US", "de_DE", "hu_HU", "af_ZA", "ca", "el_GR"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_pattern_reads_as_pyphen_parses_it(language: str) -> None:
    path = pyphen.LANGUAGES[pyphen.language_fallback(language)]
    eager, lazy = pyphen.HyphDict(path), LazyHyphDict(path)
    assert lazy.maxlen == eager.maxlen
    assert set(lazy.patterns._raw) | set(dict.keys(lazy.patterns)) == set(eager.patterns)
    assert {key: lazy.patterns.get(key) for key in eager.patterns} == eager.patterns
    assert lazy.patterns.get("not-a-pattern") is None


@pytest.mark.parametrize("language", ["en_US", "de_DE", "hu_HU"])
def test_words_split_as_pyphen_splits_them(language: str) -> None:
    path = pyphen.LANGUAGES[pyphen.language_fallback(language)]
    words = ["Verfassungsorganstreitigkeiten", "international", "hyphenation",
             "Normenkontrollverfahren", "asszonnyal", "Weimarer", "Reichsverfassung"]
    eager, lazy = pyphen.HyphDict(path), LazyHyphDict(path)
    for word in words:
        assert lazy.positions(word) == eager.positions(word)
        assert [point.data for point in lazy.positions(word)] == \
            [point.data for point in eager.positions(word)]


def test_the_builders_dictionary_is_the_lazy_one() -> None:
    pyphen.hdcache.pop(pyphen.LANGUAGES[pyphen.language_fallback("en")], None)
    hyphenate._dictionary.cache_clear()
    dictionary = hyphenate._dictionary("en")
    assert isinstance(dictionary.hd, LazyHyphDict)
    assert list(dictionary.iterate("international"))[:1] == \
        list(pyphen.Pyphen(lang="en_US", cache=False).iterate("international"))[:1]


def test_hyphenator_opens_its_dictionary_only_when_a_long_word_asks() -> None:
    """``hyphenator`` is made for every guide; the dictionary behind it is opened (and its
    patterns read) only when a word long enough to hyphenate is offered, and then splits as
    pyphen does. In a fresh process: this one may have opened it already."""
    code = (
        "import pyphen\n"
        "from builder.text.hyphenate import hyphenator\n"
        "path = pyphen.LANGUAGES[pyphen.language_fallback('en_US')]\n"
        "splits = hyphenator('en')\n"
        "before = (splits('short'), path in pyphen.hdcache)\n"
        "got = splits('international')\n"
        "want = list(pyphen.Pyphen(lang='en_US').iterate('international'))\n"
        "print(before, path in pyphen.hdcache, got == want and len(got) > 0,"
        " hyphenator('xx') is None)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stdout.strip() == "([], False) True True True", result.stdout + result.stderr
