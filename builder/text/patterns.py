"""pyphen's hyphenation patterns, each parsed the first time a word looks it up.

``pyphen.HyphDict`` parses every pattern of a dictionary when it is opened (about 5,000 for
English, 0.05–0.1 s of a cold build), and a guide then hyphenates a handful of words, which
look up a few hundred of them. ``LazyHyphDict`` reads the file the same way, keys each
pattern by its letters (what pyphen keys it by) and parses a pattern only when a word asks
for it, with pyphen's own code, so every lookup answers what pyphen's table holds: the same
splits, the same bytes (``tests/test_hyphenation_patterns.py`` compares whole tables).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pyphen

_DIGITS = re.compile(r"\d")  # what pyphen's ``parse`` treats as a value, not a letter
_NONZERO = re.compile(r"[1-9]")
_OTHER_DIGITS = re.compile(r"[^\D0-9]")  # a digit of another script (int() reads it too)


def _parsed(pattern: str) -> tuple[str, Any] | None:
    """``pattern`` as ``HyphDict.__init__`` stores it: (letters, (start, values)), or None
    for a pattern of zeros only, which pyphen skips."""
    pattern = pyphen.parse_hex(lambda match: chr(int(match.group(1), 16)), pattern)
    if "/" in pattern and "=" in pattern:
        pattern, alternative = pattern.split("/", 1)
        factory: Any = pyphen.AlternativeParser(pattern, alternative)
    else:
        factory = int
    tags, values = zip(*[(string, factory(i or "0")) for i, string in pyphen.parse(pattern)])
    if max(values) == 0:
        return None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return "".join(tags), (start, values[start:end])


class _Patterns(dict):
    """Letters → (start, values), filled from the raw lines as they are first asked for."""

    def __init__(self, raw: dict[str, str]) -> None:
        super().__init__()
        self._raw = raw

    def get(self, key: str, default: Any = None) -> Any:  # what HyphDict.positions asks
        if key in self:
            return self[key]
        line = self._raw.pop(key, None)
        if line is None:
            return default
        parsed = _parsed(line)
        value = parsed[1] if parsed is not None else default
        self[key] = value
        return value


class LazyHyphDict(pyphen.HyphDict):
    """``pyphen.HyphDict`` with its patterns parsed on first use (see the module)."""

    def __init__(self, path: Path) -> None:  # noqa: super().__init__ would parse them all
        with path.open("rb") as handle:
            encoding = handle.readline().decode()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        raw: dict[str, str] = {}
        ready: dict[str, Any] = {}
        for pattern in path.read_text(encoding).split("\n")[1:]:
            pattern = pattern.strip()
            if not pattern or pattern.startswith(pyphen.ignored):
                continue
            if "^^" not in pattern and "/" not in pattern and not _OTHER_DIGITS.search(pattern):
                if _NONZERO.search(pattern):  # else all zeros: pyphen skips it
                    key = _DIGITS.sub("", pattern)
                    raw[key] = pattern  # a later pattern of the same letters wins, as there
                    ready.pop(key, None)
                continue
            parsed = _parsed(pattern)  # an unusual line: parsed now, exactly as pyphen does
            if parsed is not None:
                raw.pop(parsed[0], None)
                ready[parsed[0]] = parsed[1]
        self.patterns = _Patterns(raw)
        self.patterns.update(ready)
        self.cache: dict = {}
        self.maxlen = max(len(key) for key in (*raw, *ready))


def pyphen_for(name: str) -> pyphen.Pyphen:
    """``pyphen.Pyphen(lang=name)`` with its dictionary opened lazily (once per process, in
    pyphen's own cache)."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(name)]
    if path not in pyphen.hdcache:
        pyphen.hdcache[path] = LazyHyphDict(path)
    return pyphen.Pyphen(lang=name)
