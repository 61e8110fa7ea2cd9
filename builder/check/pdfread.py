"""A PDF read back with qpdf (pikepdf): named destinations, the outline, and what a page prints.

The check asks three things of a guide: where each named destination leads, the outline's
titles and where they lead, and whether a heading or a caption is printed on a page. The last
was most of reading a guide back: pypdf parses content streams and character maps in pure
Python (~20 ms a page, the sample's guide ~0.2 s on the build's critical path). qpdf parses
them in C++, keeping only the text operators; what is left in Python is decoding the strings
they show through each font's ToUnicode map, parsed once per font.

A page's text here is the shown strings in content-stream order (forms included where they
are drawn), with a line break at each text object and line move. The check compares text
ignoring whitespace and case (``readback.text_on_page``), so spacing is not reconstructed; a
test compares this text with pypdf's on real guides. A page that shows text in a font with no
ToUnicode map (never one the guide renderer embeds: a standard font, a foreign PDF) is read by
pypdf's ``extract_text`` instead, which knows the simple encodings.
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path
from typing import Any

import pikepdf

# what page text needs of a content stream (qpdf drops every other operator)
_OPERATORS = "BT ET Tf Tj TJ ' \" Td TD T* Tm Do"
_MOVES = {"BT", "ET", "T*", "Tm"}
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_BLOCK = re.compile(rb"begin(codespacerange|bfchar|bfrange)(.*?)end\1", re.S)
_RANGE_ARRAY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\[(.*?)\]", re.S)
_MAX_DEPTH = 8  # forms drawn inside forms


class NoUnicodeMap(Exception):
    """A page shows text in a font without a ToUnicode map."""


class CharMap:
    """A font's ToUnicode CMap: character codes (1 to 4 bytes) to text."""

    def __init__(self, data: bytes) -> None:
        self.lengths: list[int] = []
        self.codes: dict[bytes, str] = {}
        for kind, body in _BLOCK.findall(data):
            if kind == b"codespacerange":
                for low in _HEX.findall(body)[::2]:
                    self.lengths.append(len(_hex(low)))
            elif kind == b"bfchar":
                values = _HEX.findall(body)
                for source, target in zip(values[::2], values[1::2]):
                    self.codes[_hex(source)] = _text(_hex(target))
            else:
                self._ranges(body)
        self.lengths = sorted(set(self.lengths)) or [1]
        # one-byte codes decode at C speed: the bytes as Latin-1 characters, each translated
        self._table = ({code: self.codes.get(bytes([code]), None) for code in range(256)}
                       if self.lengths == [1] else None)

    def _ranges(self, body: bytes) -> None:
        for low, high, targets in _RANGE_ARRAY.findall(body):
            first, last = _hex(low), _hex(high)
            for offset, target in enumerate(_HEX.findall(targets)):
                if int.from_bytes(first, "big") + offset > int.from_bytes(last, "big"):
                    break
                self.codes[_plus(first, offset)] = _text(_hex(target))
        body = _RANGE_ARRAY.sub(b"", body)
        values = _HEX.findall(body)
        for low, high, target in zip(values[::3], values[1::3], values[2::3]):
            first, last, start = _hex(low), _hex(high), _hex(target)
            count = int.from_bytes(last, "big") - int.from_bytes(first, "big") + 1
            base = int.from_bytes(start, "big")
            for offset in range(max(0, min(count, 1 << 16))):
                value = (base + offset).to_bytes(len(start), "big")
                self.codes[_plus(first, offset)] = _text(value)

    def decode(self, data: bytes) -> str:
        """The text of a shown string: each code the longest the code space allows."""
        if self._table is not None:
            return data.decode("latin-1").translate(self._table)
        out, index = [], 0
        while index < len(data):
            for length in reversed(self.lengths):
                code = data[index:index + length]
                if code in self.codes or length == self.lengths[0]:
                    out.append(self.codes.get(code, ""))
                    index += len(code)
                    break
        return "".join(out)


def _hex(digits: bytes) -> bytes:
    digits = re.sub(rb"\s", b"", digits)
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))


def _plus(code: bytes, offset: int) -> bytes:
    return (int.from_bytes(code, "big") + offset).to_bytes(len(code), "big")


def _text(utf16: bytes) -> str:
    return utf16.decode("utf-16-be", errors="replace")


class PdfFile:
    """A PDF opened from its bytes (no file stays open), with its pages numbered from 1."""

    def __init__(self, source: Path | bytes) -> None:
        self.data = source if isinstance(source, bytes) else Path(source).read_bytes()
        self.pdf = pikepdf.open(io.BytesIO(self.data))
        self._numbers = {page.obj.objgen: index + 1 for index, page in enumerate(self.pdf.pages)}
        self._maps: dict[Any, CharMap] = {}
        self._fallback: Any = None

    @property
    def page_count(self) -> int:
        return len(self.pdf.pages)

    # ----------------------------------------------------------------- destinations, outline

    def target(self, destination: Any) -> tuple[int, float | None] | None:
        """(1-based page, top) of an explicit destination array, None when it leads nowhere."""
        if isinstance(destination, pikepdf.Dictionary) and "/D" in destination:
            destination = destination.D
        if not isinstance(destination, pikepdf.Array) or len(destination) < 2:
            return None
        page = destination[0]
        number = self._numbers.get(page.objgen) if isinstance(page, pikepdf.Dictionary) else None
        if number is None:
            return None
        fit, arguments = str(destination[1]), list(destination[2:])
        where = {"/XYZ": 1, "/FitH": 0, "/FitBH": 0, "/FitR": 3}.get(fit)
        top = arguments[where] if where is not None and where < len(arguments) else None
        return number, _number(top)

    def named_destinations(self) -> dict[str, Any]:
        """Every named destination's array by its plain name: the catalog's ``/Dests``
        dictionary when there is one, else the ``/Names`` tree (as pypdf reads them)."""
        root = self.pdf.Root
        if "/Dests" in root:
            return {str(key).removeprefix("/"): value for key, value in root.Dests.items()}
        names = root.get("/Names")
        if isinstance(names, pikepdf.Dictionary) and "/Dests" in names:
            return {str(key): value for key, value in pikepdf.NameTree(names.Dests).items()}
        return {}

    def outline(self) -> list[tuple[str, Any]]:
        """(title, destination) of every outline entry, each before its children."""
        outlines = self.pdf.Root.get("/Outlines")
        entries: list[tuple[str, Any]] = []
        if not isinstance(outlines, pikepdf.Dictionary) or "/First" not in outlines:
            return entries
        named = None
        seen: set = set()

        def walk(node: Any) -> None:
            nonlocal named
            while isinstance(node, pikepdf.Dictionary) and node.objgen not in seen:
                seen.add(node.objgen)
                destination = None
                if "/Title" in node and "/A" in node:
                    action = node.A
                    if action.get("/S") == "/GoTo":
                        destination = action.get("/D")
                elif "/Title" in node and "/Dest" in node:
                    destination = node.Dest
                if "/Title" in node:
                    if isinstance(destination, (pikepdf.String, pikepdf.Name)):
                        named = self.named_destinations() if named is None else named
                        destination = named.get(str(destination).removeprefix("/"))
                    entries.append((str(node.Title), destination))
                if "/First" in node:
                    walk(node.First)
                node = node.get("/Next")

        walk(outlines.First)
        return entries

    # ----------------------------------------------------------------- page text

    def page_text(self, number: int) -> str:
        """What a 1-based page prints, in content-stream order (see the module)."""
        page = self.pdf.pages[number - 1]
        pieces: list[str] = []
        try:
            self._show(page, _inherited(page.obj, "/Resources"), pieces, 0)
        except NoUnicodeMap:
            return self._pypdf_text(number)
        return "".join(pieces)

    def _show(self, content: Any, resources: Any, pieces: list[str], depth: int) -> None:
        fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        font: CharMap | None = None
        named: dict[str, CharMap] = {}
        for operands, operator in pikepdf.parse_content_stream(content, _OPERATORS):
            name = str(operator)
            if name == "Tf":
                key = str(operands[0])
                if key not in named:
                    named[key] = self._charmap(fonts.get(key) if fonts is not None else None)
                font = named[key]
            elif name in ("Tj", "'", '"'):
                if name != "Tj":
                    pieces.append("\n")
                pieces.append(_decode(font, operands[-1]))
            elif name == "TJ":
                pieces.extend(_decode(font, item) for item in operands[0]
                              if isinstance(item, pikepdf.String))
            elif name in _MOVES or (name in ("Td", "TD") and float(operands[1]) != 0):
                pieces.append("\n")
            elif name == "Do" and depth < _MAX_DEPTH:
                self._form(resources, str(operands[0]), pieces, depth)

    def _form(self, resources: Any, name: str, pieces: list[str], depth: int) -> None:
        forms = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        form = forms.get(name) if forms is not None else None
        if isinstance(form, pikepdf.Stream) and form.get("/Subtype") == "/Form":
            self._show(form, form.get("/Resources", resources), pieces, depth + 1)

    def _charmap(self, font: Any) -> CharMap:
        if not isinstance(font, pikepdf.Dictionary) or "/ToUnicode" not in font:
            raise NoUnicodeMap
        key = font.objgen if font.is_indirect else id(font)
        if key not in self._maps:
            self._maps[key] = CharMap(font.ToUnicode.read_bytes())
        return self._maps[key]

    def _pypdf_text(self, number: int) -> str:
        from pypdf import PdfReader

        if self._fallback is None:
            self._fallback = PdfReader(io.BytesIO(self.data))
        return self._fallback.pages[number - 1].extract_text() or ""


def _inherited(node: Any, key: str) -> Any:
    """A page's entry, or the nearest page-tree ancestor's (``/Resources`` is inheritable)."""
    for _ in range(64):
        if not isinstance(node, pikepdf.Dictionary):
            return None
        if key in node:
            return node[key]
        node = node.get("/Parent")
    return None


def _decode(font: CharMap | None, string: Any) -> str:
    if font is None:  # text shown before any font is set: nothing a reader could decode
        raise NoUnicodeMap
    return font.decode(bytes(string))


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None
