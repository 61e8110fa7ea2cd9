"""A figure as plain shapes in points: built once here, painted by the guide and by the deck.

Coordinates have their origin at the top-left and y grows downward, as on a slide; the
guide's painter flips them. Text is a box of already-wrapped lines, so both outputs break
lines in the same places (the wrapping was measured with the fonts both embed or name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from builder.text import measure
from builder.text.fallback import slot_of
from builder.text.fonts import Faces
from builder.text.typography import bound_spaces
from builder.layout.values import Color

Align = Literal["left", "center", "right"]
Dash = Literal["solid", "dashed", "dotted"]
LEADING = 1.2  # single line spacing of Calibri/Carlito (ascent 0.75 + descent 0.25 + gap)


SCRIPT_GAP = 0.25  # em LibreOffice adds where East Asian text meets other text


def script_changes(text: str) -> int:
    """How often ``text`` changes between East Asian characters and other visible ones."""
    changes, last = 0, None
    for char in text:
        if char.isspace():
            last = None
            continue
        east = slot_of(char) == "ea"
        if last is not None and east != last:
            changes += 1
        last = east
    return changes


@dataclass(frozen=True)
class Typeface:
    """The family figure text is set in, with the measurements the scene builders need."""

    faces: Faces

    def font(self, bold: bool = False) -> str:
        """Registered reportlab font name (for the guide and for measuring)."""
        return measure.face(self.faces, bold)

    @property
    def deck_name(self) -> str:
        return self.faces.deck_name

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """As drawn: each character in the first font of the fallback chain that has it,
        plus the space LibreOffice sets between East Asian and other text (a quarter em at
        each change: "Iwakura Mission (岩倉使節団)" draws 7 pt wider at 15 pt), so a
        figure's tight label box holds it in every renderer."""
        return (measure.styled_width(text, self.faces, size, bold)
                + size * SCRIPT_GAP * script_changes(text))

    def wrap(self, text: str, size: float, available: float, bold: bool = False) -> list[str]:
        """Lines of figure text: what reads as one unit ("Mw 9.5", "15 minutes", a date;
        ``typography.bound_spaces``) stays on a line unless it is wider than the line; the
        lines read with ordinary spaces, as written."""
        bound = bound_spaces(text, marked=False) if " " in text else text
        lines = measure.wrap_styled(bound, self.faces, size, available, bold)
        return [line.replace("\u00a0", " ") for line in lines] if bound != text else lines

    @staticmethod
    def line_height(size: float) -> float:
        return size * LEADING

    @staticmethod
    def ascent(size: float) -> float:
        """Top of the line box to the first baseline (ascent plus half the line gap)."""
        return size * (0.75 + (LEADING - 1.0) / 2)


@dataclass(frozen=True)
class Text:
    """Lines of text in a box; ``rotation`` is counter-clockwise degrees about the box centre."""

    left: float
    top: float
    width: float
    lines: tuple[str, ...]
    size: float
    color: Color
    align: Align = "left"
    bold: bool = False
    rotation: float = 0.0
    role: str = "label"

    @property
    def height(self) -> float:
        return len(self.lines) * Typeface.line_height(self.size)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Path:
    """A polyline or, when ``closed``, a polygon (filled when ``fill`` is given)."""

    points: tuple[tuple[float, float], ...]
    stroke: Color | None
    stroke_width: float = 1.0
    fill: Color | None = None
    closed: bool = False
    dash: Dash = "solid"
    role: str = "line"


@dataclass(frozen=True)
class Rect:
    left: float
    top: float
    width: float
    height: float
    fill: Color | None
    stroke: Color | None = None
    stroke_width: float = 0.0
    role: str = "rect"


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    radius: float
    fill: Color | None
    stroke: Color | None = None
    stroke_width: float = 0.0
    role: str = "marker"


@dataclass(frozen=True)
class Wedge:
    """A pie slice: angles in degrees counter-clockwise from 3 o'clock; a ring when inner > 0."""

    cx: float
    cy: float
    radius: float
    start: float
    end: float
    fill: Color
    inner_radius: float = 0.0
    stroke: Color | None = None
    stroke_width: float = 0.0
    role: str = "slice"


Item = Union[Text, Path, Rect, Circle, Wedge]


@dataclass
class Scene:
    """Everything one figure draws, in a ``width`` × ``height`` point box."""

    width: float
    height: float
    items: list[Item] = field(default_factory=list)

    def add(self, item: Item) -> None:
        self.items.append(item)

    @property
    def texts(self) -> list[str]:
        return [item.text for item in self.items if isinstance(item, Text)]


def scaled(scene: Scene, factor: float) -> Scene:
    """The scene shrunk (or grown) uniformly, text sizes included: the last resort when a
    figure cannot fit its box at the smallest legible size we try."""
    if abs(factor - 1.0) < 1e-9:
        return scene
    result = Scene(scene.width * factor, scene.height * factor)
    for item in scene.items:
        result.add(_scale_item(item, factor))
    return result


STROKE_BASE = 9.0  # figure text size (pt) the scenes' stroke widths are drawn for


def stroke_factor(size: float) -> float:
    """How much wider strokes are drawn beside text of ``size`` (see ``thickened``)."""
    return max(1.0, size / STROKE_BASE)


def thickened(scene: Scene, size: float) -> Scene:
    """The scene with every stroke widened in proportion to its text ``size`` above
    ``STROKE_BASE`` (large print, a slide seen across a room), so lines, rules and marker
    rims keep their weight beside the text; marker sizes and gaps already follow the size."""
    factor = stroke_factor(size)
    if abs(factor - 1.0) < 1e-9:
        return scene
    from dataclasses import replace

    result = replace(scene, items=[])  # a subclass keeps its own fields (a map's key rest)
    for item in scene.items:
        width = getattr(item, "stroke_width", None)
        result.add(replace(item, stroke_width=width * factor) if width else item)
    return result


def _scale_item(item: Item, f: float) -> Item:
    from dataclasses import replace

    if isinstance(item, Text):
        return replace(item, left=item.left * f, top=item.top * f, width=item.width * f,
                       size=item.size * f)
    if isinstance(item, Path):
        return replace(item, points=tuple((x * f, y * f) for x, y in item.points),
                       stroke_width=item.stroke_width * f)
    if isinstance(item, Rect):
        return replace(item, left=item.left * f, top=item.top * f, width=item.width * f,
                       height=item.height * f, stroke_width=item.stroke_width * f)
    if isinstance(item, Circle):
        return replace(item, cx=item.cx * f, cy=item.cy * f, radius=item.radius * f,
                       stroke_width=item.stroke_width * f)
    return replace(item, cx=item.cx * f, cy=item.cy * f, radius=item.radius * f,
                   inner_radius=item.inner_radius * f, stroke_width=item.stroke_width * f)
