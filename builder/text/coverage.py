"""Which characters of a source no available font can draw, found before anything renders.

A character missing from the layout's fonts is drawn by a fallback (``builder.text.fallback``);
only one that no font has — layout, bundled or installed — would print as an empty box. Those
are input problems, so they are reported together, every string that holds one at its own
``path:line:col``, rather than the first one a renderer trips over.

This runs in ``resolve``, which ``validate`` runs too, so it reads fonts without reportlab:
``builder.text.sfnt`` reads each cmap the way reportlab does, and the installed fonts are
fontconfig's listing (``builder.text.installed``) that the fallback chain tries in turn. A
character is drawable here exactly when the fallback chain finds a font for it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any, Iterable, Iterator

from builder.text.fonts import FONT_FOLDER, Faces
from builder.text.installed import installed
from builder.text.sfnt import font_cmap

PathKey = tuple[str | int, ...]
# characters every font may lack without harm: they draw nothing (soft hyphen, joiners)
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
BUNDLED_FALLBACK = FONT_FOLDER / "DejaVuSans.ttf"  # builder.text.fallback's regular fallback


def drawn(char: str) -> bool:
    """Whether ``char`` needs a glyph (spaces, invisible joiners and controls do not)."""
    return not (char.isspace() or char in INVISIBLE or unicodedata.category(char) == "Cc")


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


@lru_cache(maxsize=65536)
def _installed_has(code: int) -> bool:
    """Some installed TrueType font the fallback chain would try draws ``code``."""
    return any(font.covers(code) and code in font_cmap(font.file, font.index)
               for font in installed())


def drawable(char: str, families: Iterable[Faces]) -> bool:
    """Some font of the chains (the families' regular faces, the bundled fallback, an
    installed font) draws ``char``."""
    if not drawn(char):
        return True
    code = ord(char)
    return (any(code in font_cmap(str(faces.regular)) for faces in families)
            or code in font_cmap(str(BUNDLED_FALLBACK)) or _installed_has(code))


def undrawable(text: str, families: Iterable[Faces]) -> list[str]:
    """Characters of ``text`` that no chain of ``families`` can draw, in order of first use."""
    chains = tuple(families)
    return [char for char in dict.fromkeys(text) if not drawable(char, chains)]


def describe(chars: Iterable[str]) -> str:
    """``'☃' (U+2603), '𝄞' (U+1D11E)``."""
    return ", ".join(f"'{char}' (U+{ord(char):04X})" for char in chars)


def uncovered(data: Any, families: Iterable[Faces]) -> list[tuple[PathKey, list[str]]]:
    """Each string of ``data`` holding characters no font can draw, with those characters."""
    chains = tuple(families)
    found = []
    for path, text in strings(data):
        absent = undrawable(text, chains)
        if absent:
            found.append((path, absent))
    return found
