"""Where a line may not break: things a reader takes in as one unit.

Each rule turns an ordinary space into a no-break one (U+00A0), which every line breaker we
meet honours (reportlab, PowerPoint, LibreOffice) and which ``typography.breakable_words``
and both measurers treat as part of the word:

* a number and its unit (``12 km``, ``5 %``, ``30 €``), and a sign before a number (``≈ 420``);
* a symbol or abbreviation before its number (``pH 8``, ``€ 5``, ``§ 3``, ``No. 4``,
  ``p. 12``, ``Fig. 3``, ``c. 1500``), which nothing bound before;
* a date, in any language the builder speaks: ``26 octobre 1795``, ``October 26, 1795``,
  ``30. November 2026``, ``30 de noviembre de 2026``, ``18 brumaire an VIII``, ``300 av. J.-C.``;
* digits grouped by spaces (``20 000``): one number;
* a short bracketed formula (``(x − μ)``): its inner spaces;
* a spaced dash never starts a line: the space before it is bound, the one after breaks, so
  a range ``26 octobre 1795 – 9 novembre 1799`` may break only after ``– ``.

Month names come from the words table (every language, full and short), so a French date
quoted in an English lecture binds too; a space is only ever bound, never removed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from builder.text.words import table

NBSP = "\u00a0"
_SPACE = "[ \u00a0]"  # a space a rule may meet already bound by another rule

# Units a number is never parted from: SI and common lecture units, with their prefixes,
# and currencies written after the amount.
UNITS = (
    "%", "‰", "°", "°C", "°F", "K", "km", "m", "cm", "mm", "μm", "µm", "nm", "pm", "Å",
    "km²", "m²", "cm²", "mm²", "m³", "cm³", "ha", "kg", "g", "mg", "μg", "µg", "ng", "t",
    "L", "l", "mL", "ml", "μL", "µL", "dL", "mol", "mmol", "μmol", "µmol", "M", "mM", "μM",
    "µM", "nM", "s", "ms", "μs", "µs", "ns", "min", "h", "hr", "Hz", "kHz", "MHz", "GHz",
    "N", "kN", "Pa", "kPa", "MPa", "hPa", "atm", "bar", "mbar", "mmHg", "J", "kJ", "MJ",
    "cal", "kcal", "eV", "keV", "MeV", "W", "kW", "MW", "GW", "kWh", "V", "mV", "kV", "A",
    "mA", "Ω", "kΩ", "C", "F", "T", "dB", "ppm", "ppb", "bp", "kb", "kDa", "Da", "rpm",
    "km/h", "m/s", "mph", "ft", "mi", "lb", "lbs", "oz", "gal", "B", "kB", "MB", "GB",
    "TB", "px", "pt", "BC", "BCE", "AD", "CE", "€", "$", "£", "¥", "₩", "₹", "CHF", "USD",
    "EUR", "GBP", "JPY", "mW", "μW", "µW", "Ma", "Ga", "Myr", "kyr", "Gyr",
)
# Time spans counted in words, in every language the builder speaks ("within 15 minutes",
# "en 3 jours", "vor 10 Jahren"): the number stays with its word as with a unit.
COUNTED = (
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "century", "centuries", "million", "millions",
    "billion", "billions", "seconde", "secondes", "heure", "heures", "jour", "jours",
    "semaine", "semaines", "mois", "ans", "année", "années", "siècle", "siècles",
    "Sekunde", "Sekunden", "Minute", "Minuten", "Stunde", "Stunden", "Tag", "Tage", "Tagen",
    "Woche", "Wochen", "Monat", "Monate", "Monaten", "Jahr", "Jahre", "Jahren",
    "Jahrhundert", "Jahrhunderte", "Millionen", "Milliarden", "segundo", "segundos",
    "minuto", "minutos", "hora", "horas", "día", "días", "semana", "semanas", "mes", "meses",
    "año", "años", "siglo", "siglos", "millón", "millones",
)
# Units of time that join a compound only with their power (20–150 mm a⁻¹, 3 cm yr⁻¹): on
# their own they are words ("in 1950 a war"), never bound.
PER_UNITS = ("a", "yr", "y", "d", "wk")
# What stands BEFORE its number: a symbol (pH 8, € 5, § 3) or an abbreviation (No. 4,
# p. 12, Fig. 3, c. 1500, b. 1912). Whole words (Figure, Table, Section) are left to break:
# the builder's own furniture ("Figure 1.") is compared as typed.
PREFIXES = (
    "pH", "pOH", "pKa", "pKₐ", "€", "$", "US$", "£", "¥", "₩", "₹", "§", "§§", "¶", "№",
    "No.", "no.", "Nos.", "nos.", "Nº", "nº", "N°", "n°", "Nr.", "nr.", "núm.", "Núm.",
    "p.", "pp.", "S.", "Fig.", "fig.", "Figs.", "figs.", "Abb.", "Tab.", "tab.", "Vol.",
    "vol.", "Bd.", "t.", "ch.", "Ch.", "chap.", "Chap.", "art.", "Art.", "Kap.", "cap.",
    "Cap.", "c.", "ca.", "r.", "b.", "d.", "geb.", "gest.", "AD", "A.D.", "Nr",
    "Mw", "ML", "Ms",  # earthquake magnitudes: Mw 9.5
)
# Eras after a year, as the words table writes them (with their own inner spaces).
ERAS = ("av. J.-C.", "apr. J.-C.", "v. Chr.", "n. Chr.", "a. C.", "d. C.", "a. de C.",
        "d. de C.", "B.C.", "A.D.", "B.C.E.", "C.E.")
# The French Republican calendar (18 brumaire an VIII), which no table of ours prints.
REPUBLICAN = ("vendémiaire", "brumaire", "frimaire", "nivôse", "pluviôse", "ventôse",
              "germinal", "floréal", "prairial", "messidor", "thermidor", "fructidor")


def _alternation(words: set[str]) -> str:
    """Longest first, each ending at a word's end (a dotted abbreviation ends at its dot)."""
    return "|".join(re.escape(word) + ("" if not word[-1].isalnum() else r"(?!\w)")
                    for word in sorted(words, key=len, reverse=True))


_UNIT_ALTERNATION = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))
_POWER = "[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]*"  # mol⁻¹, m²
_NUMBER_UNIT = re.compile(r"(?<=\d) (?=(?:" + _UNIT_ALTERNATION + "|"
                          + "|".join(COUNTED) + r")(?!\w))")
# a compound unit after its number: 2,870 kJ mol⁻¹, 9.8 m s⁻², 8.314 J mol⁻¹ K⁻¹
_UNIT_UNIT = re.compile(r"(\d\u00a0(?:(?:" + _UNIT_ALTERNATION + ")" + _POWER + r"\u00a0)*(?:"
                        + _UNIT_ALTERNATION + ")" + _POWER + r") (?=(?:(?:" + _UNIT_ALTERNATION
                        + ")" + _POWER + "|(?:" + "|".join(PER_UNITS) + ")[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+"
                        + r")(?!\w))")
# a short symbol and a relation to a number: λ ≈ 680 nm, x = 5, pH < 7 (never "λ" / "≈ 680")
_SYMBOL_RELATION = re.compile(r"(?<![\w.])([^\W\d_][^\s,;:.!?)\]}]{0,3}) "
                              r"(?=[=≈≠<>≤≥∼~][ \u00a0]?[-−+]?\d)")
_PREFIX_NUMBER = re.compile(r"(?<![\w.])(" + _alternation(set(PREFIXES)) + r") (?=[-−+]?\d)")
_SIGN_NUMBER = re.compile(r"(?<=[=≈≠~<>≤≥±∼]) (?=[-−+]?\d|(?:" + _alternation(set(PREFIXES))
                          + r")\u00a0)")
_DIGIT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)")
_ERA = re.compile(r"(?<=\d) (" + "|".join(re.escape(era).replace(r"\ ", _SPACE)
                                          for era in sorted(ERAS, key=len, reverse=True)) + ")")
_SPACED_DASH = re.compile(r"(?<=\S) (?=[–—](?:\s|$))")


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    """The date rules, built once from every language's month names."""
    names: set[str] = set(REPUBLICAN)
    for key in ("months", "months_short"):
        for months in table()[key].values():
            names.update(months)
    names |= {name[:1].upper() + name[1:] for name in names}  # « Octobre 1795 » opening a line
    month = "(?:" + _alternation(names) + ")"
    republican = "(?:" + _alternation(set(REPUBLICAN)) + ")"
    day = r"(?<![\w.,])\d{1,2}(?:er|st|nd|rd|th|º|\.)?"
    return (
        # day, month: 26 octobre, 1er mai, 30. November, 30 de noviembre, 18 brumaire
        re.compile(rf"({day}){_SPACE}(?:(de){_SPACE})?({month})"),
        # month, day or year: October 26, octobre 1795, noviembre de 2026
        re.compile(rf"(?<!\w)({month}){_SPACE}(?:(de){_SPACE})?(\d{{1,4}}(?!\d))"),
        # month day, year: October 26, 1795
        re.compile(rf"({month}\u00a0\d{{1,2}}), (\d{{3,4}}(?!\d))"),
        # the Republican year: brumaire an VIII, l’an II
        re.compile(rf"({republican}|[lL][’']an)(?:{_SPACE}(an))?{_SPACE}([IVXLC]{{1,6}}(?!\w))"),
    )


def _joined(match: re.Match[str]) -> str:
    return NBSP.join(group for group in match.groups() if group)


def bind_dates(text: str) -> str:
    """A date is one unit, in every language: ``26 octobre 1795``, ``October 26, 1795``,
    ``30. November 2026``, ``30 de noviembre de 2026``, ``18 brumaire an VIII``."""
    if "an" not in text and not any(char.isdigit() for char in text):
        return text
    day_month, month_number, month_day_year, republican = _date_patterns()
    text = day_month.sub(_joined, text)
    text = month_number.sub(_joined, text)
    text = month_day_year.sub(lambda m: f"{m.group(1)},{NBSP}{m.group(2)}", text)
    text = republican.sub(_joined, text)
    return _ERA.sub(lambda m: NBSP + m.group(1).replace(" ", NBSP), text)


def bind_numbers(text: str) -> str:
    """A number never parts from its unit (``12 km``, ``2,870 kJ mol⁻¹``), from the symbol
    or abbreviation before it (``pH 8``, ``No. 4``, ``p. 12``), from a sign (``≈ 420``,
    ``λ ≈ 680``), nor within its digit groups (``20 000``)."""
    if not any(char.isdigit() for char in text):
        return text
    text = _DIGIT_GROUPS.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    text = _NUMBER_UNIT.sub(NBSP, text)
    while True:  # one unit more each time: J mol⁻¹ K⁻¹
        joined = _UNIT_UNIT.sub(lambda m: m.group(1) + NBSP, text)
        if joined == text:
            break
        text = joined
    text = _PREFIX_NUMBER.sub(lambda m: m.group(1) + NBSP, text)
    text = _SYMBOL_RELATION.sub(lambda m: m.group(1) + NBSP, text)
    return _SIGN_NUMBER.sub(NBSP, text)


def bind_dashes(text: str) -> str:
    """A spaced dash stays with what comes before it (``1795 –`` / ``1799``): a line may
    break after the dash's following space, never before the dash."""
    return _SPACED_DASH.sub(NBSP, text) if ("–" in text or "—" in text) else text


# a short bracketed formula: an operator between spaces and no word of three letters
_FORMULA = re.compile(r"\(([^()\n]{3,24})\)")
_OPERATOR = re.compile(r" [−+×÷=<>≤≥±·/] ")
_WORD = re.compile(r"[^\W\d_]{3,}")


def bind_formulas(text: str) -> str:
    """The spaces inside a short bracketed formula (``(x − μ)``, ``(n + 1)``) are bound:
    "e^(−(x −" / "μ)²/(2σ²))" broke inside its brackets (review 18:38)."""
    if "(" not in text:
        return text

    def bound(match: re.Match) -> str:
        inner = match.group(1)
        if not _OPERATOR.search(inner) or _WORD.search(inner):
            return match.group(0)
        return "(" + inner.replace(" ", NBSP) + ")"
    return _FORMULA.sub(bound, text)


def bind(text: str) -> str:
    """Every no-break rule above, in the order they depend on each other."""
    return bind_dashes(bind_dates(bind_numbers(bind_formulas(text))))
