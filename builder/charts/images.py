"""Image figures: their pixel size, read once the same way for both outputs."""

from __future__ import annotations

from pathlib import Path

from builder.errors import RenderError


def pixel_size(path: Path, figure) -> tuple[int, int]:
    """(width, height) in pixels; RenderError at the figure's line if the file is unreadable
    (validation read it, but it may have changed since)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as picture:
            return picture.size
    except (OSError, UnidentifiedImageError) as error:
        raise RenderError(f"{figure.where}: image '{figure.path}' cannot be read "
                          f"({error})") from None
