"""Excel-style number formats, printed the way PowerPoint prints them.

The deck hands the format code to PowerPoint; the guide prints labels itself. Both must show
``1,234`` or ``12.5%`` identically, so the guide formats through this module. It covers what
teachers write: digit placeholders ``0 # ?``, thousands separators, trailing-comma scaling,
``%``, literal text (quoted, escaped, or plain such as ``$`` and ``k``) and ``;`` sections.
"""

from __future__ import annotations

from dataclasses import dataclass
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

_PLACEHOLDERS = "0#?"
MAX_FORMAT = 64  # characters of one format code
MAX_DECIMALS = 10
_PLAIN_LITERALS = set("$-+/():!^&'~{}<>= ")


@dataclass(frozen=True)
class _Section:
    prefix: str
    suffix: str
    integer_minimum: int  # zeros before the point: digits always shown
    decimals_required: int
    decimals_optional: int
    grouping: bool
    scale: int  # divide by 1000 per trailing comma
    percent: int  # multiply by 100 per %
    has_digits: bool


def _tokens(section: str) -> list[tuple[str, str]]:
    """Split a section into ('lit', text) and ('code', char) tokens."""
    tokens: list[tuple[str, str]] = []
    index = 0
    while index < len(section):
        char = section[index]
        if char == '"':
            end = section.find('"', index + 1)
            end = len(section) if end < 0 else end
            tokens.append(("lit", section[index + 1:end]))
            index = end + 1
            continue
        if char == "\\" and index + 1 < len(section):
            tokens.append(("lit", section[index + 1]))
            index += 2
            continue
        if char in ("_",) and index + 1 < len(section):
            tokens.append(("lit", " "))  # '_x' reserves the width of x
            index += 2
            continue
        if char == "*" and index + 1 < len(section):
            index += 2  # fill character: nothing to repeat in a label
            continue
        if char == "[":
            end = section.find("]", index)
            index = len(section) if end < 0 else end + 1  # [Red], [$-409]: no text
            continue
        if char in _PLACEHOLDERS or char in ".,%":
            tokens.append(("code", char))
        else:
            tokens.append(("lit", char))
        index += 1
    return tokens


@lru_cache(maxsize=256)
def _parse(section: str) -> _Section:
    tokens = _tokens(section)
    digit_positions = [i for i, (kind, c) in enumerate(tokens) if kind == "code" and c in _PLACEHOLDERS]
    percent = sum(1 for kind, c in tokens if kind == "code" and c == "%")
    if not digit_positions:
        text = "".join(c if kind == "lit" else ("%" if c == "%" else c) for kind, c in tokens)
        return _Section(text, "", 0, 0, 0, False, 0, percent, False)
    first, last = digit_positions[0], digit_positions[-1]
    prefix = "".join(c for kind, c in tokens[:first] if kind == "lit" or c == "%")
    # trailing commas right after the last placeholder (before any point) scale by 1000
    body = tokens[first:last + 1]
    after = tokens[last + 1:]
    scale = 0
    while after and after[0] == ("code", ","):
        scale += 1
        after = after[1:]
    suffix = "".join(c for kind, c in after if kind == "lit" or c in "%.")
    point = next((i for i, (kind, c) in enumerate(body) if kind == "code" and c == "."), None)
    integer_part = body if point is None else body[:point]
    decimal_part = [] if point is None else body[point + 1:]
    grouping = any(t == ("code", ",") for t in integer_part)
    integer_minimum = sum(1 for kind, c in integer_part if kind == "code" and c == "0")
    required = sum(1 for kind, c in decimal_part if kind == "code" and c == "0")
    optional = sum(1 for kind, c in decimal_part if kind == "code" and c in "#?")
    return _Section(prefix, suffix, integer_minimum, required, optional, grouping, scale, percent,
                    True)


def _digits(value: Decimal, section: _Section) -> str:
    places = section.decimals_required + section.decimals_optional
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    integer, _, fraction = text.partition(".")
    if section.decimals_optional:
        keep = len(fraction.rstrip("0"))
        fraction = fraction[:max(keep, section.decimals_required)]
    integer = integer.lstrip("0")
    integer = integer.rjust(section.integer_minimum, "0") if section.integer_minimum else integer
    if section.grouping and integer:
        integer = f"{int(integer):,}"
    if not places:
        return integer
    return f"{integer}.{fraction}"  # '0.##' shows 3 as "3." exactly as Excel does


def format_number(value: float, code: str = "General", marks: tuple[str, str] = (",", ".")
                  ) -> str:
    """``value`` as PowerPoint displays it under the number format ``code``; ``marks`` are
    the thousands separator and the decimal mark the lecture's language writes (PowerPoint
    itself shows a chart's numbers with its user's own)."""
    text = _format(value, code)
    if marks == (",", "."):
        return text
    return _localised(text, code, marks)


def _localised(text: str, code: str, marks: tuple[str, str]) -> str:
    """The number's own separators (not a format's literal text) swapped for ``marks``."""
    group, decimal = marks
    return re.sub(r"\d[\d,]*(?:\.\d*)?|\.\d+", lambda m: m.group(0).translate(
        {ord(","): group, ord("."): decimal}), text)


def _format(value: float, code: str) -> str:
    if not code or code.strip().lower() == "general":
        return _general(value)
    sections = _split_sections(code)
    if value < 0 and len(sections) >= 2:
        section, sign = sections[1], ""
    elif value == 0 and len(sections) >= 3:
        section, sign = sections[2], ""
    else:
        section, sign = sections[0], "-" if value < 0 else ""
    parsed = _parse(section)
    magnitude = Decimal(repr(abs(float(value))))
    magnitude = magnitude * (Decimal(100) ** parsed.percent) / (Decimal(1000) ** parsed.scale)
    if not parsed.has_digits:
        return parsed.prefix
    digits = _digits(magnitude, parsed)
    if sign and set(digits) <= set("0.,"):
        sign = ""  # -0.001 shown as 0.0 carries no sign, as in Excel
    return f"{sign}{parsed.prefix}{digits}{parsed.suffix}"


def _split_sections(code: str) -> list[str]:
    sections, current, quoted = [], "", False
    for char in code:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            sections.append(current)
            current = ""
        else:
            current += char
    sections.append(current)
    return sections


def _general(value: float) -> str:
    """Excel's General: integers as such, others with up to 10 significant digits."""
    if float(value).is_integer() and abs(value) < 1e11:
        return str(int(value))
    text = f"{value:.10g}"
    return text if "e" not in text else f"{value:.5E}".replace("E+0", "E+").replace("E-0", "E-")


def format_problem(code: str) -> str | None:
    """Why PowerPoint would reject ``code``, or None: checked by ``validate`` so a bad
    format is a source error at its line, not a deck PowerPoint repairs."""
    if not code.strip():
        return "it is empty"
    if len(code) > MAX_FORMAT:
        return f"it is {len(code)} characters long; a format has at most {MAX_FORMAT}"
    unsafe = sorted(set(code) & set("<>&"))
    if unsafe:
        return (f"'{unsafe[0]}' cannot be used in a chart's number format (conditions such as "
                "[<0] are not supported): use sections separated by ';' instead")
    if code.count('"') % 2:
        return "a quote is not closed"
    sections = _split_sections(code)
    if len(sections) > 4:
        return "at most four sections separated by ';'"
    for section in sections:
        points = sum(1 for kind, char in _tokens(section) if kind == "code" and char == ".")
        if points > 1:
            return "more than one decimal point in a section"
        parsed = _parse(section)
        if parsed.decimals_required + parsed.decimals_optional > MAX_DECIMALS:
            return f"at most {MAX_DECIMALS} decimal places"
        if parsed.percent > 2 or parsed.scale > 4:
            return "too many '%' or trailing ',' (at most two % and four ,)"
    return None


def format_resolution(code: str) -> float:
    """The smallest step between two values ``code`` can show apart (1 for ``#,##0``, 0.01
    for ``0%``, 1000 for ``#,##0,"k"``), so axis steps never print as repeated labels."""
    if not code or code.strip().lower() == "general":
        return 0.0
    parsed = _parse(_split_sections(code)[0])
    if not parsed.has_digits:
        return 0.0
    places = parsed.decimals_required + parsed.decimals_optional
    return 10.0 ** -places / 100.0 ** parsed.percent * 1000.0 ** parsed.scale
