"""Font families: which TTF files draw each face, and which font name the deck uses.

Shared by both renderers so the guide embeds exactly the files the deck's text was measured
with. Bundled families are metric-compatible with fonts every PowerPoint has (Carlito ↔
Calibri), so a deck naming Calibri lays out as we measured it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class FontFamily(Protocol):
    """What ``faces`` reads of a layout's font family (``builder.layout.model.FontFamily``).

    A protocol rather than an import, so that text sits below the layout stage.
    """

    name: str
    deck_name: str | None
    regular: str | None
    bold: str | None
    italic: str | None
    bold_italic: str | None

FONT_FOLDER = Path(__file__).resolve().parent.parent / "fonts"

BUNDLED: dict[str, tuple[str, str]] = {
    # family: (file prefix, the metric-compatible font the deck names)
    "Carlito": ("Carlito", "Calibri"),
    "Caladea": ("Caladea", "Cambria"),
    "Liberation Sans": ("LiberationSans", "Arial"),
    "Liberation Mono": ("LiberationMono", "Courier New"),
}
STYLES = ("regular", "bold", "italic", "bold_italic")
_FILE_STYLE = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}


@dataclass(frozen=True)
class Faces:
    """The four files of a family (missing styles fall back to the nearest one)."""

    family: str
    deck_name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    # the family's own files, when they are not the bundled ones: reportlab knows a face by
    # its name alone, so a teacher's "Carlito" (or two layouts' "Mine") must not be
    # registered under the name another file already holds; empty for the bundled files
    own: str = ""

    def __hash__(self) -> int:
        """The dataclass's own hash (of every field, in order), computed once: faces key the
        caches of everything measured (~40,000 lookups in the sample's deck, ~3 µs each to
        hash four paths and three strings again). Not pickled: another process may hash
        strings differently."""
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.family, self.deck_name, self.regular, self.bold, self.italic,
                           self.bold_italic, self.own))
            object.__setattr__(self, "_hash", cached)
        return cached

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_hash", None)
        return state

    def file(self, bold: bool = False, italic: bool = False) -> Path:
        if bold and italic:
            return self.bold_italic
        return self.bold if bold else (self.italic if italic else self.regular)

    def face_name(self, bold: bool = False, italic: bool = False) -> str:
        """Unique name of one face, used when registering it with reportlab."""
        style = "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "regular"
        name = f"{self.family.replace(' ', '')}-{_FILE_STYLE[style]}"
        return f"{name}-{self.own}" if self.own else name


def faces(family: FontFamily) -> Faces:
    """Resolve a layout's font family to files; raise ValueError naming what is missing."""
    files: dict[str, Path | None] = {style: None for style in STYLES}
    deck_name = family.deck_name
    if family.name in BUNDLED:
        prefix, bundled_deck = BUNDLED[family.name]
        deck_name = deck_name or bundled_deck
        for style in STYLES:
            candidate = FONT_FOLDER / f"{prefix}-{_FILE_STYLE[style]}.ttf"
            files[style] = candidate if candidate.is_file() else None
    for style in STYLES:
        given = getattr(family, style)
        if given:
            files[style] = Path(given)
    if files["regular"] is None:
        known = ", ".join(BUNDLED)
        raise ValueError(f"font family '{family.name}' has no regular TTF file: give 'regular:' "
                         f"or use a bundled family ({known})")
    for style, path in files.items():
        if path is not None and not path.is_file():
            raise ValueError(f"font file '{path}' ({family.name} {style}) not found")
    regular = files["regular"]
    bold = files["bold"] or regular
    italic = files["italic"] or regular
    bold_italic = files["bold_italic"] or files["bold"] or italic
    return Faces(family.name, deck_name or family.name, regular, bold, italic, bold_italic,
                 _own((regular, bold, italic, bold_italic)))


def _own(files: tuple[Path, ...]) -> str:
    """A short stamp of files that are not all bundled (path, size and modification time:
    an edited font file is a new face), "" for the bundled ones."""
    if all(file.parent == FONT_FOLDER for file in files):
        return ""
    stamp = []
    for file in files:
        stat = file.stat()
        stamp.append(f"{file.resolve()}|{stat.st_size}|{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamp).encode()).hexdigest()[:12]
