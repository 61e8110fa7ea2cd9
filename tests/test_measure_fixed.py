"""Text widths come from one fixed formula, whatever optional accelerators are installed.

reportlab's ``stringWidth`` uses the ``_rl_accel`` C extension when present; its sums differ
from the pure-Python ones in the last bits, which moved deck boxes by an EMU. ``measure.width``
must equal reportlab's pure-Python formula exactly, with or without the extension.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import _py_instanceStringWidthTTF
from reportlab.pdfbase import pdfmetrics

from builder.text import measure
from builder.text.fonts import FONT_FOLDER, Faces

TEXTS = ["", "The Korean War, 1950–1953", "Inch’on", "Mixed «quotes» and — dashes …",
         "한국 전쟁", "ﬁ ligature and café", "x" * 500, "  spaced  out  "]
SIZES = [7.5, 11, 13.5, 24, 42.0 / 3]


def _faces(prefix: str, family: str) -> Faces:
    files = [FONT_FOLDER / f"{prefix}-{style}.ttf" for style in
             ("Regular", "Bold", "Italic", "BoldItalic")]
    return Faces(family, "Calibri", *files)


def test_width_is_reportlabs_pure_python_formula() -> None:
    for faces in (_faces("Carlito", "Carlito"), _faces("Caladea", "Caladea")):
        for bold in (False, True):
            font = measure.face(faces, bold=bold)
            ttf = pdfmetrics.getFont(font)
            for text in TEXTS:
                for size in SIZES:
                    assert measure.width(text, font, size) == \
                        _py_instanceStringWidthTTF(ttf, text, size), (font, text, size)


def test_cached_width_follows_the_size() -> None:
    font = measure.face(_faces("Carlito", "Carlito"))
    assert measure.width("word", font, 20) == 2 * measure.width("word", font, 10)
    assert measure.width("word", font, 10) > measure.width("wor", font, 10) > 0


def test_family_registered_once() -> None:
    faces = _faces("Carlito", "Carlito")
    measure.face(faces)
    before = measure.register.cache_info().hits
    for _ in range(10):
        measure.face(faces, bold=True)
    assert measure.register.cache_info().hits == before + 10
