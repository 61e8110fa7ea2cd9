"""Lengths and colours parsed once, into value types both renderers read.

Layouts say ``"2cm"``, ``"0.75in"``, ``"12pt"`` or a bare number (points), and colours as
``"#1f3a5f"``. Renderers get points and RGB triples and never parse strings themselves.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

POINTS_PER = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|in|cm|mm|px)?\s*$")
_COLOR = re.compile(r"^#?([0-9a-fA-F]{6})$")


class Length(float):
    """A length in PostScript points (1/72 in); ``Length.parse("2cm")``."""

    @classmethod
    def parse(cls, value: Any) -> "Length":
        if isinstance(value, bool):
            raise ValueError("expected a length such as 2cm, 0.75in or 12pt")
        if isinstance(value, (int, float)):
            return cls(float(value))
        match = _LENGTH.match(str(value))
        if not match:
            raise ValueError(f"'{value}' is not a length: write e.g. 2cm, 18mm, 0.75in or 12pt")
        return cls(float(match.group(1)) * POINTS_PER[match.group(2) or "pt"])

    @property
    def emu(self) -> int:
        """English Metric Units, python-pptx's native unit (12,700 per point)."""
        return round(self * 12700)


class Color(str):
    """An sRGB colour as ``RRGGBB`` (upper case, no ``#``)."""

    @classmethod
    def parse(cls, value: Any) -> "Color":
        match = _COLOR.match(str(value).strip()) if isinstance(value, str) else None
        if not match:
            raise ValueError(f"'{value}' is not a colour: write it as #RRGGBB, e.g. #1F3A5F")
        return cls(match.group(1).upper())

    @property
    def rgb(self) -> tuple[int, int, int]:
        return int(self[0:2], 16), int(self[2:4], 16), int(self[4:6], 16)

    @property
    def hex(self) -> str:
        return f"#{self}"

    def relative_luminance(self) -> float:
        """WCAG 2 relative luminance, for contrast checks."""
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (channel(v) for v in self.rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(self, other: "Color") -> float:
        """WCAG contrast ratio between two colours (1 to 21)."""
        a, b = sorted((self.relative_luminance(), other.relative_luminance()), reverse=True)
        return (a + 0.05) / (b + 0.05)

    def lab(self) -> tuple[float, float, float]:
        """CIE L*a*b* (D65), so colour differences can be measured the way eyes see them."""
        def linear(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (linear(v) for v in self.rgb)
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

        def f(t: float) -> float:
            return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

        fx, fy, fz = f(x), f(y), f(z)
        return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)

    def delta_e(self, other: "Color") -> float:
        """CIE76 colour difference ΔE*ab: about 2.3 is barely visible, 20+ reads as a new hue."""
        return sum((a - b) ** 2 for a, b in zip(self.lab(), other.lab())) ** 0.5

    def mix(self, other: "Color", amount: float) -> "Color":
        """Blend toward ``other`` by ``amount`` (0 = self, 1 = other), for tints."""
        mixed = (round(a + (b - a) * amount) for a, b in zip(self.rgb, other.rgb))
        return Color("".join(f"{v:02X}" for v in mixed))


def _parse_length(value: Any) -> Length:
    return Length.parse(value)


def _parse_color(value: Any) -> Color:
    return Color.parse(value)


LengthValue = Annotated[
    Length, PlainValidator(_parse_length), PlainSerializer(lambda v: f"{float(v):g}pt", return_type=str),
    WithJsonSchema({"type": ["string", "number"], "pattern": r"^-?\d+(\.\d+)?\s*(pt|in|cm|mm|px)?$",
                    "description": "A length: 2cm, 18mm, 0.75in, 12pt, or a number of points"}),
]
ColorValue = Annotated[
    Color, PlainValidator(_parse_color), PlainSerializer(lambda v: f"#{v}", return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^#?[0-9a-fA-F]{6}$",
                    "description": "An sRGB colour, #RRGGBB"}),
]
WHITE = Color("FFFFFF")
BLACK = Color("000000")
