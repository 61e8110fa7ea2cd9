"""Draw the HIST 101 logos: a maroon-and-gold crest, alone and with a serif wordmark.

Run from the repository root: ``python layouts/assets/make_logo.py``. The PNG is committed;
this script only documents how it was made (and remakes it at another size if needed).
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "builder" / "fonts"
TARGET = Path(__file__).resolve().parent / "history-101-logo.png"
CREST = Path(__file__).resolve().parent / "history-101-crest.png"
MAROON, GOLD, INK = (122, 31, 43, 255), (201, 162, 39, 255), (122, 31, 43, 255)
SCALE = 4  # draw large, then shrink: smooth edges without antialiasing support in ImageDraw


def shield(draw: ImageDraw.ImageDraw, left: float, top: float, width: float, height: float,
           fill: tuple[int, ...]) -> None:
    """A heater shield: straight top and sides, then two convex curves meeting in a point."""
    centre, shoulder = left + width / 2, top + height * 0.42
    steps = 60
    right = [(centre + width / 2 * math.cos(math.pi / 2 * i / steps),
              shoulder + (height * 0.58) * math.sin(math.pi / 2 * i / steps)) for i in range(steps + 1)]
    left_side = [(2 * centre - x, y) for x, y in reversed(right)]
    draw.polygon([(left, top), (left + width, top), *right, *left_side], fill=fill)


def crest(draw: ImageDraw.ImageDraw, left: float, top: float, s: int) -> None:
    """The shield: gold edge, maroon field, a gold H over a gold band and '101'."""
    shield(draw, left, top, 280 * s, 340 * s, GOLD)
    shield(draw, left + 14 * s, top + 14 * s, 252 * s, 310 * s, MAROON)
    letter = ImageFont.truetype(str(FONTS / "Caladea-Bold.ttf"), 150 * s)
    draw.text((left + 140 * s, top + 112 * s), "H", font=letter, fill=GOLD, anchor="mm")
    draw.rectangle((left + 14 * s, top + 196 * s, left + 266 * s, top + 208 * s), fill=GOLD)
    small = ImageFont.truetype(str(FONTS / "Caladea-Bold.ttf"), 46 * s)
    draw.text((left + 140 * s, top + 254 * s), "101", font=small, fill=GOLD, anchor="mm")


def main() -> None:
    s = SCALE
    image = Image.new("RGBA", (1400 * s, 400 * s), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    crest(draw, 40 * s, 30 * s, s)
    wordmark = ImageFont.truetype(str(FONTS / "Caladea-Bold.ttf"), 120 * s)
    subtitle = ImageFont.truetype(str(FONTS / "Caladea-Italic.ttf"), 62 * s)
    draw.text((370 * s, 190 * s), "HIST 101", font=wordmark, fill=INK, anchor="ls")
    draw.rectangle((372 * s, 222 * s, 1340 * s, 228 * s), fill=GOLD)
    draw.text((372 * s, 310 * s), "Modern World History", font=subtitle, fill=INK, anchor="ls")
    _save(image, TARGET)
    alone = Image.new("RGBA", (360 * s, 400 * s), (255, 255, 255, 0))
    crest(ImageDraw.Draw(alone), 40 * s, 30 * s, s)
    _save(alone, CREST)


def _save(image: Image.Image, target: Path) -> None:
    image = image.resize((image.width // SCALE, image.height // SCALE), Image.LANCZOS)
    image.save(target, optimize=True)
    print(f"wrote {target} ({image.width}×{image.height})")


if __name__ == "__main__":
    main()
