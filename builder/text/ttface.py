"""A TrueType face that remembers the widths it measured.

reportlab's paragraph wrap asks a face for the width of every word of every paragraph, in
pure Python (without the optional C accelerator), and a guide asks again in every layout
pass, for every page it tries a table or a figure column on, and in every rebuild a watch
makes. A face's widths never change once it is registered, so each face keeps them: the
same text at the same size is measured once per process. The numbers are reportlab's own,
so the PDF is the same with the memory as without it.
"""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

LIMIT = 200_000  # widths per face before it starts over (a long course's words, ~20 MiB)


class TTFace(TTFont):
    """``TTFont`` with ``stringWidth`` remembered per (text, size, encoding)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._widths: dict[tuple, float] = {}

    def stringWidth(self, text, size, encoding="utf8"):  # noqa: N802 - reportlab's name
        key = (text, size, encoding)
        width = self._widths.get(key)
        if width is None:
            width = super().stringWidth(text, size, encoding)
            if len(self._widths) >= LIMIT:
                self._widths.clear()
            self._widths[key] = width
        return width
