"""Which characters a TrueType font maps, read from its ``cmap`` without reportlab.

``validate`` must find every character no font can draw (``builder.text.coverage``) while
staying free of the renderers' libraries, so the coverage check reads fonts itself. It reads
them the way reportlab's ``TTFontFile`` does, because reportlab is what draws them: the same
cmap subtable is chosen (the last Unicode one of the directory), every code a segment spans
counts as mapped, and a font reportlab refuses (PostScript outlines, a bad collection index,
a licence that forbids subsetting a large font, no usable cmap) maps nothing. So a character
this module calls drawable is one the renderers draw, and the reverse.

Formats 0, 4, 6, 10, 12 and 13 are read; TrueType collections (``ttcf``) by subfont index.
The result is a tuple of inclusive code ranges: a CJK font's 30,000 characters cost a few
hundred ranges, not a set of every code.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MAX_FONT_BYTES = 64 * 1024 * 1024  # larger than any font on a teacher's machine
_TRUETYPE = (0x00010000, 0x74727565)  # 1.0 and 'true'; 'OTTO' is CFF, which reportlab refuses
_NEEDED = (b"head", b"hhea", b"maxp", b"hmtx", b"cmap", b"loca", b"glyf", b"name", b"post")


class FontFormatError(ValueError):
    """The file is not a TrueType font reportlab would read."""


@dataclass(frozen=True)
class CharacterMap:
    """The codes one font maps, as sorted, inclusive, non-overlapping ranges."""

    ranges: tuple[tuple[int, int], ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [low for low, _ in self.ranges])

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, int):
            return False
        index = bisect_right(self._starts, code) - 1  # type: ignore[attr-defined]
        return index >= 0 and code <= self.ranges[index][1]

    def __len__(self) -> int:
        return sum(high - low + 1 for low, high in self.ranges)


EMPTY = CharacterMap(())


def _merged(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[list[int]] = []
    for low, high in sorted(r for r in ranges if r[0] <= r[1]):
        if out and low <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], high)
        else:
            out.append([low, high])
    return tuple((low, high) for low, high in out)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def u16(self, at: int) -> int:
        return self._unpack(">H", at)

    def u32(self, at: int) -> int:
        return self._unpack(">I", at)

    def _unpack(self, fmt: str, at: int) -> int:
        try:
            return struct.unpack_from(fmt, self.data, at)[0]
        except struct.error:
            raise FontFormatError("the font file is cut short") from None


def _tables(reader: _Reader, index: int) -> dict[bytes, int]:
    """The table directory of the face at ``index``: tag → offset."""
    start = 0
    if reader.data[:4] == b"ttcf":
        count = reader.u32(8)
        if not 0 <= index < count:
            raise FontFormatError(f"the collection has no font number {index}")
        start = reader.u32(12 + 4 * index)
    version = reader.u32(start)
    if version not in _TRUETYPE:
        raise FontFormatError("not a TrueType font (PostScript outlines or another format)")
    count = reader.u16(start + 4)
    tables = {}
    for entry in range(count):
        at = start + 12 + 16 * entry
        tag = reader.data[at:at + 4]
        tables[tag] = reader.u32(at + 8)
    missing = [tag.decode("latin-1") for tag in _NEEDED if tag not in tables]
    if missing:
        raise FontFormatError(f"the font has no {', '.join(missing)} table")
    return tables


def _subsetting_forbidden(reader: _Reader, tables: dict[bytes, int]) -> bool:
    """reportlab refuses a font whose licence forbids subsetting when it has > 255 glyphs."""
    if b"OS/2" not in tables:
        return False
    fs_type = reader.u16(tables[b"OS/2"] + 8)
    glyphs = reader.u16(tables[b"maxp"] + 4)
    return (fs_type == 0x0002 or bool(fs_type & 0x0300)) and glyphs > 0xFF


def _subtable(reader: _Reader, cmap: int) -> int:
    """The offset of the subtable reportlab reads (its choice, including "last one wins")."""
    version, count = reader.u16(cmap), reader.u16(cmap + 2)
    if count == 0 and version != 0:
        count = version
    chosen, kind = None, 0
    for entry in range(count):
        at = cmap + 4 + 8 * entry
        platform, encoding, offset = reader.u16(at), reader.u16(at + 2), reader.u32(at + 4)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            chosen, kind = offset, 1
        elif platform == 1 and encoding == 0 and kind != 1:
            chosen, kind = offset, 2
    if chosen is None:
        raise FontFormatError("the font has no Unicode character map")
    return cmap + chosen


def _ranges(reader: _Reader, at: int) -> list[tuple[int, int]]:
    """The codes a cmap subtable at ``at`` maps (every code of a segment, as reportlab does)."""
    fmt = reader.u16(at)
    if fmt == 4:
        segments = reader.u16(at + 6) // 2
        ends = at + 14
        starts = ends + 2 * segments + 2
        return [(reader.u16(starts + 2 * n), reader.u16(ends + 2 * n)) for n in range(segments)]
    if fmt in (12, 13):
        groups = reader.u32(at + 12)
        if groups > len(reader.data) // 12:
            raise FontFormatError("the character map claims more groups than the file holds")
        return [(reader.u32(at + 16 + 12 * n), reader.u32(at + 20 + 12 * n))
                for n in range(groups)]
    if fmt == 0:
        length = reader.u16(at + 2)
        return [(0, min(256, length - 6) - 1)]
    if fmt in (6, 10):
        wide = fmt == 10
        first = reader.u32(at + 12) if wide else reader.u16(at + 6)
        count = reader.u32(at + 16) if wide else reader.u16(at + 8)
        base = at + (20 if wide else 10)
        if count > len(reader.data):
            raise FontFormatError("the character map claims more codes than the file holds")
        del first  # the glyph numbers; the codes are the array's values
        return [(code, code) for code in (reader.u16(base + 2 * n) for n in range(count))]
    raise FontFormatError(f"character map format {fmt} is not read")


def read_cmap(data: bytes, index: int = 0) -> CharacterMap:
    """The character map of face ``index`` of a TrueType font or collection held in ``data``."""
    reader = _Reader(data)
    tables = _tables(reader, index)
    if _subsetting_forbidden(reader, tables):
        raise FontFormatError("the font's licence does not allow embedding a subset")
    if reader.u16(tables[b"head"] + 52) != 0:  # glyphDataFormat
        raise FontFormatError("unknown glyph data format")
    ranges = _ranges(reader, _subtable(reader, tables[b"cmap"]))
    if reader.u16(tables[b"hhea"] + 34) == 0:  # numberOfHMetrics
        raise FontFormatError("the font has no horizontal metrics")
    cmap = CharacterMap(_merged(ranges))
    if (0x20 in cmap) != (0xA0 in cmap):  # reportlab maps the no-break space and space alike
        cmap = CharacterMap(_merged([*cmap.ranges, (0x20, 0x20), (0xA0, 0xA0)]))
    return cmap


@lru_cache(maxsize=256)
def font_cmap(file: str, index: int = 0) -> CharacterMap:
    """The character map of a font file; empty for a file that is not a readable TrueType
    font (reportlab would not register it either, so it draws nothing)."""
    path = Path(file)
    try:
        if path.stat().st_size > MAX_FONT_BYTES:
            return EMPTY
        return read_cmap(path.read_bytes(), index)
    except (OSError, FontFormatError):
        return EMPTY
