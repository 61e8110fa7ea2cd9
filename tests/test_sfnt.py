"""The reportlab-free cmap reader agrees with reportlab, font by font, and never crashes.

Glyph coverage (what ``validate`` and ``build`` both check in ``resolve``) reads fonts with
``builder.text.sfnt``; the renderers draw with reportlab. If the two disagreed, validate would
accept a character the guide then cannot draw, or refuse one it could.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from builder.text.coverage import undrawable
from builder.text.fonts import FONT_FOLDER, Faces
from builder.text.installed import installed
from builder.text.sfnt import EMPTY, FontFormatError, font_cmap, read_cmap

BUNDLED = sorted(FONT_FOLDER.glob("*.ttf"))
# every installed face fontconfig lists, once per file (collections by index)
INSTALLED = sorted({(font.file, font.index) for font in installed()})


def _reportlab_codes(file: str, index: int = 0) -> set[int]:
    try:
        return set(TTFont("sfnt-test", file, subfontIndex=index).face.charToGlyph)
    except (TTFError, OSError, ValueError, KeyError, AssertionError):
        return set()


@pytest.mark.parametrize("file,index", [(str(p), 0) for p in BUNDLED] + INSTALLED,
                         ids=lambda value: Path(str(value)).name)
def test_the_cmap_is_the_one_reportlab_reads(file: str, index: int) -> None:
    ours = font_cmap(file, index)
    theirs = _reportlab_codes(file, index)
    assert len(ours) == len(theirs)
    assert all(code in ours for code in theirs)


def test_a_collection_is_read_by_index() -> None:
    collections = [(file, index) for file, index in INSTALLED if file.endswith(".ttc")]
    if not collections:
        pytest.skip("no TrueType collection installed")
    file = collections[0][0]
    data = Path(file).read_bytes()
    assert len(read_cmap(data, 0)) > 0
    with pytest.raises(FontFormatError, match="no font number"):
        read_cmap(data, 999)


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x00\x00", b"OTTO" + b"\x00" * 200,
                                  b"ttcf\x00\x01\x00\x00\x00\x00\x00\x05", b"\x00" * 5000])
def test_what_is_not_a_truetype_font_maps_nothing(data: bytes, tmp_path: Path) -> None:
    with pytest.raises(FontFormatError):
        read_cmap(data)
    (tmp_path / "x.ttf").write_bytes(data)
    assert font_cmap(str(tmp_path / "x.ttf")) is EMPTY


def test_a_damaged_font_raises_only_font_format_error() -> None:
    """Cut and scribbled-over copies of a real font: a clean refusal or a map, never a crash."""
    original = (FONT_FOLDER / "Carlito-Regular.ttf").read_bytes()
    rng = random.Random(12)
    for trial in range(300):
        data = bytearray(original[: rng.randrange(12, len(original))] if trial % 3 == 0
                         else original)
        for _ in range(rng.randrange(1, 40)):
            at = rng.randrange(min(len(data), 2000))  # the directory and early tables
            data[at] = rng.randrange(256)
        try:
            read_cmap(bytes(data))
        except FontFormatError:
            pass


def test_coverage_uses_the_fallbacks_and_the_installed_fonts() -> None:
    carlito = Faces("Carlito", "Calibri", *(FONT_FOLDER / "Carlito-Regular.ttf",) * 4)
    assert undrawable("Latin only", [carlito]) == []
    assert undrawable("Ω ∑ →", [carlito]) == []  # Carlito lacks some; DejaVu Sans has them
    assert undrawable("\U0001FA90 and \ue000", [carlito]) == ["\U0001FA90", "\ue000"]
    if any(font_cmap(file, index).__contains__(0xD55C) for file, index in INSTALLED):
        assert undrawable("한국", [carlito]) == []  # only an installed font has Hangul
