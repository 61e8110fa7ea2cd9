"""Typography rules both outputs share: where a line may not break, and how quotes nest.

The guide (reportlab) and the deck (PowerPoint, LibreOffice) break lines by different rules,
so the rules are stated once here, as characters: a no-break space between a number and its
unit (every line breaker honours it, and both our measurers treat it as part of the word),
and a word joiner after the dash of a range for the outputs whose line breaker would break
after an en dash (PowerPoint and LibreOffice do; reportlab never breaks inside a word).
Quotation marks nest by alternating “ ‘ ’ ”, whatever the level.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
WORD_JOINER = "\u2060"
OPEN_DOUBLE, CLOSE_DOUBLE = "“", "”"
OPEN_SINGLE, CLOSE_SINGLE = "‘", "’"

# Units a number is never parted from: SI and common lecture units, with their prefixes.
_UNITS = (
    "%", "‰", "°", "°C", "°F", "K", "km", "m", "cm", "mm", "μm", "µm", "nm", "pm", "Å",
    "km²", "m²", "cm²", "mm²", "m³", "cm³", "ha", "kg", "g", "mg", "μg", "µg", "ng", "t",
    "L", "l", "mL", "ml", "μL", "µL", "dL", "mol", "mmol", "μmol", "µmol", "M", "mM", "μM",
    "µM", "nM", "s", "ms", "μs", "µs", "ns", "min", "h", "hr", "Hz", "kHz", "MHz", "GHz",
    "N", "kN", "Pa", "kPa", "MPa", "hPa", "atm", "bar", "mbar", "mmHg", "J", "kJ", "MJ",
    "cal", "kcal", "eV", "keV", "MeV", "W", "kW", "MW", "GW", "kWh", "V", "mV", "kV", "A",
    "mA", "Ω", "kΩ", "C", "F", "T", "dB", "ppm", "ppb", "bp", "kb", "kDa", "Da", "rpm",
    "km/h", "m/s", "mph", "ft", "mi", "lb", "lbs", "oz", "gal", "B", "kB", "MB", "GB",
    "TB", "px", "pt", "BC", "BCE", "AD", "CE",
)
_UNIT_ALTERNATION = "|".join(re.escape(unit) for unit in sorted(_UNITS, key=len, reverse=True))
# a number (digits with separators, an optional decimal part), one space, a unit ending a word
_NUMBER_UNIT = re.compile(r"(?<=\d) (?=(?:" + _UNIT_ALTERNATION + r")(?![\w]))")
# a dash joining two things without spaces: 14–21, 1950–53, October–November
_RANGE_DASH = re.compile(r"(?<=\w)([–—])(?=\w)")
_OPENERS = " \t\n([{/-–—" + OPEN_DOUBLE + OPEN_SINGLE


def bind_units(text: str) -> str:
    """A number and its unit never part: ``12 km`` → ``12\u00a0km``."""
    return _NUMBER_UNIT.sub(NBSP, text)


def join_ranges(text: str) -> str:
    """No break after the dash of a range: ``14–21`` → ``14–\u206021``."""
    return _RANGE_DASH.sub(r"\1" + WORD_JOINER, text)


def curl(text: str) -> str:
    """Straight double quotes become curly ones, opening after a space or an opener."""
    out = []
    for index, char in enumerate(text):
        if char == '"':
            before = text[index - 1] if index else " "
            out.append(OPEN_DOUBLE if before in _OPENERS else CLOSE_DOUBLE)
        else:
            out.append(char)
    return "".join(out)


def _single_pairs(text: str) -> list[tuple[int, int]]:
    """Positions of ‘…’ used as quotation marks (an apostrophe ’ inside a word is not one)."""
    pairs, stack = [], []
    for index, char in enumerate(text):
        if char == OPEN_SINGLE:
            stack.append(index)
        elif char == CLOSE_SINGLE and stack:
            after = text[index + 1] if index + 1 < len(text) else " "
            if not after.isalnum():
                pairs.append((stack.pop(), index))
    return pairs


def nest(text: str) -> str:
    """The text as it reads inside one more level of quotation: “ ” ↔ ‘ ’ swap."""
    text = curl(text)
    singles = {index for pair in _single_pairs(text) for index in pair}
    swap = {OPEN_DOUBLE: OPEN_SINGLE, CLOSE_DOUBLE: CLOSE_SINGLE}
    out = []
    for index, char in enumerate(text):
        if char in swap:
            out.append(swap[char])
        elif index in singles:
            out.append(OPEN_DOUBLE if char == OPEN_SINGLE else CLOSE_DOUBLE)
        else:
            out.append(char)
    return "".join(out)


def quoted(text: str) -> str:
    """``text`` inside “ ”, its own quotation marks one level in (so never ``””``).

    A text already wholly inside one pair of double quotes keeps them and gets no second pair.
    """
    text = curl(text.strip())
    if (text.startswith(OPEN_DOUBLE) and text.endswith(CLOSE_DOUBLE)
            and text.count(OPEN_DOUBLE) == 1 and text.count(CLOSE_DOUBLE) == 1):
        return text
    return OPEN_DOUBLE + nest(text) + CLOSE_DOUBLE


def for_guide(text: str) -> str:
    """The shared rules as the guide sets them (reportlab never breaks at a dash)."""
    return bind_units(text)


def for_deck(text: str) -> str:
    """The shared rules as the deck sets them (PowerPoint breaks after an en dash)."""
    return join_ranges(bind_units(text))
