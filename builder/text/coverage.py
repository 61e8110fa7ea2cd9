"""Which characters of a source no available font can draw, found before anything renders.

A character missing from the layout's fonts is drawn by a fallback (``builder.text.fallback``);
only one that no font has — layout, bundled or installed — would print as an empty box. Those
are input problems, so they are reported together, every string that holds one at its own
``path:line:col``, rather than the first one a renderer trips over.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from builder.text.fallback import missing
from builder.text.fonts import Faces

PathKey = tuple[str | int, ...]


def strings(data: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every string value in plain YAML data, with its path (``("sections", 0, "title")``)."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, (list, tuple)):
        for index, value in enumerate(data):
            yield from strings(value, (*path, index))


def undrawable(text: str, families: Iterable[Faces]) -> list[str]:
    """Characters of ``text`` that no chain of ``families`` can draw, in order of first use."""
    chains = list(families)
    absent = missing(text, chains[0]) if chains else []
    for faces in chains[1:]:
        if not absent:
            break
        still = set(missing("".join(absent), faces))
        absent = [char for char in absent if char in still]
    return absent


def describe(chars: Iterable[str]) -> str:
    """``'☃' (U+2603), '𝄞' (U+1D11E)``."""
    return ", ".join(f"'{char}' (U+{ord(char):04X})" for char in chars)


def uncovered(data: Any, families: Iterable[Faces]) -> list[tuple[PathKey, list[str]]]:
    """Each string of ``data`` holding characters no font can draw, with those characters."""
    chains = list(families)
    found = []
    for path, text in strings(data):
        absent = undrawable(text, chains)
        if absent:
            found.append((path, absent))
    return found
