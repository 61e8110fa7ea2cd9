"""The TrueType fonts installed on this machine, as fontconfig lists them.

Both the fallback chain (``builder.text.fallback``, which draws with them) and the coverage
check (``builder.text.coverage``, which ``validate`` runs without reportlab) read this one
listing, so they agree on which fonts exist and in which order they are tried.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from builder.text.fonts import FONT_FOLDER


@dataclass(frozen=True)
class Installed:
    """One face fontconfig lists: its file, collection index, names and the codes it covers."""

    file: str
    index: int
    family: str
    style: str
    ranges: tuple[tuple[int, int], ...]

    @property
    def size(self) -> int:
        return sum(high - low + 1 for low, high in self.ranges)

    def covers(self, code: int) -> bool:
        return any(low <= code <= high for low, high in self.ranges)


def _parse_charset(text: str) -> tuple[tuple[int, int], ...]:
    ranges = []
    for piece in text.split():
        low, _, high = piece.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            continue
    return tuple(ranges)


@lru_cache(maxsize=1)
def installed() -> tuple[Installed, ...]:
    """TrueType fonts fontconfig knows, in a fixed order (regular styles first, then path)."""
    if shutil.which("fc-list") is None:
        return ()
    try:
        listing = subprocess.run(
            ["fc-list", "--format", "%{file}\t%{index}\t%{family[0]}\t%{style[0]}\t"
             "%{fontformat}\t%{charset}\n"], capture_output=True, text=True, timeout=60,
            check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    fonts = []
    for line in listing.splitlines():
        parts = line.split("\t")
        if len(parts) != 6 or parts[4] != "TrueType":
            continue
        file, index, family, style, _, charset = parts
        if Path(file).parent == FONT_FOLDER:
            continue
        fonts.append(Installed(file, int(index or 0), family, style, _parse_charset(charset)))
    # regular, proportional styles first, then the widest coverage (one font for a whole
    # script, not a patchwork), then the path: a fixed order, so a machine always makes the
    # same choice
    return tuple(sorted(fonts, key=lambda f: (f.style not in ("Regular", "Book", "Medium"),
                                              "mono" in f.family.lower(), -f.size, f.file,
                                              f.index)))
