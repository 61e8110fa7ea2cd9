"""Bold for a face that has none: the glyphs filled and stroked, as PDF tools embolden.

The installed CJK face (WenQuanYi Zen Hei; a Noto CJK bold is CFF, which reportlab cannot
embed) has one weight, so "**井伊直弼** (Ii Naosuke)" printed its kanji regular beside bold
romaji. A stretch the fallback chain draws in such a face for bold text
(``fallback.Font.emboldened``) is wrapped in two zero-width ``<onDraw>`` marks: the first
sets text render mode 2 (fill, then stroke the outline) with a line width of a thirtieth of
the size in the text's own colour, the second sets mode 0 again. Advances are unchanged, so
the text measures and breaks as before; the deck names the run bold and PowerPoint and
LibreOffice embolden it themselves.
"""

from __future__ import annotations

from reportlab.lib.colors import black

ON, OFF = "embolden", "unembolden"
STROKE = 1 / 30  # of the size: the line width Acrobat and pdfTeX's fake bold use, near enough


def wrapped(piece: str, size: float | None) -> str:
    """Markup ``piece`` (a ``<font>`` run) drawn emboldened at ``size`` points."""
    label = f' label="{size:.2f}"' if size else ""
    return f'<onDraw name="{ON}"{label}/>{piece}<onDraw name="{OFF}"/>'


def _embolden(canvas, kind: str, label: str | None) -> None:
    info = getattr(canvas, "_curr_tx_info", None)
    if info is None:  # pragma: no cover - reportlab calls onDraw marks inside a text object
        return
    text = info["tx"]
    size = float(label) if label else (text._fontsize or 10.0)
    color = getattr(info.get("xs"), "textColor", None) or getattr(text, "_fillColorObj", None)
    text.setStrokeColor(color or black)
    text._code.append(f"{size * STROKE:.3f} w")
    text.setTextRenderMode(2)


def _unembolden(canvas, kind: str, label: str | None) -> None:
    info = getattr(canvas, "_curr_tx_info", None)
    if info is not None:
        info["tx"].setTextRenderMode(0)


CALLBACKS = {ON: _embolden, OFF: _unembolden}


def draw_string(canvas, x: float, y: float, text: str, size: float) -> None:
    """``canvas.drawString`` emboldened (page furniture: a running header's bold name)."""
    canvas.saveState()
    canvas.setStrokeColor(canvas._fillColorObj)
    canvas.setLineWidth(size * STROKE)
    shown = canvas.beginText(x, y)
    shown.setTextRenderMode(2)
    shown.textOut(text)
    canvas.drawText(shown)
    canvas.restoreState()
