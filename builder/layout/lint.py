"""Accessibility lint: can every reader read what a layout draws?

Rules, each with the standard it comes from:

* Text contrast ≥ 4.5:1 (WCAG 2.x AA, 1.4.3) for every text/background pair the renderers
  draw: body text, muted captions and footers, headings (primary), accent labels, text on the
  surface tint (callouts, table headers; primary too, for note callouts), on_primary on primary (title bars), and the same
  text colours on the deck's own background when it has one.
* Slide body text ≥ 18 pt (``deck.sizes.body`` and the smallest size a slide may shrink to,
  ``deck.sizes.min_body``): the usual floor for text read across a lecture room.
* Chart colours: each ≥ 3:1 against the background (WCAG 2.1 AA, 1.4.11 non-text
  contrast), and consecutive colours — including the last against the first, which meet in a
  pie — at least ``MIN_CHART_DELTA_E`` apart in CIE76 ΔE*ab. ΔE 2.3 is a just-noticeable
  difference; categorical palettes (Tableau 10, ColorBrewer Set1/Dark2) space neighbours 20–60
  apart, so 20 is where adjacent bars stop reading as shades of one series.

The lint reads a validated ``Layout`` and returns findings with the path of the offending
value; the loader turns them into ``path:line:col`` problems (errors, or warnings when not
strict).
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.layout.model import Layout
from builder.layout.values import BLACK, WHITE, Color
from builder.load.yamlfile import PathKey

MIN_TEXT_CONTRAST = 4.5
MIN_GRAPHIC_CONTRAST = 3.0
MIN_SLIDE_BODY = 18.0
MIN_CHART_DELTA_E = 20.0

TEXT_ROLES: tuple[tuple[str, str], ...] = (
    ("text", "body text"),
    ("muted", "captions and footers"),
    ("primary", "headings"),
    ("accent", "accent text"),
)


@dataclass(frozen=True)
class Finding:
    """One lint result: the value to change, and why."""

    path: PathKey
    message: str


@dataclass(frozen=True)
class Measure:
    """A contrast or distance the lint measured, with the minimum it must reach."""

    path: PathKey
    label: str
    value: float
    minimum: float
    unit: str = ":1"
    colours: tuple[Color, Color] | None = None  # foreground, background of a contrast

    @property
    def passes(self) -> bool:
        return self.value >= self.minimum - 1e-9


def measures(layout: Layout) -> list[Measure]:
    """Every number the lint checks, passing or not (``course-builder`` reports failures)."""
    palette = layout.palette
    found: list[Measure] = []

    def contrast(path: PathKey, label: str, foreground: Color, background: Color,
                 minimum: float = MIN_TEXT_CONTRAST) -> None:
        found.append(Measure(path, f"{label}: {foreground.hex} on {background.hex}",
                             round(foreground.contrast(background), 2), minimum,
                             colours=(foreground, background)))

    for role, use in TEXT_ROLES:
        contrast(("palette", role), f"{role} on background ({use})", getattr(palette, role),
                 palette.background)
    contrast(("palette", "text"), "text on surface (callouts, table headers)", palette.text,
             palette.surface)
    contrast(("palette", "primary"), "primary on surface (note callouts)", palette.primary,
             palette.surface)
    contrast(("palette", "on_primary"), "on_primary on primary (title bars)", palette.on_primary,
             palette.primary)
    backgrounds = [("background", palette.background)]
    deck_background = layout.deck.background
    if deck_background is not None and deck_background != palette.background:
        backgrounds.append(("deck background", deck_background))
        for role, use in TEXT_ROLES:
            contrast(("deck", "background"), f"{role} on deck background ({use})",
                     getattr(palette, role), deck_background)
    for index, colour in enumerate(palette.chart):
        for name, background in backgrounds:
            contrast(("palette", "chart", index), f"chart[{index}] on {name}", colour, background,
                     MIN_GRAPHIC_CONTRAST)
    count = len(palette.chart)
    for index in range(count if count > 2 else count - 1):
        following = (index + 1) % count
        found.append(Measure(("palette", "chart", following),
                             f"ΔE chart[{index}] {palette.chart[index].hex} → chart[{following}] "
                             f"{palette.chart[following].hex}",
                             round(palette.chart[index].delta_e(palette.chart[following]), 1),
                             MIN_CHART_DELTA_E, unit=""))
    sizes = layout.deck.sizes
    found.append(Measure(("deck", "sizes", "body"), "slide body size", sizes.body, MIN_SLIDE_BODY,
                         unit=" pt"))
    found.append(Measure(("deck", "sizes", "min_body"), "smallest slide body size", sizes.min_body,
                         MIN_SLIDE_BODY, unit=" pt"))
    return found


def lint(layout: Layout) -> list[Finding]:
    """The measures that fail, phrased as what to change."""
    return [Finding(measure.path, _message(measure)) for measure in measures(layout)
            if not measure.passes]


def _message(measure: Measure) -> str:
    if measure.unit == " pt":
        return (f"{measure.label} is {measure.value:g} pt; slide text must be at least "
                f"{measure.minimum:g} pt to be read across a room")
    if measure.unit == "":
        return (f"{measure.label} is only {measure.value:g} apart (CIE76 ΔE); neighbouring chart "
                f"colours need ≥ {measure.minimum:g} to read as different series")
    standard = "WCAG AA text" if measure.minimum == MIN_TEXT_CONTRAST else "WCAG 1.4.11 graphics"
    foreground, background = measure.colours or (BLACK, WHITE)
    if measure.path == ("deck", "background"):
        target, fix = "the deck background", suggest(background, foreground, measure.minimum)
    else:
        target, fix = "it", suggest(foreground, background, measure.minimum)
    return (f"{measure.label} has contrast {measure.value:.2f}:1; {standard} needs "
            f"{measure.minimum:g}:1 — try {fix.hex} for {target}")


def suggest(colour: Color, background: Color, minimum: float) -> Color:
    """The closest colour to ``colour`` (mixed toward black or white) that reaches ``minimum``."""
    best: Color | None = None
    for target in (BLACK, WHITE):
        for step in range(1, 101):
            candidate = colour.mix(target, step / 100)
            if candidate.contrast(background) >= minimum:
                if best is None or colour.delta_e(candidate) < colour.delta_e(best):
                    best = candidate
                break
    return best or (BLACK if background.contrast(BLACK) > background.contrast(WHITE) else WHITE)
