"""The glyphs a guide prints inside its figures, with their sizes, read back from the PDF:
each ``/Figure`` structure element's ``/BBox`` on its page (pikepdf), the characters inside
it (pdfplumber). A rotated glyph's size is its box's width (pdfminer reports the advance)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pikepdf


def figure_boxes(path: Path) -> list[tuple[int, tuple[float, float, float, float]]]:
    """(page index, (x0, y0, x1, y1) in PDF space) of every tagged figure."""
    boxes = []
    with pikepdf.open(path) as pdf:
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
        stack = [pdf.Root.get("/StructTreeRoot")]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(node)
                continue
            if not isinstance(node, pikepdf.Dictionary):
                continue
            if node.get("/S") == "/Figure" and "/A" in node and "/Pg" in node:
                attributes = node.A if isinstance(node.A, pikepdf.Dictionary) else node.A[0]
                if "/BBox" in attributes:
                    box = tuple(float(value) for value in attributes.BBox)
                    boxes.append((pages[node.Pg.objgen], box))
            if node.get("/K") is not None:
                stack.append(node.K)
    return boxes


def figure_glyphs(path: Path) -> list[tuple[int, list[tuple[str, float]]]]:
    """(page number, [(character, size)]) of every tagged figure's printed glyphs."""
    result = []
    boxes = figure_boxes(path)
    with pdfplumber.open(path) as pdf:
        for index, (x0, y0, x1, y1) in boxes:
            page = pdf.pages[index]
            height = page.height
            glyphs = [(char["text"], char["size"] if char["upright"] else char["x1"] - char["x0"])
                      for char in page.chars if char["text"].strip()
                      and x0 - 1 <= char["x0"] and char["x1"] <= x1 + 1
                      and y0 - 1 <= height - char["bottom"] and height - char["top"] <= y1 + 1]
            result.append((index + 1, glyphs))
    return result
