"""YAML's pitfalls for people who write prose: found in the node tree, said with the fix.

Two slips turn a teacher's sentence into something else without a word from YAML:
a comma inside a flow list (``[About 4,000, About 42,000]`` is four items) and ``: `` inside
unquoted text (``- Cause: effect`` is a mapping; ``paragraph: The ratio: 3 to 1`` does not
parse). Both are reported as one line that says to quote the text. So are three more:
a date split at its comma in a flow list (``[July 8, 1853, January 3, 1868]`` is four
items), a comma inside an unquoted value of a flow mapping (``{label: Uraga (Perry, 1853),
lon: …}`` makes a field ``1853)``), and a ``?`` inside an unquoted flow item, which pure
PyYAML refuses (``[Side, Public at the time?]``) though libyaml reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

_ENDS_WITH_DIGITS = re.compile(r"\d{1,3}$")
_THOUSANDS_TAIL = re.compile(r"^\d{3}(?!\d)")
_PLAIN = (None, "")  # an unquoted scalar's style: None in pure PyYAML, '' from libyaml


def _plain_neighbours(node: yaml.SequenceNode) -> Iterator[tuple[yaml.ScalarNode, yaml.ScalarNode]]:
    """Each pair of neighbouring unquoted scalars in a flow list (``[a, b]``): where a comma
    the teacher meant as text may have split one item in two."""
    if not node.flow_style:
        return
    items = node.value
    for first, second in zip(items, items[1:]):
        if (isinstance(first, yaml.ScalarNode) and isinstance(second, yaml.ScalarNode)
                and first.style in _PLAIN and second.style in _PLAIN):
            yield first, second


def split_number(node: yaml.SequenceNode) -> tuple[yaml.Node, str] | None:
    """In a flow list, an item ending in digits, a comma with no space, then three digits:
    the node where the split happened and the number as written (``4,000``). A comma
    followed by a space (``[33.0, 131.4]``) separates on purpose."""
    for first, second in _plain_neighbours(node):
        if (second.start_mark.index - first.end_mark.index == 1  # "4,000": no space
                and _ENDS_WITH_DIGITS.search(first.value) and _THOUSANDS_TAIL.match(second.value)):
            head = _ENDS_WITH_DIGITS.search(first.value).group(0)
            return first, f"{head},{_THOUSANDS_TAIL.match(second.value).group(0)}"
    return None


_MONTH_DAY = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? "
                        r"\d{1,2}(?:st|nd|rd|th)?$", re.IGNORECASE)
_YEAR = re.compile(r"\d{3,4}(?:\s*(?:BCE|BC|CE|AD))?$")


def split_date(node: yaml.SequenceNode) -> tuple[yaml.Node, str] | None:
    """In a flow list, ``July 8`` then ``1853`` (a month and day, a comma, a year): the node
    where the date was split and the date as written."""
    for first, second in _plain_neighbours(node):
        if (first.start_mark.line == second.start_mark.line
                and _MONTH_DAY.match(first.value) and _YEAR.match(second.value)):
            return first, f"{first.value}, {second.value}"
    return None


def split_date_message(date: str) -> str:
    return (f"'{date}' was split into two list items at its comma (in [ … ] a comma separates "
            f"items): quote each item, e.g. ['{date}', …], or write the list one item per line "
            f"with '- '")


def split_value(node: yaml.MappingNode) -> tuple[yaml.Node, str, str] | None:
    """In a flow mapping, a field with no value right after a plain value and ``, ``:
    ``{label: Uraga (Perry, 1853), …}`` read as ``label: Uraga (Perry`` and a field
    ``1853)``. The value's node, its field and the text as written."""
    if not node.flow_style:
        return None
    for (key, value), (next_key, next_value) in zip(node.value, node.value[1:]):
        if (isinstance(value, yaml.ScalarNode) and value.style in _PLAIN and value.value
                and isinstance(key, yaml.ScalarNode)
                and isinstance(next_key, yaml.ScalarNode) and next_key.style in _PLAIN
                and isinstance(next_value, yaml.ScalarNode) and next_value.value == ""
                and next_value.tag.endswith(":null")
                and next_value.start_mark.index - next_key.end_mark.index <= 1  # no ': ' at all
                and next_key.start_mark.line == value.end_mark.line):
            return value, key.value, f"{value.value}, {next_key.value}"
    return None


def split_value_message(field: str, text: str) -> str:
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    return (f"'{text}' was cut at its comma (in {{ … }} a comma separates fields): quote the "
            f"{field}: {field}: \"{quoted}\"")


_QUESTION = re.compile(r"expected ',' or '[\]}]', but got '\?'")


def question_mark_message(problem: str, line_text: str, column: int) -> str | None:
    """The fix for PyYAML's refusal of ``?`` inside an unquoted item of ``[ … ]`` or ``{ … }``
    (``column`` is the ``?``'s, from 0), else None."""
    if not _QUESTION.fullmatch(problem or ""):
        return None
    start = max(line_text.rfind(mark, 0, column) for mark in "[{,:") + 1
    ends = [at for at in (line_text.find(mark, column) for mark in ",]}") if at >= 0]
    item = line_text[start:min(ends) if ends else len(line_text)].strip()
    quoted = item.replace("\\", "\\\\").replace('"', '\\"')
    return (f"a '?' inside text that is not in quotes, in a [ … ] or {{ … }} list: quote the "
            f"item: \"{quoted}\"")


def split_number_message(number: str) -> str:
    return (f"'{number}' was split into two list items at its comma (in [ … ] a comma separates "
            f"items): quote each item, e.g. ['About {number}', …], or write the list one item "
            f"per line with '- '")


def inline_mapping_text(node: yaml.MappingNode) -> str | None:
    """``Cause: effect`` written on one line where text was probably meant, else None."""
    if node.flow_style or len(node.value) != 1:
        return None
    key, value = node.value[0]
    if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)):
        return None
    if key.style not in _PLAIN or value.style not in _PLAIN or key.start_mark.line != value.end_mark.line:
        return None
    return f"{key.value}: {value.value}"


def colon_message(line_text: str) -> str:
    """The fix for 'mapping values are not allowed here' on ``line_text``."""
    stripped = line_text.strip()
    prefix = "- " if stripped.startswith("- ") else ""
    body = stripped[len(prefix):]
    key, sep, value = body.partition(": ")
    if sep and value and re.fullmatch(r"[A-Za-z_][\w-]*", key):
        quoted = value.replace("\\", "\\\\").replace('"', '\\"')
        return (f"': ' inside text that is not in quotes; quote the whole text: "
                f"{prefix}{key}: \"{quoted}\"")
    return "': ' inside text that is not in quotes; put the whole text in double quotes"
