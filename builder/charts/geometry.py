"""Figure proportions and fitting: the same aspect in the guide's column and the deck's box."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """A rectangle in points, origin top-left (y grows downward, as on a slide)."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def overlaps(self, other: "Box", gap: float = 0.0) -> bool:
        return not (self.right + gap <= other.left or other.right + gap <= self.left
                    or self.bottom + gap <= other.top or other.bottom + gap <= self.top)

    def inside(self, other: "Box") -> bool:
        eps = 1e-6
        return (self.left >= other.left - eps and self.top >= other.top - eps
                and self.right <= other.right + eps and self.bottom <= other.bottom + eps)


CHART_ASPECT = 0.52  # height / width of bar and line charts: wide, so slides keep room for labels
PIE_ASPECT = 0.62


def fit(available_width: float, available_height: float, aspect: float) -> tuple[float, float]:
    """The largest (width, height) with height/width = ``aspect`` inside the available box."""
    width = min(available_width, available_height / aspect)
    return width, width * aspect


def centred(left: float, top: float, width: float, height: float,
            inner_width: float, inner_height: float) -> tuple[float, float]:
    """Top-left corner that centres an inner box in an outer one."""
    return left + (width - inner_width) / 2, top + (height - inner_height) / 2
