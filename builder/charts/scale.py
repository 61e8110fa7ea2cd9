"""Value-axis scales: one nice maximum and tick step, set identically in both outputs.

PowerPoint picks its own axis maximum unless told; we tell it (``maximum_scale``,
``major_unit``) the same numbers the guide draws, so gridlines and labels match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

_NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


@dataclass(frozen=True)
class AxisScale:
    minimum: float
    maximum: float
    step: float

    @property
    def ticks(self) -> list[float]:
        count = math.floor((self.maximum - self.minimum) / self.step + 1e-6)
        return [_clean(self.minimum + i * self.step) for i in range(count + 1)]

    def fraction(self, value: float) -> float:
        """Where ``value`` falls between minimum (0) and maximum (1); a bar's base at 0 on an
        axis fixed above 0 stands on the axis's floor."""
        return min(1.0, max(0.0, (value - self.minimum) / (self.maximum - self.minimum)))


def _clean(value: float) -> float:
    return float(f"{value:.12g}")


def nice_step(span: float, max_ticks: int = 7, resolution: float = 0.0) -> float:
    """The smallest 1-2-2.5-5 × 10^k step that covers ``span`` in at most ``max_ticks`` steps
    and is a whole multiple of ``resolution`` (what the number format can show)."""
    raw = max(span / max(max_ticks, 1), resolution)
    power = 10 ** math.floor(math.log10(raw))
    for candidate in [m * power for m in _NICE_STEPS] + [m * power * 10 for m in _NICE_STEPS]:
        if candidate >= raw * (1 - 1e-9) and _multiple_of(candidate, resolution):
            return _clean(candidate)
    return _clean(100 * power)


def _multiple_of(step: float, resolution: float) -> bool:
    if resolution <= 0:
        return True
    ratio = step / resolution
    return abs(ratio - round(ratio)) < 1e-6


def nice_scale(low: float, high: float, max_ticks: int = 7,
               resolution: float = 0.0) -> AxisScale:
    """A scale from 0 (or below, for negatives) to a round maximum at or above ``high``."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + max(1.0, resolution)
    step = nice_step(high - low, max_ticks, resolution)
    minimum = _clean(math.floor(low / step - 1e-9) * step) if low < 0 else 0.0
    maximum = _clean(math.ceil(high / step - 1e-9) * step)
    if maximum <= minimum:
        maximum = minimum + step
    return AxisScale(minimum, maximum, step)


def category_scale(series: list[tuple[float, ...]], stacked: bool,
                   resolution: float = 0.0, max_ticks: int = 7) -> AxisScale:
    """The value scale for a bar or line chart's series (summed per category when stacked)."""
    if stacked:
        tops = [sum(v for v in column if v > 0) for column in zip(*series)]
        bottoms = [sum(v for v in column if v < 0) for column in zip(*series)]
    else:
        tops = bottoms = [v for one in series for v in one]
    return nice_scale(min(bottoms, default=0.0), max(tops, default=0.0), max_ticks,
                      resolution=resolution)


def fixed_scale(scale: AxisScale, axis, resolution: float = 0.0,
                max_ticks: int = 7) -> AxisScale:
    """The data's scale with what the source fixed (``value_axis``: min, max, step): a fixed
    end stays where it is, a free one rounds to the step, and a free step is nice for the
    span that results."""
    if axis is None or (axis.min is None and axis.max is None and axis.step is None):
        return scale
    low = axis.min if axis.min is not None else scale.minimum
    high = axis.max if axis.max is not None else scale.maximum
    step = axis.step or nice_step(high - low, max_ticks, resolution)
    if axis.min is None:
        low = _clean(math.floor(min(low, 0.0) / step - 1e-9) * step) if low < 0 else 0.0
    if axis.max is None:
        high = _clean(low + math.ceil((high - low) / step - 1e-9) * step)
    if high <= low:
        high = low + step
    return AxisScale(low, high, step)
